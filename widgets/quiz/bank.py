"""Question banks: the YAML schema of assets/questions/README.md, loading and validation.

Loading validates everything and collects every problem (never only the first,
never a traceback): each is a ``groundup.errors.Problem`` printed as
``file:line: question-id: message``. Lines come from a PyYAML loader that
records where each mapping, key and list item starts. Pure logic: no ipywidgets.
"""

from __future__ import annotations

import difflib
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from groundup.errors import GroundUpError, Problem, ValidationError
from groundup.quiz.providers import PROVIDERS
from groundup.yamllines import Mapping, Sequence, parse_yaml

TYPES = ("single", "multiple", "truefalse", "numeric", "matching", "ordering", "label")
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CHOICE_ID = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
BANK_FIELDS = ("lesson", "questions")
COMMON_FIELDS = ("id", "section", "type", "prompt", "answer", "explanation", "source", "difficulty", "tags")
TYPE_FIELDS = {
    "single": ("choices",),
    "multiple": ("choices",),
    "truefalse": ("feedback",),
    "numeric": ("tolerance", "unit", "feedback"),
    "matching": ("pairs", "distractors", "feedback"),
    "ordering": ("items", "feedback"),
    "label": ("figure", "choices", "feedback"),
}
ALL_FIELDS = sorted(set(COMMON_FIELDS).union(*TYPE_FIELDS.values()))
IMPLIED_ANSWER = {"matching": "pairs", "ordering": "items"}  # these types take their answer from a field
QUESTIONS_DIR = "questions"


# --- the schema ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    id: str
    text: str
    feedback: str = ""  # the misconception a wrong choice reveals (or, for a right one, a note if missed)


@dataclass(frozen=True)
class Pair:
    left: str
    right: str


@dataclass(frozen=True)
class FigureSpec:
    provider: str
    params: tuple[tuple[str, str], ...]  # e.g. (("view", "dorsal"), ("highlight", "talus"))

    def kwargs(self) -> dict:
        return dict(self.params)


@dataclass(frozen=True, eq=True)
class Question:
    id: str
    lesson: str
    section: str
    type: str
    prompt: str  # Markdown (HTML in it is escaped when shown)
    answer: object  # choice id | tuple of choice ids | bool | float | None (matching, ordering)
    explanation: str
    source: str
    difficulty: int
    tags: tuple[str, ...]
    choices: tuple[Choice, ...] = ()
    feedback: object = None  # truefalse: {True: .., False: ..}; numeric: {"low": .., "high": ..}; else text
    tolerance: float | None = None
    unit: str | None = None
    pairs: tuple[Pair, ...] = ()
    distractors: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    figure: FigureSpec | None = None
    file: str = field(default="", compare=False)
    line: int = field(default=0, compare=False)

    def choice(self, choice_id) -> Choice | None:
        return next((c for c in self.choices if c.id == choice_id), None)

    @property
    def general_feedback(self) -> str:
        return self.feedback if isinstance(self.feedback, str) else ""

    @property
    def right_options(self) -> tuple[str, ...]:
        """The right-hand items a matching question offers: each pair's right side once, then distractors."""
        seen = dict.fromkeys(p.right for p in self.pairs)
        return tuple(seen) + tuple(d for d in self.distractors if d not in seen)


@dataclass(frozen=True)
class Bank:
    path: Path
    display: str  # the file name used in problems
    lesson: str
    questions: tuple[Question, ...]


# --- validation ---------------------------------------------------------------------------------------


def display_name(path: Path) -> str:
    """How a file is named in problems: relative to the current folder when inside it."""
    path = Path(path)
    try:
        here, resolved = Path.cwd().resolve(), path.resolve()
        return os.path.relpath(resolved, here) if resolved.is_relative_to(here) else str(path)
    except (OSError, ValueError):
        return str(path)


