"""Convert jupyterquiz question files (JSON) into a Ground Up question bank (YAML).

jupyterquiz (github.com/jmshea/jupyterquiz) stores a list of questions:

- ``multiple_choice`` (one right answer) -> ``single``; ``many_choice`` -> ``multiple``.
  Each answer has ``answer`` (text) or ``code``, ``correct`` and optional ``feedback``.
- ``numeric`` -> ``numeric``: the first correct ``value`` (with ``precision`` read as
  significant digits, as jupyterquiz >= 2.7 does) or ``range`` [a, b) becomes answer and
  tolerance; wrong ranges wholly below or above it become the ``low``/``high`` feedback;
  the ``default`` feedback fills a side that has none.

What cannot be expressed is listed by question, never dropped silently: other types,
a multiple_choice with several right answers, several correct numeric answers, ...
Our banks need a misconception note for every wrong option, an explanation and a
source; where the file has none, a plain note is written and listed for the author.
Pure logic: no ipywidgets.
"""

from __future__ import annotations

import json
import math
import string
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from groundup.errors import GroundUpError

SUPPORTED = ("multiple_choice", "many_choice", "numeric")
GENERIC_WRONG = "This option is not right; read the explanation."
BARE_FEEDBACK = {"", "correct", "correct.", "correct!", "right", "right.", "yes", "yes.", "incorrect", "incorrect.",
                 "wrong", "wrong.", "no", "no.", "try again", "try again."}


@dataclass
class Conversion:
    source: str
    total: int = 0
    questions: list[dict] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # questions not converted, with the reason
    notes: list[str] = field(default_factory=list)  # converted, but something to check or that was dropped
    yaml: str = ""

    def report(self) -> list[str]:
        lines = [f"Converted {len(self.questions)} of {self.total} question{'s' if self.total != 1 else ''} "
                 f"from {self.source}."]
        if self.skipped:
            lines.append("Not converted:")
            lines += [f"  {s}" for s in self.skipped]
        if self.notes:
            lines.append("Converted, but check:")
            lines += [f"  {n}" for n in self.notes]
        return lines


def _label(index: int, raw) -> str:
    text = raw.get("question", "") if isinstance(raw, dict) else ""
    text = " ".join(str(text).split())
    return f"question {index}" + (f' ("{text[:50]}{"…" if len(text) > 50 else ""}")' if text else "")


def _meaningful(feedback) -> str:
    text = str(feedback or "").strip()
    return "" if text.lower() in BARE_FEEDBACK else text


def _prompt(raw: dict) -> str:
    prompt = str(raw.get("question", "")).strip()
    if raw.get("code"):
        prompt += f"\n\n```\n{str(raw['code']).rstrip()}\n```\n"
    return prompt


def _sig_tolerance(value: float, precision: int) -> float:
    """Half a unit of the last significant digit kept by ``precision`` significant digits."""
    if value == 0:
        return 0.5 * 10 ** (1 - precision)
    exponent = math.floor(math.log10(abs(value)))
    return 0.5 * 10 ** (exponent - precision + 1)


def _number(x) -> float | None:
    if isinstance(x, bool) or not isinstance(x, (int, float)) or not math.isfinite(x):
        return None
    return float(x)


def _tidy(x: float):
    return int(x) if float(x).is_integer() else float(f"{x:.12g}")


class _Skip(Exception):
    pass


def convert(data, *, lesson: str, section: str, prefix: str, citation: str, source_name: str = "") -> Conversion:
    """Convert parsed jupyterquiz JSON (a list of question dicts) into bank questions."""
    result = Conversion(source_name or "the file")
    if isinstance(data, dict) and "question" in data:
        data = [data]
    if not isinstance(data, list):
        raise GroundUpError(f"{source_name}: a jupyterquiz file is a JSON list of questions")
    result.total = len(data)
    for index, raw in enumerate(data, start=1):
        label = _label(index, raw)
        try:
            if not isinstance(raw, dict):
                raise _Skip("not a question object")
            kind = raw.get("type")
            if kind not in SUPPORTED:
                raise _Skip(f"type {kind!r} cannot be converted (supported: {', '.join(SUPPORTED)})")
            if not str(raw.get("question", "")).strip():
                raise _Skip("it has no question text")
            notes: list[str] = []
            base = {"id": f"{prefix}-{index}", "section": section}
            if kind == "numeric":
                question = _numeric(raw, notes)
            else:
                question = _choice(raw, kind, notes)
            question = {**base, **question, "source": citation, "difficulty": 2, "tags": ["imported"]}
            result.questions.append(question)
            result.notes += [f"{label} -> {base['id']}: {n}" for n in notes]
        except _Skip as why:
            result.skipped.append(f"{label}: {why}")
    result.yaml = dump_bank(lesson, result.questions, source_name)
    return result


