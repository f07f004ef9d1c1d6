"""Figures of the five models, drawn with matplotlib from the numbers of the model modules.

Each drawing builds its figure once: the parts that never move (axes, labels, ranges, the data curve) are drawn
a single time and kept as a bitmap; each ``frame(state)`` restores that bitmap and draws only the moving parts
on top (blitting), then encodes a PNG. That keeps a slider step well under the 50 ms goal (benchmarks/models.py).
``frame`` returns a ``groundup.figures.Figure`` with alt text naming what is shown and a one-sentence takeaway.

The ``*_figure`` functions draw one figure from scratch (for tests, lessons and static pages).
Conventions and units: see ``groundup.models``. Colour is never the only signal: every coloured region also has
a hatch, a line style or a text label.
"""

from __future__ import annotations

import math
import struct
import zlib

import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.patches import Circle, FancyArrowPatch, Polygon, Rectangle, Wedge

from groundup import style
from groundup.figures import Figure, new_figure
from groundup.models import ankle, big_toe, gait, subtalar, windlass

C = style.OKABE_ITO
GREY = "#8c8c8c"
LIGHT = "#e9e9e9"
LIGHTER = "#f5f5f5"
NOTE_SIZE = 10.5


def course_rc() -> dict:
    """The course's matplotlib settings (groundup.style), applied to these figures whatever the global state."""
    from cycler import cycler

    return dict(style.RC_PARAMS, **{"axes.prop_cycle": cycler(color=style.CYCLE), "hatch.linewidth": 0.8})


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def encode_png(canvas) -> bytes:
    """The canvas as an 8-bit RGB PNG, written directly: no row filter and zlib level 1.

    About twice as fast as a general PNG encoder for these flat-coloured figures, and the files come out
    about as small (the large single-colour areas compress well without filtering).
    """
    rgba = np.asarray(canvas.buffer_rgba())
    height, width = rgba.shape[:2]
    rows = np.empty((height, width * 3 + 1), dtype=np.uint8)
    rows[:, 0] = 0  # filter type "none" for every scanline
    rows[:, 1:] = rgba[:, :, :3].reshape(height, width * 3)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit, colour type 2 (RGB)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(rows.tobytes(), 1))
            + _chunk(b"IEND", b""))


class Drawing:
    """A figure whose still parts are drawn once and whose moving parts are redrawn on each frame."""

    size = (9.0, 4.2)
    dpi = 90

    def __init__(self):
        self._moving: list = []
        self._background = None
        with matplotlib.rc_context(course_rc()):
            self.fig = new_figure(figsize=self.size, dpi=self.dpi)
            FigureCanvasAgg(self.fig)
            self.build()

    # Subclasses: build() creates artists (moving ones through self.moving(...)); update(state) changes them;
    # alt(state) and caption(state) give the words.
    def build(self) -> None:
        raise NotImplementedError

    def update(self, state) -> None:
        raise NotImplementedError

    def alt(self, state) -> str:
        raise NotImplementedError

    def caption(self, state) -> str:
        raise NotImplementedError

    def moving(self, artist):
        """Register an artist that changes between frames (it is left out of the still background)."""
        artist.set_animated(True)
        self._moving.append(artist)
        return artist

    def frame(self, state) -> Figure:
        """Update the moving parts for ``state`` and return the picture with its words."""
        self.update(state)
        canvas = self.fig.canvas
        if self._background is None:
            with matplotlib.rc_context(course_rc()):  # ticks and labels are made during the first draw
                canvas.draw()
            self._background = canvas.copy_from_bbox(self.fig.bbox)
        else:
            canvas.restore_region(self._background)
        for artist in self._moving:
            if artist.get_visible():
                self.fig.draw_artist(artist)
        return Figure(encode_png(canvas), self.alt(state), self.caption(state))


def _rotate(points, degrees, about=(0.0, 0.0)):
    a = math.radians(degrees)
    rot = np.array([[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]])
    pts = np.asarray(points, dtype=float) - about
    return pts @ rot.T + about


def _clean_axes(ax):
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)


def _picture_axes(fig, rect, xlim, ylim, title=None, ground=False):
    """Axes for a drawing (equal scale, no ticks); ``ground``: the floor line at y = 0, hatched below it."""
    ax = fig.add_axes(rect)
    ax.set_aspect("equal")
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    _clean_axes(ax)
    if title:
        ax.set_title(title, fontsize=12)
    if ground:
        ax.axhline(0, color="black", lw=1.5)
        ax.add_patch(Rectangle((xlim[0], ylim[0]), xlim[1] - xlim[0], -ylim[0], facecolor=LIGHT, hatch="//",
                               edgecolor=GREY, lw=0))
    return ax


# Side view of a foot (cm; ankle axis at the origin, sole on y = -6.9, toes toward +x), scaled to a 25.5 cm
# foot: heel skin 5.7 cm behind the axis, toe tip 19.8 cm in front (course reference foot). A schematic.
FOOT_SIDE = np.array([
    [-3.6, -0.6], [-4.6, -2.2], [-5.4, -3.8], [-5.8, -5.2], [-5.5, -6.3], [-4.6, -6.9], [0.0, -6.9],
    [4.0, -6.7], [9.0, -6.7], [13.5, -6.9], [17.0, -6.9], [18.9, -6.8], [19.7, -6.4], [19.8, -5.8],
    [19.2, -5.2], [17.0, -4.9], [14.5, -4.6], [11.0, -3.7], [7.5, -2.5], [4.5, -1.2], [2.6, 0.2],
    [1.4, 1.6], [-2.2, 1.6], [-2.6, 0.4],
])
FOOT_BALL = np.array([13.5, -6.9])
FOOT_HEEL = np.array([-4.4, -6.9])


def _foot_outline(foot_cm: float = ankle.EXAMPLE_FOOT_CM) -> np.ndarray:
    """FOOT_SIDE with the part in front of the ankle stretched to an ankle-to-toe length ``foot_cm``."""
    pts = FOOT_SIDE.copy()
    front = pts[:, 0] > 0
    pts[front, 0] *= foot_cm / 19.8
    return pts


# ------------------------------------------------------------------------------------------------- ankle

