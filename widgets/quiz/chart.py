"""The progress chart: per lesson, questions in the bank, answered and right, with mastery in words.

Colour is never the only signal: the three bars differ in fill and hatching, are
named in the legend, and the numbers are written beside each lesson.
"""

from __future__ import annotations

from groundup.figures import Figure, new_figure, render
from groundup.quiz.progress import LessonProgress, describe, summary
from groundup.style import OKABE_ITO


def progress_figure(rows: list[LessonProgress], due_count: int = 0) -> Figure:
    from groundup import style

    style.apply()
    rows = list(rows)
    height = 1.2 + 0.75 * max(1, len(rows))
    fig = new_figure(figsize=(8.5, height))
    ax = fig.add_subplot(1, 1, 1)
    if not rows:
        ax.text(0.5, 0.5, "No quiz questions yet", ha="center", va="center", fontsize=13)
        ax.set_axis_off()
    else:
        positions = list(range(len(rows)))[::-1]  # first lesson on top
        bar = 0.26
        total = [r.total for r in rows]
        seen = [r.seen for r in rows]
        right = [r.correct for r in rows]
        ax.barh([p + bar for p in positions], total, height=bar, color="white", edgecolor=OKABE_ITO["black"],
                linewidth=1, label="questions in the lesson")
        ax.barh(positions, seen, height=bar, color=OKABE_ITO["sky_blue"], edgecolor=OKABE_ITO["black"],
                hatch="//", linewidth=0.8, label="answered")
        ax.barh([p - bar for p in positions], right, height=bar, color=OKABE_ITO["blue"],
                edgecolor=OKABE_ITO["black"], linewidth=0.8, label="right on the latest try")
        most = max(total) or 1
        for p, r in zip(positions, rows):
            ax.text(most * 1.03, p, f"{r.seen}/{r.total} answered · {r.correct} right\nmastery {round(100 * r.mastery)} %",
                    va="center", fontsize=10.5)
        ax.set_yticks(positions)
        ax.set_yticklabels([_short(r.title) for r in rows])
        ax.set_xlim(0, most * 1.55)
        ax.set_xlabel("questions")
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, frameon=False, fontsize=10)
    return render(fig, alt=describe(rows), caption=summary(rows, due_count))


def _short(title: str, width: int = 24) -> str:
    """The axis label: "Lesson 1" of "Lesson 1: The ankle", "Start here" of "Start here: how ..."."""
    head = title.split(":")[0].strip() if ":" in title else title
    return head if len(head) <= width else head[: width - 1].rstrip() + "…"
