"""Smooth bone outlines from a few numbers, and the contact line between two bones.

Pure numpy (no matplotlib, no ipywidgets). Every function works in one plane's
millimetre coordinates ``(a, b)``: (x, y) in the dorsal view, (x, z) in the medial
view (see ``assets/anatomy/README.md``). "Left of the axis" means the direction
obtained by turning the axis a quarter turn counter-clockwise in that plane.

Three kinds of outline:

* ``points``: hand-placed control points, joined by a smooth closed curve
  (centripetal Catmull-Rom, which passes through every point and never loops);
* ``long``: a long bone (metatarsal or phalanx) from its base and tip and three
  widths: a wider base, a slimmer shaft and a rounded head; optionally a concave
  base (a phalanx's socket) and a tuberosity (the 5th metatarsal's styloid);
* ``ellipse``: a sesamoid.
"""

from __future__ import annotations

import numpy as np

SAMPLES_PER_MM = 1.2  # curve resolution: about one point per millimetre of outline


def _catmull_rom(points: np.ndarray, closed: bool, alpha: float = 0.5) -> np.ndarray:
    """A centripetal Catmull-Rom curve through ``points`` (shape (n, 2))."""
    pts = np.asarray(points, dtype=float)
    if closed:
        ext = np.vstack([pts[-1], pts, pts[0], pts[1]])
    else:
        ext = np.vstack([2 * pts[0] - pts[1], pts, 2 * pts[-1] - pts[-2]])
    out = []
    for i in range(1, len(ext) - 2):
        p0, p1, p2, p3 = ext[i - 1], ext[i], ext[i + 1], ext[i + 2]
        d01 = max(np.linalg.norm(p1 - p0) ** alpha, 1e-6)
        d12 = max(np.linalg.norm(p2 - p1) ** alpha, 1e-6)
        d23 = max(np.linalg.norm(p3 - p2) ** alpha, 1e-6)
        t0, t1 = 0.0, d01
        t2, t3 = t1 + d12, t1 + d12 + d23
        n = max(2, int(np.ceil(np.linalg.norm(p2 - p1) * SAMPLES_PER_MM)))
        t = np.linspace(t1, t2, n, endpoint=False)[:, None]
        a1 = (t1 - t) / (t1 - t0) * p0 + (t - t0) / (t1 - t0) * p1
        a2 = (t2 - t) / (t2 - t1) * p1 + (t - t1) / (t2 - t1) * p2
        a3 = (t3 - t) / (t3 - t2) * p2 + (t - t2) / (t3 - t2) * p3
        b1 = (t2 - t) / (t2 - t0) * a1 + (t - t0) / (t2 - t0) * a2
        b2 = (t3 - t) / (t3 - t1) * a2 + (t - t1) / (t3 - t1) * a3
        out.append((t2 - t) / (t2 - t1) * b1 + (t - t1) / (t2 - t1) * b2)
    if not closed:
        out.append(pts[-1:])
    return np.vstack(out)


def smooth_closed(points) -> np.ndarray:
    """A smooth closed outline through the control points."""
    return _catmull_rom(np.asarray(points, dtype=float), closed=True)


def smooth_open(points) -> np.ndarray:
    """A smooth open line through the points (a straight segment for two points)."""
    pts = np.asarray(points, dtype=float)
    if len(pts) == 2:
        n = max(2, int(np.ceil(np.linalg.norm(pts[1] - pts[0]) * SAMPLES_PER_MM)))
        return np.linspace(pts[0], pts[1], n)
    return _catmull_rom(pts, closed=False)


def _frame(base, tip):
    base, tip = np.asarray(base, float), np.asarray(tip, float)
    axis = tip - base
    length = float(np.hypot(*axis))
    unit = axis / length
    left = np.array([-unit[1], unit[0]])
    return base, unit, left, length