class AnkleDrawing(Drawing):
    size = (9.0, 4.4)

    def build(self):
        fig = self.fig
        side = _picture_axes(fig, [0.01, 0.09, 0.60, 0.82], (-9, 33), (-21, 15),
                             "Side view: the foot turns about the ankle axis")
        top = _picture_axes(fig, [0.64, 0.09, 0.35, 0.78], (-27, 27), (-47, 32),
                            "From above: talar dome\nin the mortise")
        self.side, self.top = side, top
        # Range ring: usual range 50 PF .. 20 DF, and the slider's extra 20..25 DF beyond it.
        side.add_patch(Wedge((0, 0), 24, -ankle.PLANTARFLEXION_NORM, ankle.DORSIFLEXION_NORM, width=2.4,
                             facecolor=C["sky_blue"], alpha=0.45, hatch="//", edgecolor=C["blue"], lw=0.8))
        side.add_patch(Wedge((0, 0), 24, ankle.DORSIFLEXION_NORM, ankle.ANGLE_MAX, width=2.4,
                             facecolor=LIGHTER, hatch="xx", edgecolor=GREY, lw=0.8))
        for deg, text in ((-50, "50° PF"), (-25, "25° PF"), (0, "0°"), (20, "20° DF")):
            x, y = 26.8 * math.cos(math.radians(deg)), 26.8 * math.sin(math.radians(deg))
            side.text(x, y, text, fontsize=NOTE_SIZE, ha="left", va="center")
        fig.text(0.01, 0.01, "Hatched ring: usual range, 50° PF to 20° DF · crossed: beyond it · "
                 "dashed foot: neutral (0°)", fontsize=NOTE_SIZE - 0.5)
        # Ghost of the neutral foot, and the shank (tibia and fibula) above the axis.
        side.add_patch(Polygon(FOOT_SIDE, closed=True, fill=False, ls="--", ec=GREY, lw=1))
        side.text(-4.0, 10, "shank\n(tibia,\nfibula)", ha="right", va="center", fontsize=NOTE_SIZE)
        self.foot = self.moving(side.add_patch(Polygon(FOOT_SIDE, closed=True, facecolor=C["orange"],
                                                       edgecolor="black", lw=1.2, alpha=0.9)))
        self.moving(side.add_patch(Polygon([(-2.8, -0.6), (-3.6, 14.5), (3.2, 14.5), (2.7, -0.6)], closed=True,
                                           facecolor=LIGHT, edgecolor="black", lw=1.2, hatch="..")))
        self.axis_dot = self.moving(side.add_patch(Circle((0, 0), 0.9, facecolor="white", edgecolor="black",
                                                          lw=1.5)))
        self.pointer = self.moving(side.plot([], [], color="black", lw=2)[0])
        self.tip = self.moving(side.plot([], [], marker="o", ms=8, color="black")[0])
        self.label = self.moving(side.text(9, 12.5, "", fontsize=12.5, fontweight="bold", ha="center", va="center",
                                           bbox=dict(boxstyle="round", fc="white", ec="black", lw=0.8)))

        # From above: the talar dome in the mortise (mm; anterior up).
        half = ankle.DOME_WIDTH_FRONT_MM / 2
        for sign in (-1, 1):
            x0 = half if sign > 0 else -half - 5
            top.add_patch(Rectangle((x0, -22), 5, 44, facecolor=LIGHT, edgecolor="black", hatch="\\\\", lw=1))
        top.text(-half - 2.5, -23, "medial\nmalleolus", ha="center", va="top", fontsize=NOTE_SIZE - 1)
        top.text(half + 2.5, -23, "lateral\nmalleolus", ha="center", va="top", fontsize=NOTE_SIZE - 1)
        top.annotate("front", xy=(24, 14), xytext=(24, 2), ha="center", va="top", fontsize=NOTE_SIZE - 1,
                     arrowprops=dict(arrowstyle="->", lw=1))
        self.dome = self.moving(top.add_patch(Polygon(np.zeros((6, 2)), closed=True, facecolor=C["orange"],
                                                      edgecolor="black", lw=1.2, alpha=0.9)))
        self.under = self.moving(top.plot([-half - 5, half + 5], [0, 0], color="black", ls="--", lw=1.2)[0])
        top.text(0, -40, "dashed: width under the tibia", ha="center", va="bottom", fontsize=NOTE_SIZE)
        self.width_text = self.moving(top.text(0, -46.5, "", ha="center", va="bottom", fontsize=NOTE_SIZE + 0.5,
                                               fontweight="bold"))

    def update(self, state: ankle.AnkleState):
        self.foot.set_xy(_rotate(FOOT_SIDE, state.angle))
        ux, uy = math.cos(math.radians(state.angle)), math.sin(math.radians(state.angle))
        self.pointer.set_data([0, 24 * ux], [0, 24 * uy])
        self.tip.set_data([24 * ux], [24 * uy])
        sign = "+" if state.angle > 0 else "−" if state.angle < 0 else ""
        word = "DF" if state.angle > 0 else "PF" if state.angle < 0 else "neutral"
        self.label.set_text(f"{sign}{abs(state.angle):g}° {word}")
        L = ankle.DOME_LENGTH_MM
        wb, wm, wf = ankle.DOME_WIDTH_BACK_MM / 2, ankle.DOME_WIDTH_MIDDLE_MM / 2, ankle.DOME_WIDTH_FRONT_MM / 2
        shift = -state.contact_mm
        self.dome.set_xy([(-wb, -L / 2 + shift), (wb, -L / 2 + shift), (wm, shift), (wf, L / 2 + shift),
                          (-wf, L / 2 + shift), (-wm, shift)])
        self.width_text.set_text(f"{state.dome_width_mm:.1f} of {ankle.DOME_WIDTH_FRONT_MM:g} mm")
        self.under.set_data([-state.dome_width_mm / 2, state.dome_width_mm / 2], [0, 0])

    def alt(self, state):
        where = "inside" if state.within_normal else f"{state.beyond_by:g}° beyond"
        return (f"Side view of a shank and foot with the ankle at {state.angle:g}° "
                f"({'dorsiflexion' if state.angle > 0 else 'plantarflexion' if state.angle < 0 else 'neutral'}), "
                f"{where} a shaded ring marking the usual range from 50° plantarflexion to 20° dorsiflexion; "
                f"beside it, a view from above of the wedge-shaped talar dome between the malleoli, "
                f"{state.dome_width_mm:.1f} mm of it under the tibia ({state.packing}).")

    def caption(self, state):
        return ("Dorsiflexion wedges the wider front of the talus into the mortise (close-packed, most stable); "
                "plantarflexion leaves the narrower back there (loose-packed).")


