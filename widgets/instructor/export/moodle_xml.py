"""Moodle XML (Question bank → Import → Moodle XML format): every type the course has.

single     multichoice, single answer: the right choice 100 %, wrong ones 0 % with their feedback
multiple   multichoice, several answers: each right choice +100/rights %, each wrong one -100/rights %
           (the course's partial-credit rule; Moodle stops at 0); the positive fractions sum to 100 %
truefalse  truefalse, with the feedback for the wrong side
numeric    numerical: answer and tolerance, the unit (optional for the student, multiplier 1), and the
           low/high feedback together on a catch-all wrong answer (*)
matching   matching (a distractor is a subquestion with no text); needs 3 right-hand items
ordering   ordering (standard from Moodle 4.4): items in the right order, graded relative to the next
           item, which is stricter than the course's partial credit (noted)
label      multichoice with the diagram embedded as a PNG file in the question text (skipped, with the
           reason, when the diagram cannot be drawn)

Text is HTML rendered from the banks' Markdown (any HTML in a bank is shown as text), escaped by
the XML writer; the explanation is each question's general feedback; tags and lessons become
Moodle tags and categories.
"""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET

from groundup.errors import GroundUpError
from groundup.instructor.export.common import (
    CATEGORY, Export, block_html, draw_figure, inline_html, matching_problem, multiple_fractions, number,
    numeric_wrong_feedback, percent, plain_html, prompt_html,
)
from groundup.textsafe import escape


def _text(parent, tag: str, text: str, fmt: str | None = "html", **attrs):
    element = ET.SubElement(parent, tag, ({"format": fmt} if fmt else {}) | attrs)
    ET.SubElement(element, "text").text = text
    return element


def _answer(parent, fraction: float, text: str, feedback: str = "", fmt: str = "html"):
    answer = _text(parent, "answer", text, fmt, fraction=percent(fraction))
    _text(answer, "feedback", feedback)
    return answer


def _head(parent, question, kind: str, text: str):
    element = ET.SubElement(parent, "question", type=kind)
    ET.SubElement(ET.SubElement(element, "name"), "text").text = question.id
    questiontext = _text(element, "questiontext", text)
    _text(element, "generalfeedback", block_html(question.explanation))
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "penalty").text = "0.3333333"
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "idnumber").text = question.id
    return element, questiontext


def _combined(element):
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text(element, tag, "")


def _tags(element, question):
    if question.tags:
        tags = ET.SubElement(element, "tags")
        for tag in question.tags:
            ET.SubElement(ET.SubElement(tags, "tag"), "text").text = tag


def _multichoice(quiz, question, text, *, single: bool, fractions: dict):
    element, questiontext = _head(quiz, question, "multichoice", text)
    ET.SubElement(element, "single").text = "true" if single else "false"
    ET.SubElement(element, "shuffleanswers").text = "true"
    ET.SubElement(element, "answernumbering").text = "abc"
    ET.SubElement(element, "showstandardinstruction").text = "0"
    _combined(element)
    for choice in question.choices:
        _answer(element, fractions[choice.id], plain_html(choice.text), inline_html(choice.feedback) if choice.feedback else "")
    return element, questiontext


