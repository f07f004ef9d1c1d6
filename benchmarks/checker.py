"""Speed of the symptom checker's engine, measured in one run.

assess() is timed once for every combination of signs (every subset of the signs; the two signs with a
follow-up question each answered every way or not yet answered), first with no red flag and then with each
red flag in turn (raised by one checkbox; the Ottawa rules by pain in the zone plus one criterion).
Goal: p99 under 1 ms per call, so the widget answers a click at once.
"""

from __future__ import annotations

import os
import sys
import time
from itertools import combinations, product
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from groundup.checker.engine import Findings, assess  # noqa: E402
from groundup.checker.kb import default_kb  # noqa: E402


def sign_states(kb):
    """Every (signs, answers) the widget can be in."""
    plain = [s.id for s in kb.signs if not s.follow_up]
    asked = [s for s in kb.signs if s.follow_up]
    # each asked sign: not ticked, or ticked and unanswered, or ticked with each answer
    choices = [[None, ""] + [o.id for o in s.follow_up.options] for s in asked]
    for size in range(len(plain) + 1):
        for subset in combinations(plain, size):
            for picks in product(*choices):
                signs = list(subset) + [s.id for s, p in zip(asked, picks) if p is not None]
                answers = {s.id: p for s, p in zip(asked, picks) if p}
                yield signs, answers


def flag_checkboxes(kb):
    """One way to raise each red flag from step 1."""
    out = [("no red flag", ())]
    for flag in kb.red_flags:
        if flag.rules:
            rule = flag.rules[0]
            out.append((flag.id, (rule.zone, rule.any[0])))
        else:
            out.append((flag.id, (flag.id,)))
    return out


def percentile(sorted_values, q):
    return sorted_values[min(len(sorted_values) - 1, int(round(q / 100 * (len(sorted_values) - 1))))]


def main() -> None:
    kb = default_kb()
    states = list(sign_states(kb))
    flags = flag_checkboxes(kb)
    assess(Findings.of(["dvt"], [kb.signs[0].id]))  # warm-up: loads and prepares the knowledge base

    # Each call is timed on two clocks side by side: wall time (what a student waits) and this thread's CPU
    # time (the engine's own work; on a shared, loaded machine wall time also counts time spent descheduled).
    wall = {"without": [], "with": []}
    cpu = {"without": [], "with": []}
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    for name, boxes in flags:
        key = "with" if boxes else "without"
        for signs, answers in states:
            findings = Findings.of(boxes, signs, answers)
            c0, t0 = time.thread_time_ns(), time.perf_counter_ns()
            assess(findings, kb)
            t1, c1 = time.perf_counter_ns(), time.thread_time_ns()
            wall[key].append(t1 - t0)
            cpu[key].append(c1 - c0)
    total = time.perf_counter() - start

    def line(label, values):
        values = sorted(values)
        return (f"{label:<30} n={len(values):>7}   p50 {percentile(values, 50) / 1e3:7.1f} µs   "
                f"p99 {percentile(values, 99) / 1e3:7.1f} µs   max {values[-1] / 1e3:8.1f} µs")

    print(f"sign states: {len(states)} (every subset of {len(kb.signs)} signs; follow-ups unanswered or answered "
          f"every way)")
    print(f"red flags: {len(flags) - 1}, each raised on its own, plus none")
    print(f"load average before: {load_before:.2f} on {os.cpu_count()} cores; wall time of the run {total:.1f} s")
    for clock, data in (("wall", wall), ("CPU", cpu)):
        print(line(f"{clock}: without a red flag", data["without"]))
        print(line(f"{clock}: with one red flag", data["with"]))
        print(line(f"{clock}: all calls", data["without"] + data["with"]))
    for clock, data in (("wall", wall), ("CPU", cpu)):
        p99_ms = percentile(sorted(data["without"] + data["with"]), 99) / 1e6
        print(f"p99 ({clock}) = {p99_ms:.3f} ms   goal < 1 ms: {'met' if p99_ms < 1 else 'NOT met'}")


if __name__ == "__main__":
    main()
