"""One small grader per question type: a response in, a score and the notes that teach out.

Pure logic (no ipywidgets), shared by the self-quiz and the instructor's grading.
A *response* is plain JSON-able data, the same shape that is stored:

=========  =================================================  ==========================================
type       response                                           score
=========  =================================================  ==========================================
single     a choice id                                        1 or 0
multiple   a list of choice ids                               max(0, (right ticked - wrong ticked) / right)
truefalse  true or false                                      1 or 0
numeric    a number (in the question's unit)                  1 if |given - answer| <= tolerance, else 0
matching   {left item: chosen right item}                     fraction of left items matched right
ordering   the items, in the order given                      1 if exact, else fraction of adjacent pairs
                                                              (in the order given) that are in the right order
label      a choice id                                        1 or 0
=========  =================================================  ==========================================

``None`` means "not answered" and scores 0. A response of the wrong shape (an
unknown choice id, a number for a matching question, ...) raises ResponseError.
A question counts as *correct* only at score 1.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from groundup.errors import GroundUpError

NOT_ANSWERED = "No answer was given."


class ResponseError(GroundUpError, ValueError):
    """A response that does not fit its question (e.g. a choice the question does not have)."""


@dataclass(frozen=True)
class Grade:
    score: float  # 0 to 1
    notes: tuple[str, ...] = ()  # Markdown: the misconceptions the response reveals, and what was missed
    marks: tuple[tuple[str, bool], ...] = ()  # (part, right?) for matching lefts, ordering positions, choices
    answered: bool = True

    @property
    def correct(self) -> bool:
        return self.score >= 1.0

    @property
    def verdict(self) -> str:
        if self.correct:
            return "correct"
        return "partial" if self.score > 0 else "wrong"


def _fmt(x: float) -> str:
    return f"{x:g}"


class Grader:
    type = ""

    def grade(self, question, response) -> Grade:
        if response is None:
            return Grade(0.0, (NOT_ANSWERED,), answered=False)
        return self._grade(question, self.normalise(question, response))

    def normalise(self, question, response):
        """The response in its canonical stored form; ResponseError if it does not fit."""
        raise NotImplementedError

    def right_response(self, question):
        """A response that scores 1."""
        raise NotImplementedError

    def _grade(self, question, response) -> Grade:
        raise NotImplementedError


class SingleChoiceGrader(Grader):
    type = "single"

    def normalise(self, question, response):
        if not isinstance(response, str) or question.choice(response) is None:
            raise ResponseError(f"{response!r} is not a choice of question {question.id}")
        return response

    def right_response(self, question):
        return question.answer

    def _grade(self, question, response) -> Grade:
        if response == question.answer:
            return Grade(1.0)
        note = question.choice(response).feedback or question.general_feedback
        return Grade(0.0, (note,) if note else ())


class LabelGrader(SingleChoiceGrader):
    """Name the highlighted structure: graded like a single choice."""

    type = "label"


class MultipleSelectGrader(Grader):
    """Partial credit: max(0, (right choices ticked - wrong choices ticked) / number of right choices)."""

    type = "multiple"

    def normalise(self, question, response):
        if isinstance(response, (str, bytes)) or not isinstance(response, (list, tuple, set, frozenset)):
            raise ResponseError(f"question {question.id} takes a list of choice ids, not {response!r}")
        ticked = set()
        for choice_id in response:
            if not isinstance(choice_id, str) or question.choice(choice_id) is None:
                raise ResponseError(f"{choice_id!r} is not a choice of question {question.id}")
            ticked.add(choice_id)
        return [c.id for c in question.choices if c.id in ticked]  # choice order, each once

    def right_response(self, question):
        return list(question.answer)

    def _grade(self, question, response) -> Grade:
        right = set(question.answer)
        ticked = set(response)
        right_ticked = len(ticked & right)
        wrong_ticked = len(ticked - right)
        score = max(0.0, (right_ticked - wrong_ticked) / len(right))
        notes, marks = [], []
        for choice in question.choices:
            if choice.id in ticked and choice.id not in right:
                notes.append(choice.feedback or f"«{choice.text}» is not right.")
                marks.append((choice.id, False))
            elif choice.id in right and choice.id not in ticked:
                notes.append(f"You left out «{choice.text}», which is right." +
                             (f" {choice.feedback}" if choice.feedback else ""))
                marks.append((choice.id, False))
            elif choice.id in ticked:
                marks.append((choice.id, True))
        return Grade(score, tuple(notes), tuple(marks))


class TrueFalseGrader(Grader):
    type = "truefalse"

    def normalise(self, question, response):
        if not isinstance(response, bool):
            raise ResponseError(f"question {question.id} takes true or false, not {response!r}")
        return response

    def right_response(self, question):
        return question.answer

    def _grade(self, question, response) -> Grade:
        if response == question.answer:
            return Grade(1.0)
        note = (question.feedback or {}).get(response, "")
        return Grade(0.0, (note,) if note else ())


class NumericGrader(Grader):
    """Right when |given - answer| <= tolerance (with a hair of slack for binary floating point)."""

    type = "numeric"

    def normalise(self, question, response):
        if isinstance(response, bool):
            raise ResponseError(f"question {question.id} takes a number, not {response!r}")
        if isinstance(response, str):
            try:
                response = float(response.strip().replace(",", "."))
            except ValueError:
                raise ResponseError(f"{response!r} is not a number") from None
        if not isinstance(response, (int, float)) or not math.isfinite(response):
            raise ResponseError(f"question {question.id} takes a number, not {response!r}")
        return float(response)

    def right_response(self, question):
        return float(question.answer)

    @staticmethod
    def within(given: float, answer: float, tolerance: float) -> bool:
        slack = 1e-9 * max(1.0, abs(answer), abs(given))  # 2.6 - 2.5 is 0.10000000000000009
        return abs(given - answer) <= tolerance + slack

    def _grade(self, question, response) -> Grade:
        if self.within(response, question.answer, question.tolerance):
            return Grade(1.0)
        unit = f" {question.unit}" if question.unit else ""
        side = "low" if response < question.answer else "high"
        accepted = (_fmt(question.answer) if not question.tolerance
                    else f"{_fmt(question.answer - question.tolerance)} to {_fmt(question.answer + question.tolerance)}")
        notes = [f"{_fmt(response)}{unit} is too {side}: the accepted answer is {accepted}{unit}."]
        extra = (question.feedback or {}).get(side, "")
        if extra:
            notes.append(extra)
        return Grade(0.0, tuple(notes))


class MatchingGrader(Grader):
    type = "matching"

    def normalise(self, question, response):
        if not isinstance(response, dict):
            raise ResponseError(f"question {question.id} takes {{left item: right item}}, not {response!r}")
        lefts = {p.left for p in question.pairs}
        options = set(question.right_options)
        for left, right in response.items():
            if left not in lefts:
                raise ResponseError(f"{left!r} is not a left-hand item of question {question.id}")
            if right is not None and right not in options:
                raise ResponseError(f"{right!r} is not a right-hand item of question {question.id}")
        return {p.left: response.get(p.left) for p in question.pairs}

    def right_response(self, question):
        return {p.left: p.right for p in question.pairs}

    def _grade(self, question, response) -> Grade:
        marks = tuple((p.left, response.get(p.left) == p.right) for p in question.pairs)
        right = sum(ok for _, ok in marks)
        score = right / len(marks)
        notes = ()
        if score < 1:
            notes = (f"{right} of {len(marks)} matched right.",) + ((question.general_feedback,) if question.general_feedback else ())
        return Grade(score, notes, marks)


class OrderingGrader(Grader):
    """1 if exactly right, else the fraction of adjacent pairs in the given order that are in the right order."""

    type = "ordering"

    def normalise(self, question, response):
        if isinstance(response, (str, bytes, dict)) or not isinstance(response, (list, tuple)):
            raise ResponseError(f"question {question.id} takes the list of items in order, not {response!r}")
        if sorted(map(str, response)) != sorted(question.items) or len(set(response)) != len(response):
            raise ResponseError(f"the order for question {question.id} must use each of its items exactly once")
        return list(response)

    def right_response(self, question):
        return list(question.items)

    def _grade(self, question, response) -> Grade:
        position = {item: i for i, item in enumerate(question.items)}
        marks = tuple((f"{i + 1}", item == question.items[i]) for i, item in enumerate(response))
        if list(response) == list(question.items):
            return Grade(1.0, (), marks)
        in_order = sum(position[a] < position[b] for a, b in zip(response, response[1:]))
        score = in_order / (len(response) - 1)
        notes = (f"{in_order} of {len(response) - 1} neighbouring pairs are in the right order.",)
        if question.general_feedback:
            notes += (question.general_feedback,)
        return Grade(score, notes, marks)


GRADERS: dict[str, Grader] = {
    g.type: g for g in (SingleChoiceGrader(), MultipleSelectGrader(), TrueFalseGrader(), NumericGrader(),
                        MatchingGrader(), OrderingGrader(), LabelGrader())
}


def grader(question) -> Grader:
    return GRADERS[question.type]


def grade(question, response) -> Grade:
    """Grade a response to a question (``groundup.quiz.bank.Question``)."""
    return grader(question).grade(question, response)


def normalise(question, response):
    return grader(question).normalise(question, response)


def right_response(question):
    return grader(question).right_response(question)


def parse_number(text: str):
    """A typed number ('12', '12.5', '12,5', ' -3 ') or None if the box is empty; ValueError if not a number."""
    cleaned = (text or "").strip().replace(",", ".")
    if not cleaned:
        return None
    value = float(cleaned)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(text)
    return value