def ankle_figure(angle: float = 0) -> Figure:
    return AnkleDrawing().frame(ankle.ankle_state(angle))


# ------------------------------------------------------------------------------------------ knee to wall

class KneeToWallDrawing(Drawing):
    size = (9.0, 4.6)

    def build(self):
        fig = self.fig
        side = _picture_axes(fig, [0.0, 0.02, 0.52, 0.90], (-9, 52), (-4, 58),
                             "Knee-to-wall test: the knee just touches the wall", ground=True)
        self.side = side
        self.foot = self.moving(side.add_patch(Polygon(np.zeros((3, 2)), closed=True, facecolor=C["orange"],
                                                       edgecolor="black", lw=1.2)))
        self.wall = self.moving(side.add_patch(Rectangle((0, 0), 3, 58, facecolor=LIGHT, edgecolor="black",
                                                         hatch="\\\\", lw=1.2)))
        self.vertical = self.moving(side.plot([], [], color=GREY, ls="--", lw=1)[0])
        self.shank = self.moving(side.plot([], [], color="black", lw=5, solid_capstyle="round")[0])
        self.knee = self.moving(side.plot([], [], marker="o", ms=11, mfc="white", mec="black", mew=2)[0])
        self.arc = self.moving(side.plot([], [], color=C["blue"], lw=2)[0])
        self.angle_text = self.moving(side.text(0, 0, "", color=C["blue"], fontsize=NOTE_SIZE + 0.5,
                                                fontweight="bold", ha="left", va="bottom"))
        self.dimension = self.moving(side.add_patch(FancyArrowPatch((0, 0), (1, 0), arrowstyle="<->",
                                                                     mutation_scale=12, lw=1.5)))
        self.distance_text = self.moving(side.text(0, 0, "", ha="center", va="bottom", fontsize=NOTE_SIZE + 0.5,
                                                   fontweight="bold"))
        self.message = self.moving(side.text(30, 22, "", ha="center", va="center", fontsize=NOTE_SIZE,
                                             bbox=dict(boxstyle="round", fc="white", ec=C["vermillion"])))

        # Right: the distance against the published figures, and the angle against the rule of thumb.
        dist = fig.add_axes([0.57, 0.6, 0.41, 0.2])
        ang = fig.add_axes([0.57, 0.23, 0.41, 0.18])
        self.dist_ax, self.ang_ax = dist, ang
        for ax in (dist, ang):
            ax.set_yticks([])
            ax.set_ylim(0, 1)
            ax.spines["left"].set_visible(False)
        dist.set_xlim(0, 30)
        dist.set_xlabel("toe-to-wall distance (cm)")
        low, high = ankle.RESTRICTED_BELOW_CM
        dist.axvspan(0, low, ymax=0.42, facecolor=LIGHTER, hatch="\\\\", edgecolor=C["vermillion"], lw=0)
        dist.axvspan(low, high, ymax=0.42, facecolor=LIGHTER, hatch="..", edgecolor=C["vermillion"], lw=0)
        mean, sd = ankle.NORM_MEAN_CM, ankle.NORM_SD_CM
        dist.axvspan(mean - sd, mean + sd, ymin=0.55, facecolor=C["bluish_green"], alpha=0.35, hatch="//",
                     edgecolor=C["bluish_green"], lw=0)
        dist.plot([mean, mean], [0.55, 1], color=C["bluish_green"], lw=2)
        dist.text(mean + sd + 0.3, 0.78, f"healthy adults\n{mean:g} ± {sd:g} cm", fontsize=NOTE_SIZE - 1,
                  va="center")
        dist.text(0.2, 0.78, f"'restricted' flag:\n< {low:g}–{high:g} cm, rule of thumb", fontsize=NOTE_SIZE - 1.5,
                  va="center", color=C["vermillion"])
        self.dist_marker = self.moving(dist.plot([], [], marker="v", ms=13, color="black", clip_on=False)[0])
        self.mdc = self.moving(dist.plot([], [], color="black", lw=2, marker="|", ms=12, clip_on=False)[0])
        dist.text(0, 1.12, "Toe to wall:", ha="left", va="bottom", fontsize=12, transform=dist.transAxes)
        self.dist_label = self.moving(dist.text(0.27, 1.12, "", ha="left", va="bottom", fontsize=12,
                                                fontweight="bold", transform=dist.transAxes, clip_on=False))

        ang.set_xlim(0, 110)
        ang.set_xlabel("shin angle = ankle dorsiflexion (°)")
        ang.set_title("Exact angle against the 1 cm ≈ 3.6° rule", fontsize=12, loc="left")
        self.exact_marker = self.moving(ang.plot([], [], marker="o", ms=11, color=C["blue"], ls="none",
                                                 clip_on=False)[0])
        self.rule_marker = self.moving(ang.plot([], [], marker="s", ms=10, mfc="white", mec=C["vermillion"],
                                                mew=2, ls="none", clip_on=False)[0])
        self.gap = self.moving(ang.plot([], [], color=GREY, lw=1.5, ls=":")[0])
        self.exact_text = self.moving(ang.text(0, 0.74, "", ha="center", va="bottom", fontsize=NOTE_SIZE,
                                               color=C["blue"], fontweight="bold"))
        self.rule_text = self.moving(ang.text(0, 0.26, "", ha="center", va="top", fontsize=NOTE_SIZE,
                                              color=C["vermillion"], fontweight="bold"))
        fig.text(0.57, 0.005, f"▼ distance, bar ± {ankle.MDC_CM[1]:g} cm = smallest real change\n"
                 "● exact angle   □ rule of thumb (distance × 3.6)", fontsize=NOTE_SIZE - 0.5)

    def update(self, state: ankle.KneeToWallState):
        h = ankle.ANKLE_HEIGHT_CM
        foot = _foot_outline(state.foot_cm) + (0, h)
        self.foot.set_xy(foot)
        a = math.radians(state.angle)
        kx, ky = state.shank_cm * math.sin(a), h + state.shank_cm * math.cos(a)
        self.shank.set_data([0, kx], [h, ky])
        self.knee.set_data([kx], [ky])
        self.vertical.set_data([0, 0], [h, h + 22])
        arc = np.radians(np.linspace(0, state.angle, 30))
        self.arc.set_data(12 * np.sin(arc), h + 12 * np.cos(arc))
        self.angle_text.set_text(f"{state.angle:g}°")
        self.angle_text.set_position((1.0, h + 13))
        toe = state.foot_cm
        reaches = state.knee_reaches
        for artist in (self.wall, self.dimension, self.distance_text):
            artist.set_visible(reaches)
        self.message.set_visible(not reaches)
        if reaches:
            self.wall.set_x(kx + 0.6)  # the knee's surface touches the wall
            self.dimension.set_positions((toe, 2.2), (kx + 0.6, 2.2))
            self.distance_text.set_text(f"{state.distance_cm:.1f} cm")
            self.distance_text.set_position(((toe + kx) / 2, 3.0))
        else:
            self.message.set_text("the knee stays behind the toes:\nit cannot reach the wall")
        d = state.distance_cm
        shown = min(max(d, 0), 30)
        self.dist_marker.set_data([shown], [0.5])
        self.dist_marker.set_visible(reaches)
        self.mdc.set_data([max(0, shown - ankle.MDC_CM[1]), min(30, shown + ankle.MDC_CM[1])], [0.5, 0.5])
        self.mdc.set_visible(reaches)
        self.dist_label.set_text(f"{d:.1f} cm" if reaches else "no reading")
        rule = state.rule_angle
        self.exact_marker.set_data([state.angle], [0.5])
        self.rule_marker.set_data([min(max(rule, 0), 110)], [0.5])
        self.rule_marker.set_visible(reaches)
        self.gap.set_data([state.angle, min(max(rule, 0), 110)], [0.5, 0.5])
        self.gap.set_visible(reaches)
        self.exact_text.set_text(f"{state.angle:g}°")
        self.exact_text.set_position((state.angle, 0.74))
        self.rule_text.set_text(f"{rule:.0f}°" if reaches else "")
        self.rule_text.set_position((min(max(rule, 3), 107), 0.26))

    def alt(self, state):
        if not state.knee_reaches:
            return (f"Side view of the knee-to-wall test: shank {state.shank_cm:g} cm tilted {state.angle:g}° "
                    f"from vertical over a foot reaching {state.foot_cm:g} cm in front of the ankle; the knee "
                    "stays behind the toes, so there is no wall distance to read.")
        return (f"Side view of the knee-to-wall test: a {state.shank_cm:g} cm shank tilted {state.angle:g}° from "
                f"vertical brings the knee to a wall {state.distance_cm:.1f} cm in front of the toes. Beside it, "
                f"a scale places {state.distance_cm:.1f} cm against the healthy-adult range of 12 ± 2.8 cm and the "
                f"'restricted' flag below 9–10 cm, and a second scale shows the rule of thumb reading "
                f"{state.rule_angle:.0f}° against the exact {state.angle:g}°.")

    def caption(self, state):
        return ("Toe-to-wall distance grows with the sine of the shin angle, so the straight-line rule "
                "(1 cm ≈ 3.6°) is only an average.")


