"""Draw the foot skeleton with matplotlib: group colours and hatching, labels, highlights, alt text.

``foot_diagram(view, highlight, labels)`` is the diagram lessons show;
``label_figure(view, highlight)`` the unlabelled figure of a label-the-diagram
question (the structure marked with an arrow and a question mark, its name kept
out of the alt text). Both return a ``groundup.figures.Figure`` (PNG, alt text,
one-sentence takeaway).

Speed: each kind of drawing (view, labels or not, question or not, something
highlighted or not) has one ``Scene``, a matplotlib figure built once, big enough
for every label layout it may need; a drawing restyles its artists (colours,
highlight, label positions) and renders it. Re-using the figure skips building
axes and artists and lets matplotlib re-use its text measurements. Finished
drawings are also cached, so going back to one costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from groundup.errors import GroundUpError
from groundup.figures import Figure, new_figure
from groundup.style import OKABE_ITO

from . import layout, outlines, textsprite
from .catalogue import Bone, Joint, catalogue, structure
from .geometry import View, check_view_name, load_view

DPI = 100
PX_PER_MM = 2.75  # drawing scale: a 255 mm foot is about 700 px tall
LABEL_PT = 8.5
CALLOUT_PT = 9.5
TITLE_PT = 11.5
INK = "#1f1f1f"
EDGE = "#2b2b2b"
HIGHLIGHT = OKABE_ITO["vermillion"]
CALLOUT = "\0callout"  # layout key of the highlighted structure's own label
MIN_WIDTH_MM = 215  # about 590 px: room for the title and a legend of three columns


@dataclass(frozen=True)
class GroupStyle:
    colour: str
    hatch: str | None
    words: str  # how the group looks, for alt text


GROUP_STYLE = {
    "tarsal": GroupStyle(OKABE_ITO["orange"], None, "orange with no pattern"),
    "metatarsal": GroupStyle(OKABE_ITO["sky_blue"], "//", "sky blue with diagonal stripes"),
    "phalanx": GroupStyle(OKABE_ITO["bluish_green"], "..", "green with dots"),
    "sesamoid": GroupStyle(OKABE_ITO["yellow"], "xx", "yellow with cross-hatching"),
    "leg": GroupStyle(OKABE_ITO["reddish_purple"], "\\\\", "pink with back-slanted stripes"),
}

VIEW_WORDS = {
    "dorsal": ("Diagram of the bones of a right foot seen from above (dorsal view): toes at the top, heel at the "
               "bottom, big-toe (medial) side on the left, little-toe (lateral) side on the right."),
    "medial": ("Diagram of the bones of a right foot seen from the inner side (medial view), standing on the floor: "
               "heel on the left, toes on the right. The bones rise from the heel to the talus and navicular and come "
               "down to the big-toe joint, forming the medial longitudinal arch; the lower ends of the tibia and "
               "fibula stand on the talus. Bones further from the viewer are paler and partly hidden."),
}
QUIZ_VIEW_WORDS = {
    "dorsal": ("Diagram of the bones of a right foot seen from above (dorsal view): toes at the top, heel at the "
               "bottom, big-toe (medial) side on the left, little-toe (lateral) side on the right."),
    "medial": ("Diagram of the bones of a right foot seen from the inner side (medial view), standing on the floor: "
               "heel on the left, toes on the right, the bones forming the medial longitudinal arch, with the lower "
               "ends of the two leg bones at the top. Bones further from the viewer are paler and partly hidden."),
}
ORIENTATION = {
    "dorsal": "toes at the top, big-toe (medial) side on the left",
    "medial": "heel on the left, toes on the right, standing on the floor",
}
VIEW_TAKEAWAY = {
    "dorsal": ("From above, the foot's 26 bones run from 7 tarsals at the heel end through 5 metatarsals to "
               "14 phalanges in the toes."),
    "medial": ("From the inner side, the bones form an arch that is highest under the navicular and medial "
               "cuneiform and rests on the heel and the ball of the big toe."),
}


def _mix(colour: str, amount: float) -> tuple:
    """``colour`` mixed with white: amount 1 = the colour, 0 = white."""
    from matplotlib.colors import to_rgb

    r, g, b = to_rgb(colour)
    return (1 - amount + amount * r, 1 - amount + amount * g, 1 - amount + amount * b)


@lru_cache(maxsize=512)
def _text_size(text: str, points: float, bold: bool) -> tuple[float, float]:
    """Width and height of a text in millimetres of the drawing."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    prop = FontProperties(size=points, weight="bold" if bold else "normal")
    width, _, _ = text_to_path.get_text_width_height_descent(text, prop, ismath=False)  # advance width, points
    to_mm = DPI / 72 / PX_PER_MM
    return width * to_mm + 1.0, points * 1.3 * to_mm


