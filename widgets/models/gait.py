"""The ankle over the gait cycle, as numbers: a published normative curve, its phases and rockers.

Conventions: see ``groundup.models`` (+ dorsiflexion / - plantarflexion, degrees; time in % of the cycle).

Data: ``assets/models/gait_ankle_schwartz2008.csv``, the free-speed ankle curve of Schwartz et al. 2008 (mean and
1 SD at 2 % steps) [S29]. Its ``#`` header is YAML and carries the source, the population (typically developing
children, Plug-in-Gait; adult curves are similar in shape but not identical) and the event percentages:
opposite foot off 10 %, opposite foot contact 50 %, foot off 59 % [S29], heel off about 30 % (adult teaching
value) [S28][S84].

Phases (Perry's names): loading response (initial contact to opposite foot off), midstance (to heel off),
terminal stance (to opposite foot contact), pre-swing (to foot off), swing. Rockers: the foot rolls over the
heel in loading response, the ankle in midstance, the forefoot in terminal stance and pre-swing; none in swing
[S84] (teaching slides, weak) [S97].
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml

from groundup.errors import Problem, ValidationError

DATA_FILE = ("models", "gait_ankle_schwartz2008.csv")
COLUMNS = ["pct_gait_cycle", "ankle_dorsiflexion_deg_mean", "ankle_dorsiflexion_deg_sd"]
EVENT_ORDER = ["opposite_foot_off", "heel_off", "opposite_foot_contact", "foot_off"]
HEADER_FIELDS = ["title", "source", "population", "caveat", "units", "events"]

PHASES = ["loading response", "midstance", "terminal stance", "pre-swing", "swing"]
PHASE_ABBREVIATIONS = {"loading response": "LR", "midstance": "MSt", "terminal stance": "TSt",
                       "pre-swing": "PSw", "swing": "Swing"}
ROCKERS = {"loading response": "heel", "midstance": "ankle", "terminal stance": "forefoot",
           "pre-swing": "forefoot", "swing": None}
ROCKER_WORDS = {
    "heel": "heel rocker: the foot rolls down over the heel while the shin muscles lower it",
    "ankle": "ankle rocker: the foot is flat and the shin rolls forward over the ankle",
    "forefoot": "forefoot rocker: the heel is up and the foot rolls over the ball of the foot",
    None: "no rocker: the foot is in the air, held up so the toes clear the ground",
}


@dataclass(frozen=True)
class GaitCurve:
    pct: np.ndarray  # % of the gait cycle, 0..100
    mean: np.ndarray  # ankle angle, deg
    sd: np.ndarray  # 1 standard deviation, deg
    events: dict  # event name -> % of the cycle
    source: str
    population: str
    caveat: str
    title: str

    @property
    def phase_bounds(self) -> list[tuple[str, float, float]]:
        """(phase, start %, end %) for the five phases, from the event percentages."""
        e = self.events
        edges = [0.0, e["opposite_foot_off"], e["heel_off"], e["opposite_foot_contact"], e["foot_off"], 100.0]
        return [(name, float(edges[i]), float(edges[i + 1])) for i, name in enumerate(PHASES)]


def parse_curve(text: str, filename: str = "gait.csv") -> tuple[GaitCurve | None, list[Problem]]:
    """Read the CSV-with-YAML-header format; return the curve and every problem found (never raises)."""
    problems: list[Problem] = []
    header_lines, rows = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("#"):
            header_lines.append(line[2:] if line.startswith("# ") else line[1:])
        elif line.strip():
            rows.append((number, line.strip()))
    try:
        header = yaml.safe_load("\n".join(header_lines)) or {}
    except yaml.YAMLError as exc:
        problems.append(Problem(filename, 1, "header", f"the # header is not valid YAML ({exc.__class__.__name__})"))
        header = {}
    if not isinstance(header, dict):
        problems.append(Problem(filename, 1, "header", "the # header must be YAML keys and values"))
        header = {}
    for field in HEADER_FIELDS:
        if not header.get(field):
            problems.append(Problem(filename, 1, field, f"the header needs a '{field}'"))
    events = header.get("events") if isinstance(header.get("events"), dict) else {}
    valid_events = True
    for name in EVENT_ORDER:
        value = events.get(name)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < 100:
            problems.append(Problem(filename, 1, f"events.{name}", "needs a percentage between 0 and 100"))
            valid_events = False
    if valid_events:
        values = [events[name] for name in EVENT_ORDER]
        if values != sorted(values) or len(set(values)) != len(values):
            problems.append(Problem(filename, 1, "events", f"must come in the order {', '.join(EVENT_ORDER)}"))

    if not rows or rows[0][1].split(",") != COLUMNS:
        line = rows[0][0] if rows else 1
        problems.append(Problem(filename, line, "columns", f"the first data line must be {','.join(COLUMNS)}"))
        return None, problems
    pct, mean, sd = [], [], []
    for number, line in rows[1:]:
        cells = line.split(",")
        if len(cells) != 3:
            problems.append(Problem(filename, number, "row", f"expected 3 values, found {len(cells)}"))
            continue
        try:
            p, m, s = (float(c) for c in cells)
        except ValueError:
            problems.append(Problem(filename, number, "row", f"not a number in {line!r}"))
            continue
        if not all(math.isfinite(v) for v in (p, m, s)):
            problems.append(Problem(filename, number, "row", "values must be finite numbers"))
            continue
        if s < 0:
            problems.append(Problem(filename, number, f"{p:g}%", "a standard deviation cannot be negative"))
        if not -90 <= m <= 90:
            problems.append(Problem(filename, number, f"{p:g}%", "an ankle angle must lie between -90 and 90 deg"))
        if pct and p <= pct[-1]:
            problems.append(Problem(filename, number, f"{p:g}%", "percentages must increase down the file"))
        pct.append(p)
        mean.append(m)
        sd.append(s)
    if pct and (pct[0] != 0 or pct[-1] != 100):
        problems.append(Problem(filename, rows[-1][0], "coverage", "the curve must run from 0 to 100 %"))
    if len(pct) < 2:
        problems.append(Problem(filename, rows[0][0], "rows", "the curve needs at least two rows"))
    if problems:
        return None, problems
    curve = GaitCurve(np.array(pct), np.array(mean), np.array(sd), {k: float(events[k]) for k in EVENT_ORDER},
                      str(header["source"]).strip(), str(header["population"]).strip(),
                      str(header["caveat"]).strip(), str(header["title"]).strip())
    return curve, []


def read_curve(path: Path) -> GaitCurve:
    """Load a curve file; a damaged file raises ValidationError listing every problem (one line each)."""
    curve, problems = parse_curve(path.read_text(encoding="utf-8"), path.name)
    if problems:
        raise ValidationError(problems)
    return curve


@lru_cache(maxsize=1)
def load_curve() -> GaitCurve:
    """The course's normative curve (Schwartz et al. 2008, free speed) [S29]."""
    from groundup.resources import asset_path

    return read_curve(asset_path(*DATA_FILE))


