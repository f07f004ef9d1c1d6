"""Mastery per lesson, the Leitner review rule, and the progress chart."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from groundup.quiz import progress as rules
from groundup.quiz.chart import progress_figure
from tests import quiz_helpers as make

DAY = rules.DAY


@dataclass
class A:  # the fields of a stored answer that the rules read
    question_id: str
    correct: bool
    score: float
    answered_at: float
    id: int = 0


def answers(*events):
    return [A(q, ok, 1.0 if ok else 0.0, t * DAY, i) for i, (q, ok, t) in enumerate(events)]


def test_first_answer_puts_a_question_in_box_2_if_right_and_box_1_if_wrong():
    states = rules.leitner(answers(("a", True, 0), ("b", False, 0)))
    assert (states["a"].box, states["a"].due_at) == (2, 1 * DAY)
    assert (states["b"].box, states["b"].due_at) == (1, 0)


def test_right_answers_when_due_climb_the_boxes_1_3_7_21_days():
    events, t = [("q", True, 0)], 0
    for interval in (1, 3, 7, 21, 21):
        t += interval
        events.append(("q", True, t))
    state = rules.leitner(answers(*events))["q"]
    assert state.box == 5 and state.due_at == (t + 21) * DAY and state.answers == 6
    assert [rules.INTERVAL_DAYS[b] for b in (1, 2, 3, 4, 5)] == [0, 1, 3, 7, 21]


def test_cramming_before_due_does_not_promote_and_a_wrong_answer_resets():
    state = rules.leitner(answers(("q", True, 0), ("q", True, 0.5)))["q"]
    assert (state.box, state.due_at) == (2, 1 * DAY)
    state = rules.leitner(answers(("q", True, 0), ("q", True, 1), ("q", False, 2)))["q"]
    assert (state.box, state.due_at) == (1, 2 * DAY)
    state = rules.leitner(answers(("q", False, 0), ("q", True, 0.01)))["q"]  # retry at once after a wrong answer
    assert state.box == 2 and state.due_at == pytest.approx(1.01 * DAY)


def test_partly_right_counts_as_not_right():
    history = [A("q", False, 0.67, 0)]
    assert rules.leitner(history)["q"].box == 1


def test_due_lists_lowest_box_first_then_longest_overdue():
    states = rules.leitner(answers(("a", True, 0), ("b", False, 3), ("c", False, 1), ("d", True, 9)))
    assert rules.due(states, now=5 * DAY) == ["c", "b", "a"]
    assert rules.due(states, now=5 * DAY, question_ids=["a", "d"]) == ["a"]
    assert rules.next_due(states, now=5 * DAY) == 10 * DAY
    assert rules.next_due(states, now=11 * DAY) is None


def test_lesson_progress_and_mastery():
    qs = [make.single(qid="s1"), make.single(qid="s2"), make.truefalse(qid="s3"), make.numeric(qid="s4")]
    latest = {"s1": A("s1", True, 1.0, 0), "s2": A("s2", False, 0.5, 0), "s3": A("s3", False, 0.0, 0)}
    [row] = rules.lesson_progress(qs, latest, {"00-start-here": "Start here"})
    assert (row.title, row.total, row.seen, row.correct) == ("Start here", 4, 3, 1)
    assert row.mastery == pytest.approx((1.0 + 0.5 + 0) / 4)


def test_summary_sentence():
    qs = [make.single(qid="s1"), make.single(qid="s2")]
    rows = rules.lesson_progress(qs, {}, {"00-start-here": "Start here"})
    assert rules.summary(rows) == ("You have not answered any of the 2 quiz questions yet: "
                                   "start with the Check yourself quiz in each lesson.")
    rows = rules.lesson_progress(qs, {"s1": A("s1", True, 1.0, 0)}, {"00-start-here": "Start here"})
    assert rules.summary(rows, due_count=1) == ("You have answered 1 of 2 questions (1 right on your latest try); "
                                                "your strongest lesson is Start here at 50 % mastery, "
                                                "and 1 is due for review.")


def test_progress_chart_has_alt_text_with_every_number_and_the_takeaway_as_caption(artifacts):
    qs = [make.single(qid=f"s{i}") for i in range(5)]
    rows = rules.lesson_progress(qs, {"s0": A("s0", True, 1.0, 0), "s1": A("s1", False, 0.0, 0)},
                                 {"00-start-here": "Start here"})
    figure = progress_figure(rows, due_count=1)
    assert figure.png.startswith(b"\x89PNG")
    assert figure.alt == ("Bar chart of quiz progress per lesson. Start here: 2 of 5 answered, 1 right, mastery 20 %.")
    assert figure.caption == rules.summary(rows, 1)
    assert '<img src="data:image/png;base64,' in figure.html() and "<figcaption>" in figure.html()
    (artifacts / "quiz-progress-chart.png").write_bytes(figure.png)
    empty = progress_figure([])
    assert empty.caption == "There are no quiz questions in the course yet."
