"""Kernel-side time per slider step of each joint model (goal: under 50 ms), measured in one run.

A real IPython kernel (jupyter_client) builds each model's widget and moves its main slider 100 times through
distinct values, as a student dragging it would. One step = compute the numbers + draw the frame + update the
widgets (the comm messages go out on the kernel's channels). Side by side, in the same kernel:

* compute: the model's pure functions alone;
* frame: the blitted drawing alone (restore the still background, draw the moving parts, encode the PNG);
* full redraw: what a step would cost without blitting (a fresh figure rendered with groundup.figures.render),
  over 20 steps.

Wall time is what a student waits for; CPU time (process_time) is less affected by other work on a shared
machine. The load average is printed so the figures can be read in context.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

STEPS = 100
FULL_STEPS = 20

KERNEL_CODE = r'''
import json, statistics, time
import groundup as gu
from groundup import figures
from groundup.models import ankle, big_toe, drawing, gait, subtalar, windlass

STEPS, FULL_STEPS = %(steps)d, %(full_steps)d
CURVE = gait.load_curve()

def walk(slider, n):
    """n distinct successive values, bouncing between the slider's ends."""
    values, v, d = [], slider.value, 1
    for _ in range(n):
        if not slider.min <= v + d <= slider.max:
            d = -d
        v += d
        values.append(v)
    return values

def compute_only(name, v):
    if name == "ankle_model": return ankle.ankle_state(v)
    if name == "knee_to_wall": return ankle.knee_to_wall(ankle.EXAMPLE_SHANK_CM, v, ankle.EXAMPLE_FOOT_CM)
    if name == "gait_model": return (gait.instant(CURVE, v), None)
    if name == "subtalar_model": return subtalar.subtalar_state(v)
    if name == "windlass_model": return windlass.windlass_state(v)
    return (big_toe.big_toe_state(v), "measured")

def timed(fn, values):
    wall, cpu = [], []
    for v in values:
        w0, c0 = time.perf_counter(), time.process_time()
        fn(v)
        wall.append((time.perf_counter() - w0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return wall, cpu

def full_redraw(model, state):
    fresh = type(model.drawing)(CURVE) if isinstance(model.drawing, drawing.GaitDrawing) else type(model.drawing)()
    fresh.update(state)
    return figures.render(fresh.fig, fresh.alt(state), fresh.caption(state))

results = {}
for name in ["ankle_model", "knee_to_wall", "gait_model", "subtalar_model", "windlass_model", "big_toe_model"]:
    model = getattr(gu, name)()
    display(model)
    values = walk(model.slider, STEPS)
    readouts_before = model.readout.value
    step_wall, step_cpu = timed(lambda v: setattr(model.slider, "value", v), values)
    assert model.readout.value != readouts_before and "groundup-error" not in model.readout.value
    comp_wall, _ = timed(lambda v: compute_only(name, v), values)
    states = [compute_only(name, v) for v in values]
    frame_wall, _ = timed(lambda i: model.drawing.frame(states[i]), range(STEPS))
    full_wall, _ = timed(lambda i: full_redraw(model, states[i]), range(FULL_STEPS))
    results[name] = {
        "step_median": statistics.median(step_wall), "step_mean": statistics.fmean(step_wall),
        "step_p95": sorted(step_wall)[int(0.95 * len(step_wall)) - 1], "step_cpu_median": statistics.median(step_cpu),
        "compute_median": statistics.median(comp_wall), "frame_median": statistics.median(frame_wall),
        "full_median": statistics.median(full_wall), "png_kb": len(model.figure_view.figure.png) / 1024,
    }
print("RESULTS " + json.dumps(results))
'''


def main() -> None:
    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(kernel_name="python3", env=dict(os.environ, MPLBACKEND="Agg"),
                                       stderr=subprocess.DEVNULL)
    lines: list[str] = []

    def output(message):
        if message["msg_type"] == "stream":
            lines.append(message["content"]["text"])
        elif message["msg_type"] == "error":
            lines.append("\n".join(message["content"]["traceback"]))

    try:
        reply = client.execute_interactive(KERNEL_CODE % {"steps": STEPS, "full_steps": FULL_STEPS},
                                           output_hook=output, timeout=1800)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    text = "".join(lines)
    if reply["content"]["status"] != "ok" or "RESULTS " not in text:
        sys.exit(f"the benchmark failed in the kernel:\n{text[-3000:]}")
    results = json.loads(text.split("RESULTS ", 1)[1].splitlines()[0])

    load = os.getloadavg()
    print(f"Kernel-side time per slider step, {STEPS} steps per model (goal < 50 ms); "
          f"load average {load[0]:.1f} on {os.cpu_count()} cores")
    header = (f"{'model':<16}{'step median':>12}{'mean':>8}{'p95':>8}{'CPU':>8}{'compute':>11}{'frame':>8}"
              f"{'full redraw':>13}{'PNG':>8}  goal")
    print(header)
    print("-" * len(header))
    for name, r in results.items():
        verdict = "met" if r["step_median"] < 50 else "MISSED"
        print(f"{name:<16}{r['step_median']:>9.1f} ms{r['step_mean']:>8.1f}{r['step_p95']:>8.1f}"
              f"{r['step_cpu_median']:>8.1f}{r['compute_median'] * 1000:>8.0f} µs{r['frame_median']:>8.1f}"
              f"{r['full_median']:>10.1f} ms{r['png_kb']:>6.0f} kB  {verdict}")
    print("step = slider.value set in a live kernel (compute + frame + widget messages); CPU = process time of "
          "a step;\ncompute = pure model functions; frame = blitted drawing + PNG; full redraw = a fresh figure "
          f"through groundup.figures.render (median of {FULL_STEPS}).\nTimes in ms unless marked; all medians "
          "except mean and p95 (95th percentile) of the steps.")


if __name__ == "__main__":
    main()
