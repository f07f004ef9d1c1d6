"""The foot skeleton's geometry: load ``assets/anatomy/<view>.yaml``, check it, build the outlines.

Pure (numpy; no matplotlib, no ipywidgets). A malformed file raises one
``ValidationError`` whose message names the file, the line and the bone (every
problem found is listed in ``.problems``).

Coordinates in the files are millimetres in the reference sheet's systems:
dorsal (x, y), medial (x, z). The loaded ``View`` holds everything in *screen*
millimetres, ready to draw: dorsal (y, x) so that the toes point up the page with
the medial side on the left; medial (x, z) with the heel on the left.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from groundup.errors import GroundUpError, Problem, ValidationError

from . import outlines, yamlfile
from .catalogue import BONE_IDS, JOINT_IDS

VIEWS = ("dorsal", "medial")
LABEL_SIDES = {"dorsal": ("left", "right"), "medial": ("left", "top", "bottom")}
DEFAULT_TOLERANCE = 3.0  # mm: how close two outlines must come to count as a joint

_COMMON_KEYS = {"shape", "anchor", "details", "behind", "overlay", "optional"}
_SHAPE_KEYS = {
    "points": {"points"},
    "long": {"base", "tip", "base_width", "width", "head_width", "base_cup", "tuberosity", "head_round"},
    "ellipse": {"centre", "length", "width", "angle"},
}


@dataclass(frozen=True)
class BoneShape:
    id: str
    outline: np.ndarray  # closed outline, screen mm, shape (n, 2)
    anchor: np.ndarray  # where a label's leader line points
    details: tuple  # interior lines (screen mm)
    behind: bool  # mostly hidden behind nearer bones in this view
    overlay: bool  # drawn see-through on top (e.g. sesamoids under the 1st metatarsal head)
    optional: bool  # drawn only when it, or a joint it belongs to, is highlighted
    spec: dict  # the numbers of the data file, in the file's coordinates
    line: int


@dataclass(frozen=True)
class JointLine:
    points: np.ndarray  # screen mm, shape (n, 2)
    hidden: bool  # lies under other bones in this view: drawn dashed


@dataclass(frozen=True)
class Label:
    text: str
    targets: tuple
    side: str


@dataclass(frozen=True)
class View:
    name: str
    title: str
    file: str
    bones: dict  # id -> BoneShape, in drawing order (furthest first)
    joints: dict  # id -> tuple[JointLine, ...]
    labels: tuple
    numbers: tuple  # (text, screen point)
    floor: float | None  # screen height of the floor (medial view)
    bounds: tuple = field(default=(0.0, 0.0, 1.0, 1.0))  # xmin, ymin, xmax, ymax of the drawn bones

    def to_screen(self, points) -> np.ndarray:
        return to_screen(self.name, points)


def to_screen(view: str, points) -> np.ndarray:
    pts = np.asarray(points, dtype=float)
    return pts[..., ::-1].copy() if view == "dorsal" else pts.copy()


def view_path(view: str) -> Path:
    from groundup.resources import asset_path

    return asset_path("anatomy", f"{view}.yaml")


def check_view_name(view) -> str:
    if view not in VIEWS:
        raise GroundUpError(f"unknown view {view!r}: choose 'dorsal' (from above) or 'medial' (inner side)")
    return view


# ---------------------------------------------------------------------------- checking helpers
class _Check:
    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []

    def add(self, line, item, message):
        self.problems.append(Problem(self.file, int(line or 0), str(item), message))

    def number(self, data, key, item, *, positive=False, minimum=None, required=True):
        if key not in data:
            if required:
                self.add(data.line, item, f"missing {key!r}")
            return None
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            self.add(data.line_of(key), item, f"{key!r} must be a number, not {value!r}")
            return None
        if positive and value <= 0:
            self.add(data.line_of(key), item, f"{key!r} must be greater than 0, not {value!r}")
            return None
        if minimum is not None and value < minimum:
            self.add(data.line_of(key), item, f"{key!r} must be at least {minimum}, not {value!r}")
            return None
        return float(value)

    def point(self, value, line, item, name):
        if (isinstance(value, list) and len(value) == 2
                and all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in value)):
            return (float(value[0]), float(value[1]))
        self.add(line, item, f"{name} must be a point [x, y] of two numbers, not {value!r}")
        return None

    def points(self, value, line, item, name, minimum):
        if not isinstance(value, list) or len(value) < minimum:
            self.add(line, item, f"{name} must be a list of at least {minimum} points [x, y]")
            return None
        out = []
        for i, entry in enumerate(value):
            p = self.point(entry, value.line_of(i) if hasattr(value, "line_of") else line, item, f"{name} point {i + 1}")
            if p is None:
                return None
            out.append(p)
        return np.array(out)

    def flag(self, data, key, item):
        value = data.get(key, False)
        if not isinstance(value, bool):
            self.add(data.line_of(key), item, f"{key!r} must be true or false, not {value!r}")
            return False
        return value


def _unknown_id(item, ids, what):
    import difflib

    close = difflib.get_close_matches(str(item), ids, n=1)
    return f"unknown {what} id" + (f" (did you mean {close[0]!r}?)" if close else "")


# ---------------------------------------------------------------------------- bones
def _bone(view, item, data, check: _Check):
    """Return (outline, spec, anchor, details, flags) in the file's coordinates, or None."""
    if not isinstance(data, dict):
        check.add(0, item, "must be a mapping with a 'shape'")
        return None
    shape = data.get("shape")
    if shape not in _SHAPE_KEYS:
        check.add(data.line_of("shape"), item,
                  f"'shape' must be one of {', '.join(_SHAPE_KEYS)}, not {shape!r}" if "shape" in data
                  else f"missing 'shape' (one of {', '.join(_SHAPE_KEYS)})")
        return None
    for key, line in data.get("__repeated__", []):
        check.add(line, item, f"{key!r} appears twice")
    for key in data:
        if key not in _COMMON_KEYS | _SHAPE_KEYS[shape] and key != "__repeated__":
            check.add(data.line_of(key), item, f"unknown key {key!r} for a {shape!r} outline")
    before = len(check.problems)
    spec = {"shape": shape}
    outline = None
    if shape == "points":
        pts = check.points(data.get("points"), data.line_of("points"), item, "'points'", 4)
        if pts is not None:
            spec["points"] = pts
            outline = outlines.smooth_closed(pts)
    elif shape == "long":
        base = check.point(data.get("base"), data.line_of("base"), item, "'base'")
        tip = check.point(data.get("tip"), data.line_of("tip"), item, "'tip'")
        widths = {k: check.number(data, k, item, positive=True) for k in ("base_width", "width", "head_width")}
        cup = check.number(data, "base_cup", item, minimum=0, required=False) or 0.0
        head_round = check.number(data, "head_round", item, positive=True, required=False) or 1.0
        if head_round > 1:
            check.add(data.line_of("head_round"), item, f"'head_round' must be at most 1, not {head_round:g}")
        tuberosity = None
        if "tuberosity" in data:
            tuberosity = check.point(data["tuberosity"], data.line_of("tuberosity"), item, "'tuberosity'")
        if base is not None and tip is not None and None not in widths.values():
            length = math.dist(base, tip)
            if length < 2:
                check.add(data.line_of("tip"), item, f"'base' and 'tip' are only {length:.1f} mm apart")
            elif max(widths.values()) > length * 1.5 and length < 15:
                check.add(data.line_of("width"), item, f"widths up to {max(widths.values()):g} mm are too wide for a bone {length:.1f} mm long")
            elif cup >= length / 3:
                check.add(data.line_of("base_cup"), item, f"'base_cup' {cup:g} mm is too deep for a bone {length:.1f} mm long")
            else:
                spec.update(base=np.array(base), tip=np.array(tip), length=length, base_cup=cup,
                            head_round=head_round, tuberosity=None if tuberosity is None else np.array(tuberosity),
                            **widths)
                outline = outlines.long_bone(base, tip, widths["base_width"], widths["width"], widths["head_width"],
                                             cup, tuberosity, head_round)
    else:
        centre = check.point(data.get("centre"), data.line_of("centre"), item, "'centre'")
        length = check.number(data, "length", item, positive=True)
        width = check.number(data, "width", item, positive=True)
        angle = check.number(data, "angle", item, required=False) or 0.0
        if None not in (centre, length, width):
            spec.update(centre=np.array(centre), length=length, width=width, angle=angle)
            outline = outlines.ellipse(centre, length, width, angle)
    anchor = None
    if "anchor" in data:
        anchor = check.point(data["anchor"], data.line_of("anchor"), item, "'anchor'")
    details = []
    raw_details = data.get("details", [])
    if not isinstance(raw_details, list):
        check.add(data.line_of("details"), item, "'details' must be a list of lines (each a list of points)")
    else:
        for i, line in enumerate(raw_details):
            pts = check.points(line, raw_details.line_of(i), item, f"detail line {i + 1}", 2)
            if pts is not None:
                details.append(outlines.smooth_open(pts))
    flags = {k: check.flag(data, k, item) for k in ("behind", "overlay", "optional")}
    if outline is None or len(check.problems) > before:
        return None
    if outlines.polygon_area(outline) < 1.0:
        check.add(data.line, item, "the outline encloses no area")
        return None
    return outline, spec, anchor, details, flags