def _describe(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing"
    if isinstance(value, (Mapping, dict)):
        return "a mapping"
    if isinstance(value, (Sequence, list)):
        return "a list"
    return repr(value) if isinstance(value, str) else str(value)


def _suggest(word, options) -> str:
    close = difflib.get_close_matches(str(word), [str(o) for o in options], n=1, cutoff=0.75)
    return f" (did you mean {close[0]!r}?)" if close else ""


class _Checker:
    """Collects the problems of one file."""

    def __init__(self, display: str):
        self.display = display
        self.problems: list[Problem] = []

    def add(self, line: int, item: str, message: str) -> None:
        self.problems.append(Problem(self.display, line, item, message))

    # Field readers: return the value, or None after recording a problem.

    def text(self, data: Mapping, key: str, item: str, *, required=True, allow_empty=False, what=None):
        name = what or f"'{key}'"
        if key not in data:
            if required:
                self.add(data.line, item, f"missing {name}")
            return None
        return self.text_value(data[key], data.line_of(key), item, name, allow_empty=allow_empty)

    def text_value(self, value, line: int, item: str, name: str, *, allow_empty=False):
        if isinstance(value, bool):
            self.add(line, item, f"{name} must be text, not {_describe(value)} "
                                 "(YAML reads yes/no/on/off/true/false as true or false: put the text in quotes)")
            return None
        if isinstance(value, (int, float)):
            value = f"{value:g}" if isinstance(value, float) else str(value)
        if not isinstance(value, str):
            self.add(line, item, f"{name} must be text, not {_describe(value)}")
            return None
        if not value.strip() and not allow_empty:
            self.add(line, item, f"{name} is empty")
            return None
        return value.strip() if "\n" not in value.strip() else value.rstrip()

    def number(self, value, line: int, item: str, name: str):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            self.add(line, item, f"{name} must be a number, not {_describe(value)}")
            return None
        return float(value)


def _lessons_by_key() -> dict:
    from groundup.resources import lessons

    return {lesson.key: lesson for lesson in lessons()}


def read_bank(path, *, display: str | None = None, lessons: dict | None = None,
              packaged: bool | None = None) -> tuple[Bank | None, list[Problem]]:
    """Read and validate one bank file; returns (bank or None, problems). Never raises on bad input."""
    path = Path(path)
    display = display or display_name(path)
    lessons = _lessons_by_key() if lessons is None else lessons
    check = _Checker(display)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        check.add(0, "", f"cannot read the file: {exc.strerror or exc}")
        return None, check.problems
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        check.add(line, "", "the file is not UTF-8 text (save it as UTF-8)")
        return None, check.problems
    if not text.strip():
        check.add(1, "", "the file is empty: a bank needs 'lesson' and 'questions'")
        return None, check.problems
    try:
        data = parse_yaml(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        column = f", column {mark.column + 1}" if mark else ""
        what = exc.problem or exc.context or "not valid YAML"
        if exc.context and exc.problem:
            what = f"{exc.problem} ({exc.context}{column})"
        else:
            what = f"{what} (column {mark.column + 1})" if mark else what
        check.add(line, "", f"YAML syntax error: {what}{_yaml_hint(exc)}")
        return None, check.problems
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        check.add(0, "", f"YAML syntax error: {exc}")
        return None, check.problems
    if not isinstance(data, Mapping):
        check.add(getattr(data, "line", 1), "", "a bank is a mapping with 'lesson' and 'questions', not "
                                                 f"{_describe(data)}")
        return None, check.problems

    _repeated(data, check, "")
    for key in data:
        if key not in BANK_FIELDS:
            check.add(data.line_of(key), "", f"unknown field {str(key)!r} at the top of the bank"
                                             f"{_suggest(key, BANK_FIELDS)} (a bank has 'lesson' and 'questions')")
    lesson_key = check.text(data, "lesson", "", what="'lesson' (the lesson's file stem, e.g. 01-the-ankle)")
    lesson = None
    if lesson_key is not None:
        lesson = lessons.get(lesson_key)
        if lesson is None:
            known = ", ".join(sorted(lessons)) or "none"
            check.add(data.line_of("lesson"), "", f"unknown lesson {lesson_key!r}: there is no lessons/{lesson_key}.ipynb"
                                                  f"{_suggest(lesson_key, lessons)} (known lessons: {known})")
        if packaged is None:
            packaged = _is_packaged(path)
        if packaged and path.stem != lesson_key:
            check.add(data.line_of("lesson"), "", f"a bank is named after its lesson: this file should be "
                                                  f"{lesson_key}.yaml (or its lesson should be {path.stem})")

    questions: list[Question] = []
    raw_questions = data.get("questions")
    if "questions" not in data:
        check.add(data.line, "", "missing 'questions' (a list of questions)")
    elif not isinstance(raw_questions, Sequence):
        check.add(data.line_of("questions"), "", f"'questions' must be a list of questions, not {_describe(raw_questions)}")
    elif not raw_questions:
        check.add(data.line_of("questions"), "", "the bank has no questions")
    else:
        for index, entry in enumerate(raw_questions, start=1):
            question = _question(entry, raw_questions.line_of(index - 1), index, check, lesson_key or "", lesson)
            if question is not None:
                questions.append(question)
    bank = Bank(path, display, lesson_key or "", tuple(questions))
    return bank, check.problems


_YAML_HINTS = {
    "mapping values are not allowed": "text that contains ': ' must be put in quotes",
    "found character '\\t'": "indent with spaces, not tabs",
    "could not find expected ':'": "a field name needs ': ' after it, or a text line needs quotes",
    "found undefined alias": "'*' starts a YAML alias: put text that begins with '*' in quotes",
    "found unexpected end of stream": "a quote is opened and never closed",
}


def _yaml_hint(exc) -> str:
    text = f"{exc.problem or ''} {exc.context or ''}"
    return next((f"; hint: {hint}" for key, hint in _YAML_HINTS.items() if key in text), "")


def _is_packaged(path: Path) -> bool:
    try:
        from groundup.resources import assets_dir

        return path.resolve().parent == (assets_dir() / QUESTIONS_DIR).resolve()
    except (GroundUpError, OSError):
        return False


def _repeated(data: Mapping, check: _Checker, item: str) -> None:
    for key, line in data.repeated:
        check.add(line, item, f"field {str(key)!r} is given twice in one mapping (the later one would win)")


def _question(data, line: int, index: int, check: _Checker, lesson_key: str, lesson) -> Question | None:
    """Validate one question; record problems; return the Question only if it has none."""
    before = len(check.problems)
    label = f"(question {index})"
    if not isinstance(data, Mapping):
        check.add(line, label, f"a question is a mapping of fields (id, section, type, ...), not {_describe(data)}")
        return None
    qid = data.get("id")
    if "id" not in data:
        check.add(data.line, label, "missing 'id'")
        item = label
    elif not isinstance(qid, str) or not ID.match(qid):
        check.add(data.line_of("id"), label,
                  f"id {_describe(qid)} must be lower-case letters, digits and hyphens (e.g. ankle-mortise-bone)")
        item = label
    else:
        item = qid
    _repeated(data, check, item)

    kind = data.get("type")
    if "type" not in data:
        check.add(data.line, item, f"missing 'type' (one of: {', '.join(TYPES)})")
        kind = None
    elif kind not in TYPES:
        check.add(data.line_of("type"), item, f"unknown type {_describe(kind)}{_suggest(kind, TYPES)} "
                                              f"(one of: {', '.join(TYPES)})")
        kind = None

    for key in data:
        if key in COMMON_FIELDS:
            continue
        if kind is not None and key in TYPE_FIELDS[kind]:
            continue
        if key in ALL_FIELDS:
            if kind is not None:
                check.add(data.line_of(key), item, f"{key!r} is not a field of {kind} questions")
        else:
            check.add(data.line_of(key), item, f"unknown field {str(key)!r}{_suggest(key, ALL_FIELDS)}")

    section = check.text(data, "section", item)
    if section is not None and lesson is not None and lesson.section(section) is None:
        keys = [s.key for s in lesson.sections]
        check.add(data.line_of("section"), item,
                  f"unknown section {section!r} in lesson {lesson_key}{_suggest(section, keys)} "
                  f"(its sections: {', '.join(keys) or 'none'})")
    prompt = check.text(data, "prompt", item)
    explanation = check.text(data, "explanation", item)
    source = check.text(data, "source", item, what="'source' (the original citation)")
    difficulty = _difficulty(data, check, item)
    tags = _tags(data, check, item)

    fields: dict = {}
    if kind is not None:
        fields = _TYPE_CHECKS[kind](data, check, item)
    if len(check.problems) > before or kind is None:
        return None
    return Question(
        id=qid, lesson=lesson_key, section=section, type=kind, prompt=prompt, explanation=explanation,
        source=source, difficulty=difficulty, tags=tags, file=check.display, line=data.line, **fields,
    )


def _difficulty(data, check, item):
    if "difficulty" not in data:
        check.add(data.line, item, "missing 'difficulty' (1 easy, 2 medium, 3 hard)")
        return None
    value = data["difficulty"]
    if isinstance(value, bool) or value not in (1, 2, 3):
        check.add(data.line_of("difficulty"), item, f"difficulty must be 1, 2 or 3, not {_describe(value)}")
        return None
    return int(value)


def _tags(data, check, item):
    if "tags" not in data:
        check.add(data.line, item, "missing 'tags' (a list, may be empty: tags: [])")
        return None
    value = data["tags"]
    if value is None:
        return ()
    if not isinstance(value, Sequence):
        check.add(data.line_of("tags"), item, f"tags must be a list such as [anatomy, talocrural], not {_describe(value)}")
        return None
    tags = []
    for i, tag in enumerate(value):
        text = check.text_value(tag, value.line_of(i), item, "a tag")
        if text is not None:
            tags.append(text)
    return tuple(tags) if len(tags) == len(value) else None


def _missing_answer(data, check, item, what: str) -> bool:
    if "answer" not in data or data["answer"] is None:
        check.add(data.line, item, f"no answer: add 'answer' ({what})")
        return True
    return False


def _choices(data, check, item, kind: str):
    if "choices" not in data:
        check.add(data.line, item, f"missing 'choices' (a {kind} question needs at least 2)")
        return None
    raw = data["choices"]
    if not isinstance(raw, Sequence) or len(raw) < 2:
        check.add(data.line_of("choices"), item, f"'choices' must be a list of at least 2 choices, each with id and text")
        return None
    choices, ok, seen = [], True, {}
    for i, entry in enumerate(raw):
        line = raw.line_of(i)
        if not isinstance(entry, Mapping):
            check.add(line, item, f"choice {i + 1} must be a mapping with 'id' and 'text'")
            ok = False
            continue
        _repeated(entry, check, item)
        for key in entry:
            if key not in ("id", "text", "feedback"):
                check.add(entry.line_of(key), item, f"unknown field {str(key)!r} in choice {i + 1}"
                                                    f"{_suggest(key, ('id', 'text', 'feedback'))} (a choice has id, text, feedback)")
                ok = False
        cid = entry.get("id")
        if isinstance(cid, int) and not isinstance(cid, bool):
            cid = str(cid)
        if "id" not in entry:
            check.add(entry.line, item, f"choice {i + 1} has no 'id'")
            ok = False
        elif isinstance(cid, bool):
            check.add(entry.line_of("id"), item, f"choice id {_describe(cid)} must be text (YAML reads "
                                                 "yes/no/on/off/true/false as true or false: put the id in quotes)")
            ok = False
        elif not isinstance(cid, str) or not CHOICE_ID.match(cid):
            check.add(entry.line_of("id"), item,
                      f"choice id {_describe(cid)} must be lower-case letters, digits, hyphens or underscores")
            ok = False
        elif cid in seen:
            check.add(entry.line_of("id"), item, f"choice id {cid!r} is used twice (also on line {seen[cid]})")
            ok = False
        else:
            seen[cid] = entry.line_of("id")
        text = check.text(entry, "text", item, what=f"'text' of choice {cid if isinstance(cid, str) else i + 1!r}")
        if text and "`" in text:
            check.add(entry.line_of("text"), item, f"the text of choice {cid!r} is shown as plain text, so its "
                                                   "backticks would show: remove them (Markdown works in prompts, "
                                                   "feedback and explanations)")
            text = None
        feedback = check.text(entry, "feedback", item, required=False, what="'feedback'")
        if "feedback" in entry and feedback is None:
            ok = False
        if text is None:
            ok = False
        choices.append(Choice(cid if isinstance(cid, str) else "", text or "", feedback or ""))
    return tuple(choices) if ok else None


def _choice_answer(data, check, item, choices):
    value = data["answer"]
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    ids = [c.id for c in choices]
    if not isinstance(value, str):
        check.add(data.line_of("answer"), item, f"answer must be one choice id ({', '.join(ids)}), not {_describe(value)}")
        return None
    if value not in ids:
        check.add(data.line_of("answer"), item, f"answer {value!r} is not one of the choices ({', '.join(ids)})"
                                                f"{_suggest(value, ids)}")
        return None
    return value


def _need_wrong_feedback(data, check, item, choices, right: set) -> None:
    for choice, line in zip(choices, _choice_lines(data)):
        if choice.id not in right and not choice.feedback:
            check.add(line, item, f"wrong choice {choice.id!r} has no feedback naming the misconception it reveals")


def _choice_lines(data):
    raw = data["choices"]
    return [entry.line if isinstance(entry, Mapping) else raw.line_of(i) for i, entry in enumerate(raw)]


def _check_single(data, check, item):
    choices = _choices(data, check, item, "single")
    if _missing_answer(data, check, item, "the id of the right choice") or choices is None:
        return {}
    answer = _choice_answer(data, check, item, choices)
    if answer is not None:
        _need_wrong_feedback(data, check, item, choices, {answer})
    return {"choices": choices, "answer": answer}


def _check_multiple(data, check, item):
    choices = _choices(data, check, item, "multiple")
    if _missing_answer(data, check, item, "a list of the right choice ids") or choices is None:
        return {}
    value = data["answer"]
    ids = [c.id for c in choices]
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        single = Sequence()
        single.append(value)
        single.lines, single.line = [data.line_of("answer")], data.line_of("answer")
        value = single
    if not isinstance(value, Sequence) or not value:
        check.add(data.line_of("answer"), item, f"answer must be a list of one or more choice ids, not {_describe(value)}")
        return {}
    answer, ok = [], True
    for i, entry in enumerate(value):
        entry = str(entry) if isinstance(entry, int) and not isinstance(entry, bool) else entry
        if not isinstance(entry, str) or entry not in ids:
            check.add(value.line_of(i), item, f"answer {_describe(entry)} is not one of the choices ({', '.join(ids)})"
                                              f"{_suggest(entry, ids)}")
            ok = False
        elif entry in answer:
            check.add(value.line_of(i), item, f"answer lists {entry!r} twice")
            ok = False
        else:
            answer.append(entry)
    if not ok:
        return {}
    if len(answer) == len(ids):
        check.add(data.line_of("answer"), item, "every choice is right: add at least one wrong choice "
                                                "(ticking everything must not score)")
        return {}
    _need_wrong_feedback(data, check, item, choices, set(answer))
    return {"choices": choices, "answer": tuple(a for a in ids if a in answer)}


def _truth(key):
    if isinstance(key, bool):
        return key
    if isinstance(key, str) and key.strip().lower() in ("true", "false"):
        return key.strip().lower() == "true"
    return None


def _check_truefalse(data, check, item):
    if _missing_answer(data, check, item, "true or false"):
        return {}
    answer = data["answer"]
    if not isinstance(answer, bool):
        check.add(data.line_of("answer"), item, f"answer must be true or false, not {_describe(answer)}")
        return {}
    wrong = not answer
    feedback = {}
    raw = data.get("feedback")
    if raw is not None and not isinstance(raw, Mapping):
        check.add(data.line_of("feedback"), item, "feedback of a true/false question is a mapping: "
                                                  f"feedback: {{{_describe(wrong)}: ...}}")
        return {}
    for key, value in (raw or {}).items():
        side = _truth(key)
        if side is None:
            check.add(raw.line_of(key), item, f"feedback key {_describe(key)} must be true or false")
            continue
        text = check.text_value(value, raw.line_of(key), item, f"feedback for {_describe(side)}")
        if text is not None:
            feedback[side] = text
    if wrong not in feedback and not any(_truth(k) is wrong for k in (raw or {})):
        check.add(data.line_of("feedback") if raw else data.line, item,
                  f"the wrong answer ({_describe(wrong)}) has no feedback naming the misconception: "
                  f"add feedback: {{{_describe(wrong)}: ...}}")
    return {"answer": answer, "feedback": feedback}


def _check_numeric(data, check, item):
    result = {}
    if not _missing_answer(data, check, item, "a number"):
        answer = check.number(data["answer"], data.line_of("answer"), item, "answer")
        if answer is not None:
            result["answer"] = answer
    if "tolerance" not in data:
        check.add(data.line, item, "a numeric question needs a 'tolerance' (absolute, ≥ 0; use 0 for an exact answer)")
    else:
        tolerance = check.number(data["tolerance"], data.line_of("tolerance"), item, "tolerance")
        if tolerance is not None and tolerance < 0:
            check.add(data.line_of("tolerance"), item, f"tolerance must be ≥ 0, not {tolerance:g}")
        elif tolerance is not None:
            result["tolerance"] = tolerance
    if "unit" not in data:
        check.add(data.line, item, "missing 'unit' (text such as \"°\" or \"cm\"; \"\" for none)")
    else:
        unit = check.text_value(data["unit"] if data["unit"] is not None else "", data.line_of("unit"), item,
                                "unit", allow_empty=True)
        if unit is not None:
            result["unit"] = unit
    raw = data.get("feedback")
    feedback = {}
    if raw is not None:
        if not isinstance(raw, Mapping):
            check.add(data.line_of("feedback"), item, "feedback of a numeric question is a mapping: "
                                                      "feedback: {low: ..., high: ...}")
        else:
            for key, value in raw.items():
                if key not in ("low", "high"):
                    check.add(raw.line_of(key), item, f"numeric feedback has 'low' and 'high', not {str(key)!r}")
                    continue
                text = check.text_value(value, raw.line_of(key), item, f"feedback for a {key} answer")
                if text is not None:
                    feedback[key] = text
    result["feedback"] = feedback
    return result


def _general_feedback(data, check, item):
    if "feedback" not in data:
        return None
    return check.text_value(data["feedback"], data.line_of("feedback"), item, "feedback (a general note for a wrong attempt)")


def _no_answer_field(data, check, item, kind):
    if "answer" in data:
        check.add(data.line_of("answer"), item, f"a {kind} question's answer is its '{IMPLIED_ANSWER[kind]}': "
                                                f"remove 'answer'")


def _check_matching(data, check, item):
    _no_answer_field(data, check, item, "matching")
    raw = data.get("pairs")
    if "pairs" not in data:
        check.add(data.line, item, "missing 'pairs' (a list of {left: ..., right: ...}, at least 2)")
        return {}
    if not isinstance(raw, Sequence) or len(raw) < 2:
        check.add(data.line_of("pairs"), item, "'pairs' must be a list of at least 2 {left: ..., right: ...} pairs")
        return {}
    pairs, lefts, ok = [], {}, True
    for i, entry in enumerate(raw):
        line = raw.line_of(i)
        if not isinstance(entry, Mapping):
            check.add(line, item, f"pair {i + 1} must be a mapping {{left: ..., right: ...}}, not {_describe(entry)}")
            ok = False
            continue
        _repeated(entry, check, item)
        for key in entry:
            if key not in ("left", "right"):
                check.add(entry.line_of(key), item, f"pair {i + 1} has an unknown field {str(key)!r} "
                                                    "(a pair has 'left' and 'right')")
                ok = False
        left = check.text(entry, "left", item, what=f"'left' in pair {i + 1}: the pair does not pair up")
        right = check.text(entry, "right", item, what=f"'right' in pair {i + 1}: the pair does not pair up")
        if left is None or right is None:
            ok = False
            continue
        if left in lefts:
            check.add(entry.line_of("left"), item, f"left item {left!r} appears in two pairs (lines {lefts[left]} and "
                                                   f"{entry.line_of('left')}): each left item pairs with one right item")
            ok = False
            continue
        lefts[left] = entry.line_of("left")
        pairs.append(Pair(left, right))
    distractors = []
    raw_d = data.get("distractors")
    if raw_d is not None:
        if not isinstance(raw_d, Sequence):
            check.add(data.line_of("distractors"), item, "'distractors' must be a list of extra right-hand items")
            ok = False
        else:
            rights = {p.right for p in pairs}
            for i, entry in enumerate(raw_d):
                text = check.text_value(entry, raw_d.line_of(i), item, "a distractor")
                if text is None:
                    ok = False
                elif text in rights:
                    check.add(raw_d.line_of(i), item, f"distractor {text!r} is also the right-hand item of a pair")
                    ok = False
                elif text in distractors:
                    check.add(raw_d.line_of(i), item, f"distractor {text!r} is listed twice")
                    ok = False
                else:
                    distractors.append(text)
    feedback = _general_feedback(data, check, item)
    if not ok:
        return {}
    return {"pairs": tuple(pairs), "distractors": tuple(distractors), "feedback": feedback or "", "answer": None}


def _check_ordering(data, check, item):
    _no_answer_field(data, check, item, "ordering")
    raw = data.get("items")
    if "items" not in data:
        check.add(data.line, item, "missing 'items' (the items in the correct order, at least 2)")
        return {}
    if not isinstance(raw, Sequence) or len(raw) < 2:
        check.add(data.line_of("items"), item, "'items' must list at least 2 items, in the correct order")
        return {}
    items, ok = [], True
    for i, entry in enumerate(raw):
        text = check.text_value(entry, raw.line_of(i), item, f"item {i + 1}")
        if text is None:
            ok = False
        elif text in items:
            check.add(raw.line_of(i), item, f"item {text!r} appears twice: each item has one place in the order")
            ok = False
        else:
            items.append(text)
    feedback = _general_feedback(data, check, item)
    if not ok:
        return {}
    return {"items": tuple(items), "feedback": feedback or "", "answer": None}


def _check_label(data, check, item):
    result = {}
    raw = data.get("figure")
    if "figure" not in data:
        check.add(data.line, item, "missing 'figure' (e.g. figure: {provider: anatomy, view: dorsal, highlight: talus})")
    elif not isinstance(raw, Mapping):
        check.add(data.line_of("figure"), item,
                  "figure must be a mapping such as {provider: anatomy, view: dorsal, highlight: talus}")
    else:
        figure = _figure(raw, check, item)
        if figure is not None:
            result["figure"] = figure
    choices = _choices(data, check, item, "label")
    feedback = _general_feedback(data, check, item)
    if _missing_answer(data, check, item, "the id of the choice that names the highlighted structure") or choices is None:
        return result
    answer = _choice_answer(data, check, item, choices)
    result.update(choices=choices, answer=answer, feedback=feedback or "")
    return result


def _figure(raw: Mapping, check, item) -> FigureSpec | None:
    _repeated(raw, check, item)
    name = raw.get("provider")
    if "provider" not in raw:
        check.add(raw.line, item, f"the figure names no provider (known: {', '.join(sorted(PROVIDERS))})")
        return None
    if not isinstance(name, str) or name not in PROVIDERS:
        check.add(raw.line_of("provider"), item, f"unknown figure provider {_describe(name)}"
                                                 f"{_suggest(name, PROVIDERS)} (known: {', '.join(sorted(PROVIDERS))})")
        return None
    provider = PROVIDERS[name]
    params, ok = [], True
    for key in provider.params:
        if key not in raw:
            check.add(raw.line, item, f"the {name} figure needs {key!r}")
            ok = False
            continue
        value = check.text_value(raw[key], raw.line_of(key), item, f"figure {key}")
        if value is None:
            ok = False
            continue
        allowed = provider.allowed.get(key)
        if allowed and value not in allowed:
            check.add(raw.line_of(key), item, f"figure {key} {value!r} is not one of: {', '.join(allowed)}")
            ok = False
            continue
        params.append((key, value))
    for key in raw:
        if key != "provider" and key not in provider.params:
            check.add(raw.line_of(key), item, f"the {name} figure takes {', '.join(provider.params)}, not {str(key)!r}")
            ok = False
    return FigureSpec(name, tuple(params)) if ok else None


_TYPE_CHECKS = {
    "single": _check_single,
    "multiple": _check_multiple,
    "truefalse": _check_truefalse,
    "numeric": _check_numeric,
    "matching": _check_matching,
    "ordering": _check_ordering,
    "label": _check_label,
}


# --- many files ---------------------------------------------------------------------------------------


def questions_dir() -> Path:
    from groundup.resources import assets_dir

    return assets_dir() / QUESTIONS_DIR


def packaged_bank_paths() -> list[Path]:
    """Every bank shipped with the course, in course order."""
    folder = questions_dir()
    return sorted(p for p in folder.glob("*.yaml") if p.is_file()) if folder.is_dir() else []


def _id_lines(path: Path) -> list[tuple[str, int]]:
    """(id, line) of every question of a file, even of questions with other problems."""
    found = []
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
        raw = data.get("questions") if isinstance(data, Mapping) else None
        if isinstance(raw, Sequence):
            found = [(q["id"], q.line) for q in raw if isinstance(q, Mapping) and isinstance(q.get("id"), str)
                     and ID.match(q["id"])]
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError, ValueError):
        pass
    return found


def check_banks(paths, *, against_packaged: bool = True, lessons: dict | None = None) -> tuple[list[Bank], list[Problem]]:
    """Validate several banks together: every problem of every file, and ids unique across all of them.

    With ``against_packaged`` the ids are also checked against the course's own banks (a
    bank meant for the course must not reuse one of its ids).
    """
    lessons = _lessons_by_key() if lessons is None else lessons
    banks, problems = [], []
    first: dict[str, str] = {}  # id -> "file:line"
    paths = [Path(p) for p in paths]
    given = {p.resolve() for p in paths}
    if against_packaged:
        for path in packaged_bank_paths():
            if path.resolve() not in given:
                for qid, line in _id_lines(path):
                    first.setdefault(qid, f"{display_name(path)}:{line}")
    for path in paths:
        bank, found = read_bank(path, lessons=lessons)
        problems.extend(found)
        if bank is not None:
            banks.append(bank)
        display = display_name(path)
        for qid, line in _id_lines(path):
            if qid in first:
                problems.append(Problem(display, line, qid, f"duplicate id: already used at {first[qid]}"))
            else:
                first[qid] = f"{display}:{line}"
    return banks, problems


_CACHE: dict = {}


def load_bank(path) -> Bank:
    """A valid bank, or ValidationError carrying every problem. Cached until the file changes."""
    path = Path(path)
    try:
        stat = path.stat()
    except OSError:
        raise GroundUpError(f"question bank not found: {path}") from None
    key = (path.resolve(), stat.st_mtime_ns, stat.st_size)
    if key not in _CACHE:
        _CACHE[key] = read_bank(path)
    bank, problems = _CACHE[key]
    if problems:
        raise ValidationError(problems)
    return bank


def bank_path(lesson_key: str) -> Path:
    return questions_dir() / f"{lesson_key}.yaml"


def lesson_questions(lesson_keys) -> list[Question]:
    """The questions of the given lessons' banks, in bank order; clear errors for a missing or broken bank."""
    keys = [lesson_keys] if isinstance(lesson_keys, str) else list(lesson_keys)
    found: list[Question] = []
    seen: dict[str, str] = {}
    for key in keys:
        if not isinstance(key, str):
            raise GroundUpError(f"a lesson is named by its key, such as '01-the-ankle', not {key!r}")
        from groundup.resources import lesson

        lesson(key)  # GroundUpError for an unknown lesson
        path = bank_path(key)
        if not path.exists():
            raise GroundUpError(f"lesson {key} has no question bank yet (assets/questions/{key}.yaml)")
        for question in load_bank(path).questions:
            if question.id in seen:
                raise ValidationError([Problem(question.file, question.line, question.id,
                                               f"duplicate id: already used in {seen[question.id]}")])
            seen[question.id] = question.file
            found.append(question)
    return found


def all_questions() -> tuple[list[Question], list[Problem]]:
    """Every valid packaged bank's questions, and the problems of the others (for progress and review)."""
    questions, problems = [], []
    for path in packaged_bank_paths():
        try:
            questions.extend(load_bank(path).questions)
        except ValidationError as exc:
            problems.extend(exc.problems)
    unique = {}
    for question in questions:
        unique.setdefault(question.id, question)
    return list(unique.values()), problems
