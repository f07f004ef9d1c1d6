"""Speed of the foot diagrams, measured side by side in one run.

For each kind of drawing: the median time to draw it from scratch (the drawing cache
cleared before every call), as wall-clock and as this process's CPU time (CPU time
is steadier when other programs share the machine; the load average is printed too). The "floor" row is an empty
figure of the same size rendered to PNG the same way: what matplotlib costs before
a single bone is drawn. Then a cached call and one explorer step (choose a bone in
the menu: the figure and the text update).

Goal: a fresh drawing well under 100 ms, so a diagram can follow a slider.
Run: python benchmarks/anatomy.py [repeats]
"""

from __future__ import annotations

import os
import statistics
import sys
import time

os.environ.setdefault("MPLBACKEND", "Agg")


def measure(function, repeats: int, before=None) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(repeats):
        if before:
            before()
        w, c = time.perf_counter(), time.process_time()
        function()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    from groundup.anatomy import drawing
    from groundup.anatomy.geometry import load_view
    from groundup.figures import new_figure

    start = time.perf_counter()
    for view in ("dorsal", "medial"):
        load_view(view)
    load_ms = (time.perf_counter() - start) * 1000
    drawing.foot_diagram("dorsal")  # warm up fonts and imports
    clear = drawing._cached.cache_clear

    sizes = {}
    for view in ("dorsal", "medial"):
        clear()
        figure = drawing.foot_diagram(view)
        from PIL import Image
        import io

        sizes[view] = Image.open(io.BytesIO(figure.png)).size

    def floor(view):
        width, height = sizes[view]

        def run():
            fig = new_figure(figsize=(width / drawing.DPI, height / drawing.DPI), dpi=drawing.DPI)
            fig.add_axes((0, 0, 1, 1)).set_axis_off()
            drawing._png(fig, "empty", "")

        return run

    rows = []
    for view in ("dorsal", "medial"):
        rows.append((f"{view}: empty figure of the same size (floor)", measure(floor(view), repeats)))
        rows.append((f"{view}: foot_diagram, labels", measure(lambda v=view: drawing.foot_diagram(v), repeats, clear)))
        rows.append((f"{view}: foot_diagram, no labels",
                     measure(lambda v=view: drawing.foot_diagram(v, labels=False), repeats, clear)))
        rows.append((f"{view}: foot_diagram, highlight talus",
                     measure(lambda v=view: drawing.foot_diagram(v, "talus"), repeats, clear)))
        rows.append((f"{view}: foot_diagram, highlight tarsometatarsal",
                     measure(lambda v=view: drawing.foot_diagram(v, "tarsometatarsal"), repeats, clear)))
        rows.append((f"{view}: label_figure mtp1",
                     measure(lambda v=view: drawing.label_figure(v, "mtp1"), repeats, clear)))
    drawing.foot_diagram("dorsal", "navicular")
    rows.append(("dorsal: foot_diagram, highlight navicular, cached",
                 measure(lambda: drawing.foot_diagram("dorsal", "navicular"), repeats)))

    from groundup.anatomy.view import explorer

    box = explorer()
    names = [value for _, value in box.choice.options if value][:repeats]

    def step():
        clear()
        box.choice.value = names[step.i % len(names)]
        step.i += 1

    step.i = 0
    rows.append(("explorer: choose a structure (figure + text update)", measure(step, repeats)))

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    print(f"Foot diagrams: median of {repeats} runs (geometry loaded once in {load_ms:.0f} ms; "
          f"load average {load} on {os.cpu_count()} CPUs)")
    print(f"{'drawing':<58}{'wall ms':>9}{'cpu ms':>9}")
    for name, (wall, cpu) in rows:
        print(f"{name:<58}{wall:>9.1f}{cpu:>9.1f}")
    print("Goal: a fresh drawing well under 100 ms (wall, on an idle machine).")


if __name__ == "__main__":
    main()