def knee_to_wall_figure(shank_cm=ankle.EXAMPLE_SHANK_CM, angle=ankle.EXAMPLE_SHIN_ANGLE,
                        foot_cm=ankle.EXAMPLE_FOOT_CM) -> Figure:
    return KneeToWallDrawing().frame(ankle.knee_to_wall(shank_cm, angle, foot_cm))


# -------------------------------------------------------------------------------------------------- gait

class GaitDrawing(Drawing):
    size = (9.5, 4.4)

    def __init__(self, curve: gait.GaitCurve | None = None):
        self.curve = curve or gait.load_curve()
        super().__init__()

    def build(self):
        curve, fig = self.curve, self.fig
        ax = fig.add_axes([0.115, 0.2, 0.57, 0.7])
        self.ax = ax
        ax.set_xlim(0, 100)
        ax.set_ylim(-32, 24)
        shades = [LIGHT, LIGHTER]
        for i, (name, start, end) in enumerate(curve.phase_bounds):
            ax.axvspan(start, end, facecolor=shades[i % 2], lw=0, zorder=0)
            ax.axvline(start, color=GREY, lw=0.8, zorder=0.5)
            ax.text((start + end) / 2, 21.5, gait.PHASE_ABBREVIATIONS[name], ha="center", va="center",
                    fontsize=NOTE_SIZE)
        ax.axhline(0, color="black", lw=0.8)
        ax.fill_between(curve.pct, curve.mean - curve.sd, curve.mean + curve.sd, facecolor=C["sky_blue"],
                        alpha=0.4, edgecolor=C["blue"], hatch="..", lw=0, label="±1 SD")
        ax.plot(curve.pct, curve.mean, color=C["blue"], lw=2.2, label="mean (children, free speed)")
        ax.set_xlabel("% of the gait cycle (0 = heel strike)")
        ax.set_ylabel("ankle angle (°)\n+ dorsiflexion / − plantarflexion")
        ax.legend(loc="lower right", fontsize=NOTE_SIZE - 1, framealpha=0.9)
        fig.text(0.01, 0.015, "LR loading response · MSt midstance · TSt terminal stance · PSw pre-swing   "
                 "Data: Schwartz et al. 2008", fontsize=NOTE_SIZE - 1)
        self.limit_fill = self.moving(ax.fill_between([0, 1], [0, 0], [0, 0], facecolor=C["vermillion"],
                                                      alpha=0.35, hatch="xx", edgecolor=C["vermillion"], lw=0))
        self.limit_line = self.moving(ax.plot([], [], color=C["vermillion"], lw=2.2, ls="-.")[0])
        self.limit_text = self.moving(ax.text(0, 0, "", color=C["vermillion"], fontsize=NOTE_SIZE,
                                              fontweight="bold", ha="left", va="bottom"))
        self.cursor = self.moving(ax.axvline(0, color="black", lw=1.5, ls="--"))
        self.dot = self.moving(ax.plot([], [], marker="o", ms=9, color="black")[0])
        ax.text(0.0, 1.02, "Ankle angle over the gait cycle.", fontsize=NOTE_SIZE + 1, ha="left", va="bottom",
                transform=ax.transAxes)
        self.cursor_text = self.moving(ax.text(1.0, 1.02, "", fontsize=NOTE_SIZE + 1, ha="right", va="bottom",
                                               fontweight="bold", transform=ax.transAxes))
        # The small foot at this instant.
        foot = _picture_axes(fig, [0.7, 0.1, 0.29, 0.74], (-14, 26), (-3, 32), ground=True)
        self.foot_ax = foot
        foot.text(0.5, -0.02, "schematic pose · ▲ pivot", ha="center", va="top",
                  fontsize=NOTE_SIZE - 1.5, transform=foot.transAxes)
        self.foot_title = self.moving(foot.text(0.5, 1.0, "", ha="center", va="bottom", fontsize=NOTE_SIZE + 0.5,
                                                fontweight="bold", transform=foot.transAxes, clip_on=False))
        self.foot_shape = self.moving(foot.add_patch(Polygon(FOOT_SIDE, closed=True, facecolor=C["orange"],
                                                             edgecolor="black", lw=1.2)))
        self.shank = self.moving(foot.plot([], [], color="black", lw=5, solid_capstyle="round")[0])
        self.pivot = self.moving(foot.plot([], [], marker="^", ms=12, color=C["vermillion"], mec="black")[0])

    def update(self, state):
        moment, limit = state
        curve = self.curve
        self.cursor.set_xdata([moment.pct, moment.pct])
        shown = moment.restricted_angle if moment.restricted_angle is not None else moment.angle
        self.dot.set_data([moment.pct], [shown])
        self.cursor_text.set_text(f"{moment.pct:g}%: {moment.phase}, {moment.angle:+.1f}°")
        on = limit is not None
        for artist in (self.limit_line, self.limit_text, self.limit_fill):
            artist.set_visible(on)
        if on:
            self.limit_line.set_data(limit.pct, limit.clipped)
            self.limit_text.set_text(f"limit {limit.max_df:g}°")
            self.limit_text.set_position((64, limit.max_df + 0.8))
            mean = np.interp(limit.pct, curve.pct, curve.mean)
            polys = []
            for a, b in limit.intervals:
                xs = np.concatenate([[a], limit.pct[(limit.pct > a) & (limit.pct < b)], [b]])
                ys = np.interp(xs, limit.pct, mean)
                polys.append(np.column_stack([np.concatenate([xs, xs[::-1]]),
                                              np.concatenate([ys, np.full_like(xs, limit.max_df)])]))
            self.limit_fill.set_verts(polys)
        # Foot pose.
        pose = gait.pose_at(curve, moment.pct, shown)
        outline = _rotate(FOOT_SIDE, pose.foot_pitch)
        heel, ball = _rotate([FOOT_HEEL], pose.foot_pitch)[0], _rotate([FOOT_BALL], pose.foot_pitch)[0]
        if pose.pivot == "forefoot":
            offset, pivot = np.array([12.0, 0]) - ball, (12.0, 0.0)
        elif pose.pivot == "air":
            offset, pivot = np.array([0.0, 10.0]), None
            offset[1] -= min(outline[:, 1].min() + offset[1] - 3.0, 0)  # keep the toes 3 cm above the floor
        else:
            offset, pivot = np.array([-4.4, 0]) - heel, (-4.4, 0.0) if pose.pivot == "heel" else None
        if pose.pivot == "ankle":
            pivot = (offset[0], offset[1])
        self.foot_shape.set_xy(outline + offset)
        ankle_xy = offset
        a = math.radians(pose.shank_angle)
        self.shank.set_data([ankle_xy[0], ankle_xy[0] + 14 * math.cos(a)],
                            [ankle_xy[1], ankle_xy[1] + 14 * math.sin(a)])
        rocker = moment.rocker
        self.foot_title.set_text(f"{rocker.capitalize()} rocker" if rocker else "Swing: no rocker")
        self.pivot.set_visible(pivot is not None)
        if pivot is not None:
            self.pivot.set_data([pivot[0]], [pivot[1]])

    def alt(self, state):
        moment, limit = state
        text = (f"Graph of the ankle angle over one gait cycle (mean with a ±1 SD band, children walking at free "
                f"speed), with bands for loading response, midstance, terminal stance, pre-swing and swing. A "
                f"cursor at {moment.pct:g}% ({moment.phase}) marks {moment.angle:+.1f}°. ")
        if limit is not None:
            if limit.bites:
                spans = ", ".join(f"{a:.0f}–{b:.0f}%" for a, b in limit.intervals)
                text += (f"A dash-dot line clips the curve at {limit.max_df:g}° of dorsiflexion; hatched areas "
                         f"show where it bites ({spans}), at most {limit.max_shortfall:.1f}°. ")
            else:
                text += f"A dash-dot line at {limit.max_df:g}° never touches the curve. "
        rocker = f"the {moment.rocker} rocker" if moment.rocker else "no rocker (swing)"
        return text + f"A small schematic drawing shows the foot at that instant: {rocker}."

    def caption(self, state):
        moment, limit = state
        if limit is not None and limit.bites:
            return ("The ankle needs its most dorsiflexion late in stance, as the shin rolls over the foot: that is "
                    "where a stiff ankle runs short.")
        return ("The ankle plantarflexes after heel strike, dorsiflexes as the shin rolls over the foot, then "
                "plantarflexes sharply for push-off.")


