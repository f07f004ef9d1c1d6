"""FPI-6 scorer speed, measured side by side in one run.

For one slider step (an item score changes): the pure scoring alone, the whole kernel-side update
with a scale figure not drawn before (compute + render + widget HTML), and the same update when
that total's figure is already cached (the scorer keeps one figure per total; there are 25).
Goal: a step under 100 ms once drawn, and under about 250 ms the first time a total is reached.
"""

from __future__ import annotations

import statistics
import time


def _ms(samples: list[float]) -> str:
    return f"median {statistics.median(samples) * 1000:7.2f} ms   max {max(samples) * 1000:7.2f} ms"


def main() -> None:
    from groundup import style
    from groundup.assessments import fpi
    from groundup.assessments.fpi_figure import scale_figure
    from groundup.assessments.fpi_view import FPIScorer

    style.apply()
    scorer = FPIScorer()  # imports and the first (0) figure are paid here, not in the timings
    # Walk item by item from −12 to +12: 24 steps, each reaching a total not drawn before.
    sequence = [[-2] * 6]
    for index in range(6):
        for value in (-1, 0, 1, 2):
            scores = list(sequence[-1])
            scores[index] = value
            sequence.append(scores)

    pure = []
    for scores in sequence:
        start = time.perf_counter()
        fpi.score(scores)
        pure.append(time.perf_counter() - start)

    scale_figure.cache_clear()
    scorer.set_scores(sequence[0])
    first = []
    for scores in sequence[1:]:
        item = next(i for i, (a, b) in enumerate(zip(scorer.scores.values(), scores)) if a != b)
        start = time.perf_counter()
        scorer.sliders[item].value = scores[item]
        first.append(time.perf_counter() - start)

    scorer.set_scores(sequence[0])
    cached = []
    for scores in sequence[1:]:
        item = next(i for i, (a, b) in enumerate(zip(scorer.scores.values(), scores)) if a != b)
        start = time.perf_counter()
        scorer.sliders[item].value = scores[item]
        cached.append(time.perf_counter() - start)

    print(f"FPI-6 scorer, {len(first)} slider steps from −12 to +12")
    print(f"  pure scoring (fpi.score)            {_ms(pure)}")
    print(f"  step, figure drawn for the first time {_ms(first)}")
    print(f"  step, figure already drawn (cached)   {_ms(cached)}")


if __name__ == "__main__":
    main()