# ---------------------------------------------------------------------------- joints
def _joint_specs(raw, check: _Check, bone_ids):
    specs = {}
    if not isinstance(raw, dict):
        check.add(getattr(raw, "line", 0), "", "missing 'joints' mapping")
        return specs
    for key, line in raw.get("__repeated__", []):
        check.add(line, key, "appears twice")
    for item, entries in raw.items():
        if item == "__repeated__":
            continue
        if item not in JOINT_IDS:
            check.add(raw.line_of(item), item, _unknown_id(item, JOINT_IDS, "joint"))
            continue
        if not isinstance(entries, list) or not entries:
            check.add(raw.line_of(item), item, "must be a list of parts (between, path or joint)")
            continue
        parts = []
        for i, entry in enumerate(entries):
            line = entries.line_of(i)
            if not isinstance(entry, dict):
                check.add(line, item, f"part {i + 1} must be a mapping with 'between', 'path' or 'joint'")
                continue
            kinds = [k for k in ("between", "path", "joint") if k in entry]
            if len(kinds) != 1:
                check.add(line, item, f"part {i + 1} needs exactly one of 'between', 'path' or 'joint'")
                continue
            for key in entry:
                if key not in {"between", "path", "joint", "hidden", "tolerance"}:
                    check.add(entry.line_of(key), item, f"unknown key {key!r} in part {i + 1}")
            hidden = check.flag(entry, "hidden", item)
            kind = kinds[0]
            if kind == "between":
                pair = entry["between"]
                if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(b, str) for b in pair)):
                    check.add(entry.line_of("between"), item, "'between' must name two bones, e.g. [talus, navicular]")
                    continue
                bad = [b for b in pair if b not in bone_ids]
                if bad:
                    check.add(entry.line_of("between"), item, f"'between' names unknown bone {bad[0]!r}")
                    continue
                tol = check.number(entry, "tolerance", item, positive=True, required=False) or DEFAULT_TOLERANCE
                parts.append(("between", tuple(pair), tol, hidden, line))
            elif kind == "path":
                pts = check.points(entry["path"], entry.line_of("path"), item, "'path'", 2)
                if pts is not None:
                    parts.append(("path", pts, None, hidden, line))
            else:
                other = entry["joint"]
                if other not in JOINT_IDS or other == item:
                    check.add(entry.line_of("joint"), item, f"'joint' must name another joint, not {other!r}")
                    continue
                parts.append(("joint", other, None, hidden, line))
        specs[item] = (parts, raw.line_of(item))
    for item in JOINT_IDS:
        if item not in raw:
            check.add(raw.line, item, "joint missing from 'joints'")
    return specs


