"""Course-wide speed figures, measured side by side in one run.

P1 = nbval wall time of every lesson / nbval wall time of as many "floor" notebooks that only import
     numpy, matplotlib.pyplot and ipywidgets (kernel start-up plus the libraries every lesson needs). Goal <= 2.
P2 = wall time of `groundup --version` / `python -c "import json"`, fresh processes, median of 5. Goal <= 3.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FLOOR_SOURCE = "import numpy as np\nimport matplotlib.pyplot as plt\nimport ipywidgets as widgets"


def floor_notebook() -> dict:
    return {
        "cells": [{"cell_type": "code", "id": "floor", "metadata": {}, "execution_count": None, "outputs": [],
                   "source": FLOOR_SOURCE}],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4, "nbformat_minor": 5,
    }


def nbval_seconds(folder: Path, env: dict) -> float:
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=",
               "--rootdir", str(folder), "--nbval-lax", "--nbval-current-env", str(folder)]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"nbval failed in {folder}:\n{result.stdout[-2000:]}")
    return elapsed


def command_seconds(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="groundup-bench-"))
    lessons, floor = work / "lessons", work / "floor"
    lessons.mkdir()
    floor.mkdir()
    notebooks = sorted((REPO / "lessons").glob("*.ipynb"))
    for path in notebooks:
        shutil.copy(path, lessons / path.name)
        (floor / f"floor-{path.stem}.ipynb").write_text(json.dumps(floor_notebook()))
    env = dict(os.environ, GROUNDUP_HOME=str(work / "home"), MPLBACKEND="Agg")

    lesson_times, floor_times = [], []
    for _ in range(2):  # interleaved, so machine load affects both sides alike
        floor_times.append(nbval_seconds(floor, env))
        lesson_times.append(nbval_seconds(lessons, env))
    p1 = min(lesson_times) / min(floor_times)

    groundup = [str(Path(sys.executable).with_name("groundup")), "--version"]
    baseline = [sys.executable, "-c", "import json"]
    ours, base = [], []
    for _ in range(5):
        ours.append(command_seconds(groundup))
        base.append(command_seconds(baseline))
    p2 = statistics.median(ours) / statistics.median(base)

    print(f"notebooks: {len(notebooks)}")
    print(f"nbval lessons: {min(lesson_times):.2f} s   floor: {min(floor_times):.2f} s   (best of 2 each)")
    print(f"P1 = {p1:.2f}   (goal <= 2)")
    print(f"groundup --version: {statistics.median(ours) * 1000:.0f} ms   python -c 'import json': "
          f"{statistics.median(base) * 1000:.0f} ms   (median of 5)")
    print(f"P2 = {p2:.2f}   (goal <= 3)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