# ------------------------------------------------------------------------------------------------- instants

def angle_at(curve: GaitCurve, pct: float) -> tuple[float, float]:
    """(mean, sd) ankle angle at a % of the cycle, linearly interpolated between the 2 % samples."""
    pct = min(100.0, max(0.0, float(pct)))
    return float(np.interp(pct, curve.pct, curve.mean)), float(np.interp(pct, curve.pct, curve.sd))


def phase_at(curve: GaitCurve, pct: float) -> str:
    """The phase at a % of the cycle; each phase starts at its event (a boundary belongs to the later phase)."""
    pct = min(100.0, max(0.0, float(pct)))
    for name, start, end in curve.phase_bounds:
        if start <= pct < end:
            return name
    return "swing"


def rocker_at(curve: GaitCurve, pct: float) -> str | None:
    """'heel', 'ankle', 'forefoot', or None in swing."""
    return ROCKERS[phase_at(curve, pct)]


# Schematic foot pitch (deg, + toes up relative to the floor) at key instants, for the small foot drawing only.
# The ankle angle comes from the data; these pitches are illustrative, not measured values.
_PITCH_KEYS = [(0, 15.0), (8, 0.0), (30, 0.0), (50, -18.0), (59, -50.0), (70, -30.0), (85, 0.0), (100, 15.0)]


@dataclass(frozen=True)
class Pose:
    """Where the schematic foot and shank are at an instant (drawing numbers, not data)."""

    foot_pitch: float  # deg, + toes up relative to the floor
    shank_angle: float  # deg from the +x (walking) direction: 90 = vertical, < 90 = knee ahead of ankle
    pivot: str  # "heel" | "ankle" | "forefoot" | "air"


def pose_at(curve: GaitCurve, pct: float, angle: float | None = None) -> Pose:
    """The schematic pose: foot pitch from key instants, shank set by the ankle angle (data or ``angle``)."""
    keys_x, keys_y = zip(*_PITCH_KEYS)
    pitch = float(np.interp(pct, keys_x, keys_y))
    if angle is None:
        angle = angle_at(curve, pct)[0]
    rocker = rocker_at(curve, pct)
    pivot = {"heel": "heel", "ankle": "ankle", "forefoot": "forefoot", None: "air"}[rocker]
    if rocker == "ankle":
        pitch = 0.0
    # The shank is at 90 deg to the foot at neutral; dorsiflexion closes that angle.
    return Pose(pitch, 90.0 + pitch - angle, pivot)


# ------------------------------------------------------------------------------------- restricted overlay