def _line_midpoint(points: np.ndarray) -> tuple[float, float]:
    seg = np.linalg.norm(np.diff(points, axis=0), axis=1)
    total = seg.sum()
    if total <= 0:
        return tuple(points[0])
    where = np.searchsorted(np.cumsum(seg), total / 2)
    return tuple(points[min(where + 1, len(points) - 1)])


def _targets(view: View, item) -> list:
    if isinstance(item, Bone):
        return [tuple(view.bones[item.id].anchor)]
    lines = view.joints[item.id]
    if len(lines) <= 2:
        return [_line_midpoint(line.points) for line in lines]
    longest = max(lines, key=lambda line: outlines.line_length(line.points))
    return [_line_midpoint(longest.points)]


def _callout_side(view: View, point) -> str:
    x, y = point
    if view.name == "dorsal":
        return "left" if x < 24 else "right"
    if x < 72 and y > 20:
        return "left"
    return "bottom" if y < 14 else "top"


def _shown_bones(view: View, item) -> list[str]:
    """Bones drawn: all but the optional ones, unless the highlight involves them."""
    involved = set()
    if isinstance(item, Bone):
        involved = {item.id}
    elif isinstance(item, Joint):
        involved = set(item.bones)
    return [b for b, shape in view.bones.items() if not shape.optional or b in involved]


def _hidden(view: View, bone_id: str) -> bool:
    shape = view.bones[bone_id]
    return shape.behind or shape.overlay


def _lower(name: str) -> str:
    return name[:1].lower() + name[1:]


def alt_text(view: View, item, labels: bool, quiz: bool, shown: list[str]) -> str:
    cat = catalogue()
    groups_shown = [g for g in GROUP_STYLE if any(cat.bones[b].group == g for b in shown)]
    parts = [(QUIZ_VIEW_WORDS if quiz else VIEW_WORDS)[view.name]]
    described = []
    for g in groups_shown:
        words = f"{cat.groups[g].name.lower()} {GROUP_STYLE[g].words}"
        if g == "sesamoid" and view.name == "dorsal":
            words += " and dashed outlines (they lie under the " + \
                     ("ball of the big toe)" if quiz else "1st metatarsal head)")
        if g == "leg" and view.name == "dorsal":
            words += " and dashed outlines (cut off just above the foot)"
        described.append(words)
    parts.append("Bones are filled by group: " + "; ".join(described) + ".")
    if quiz:
        kind = "joint" if isinstance(item, Joint) else "bone"
        mark = "a thick vermillion line" if kind == "joint" else "vermillion fill and a thick dashed outline"
        parts.append(f"No labels. One {kind} is marked with {mark} and an arrow with a question mark; "
                     f"the other bones are faded. Which {kind} is it?")
        return " ".join(parts)
    if labels:
        parts.append("Labels with leader lines name the bones"
                     + ("; the metatarsals are numbered 1 to 5 from the big toe." if view.name == "dorsal" else "."))
    else:
        parts.append("No labels." if item is None else "Only the highlighted structure is labelled.")
    if isinstance(item, Bone):
        behind = " It lies under or behind other bones in this view, so its outline is drawn dashed over them." \
            if _hidden(view, item.id) else ""
        parts.append(f"Highlighted: the {_lower(item.name)}, filled vermillion with a thick dashed outline and named in a "
                     f"boxed label; the other bones are faded.{behind}")
    elif isinstance(item, Joint):
        names = ", ".join(_lower(cat.bones[b].name) for b in item.bones)
        dashed = " Dashed parts lie behind other bones." if any(line.hidden for line in view.joints[item.id]) else ""
        parts.append(f"Highlighted: the {_lower(item.name)}, drawn as a thick vermillion line where these bones meet: "
                     f"{names}; it is named in a boxed label and bones outside it are faded.{dashed}")
    return " ".join(parts)


