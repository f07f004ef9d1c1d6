"""Canvas QTI 1.2: a zip Canvas imports (Settings → Import Course Content → QTI .zip file).

The zip holds ``imsmanifest.xml``, the assessment ``<id>/<id>.xml`` (one ``<item>`` per exported
question) and Canvas's ``<id>/assessment_meta.xml`` (the quiz's title and points). Types, as Canvas
Classic Quizzes import them:

single     multiple_choice_question
multiple   multiple_answers_question (Canvas applies its own partial credit: noted)
truefalse  true_false_question
numeric    numerical_question: exact answer with a margin (the tolerance); the unit goes into the prompt
matching   matching_question: each left item a drop-down of the right-hand items, distractors included

Skipped, with the reason: ordering (Classic Quizzes have no ordering type) and label (the diagram is
not carried into Canvas). Every question is worth 1 point. Identifiers are derived from the question
ids and no dates are written, so the same banks give the same zip.
"""

from __future__ import annotations

import hashlib
import io
import xml.etree.ElementTree as ET
import zipfile

from groundup.instructor.export.common import CATEGORY, Export, block_html, inline_html, number, plain_html, prompt_html
from groundup.instructor.export.moodle_xml import _comment

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
MANIFEST_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
CANVAS_NS = "http://canvas.instructure.com/xsd/cccv1p0"
TYPES = {"single": "multiple_choice_question", "multiple": "multiple_answers_question",
         "truefalse": "true_false_question", "numeric": "numerical_question", "matching": "matching_question"}
SKIP = {
    "ordering": "Canvas Classic Quizzes have no ordering question type (use --format moodle-xml)",
    "label": "the diagram is not carried into Canvas (use --format moodle-xml, which embeds it)",
}
ZIP_TIME = (2020, 1, 1, 0, 0, 0)


def ident(*parts) -> str:
    return "g" + hashlib.sha256(":".join(map(str, parts)).encode("utf-8")).hexdigest()[:32]


def _mattext(parent, text: str, texttype: str = "text/html"):
    material = ET.SubElement(parent, "material")
    ET.SubElement(material, "mattext", texttype=texttype).text = text
    return material


def _field(meta, label: str, entry: str) -> None:
    field = ET.SubElement(meta, "qtimetadatafield")
    ET.SubElement(field, "fieldlabel").text = label
    ET.SubElement(field, "fieldentry").text = entry


def _feedback(item, name: str, text: str) -> None:
    fb = ET.SubElement(item, "itemfeedback", ident=name)
    _mattext(ET.SubElement(fb, "flow_mat"), text)


def _condition(parent, *, continue_: str = "No"):
    condition = ET.SubElement(parent, "respcondition", attrib={"continue": continue_})
    return condition, ET.SubElement(condition, "conditionvar")


def _varequal(parent, respident: str, value: str):
    element = ET.SubElement(parent, "varequal", respident=respident)
    element.text = value
    return element


def _show(condition, name: str) -> None:
    ET.SubElement(condition, "displayfeedback", feedbacktype="Response", linkrefid=name)


