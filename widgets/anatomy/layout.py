"""Where labels go: columns beside the foot and bands above and below it, leader lines that do not cross.

Pure geometry on screen millimetres (no matplotlib): the caller measures each
text (width and height in mm) and draws what this module places.

* ``left`` / ``right`` columns: texts stacked beside the skeleton, each as close as
  possible to the height of what it names, never overlapping (an isotonic fit:
  the least total movement that keeps the required gaps).
* ``top`` / ``bottom`` bands: each text sits above (below) what it names, its
  right end at the target, with a vertical leader. Texts are stacked in levels
  so that no text overlaps another or an obstacle, and no leader crosses a text.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Request:
    text: str
    targets: list  # screen points (x, y) the leader lines end at
    side: str  # left, right, top, bottom
    width: float  # mm
    height: float  # mm
    emphasis: bool = False  # the highlighted structure's callout
    key: str = ""  # the caller's name for this label


@dataclass
class Placed:
    request: Request
    x: float  # text anchor
    y: float
    ha: str  # horizontal alignment of the text at (x, y)
    leaders: list = field(default_factory=list)  # [((x0, y0), (x1, y1)), ...]

    @property
    def box(self):
        w, h = self.request.width, self.request.height
        x0 = self.x - w if self.ha == "right" else (self.x - w / 2 if self.ha == "center" else self.x)
        return (x0, self.y - h / 2, x0 + w, self.y + h / 2)


def _spread(desired, sizes, gap, low, high):
    """Positions close to ``desired`` (sorted ascending) with neighbours at least (s_i + s_j)/2 + gap apart."""
    n = len(desired)
    if not n:
        return []
    offsets = [0.0]
    for i in range(1, n):
        offsets.append(offsets[-1] + (sizes[i - 1] + sizes[i]) / 2 + gap)
    # Isotonic regression (pool adjacent violators) of desired - offset, then add the offsets back.
    values = [d - o for d, o in zip(desired, offsets)]
    blocks = []  # [sum, count]
    for v in values:
        blocks.append([v, 1])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            s, c = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += c
    fitted = []
    for s, c in blocks:
        fitted.extend([s / c] * c)
    positions = [f + o for f, o in zip(fitted, offsets)]
    # Keep the stack inside [low, high] where it fits.
    lowest = low + sizes[0] / 2
    if positions[0] < lowest:
        shift = lowest - positions[0]
        positions = [p + shift for p in positions]
    highest = high - sizes[-1] / 2
    if positions[-1] > highest and positions[0] - (positions[-1] - highest) >= lowest:
        shift = positions[-1] - highest
        positions = [p - shift for p in positions]
    return positions


def place_column(requests, side, x, low, high, gap=1.2):
    """Stack texts in a column at ``x`` (right-aligned on the left side, left-aligned on the right)."""
    order = sorted(requests, key=lambda r: sum(t[1] for t in r.targets) / len(r.targets))
    desired = [sum(t[1] for t in r.targets) / len(r.targets) for r in order]
    ys = _spread(desired, [r.height for r in order], gap, low, high)
    placed = []
    ha = "right" if side == "left" else "left"
    start_x = x + (1.0 if side == "left" else -1.0)
    for request, y in zip(order, ys):
        leaders = [((start_x, y), tuple(t)) for t in request.targets]
        placed.append(Placed(request, x, y, ha, leaders))
    return placed


def _overlaps(a, b, pad=0.8):
    return not (a[2] + pad <= b[0] or b[2] + pad <= a[0] or a[3] + pad <= b[1] or b[3] + pad <= a[1])


def place_band(requests, side, base, step, obstacles=(), max_levels=14, limits=None):
    """Texts above (``top``) or below (``bottom``) their targets, in levels ``base + k*step`` (or minus).

    Each text ends just left of its first target's x (or, where no level allows that, starts
    just right of it); a vertical leader joins it to the target. ``obstacles`` are boxes
    (x0, y0, x1, y1) no text may cover (e.g. the leg bones). The lowest level that fits wins.
    """
    sign = 1 if side == "top" else -1
    order = sorted(requests, key=lambda r: r.targets[0][0])
    placed: list[Placed] = []
    leaders_at: list[tuple[float, int]] = []  # (x, level) of every placed leader
    boxes_at: dict[int, list] = {}

    def fits(candidate, level, tx):
        box = candidate.box
        if limits is not None and (box[0] < limits[0] or box[2] > limits[1]):
            return False
        if any(_overlaps(box, other) for other in boxes_at.get(level, [])):
            return False
        if any(_overlaps(box, ob, pad=1.5) for ob in obstacles):
            return False
        # No leader from a higher level may pass through this text ...
        if any(lvl > level and box[0] - 0.5 <= lx <= box[2] + 0.5 for lx, lvl in leaders_at):
            return False
        # ... and this text's leader must not pass through texts on the levels below it.
        return not any(b[0] - 0.5 <= tx <= b[2] + 0.5 for lvl in range(level) for b in boxes_at.get(lvl, []))

    for request in order:
        tx, ty = request.targets[0]
        chosen = None
        for x, ha in ((tx - 1.0, "right"), (tx + 1.0, "left")):  # ending at the target first: it blocks no one
            for level in range(max_levels):
                candidate = Placed(request, x, base + sign * level * step, ha)
                if fits(candidate, level, tx):
                    chosen = (level, candidate)
                    break
            if chosen:
                break
        if chosen is None:  # nothing fits: use the outermost level
            level = max_levels - 1
            chosen = (level, Placed(request, tx - 1.0, base + sign * level * step, "right"))
        level, candidate = chosen
        candidate.leaders = [((tx, candidate.y), (tx, ty))]
        for other in request.targets[1:]:
            candidate.leaders.append(((tx, candidate.y), tuple(other)))
        boxes_at.setdefault(level, []).append(candidate.box)
        leaders_at.append((tx, level))
        placed.append(candidate)
    return placed


def layout(requests, bounds, *, band_base_top=None, band_base_bottom=None, obstacles=(), gap=6.0,
           column_range=None):
    """Place every request; ``bounds`` = (xmin, ymin, xmax, ymax) of the drawing, in screen mm."""
    xmin, ymin, xmax, ymax = bounds
    low, high = column_range if column_range else (ymin - 4, ymax + 4)
    placed = []
    by_side: dict[str, list] = {}
    for r in requests:
        by_side.setdefault(r.side, []).append(r)
    if by_side.get("left"):
        placed += place_column(by_side["left"], "left", xmin - gap, low, high)
    if by_side.get("right"):
        placed += place_column(by_side["right"], "right", xmax + gap, low, high)
    if by_side.get("top"):
        step = max(r.height for r in by_side["top"]) + 2.0
        base = band_base_top if band_base_top is not None else ymax + gap
        placed += place_band(by_side["top"], "top", base, step, obstacles, limits=(xmin - 40, xmax + 40))
    if by_side.get("bottom"):
        step = max(r.height for r in by_side["bottom"]) + 2.0
        base = band_base_bottom if band_base_bottom is not None else ymin - gap
        placed += place_band(by_side["bottom"], "bottom", base, step, obstacles, limits=(xmin - 40, xmax + 40))
    return placed


def extent(placed, bounds):
    """The box holding the drawing and every placed text."""
    xmin, ymin, xmax, ymax = bounds
    for p in placed:
        x0, y0, x1, y1 = p.box
        xmin, ymin, xmax, ymax = min(xmin, x0), min(ymin, y0), max(xmax, x1), max(ymax, y1)
    return xmin, ymin, xmax, ymax
