"""What the export formats share: the result, the command, and course text turned into LMS text."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from groundup.errors import GroundUpError
from groundup.textsafe import escape, inline_markdown, markdown_to_html

FORMATS = {
    "gift": "groundup.instructor.export.gift:export",
    "moodle-xml": "groundup.instructor.export.moodle_xml:export",
    "qti": "groundup.instructor.export.qti:export",
}
CATEGORY = "Ground Up"


@dataclass
class Export:
    data: bytes = b""
    exported: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (question id, why it cannot be expressed)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (question id, how the LMS grades it differently)

    def skip(self, question, reason: str) -> None:
        self.skipped.append((question.id, reason))

    def note(self, question, text: str) -> None:
        self.notes.append((question.id, text))


def number(x: float) -> str:
    """A number as LMS files write it: 20, 2.5, 0.1 (no exponent, no trailing zeros)."""
    text = f"{x:.10f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def percent(fraction: float) -> str:
    """A grade fraction as Moodle writes percentages: 100, 50, 33.33333, -33.33333."""
    return number(round(100 * fraction, 5))


def prompt_html(question) -> str:
    """The prompt as HTML (Markdown rendered, any HTML in it shown as text), with the unit of a numeric answer."""
    text = markdown_to_html(question.prompt)
    if question.type == "numeric" and question.unit:
        text += f"\n<p>Give your answer in {escape(question.unit)}.</p>"
    return text


def inline_html(text: str) -> str:
    """One line of Markdown (feedback) as HTML."""
    return inline_markdown(text)


def plain_html(text: str) -> str:
    """Plain text (choices, items: the banks show them as typed) as HTML."""
    return escape(text)


def block_html(text: str) -> str:
    return markdown_to_html(text) if text else ""


def numeric_wrong_feedback(question) -> str:
    feedback = question.feedback or {}
    parts = []
    if feedback.get("low"):
        parts.append(f"If your answer was too low: {feedback['low']}")
    if feedback.get("high"):
        parts.append(f"If your answer was too high: {feedback['high']}")
    return "\n\n".join(parts)


def multiple_fractions(question) -> dict:
    """Moodle multiple-response grades that reproduce the course's rule max(0, (right - wrong) / rights):
    each right choice +1/rights, each wrong choice -1/rights (Moodle clamps a negative total at 0)."""
    rights = len(question.answer)
    return {c.id: (1 / rights if c.id in question.answer else -1 / rights) for c in question.choices}


def matching_problem(question) -> str:
    """Why Moodle cannot take a matching question ('' if it can): it needs at least 3 right-hand items."""
    if len(question.right_options) < 3:
        return ("Moodle's matching questions need at least 3 right-hand items (2 pairs and a distractor, or 3 pairs); "
                "this one has " + str(len(question.right_options)))
    return ""


def draw_figure(question):
    """The label question's diagram (a groundup.figures.Figure); GroundUpError saying why not."""
    from groundup.quiz.providers import draw

    return draw(question.figure)


def load_banks(paths) -> list:
    """The questions of the named banks (default: the course's), in bank order; exits on invalid banks."""
    from groundup.quiz.bank import check_banks
    from groundup.quiz.commands import bank_files

    files = bank_files(paths)
    if not files:
        raise GroundUpError("no question banks found")
    banks, problems = check_banks(files, against_packaged=False)
    if problems:
        for problem in problems:
            print(problem)
        raise GroundUpError(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in the banks: fix them "
                            "(groundup validate) before exporting; nothing was written")
    return [q for b in banks for q in b.questions]


def export_command(args) -> int:
    from importlib import import_module

    from groundup.workspace import atomic_write_bytes

    questions = load_banks(args.banks)
    module_name, _, function = FORMATS[args.format].partition(":")
    title = args.title or f"{CATEGORY}: " + ", ".join(dict.fromkeys(q.lesson for q in questions))
    result: Export = getattr(import_module(module_name), function)(questions, title=title)
    out = Path(args.out).expanduser()
    if not result.exported:
        for qid, reason in result.skipped:
            print(f"skipped {qid}: {reason}")
        raise GroundUpError(f"no question can be expressed in {args.format}, so {out} was not written")
    try:
        atomic_write_bytes(out, result.data)
    except OSError as exc:
        raise GroundUpError(f"cannot write {out}: {exc.strerror or exc}") from None
    print(f"Exported {len(result.exported)} of {len(questions)} question{'s' if len(questions) != 1 else ''} "
          f"to {out} ({args.format}).")
    if result.skipped:
        print(f"Skipped {len(result.skipped)} (the format cannot express them):")
        for qid, reason in result.skipped:
            print(f"  {qid}: {reason}")
    if result.notes:
        print("Notes:")
        for qid, text in result.notes:
            print(f"  {qid}: {text}")
    sys.stdout.flush()
    return 0