def gait_figure(pct: float = 0, max_df: float | None = None) -> Figure:
    curve = gait.load_curve()
    limit = None if max_df is None else gait.restriction(curve, max_df)
    return GaitDrawing(curve).frame((gait.instant(curve, pct, max_df), limit))


# ---------------------------------------------------------------------------------------------- subtalar

class SubtalarDrawing(Drawing):
    size = (9.5, 4.3)

    # (name, title, projection of (x, y, z) to the screen, limits, component attribute, label)
    VIEWS = [
        ("top", "From above (toes up)", lambda p: (-p[:, 1], p[:, 0]), ((-15, 11), (-7, 28)),
         "abduction"),
        ("side", "From the inner side", lambda p: (p[:, 0], p[:, 2]), ((-3, 28), (-5, 16)), "dorsiflexion"),
        ("rear", "From behind", lambda p: (-p[:, 1], p[:, 2]), ((-8, 8), (-5, 14)), "eversion"),
    ]

    def build(self):
        fig = self.fig
        boxes = [[0.0, 0.1, 0.27, 0.78], [0.29, 0.1, 0.44, 0.78], [0.75, 0.1, 0.25, 0.78]]
        neutral = subtalar.subtalar_state(0)
        u = subtalar.axis_vector()
        axis_pts = np.array([subtalar.AXIS_PIVOT - 8 * u, subtalar.AXIS_PIVOT + 9 * u])
        self.views = []
        for box, (name, title, project, (xl, yl), _) in zip(boxes, self.VIEWS):
            ax = _picture_axes(fig, box, xl, yl, title)
            for shape in self._shapes(name):
                x, y = project(subtalar.moved(shape, neutral))
                ax.plot(x, y, color=GREY, ls="--", lw=1)
            x, y = project(axis_pts)
            ax.add_patch(FancyArrowPatch((x[0], y[0]), (x[1], y[1]), arrowstyle="-|>", mutation_scale=14,
                                         color=C["vermillion"], lw=2.2, ls="-."))
            moving = [self.moving(ax.plot([], [], color="black", lw=1.8)[0]) for _ in self._shapes(name)]
            fill = self.moving(ax.add_patch(Polygon(np.zeros((3, 2)), closed=True, facecolor=C["orange"],
                                                    alpha=0.55, lw=0)))
            text = self.moving(ax.text(0.5, 0.02, "", transform=ax.transAxes, ha="center", va="bottom",
                                       fontsize=NOTE_SIZE + 0.5, fontweight="bold",
                                       bbox=dict(boxstyle="round", fc="white", ec="black", lw=0.6)))
            self.views.append((name, project, moving, fill, text))
        top, side = fig.axes[0], fig.axes[1]
        top.text(-14.5, 27.5, f"axis {subtalar.AXIS_DEVIATION:g}°\nmedial", color=C["vermillion"],
                 fontsize=NOTE_SIZE, va="top")
        top.text(-14.5, 12, "medial", fontsize=NOTE_SIZE - 1, color=GREY, rotation=90, va="center")
        top.text(10.5, 12, "lateral", fontsize=NOTE_SIZE - 1, color=GREY, ha="right", rotation=90, va="center")
        side.text(-2.5, 15.5, f"axis {subtalar.AXIS_INCLINATION:g}° up from horizontal", color=C["vermillion"],
                  fontsize=NOTE_SIZE, va="top")
        rear = fig.axes[2]
        rear.text(-7.5, 13.5, "medial", fontsize=NOTE_SIZE - 1, color=GREY)
        rear.text(7.5, 13.5, "lateral", fontsize=NOTE_SIZE - 1, color=GREY, ha="right")
        fig.text(0.01, 0.01, "dashed grey: neutral · solid: turned · red dash-dot arrow: subtalar axis "
                 "(typical angles; they vary between people) · right foot, open chain", fontsize=NOTE_SIZE - 1)

    @staticmethod
    def _shapes(name):
        """The outlines each view shows; the first is filled."""
        return {"top": [subtalar.FOOT_SOLE, subtalar.LONG_AXIS],
                "side": [subtalar.FOOT_PROFILE, subtalar.LONG_AXIS],
                "rear": [HEEL_SECTION, subtalar.HEEL_BISECTOR]}[name]

    def update(self, state: subtalar.SubtalarState):
        texts = dict(subtalar.component_texts(state))
        plane = {"abduction": "transverse", "dorsiflexion": "sagittal", "eversion": "frontal"}
        for (name, project, lines, fill, text), view in zip(self.views, self.VIEWS):
            shapes = self._shapes(name)
            for line, shape in zip(lines, shapes):
                x, y = project(subtalar.moved(shape, state))
                line.set_data(x, y)
            x, y = project(subtalar.moved(shapes[0], state))
            fill.set_xy(np.column_stack([x, y]))
            text.set_text(texts[plane[view[4]]])

    def alt(self, state):
        t = dict(subtalar.component_texts(state))
        return (f"Three views of a right foot (from above, from the inner side, from behind) turned "
                f"{abs(state.rotation):g}° in {state.name} about the oblique subtalar axis, drawn "
                f"{state.inclination:g}° up from the horizontal and {state.deviation:g}° medial; the neutral foot "
                f"is dashed. Components: {t['frontal']}, {t['sagittal']}, {t['transverse']}.")

    def caption(self, state):
        return ("One turn about the oblique subtalar axis moves the foot in all three planes: pronation = "
                "eversion + dorsiflexion + abduction; supination the reverse.")