def add_question(quiz, question, result: Export) -> bool:
    kind = question.type
    text = prompt_html(question)
    if kind == "single":
        element, _ = _multichoice(quiz, question, text, single=True,
                                  fractions={c.id: 1.0 if c.id == question.answer else 0.0 for c in question.choices})
    elif kind == "multiple":
        element, _ = _multichoice(quiz, question, text, single=False, fractions=multiple_fractions(question))
    elif kind == "label":
        try:
            figure = draw_figure(question)
        except GroundUpError as exc:
            result.skip(question, f"its diagram cannot be drawn ({exc})")
            return False
        from groundup.instructor.release import label_alt

        name = f"{question.id}.png"
        text += f'\n<p><img src="@@PLUGINFILE@@/{name}" alt="{escape(label_alt(question, figure))}"></p>'
        element, questiontext = _multichoice(quiz, question, text, single=True,
                                             fractions={c.id: 1.0 if c.id == question.answer else 0.0
                                                        for c in question.choices})
        file = ET.SubElement(questiontext, "file", name=name, path="/", encoding="base64")
        file.text = base64.b64encode(figure.png).decode("ascii")
    elif kind == "truefalse":
        element, _ = _head(quiz, question, "truefalse", text)
        feedback = question.feedback or {}
        for side in (True, False):
            _answer(element, 1.0 if side == question.answer else 0.0, "true" if side else "false",
                    inline_html(feedback[side]) if feedback.get(side) else "", fmt="moodle_auto_format")
    elif kind == "numeric":
        element, _ = _head(quiz, question, "numerical", text)
        answer = _answer(element, 1.0, number(question.answer), "", fmt="moodle_auto_format")
        ET.SubElement(answer, "tolerance").text = number(question.tolerance)
        wrong = numeric_wrong_feedback(question)
        if wrong:
            catch_all = _answer(element, 0.0, "*", block_html(wrong), fmt="moodle_auto_format")
            ET.SubElement(catch_all, "tolerance").text = "0"
        if question.unit:
            units = ET.SubElement(element, "units")
            unit = ET.SubElement(units, "unit")
            ET.SubElement(unit, "multiplier").text = "1"
            ET.SubElement(unit, "unit_name").text = question.unit
        ET.SubElement(element, "unitgradingtype").text = "0"
        ET.SubElement(element, "unitpenalty").text = "0.1000000"
        ET.SubElement(element, "showunits").text = "3"
        ET.SubElement(element, "unitsleft").text = "0"
    elif kind == "matching":
        problem = matching_problem(question)
        if problem:
            result.skip(question, problem)
            return False
        element, _ = _head(quiz, question, "matching", text)
        ET.SubElement(element, "shuffleanswers").text = "true"
        _combined(element)
        for pair in question.pairs:
            sub = _text(element, "subquestion", plain_html(pair.left))
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = pair.right
        for distractor in question.distractors:
            sub = _text(element, "subquestion", "")
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = distractor
        if question.general_feedback:
            element.find("incorrectfeedback/text").text = block_html(question.general_feedback)
            element.find("partiallycorrectfeedback/text").text = block_html(question.general_feedback)
    elif kind == "ordering":
        element, _ = _head(quiz, question, "ordering", text)
        ET.SubElement(element, "layouttype").text = "VERTICAL"
        ET.SubElement(element, "selecttype").text = "ALL"
        ET.SubElement(element, "selectcount").text = str(len(question.items))
        ET.SubElement(element, "gradingtype").text = "RELATIVE_NEXT_EXCLUDE_LAST"
        ET.SubElement(element, "showgrading").text = "SHOW"
        ET.SubElement(element, "numberingstyle").text = "none"
        _combined(element)
        if question.general_feedback:
            element.find("incorrectfeedback/text").text = block_html(question.general_feedback)
            element.find("partiallycorrectfeedback/text").text = block_html(question.general_feedback)
        ET.SubElement(element, "shownumcorrect").text = "1"
        for position, item in enumerate(question.items, start=1):
            _text(element, "answer", plain_html(item), fraction=f"{position}.0000000")
        result.note(question, "needs Moodle's ordering question type (standard from Moodle 4.4); Moodle's partial "
                              "credit (relative to the next item) is stricter than the course's")
    else:
        result.skip(question, f"unknown question type {kind!r}")
        return False
    _tags(element, question)
    return True


def _comment(text: str) -> str:
    """Text that may stand in an XML comment (which cannot hold '--' or end with '-')."""
    while "--" in text:
        text = text.replace("--", "- -")
    return text.rstrip("-")


def export(questions, *, title: str = CATEGORY) -> Export:
    result = Export()
    quiz = ET.Element("quiz")
    quiz.append(ET.Comment(f" {_comment(title)}: exported by groundup export (Moodle XML) "))
    lesson = None
    for question in questions:
        if question.lesson != lesson:
            lesson = question.lesson
            category = ET.SubElement(quiz, "question", type="category")
            ET.SubElement(ET.SubElement(category, "category"), "text").text = f"$course$/top/{CATEGORY}/{lesson}"
            _text(category, "info", "")
        if add_question(quiz, question, result):
            result.exported.append(question.id)
    ET.indent(quiz, space="  ")
    body = ET.tostring(quiz, encoding="unicode", short_empty_elements=False)
    result.data = ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")
    return result
