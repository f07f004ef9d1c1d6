"""Moodle GIFT: a text format Moodle imports (Question bank → Import → GIFT format).

Every text is written with Moodle's escapes: ``\\`` ``~`` ``=`` ``#`` ``{`` ``}`` ``:`` get a
backslash and a line break becomes ``\\n`` (as Moodle's own GIFT exporter writes them). Prompts,
choices and feedback are HTML (``[html]``, rendered from the banks' Markdown with any HTML in
them shown as text). Per type:

single, label*   ``{=right#feedback ~wrong#feedback ####explanation}``
multiple         ``{~%50%right ~%-50%wrong ...}``: each right choice +100/rights %, each wrong one
                 -100/rights %, which is the course's partial-credit rule (Moodle stops at 0)
truefalse        ``{TRUE#feedback-if-wrong#feedback-if-right ####explanation}``
numeric          ``{#=%100%20:0.5# ~#feedback-if-wrong ####explanation}`` (answer:tolerance); the
                 unit goes into the prompt; the low and high feedback share the one wrong-answer slot
matching         ``{=left -> right ... = -> distractor}`` (needs 3 right-hand items; no "->" in a left item)
ordering         ``{>N ALL VERTICAL RELATIVE_NEXT_EXCLUDE_LAST SHOW ...}``: the syntax of Moodle's
                 ordering question type (standard from Moodle 4.4); items are read without escapes,
                 so an item or prompt with a GIFT special character cannot be written

*label: skipped, GIFT cannot carry the diagram.
"""

from __future__ import annotations

import html

from groundup.instructor.export.common import (
    CATEGORY, Export, block_html, inline_html, matching_problem, multiple_fractions, number, numeric_wrong_feedback,
    percent, plain_html, prompt_html,
)

SPECIAL = "\\~=#{}:"


def escape(text: str) -> str:
    """GIFT-escape text: a backslash before \\ ~ = # { } : and line breaks written as \\n."""
    out = []
    for char in str(text):
        if char in SPECIAL:
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char != "\r":
            out.append(char)
    return "".join(out)


def _feedback(text: str) -> str:
    return f"#{escape(inline_html(text))}" if text else ""


def _general(question) -> str:
    return f"\t####{escape(block_html(question.explanation))}\n"


def _choice_lines(question, right: set) -> list[str]:
    lines = []
    for choice in question.choices:
        mark = "=" if choice.id in right else "~"
        lines.append(f"\t{mark}{escape(plain_html(choice.text))}{_feedback(choice.feedback)}\n")
    return lines


def question_text(question, result: Export) -> str | None:
    head = f"// {question.id} ({question.lesson}, {question.section}, {question.type})\n::{escape(question.id)}::[html]"
    prompt = escape(prompt_html(question))
    kind = question.type
    if kind == "single":
        return head + prompt + "{\n" + "".join(_choice_lines(question, {question.answer})) + _general(question) + "}\n"
    if kind == "multiple":
        lines = [f"\t~%{percent(fraction)}%{escape(plain_html(question.choice(cid).text))}"
                 f"{_feedback(question.choice(cid).feedback)}\n"
                 for cid, fraction in multiple_fractions(question).items()]
        return head + prompt + "{\n" + "".join(lines) + _general(question) + "}\n"
    if kind == "truefalse":
        wrong = (question.feedback or {}).get(not question.answer, "")
        answer = "TRUE" if question.answer else "FALSE"
        feedback = f"#{escape(inline_html(wrong))}" if wrong else ""
        return head + prompt + "{" + answer + feedback + "\n" + _general(question) + "}\n"
    if kind == "numeric":
        wrong = numeric_wrong_feedback(question)
        lines = [f"\t=%100%{number(question.answer)}:{number(question.tolerance)}#\n"]
        if wrong:
            lines.append(f"\t~#{escape(block_html(wrong))}\n")
        return head + prompt + "{#\n" + "".join(lines) + _general(question) + "}\n"
    if kind == "matching":
        problem = matching_problem(question)
        if problem:
            result.skip(question, problem)
            return None
        if any("->" in p.left for p in question.pairs):
            result.skip(question, "a left-hand item contains '->', which GIFT reads as the pair separator")
            return None
        lines = [f"\t={escape(plain_html(p.left))} -> {escape(p.right)}\n" for p in question.pairs]
        lines += [f"\t= -> {escape(d)}\n" for d in question.distractors]
        if question.general_feedback:
            result.note(question, "its general feedback for a wrong attempt is not carried (GIFT has no slot for it)")
        return head + prompt + "{\n" + "".join(lines) + _general(question) + "}\n"
    if kind == "ordering":
        raw = prompt_html(question)
        if "{" in raw or "}" in raw or any(any(c in item for c in SPECIAL + "\n") for item in question.items):
            result.skip(question, "an item or the prompt holds one of \\ ~ = # { } : or a line break, which GIFT's "
                                  "ordering syntax cannot escape (use --format moodle-xml)")
            return None
        items = "".join(f"{html.escape(item, quote=False)}\n" for item in question.items)
        result.note(question, "needs Moodle's ordering question type (standard from Moodle 4.4); Moodle's partial "
                              "credit (relative to the next item) is stricter than the course's, and the explanation "
                              "is not carried (GIFT ordering has no slot for it)")
        return (head + prompt + "{>" + f"{len(question.items)} ALL VERTICAL RELATIVE_NEXT_EXCLUDE_LAST SHOW\n"
                + items + "}\n")
    if kind == "label":
        result.skip(question, "a label question needs its diagram, and GIFT cannot carry an image "
                              "(use --format moodle-xml)")
        return None
    result.skip(question, f"unknown question type {kind!r}")
    return None


def export(questions, *, title: str = CATEGORY) -> Export:
    result = Export()
    chunks = [f"// {escape(title)}\n// Exported by groundup export --format gift. Import into Moodle: Question bank → "
              "Import → GIFT format.\n\n"]
    lesson = None
    for question in questions:
        text = question_text(question, result)
        if text is None:
            continue
        if question.lesson != lesson:
            lesson = question.lesson
            chunks.append(f"$CATEGORY: $course$/top/{CATEGORY}/{lesson}\n\n")
        chunks.append(text + "\n")
        result.exported.append(question.id)
    result.data = "".join(chunks).encode("utf-8")
    return result
