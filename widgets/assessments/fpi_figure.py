"""The FPI-6 total on its scale: five labelled, hatched bands and a marker (no widgets)."""

from __future__ import annotations

from functools import lru_cache

from groundup.assessments.fpi import CATEGORIES, TOTAL_MAX, TOTAL_MIN, YOUNG_ADULT_RANGE, category, signed
from groundup.figures import Figure, new_figure, render
from groundup.style import OKABE_ITO

# Colour and hatching per band, so the band is never told by colour alone (its name is written in it too).
_BAND_STYLE = {
    "highly_supinated": (OKABE_ITO["blue"], "xx"),
    "supinated": (OKABE_ITO["sky_blue"], "//"),
    "normal": (OKABE_ITO["bluish_green"], ""),
    "pronated": (OKABE_ITO["orange"], "\\\\"),
    "highly_pronated": (OKABE_ITO["vermillion"], "++"),
}
_SHORT = {
    "highly_supinated": "highly\nsupinated",
    "supinated": "supinated",
    "normal": "normal",
    "pronated": "pronated",
    "highly_pronated": "highly\npronated",
}


class _Scale:
    """One figure drawn once; each total only moves the marker and restyles the bands (fast to re-render)."""

    def __init__(self):
        fig = new_figure(figsize=(8.6, 2.3))
        ax = fig.add_axes((0.03, 0.36, 0.94, 0.44))
        self.fig, self.patches, self.labels = fig, {}, {}
        for band in CATEGORIES:
            colour, hatch = _BAND_STYLE[band.key]
            left, right = band.low - 0.5, band.high + 0.5
            self.patches[band.key] = ax.add_patch(_rect(left, right, colour, hatch))
            self.labels[band.key] = ax.text(
                (left + right) / 2, 0.5, _SHORT[band.key], ha="center", va="center", fontsize=11, color="black",
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85})
        low, high = YOUNG_ADULT_RANGE
        ax.annotate("", xy=(low - 0.4, -0.55), xytext=(high + 0.4, -0.55),
                    arrowprops={"arrowstyle": "<->", "color": "black", "lw": 1.2}, annotation_clip=False)
        ax.text((low + high) / 2, -0.68, "typical in healthy young adults (one study)", ha="center", va="top",
                fontsize=10, clip_on=False)
        (self.marker,) = ax.plot([0], [1.14], marker="v", markersize=16, color="black", clip_on=False)
        self.total_text = ax.text(0, 1.30, "", ha="center", va="bottom", fontsize=12, fontweight="bold",
                                  clip_on=False)
        ax.set_xlim(TOTAL_MIN - 0.5, TOTAL_MAX + 0.5)
        ax.set_ylim(0, 1)
        ax.set_yticks([])
        ax.set_xticks(range(TOTAL_MIN, TOTAL_MAX + 1, 2))
        ax.set_xticklabels([signed(n) for n in range(TOTAL_MIN, TOTAL_MAX + 1, 2)])
        ax.tick_params(axis="x", pad=1, length=3)
        for side in ("left", "right", "bottom", "top"):
            ax.spines[side].set_visible(False)

    def draw(self, total: int) -> Figure:
        cat = category(total)
        for band in CATEGORIES:
            current = band is cat
            patch = self.patches[band.key]
            patch.set_alpha(0.55 if current else 0.28)
            patch.set_linewidth(2.5 if current else 0.8)
            self.labels[band.key].set_fontweight("bold" if current else "normal")
        self.marker.set_xdata([total])
        self.total_text.set_x(total)
        self.total_text.set_text(f"total {signed(total)}")
        alt = (
            f"A horizontal FPI-6 scale from −12 (highly supinated, left) to +12 (highly pronated, right) in five "
            f"labelled bands: highly supinated −12 to −5, supinated −4 to −1, normal 0 to +5, pronated +6 to +9, "
            f"highly pronated +10 to +12. A marker at {signed(total)} sits in the {cat.label.lower()} band."
        )
        caption = f"Total {signed(total)}: the “{cat.label.lower()}” band ({cat.range_text}) of the FPI-6 manual."
        return render(self.fig, alt, caption, close=False)


_scale: _Scale | None = None


@lru_cache(maxsize=32)
def scale_figure(total: int) -> Figure:
    """The −12..+12 scale with the manual's five bands and a marker at ``total``."""
    global _scale
    category(total)  # refuses a total off the scale before anything is drawn
    if _scale is None:
        _scale = _Scale()
    return _scale.draw(total)


def _rect(left, right, colour, hatch):
    from matplotlib.patches import Rectangle

    return Rectangle((left, 0), right - left, 1, facecolor=colour, alpha=0.28, hatch=hatch,
                     edgecolor="black", linewidth=0.8)