def _requests(view: View, item, labels: bool, quiz: bool):
    requests = []
    covered = False
    if labels and not quiz:
        for label in view.labels:
            emphasis = isinstance(item, Bone) and label.targets == (item.id,)
            covered = covered or emphasis
            points = []
            for target in label.targets:
                if target in view.bones:
                    points.append(tuple(view.bones[target].anchor))
            if not points:
                continue
            size = CALLOUT_PT if emphasis else LABEL_PT
            w, h = _text_size(label.text, size, emphasis)
            requests.append(layout.Request(label.text, points, label.side, w, h, emphasis, key=label.text))
    if item is not None and not covered:
        text = "?" if quiz else item.name
        targets = _targets(view, item)
        w, h = _text_size(text, CALLOUT_PT + (3 if quiz else 0), True)
        side = _callout_side(view, targets[0])
        requests.append(layout.Request(text, targets, side, w + 2, h + 1, True, key=CALLOUT))
    return requests


def _place(view: View, requests):
    xmin, ymin, xmax, ymax = view.bounds
    if view.name == "dorsal":
        return layout.layout(requests, view.bounds, gap=7.0, column_range=(ymin - 2, ymax + 4))
    leg = [view.bones[b].outline for b in ("tibia", "fibula")]
    obstacles = [(float(o[:, 0].min()), float(o[:, 1].min()), float(o[:, 0].max()), float(o[:, 1].max())) for o in leg]
    foot_top = max(float(s.outline[:, 1].max()) for b, s in view.bones.items() if b not in ("tibia", "fibula"))
    return layout.layout(requests, view.bounds, band_base_top=foot_top + 10, band_base_bottom=(view.floor or 0) - 9,
                         obstacles=obstacles, gap=7.0, column_range=(ymin - 6, ymax))


def _title(view: View, item, quiz: bool) -> str:
    title = view.title + "\n" + ORIENTATION[view.name]
    if quiz:
        return title + "\nWhich structure is marked?"
    if item is not None:
        return title + f"\nHighlighted: {item.name}"
    return title


@dataclass(frozen=True)
class LegendEntry:
    key: str
    text: str
    face: object
    edge: str
    hatch: str | None
    linestyle: object
    line: bool = False  # a joint line rather than a filled swatch


LEGEND_PT = 8.5
SWATCH = (8.0, 4.0)  # mm
ROW = 6.5  # mm between legend rows


def _legend_entries(view: View, item, quiz: bool, shown: list[str]) -> list[LegendEntry]:
    cat = catalogue()
    entries = []
    for g in GROUP_STYLE:
        if any(cat.bones[b].group == g for b in shown):
            entries.append(_group_entry(view, g))
    if isinstance(item, Bone):
        entries.append(_highlight_entries(quiz)[0])
    elif isinstance(item, Joint):
        entries.append(_highlight_entries(quiz)[1])
    return entries


def _group_entry(view: View, g: str) -> LegendEntry:
    gs = GROUP_STYLE[g]
    dashed = g in ("sesamoid", "leg") and view.name == "dorsal"
    return LegendEntry(g, catalogue().groups[g].name, _mix(gs.colour, 0.62), EDGE, gs.hatch,
                       (0, (3, 2)) if dashed else "solid")


def _highlight_entries(quiz: bool) -> tuple[LegendEntry, LegendEntry]:
    return (LegendEntry("bone", "marked" if quiz else "highlighted", HIGHLIGHT, "black", None, (0, (4, 2))),
            LegendEntry("joint", "marked joint" if quiz else "highlighted joint", HIGHLIGHT, "black", None,
                        "solid", line=True))


def _legend_rows(entries, width):
    """Split legend entries into rows that fit ``width`` mm: [(entries with their sizes, row width)]."""
    rows, current, used = [], [], 0.0
    for entry in entries:
        size = SWATCH[0] + 1.5 + _text_size(entry.text, LEGEND_PT, False)[0] + 5
        if current and used + size > width:
            rows.append((current, used))
            current, used = [], 0.0
        current.append((entry, size))
        used += size
    if current:
        rows.append((current, used))
    return rows