# Heel cross-section seen from behind (x = 1 cm in front of the back of the heel; y medial, z up), schematic.
HEEL_SECTION = np.array([[1.0, 3.0, 0.0], [1.0, 3.4, 2.5], [1.0, 2.6, 6.0], [1.0, -2.6, 6.0], [1.0, -3.4, 2.5],
                         [1.0, -3.0, 0.0], [1.0, 3.0, 0.0]])


def subtalar_figure(rotation: float = 0) -> Figure:
    return SubtalarDrawing().frame(subtalar.subtalar_state(rotation))


# ---------------------------------------------------------------------------------------------- windlass

class WindlassDrawing(Drawing):
    size = (9.0, 4.4)

    def build(self):
        fig = self.fig
        ax = _picture_axes(fig, [0.01, 0.3, 0.98, 0.62], (-4, 27), (-1.2, 9.0),
                           "The arch as a truss (inner side of a right foot; dashed grey: at rest)", ground=True)
        self.ax = ax
        rest = windlass.windlass_state(0)
        ax.plot([rest.heel[0], rest.apex[0], rest.head[0]], [rest.heel[1], rest.apex[1], rest.head[1]],
                color=GREY, ls="--", lw=1.2)
        self.rear = self.moving(ax.plot([], [], color=C["orange"], lw=11, solid_capstyle="round")[0])
        self.fore = self.moving(ax.plot([], [], color=C["sky_blue"], lw=11, solid_capstyle="round")[0])
        ax.text(rest.heel[0] + 2.2, rest.heel[1] + 3.8, "rearfoot strut\n(calcaneus, talus)",
                fontsize=NOTE_SIZE - 0.5, ha="right", va="center")
        ax.text(rest.apex[0] + 4.5, rest.apex[1] + 1.2, "forefoot strut\n(navicular, cuneiform, 1st metatarsal)",
                fontsize=NOTE_SIZE - 0.5, ha="center", va="bottom")
        ax.text((rest.heel[0] + rest.head[0]) / 2, (rest.heel[1] + rest.head[1]) / 2 - windlass.HEAD_RADIUS_CM - 0.25,
                "plantar fascia (tie)", color=C["vermillion"], fontsize=NOTE_SIZE, ha="center", va="top",
                fontweight="bold")
        self.head = self.moving(ax.add_patch(Circle((0, 0), windlass.HEAD_RADIUS_CM, facecolor="white",
                                                    edgecolor="black", lw=1.5, hatch="..")))
        self.hallux = self.moving(ax.plot([], [], color=C["bluish_green"], lw=9, solid_capstyle="round")[0])
        self.fascia = self.moving(ax.plot([], [], color=C["vermillion"], lw=2.5, ls=(0, (4, 1.5)))[0])
        self.apex_dot = self.moving(ax.plot([], [], marker="o", ms=9, mfc="white", mec="black", mew=2)[0])
        self.height_line = self.moving(ax.plot([], [], color="black", lw=1.2, marker="_", ms=10)[0])
        self.height_text = self.moving(ax.text(0, 0, "", fontsize=NOTE_SIZE, ha="left", va="bottom",
                                               bbox=dict(boxstyle="round", fc="white", ec="black", lw=0.6)))
        self.toe_text = self.moving(ax.text(22.5, 7.8, "", fontsize=NOTE_SIZE, ha="left", va="center",
                                            color=C["bluish_green"], fontweight="bold"))
        # Gauge: fascia shortening against Hicks's ~1 cm.
        gauge = fig.add_axes([0.12, 0.14, 0.76, 0.06])
        self.gauge = gauge
        gauge.set_xlim(0, 12)
        gauge.set_ylim(0, 1)
        gauge.set_yticks([])
        gauge.spines["left"].set_visible(False)
        gauge.set_xlabel("fascia shortening (mm)")
        gauge.axvline(windlass.HICKS_SHORTENING_CM * 10, color="black", lw=2, ls="--")
        gauge.text(windlass.HICKS_SHORTENING_CM * 10, 1.1, "Hicks 1954: about 1 cm", fontsize=NOTE_SIZE,
                   va="bottom", ha="right")
        self.bar = self.moving(gauge.add_patch(Rectangle((0, 0.2), 0, 0.6, facecolor=C["vermillion"],
                                                         edgecolor="black", hatch="//", alpha=0.8)))

    def update(self, state: windlass.WindlassState):
        (hx, hz), (ax_, az), (mx, mz) = state.heel, state.apex, state.head
        r = windlass.HEAD_RADIUS_CM
        self.rear.set_data([hx, ax_], [hz, az])
        self.fore.set_data([ax_, mx], [az, mz])
        self.head.center = (mx, mz)
        tie_dir = math.atan2(mz - hz, mx - hx)
        toe_dir = tie_dir + math.radians(state.extension)
        length = windlass.HALLUX_LENGTH_CM
        self.hallux.set_data([mx, mx + length * math.cos(toe_dir)], [mz, mz + length * math.sin(toe_dir)])
        # Fascia: heel -> under the head -> wrapped round it by the extension -> along the toe's underside.
        normal = tie_dir - math.pi / 2
        start = (hx + r * math.cos(normal), hz + r * math.sin(normal))
        arc = np.linspace(normal, normal + math.radians(state.extension), 20)
        ax_pts, az_pts = mx + r * np.cos(arc), mz + r * np.sin(arc)
        end = (ax_pts[-1] + (length - 0.8) * math.cos(toe_dir), az_pts[-1] + (length - 0.8) * math.sin(toe_dir))
        self.fascia.set_data(np.concatenate([[start[0]], ax_pts, [end[0]]]),
                             np.concatenate([[start[1]], az_pts, [end[1]]]))
        # Arch height: from the apex down to the tie line.
        ux, uz = math.cos(tie_dir), math.sin(tie_dir)
        foot_x, foot_z = hx + ux * ((ax_ - hx) * ux + (az - hz) * uz), hz + uz * ((ax_ - hx) * ux + (az - hz) * uz)
        self.apex_dot.set_data([ax_], [az])
        self.height_line.set_data([ax_, foot_x], [az, foot_z])
        self.height_text.set_text(f"rise {state.rise * 10:+.1f} mm")
        self.height_text.set_position((ax_ + 0.6, foot_z + 0.35))
        self.toe_text.set_text(f"big toe +{state.extension:g}°")

        self.bar.set_width(state.shortening * 10)

    def alt(self, state):
        return (f"Side view of the arch as a truss: a rearfoot strut and a forefoot strut hinged at the apex, the "
                f"plantar fascia as a tie from the heel around the 1st metatarsal head to the big toe, which is "
                f"extended {state.extension:g}°. The fascia is {state.shortening * 10:.1f} mm shorter and the apex "
                f"{state.rise * 10:.1f} mm higher than at rest (dashed outline). A bar compares the shortening with "
                f"Hicks's figure of about 1 cm (10 mm).")

    def caption(self, state):
        return ("Extending the big toe winds the plantar fascia onto the metatarsal head; the shorter tie draws "
                "heel and forefoot together and lifts the arch.")