def long_bone_controls(base, tip, base_width, width, head_width, base_cup=0.0, tuberosity=None,
                       head_round=1.0) -> np.ndarray:
    """Control points of a long bone: base (proximal) to tip (distal end of the head).

    ``base_width``: across the base; ``width``: the shaft; ``head_width``: the head,
    drawn as a round cap whose front is the tip. ``base_cup`` (mm) hollows the base
    (a phalanx's socket for the head behind it). ``tuberosity`` is a point beside the
    base that the outline reaches out to (the 5th metatarsal's styloid process).
    """
    origin, unit, left, length = _frame(base, tip)
    bw, sw, hw = base_width / 2, width / 2, head_width / 2
    hw = min(hw, length / 2.2)  # short phalanges: keep the head inside the bone
    depth = hw * min(max(head_round, 0.2), 1.0)  # how far the cap reaches along the axis
    centre = length - depth

    def side(sign):
        pts = [
            (0.0, sign * 0.72 * bw),
            (min(0.05 * length, 1.2), sign * bw),
            (0.16 * length, sign * (0.55 * bw + 0.45 * sw)),
            (0.32 * length, sign * sw),
            (max(0.55 * length, 0.32 * length + 1), sign * 0.94 * sw),
        ]
        neck = centre - 1.1 * depth
        if neck > pts[-1][0] + 0.5:
            pts.append((neck, sign * 0.92 * sw))
        for angle in (110, 70, 35):
            a = np.radians(angle)
            pts.append((centre + depth * np.cos(a), sign * hw * np.sin(a)))
        return pts

    upper = side(+1)
    lower = side(-1)[::-1]
    local = [(base_cup, 0.0)] + upper + [(length, 0.0)] + lower
    points = np.array([origin + s * unit + v * left for s, v in local])
    if tuberosity is not None:
        # Replace the base corner and flare on the tuberosity's side by a blunt, rounded process
        # reaching to the tuberosity point, rejoining the shaft a little way along it. Upper side:
        # indices 2 (corner) and 3 (flare); lower side (reversed): n-2 (corner) and n-3 (flare).
        t = np.asarray(tuberosity, float)
        sign = 1.0 if float(np.dot(t - origin, left)) >= 0 else -1.0
        corner = points[1] if sign > 0 else points[-1]
        join = origin + 0.16 * length * unit + sign * (0.5 * bw + 0.6) * left
        radius = 3.0
        inward = (corner + join) / 2 - t
        inward /= max(np.linalg.norm(inward), 1e-6)
        centre = t + radius * inward
        start_angle = np.arctan2(*(corner - centre)[::-1])
        end_angle = np.arctan2(*(join - centre)[::-1])
        outward = np.arctan2(*(-inward)[::-1])
        # go round the far side of the circle (through the direction pointing away from the bone)
        def unwrap(a):
            return outward + (a - outward + np.pi) % (2 * np.pi) - np.pi
        a0, a1 = unwrap(start_angle), unwrap(end_angle)
        arc = [centre + radius * np.array([np.cos(a), np.sin(a)]) for a in np.linspace(a0, a1, 5)[1:-1]]
        if sign < 0:
            arc = arc[::-1]
        n = len(points)
        if sign > 0:
            points = np.vstack([points[:2], *arc, join, points[4:]])
        else:
            points = np.vstack([points[: n - 3], join, *arc, points[n - 1:]])
    return points


def long_bone(base, tip, base_width, width, head_width, base_cup=0.0, tuberosity=None, head_round=1.0) -> np.ndarray:
    return smooth_closed(long_bone_controls(base, tip, base_width, width, head_width, base_cup, tuberosity,
                                            head_round))


def ellipse(centre, length, width, angle_deg, n: int = 40) -> np.ndarray:
    """An ellipse: ``length`` along the direction ``angle_deg`` (from +a towards +b)."""
    t = np.linspace(0, 2 * np.pi, n, endpoint=False)
    a = np.radians(angle_deg)
    unit = np.array([np.cos(a), np.sin(a)])
    left = np.array([-unit[1], unit[0]])
    return np.asarray(centre, float) + np.outer(length / 2 * np.cos(t), unit) + np.outer(width / 2 * np.sin(t), left)


def polygon_area(outline: np.ndarray) -> float:
    x, y = outline[:, 0], outline[:, 1]
    return 0.5 * abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))


def line_length(points: np.ndarray) -> float:
    return float(np.linalg.norm(np.diff(np.asarray(points, float), axis=0), axis=1).sum())


def centroid(outline: np.ndarray) -> np.ndarray:
    x, y = outline[:, 0], outline[:, 1]
    cross = x * np.roll(y, -1) - np.roll(x, -1) * y
    area = cross.sum() / 2
    if abs(area) < 1e-9:
        return outline.mean(axis=0)
    cx = ((x + np.roll(x, -1)) * cross).sum() / (6 * area)
    cy = ((y + np.roll(y, -1)) * cross).sum() / (6 * area)
    return np.array([cx, cy])


def _distances(points: np.ndarray, outline: np.ndarray):
    """Distance from each point to the closed polyline ``outline``, and the nearest point on it."""
    a = outline
    b = np.roll(outline, -1, axis=0)
    ab = b - a  # (m, 2)
    ap = points[:, None, :] - a[None, :, :]  # (n, m, 2)
    denom = np.maximum((ab * ab).sum(axis=1), 1e-12)
    t = np.clip((ap * ab[None]).sum(axis=2) / denom[None], 0, 1)
    nearest = a[None] + t[..., None] * ab[None]
    d = np.linalg.norm(points[:, None, :] - nearest, axis=2)
    j = d.argmin(axis=1)
    return d[np.arange(len(points)), j], nearest[np.arange(len(points)), j]


def contact_lines(outline_a: np.ndarray, outline_b: np.ndarray, tolerance: float) -> list[np.ndarray]:
    """Where two outlines face each other across a gap of at most ``tolerance`` mm.

    Returns the joint line(s): for each run of A's outline lying within the
    tolerance of B, the midpoints between A and B (a line in the joint space).
    """
    d, nearest = _distances(outline_a, outline_b)
    close = d <= tolerance
    if not close.any():
        return []
    mid = (outline_a + nearest) / 2
    n = len(close)
    if close.all():
        return [np.vstack([mid, mid[:1]])]
    start = int(np.argmin(close))  # begin scanning at a point that is not close, so runs do not wrap
    runs, current = [], []
    for k in range(1, n + 1):
        i = (start + k) % n
        if close[i]:
            current.append(mid[i])
        elif current:
            runs.append(np.array(current))
            current = []
    if current:
        runs.append(np.array(current))
    return [run for run in runs if len(run) >= 2]