def _caption(view: View, item, quiz: bool) -> str:
    if quiz:
        return "Name the structure the arrow points to."
    if item is not None:
        return item.description[0]
    return VIEW_TAKEAWAY[view.name]


def _involved(item) -> set:
    if isinstance(item, Bone):
        return {item.id}
    if isinstance(item, Joint):
        return set(item.bones)
    return set()


class Scene:
    """One view's figure, built once and restyled for each drawing."""

    def __init__(self, view_name: str, labels: bool, quiz: bool, plain: bool = False):
        import matplotlib
        from matplotlib import patheffects
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.collections import LineCollection
        from matplotlib.lines import Line2D
        from matplotlib.patches import FancyArrowPatch, Polygon
        from matplotlib.transforms import Affine2D

        self.view = view = load_view(view_name)
        self.labels, self.quiz = labels, quiz
        cat = catalogue()
        # A plain scene draws the skeleton with nothing highlighted; the other holds every highlight.
        items = [None] if plain else list(cat.bones.values()) + list(cat.joints.values())

        # The canvas holds every possible layout, title and legend, so it never changes size.
        self.layouts = {}
        x0, y0, x1, y1 = view.bounds
        widest_title, legend_rows = 0.0, 1
        for item in items:
            placed = _place(view, _requests(view, item, labels, quiz))
            self.layouts[None if item is None else item.id] = placed
            ex = layout.extent(placed, view.bounds)
            x0, y0, x1, y1 = min(x0, ex[0]), min(y0, ex[1]), max(x1, ex[2]), max(y1, ex[3])
            title = _title(view, item, quiz)
            widest_title = max(widest_title, *(_text_size(t, TITLE_PT, False)[0] for t in title.splitlines()))
        if view.floor is not None:
            y0 = min(y0, view.floor - 4)
        pad = 3.0
        x0, y0, x1, y1 = x0 - pad, y0 - pad, x1 + pad, y1 + pad
        needed = max(widest_title + 10, MIN_WIDTH_MM)
        if x1 - x0 < needed:
            grow = (needed - (x1 - x0)) / 2
            x0, x1 = x0 - grow, x1 + grow
        self.legend_width = x1 - x0 - 8
        for item in items:
            shown = _shown_bones(view, item)
            legend_rows = max(legend_rows, len(_legend_rows(_legend_entries(view, item, quiz, shown),
                                                            self.legend_width)))
        self.legend_top = y0 - 3
        y0 = self.legend_top - (legend_rows - 1) * ROW - SWATCH[1] / 2 - 4
        y1 += (3 * TITLE_PT * 1.25 + 8) * DPI / 72 / PX_PER_MM
        self.box = (x0, y0, x1, y1)

        self.fig = fig = new_figure(figsize=((x1 - x0) * PX_PER_MM / DPI, (y1 - y0) * PX_PER_MM / DPI), dpi=DPI)
        FigureCanvasAgg(fig)
        self.t = t = Affine2D().translate(-x0, -y0).scale(PX_PER_MM)  # mm -> pixels

        def add(artist):
            artist.set_transform(t)
            fig.add_artist(artist)
            return artist

        TextSprite = textsprite.artist_class()

        def text(x, y, s, *, boxed=False, **kw):
            box = dict(boxstyle="round,pad=0.25", facecolor="white", edgecolor=HIGHLIGHT, lw=1.6) if boxed else None
            kw.setdefault("fontsize", LABEL_PT)
            kw.setdefault("color", INK)
            return add(TextSprite((x, y), s, box=box, dpi=DPI, **kw))

        if view.floor is not None:  # the floor the foot stands on
            add(Line2D([x0, x1], [view.floor, view.floor], color="#555555", lw=1.2, zorder=1))
            ground = add(Polygon([[x0, view.floor - 3], [x1, view.floor - 3], [x1, view.floor], [x0, view.floor]],
                                 facecolor="none", edgecolor="none", hatch="////", lw=0, zorder=0.5))
            _hatch_colour(ground, "#9a9a9a")
            grey = dict(fontsize=7.5, color="#555555", style="italic", zorder=6)
            text(x1 - 1, view.floor + 1.2, "floor", ha="right", va="bottom", **grey)
            text(x0 + 1, view.floor + 1.2, "heel end", ha="left", va="bottom", **grey)

        self.patches = {}
        self.details = {}  # bone -> its interior lines, drawn just above the bone itself
        for index, bone_id in enumerate(view.bones):
            shape = view.bones[bone_id]
            z = (3 if shape.overlay else 2) + index * 0.01
            patch = Polygon(shape.outline, closed=True, hatch=GROUP_STYLE[cat.bones[bone_id].group].hatch,
                            zorder=z, joinstyle="round", linestyle=(0, (3, 2)) if shape.overlay else "solid")
            self.patches[bone_id] = add(patch)
            if shape.details:
                self.details[bone_id] = add(LineCollection(list(shape.details), linewidths=0.7, zorder=z + 0.005,
                                                           capstyle="round"))

        if labels and not quiz:  # metatarsal numbers
            for number, point in view.numbers:
                text(point[0], point[1], number, ha="center", va="center", fontsize=7.5, fontweight="bold", color=INK,
                     zorder=4, halo=True)

        # The highlight: a see-through fill (for bones behind others) and a dashed outline, on top.
        self.hl_fill = add(Polygon([[0, 0], [1, 0], [0, 1]], facecolor=HIGHLIGHT, edgecolor="none", alpha=0.72,
                                   zorder=4.4, visible=False))
        self.hl_line = add(Polygon([[0, 0], [1, 0], [0, 1]], facecolor="none", edgecolor="black", lw=1.7,
                                   linestyle=(0, (4, 2)), zorder=4.5, visible=False))
        outline = [patheffects.Stroke(linewidth=6.6, foreground="black"), patheffects.Normal()]
        self.joint_lines = {
            hidden: add(LineCollection([], colors=HIGHLIGHT, linewidths=4.2, capstyle="round", zorder=4.6,
                                       linestyles=(0, (2.5, 1.6)) if hidden else "solid", path_effects=outline))
            for hidden in (False, True)
        }

        # Labels: a text per label of the view, one for the highlighted structure, leaders and arrows.
        self.texts = {}
        if labels and not quiz:
            for label in view.labels:
                self.texts[label.text] = text(0, 0, label.text, va="center", fontsize=LABEL_PT, color=INK, zorder=6)
        self.callout = text(0, 0, "", va="center", fontsize=CALLOUT_PT + (3 if quiz else 0), fontweight="bold",
                            color=INK, zorder=6, boxed=True)
        self.callout.set_visible(False)
        self.leaders = add(LineCollection([], colors="#555555", linewidths=0.6, zorder=5.1))
        self.dots = add(Line2D([], [], linestyle="none", marker="o", markersize=2.2, color="#555555", zorder=5.1))
        self.arrows = [add(FancyArrowPatch((0, 0), (1, 1), arrowstyle="-|>", color="black", lw=1.3, shrinkA=0,
                                           shrinkB=1.5, mutation_scale=11, zorder=5.2, visible=False))
                       for _ in range(4)]

        # Legend: a swatch and a text for every entry a drawing may need; each drawing shows and places its own.
        self.legend = {}
        possible = [_group_entry(view, g) for g in GROUP_STYLE
                    if any(cat.bones[b].group == g for b in view.bones)] + list(_highlight_entries(quiz))
        for entry in possible:
            if entry.line:
                swatch = add(Line2D([], [], color=HIGHLIGHT, lw=4, solid_capstyle="butt", zorder=6,
                                    path_effects=[patheffects.Stroke(linewidth=6.4, foreground="black"),
                                                  patheffects.Normal()]))
            else:
                swatch = add(Polygon([[0, 0], [1, 0], [0, 1]], facecolor=entry.face, edgecolor=entry.edge, lw=0.9,
                                     hatch=entry.hatch, linestyle=entry.linestyle, zorder=6))
                if entry.hatch:
                    _hatch_colour(swatch, _mix(GROUP_STYLE[entry.key].colour, 1.0) if entry.key != "sesamoid"
                                  else (0.55, 0.5, 0.1))
            label = text(0, 0, entry.text, ha="left", va="center", fontsize=LEGEND_PT, color=INK, zorder=6)
            self.legend[entry.key] = (swatch, label)

        self.title = text((x0 + x1) / 2, y1 - 2, "", ha="center", va="top", fontsize=TITLE_PT, color=INK, zorder=6,
                          linespacing=1.25)
        self._matplotlib = matplotlib
        self._per_patch_hatch = hasattr(Polygon, "set_hatch_linewidth")

    # ------------------------------------------------------------------ one drawing
    def render(self, item) -> Figure:
        view, cat = self.view, catalogue()
        shown = set(_shown_bones(view, item))
        involved = _involved(item)
        dim = item is not None

        detail_colour = {}
        for bone_id, patch in self.patches.items():
            shape = view.bones[bone_id]
            patch.set_visible(bone_id in shown)
            group = cat.bones[bone_id].group
            gs = GROUP_STYLE[group]
            strength = 0.62 if not shape.behind else 0.3
            edge, lw = (EDGE, 0.9) if not shape.behind else ("#8a8a8a", 0.7)
            hatch_colour = _mix(gs.colour, 1.0 if not shape.behind else 0.6) if group != "sesamoid" \
                else (0.55, 0.5, 0.1)
            if dim and bone_id not in involved:
                strength *= 0.42
                edge = "#9a9a9a"
                hatch_colour = _mix(gs.colour, 0.45)
            face = _mix(gs.colour, strength)
            alpha = 0.8 if shape.overlay else None
            if isinstance(item, Bone) and bone_id == item.id:
                face, edge, lw = HIGHLIGHT, "black", 2.2
                alpha = 0.72 if shape.overlay else None
            elif isinstance(item, Joint) and bone_id in involved:
                edge, lw = "black", 1.2
            patch.set_alpha(alpha)
            patch.set_facecolor(face)
            patch.set_edgecolor(edge)
            patch.set_linewidth(lw)
            _hatch_colour(patch, hatch_colour)
            detail_colour[bone_id] = edge if edge != "black" else EDGE
        for bone_id, lines in self.details.items():
            lines.set_color(detail_colour[bone_id])
            lines.set_visible(bone_id in shown)

        self.hl_fill.set_visible(False)
        self.hl_line.set_visible(False)
        for hidden, collection in self.joint_lines.items():
            segments = [line.points for line in view.joints[item.id] if line.hidden == hidden] \
                if isinstance(item, Joint) else []
            collection.set_segments(segments)
            collection.set_visible(bool(segments))
        if isinstance(item, Bone):
            shape = view.bones[item.id]
            self.hl_line.set_xy(shape.outline)
            self.hl_line.set_visible(True)
            if shape.behind:
                self.hl_fill.set_xy(shape.outline)
                self.hl_fill.set_visible(True)

        self._place_labels(self.layouts[None if item is None else item.id])
        self._place_legend(_legend_entries(view, item, self.quiz, list(shown)))
        self.title.text = _title(view, item, self.quiz)

        alt = alt_text(view, item, self.labels, self.quiz, [b for b in view.bones if b in shown])
        if self._per_patch_hatch:
            return _png(self.fig, alt, _caption(view, item, self.quiz))
        with self._matplotlib.rc_context({"hatch.linewidth": HATCH_LINEWIDTH}):
            return _png(self.fig, alt, _caption(view, item, self.quiz))

    def _place_labels(self, placed):
        for label in self.texts.values():
            label.set_visible(False)
        self.callout.set_visible(False)
        for arrow in self.arrows:
            arrow.set_visible(False)
        leaders, dots, arrows = [], [], iter(self.arrows)
        for p in placed:
            r = p.request
            artist = self.callout if r.key == CALLOUT else self.texts[r.key]
            if r.key == CALLOUT:
                artist.text = r.text
            elif r.emphasis:
                artist.fontsize, artist.fontweight, artist.box = CALLOUT_PT, "bold", self.callout.box
            else:
                artist.fontsize, artist.fontweight, artist.box = LABEL_PT, "normal", None
            artist.xy, artist.ha = (p.x, p.y), p.ha
            artist.set_visible(True)
            for start, end in p.leaders:
                if r.emphasis:
                    arrow = next(arrows)
                    arrow.set_positions(start, end)
                    arrow.set_visible(True)
                else:
                    leaders.append([start, end])
                    dots.append(end)
        self.leaders.set_segments(leaders)
        dots = np.array(dots) if dots else np.zeros((0, 2))
        self.dots.set_data(dots[:, 0], dots[:, 1])

    def _place_legend(self, entries):
        for swatch, label in self.legend.values():
            swatch.set_visible(False)
            label.set_visible(False)
        x0, _, x1, _ = self.box
        for r, (row, used) in enumerate(_legend_rows(entries, self.legend_width)):
            x = (x0 + x1) / 2 - used / 2
            y = self.legend_top - r * ROW
            for entry, size in row:
                swatch, label = self.legend[entry.key]
                w, h = SWATCH
                if entry.line:
                    swatch.set_data([x, x + w], [y, y])
                else:
                    swatch.set_xy([[x, y - h / 2], [x + w, y - h / 2], [x + w, y + h / 2], [x, y + h / 2]])
                label.xy = (x + w + 1.5, y)
                swatch.set_visible(True)
                label.set_visible(True)
                x += size