def _choice(raw: dict, kind: str, notes: list[str]) -> dict:
    answers = raw.get("answers")
    if not isinstance(answers, list) or len(answers) < 2:
        raise _Skip("it needs at least 2 answers")
    choices, right = [], []
    letters = string.ascii_lowercase
    for i, answer in enumerate(answers):
        if not isinstance(answer, dict):
            raise _Skip(f"answer {i + 1} is not an object")
        text = answer.get("answer", answer.get("code"))
        if text is None or not str(text).strip():
            raise _Skip(f"answer {i + 1} has neither 'answer' nor 'code' text")
        if not isinstance(answer.get("correct"), bool):
            raise _Skip(f"answer {i + 1} does not say whether it is correct (true or false)")
        cid = letters[i] if i < len(letters) else f"c{i + 1}"
        choice = {"id": cid, "text": " ".join(str(text).split())}
        feedback = _meaningful(answer.get("feedback"))
        if answer["correct"]:
            right.append((cid, choice["text"], feedback))
        else:
            if not feedback:
                feedback = GENERIC_WRONG
                notes.append(f"wrong choice {cid} ({choice['text']!r}) had no feedback: "
                             "a plain note was written; replace it with the misconception it reveals")
        if feedback and not answer["correct"]:
            choice["feedback"] = feedback
        choices.append(choice)
    if not right:
        raise _Skip("no answer is marked correct")
    if kind == "multiple_choice" and len(right) > 1:
        raise _Skip(f"{len(right)} answers are marked correct, and jupyterquiz accepts any one of them; "
                    "a single-choice question has one right answer")
    if kind == "many_choice" and len(right) == len(choices):
        raise _Skip("every answer is correct, so ticking everything would score full marks")
    explained = [fb for _, _, fb in right if fb]
    if explained:
        explanation = " ".join(explained)
    else:
        names = "; ".join(text for _, text, _ in right)
        explanation = f"The right answer{'s are' if len(right) > 1 else ' is'}: {names}."
        notes.append("no explanation in the file: the explanation only names the right answer; say why it is right")
    question = {"type": "single" if kind == "multiple_choice" else "multiple", "prompt": _prompt(raw),
                "choices": choices}
    question["answer"] = right[0][0] if kind == "multiple_choice" else [cid for cid, _, _ in right]
    question["explanation"] = explanation
    return question


