"""Progress per lesson, and spaced review with Leitner boxes. Pure logic: no widgets, no files.

**Mastery** of a lesson is the average, over *all* the questions of its bank, of the
score of the student's latest answer (a question not yet answered counts 0). So it
grows both by answering more and by answering right.

**Spaced review (Leitner boxes).** Every question a student has answered sits in one
of five boxes. Each box has an interval: box 1 is due at once, box 2 after 1 day,
box 3 after 3 days, box 4 after 7 days, box 5 after 21 days (counted from the answer
that put it there). Answers are replayed in time order:

- the first answer puts the question in box 2 if right, box 1 if not;
- a wrong (or only partly right) answer sends it back to box 1, due at once;
- a right answer given when the question is due moves it up one box (at most 5);
- a right answer given before it is due changes nothing (cramming does not promote).

``review()`` asks the questions that are due, those in the lowest box first.
"""

from __future__ import annotations

from dataclasses import dataclass

DAY = 86_400.0
INTERVAL_DAYS = {1: 0, 2: 1, 3: 3, 4: 7, 5: 21}
TOP_BOX = max(INTERVAL_DAYS)


@dataclass(frozen=True)
class CardState:
    question_id: str
    box: int
    due_at: float  # Unix time
    answers: int
    last_score: float

    def is_due(self, now: float) -> bool:
        return self.due_at <= now


def leitner(history) -> dict[str, CardState]:
    """Replay answers (objects with question_id, correct, score, answered_at) into Leitner boxes."""
    boxes: dict[str, tuple[int, float, int, float]] = {}
    for answer in sorted(history, key=lambda a: (a.answered_at, getattr(a, "id", 0))):
        t = answer.answered_at
        state = boxes.get(answer.question_id)
        if state is None:
            box = 2 if answer.correct else 1
            boxes[answer.question_id] = (box, t + INTERVAL_DAYS[box] * DAY, 1, answer.score)
            continue
        box, due_at, count, _ = state
        if not answer.correct:
            box, due_at = 1, t
        elif t >= due_at:
            box = min(box + 1, TOP_BOX)
            due_at = t + INTERVAL_DAYS[box] * DAY
        boxes[answer.question_id] = (box, due_at, count + 1, answer.score)
    return {qid: CardState(qid, *state) for qid, state in boxes.items()}


def due(states: dict[str, CardState], now: float, question_ids=None) -> list[str]:
    """Ids of the questions due at ``now``: lowest box first, then the longest overdue."""
    wanted = None if question_ids is None else set(question_ids)
    ready = [s for s in states.values() if s.is_due(now) and (wanted is None or s.question_id in wanted)]
    return [s.question_id for s in sorted(ready, key=lambda s: (s.box, s.due_at, s.question_id))]


def next_due(states: dict[str, CardState], now: float, question_ids=None) -> float | None:
    """When the next question not yet due becomes due (None if none is waiting)."""
    wanted = None if question_ids is None else set(question_ids)
    later = [s.due_at for s in states.values() if not s.is_due(now) and (wanted is None or s.question_id in wanted)]
    return min(later) if later else None


@dataclass(frozen=True)
class LessonProgress:
    lesson: str  # key
    title: str
    total: int  # questions in the bank
    seen: int  # questions answered at least once
    correct: int  # questions whose latest answer is fully right
    mastery: float  # 0..1: mean latest score over all questions (unseen count 0)


def lesson_progress(questions, latest: dict, titles: dict[str, str] | None = None) -> list[LessonProgress]:
    """Per lesson (in course order), from the bank's questions and the latest answer to each."""
    titles = titles or {}
    by_lesson: dict[str, list] = {}
    for question in questions:
        by_lesson.setdefault(question.lesson, []).append(question)
    rows = []
    for key in sorted(by_lesson):
        qs = by_lesson[key]
        answers = [latest[q.id] for q in qs if q.id in latest]
        rows.append(LessonProgress(
            lesson=key, title=titles.get(key, key), total=len(qs), seen=len(answers),
            correct=sum(1 for a in answers if a.correct),
            mastery=sum(a.score for a in answers) / len(qs),
        ))
    return rows


def _percent(x: float) -> str:
    return f"{round(100 * x)} %"


def summary(rows: list[LessonProgress], due_count: int = 0) -> str:
    """The one-sentence takeaway under the progress chart."""
    total = sum(r.total for r in rows)
    seen = sum(r.seen for r in rows)
    correct = sum(r.correct for r in rows)
    if not rows:
        return "There are no quiz questions in the course yet."
    if seen == 0:
        return (f"You have not answered any of the {total} quiz questions yet: "
                "start with the Check yourself quiz in each lesson.")
    best = max(rows, key=lambda r: (r.mastery, -r.total))
    due_text = {0: "none is due for review", 1: "1 is due for review"}.get(due_count, f"{due_count} are due for review")
    return (f"You have answered {seen} of {total} questions ({correct} right on your latest try); "
            f"your strongest lesson is {best.title} at {_percent(best.mastery)} mastery, and {due_text}.")


def describe(rows: list[LessonProgress]) -> str:
    """Alt text for the chart: every number it shows, in words."""
    parts = [f"{r.title}: {r.seen} of {r.total} answered, {r.correct} right, mastery {_percent(r.mastery)}" for r in rows]
    return "Bar chart of quiz progress per lesson. " + "; ".join(parts) + "."
