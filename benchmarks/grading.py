"""Grading speed, measured side by side in one run.

10,000 synthetic submissions of a 20-question assignment (every question type but label, random
answers drawn from a fixed seed), written as files. Then, alternating, for each of `--rounds` rounds:

  json     json-load every file into a list (json.load(open(path, "rb"))): the floor, since a grader
           must at least read every file and hold what it read
  json-    the same, keeping nothing (each file's data dropped at once, so its memory is re-used): a
           stricter floor, shown too
  grade    groundup's grading: read, check every file against the format and the questions, score
           every answer, pick one submission per student (groundup.instructor.grade.grade_files)
  full     everything `groundup grade` does: grade, then write gradebook.csv, gradebook-canvas.csv,
           items.csv, problems.txt, report.html (three charts) and 10,000 feedback files

Times are this process's CPU time (robust when other work shares the machine), wall time beside it;
each is the median over the rounds. Every measurement runs with Python's cyclic garbage collector off,
as the grader does (with it on, loading 10,000 files into a list costs about half as much again).
P3 = grade / json (goal <= 3).
Run: python benchmarks/grading.py [--students N] [--rounds R]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

SECTION = "what-this-course-is"


def bank_yaml(count: int = 20) -> str:
    kinds = ["single", "multiple", "truefalse", "numeric", "matching", "ordering"]
    lines = ["lesson: 00-start-here", "questions:"]
    for n in range(count):
        kind = kinds[n % len(kinds)]
        lines += [f"  - id: bench-{kind}-{n}", f"    section: {SECTION}", f"    type: {kind}",
                  f"    prompt: Benchmark question {n} ({kind})?",
                  f"    explanation: Because of reason {n}.", "    source: Benchmark", "    difficulty: 2",
                  "    tags: [bench]"]
        if kind in ("single", "multiple"):
            lines.append("    choices:")
            for c in "abcde":
                lines.append(f"      - id: {c}\n        text: Choice {c.upper()} of question {n}")
                if (kind == "single" and c != "a") or (kind == "multiple" and c not in "ab"):
                    lines.append(f"        feedback: Choice {c} is a common slip.")
            lines.append("    answer: a" if kind == "single" else "    answer: [a, b]")
        elif kind == "truefalse":
            lines += ["    answer: true", "    feedback:", "      false: It is true."]
        elif kind == "numeric":
            lines += [f"    answer: {10 + n}", "    tolerance: 1", "    unit: cm",
                      "    feedback:", "      low: Too low.", "      high: Too high."]
        elif kind == "matching":
            lines += ["    pairs:"] + [f"      - left: Left {i}\n        right: Right {i}" for i in range(4)]
            lines += ["    distractors: [Right X]"]
        elif kind == "ordering":
            lines += ["    items: [First, Second, Third, Fourth, Fifth]"]
    return "\n".join(lines) + "\n"


def random_response(question, rng: random.Random):
    from groundup.quiz import graders

    if rng.random() < 0.05:
        return None
    if rng.random() < 0.55:
        return graders.right_response(question)
    kind = question.type
    if kind == "single":
        return rng.choice([c.id for c in question.choices])
    if kind == "multiple":
        return sorted(rng.sample([c.id for c in question.choices], rng.randint(1, 3)))
    if kind == "truefalse":
        return rng.random() < 0.5
    if kind == "numeric":
        return float(question.answer + rng.randint(-5, 5))
    if kind == "matching":
        return {p.left: rng.choice(question.right_options) for p in question.pairs}
    if kind == "ordering":
        items = list(question.items)
        rng.shuffle(items)
        return items
    raise ValueError(kind)


def make(work: Path, students: int):
    from groundup.instructor import submission as sub
    from groundup.instructor.spec import load_assignment

    banks = work / "banks"
    banks.mkdir()
    (banks / "bench.yaml").write_text(bank_yaml())
    ids = [f"bench-{['single', 'multiple', 'truefalse', 'numeric', 'matching', 'ordering'][n % 6]}-{n}" for n in range(20)]
    spec = work / "spec.yaml"
    spec.write_text("id: bench\ntitle: Benchmark\nfeedback: after-grading\ndue: 2026-12-01T00:00:00Z\nquestions:\n"
                    + "".join(f"  - {i}\n" for i in ids))
    assignment = load_assignment(spec, [banks])
    folder = work / "submissions"
    folder.mkdir()
    rng = random.Random(2026)
    start = 1_795_000_000.0
    for n in range(students):
        found = sub.Submission(assignment.id, assignment.hash, f"S{n:05d}", f"Student {n}", sub.stamp(start),
                               sub.stamp(start))
        for k, question in enumerate(assignment.questions):
            found.record(question.id, random_response(question, rng), start + 60 * k)
        found.finalise(start + 3600 + rng.randint(-600, 900000))
        (folder / found.filename).write_text(found.dumps(), encoding="utf-8")
    return assignment, sorted(folder.iterdir())


def clocked(work) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of work(), from a collected heap and with the cyclic collector off, as the
    grader runs (so neither side pays for the collector walking what it has loaded)."""
    gc.collect()
    gc.disable()
    try:
        cpu, wall = time.process_time(), time.perf_counter()
        work()
        return time.process_time() - cpu, time.perf_counter() - wall
    finally:
        gc.enable()


