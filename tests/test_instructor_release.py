"""The student release: two files, no answers under after-grading, a content hash that tracks what students see."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from groundup.cli import main
from groundup.errors import GroundUpError
from groundup.instructor import release as rel
from groundup.instructor.release import content_hash, question_from_sidecar, release
from groundup.quiz import graders
from groundup.quiz.bank import Choice
from groundup.quiz.providers import register_provider, unregister_provider
from tests.instructor_helpers import ALL_TYPES, assignment_from, write_spec

LABEL_BANK = """\
lesson: 00-start-here
questions:
  - id: private-label-talus
    section: what-this-course-is
    type: label
    prompt: Which bone is highlighted?
    figure: {provider: fake, view: dorsal, highlight: talus}
    choices:
      - id: talus
        text: Talus
      - id: calcaneus
        text: Calcaneus
        feedback: The calcaneus is the heel bone, lower down.
    answer: talus
    feedback: Look for the bone between the leg bones and the heel.
    explanation: The talus sits between the tibia and fibula above and the calcaneus below.
    source: Test
    difficulty: 1
    tags: [anatomy]
"""


@pytest.fixture
def fake_provider():
    register_provider("fake", "tests.fake_anatomy:label_figure", allowed={"view": ("dorsal", "medial")})
    yield
    unregister_provider("fake")


@pytest.fixture
def label_bank(tmp_path, fake_provider):
    folder = tmp_path / "private"
    folder.mkdir()
    (folder / "labels.yaml").write_text(LABEL_BANK)
    return folder


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _numbers(value):
    if isinstance(value, bool):
        return
    if isinstance(value, (int, float)):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _numbers(item)
    elif isinstance(value, list):
        for item in value:
            yield from _numbers(item)


def secrets(question) -> list[str]:
    """Texts an after-grading release must not hold: the explanation and every piece of feedback."""
    found = [question.explanation]
    found += [c.feedback for c in question.choices if c.feedback]
    if isinstance(question.feedback, dict):
        found += [text for text in question.feedback.values() if text]
    elif question.feedback:
        found.append(question.feedback)
    return found


def scan_release(folder: Path, assignment) -> list[str]:
    """Every way the release gives an answer away (empty when it holds none)."""
    leaks = []
    texts = {path.name: path.read_text(encoding="utf-8") for path in folder.iterdir() if path.is_file()}
    sidecar = json.loads(texts[f"{assignment.id}.assignment.json"])
    all_strings = [s for text in texts.values() for s in _strings(json.loads(text))]
    entries = {e["id"]: e for e in sidecar["questions"]}
    for question in assignment.questions:
        entry = entries[question.id]
        for secret in secrets(question):
            if any(secret in text for text in texts.values()) or any(secret in s for s in all_strings):
                leaks.append(f"{question.id}: holds {secret[:40]!r}")
        for key in ("answer", "explanation", "feedback", "choice_feedback", "pairs", "tolerance"):
            if key in entry:
                leaks.append(f"{question.id}: has a {key!r} field")
        if any(set(c) != {"id", "text"} for c in entry.get("choices", [])):
            leaks.append(f"{question.id}: a choice carries more than its id and text")
        if question.type == "numeric":
            if question.answer in list(_numbers(entry)) or any(f"{question.answer:g}" in s.split()
                                                                for s in _strings({k: v for k, v in entry.items()
                                                                                   if k != "prompt"})):
                leaks.append(f"{question.id}: holds the number {question.answer:g}")
        if question.type == "truefalse" and any(isinstance(v, bool) for v in entry.values()):
            leaks.append(f"{question.id}: holds true or false")
        if question.type == "ordering" and entry["items"] == list(question.items):
            leaks.append(f"{question.id}: items stored in the right order")
        if question.type == "matching" and entry["options"][: len(question.pairs)] == [p.right for p in question.pairs]:
            leaks.append(f"{question.id}: right-hand items stored in the pairs' order")
        if question.type in ("single", "label") and entry["choices"][0]["id"] == question.answer \
                and [c["id"] for c in entry["choices"]] == [c.id for c in question.choices]:
            leaks.append(f"{question.id}: choices stored in the bank's order (right answer first)")
        if question.type == "label":
            right = question.choice(question.answer).text
            if right.lower() in entry["figure"]["alt"].lower():
                leaks.append(f"{question.id}: the diagram's alt text names the answer")
    return leaks


SPEC_WITH_LABEL = ALL_TYPES + "  - private-label-talus\n"


def test_after_grading_release_holds_no_answer_explanation_or_feedback(tmp_path, label_bank):
    assignment = assignment_from(tmp_path, SPEC_WITH_LABEL, [label_bank])
    assert {q.type for q in assignment.questions} == set(graders.GRADERS)  # every type is scanned
    out = tmp_path / "release"
    release(assignment, out)
    assert sorted(p.name for p in out.iterdir()) == ["all-types.assignment.json", "all-types.ipynb"]
    assert scan_release(out, assignment) == []


def test_the_scan_finds_answers_in_an_immediate_release(tmp_path, label_bank):
    """The scan above can fail: on the immediate release of the same questions it finds every kind of leak."""
    assignment = assignment_from(tmp_path, SPEC_WITH_LABEL.replace("after-grading", "immediate"), [label_bank])
    out = tmp_path / "release"
    release(assignment, out)
    leaks = scan_release(out, assignment)
    for question in assignment.questions:
        assert any(leak.startswith(question.id + ": holds") for leak in leaks), question.id
        assert any(leak.startswith(question.id + ": has a") for leak in leaks), question.id


def test_immediate_release_grades_like_the_bank(tmp_path, label_bank):
    assignment = assignment_from(tmp_path, SPEC_WITH_LABEL.replace("after-grading", "immediate"), [label_bank])
    data = rel.sidecar(assignment)
    for question, entry in zip(assignment.questions, data["questions"]):
        rebuilt = question_from_sidecar(entry)
        right = graders.right_response(question)
        mine, theirs = graders.grade(rebuilt, right), graders.grade(question, right)
        assert (mine.score, sorted(mine.notes), sorted(mine.marks)) == \
            (theirs.score, sorted(theirs.notes), sorted(theirs.marks)), question.id
        wrong = {"single": lambda q: next(c.id for c in q.choices if c.id != q.answer),
                 "label": lambda q: next(c.id for c in q.choices if c.id != q.answer),
                 "multiple": lambda q: [c.id for c in q.choices],
                 "truefalse": lambda q: not q.answer,
                 "numeric": lambda q: q.answer + q.tolerance + 1,
                 "matching": lambda q: {p.left: q.right_options[-1] for p in q.pairs},
                 "ordering": lambda q: list(reversed(q.items))}[question.type](question)
        mine, theirs = graders.grade(rebuilt, wrong), graders.grade(question, wrong)
        assert (mine.score, sorted(mine.notes), sorted(mine.marks)) == \
            (theirs.score, sorted(theirs.notes), sorted(theirs.marks)), question.id  # notes follow display order


def test_label_release_embeds_the_diagram_or_refuses(tmp_path, label_bank):
    assignment = assignment_from(tmp_path, "id: lab\ntitle: L\nfeedback: after-grading\n"
                                           "questions: [private-label-talus]\n", [label_bank])
    entry = rel.sidecar(assignment)["questions"][0]
    assert entry["figure"]["png"] and entry["figure"]["alt"].startswith("Diagram (view dorsal)")
    unregister_provider("fake")
    register_provider("fake", "groundup.no_such_module:label_figure")
    with pytest.raises(GroundUpError, match="private-label-talus"):
        rel.sidecar(assignment)


def test_content_hash_tracks_what_students_answer_only(tmp_path):
    assignment = assignment_from(tmp_path)
    questions = list(assignment.questions)
    base = content_hash("all-types", questions)
    assert base == assignment.hash == content_hash("all-types", list(questions))
    first = questions[0]
    fixed_key = replace(first, explanation="Corrected.", answer=first.choices[1].id,
                        choices=tuple(replace(c, feedback="new") for c in first.choices))
    assert content_hash("all-types", [fixed_key] + questions[1:]) == base  # answer-key fixes keep submissions
    reordered = replace(first, choices=tuple(reversed(first.choices)))
    assert content_hash("all-types", [reordered] + questions[1:]) == base  # display order does not matter
    for changed in (replace(first, prompt=first.prompt + "?"),
                    replace(first, choices=first.choices[:-1] + (Choice(first.choices[-1].id, "Other text"),))):
        assert content_hash("all-types", [changed] + questions[1:]) != base
    assert content_hash("other-id", questions) != base
    assert content_hash("all-types", questions[1:]) != base


def test_notebook_is_one_markdown_cell_and_one_line_of_code(tmp_path):
    assignment = assignment_from(tmp_path)
    out = tmp_path / "release"
    result = release(assignment, out)
    notebook = json.loads(result.notebook.read_text())
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"
    kinds = [c["cell_type"] for c in notebook["cells"]]
    assert kinds == ["markdown", "code"]
    assert notebook["cells"][1]["source"] == 'import groundup as gu\ngu.assignment("all-types")'
    intro = notebook["cells"][0]["source"]
    assert intro.startswith("# All types: &lt;b&gt;check&lt;/b&gt;") and "<b>" not in intro
    assert "Due: 1 December 2026, 17:00 (UTC)" in intro and "Submit" in intro


def test_release_refuses_to_replace_different_files_unless_forced(tmp_path):
    out = tmp_path / "release"
    first = assignment_from(tmp_path)
    assert len(release(first, out).written) == 2
    assert release(first, out).written == ()  # the same release again: nothing rewritten
    changed = assignment_from(tmp_path, ALL_TYPES.replace("All types", "All the types"))
    with pytest.raises(GroundUpError, match="--force"):
        release(changed, out)
    assert "All types" in (out / "all-types.ipynb").read_text()
    assert len(release(changed, out, force=True).written) == 2
    assert "All the types" in (out / "all-types.ipynb").read_text()
    (tmp_path / "file").write_text("x")
    with pytest.raises(GroundUpError, match="is a file"):
        release(first, tmp_path / "file")


def test_assign_command_says_what_to_hand_out(tmp_path, capsys):
    spec = write_spec(tmp_path)
    assert main(["assign", str(spec), "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "all-types.ipynb" in out and "all-types.assignment.json" in out
    assert "all-types.<student-id>.submission.json" in out and "groundup grade" in out
    assert "The release holds no answers" in out and "sha256:" in out
    assert oct((tmp_path / "out" / "all-types.ipynb").stat().st_mode & 0o444) == oct(0o444)


def test_help_lists_the_instructor_commands_and_import_stays_light():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "groundup", "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    for name in ("assign", "grade", "export"):
        assert f"    {name} " in result.stdout or f"    {name}\n" in result.stdout, result.stdout
    code = ("import sys, groundup; print(sorted(m for m in sys.modules if m.startswith('groundup.instructor') "
            "or m in ('ipywidgets', 'matplotlib')))")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "[]"
    import groundup

    assert groundup.assignment is __import__("groundup.instructor.student_view", fromlist=["x"]).assignment


def test_the_diagrams_own_alt_text_is_kept_unless_it_names_the_answer(tmp_path, label_bank):
    from groundup.figures import Figure

    question = assignment_from(tmp_path, "id: lab\ntitle: L\nfeedback: after-grading\n"
                                         "questions: [private-label-talus]\n", [label_bank]).questions[0]
    rich = Figure(b"png", "Foot seen from above; one bone is marked. Which bone is it?")
    assert rel.label_alt(question, rich) == rich.alt
    for naming in ("The talus is marked.", "TALUS marked", "Marked: Talus."):
        assert rel.label_alt(question, Figure(b"png", naming)).startswith("Diagram (view dorsal)")
    assert rel.label_alt(question, Figure(b"png", "The metatalus-like shape")) == "The metatalus-like shape"


def test_release_choice_ids_do_not_name_the_answer(tmp_path):
    """Bank ids say what a choice means ('refer', 'talus'); a release numbers them c1, c2, ... instead."""
    from groundup.quiz import bank

    ids = [q.id for q in bank.lesson_questions(["01-the-ankle", "05-assessment-and-the-symptom-checker"])
           if q.type in ("single", "multiple", "label")]
    spec = "id: leak\ntitle: L\nfeedback: after-grading\nquestions:\n" + "".join(f"  - {i}\n" for i in ids)
    assignment = assignment_from(tmp_path, spec)
    data = rel.sidecar(assignment)
    originals = {q.id: q for q in bank.lesson_questions(["01-the-ankle", "05-assessment-and-the-symptom-checker"])}
    positions = set()
    for entry in data["questions"]:
        bank_ids = {c.id for c in originals[entry["id"]].choices}
        shown = [c["id"] for c in entry["choices"]]
        assert not bank_ids & set(shown), entry["id"]
        assert sorted(shown) == sorted(f"c{n}" for n in range(1, len(shown) + 1))
        question = next(q for q in assignment.questions if q.id == entry["id"])
        right = question.answer if isinstance(question.answer, str) else question.answer[0]
        positions.add(right)
        assert question.choice(right).text == originals[entry["id"]].choice(
            originals[entry["id"]].answer if isinstance(originals[entry["id"]].answer, str)
            else originals[entry["id"]].answer[0]).text  # the same choice, renamed
    assert len(positions) > 1, "the right answer always gets the same number"
