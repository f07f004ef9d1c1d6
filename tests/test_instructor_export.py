"""groundup export: golden files per format, Moodle XML parsed, the QTI zip's manifest and items, GIFT escaping.

Regenerate the golden files after an intended change with:
    GROUNDUP_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_instructor_export.py
and read the diff before committing it.
"""

from __future__ import annotations

import base64
import io
import os
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from groundup.cli import main
from groundup.figures import Figure
from groundup.instructor.export import gift, moodle_xml, qti
from groundup.quiz.bank import read_bank
from groundup.quiz.providers import register_provider, unregister_provider

DATA = Path(__file__).resolve().parent / "data" / "export"
BANK = DATA / "bank.yaml"
PNG = b"\x89PNG\r\n\x1a\nfixed-test-image"
TITLE = "Export test"


def fixed_figure(view, highlight):
    return Figure(PNG, alt=f"A fixed {view} test image", caption="")


@pytest.fixture(autouse=True)
def fixed_provider():
    register_provider("fixed", fixed_figure, allowed={"view": ("dorsal",)})
    yield
    unregister_provider("fixed")


def questions():
    bank, problems = read_bank(BANK, packaged=False)
    assert problems == []
    return list(bank.questions)


def qti_texts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def export_all(update: bool = False) -> dict[str, str]:
    """Every format's output as text, keyed by its golden file's name."""
    register_provider("fixed", fixed_figure, allowed={"view": ("dorsal",)})
    found = questions()
    outputs = {
        "expected.gift.txt": gift.export(found, title=TITLE).data.decode("utf-8"),
        "expected.moodle.xml": moodle_xml.export(found, title=TITLE).data.decode("utf-8"),
    }
    for name, text in qti_texts(qti.export(found, title=TITLE).data).items():
        short = re.sub(r"^g[0-9a-f]{32}/(g[0-9a-f]{32}\.xml|assessment_meta\.xml)$",
                       lambda m: "assessment_meta.xml" if m.group(1) == "assessment_meta.xml" else "assessment.xml", name)
        outputs["expected-qti/" + short] = text
    if update:
        for name, text in outputs.items():
            path = DATA / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return outputs


@pytest.mark.parametrize("name", ["expected.gift.txt", "expected.moodle.xml", "expected-qti/imsmanifest.xml",
                                  "expected-qti/assessment.xml", "expected-qti/assessment_meta.xml"])
def test_golden_files(name):
    outputs = export_all(update=bool(os.environ.get("GROUNDUP_UPDATE_GOLDEN")))
    assert name in outputs
    assert outputs[name] == (DATA / name).read_text(encoding="utf-8"), f"{name} changed: see the module docstring"


@pytest.mark.parametrize("char, escaped", [("~", "\\~"), ("=", "\\="), ("#", "\\#"), ("{", "\\{"), ("}", "\\}"),
                                           (":", "\\:"), ("\\", "\\\\"), ("\n", "\\n"), ("plain", "plain")])
def test_gift_escapes_each_special_character(char, escaped):
    assert gift.escape(char) == escaped


def moodle_gift_answers(block: str) -> tuple[str, list[tuple[str, str, str]]]:
    """Moodle's GIFT reading of a multiple-choice question (qformat_gift::readquestion, ported):
    the question text and (mark, answer, feedback) per answer, escapes undone."""
    pre = [("\\:", "&&058;"), ("\\#", "&&035;"), ("\\=", "&&061;"), ("\\{", "&&123;"), ("\\}", "&&125;"),
           ("\\~", "&&126;"), ("\\n", "&&010")]
    text = block.replace("\\\\", "&&092;")
    for escaped, placeholder in pre:
        text = text.replace(escaped, placeholder)
    text = text.replace("&&092;", "\\")

    def post(s):
        for (escaped, placeholder), char in zip(pre, ":#={}~\n"):
            s = s.replace(placeholder, char)
        return s.strip()

    start, finish = text.index("{"), text.index("}")
    answer_text = text[start + 1:finish]
    answer_text = answer_text[: answer_text.rfind("####")] if "####" in answer_text else answer_text
    answers = []
    for raw in answer_text.replace("=", "~=").split("~")[1:]:
        raw = raw.strip()
        mark = raw[0] if raw[0] == "=" else "~"
        body = raw[1:] if mark == "=" else raw
        answer, _, feedback = body.partition("#")
        answers.append((mark, post(answer), post(feedback)))
    return post(text[:start]), answers


