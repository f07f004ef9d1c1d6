"""report.html: one self-contained page (charts embedded as PNG data URIs, no outside requests).

Three charts, each with alt text and a one-sentence takeaway under it: the score histogram,
difficulty against discrimination, and mastery per lesson; then the questions, the students and the
files that could not be graded. Everything that comes from students or banks is HTML-escaped.
Colour is never the only signal: bars are hatched and labelled, flagged questions get another marker
and are named in words. Deterministic: the same inputs give the same bytes.
"""

from __future__ import annotations

from groundup.figures import Figure, new_figure, render
from groundup.style import OKABE_ITO
from groundup.textsafe import escape

LOW_DISCRIMINATION = 0.2  # below this a question barely separates stronger from weaker students
BANDS = [(0, 10), (10, 20), (20, 30), (30, 40), (40, 50), (50, 60), (60, 70), (70, 80), (80, 90), (90, 101)]
CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;
line-height:1.45;color:#111}
table{border-collapse:collapse;margin:0.5rem 0 1.5rem}th,td{border:1px solid #999;padding:0.25rem 0.5rem;
text-align:left;vertical-align:top}th{background:#eee}td.n{text-align:right}
figure{margin:0.5rem 0 1.5rem}figcaption{font-weight:600;margin-top:0.25rem}
.flag{font-weight:600}
"""


def _percent(x: float) -> str:
    return f"{round(100 * x)} %"


def _band_label(low: int, high: int) -> str:
    return f"{low}–{high - 1} %" if high <= 100 else f"{low}–100 %"


def histogram(percents: list[float]) -> Figure:
    counts = [sum(low <= p < high for p in percents) for low, high in BANDS]
    labels = [_band_label(low, high) for low, high in BANDS]
    fig = new_figure(figsize=(7.5, 3.4))
    ax = fig.add_subplot(1, 1, 1)
    bars = ax.bar(range(len(BANDS)), counts, color=OKABE_ITO["sky_blue"], edgecolor="black", hatch="//")
    for bar, count in zip(bars, counts):
        if count:
            ax.annotate(str(count), (bar.get_x() + bar.get_width() / 2, bar.get_height()), ha="center", va="bottom",
                        fontsize=10)
    ax.set_xticks(range(len(BANDS)), [label.replace(" %", "") for label in labels], rotation=0, fontsize=9)
    ax.set_xlabel("Score (%)")
    ax.set_ylabel("Students")
    ax.set_ylim(0, max(counts + [1]) * 1.18)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_title("How the scores are spread")
    n = len(percents)
    ordered = sorted(percents)
    median = (ordered[(n - 1) // 2] + ordered[n // 2]) / 2
    below = sum(p < 50 for p in percents)
    alt = (f"Bar chart of {n} students' scores in bands of 10 percentage points: "
           + ", ".join(f"{label}: {count}" for label, count in zip(labels, counts)) + ".")
    caption = (f"Median score {round(median)} %; {below} of {n} student{'s' if n != 1 else ''} "
               f"({round(100 * below / n)} %) scored below 50 %.")
    return render(fig, alt, caption, close=False)


def difficulty_chart(stats) -> Figure:
    fig = new_figure(figsize=(7.5, 4.2))
    ax = fig.add_subplot(1, 1, 1)
    flagged, fine, unknown = [], [], []
    for item in stats:
        if item.discrimination is None:
            unknown.append(item)
        elif item.discrimination < LOW_DISCRIMINATION:
            flagged.append(item)
        else:
            fine.append(item)
    if fine:
        ax.scatter([i.difficulty for i in fine], [i.discrimination for i in fine], marker="o", s=46,
                   color=OKABE_ITO["blue"], edgecolor="black", label=f"discriminates (≥ {LOW_DISCRIMINATION})")
    if flagged:
        ax.scatter([i.difficulty for i in flagged], [i.discrimination for i in flagged], marker="X", s=70,
                   color=OKABE_ITO["vermillion"], edgecolor="black", label=f"review (< {LOW_DISCRIMINATION})")
    for item in fine + flagged:
        ax.annotate(f"Q{item.number}", (item.difficulty, item.discrimination), textcoords="offset points",
                    xytext=(5, 4), fontsize=9)
    ax.axhline(LOW_DISCRIMINATION, color="black", linestyle="--", linewidth=1)
    ax.text(0.99, LOW_DISCRIMINATION - 0.04, f"below {LOW_DISCRIMINATION}: review the question", fontsize=9,
            ha="right", va="top", transform=ax.get_yaxis_transform())
    ax.set_xlim(-0.03, 1.03)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("Difficulty: proportion of students fully right")
    ax.set_ylabel("Discrimination (point-biserial)")
    ax.set_title("Which questions separate stronger from weaker students")
    if fine or flagged:
        ax.legend(loc="lower left", fontsize=9)
    shown = len(fine) + len(flagged)
    alt = (f"Scatter plot of {shown} question{'s' if shown != 1 else ''}: difficulty (0 to 1) across, "
           "discrimination (-1 to 1) up, with a dashed line at 0.2. "
           + "; ".join(f"Q{i.number} difficulty {i.difficulty:.2f}, discrimination {i.discrimination:.2f}"
                       for i in sorted(fine + flagged, key=lambda i: i.number)) + ".")
    if flagged:
        names = ", ".join(f"Q{i.number}" for i in sorted(flagged, key=lambda i: i.number))
        caption = (f"{len(flagged)} question{'s' if len(flagged) != 1 else ''} discriminate"
                   f"{'s' if len(flagged) == 1 else ''} poorly (below {LOW_DISCRIMINATION}): {names}; "
                   "check their wording and answer keys.")
    elif shown:
        caption = f"Every question discriminates at {LOW_DISCRIMINATION} or more: none stands out for review."
    else:
        caption = "Discrimination cannot be computed yet (it needs scores that differ between students)."
    if unknown:
        caption += (" Not computable for " + ", ".join(f"Q{i.number}" for i in unknown)
                    + " (every student scored the same on it, or on the rest).")
    return render(fig, alt, caption, close=False)


def lesson_mastery(outcome) -> list[tuple[str, str, float]]:
    """(lesson key, lesson title, mean score on its questions) in course order."""
    from groundup.errors import GroundUpError
    from groundup.resources import lesson as find_lesson

    questions = outcome.assignment.questions
    order: list[str] = []
    for q in questions:
        if q.lesson not in order:
            order.append(q.lesson)
    rows = []
    for key in sorted(order):
        indexes = [i for i, q in enumerate(questions) if q.lesson == key]
        scores = [g.grades[i].score for g in outcome.graded for i in indexes]
        try:
            title = find_lesson(key).title
        except GroundUpError:
            title = key
        rows.append((key, title, sum(scores) / len(scores) if scores else 0.0))
    return rows


def mastery_chart(rows) -> Figure:
    fig = new_figure(figsize=(7.5, 0.9 + 0.55 * len(rows)))
    ax = fig.add_subplot(1, 1, 1)
    positions = list(range(len(rows)))[::-1]
    bars = ax.barh(positions, [100 * r[2] for r in rows], color=OKABE_ITO["bluish_green"], edgecolor="black",
                   hatch="\\\\")
    for bar, row in zip(bars, rows):
        ax.annotate(_percent(row[2]), (bar.get_width(), bar.get_y() + bar.get_height() / 2), xytext=(4, 0),
                    textcoords="offset points", va="center", fontsize=10)
    ax.set_yticks(positions, [r[0] for r in rows], fontsize=10)
    ax.set_xlim(0, 112)
    ax.set_xlabel("Mean score on the lesson's questions (%)")
    ax.set_title("Mastery per lesson")
    alt = "Horizontal bar chart of the mean score per lesson: " + "; ".join(
        f"{key} {_percent(score)}" for key, _, score in rows) + "."
    if len(rows) == 1:
        caption = f"The class scored {_percent(rows[0][2])} on average on {rows[0][0]}."
    else:
        weakest = min(rows, key=lambda r: (r[2], r[0]))
        strongest = max(rows, key=lambda r: (r[2], r[0]))
        caption = (f"Weakest lesson: {weakest[0]} ({_percent(weakest[2])}); strongest: {strongest[0]} "
                   f"({_percent(strongest[2])}): revisit the weakest first.")
    return render(fig, alt, caption, close=False)


def _table(headers, rows, numeric=()) -> str:
    head = "".join(f"<th scope=\"col\">{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td{' class=n' if i in numeric else ''}>{value}</td>" for i, value in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def build_report(outcome, stats) -> str:
    from groundup import style
    from groundup.instructor.grade import number, right_answer_text

    style.apply()
    spec = outcome.assignment.spec
    graded = outcome.graded
    maximum = outcome.max_points
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Report: {escape(spec.title)}</title><style>{CSS}</style></head><body>",
        f"<h1>Report: {escape(spec.title)}</h1>",
        f"<p>Assignment <code>{escape(spec.id)}</code>: {len(outcome.assignment.questions)} questions, one point each. "
        f"{len(graded)} student{'s' if len(graded) != 1 else ''} graded from {outcome.files} "
        f"file{'s' if outcome.files != 1 else ''}; {len(outcome.problems)} could not be graded"
        + (f"; due {escape(spec.due_text)}, {sum(g.late for g in graded)} late" if spec.due else "") + ".</p>",
        "<h2>Scores</h2>",
    ]
    if graded:
        percents = [100 * g.total / maximum if maximum else 0 for g in graded]
        parts.append(histogram(percents).html())
        parts.append("<h2>Questions</h2>")
        parts.append(difficulty_chart(stats).html())
        rows = []
        for item in stats:
            q = item.question
            low = item.discrimination is not None and item.discrimination < LOW_DISCRIMINATION
            rows.append([
                f"Q{item.number}", f"<code>{escape(q.id)}</code>", escape(q.type),
                number(item.difficulty, 2) if item.difficulty is not None else "–",
                (f'<span class="flag">⚠ {number(item.discrimination, 2)}</span>' if low
                 else number(item.discrimination, 2) if item.discrimination is not None else "–"),
                escape(right_answer_text(q)),
                escape(f"{item.wrong_answer} ({item.wrong_count})") if item.wrong_answer else "–",
            ])
        parts.append(_table(["#", "Question", "Type", "Difficulty", "Discrimination", "Right answer",
                             "Most common wrong answer (times)"], rows, numeric=(3, 4)))
        parts.append("<p>Difficulty is the proportion of students who were fully right. Discrimination is the "
                     "point-biserial correlation between being right on a question and the score on the other "
                     "questions: below 0.2 (⚠), check the question's wording and answer key.</p>")
        parts.append("<h2>Mastery per lesson</h2>")
        parts.append(mastery_chart(lesson_mastery(outcome)).html())
        parts.append("<h2>Students</h2>")
        student_rows = [[
            escape(g.submission.student_id), escape(g.submission.student_name), number(g.total),
            number(100 * g.total / maximum, 1) + " %" if maximum else "–",
            "late" if g.late else "", escape(g.submission.submitted_at or "not submitted"),
        ] for g in graded]
        parts.append(_table(["Student ID", "Name", "Score", "Percent", "Late", "Submitted at"], student_rows,
                            numeric=(2, 3)))
    else:
        parts.append("<p>No submission could be graded, so there are no charts.</p>")
    parts.append("<h2>Files that could not be graded</h2>")
    if outcome.problems:
        parts.append("<ul>" + "".join(f"<li><code>{escape(d)}</code>: {escape(r)}</li>" for d, r in outcome.problems)
                     + "</ul>")
    else:
        parts.append("<p>None: every file was graded.</p>")
    if outcome.notes:
        parts.append("<h2>Graded, with a note</h2><ul>" + "".join(
            f"<li><code>{escape(d)}</code>: {escape(n)}</li>" for d, n in outcome.notes) + "</ul>")
    parts.append("</body></html>\n")
    return "\n".join(parts)