@dataclass(frozen=True)
class Restriction:
    max_df: float  # the chosen maximum dorsiflexion, deg
    pct: np.ndarray  # fine time grid, % of the cycle
    clipped: np.ndarray  # the mean curve clipped at max_df
    intervals: list[tuple[float, float]]  # where the mean needs more than max_df, % of the cycle
    max_shortfall: float  # largest missing dorsiflexion, deg (0 if it never bites)
    at_pct: float | None  # where that happens
    phases: list[str]  # phases the restriction touches, in cycle order

    @property
    def bites(self) -> bool:
        return bool(self.intervals)


GRID_STEP = 0.1  # % of the cycle


def restriction(curve: GaitCurve, max_df: float) -> Restriction:
    """Clip the mean curve at ``max_df`` and report where in the cycle, and by how much, it falls short."""
    grid = np.round(np.arange(0.0, 100.0 + GRID_STEP / 2, GRID_STEP), 6)
    mean = np.interp(grid, curve.pct, curve.mean)
    over = mean > max_df
    clipped = np.minimum(mean, max_df)
    intervals = []
    if over.any():
        edges = np.flatnonzero(np.diff(over.astype(int)))
        starts = list(edges[~over[edges]] + 1) if len(edges) else []
        ends = list(edges[over[edges]]) if len(edges) else []
        if over[0]:
            starts.insert(0, 0)
        if over[-1]:
            ends.append(len(grid) - 1)
        for s, e in zip(starts, ends):
            intervals.append((_crossing(grid, mean, max_df, s, before=True),
                              _crossing(grid, mean, max_df, e, before=False)))
    shortfall = mean - max_df
    if over.any():
        i = int(np.argmax(shortfall))
        worst, at = float(shortfall[i]), float(grid[i])
    else:
        worst, at = 0.0, None
    phases = []
    for name, start, end in curve.phase_bounds:
        if any(a < end and b > start for a, b in intervals) and name not in phases:
            phases.append(name)
    return Restriction(float(max_df), grid, clipped, intervals, worst, at, phases)


def _crossing(grid, values, level, index, before):
    """Where the curve crosses ``level`` next to sample ``index`` (linear), for tidy interval ends."""
    j = index - 1 if before else index + 1
    if j < 0 or j >= len(grid):
        return float(grid[index])
    v0, v1 = values[j], values[index]
    if v0 == v1:
        return float(grid[index])
    t = (level - v0) / (v1 - v0)
    return float(grid[j] + t * (grid[index] - grid[j]))


# ----------------------------------------------------------------------------------------------- readout

@dataclass(frozen=True)
class GaitInstant:
    pct: float
    angle: float  # mean, deg
    sd: float
    phase: str
    rocker: str | None
    restricted_angle: float | None  # the clipped angle when the overlay is on
    shortfall: float  # deg missing at this instant (0 if none or overlay off)


def instant(curve: GaitCurve, pct: float, max_df: float | None = None) -> GaitInstant:
    angle, sd = angle_at(curve, pct)
    clipped = None if max_df is None else min(angle, max_df)
    shortfall = 0.0 if max_df is None else max(0.0, angle - max_df)
    return GaitInstant(float(pct), angle, sd, phase_at(curve, pct), rocker_at(curve, pct), clipped, shortfall)


def _signed(angle: float) -> str:
    if round(angle, 1) == 0:
        return "0.0° (neutral)"
    return f"{abs(angle):.1f}° {'dorsiflexion' if angle > 0 else 'plantarflexion'}"


def gait_readout(curve: GaitCurve, moment: GaitInstant, limit: Restriction | None) -> list[tuple[str, str]]:
    lines = [
        ("ℹ", f"{moment.pct:g}% of the gait cycle: {moment.phase}."),
        ("ℹ", f"Ankle: {_signed(moment.angle)} on average (±{moment.sd:.1f}° covers about two thirds of "
              "the children measured)."),
        ("ℹ", ROCKER_WORDS[moment.rocker][0].upper() + ROCKER_WORDS[moment.rocker][1:] + "."),
    ]
    if limit is not None:
        if not limit.bites:
            lines.append(("✓", f"A {limit.max_df:g}° dorsiflexion limit never bites: the average walker needs "
                               f"at most {float(curve.mean.max()):.1f}°."))
        else:
            spans = ", ".join(f"{a:.0f}–{b:.0f}%" for a, b in limit.intervals)
            lines.append(("⚠", f"A {limit.max_df:g}° dorsiflexion limit bites from {spans} of the cycle "
                               f"({', '.join(limit.phases)}), at most {limit.max_shortfall:.1f}° short at "
                               f"{limit.at_pct:.0f}%."))
            if moment.shortfall > 0:
                lines.append(("⚠", f"Right now the ankle would need {moment.shortfall:.1f}° more dorsiflexion "
                                   "than it has."))
            lines.append(("ℹ", "The body has to find that movement elsewhere; one expert view is that the foot "
                               "turns out and rolls in to 'borrow' it (expert opinion, The Gait Guys)."))
    return lines