def item(section, question, number_: int) -> None:
    kind = question.type
    element = ET.SubElement(section, "item", ident=ident(question.id), title=question.id)
    meta = ET.SubElement(ET.SubElement(element, "itemmetadata"), "qtimetadata")
    presentation = ET.SubElement(element, "presentation")
    _mattext(presentation, prompt_html(question))
    process = ET.SubElement(element, "resprocessing")
    outcomes = ET.SubElement(process, "outcomes")
    ET.SubElement(outcomes, "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    feedbacks: list[tuple[str, str]] = []
    answer_ids: list[str] = []
    if question.explanation:
        condition, var = _condition(process, continue_="Yes")
        ET.SubElement(var, "other")
        _show(condition, "general_fb")
        feedbacks.append(("general_fb", block_html(question.explanation)))

    if kind in ("single", "multiple", "truefalse"):
        if kind == "truefalse":
            options = [("true", "True", question.answer is True), ("false", "False", question.answer is False)]
            notes = {("true" if side else "false"): text for side, text in (question.feedback or {}).items()}
        else:
            right = {question.answer} if kind == "single" else set(question.answer)
            options = [(c.id, plain_html(c.text), c.id in right) for c in question.choices]
            notes = {c.id: c.feedback for c in question.choices if c.feedback}
        labels = {cid: str(1000 * number_ + i) for i, (cid, _, _) in enumerate(options, start=1)}
        answer_ids = list(labels.values())
        lid = ET.SubElement(presentation, "response_lid", ident="response1",
                            rcardinality="Multiple" if kind == "multiple" else "Single")
        choice = ET.SubElement(lid, "render_choice")
        for cid, text, _ in options:
            _mattext(ET.SubElement(choice, "response_label", ident=labels[cid]), text)
        for cid, _, _ in options:
            if notes.get(cid):
                condition, var = _condition(process, continue_="Yes")
                _varequal(var, "response1", labels[cid])
                _show(condition, f"{labels[cid]}_fb")
                feedbacks.append((f"{labels[cid]}_fb", inline_html(notes[cid])))
        condition, var = _condition(process)
        if kind == "multiple":
            both = ET.SubElement(var, "and")
            for cid, _, ok in options:
                if ok:
                    _varequal(both, "response1", labels[cid])
                else:
                    _varequal(ET.SubElement(both, "not"), "response1", labels[cid])
        else:
            _varequal(var, "response1", next(labels[cid] for cid, _, ok in options if ok))
        ET.SubElement(condition, "setvar", action="Set", varname="SCORE").text = "100"
    elif kind == "numeric":
        response = ET.SubElement(presentation, "response_str", ident="response1", rcardinality="Single")
        ET.SubElement(ET.SubElement(response, "render_fib", fibtype="Decimal"), "response_label", ident="answer1")
        condition, var = _condition(process)
        either = ET.SubElement(var, "or")
        _varequal(either, "response1", number(question.answer))
        within = ET.SubElement(either, "and")
        ET.SubElement(within, "vargte", respident="response1").text = number(question.answer - question.tolerance)
        ET.SubElement(within, "varlte", respident="response1").text = number(question.answer + question.tolerance)
        ET.SubElement(condition, "setvar", action="Set", varname="SCORE").text = "100"
        answer_ids = [str(1000 * number_ + 1)]
    elif kind == "matching":
        rights = list(question.right_options)
        labels = {right: str(1000 * number_ + 500 + i) for i, right in enumerate(rights, start=1)}
        share = number(round(100 / len(question.pairs), 2))
        for i, pair in enumerate(question.pairs, start=1):
            respident = f"response_{1000 * number_ + i}"
            answer_ids.append(str(1000 * number_ + i))
            lid = ET.SubElement(presentation, "response_lid", ident=respident)
            _mattext(lid, pair.left, texttype="text/plain")
            choice = ET.SubElement(lid, "render_choice")
            for right in rights:
                _mattext(ET.SubElement(choice, "response_label", ident=labels[right]), right)
        for i, pair in enumerate(question.pairs, start=1):
            condition, var = _condition(process)
            _varequal(var, f"response_{1000 * number_ + i}", labels[pair.right])
            ET.SubElement(condition, "setvar", varname="SCORE", action="Add").text = share
        if question.general_feedback:
            condition, var = _condition(process, continue_="Yes")
            ET.SubElement(var, "other")
            _show(condition, "general_incorrect_fb")
            feedbacks.append(("general_incorrect_fb", block_html(question.general_feedback)))
    _field(meta, "question_type", TYPES[kind])
    _field(meta, "points_possible", "1.0")
    _field(meta, "original_answer_ids", ",".join(answer_ids))
    _field(meta, "assessment_question_identifierref", ident("ref", question.id))
    for name, text in feedbacks:
        _feedback(element, name, text)


def assessment_xml(questions, title: str, assessment_id: str) -> str:
    root = ET.Element("questestinterop", xmlns=QTI_NS)
    assessment = ET.SubElement(root, "assessment", ident=assessment_id, title=title)
    meta = ET.SubElement(assessment, "qtimetadata")
    _field(meta, "cc_maxattempts", "1")
    section = ET.SubElement(assessment, "section", ident="root_section")
    for number_, question in enumerate(questions, start=1):
        item(section, question, number_)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode", short_empty_elements=False) + "\n"


def meta_xml(title: str, assessment_id: str, points: int) -> str:
    root = ET.Element("quiz", identifier=assessment_id, xmlns=CANVAS_NS)
    ET.SubElement(root, "title").text = title
    ET.SubElement(root, "description").text = ""
    ET.SubElement(root, "shuffle_answers").text = "true"
    ET.SubElement(root, "scoring_policy").text = "keep_highest"
    ET.SubElement(root, "quiz_type").text = "assignment"
    ET.SubElement(root, "points_possible").text = f"{points:.1f}"
    ET.SubElement(root, "allowed_attempts").text = "1"
    ET.SubElement(root, "available").text = "false"
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode", short_empty_elements=False) + "\n"


def manifest_xml(assessment_id: str, title: str) -> str:
    root = ET.Element("manifest", identifier=ident("manifest", assessment_id), xmlns=MANIFEST_NS)
    metadata = ET.SubElement(root, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Content"
    ET.SubElement(metadata, "schemaversion").text = "1.1.3"
    ET.SubElement(root, "organizations")
    resources = ET.SubElement(root, "resources")
    dependency = ident("dependency", assessment_id)
    resource = ET.SubElement(resources, "resource", identifier=assessment_id, type="imsqti_xmlv1p2")
    ET.SubElement(resource, "file", href=f"{assessment_id}/{assessment_id}.xml")
    ET.SubElement(resource, "dependency", identifierref=dependency)
    meta = ET.SubElement(resources, "resource", identifier=dependency,
                         type="associatedcontent/imscc_xmlv1p1/learning-application-resource",
                         href=f"{assessment_id}/assessment_meta.xml")
    ET.SubElement(meta, "file", href=f"{assessment_id}/assessment_meta.xml")
    root.insert(0, ET.Comment(f" {_comment(title)} "))
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode", short_empty_elements=False) + "\n"


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, text.encode("utf-8") if text is not None else b"")
    return buffer.getvalue()


def export(questions, *, title: str = CATEGORY) -> Export:
    result = Export()
    chosen = []
    for question in questions:
        if question.type in SKIP:
            result.skip(question, SKIP[question.type])
        elif question.type not in TYPES:
            result.skip(question, f"unknown question type {question.type!r}")
        else:
            chosen.append(question)
            result.exported.append(question.id)
            if question.type == "multiple":
                result.note(question, "Canvas applies its own partial credit to multiple-answer questions, which "
                                      "may differ from the course's rule")
    assessment_id = ident("assessment", title, *result.exported)
    files = {
        "imsmanifest.xml": manifest_xml(assessment_id, title),
        f"{assessment_id}/{assessment_id}.xml": assessment_xml(chosen, title, assessment_id),
        f"{assessment_id}/assessment_meta.xml": meta_xml(title, assessment_id, len(chosen)),
    }
    result.data = _zip(files)
    return result