def test_gift_text_survives_moodles_parser():
    found = {q.id: q for q in questions()}
    text = gift.export(list(found.values()), title=TITLE).data.decode("utf-8")
    block = next(b for b in text.split("\n\n") if "::export-single-special::" in b)
    question_text, answers = moodle_gift_answers(block.split("\n", 1)[1])
    assert question_text.startswith("::export-single-special::[html]<p>Which of these is <em>only</em> text? "
                                    "a~b = c#d {e} f:g \\ h &lt;script&gt;")
    assert [a[0] for a in answers] == ["=", "~", "~"]
    assert answers[0][1] == "Tilde ~, equals =, hash #"
    assert answers[1][1] == "Braces {like this} and a colon: here"
    assert answers[1][2] == "A backslash \\ is not a brace; neither is &lt;b&gt;bold&lt;/b&gt;."
    assert answers[2][1] == "Plain *words*, shown as typed"  # choices are plain text: no Markdown


def test_gift_multiple_fractions_and_skips():
    result = gift.export(questions(), title=TITLE)
    text = result.data.decode("utf-8")
    block = next(b for b in text.split("\n\n") if "::export-multiple-thirds::" in b)
    weights = [float(w) for w in re.findall(r"~%(-?[\d.]+)%", block)]
    assert sorted(weights) == [-33.33333] * 3 + [33.33333] * 3
    assert abs(sum(w for w in weights if w > 0) - 100) < 1e-3
    assert dict(result.skipped).keys() == {"export-label", "export-matching-two", "export-ordering-special"}
    assert "3 right-hand items" in dict(result.skipped)["export-matching-two"]
    assert "{>5 ALL VERTICAL RELATIVE_NEXT_EXCLUDE_LAST SHOW\nHeel contact\nFoot flat" in text
    assert "=%100%20:0.5#" in text and "= -> Adduction" in text
    assert len(result.exported) + len(result.skipped) == len(questions())


def test_moodle_xml_parses_and_expresses_every_type():
    result = moodle_xml.export(questions(), title=TITLE)
    root = ET.fromstring(result.data)
    assert root.tag == "quiz"
    by_name = {q.findtext("name/text"): q for q in root.findall("question") if q.get("type") != "category"}
    assert set(by_name) == set(result.exported)
    assert dict(result.skipped) == {"export-matching-two": dict(result.skipped)["export-matching-two"]}
    assert [q.findtext("category/text") for q in root.findall("question[@type='category']")] == \
        ["$course$/top/Ground Up/00-start-here"]
    single = by_name["export-single-special"]
    assert single.get("type") == "multichoice" and single.findtext("single") == "true"
    assert "<script>" not in single.findtext("questiontext/text") and "&lt;script&gt;" in single.findtext("questiontext/text")
    assert [a.get("fraction") for a in single.findall("answer")] == ["100", "0", "0"]
    multiple = by_name["export-multiple-thirds"]
    fractions = [float(a.get("fraction")) for a in multiple.findall("answer")]
    assert multiple.findtext("single") == "false"
    assert abs(sum(f for f in fractions if f > 0) - 100) < 1e-3 and all(f < 0 for f in fractions if f <= 0)
    assert sorted(fractions) == [-33.33333] * 3 + [33.33333] * 3
    tf = by_name["export-truefalse"]
    assert [(a.findtext("text"), a.get("fraction")) for a in tf.findall("answer")] == [("true", "100"), ("false", "0")]
    numeric = by_name["export-numeric"]
    assert numeric.findtext("answer/text") == "20" and numeric.findtext("answer/tolerance") == "0.5"
    assert numeric.findtext("units/unit/unit_name") == "°"
    matching = by_name["export-matching"]
    pairs = [(s.findtext("text"), s.findtext("answer/text")) for s in matching.findall("subquestion")]
    assert pairs[-1] == ("", "Adduction") and len(pairs) == 4
    ordering = by_name["export-ordering"]
    assert [a.findtext("text") for a in ordering.findall("answer")] == ["Heel contact", "Foot flat", "Midstance",
                                                                         "Heel off", "Toe off"]
    assert ordering.findtext("gradingtype") == "RELATIVE_NEXT_EXCLUDE_LAST"
    label = by_name["export-label"]
    file = label.find("questiontext/file")
    assert base64.b64decode(file.text) == PNG and f'src="@@PLUGINFILE@@/{file.get("name")}"' in label.findtext("questiontext/text")
    assert "Talus" not in label.findtext("questiontext/text")  # the image's alt text does not give the answer
    assert {qid for qid, _ in result.notes} == {"export-ordering", "export-ordering-special"}