def json_keep(paths):
    data = []
    for path in paths:
        with open(path, "rb") as handle:
            data.append(json.load(handle))
    return data


def json_drop(paths):
    for path in paths:
        with open(path, "rb") as handle:
            json.load(handle)


def grade(assignment, paths):
    from groundup.instructor.grade import grade_files

    return grade_files(assignment, paths)


def full(assignment, paths, out: Path):
    from groundup.instructor.grade import grade_files, write_outputs

    write_outputs(grade_files(assignment, paths), out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    import matplotlib

    matplotlib.use("Agg")

    work = Path(tempfile.mkdtemp(prefix="groundup-bench-grading-"))
    try:
        made = time.perf_counter()
        assignment, paths = make(work, args.students)
        print(f"Made {len(paths):,} submissions of {len(assignment.questions)} questions in "
              f"{time.perf_counter() - made:.1f} s ({sum(p.stat().st_size for p in paths) / 1e6:.1f} MB).")
        json_drop(paths)  # warm the page cache so every measurement reads from memory
        outcome = grade(assignment, paths)
        assert len(outcome.graded) == len(paths) and not outcome.problems, outcome.problems[:3]
        del outcome
        full(assignment, paths, work / "warm")  # the first run imports matplotlib and loads fonts
        runs = {"json": [], "json-": [], "grade": [], "full": []}
        for _ in range(args.rounds):
            runs["json"].append(clocked(lambda: json_keep(paths)))
            runs["json-"].append(clocked(lambda: json_drop(paths)))
            runs["grade"].append(clocked(lambda: grade(assignment, paths)))
            shutil.rmtree(work / "grades", ignore_errors=True)
            runs["full"].append(clocked(lambda: full(assignment, paths, work / "grades")))
        cpu = {k: statistics.median(c for c, _ in v) for k, v in runs.items()}
        wall = {k: statistics.median(w for _, w in v) for k, v in runs.items()}
        n = len(paths)
        print(f"{'':8}{'CPU s':>8}{'wall s':>9}{'submissions/s':>16}{'÷ json':>9}")
        for key in runs:
            print(f"{key:8}{cpu[key]:8.3f}{wall[key]:9.3f}{n / cpu[key]:16,.0f}{cpu[key] / cpu['json']:9.2f}")
        print(f"P3 = grade / json = {cpu['grade'] / cpu['json']:.2f} (goal <= 3; wall time "
              f"{wall['grade'] / wall['json']:.2f}; against json that keeps nothing {cpu['grade'] / cpu['json-']:.2f}). "
              f"Full `groundup grade` run: {cpu['full'] / cpu['json']:.2f} x json "
              f"(median of {args.rounds}, {n:,} submissions).")
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"Load average while measuring: {load:.1f} on {os.cpu_count()} cores.")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
