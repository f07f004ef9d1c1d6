"""Picking questions for a quiz and shuffling them with a seed that is stable for a student.

The order of anything is the order of ``sha256(seed + item)``: the same student sees the
same order after a restart (so restored answers line up), another student sees another
order, and the result does not depend on Python's ``random`` implementation.
Pure logic: no ipywidgets.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from itertools import zip_longest


def stable_order(items, seed: str, key=str) -> list:
    """``items`` in an order fixed by ``seed`` (a permutation; the same seed gives the same order)."""
    def rank(item):
        return hashlib.sha256(f"{seed}\x1f{key(item)}".encode("utf-8")).digest()

    return sorted(items, key=rank)


@dataclass(frozen=True)
class Presentation:
    """How one question is shown to one student."""

    choices: tuple = ()  # single, multiple, label: the Choice objects in display order
    options: tuple[str, ...] = ()  # matching: right-hand items; ordering: the items to place


def present(question, student: str) -> Presentation:
    """The stable shuffled presentation of a question for a student (the same in every quiz)."""
    seed = f"{student}:{question.id}"
    if question.type in ("single", "multiple", "label"):
        return Presentation(choices=tuple(stable_order(question.choices, seed, key=lambda c: c.id)))
    if question.type == "matching":
        return Presentation(options=tuple(stable_order(question.right_options, seed)))
    if question.type == "ordering":
        options = stable_order(question.items, seed)
        if options == list(question.items):  # never offer the answer as the starting order
            options = options[1:] + options[:1]
        return Presentation(options=tuple(options))
    return Presentation()


def quiz_key(lessons, section=None, tags=None, count=None) -> str:
    """A name for a quiz, from what it picks (used for its question order and stored with answers)."""
    lessons = [lessons] if isinstance(lessons, str) else list(lessons)
    key = "+".join(lessons)
    if section:
        key += f"#{section}"
    if tags:
        key += "[" + ",".join(sorted(normalise_tags(tags))) + "]"
    if count:
        key += f"x{count}"
    return key


def normalise_tags(tags) -> list[str]:
    if tags is None:
        return []
    return [tags] if isinstance(tags, str) else [str(t) for t in tags]


def select(questions, *, section=None, tags=None, count=None, student: str, key: str) -> list:
    """Pick and order questions for a quiz.

    A question is picked when it is in ``section`` (if given) and has at least one of
    ``tags`` (if given). The picked questions are put in a stable order for the student.
    With ``count``, questions are drawn in turn from each lesson (so a review across four
    lessons gets a fair share of each), then shuffled again.
    """
    wanted = set(normalise_tags(tags))
    picked = [
        q for q in questions
        if (section is None or q.section == section) and (not wanted or wanted.intersection(q.tags))
    ]
    seed = f"{student}:{key}"
    ordered = stable_order(picked, seed, key=lambda q: q.id)
    if count is None or count >= len(ordered):
        return ordered
    by_lesson: dict[str, list] = {}
    for question in ordered:
        by_lesson.setdefault(question.lesson, []).append(question)
    lessons = stable_order(by_lesson, seed)
    drawn = [q for row in zip_longest(*(by_lesson[k] for k in lessons)) for q in row if q is not None][:count]
    return stable_order(drawn, seed + ":drawn", key=lambda q: q.id)