def windlass_figure(extension: float = 0) -> Figure:
    return WindlassDrawing().frame(windlass.windlass_state(extension))


# ----------------------------------------------------------------------------------------------- big toe

class BigToeDrawing(Drawing):
    size = (9.5, 4.3)
    X_RANGE = (25, 62)

    def build(self):
        fig = self.fig
        ax = fig.add_axes([0.08, 0.15, 0.6, 0.73])
        self.ax = ax
        ax.set_title("Big-toe extension needed in late stance, against the range available", fontsize=12,
                     loc="left")
        ax.set_xlim(*self.X_RANGE)
        ax.set_ylim(0, 100)
        e = gait.load_curve().events
        shades = [LIGHT, LIGHTER]
        bounds = [("MSt", self.X_RANGE[0], e["heel_off"]), ("TSt", e["heel_off"], e["opposite_foot_contact"]),
                  ("PSw", e["opposite_foot_contact"], e["foot_off"]), ("Swing", e["foot_off"], self.X_RANGE[1])]
        for i, (name, a, b) in enumerate(bounds):
            ax.axvspan(a, b, facecolor=shades[i % 2], lw=0, zorder=0)
            ax.axvline(a, color=GREY, lw=0.8, zorder=0.5)
            ax.text((a + b) / 2, 96, name, ha="center", va="center", fontsize=NOTE_SIZE)
        ax.text(e["heel_off"] + 0.3, 2, "heel off", fontsize=NOTE_SIZE - 1, rotation=90, va="bottom")
        ax.text(e["foot_off"] - 0.3, 2, "toe off", fontsize=NOTE_SIZE - 1, rotation=90, va="bottom", ha="right")
        for name, value in big_toe.PEAKS.items():
            ax.axhline(value, color=GREY, ls=":", lw=1.2)
            words = "measured in walking" if name == "measured" else "traditional teaching"
            ax.text(40, value + 1, f"{value:g}°: {words}", fontsize=NOTE_SIZE - 1, color="#555555", va="bottom",
                    ha="center")
        ax.set_xlabel("% of the gait cycle (late stance)")
        ax.set_ylabel("big-toe (1st MTP) extension (°)")
        fig.text(0.08, 0.01, "solid blue: needed (a schematic from published figures) · dashed green: available"
                 "   MSt midstance · TSt terminal stance · PSw pre-swing", fontsize=NOTE_SIZE - 1.5)
        self.short_fill = self.moving(ax.fill_between([0, 1], [0, 0], [0, 0], facecolor=C["vermillion"],
                                                      alpha=0.35, hatch="xx", edgecolor=C["vermillion"], lw=0))
        self.demand_line = self.moving(ax.plot([], [], color=C["blue"], lw=2.5)[0])
        self.available_line = self.moving(ax.axhline(0, color=C["bluish_green"], lw=2.5, ls="--"))
        self.available_text = self.moving(ax.text(0, 0, "", color="black", fontsize=NOTE_SIZE, ha="left",
                                                  va="bottom", fontweight="bold"))
        self.short_text = self.moving(ax.text(0, 0, "", color=C["vermillion"], fontsize=NOTE_SIZE,
                                              fontweight="bold", ha="center", va="top",
                                              bbox=dict(boxstyle="round", fc="white", ec=C["vermillion"])))
        # Inset: the first ray with the toe at the needed peak (dashed) and at the available range (solid).
        ray = _picture_axes(fig, [0.71, 0.12, 0.28, 0.76], (-9, 7), (-2, 11), "Big toe at the peak")
        self.ray = ray
        ray.axhline(-1.2, color="black", lw=1.2)
        ray.plot([-8.5, 0], [2.6, 0], color=C["sky_blue"], lw=9, solid_capstyle="round")
        ray.add_patch(Circle((0, 0), 1.0, facecolor="white", edgecolor="black", lw=1.5, hatch=".."))
        ray.text(-5.5, 3.6, "1st metatarsal", fontsize=NOTE_SIZE - 1, ha="center", rotation=-17)
        self.need_toe = self.moving(ray.plot([], [], color=C["blue"], lw=3, ls="--")[0])
        self.have_toe = self.moving(ray.plot([], [], color=C["bluish_green"], lw=8, solid_capstyle="round")[0])
        ray.text(-8.5, 10.5, "dashed: the angle needed\nsolid: the angle it reaches", ha="left", va="top",
                 fontsize=NOTE_SIZE - 0.5)

    def update(self, state):
        toe, peak_name = state
        x = np.linspace(self.X_RANGE[0], big_toe.events()["foot_off"], 300)
        need = big_toe.demand(x, toe.peak)
        self.demand_line.set_data(x, need)
        self.available_line.set_ydata([toe.available, toe.available])
        self.available_text.set_text(f"available: {toe.available:g}°")
        high = toe.available > 80
        self.available_text.set_position((self.X_RANGE[0] + 0.5, toe.available + (-1.5 if high else 1.2)))
        self.available_text.set_va("top" if high else "bottom")
        polys = []
        for a, b in toe.intervals:
            xs = np.linspace(a, b, 60)
            ys = big_toe.demand(xs, toe.peak)
            polys.append(np.column_stack([np.concatenate([xs, xs[::-1]]),
                                          np.concatenate([ys, np.full_like(xs, toe.available)])]))
        self.short_fill.set_verts(polys)
        self.short_fill.set_visible(toe.short)
        self.short_text.set_visible(toe.short)
        if toe.short:
            self.short_text.set_text(f"short by up to {toe.max_shortfall:.0f}°")
            self.short_text.set_position((toe.intervals[0][0] - 4, max(toe.available - 3, 12)))
        length = 5.5
        for line, angle in ((self.need_toe, toe.peak), (self.have_toe, min(toe.available, toe.peak))):
            a = math.radians(angle)
            line.set_data([0, length * math.cos(a)], [0, length * math.sin(a)])

    def alt(self, state):
        toe, peak_name = state
        text = (f"Graph of the big-toe extension needed through late stance: none before heel off at 30% of the "
                f"cycle, about 30° by 50%, a peak of {toe.peak:g}° just before toe off at 59%, against a dashed "
                f"line at the available {toe.available:g}°. ")
        if toe.short:
            spans = ", ".join(f"{a:.0f}–{b:.0f}%" for a, b in toe.intervals)
            text += f"Hatched areas mark where the need exceeds the range ({spans}), by up to {toe.max_shortfall:.0f}°. "
        else:
            text += "The need stays below the range throughout. "
        return text + "An inset shows the toe bent to the needed and to the available angle."

    def caption(self, state):
        toe, _ = state
        if toe.short:
            return ("Where the walk asks more of the big toe than it has, push-off must find another way over "
                    "or around it.")
        return "The big toe bends most just before toe off; this joint has the range the walk asks for."


def big_toe_figure(available: float = 60, peak_name: str = "measured") -> Figure:
    toe = big_toe.big_toe_state(available, big_toe.PEAKS[peak_name])
    return BigToeDrawing().frame((toe, peak_name))