def _resolve_joints(specs, ref_outlines, check: _Check):
    resolved: dict = {}

    def resolve(item, trail):
        if item in resolved:
            return resolved[item]
        if item in trail:
            check.add(specs[item][1], item, f"joints include each other in a loop ({' -> '.join(trail + (item,))})")
            return ()
        if item not in specs:
            return ()
        lines = []
        for kind, value, tol, hidden, line in specs[item][0]:
            if kind == "path":
                lines.append((outlines.smooth_open(value), hidden))
            elif kind == "joint":
                lines.extend(resolve(value, trail + (item,)))
            else:
                a, b = value
                if a not in ref_outlines or b not in ref_outlines:
                    continue  # the bone itself has a problem, already reported
                found = outlines.contact_lines(ref_outlines[a], ref_outlines[b], tol)
                if not found:
                    check.add(line, item, f"{a} and {b} do not come within {tol:g} mm of each other in this view")
                lines.extend((pts, hidden) for pts in found)
        resolved[item] = tuple(lines)
        return resolved[item]

    for item in specs:
        resolve(item, ())
    return resolved


# ---------------------------------------------------------------------------- the view
def read_view(view: str, path: Path | None = None, display: str | None = None) -> View:
    """Load and check one view's geometry file (the course's own unless ``path`` is given)."""
    from groundup.resources import assets_dir

    check_view_name(view)
    path = Path(path) if path is not None else view_path(view)
    file = display or yamlfile.display_name(path, assets_dir())
    data = yamlfile.load(path, file)
    check = _Check(file)
    if not isinstance(data, dict):
        raise ValidationError([Problem(file, 0, "", "must be a mapping with 'view', 'bones', 'joints' and 'labels'")])
    if data.get("view") != view:
        check.add(data.line_of("view"), "", f"'view' must be {view!r}, not {data.get('view')!r}")
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        check.add(data.line_of("title"), "", "missing 'title' (text)")
        title = view
    floor = None
    if view == "medial":
        floor = check.number(data, "floor", "", required=False)

    raw_bones = data.get("bones")
    built = {}
    if not isinstance(raw_bones, dict):
        check.add(data.line_of("bones"), "", "missing 'bones' mapping")
        raw_bones = yamlfile.Mapping()
    for key, line in raw_bones.get("__repeated__", []):
        check.add(line, key, "appears twice")
    for item, entry in raw_bones.items():
        if item == "__repeated__":
            continue
        if item not in BONE_IDS:
            check.add(raw_bones.line_of(item), item, _unknown_id(item, BONE_IDS, "bone"))
            continue
        result = _bone(view, item, entry, check)
        if result is not None:
            built[item] = result + (raw_bones.line_of(item),)
        elif not any(p.item == item for p in check.problems):
            check.add(raw_bones.line_of(item), item, "could not be built")
    for item in BONE_IDS:
        if item not in raw_bones:
            check.add(raw_bones.line or data.line, item, "bone missing from 'bones'")

    specs = _joint_specs(data.get("joints"), check, BONE_IDS)
    ref_outlines = {item: value[0] for item, value in built.items()}
    joint_lines = _resolve_joints(specs, ref_outlines, check)

    labels = _labels(view, data.get("labels"), check, data)
    numbers = _numbers(view, data.get("numbers", []), check, data)
    if check.problems:
        raise ValidationError(check.problems)

    shapes = {}
    for item, (outline, spec, anchor, details, flags, line) in built.items():
        screen = to_screen(view, outline)
        anchor_screen = to_screen(view, anchor) if anchor is not None else outlines.centroid(screen)
        shapes[item] = BoneShape(item, screen, anchor_screen, tuple(to_screen(view, d) for d in details),
                                 flags["behind"], flags["overlay"], flags["optional"], spec, line)
    joints = {item: tuple(JointLine(to_screen(view, pts), hidden) for pts, hidden in joint_lines.get(item, ()))
              for item in JOINT_IDS}
    drawn = [s.outline for s in shapes.values() if not s.optional]
    every = np.vstack(drawn)
    bounds = (float(every[:, 0].min()), float(every[:, 1].min()), float(every[:, 0].max()), float(every[:, 1].max()))
    return View(view, title.strip(), file, shapes, joints, labels, numbers, floor, bounds)


