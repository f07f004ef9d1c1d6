"""Big-toe demand: how far the 1st MTP joint must extend in late stance, against how far it can.

Conventions: see ``groundup.models`` (big-toe angle + extension, degrees; time in % of the gait cycle).

The demand curve is a **schematic built from published figures**, not a measured curve: the toe starts to
extend when the heel lifts (about 30 % of the cycle) [S28][S84], reaches about 30 deg through terminal stance
(by opposite foot contact, 50 %) [S84][S98], and peaks just before the toe leaves the ground (foot off, 59 %
[S29]) at about 40-50 deg [S84][S99]. The peak is a choice:

* about 42 deg, the extension measured in walking (hallux relative to the 1st metatarsal, n = 33) [S30];
* 65 deg, the traditional teaching value of what normal gait "needs" [S31].

Angles count from the toe's resting position at heel off; the sources give ~30 deg for the extension during
terminal stance (heel off to opposite foot contact), which this schematic reaches at the end of that phase rather
than as a jump at heel off. Between the points the curve eases smoothly (no corners) and never overshoots. The event times come from the
gait data file, so both models share one clock. The available range is the joint's extension range (normal
passive range about 55-65 deg [S96]); where the demand exceeds it, walking must compensate. Commonly named
compensations (rolling off the inside of the big toe, turning the foot out) are expert opinion [S109], with
one study linking a stiff big toe to toe-out and less hip internal rotation [S108].
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

PEAKS = {"measured": 42.0, "traditional": 65.0}
PEAK_SOURCES = {"measured": "S30", "traditional": "S31"}
TERMINAL_STANCE_DEG = 30.0
AVAILABLE_MIN, AVAILABLE_MAX = 0, 90
NORMAL_PASSIVE = (55, 65)  # deg [S96]
PEAK_LEAD = 2.0  # the peak comes this many % of the cycle before foot off ("just before toe off")


def events() -> dict:
    """Heel off, opposite foot contact and foot off (% of the cycle), from the gait data file."""
    from groundup.models.gait import load_curve

    e = load_curve().events
    return {"heel_off": e["heel_off"], "opposite_foot_contact": e["opposite_foot_contact"],
            "foot_off": e["foot_off"]}


def keyframes(peak: float) -> list[tuple[float, float]]:
    e = events()
    return [(e["heel_off"], 0.0), (e["opposite_foot_contact"], min(TERMINAL_STANCE_DEG, peak)),
            (e["foot_off"] - PEAK_LEAD, peak), (e["foot_off"], peak)]


def demand(pct, peak: float = PEAKS["measured"]):
    """Extension the walk asks of the 1st MTP joint at ``pct`` (scalar or array), deg; 0 before heel off.

    After foot off the toe is in the air and asks nothing (returned as 0).
    """
    keys = keyframes(peak)
    x = np.asarray(pct, dtype=float)
    out = np.zeros_like(x)
    for (x0, y0), (x1, y1) in zip(keys, keys[1:]):
        inside = (x >= x0) & (x <= x1)
        t = (x[inside] - x0) / (x1 - x0)
        out[inside] = y0 + (y1 - y0) * t * t * (3 - 2 * t)  # smoothstep: flat at each key point
    out[x > keys[-1][0]] = 0.0
    return float(out) if out.ndim == 0 else out


GRID_STEP = 0.1


@dataclass(frozen=True)
class BigToeState:
    available: float  # deg of extension the joint has
    peak: float  # deg the walk asks for at its peak
    intervals: list[tuple[float, float]]  # % of the cycle where demand > available
    max_shortfall: float  # deg
    at_pct: float | None
    phases: list[str]  # late-stance phases the shortfall falls in
    spare: float  # deg to spare at the peak (0 if short)

    @property
    def short(self) -> bool:
        return self.max_shortfall > 0


def big_toe_state(available: float, peak: float = PEAKS["measured"]) -> BigToeState:
    e = events()
    grid = np.round(np.arange(e["heel_off"], e["foot_off"] + GRID_STEP / 2, GRID_STEP), 6)
    need = demand(grid, peak)
    over = need > available
    intervals: list[tuple[float, float]] = []
    start = None
    for x, flag in zip(grid, over):
        if flag and start is None:
            start = float(x)
        if not flag and start is not None:
            intervals.append((start, float(x)))
            start = None
    if start is not None:
        intervals.append((start, float(grid[-1])))
    shortfall = need - available
    if over.any():
        i = int(np.argmax(shortfall))
        worst, at = float(shortfall[i]), float(grid[i])
    else:
        worst, at = 0.0, None
    phases = []
    for name, lo, hi in (("terminal stance", e["heel_off"], e["opposite_foot_contact"]),
                         ("pre-swing", e["opposite_foot_contact"], e["foot_off"])):
        if any(a < hi and b > lo for a, b in intervals):
            phases.append(name)
    return BigToeState(float(available), float(peak), intervals, worst, at, phases, max(0.0, available - peak))


def big_toe_readout(state: BigToeState, peak_name: str = "measured") -> list[tuple[str, str]]:
    from groundup.models.sources import cite

    source = cite(PEAK_SOURCES.get(peak_name, "S30"))
    lines = [("ℹ", f"Available extension: {state.available:g}°. The walk asks for up to {state.peak:g}° just "
                   f"before toe off ({'measured in walking' if peak_name == 'measured' else 'traditional teaching'}"
                   f", {source}).")]
    if not state.short:
        lines.append(("✓", f"Enough range: {state.spare:g}° to spare at the peak. The toe can bend as far as the "
                           "walk asks."))
    else:
        spans = ", ".join(f"{a:.0f}–{b:.0f}%" for a, b in state.intervals)
        lines.append(("⚠", f"Short by up to {state.max_shortfall:.0f}°: from {spans} of the gait cycle "
                           f"({' and '.join(state.phases)}) the walk asks for more than the joint has."))
        lines.append(("ℹ", "Walking then has to get round the big toe instead of over it. Commonly named ways "
                           "(expert opinion, not measured here): rolling off the inside of the big toe, turning "
                           f"the foot out ({cite('S109')}); one study linked a stiff big toe with toe-out and "
                           f"less hip internal rotation ({cite('S108')})."))
    lines.append(("ℹ", f"The demand curve is a schematic built from published figures (extension begins at "
                       f"heel off, about {TERMINAL_STANCE_DEG:g}° by the end of terminal stance, a peak just before "
                       f"toe off), not one measured curve. A normal passive range is about "
                       f"{NORMAL_PASSIVE[0]}–{NORMAL_PASSIVE[1]}° ({cite('S96')})."))
    return lines