HATCH_LINEWIDTH = 0.6


def _hatch_colour(patch, colour) -> None:
    # matplotlib >= 3.10 sets hatch colour and width per patch; older versions hatch in the edge colour.
    if hasattr(patch, "set_hatchcolor"):
        patch.set_hatchcolor(colour)
    if hasattr(patch, "set_hatch_linewidth"):
        patch.set_hatch_linewidth(HATCH_LINEWIDTH)


def _png(fig, alt: str, caption: str) -> Figure:
    """Like ``groundup.figures.render`` but without the "tight" bounding box.

    A scene's canvas already fits the skeleton, every label, the title and the legend,
    so a tight-bbox pass (a second full draw) would only double the cost.
    """
    import io

    if not alt or not alt.strip():
        raise ValueError("every figure needs alt text")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    canvas.draw()
    # A line drawing has few colours: a 256-colour palette PNG looks the same, is a third of the size
    # and encodes several times faster than full RGB.
    rgb = Image.fromarray(np.ascontiguousarray(np.asarray(canvas.buffer_rgba())[..., :3]))
    image = rgb.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    image.save(buffer, format="png", compress_level=1)
    return Figure(buffer.getvalue(), alt.strip(), caption.strip())


@lru_cache(maxsize=None)
def _scene(view_name: str, labels: bool, quiz: bool, plain: bool = False) -> Scene:
    return Scene(view_name, labels, quiz, plain)