def test_label_without_a_diagram_is_skipped_with_the_reason():
    found = questions()
    unregister_provider("fixed")
    register_provider("fixed", "groundup.no_such_module:nothing", allowed={"view": ("dorsal",)})
    result = moodle_xml.export(found, title=TITLE)
    assert "export-label" not in result.exported
    assert "its diagram cannot be drawn" in dict(result.skipped)["export-label"]


def test_qti_zip_has_its_manifest_and_one_item_per_exported_question():
    result = qti.export(questions(), title=TITLE)
    texts = qti_texts(result.data)
    assert "imsmanifest.xml" in texts
    ns = {"m": "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1", "q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}
    manifest = ET.fromstring(texts["imsmanifest.xml"])
    resource = manifest.find("m:resources/m:resource[@type='imsqti_xmlv1p2']", ns)
    href = resource.find("m:file", ns).get("href")
    assert href in texts
    for other in manifest.findall("m:resources/m:resource/m:file", ns):
        assert other.get("href") in texts
    assessment = ET.fromstring(texts[href])
    items = assessment.findall(".//q:item", ns)
    assert [i.get("title") for i in items] == result.exported
    types = {i.get("title"): i.find(".//q:qtimetadatafield[q:fieldlabel='question_type']/q:fieldentry", ns).text
             for i in items}
    assert types == {"export-single-special": "multiple_choice_question",
                     "export-multiple-thirds": "multiple_answers_question",
                     "export-truefalse": "true_false_question", "export-numeric": "numerical_question",
                     "export-matching": "matching_question", "export-matching-two": "matching_question"}
    assert set(dict(result.skipped)) == {"export-ordering", "export-ordering-special", "export-label"}
    matching = next(i for i in items if i.get("title") == "export-matching")
    assert len(matching.findall(".//q:response_lid", ns)) == 3
    assert len(matching.findall(".//q:response_lid[1]/q:render_choice/q:response_label", ns)) == 4
    numeric = next(i for i in items if i.get("title") == "export-numeric")
    assert numeric.find(".//q:vargte", ns).text == "19.5" and numeric.find(".//q:varlte", ns).text == "20.5"
    assert qti.export(questions(), title=TITLE).data == result.data  # the same banks give the same zip


def test_export_command_names_every_skipped_question(tmp_path, capsys):
    out = tmp_path / "bank.zip"
    assert main(["export", "--format", "qti", str(BANK), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"Exported 6 of 9 questions to {out} (qti)." in printed
    for qid in ("export-ordering", "export-ordering-special", "export-label"):
        assert f"  {qid}: " in printed
    assert zipfile.is_zipfile(out)


def test_export_of_the_course_banks_by_default(tmp_path, capsys):
    out = tmp_path / "course.xml"
    assert main(["export", "--format", "moodle-xml", "--out", str(out)]) == 0
    assert "Exported" in capsys.readouterr().out
    assert ET.parse(out).getroot().findall("question[@type='multichoice']")


def test_export_refuses_invalid_banks(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("lesson: 00-start-here\nquestions: []\n")
    assert main(["export", "--format", "gift", str(bad), "--out", str(tmp_path / "x.txt")]) == 2
    captured = capsys.readouterr()
    assert "bad.yaml" in captured.out and "nothing was written" in captured.err
    assert not (tmp_path / "x.txt").exists()