def _labels(view, raw, check: _Check, data):
    out = []
    if raw is None:
        return ()
    if not isinstance(raw, list):
        check.add(data.line_of("labels"), "", "'labels' must be a list")
        return ()
    sides = LABEL_SIDES[view]
    for i, entry in enumerate(raw):
        line = raw.line_of(i)
        if not isinstance(entry, dict):
            check.add(line, f"label {i + 1}", "must be a mapping with 'text', 'targets' and 'side'")
            continue
        text = entry.get("text")
        item = f"label {text!r}" if isinstance(text, str) else f"label {i + 1}"
        if not isinstance(text, str) or not text.strip():
            check.add(line, item, "missing 'text'")
            continue
        targets = entry.get("targets")
        if not isinstance(targets, list) or not targets or any(t not in BONE_IDS + JOINT_IDS for t in targets):
            check.add(entry.line_of("targets"), item, "'targets' must list bone or joint ids")
            continue
        side = entry.get("side")
        if side not in sides:
            check.add(entry.line_of("side"), item, f"'side' must be one of {', '.join(sides)}, not {side!r}")
            continue
        out.append(Label(text.strip(), tuple(targets), side))
    return tuple(out)


def _numbers(view, raw, check: _Check, data):
    out = []
    if not isinstance(raw, list):
        check.add(data.line_of("numbers"), "", "'numbers' must be a list")
        return ()
    for i, entry in enumerate(raw):
        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
            check.add(raw.line_of(i), f"number {i + 1}", "must be a mapping with 'text' and 'at'")
            continue
        at = check.point(entry.get("at"), entry.line_of("at"), f"number {entry['text']!r}", "'at'")
        if at is not None:
            out.append((entry["text"], to_screen(view, at)))
    return tuple(out)


@lru_cache(maxsize=None)
def _course_view(view: str) -> View:
    loaded = read_view(view)
    if view == "medial":
        loaded = _order_by_depth(loaded, _course_view("dorsal"))
    return loaded


def _order_by_depth(medial: View, dorsal: View) -> View:
    """Draw the medial view back to front: a bone further lateral (larger dorsal y) is further away."""
    depth = {item: float(outlines.centroid(shape.outline)[0]) for item, shape in dorsal.bones.items()}  # screen x = y
    order = sorted(medial.bones, key=lambda item: -depth.get(item, 0.0))
    return View(medial.name, medial.title, medial.file, {item: medial.bones[item] for item in order}, medial.joints,
                medial.labels, medial.numbers, medial.floor, medial.bounds)


def load_view(view: str) -> View:
    """The course's geometry for a view, checked and built once per process."""
    return _course_view(check_view_name(view))