def _numeric(raw: dict, notes: list[str]) -> dict:
    answers = raw.get("answers")
    if not isinstance(answers, list) or not answers:
        raise _Skip("it has no answers")
    precision = raw.get("precision")
    if precision is not None and (isinstance(precision, bool) or not isinstance(precision, int) or precision < 1):
        raise _Skip(f"precision {precision!r} is not a whole number of digits")
    correct, wrong, default = [], [], ""
    for i, answer in enumerate(answers):
        if not isinstance(answer, dict):
            raise _Skip(f"answer {i + 1} is not an object")
        if answer.get("type") == "default" or ("value" not in answer and "range" not in answer):
            default = _meaningful(answer.get("feedback")) or default
            continue
        if "value" in answer:
            value = _number(answer["value"])
            if value is None:
                raise _Skip(f"answer {i + 1}: value {answer['value']!r} is not a number")
            span = (value, value)
        else:
            bounds = answer["range"]
            if (not isinstance(bounds, list) or len(bounds) != 2 or None in map(_number, bounds)
                    or _number(bounds[0]) > _number(bounds[1])):
                raise _Skip(f"answer {i + 1}: range {bounds!r} is not [low, high]")
            span = (_number(bounds[0]), _number(bounds[1]))
        (correct if answer.get("correct") is True else wrong).append((span, "value" in answer,
                                                                      _meaningful(answer.get("feedback"))))
    if not correct:
        raise _Skip("no answer is marked correct")
    (low, high), is_value, right_feedback = correct[0]
    if is_value:
        answer = low
        tolerance = _sig_tolerance(low, precision) if precision else 0.0
        if precision:
            notes.append(f"precision {precision} read as {precision} significant digits (jupyterquiz 2.7 and later; "
                         f"earlier versions meant decimal places): tolerance ±{_tidy(tolerance)}")
    else:
        answer, tolerance = (low + high) / 2, (high - low) / 2
        notes.append(f"the range [{_tidy(low)}, {_tidy(high)}) became {_tidy(answer)} ± {_tidy(tolerance)} "
                     "(both ends included)")
    for (a, b), _, _ in correct[1:]:
        notes.append(f"another correct answer ({_tidy(a)}" + (f" to {_tidy(b)}" if b != a else "") +
                     ") was dropped: a numeric question here has one answer with a tolerance")
    feedback = {}
    for (a, b), is_val, text in wrong:
        side = "low" if b < answer - tolerance else "high" if a > answer + tolerance else None
        if not text:
            continue
        if side is None or side in feedback:
            notes.append(f"feedback for the wrong answer {_tidy(a)}" + (f" to {_tidy(b)}" if b != a else "") +
                         f" was dropped ({'it overlaps the right answer' if side is None else 'one note per side'})")
            continue
        feedback[side] = text
    for side in ("low", "high"):
        if default and side not in feedback:
            feedback[side] = default
    notes.append("the unit is empty: jupyterquiz has no units; add one if the answer has a unit")
    if right_feedback:
        explanation = right_feedback
    else:
        explanation = f"The answer is {_tidy(answer)}."
        notes.append("no explanation in the file: the explanation only gives the answer; say why it is right")
    question = {"type": "numeric", "prompt": _prompt(raw), "answer": _tidy(answer), "tolerance": _tidy(tolerance),
                "unit": ""}
    if feedback:
        question["feedback"] = feedback
    question["explanation"] = explanation
    return question


class _Dumper(yaml.SafeDumper):
    pass


def _represent_text(dumper, text):
    style = "|" if "\n" in text and not any(line != line.rstrip() for line in text.split("\n")) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_text)


def dump_bank(lesson: str, questions: list[dict], source_name: str = "") -> str:
    header = (f"# Converted from {source_name} by `groundup import-jupyterquiz`.\n"
              "# Review the feedback notes, explanations and sources before using it in a course.\n")
    body = yaml.dump({"lesson": lesson, "questions": questions}, Dumper=_Dumper, sort_keys=False,
                     allow_unicode=True, width=100, default_flow_style=False)
    return header + body


def convert_file(path, *, lesson: str | None, section: str | None, prefix: str | None, citation: str | None) -> Conversion:
    """Read a jupyterquiz JSON file and convert it; clear errors for a bad file or lesson."""
    from groundup.quiz.bank import ID
    from groundup.resources import lessons, slugify

    path = Path(path)
    known = {item.key: item for item in lessons()}
    if not lesson:
        raise GroundUpError(f"name the lesson these questions belong to with --lesson (one of: {', '.join(known)})")
    if lesson not in known:
        raise GroundUpError(f"unknown lesson {lesson!r} (one of: {', '.join(known)})")
    sections = [s.key for s in known[lesson].sections]
    if section is None:
        if not sections:
            raise GroundUpError(f"lesson {lesson} has no numbered sections to link the questions to")
        section = sections[0]
    elif section not in sections:
        raise GroundUpError(f"lesson {lesson} has no section {section!r} (sections: {', '.join(sections)})")
    prefix = prefix or slugify(path.stem) or "imported"
    if not ID.match(prefix):
        raise GroundUpError(f"--prefix {prefix!r} must be lower-case letters, digits and hyphens")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GroundUpError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise GroundUpError(f"{path}: not UTF-8 text") from None
    except ValueError as exc:
        raise GroundUpError(f"{path}: not valid JSON ({exc})") from None
    citation = citation or f"{path.name} (a jupyterquiz question file)"
    result = convert(data, lesson=lesson, section=section, prefix=prefix, citation=citation, source_name=path.name)
    if not citation or citation.endswith("(a jupyterquiz question file)"):
        if result.questions:
            result.notes.append(f"every question's source is {citation!r}: give the original citation with --source")
    return result