@lru_cache(maxsize=256)
def _cached(view_name: str, highlight_id: str | None, labels: bool, quiz: bool) -> Figure:
    item = structure(highlight_id) if highlight_id else None
    return _scene(view_name, labels, quiz, item is None).render(item)


def _resolve(view, highlight) -> tuple[str, str | None]:
    check_view_name(view)
    if highlight is None or (isinstance(highlight, str) and not highlight.strip()):
        return view, None
    if not isinstance(highlight, str):
        raise GroundUpError(f"highlight must be the name of a bone or joint, not {highlight!r}")
    return view, structure(highlight).id


def foot_diagram(view: str = "dorsal", highlight: str | None = None, labels: bool = True) -> Figure:
    """The foot skeleton from above (``"dorsal"``) or the inner side (``"medial"``).

    ``highlight``: a bone or joint id (``"talus"``, ``"mtp1"``, ``"transverse_tarsal"`` ...) or its name;
    ``labels``: name every bone (the highlighted structure is always named).
    """
    view, item = _resolve(view, highlight)
    return _cached(view, item, bool(labels), False)


def label_figure(view: str, highlight: str) -> Figure:
    """The figure of a label-the-diagram question: no labels, the structure marked, its name not given away."""
    view, item = _resolve(view, highlight)
    if item is None:
        raise GroundUpError("a label-the-diagram figure needs a bone or joint to mark")
    return _cached(view, item, False, True)
