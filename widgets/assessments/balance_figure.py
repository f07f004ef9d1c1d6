"""The single-leg stance norms as a bar chart, with the client's band and time marked (no widgets)."""

from __future__ import annotations

from functools import lru_cache

from groundup.assessments.balance import BANDS, CAP_SECONDS, AgeBand, fmt_seconds
from groundup.figures import Figure, new_figure, render
from groundup.style import OKABE_ITO


@lru_cache(maxsize=64)
def norms_figure(band_key: str | None = None, seconds: float | None = None) -> Figure:
    """Average best-of-three eyes-open times per age band; the client's band hatched, their time a dashed line."""
    chosen: AgeBand | None = next((b for b in BANDS if b.key == band_key), None)
    fig = new_figure(figsize=(7.6, 3.8))
    ax = fig.add_subplot()
    xs = range(len(BANDS))
    for x, band in zip(xs, BANDS):
        mine = chosen is not None and band.key == chosen.key
        ax.bar(
            x, band.average_seconds, width=0.7,
            color=OKABE_ITO["sky_blue"] if mine else "#D9D9D9",
            edgecolor=OKABE_ITO["blue"] if mine else "#555555",
            hatch="//" if mine else None, linewidth=2 if mine else 1,
        )
    ax.axhline(CAP_SECONDS, color="#555555", linestyle=":", linewidth=1)
    ax.text(len(BANDS) - 0.5, CAP_SECONDS + 1, f"timing stops at {fmt_seconds(CAP_SECONDS)} s", ha="right", va="bottom",
            fontsize=10, color="#333333")
    if seconds is not None and chosen is not None:
        x = BANDS.index(chosen)
        ax.plot([x - 0.45, x + 0.45], [seconds, seconds], color=OKABE_ITO["vermillion"], linestyle="--", linewidth=3)
        ax.plot([x], [seconds], marker="D", color=OKABE_ITO["vermillion"], markersize=8)
        last = x == len(BANDS) - 1
        ax.text(x - 0.5 if last else x + 0.5, seconds, f"client: {fmt_seconds(seconds)} s", ha="right" if last else "left",
                va="center", fontsize=11, bbox={"boxstyle": "round,pad=0.2", "facecolor": "white",
                                                 "edgecolor": OKABE_ITO["vermillion"]})
    ax.set_xticks(list(xs), [f"{b.label}\n{fmt_seconds(b.average_seconds)} s" for b in BANDS])
    ax.set_xlabel("Age band (years), with its average time")
    ax.set_ylabel("Best of 3, eyes open (s)")
    ax.set_ylim(0, 53)
    ax.set_title("Single-leg stance: average time by age\n(Springer et al. 2007; secondary rounding, not yet checked)")

    values = "; ".join(f"{b.label}: {fmt_seconds(b.average_seconds)} s" for b in BANDS)
    alt = f"Bar chart of the average best-of-three eyes-open single-leg stance time by age band ({values})."
    if chosen is not None and seconds is not None:
        relation = "at or above" if seconds >= chosen.average_seconds else "below"
        alt += f" The client's time of {fmt_seconds(seconds)} s is marked by a dashed line on the {chosen.label} bar, {relation} its average."
        caption = (f"Average times fall with age, most steeply after 60; the client's {fmt_seconds(seconds)} s is {relation} "
                   f"the average for ages {chosen.label}.")
    elif chosen is not None:
        alt += f" The {chosen.label} bar is hatched as the client's band."
        caption = "Average times fall with age, most steeply after 60; enter the client's best time to mark it."
    else:
        caption = "Average times fall with age, most steeply after 60."
    return render(fig, alt, caption, dpi=90)
