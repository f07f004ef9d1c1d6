"""Lessons 1 and 2 meet the course's lesson requirements: every numbered section has its own quiz cell,
backed by questions in the lesson's bank; each bank is big and varied enough; every technique section
has all its parts; the references are numbered and every citation in the text points to one."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from groundup.resources import read_lesson
from tests import lesson_rules as rules

REPO = Path(__file__).resolve().parents[1]
LESSONS = ["01-the-ankle", "02-tarsal-movement"]
EXPECTED_TECHNIQUES = {"01-the-ankle": 3, "02-tarsal-movement": 1}
TECHNIQUE_PARTS = ["client position", "hand placement", "direction and amount", "rhythm", "what to feel for",
                   "body mechanics", "when to stop", "not for this client"]


def _bank(key):
    return yaml.safe_load((REPO / "assets" / "questions" / f"{key}.yaml").read_text(encoding="utf-8"))


def _section_cells(nb):
    """(heading text, [cells]) for every numbered section."""
    sections, current = [], None
    for cell in nb["cells"]:
        text = rules.source(cell)
        heading = re.match(r"^##\s+(\d+\.\s+.+?)\s*$", text.splitlines()[0]) if text.strip() else None
        if cell["cell_type"] == "markdown" and text.startswith("## "):
            current = (heading.group(1), [cell]) if heading else None
            if current:
                sections.append(current)
            continue
        if current:
            current[1].append(cell)
    return sections


def _quiz_calls(cells):
    calls = []
    for cell in cells:
        if cell["cell_type"] != "code":
            continue
        for node in ast.walk(ast.parse(rules.source(cell))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "Quiz":
                args = [a.value for a in node.args]
                kwargs = {k.arg: k.value.value for k in node.keywords}
                calls.append((args, kwargs))
    return calls


@pytest.mark.parametrize("key", LESSONS)
def test_every_section_has_its_own_quiz_backed_by_the_bank(key):
    path = REPO / "lessons" / f"{key}.ipynb"
    lesson = read_lesson(path)
    nb = rules.load(path)
    questions = _bank(key)["questions"]
    by_section = {}
    for q in questions:
        by_section.setdefault(q["section"], []).append(q["id"])
    sections = _section_cells(nb)
    assert len(sections) == len(lesson.sections) >= 3
    for (title, cells), section in zip(sections, lesson.sections):
        calls = _quiz_calls(cells)
        assert calls == [([key], {"section": section.key})], f"{title}: expected one gu.Quiz for its own section"
        assert by_section.get(section.key), f"{title}: no question in the bank for section {section.key!r}"
    assert set(by_section) <= {s.key for s in lesson.sections}


@pytest.mark.parametrize("key", LESSONS)
def test_bank_is_big_and_varied(key):
    bank = _bank(key)
    assert bank["lesson"] == key
    questions = bank["questions"]
    types = {q["type"] for q in questions}
    assert len(questions) >= 12
    assert len(types) >= 4
    assert types & {"matching", "ordering"}
    labels = [q for q in questions if q["type"] == "label"]
    assert labels and all(q["figure"]["provider"] == "anatomy" and q["figure"]["view"] in ("dorsal", "medial")
                          for q in labels)
    prefix = {"01-the-ankle": "ankle-", "02-tarsal-movement": "tarsal-"}[key]
    assert all(q["id"].startswith(prefix) for q in questions)
    assert all(q["source"].strip() for q in questions)


@pytest.mark.parametrize("key", LESSONS)
def test_technique_sections_have_every_part(key):
    nb = rules.load(REPO / "lessons" / f"{key}.ipynb")
    techniques = [(title, cells) for title, cells in _section_cells(nb) if "Technique" in title]
    assert techniques
    for title, cells in techniques:
        text = "\n".join(rules.source(c) for c in cells if c["cell_type"] == "markdown").lower()
        tables = re.findall(r"\| part \| what to do \|\n\|---\|---\|\n((?:\|.*\|\n?)+)", text)
        assert tables, f"{title}: no technique table"
        complete = 0
        for table in tables:
            rows = [line.split("|")[1].strip(" *") for line in table.strip().splitlines()]
            if len(rows) < 5:  # a shared set-up table, not a technique
                continue
            for part in TECHNIQUE_PARTS:
                assert any(part in row for row in rows), f"{title}: a technique table lacks {part!r}"
            complete += 1
        assert complete >= EXPECTED_TECHNIQUES[key]
        assert "refer" in text and "resistance" in text and "thrust" in text


@pytest.mark.parametrize("key", LESSONS)
def test_every_citation_points_to_a_numbered_reference(key):
    nb = rules.load(REPO / "lessons" / f"{key}.ipynb")
    text = "\n".join(rules.source(c) for c in nb["cells"] if c["cell_type"] == "markdown")
    body, _, refs = text.partition("## References")
    refs = refs.partition("## Further reading")[0]
    listed = [int(n) for n in re.findall(r"^(\d+)\.\s+\S", refs, re.M)]
    assert listed == list(range(1, len(listed) + 1))
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", body)}
    assert cited == set(listed), f"uncited references {set(listed) - cited}, unknown {cited - set(listed)}"
