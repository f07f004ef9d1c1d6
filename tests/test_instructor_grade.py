"""groundup grade: bad files listed and never fatal, inputs untouched, same outputs twice, item analysis, escaping."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from pathlib import Path

import pytest

from groundup.cli import main
from groundup.instructor import grade as gr
from groundup.instructor import submission as sub
from groundup.instructor.release import release
from tests.instructor_helpers import (
    ALL_TYPES, LATE, T0, assignment_from, right_responses, submission_dict, write_spec, write_submission,
)


def wrong_responses(assignment) -> dict:
    found = {}
    for q in assignment.questions:
        found[q.id] = {
            "single": lambda q: next(c.id for c in q.choices if c.id != q.answer),
            "multiple": lambda q: [c.id for c in q.choices if c.id not in q.answer],
            "truefalse": lambda q: not q.answer,
            "numeric": lambda q: q.answer + q.tolerance + 5,
            "matching": lambda q: {p.left: q.pairs[(i + 1) % len(q.pairs)].right for i, p in enumerate(q.pairs)},
            "ordering": lambda q: list(reversed(q.items)),
        }[q.type](q)
    return found


def digest(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


@pytest.fixture
def classroom(tmp_path):
    """Four good submissions, and sixteen files that cannot be graded, in one folder."""
    assignment = assignment_from(tmp_path)
    spec = tmp_path / "spec.yaml"
    folder = tmp_path / "handed-in"
    folder.mkdir()
    right, wrong = right_responses(assignment), wrong_responses(assignment)
    ids = [q.id for q in assignment.questions]
    half = {qid: (right if i % 2 == 0 else wrong)[qid] for i, qid in enumerate(ids)}
    good = {
        "S1": write_submission(folder, submission_dict(assignment, "S1", "Ada", right, at=T0)),
        "S2": write_submission(folder, submission_dict(assignment, "S2", "Bo", half, at=T0)),
        "S3": write_submission(folder, submission_dict(assignment, "S3", "Cy", wrong, at=LATE)),
        "S4": write_submission(folder, submission_dict(assignment, "S4", "Di", {ids[0]: right[ids[0]]}, at=T0,
                                                       submitted=False)),
    }
    s1 = submission_dict(assignment, "S1", "Ada", right, at=T0)
    other = submission_dict(assignment, "S9", "Eve", right)
    bad = {
        "not-json.json": (b"{this is not json", "not JSON"),
        "empty.json": (b"", "the file is empty"),
        "photo.json": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "not a text file"),
        "a-list.json": (b"[1, 2, 3]", "JSON, but a list"),
        "notebook.json": (json.dumps({"cells": [], "metadata": {}, "nbformat": 4}).encode(), "a notebook"),
        "other-assignment.json": (json.dumps(dict(other, assignment={"id": "week-9", "hash": assignment.hash})).encode(),
                                  "made for another assignment ('week-9'"),
        "old-version.json": (json.dumps(dict(other, assignment={"id": assignment.id, "hash": "sha256:" + "0" * 64}))
                             .encode(), "made for another version of this assignment"),
        "path-id.json": (json.dumps(dict(other, student={"id": "../../etc/passwd", "name": "Mallory"})).encode(),
                         "student ID '../../etc/passwd' cannot be used"),
        "bad-choice.json": (json.dumps(submission_dict(assignment, "S10", "Fay", {ids[0]: "no-such-choice"})).encode(),
                            f"the answer to {ids[0]} does not fit: 'no-such-choice' is not one of its choices"),
        "unknown-question.json": (json.dumps(submission_dict(assignment, "S11", "Gus", {"not-in-it": "x"})).encode(),
                                  "answers question 'not-in-it', which this assignment does not have"),
        "number-as-text.json": (json.dumps(submission_dict(assignment, "S12", "Hal", {ids[4]: "twenty"})).encode(),
                                f"the answer to {ids[4]} does not fit: takes a number"),
        "bad-time.json": (json.dumps(dict(other, submitted_at="last Tuesday")).encode(), "'submitted_at' must be a time"),
        "future.json": (json.dumps(dict(other, version=7)).encode(), "made by a newer version of Ground Up"),
        "huge.json": (b"[" + b"1," * (sub.MAX_BYTES // 2) + b"1]", "too large to be a submission"),
        "all-types.S1.early.json": (json.dumps(dict(s1, submitted_at=sub.stamp(T0 - 3600), saved_at=sub.stamp(T0 - 3600)))
                                    .encode(), "a second submission for student S1"),
        "copy-of-S2.json": (good["S2"].read_bytes(), "the same submission as"),
    }
    for name, (data, _) in bad.items():
        write_submission(folder, data, name)
    return assignment, spec, folder, good, bad


def test_bad_files_are_listed_good_ones_graded_and_no_input_changes(classroom, tmp_path, capsys):
    assignment, spec, folder, good, bad = classroom
    assert len(bad) >= 10
    before = digest(folder)
    out = tmp_path / "grades"
    assert main(["grade", str(spec), str(folder), "--out", str(out)]) == 1  # 1: some files could not be graded
    assert digest(folder) == before  # every input byte unchanged, no file added or removed
    printed = capsys.readouterr().out
    problems = (out / "problems.txt").read_text()
    assert problems.startswith(f"{len(bad)} of {len(bad) + len(good)} files could not be graded:")
    for name, (_, reason) in bad.items():
        line = next((l for l in problems.splitlines() if Path(l.split(": ")[0]).name == name), None)
        assert line is not None, f"{name} is not listed"
        assert reason in line, (name, line)
        assert name in printed
    not_graded = problems.split("Graded, with a note:")[0]
    for path in good.values():  # graded ones are not listed as problems
        assert not any(l.startswith(str(path) + ":") for l in not_graded.splitlines())
    rows = read_csv(out / "gradebook.csv")
    assert [r[0] for r in rows[1:]] == ["S1", "S2", "S3", "S4"]
    assert "never submitted" in problems  # S4 is graded, with a note


def test_gradebook_matches_the_answers(classroom, tmp_path):
    assignment, spec, folder, good, _ = classroom
    out = tmp_path / "grades"
    main(["grade", str(spec), *map(str, good.values()), "--out", str(out)])
    rows = read_csv(out / "gradebook.csv")
    ids = [q.id for q in assignment.questions]
    assert rows[0] == ["Student ID", "Name", *ids, "Total", "Max", "Percent", "Late", "Submitted at"]
    by_id = {r[0]: dict(zip(rows[0], r)) for r in rows[1:]}
    assert [by_id["S1"][q] for q in ids] == ["1"] * 6 and by_id["S1"]["Total"] == "6" and by_id["S1"]["Percent"] == "100"
    assert by_id["S1"]["Late"] == "no" and by_id["S1"]["Submitted at"] == sub.stamp(T0)
    assert [by_id["S3"][q] for q in ids] == ["0"] * 6 and by_id["S3"]["Late"] == "yes"
    half = [by_id["S2"][q] for q in ids]
    assert half[0::2] == ["1", "1", "1"] and by_id["S2"]["Total"] == str(3 + sum(float(x) for x in half[1::2])).rstrip("0").rstrip(".")
    assert by_id["S4"]["Submitted at"] == "" and by_id["S4"]["Total"] == "1"
    canvas = read_csv(out / "gradebook-canvas.csv")
    assert canvas[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "All types: <b>check</b>"]
    assert canvas[1] == ["Points Possible", "", "", "", "", "6"]
    assert ["Ada", "", "S1", "S1", "", "6"] in canvas


def test_a_second_run_writes_byte_identical_outputs(classroom, tmp_path):
    _, spec, folder, _, _ = classroom
    out = tmp_path / "grades"
    main(["grade", str(spec), str(folder), "--out", str(out)])
    first = digest(out)
    assert {"gradebook.csv", "gradebook-canvas.csv", "items.csv", "report.html", "problems.txt",
            "feedback/S1.md", "feedback/S4.md"} <= set(first)
    main(["grade", str(spec), str(folder), "--out", str(out)])
    assert digest(out) == first
    (out / "feedback" / "S999.md").write_text("a student no longer graded")
    main(["grade", str(spec), str(folder), "--out", str(out)])
    assert digest(out) == first  # stale feedback is removed


def test_duplicates_the_submitted_and_latest_submission_counts(tmp_path):
    assignment = assignment_from(tmp_path)
    right, wrong = right_responses(assignment), wrong_responses(assignment)
    folder = tmp_path / "in"
    folder.mkdir()
    late_draft = write_submission(folder, submission_dict(assignment, "S1", "Ada", right, at=LATE, submitted=False),
                                  "draft.json")
    submitted = write_submission(folder, submission_dict(assignment, "S1", "Ada", wrong, at=T0), "final.json")
    outcome = gr.grade_files(assignment, [late_draft, submitted])
    shown_draft, shown_final = gr.display_names([late_draft, submitted])
    assert [g.display for g in outcome.graded] == [shown_final]
    assert outcome.problems == [(shown_draft, f"a second submission for student S1; {shown_final} was graded "
                                              "instead (submitted later)")]


def test_partial_answers_are_graded_not_refused(tmp_path):
    assignment = assignment_from(tmp_path)
    questions = {q.type: q for q in assignment.questions}
    ordering, matching = questions["ordering"], questions["matching"]
    responses = {ordering.id: [ordering.items[0], None, None, None, ordering.items[0]],
                 matching.id: {matching.pairs[0].left: matching.pairs[0].right, matching.pairs[1].left: None}}
    path = write_submission(tmp_path, submission_dict(assignment, "S1", "Ada", responses))
    outcome = gr.grade_files(assignment, [path])
    assert outcome.problems == []
    grades = dict(zip((q.id for q in assignment.questions), outcome.graded[0].grades))
    assert grades[ordering.id].score == 0 and gr.INCOMPLETE_ORDER in grades[ordering.id].notes
    assert grades[matching.id].score == pytest.approx(1 / len(matching.pairs))


def test_item_statistics_difficulty_and_point_biserial(tmp_path):
    assignment = assignment_from(tmp_path, "id: s\ntitle: S\nfeedback: after-grading\nquestions:\n"
                                           "  - start-references-block\n  - start-restart-keeps-answers\n"
                                           "  - start-run-a-cell\n")
    single, tf, run = assignment.questions
    # Rows: (right on q1?, right on q2?, right on q3?) for six students.
    pattern = [(1, 1, 1), (1, 1, 0), (1, 0, 1), (0, 1, 0), (0, 0, 0), (1, 1, 1)]
    paths = []
    single_wrong = next(c.id for c in single.choices if c.id != single.answer)
    run_wrong = [c.id for c in run.choices if c.id != run.answer]
    for n, row in enumerate(pattern):
        responses = {
            single.id: single.answer if row[0] else single_wrong,
            tf.id: tf.answer if row[1] else (not tf.answer),
            run.id: run.answer if row[2] else run_wrong[n % 2],
        }
        paths.append(write_submission(tmp_path, submission_dict(assignment, f"S{n}", f"N{n}", responses)))
    stats = gr.item_statistics(gr.grade_files(assignment, paths))
    import numpy as np

    matrix = np.array(pattern, dtype=float)
    for i, item in enumerate(stats):
        assert item.difficulty == pytest.approx(matrix[:, i].mean())
        rest = matrix.sum(axis=1) - matrix[:, i]
        assert item.discrimination == pytest.approx(np.corrcoef(matrix[:, i], rest)[0, 1])
        assert item.students == 6 and item.answered == 6
    counts = {text: n for text, n in stats[0].option_counts}
    assert counts[single.choice(single.answer).text] == 4 and counts[single.choice(single_wrong).text] == 2
    assert sorted(counts.values()) == [0, 0, 2, 4] and "The Summary" in counts
    assert stats[0].wrong_answer == single.choice(single_wrong).text and stats[0].wrong_count == 2
    counts = dict(stats[2].option_counts)
    assert counts[run.choice(run_wrong[1]).text] == 2 and counts[run.choice(run_wrong[0]).text] == 1
    assert stats[2].wrong_answer == run.choice(run_wrong[1]).text


def test_discrimination_is_blank_when_everyone_scores_the_same(tmp_path):
    assignment = assignment_from(tmp_path)
    paths = [write_submission(tmp_path, submission_dict(assignment, f"S{n}", "X", right_responses(assignment)))
             for n in range(3)]
    stats = gr.item_statistics(gr.grade_files(assignment, paths))
    assert all(item.discrimination is None and item.difficulty == 1 for item in stats)
    rows = read_csv_text(gr.items_csv(stats))
    assert rows[1][rows[0].index("Discrimination")] == ""


def read_csv_text(text):
    return list(csv.reader(io.StringIO(text)))


SCRIPT_BANK = """\
lesson: 00-start-here
questions:
  - id: private-script-prompt
    section: what-this-course-is
    type: single
    prompt: "Which is safe? <script>alert('prompt')</script>"
    choices:
      - id: a
        text: "<img src=x onerror=alert('choice')>"
      - id: b
        text: Plain
        feedback: "<script>alert('feedback')</script>"
    answer: a
    explanation: "<script>alert('explanation')</script> Because."
    source: Test
    difficulty: 1
    tags: []
"""


def test_script_in_a_name_or_a_prompt_comes_out_escaped(tmp_path):
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "b.yaml").write_text(SCRIPT_BANK)
    spec = write_spec(tmp_path, "id: esc\ntitle: \"<script>alert('title')</script>\"\nfeedback: after-grading\n"
                                "questions: [private-script-prompt, start-run-a-cell]\n")
    from groundup.instructor.spec import load_assignment

    assignment = load_assignment(spec, [banks])
    folder = tmp_path / "in"
    folder.mkdir()
    names = ["<script>alert('name')</script>", "=HYPERLINK(\"http://x\")", "*Bold* [link](http://x) <b>"]
    for n, name in enumerate(names):
        answer = next(q.answer for q in assignment.questions if q.id == "private-script-prompt")
        write_submission(folder, submission_dict(assignment, f"S{n}", name, {"private-script-prompt": answer}))
    (folder / "broken <script>.json").write_text("{")
    out = tmp_path / "grades"
    main(["grade", str(spec), str(folder), "--out", str(out), "--bank", str(banks)])
    report = (out / "report.html").read_text()
    outputs = {"report.html": report, **{p.name: p.read_text() for p in (out / "feedback").glob("*.md")}}
    for name, text in outputs.items():
        assert "<script" not in text.lower(), name
        assert "<img src=x" not in text, name
        assert "onerror=alert" not in text or "&lt;img" in text, name
    assert "&lt;script&gt;alert(&#x27;name&#x27;)&lt;/script&gt;" in report
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in report
    feedback = (out / "feedback" / "S0.md").read_text()
    assert "&lt;script&gt;alert" in feedback and "prompt" in feedback and "explanation" in feedback
    assert "\\*Bold\\* \\[link\\]" in (out / "feedback" / "S2.md").read_text()  # a name's Markdown is shown as typed
    gradebook = (out / "gradebook.csv").read_text()
    assert "'=HYPERLINK" in gradebook  # never run as a spreadsheet formula


def test_report_is_self_contained_with_three_described_charts(classroom, tmp_path):
    _, spec, folder, _, _ = classroom
    out = tmp_path / "grades"
    main(["grade", str(spec), str(folder), "--out", str(out)])
    report = (out / "report.html").read_text()
    images = re.findall(r'<img src="([^"]+)" alt="([^"]*)"', report)
    assert len(images) == 3
    assert all(src.startswith("data:image/png;base64,") and len(alt) > 40 for src, alt in images)
    assert report.count("<figcaption>") == 3
    assert "Median score" in report and "Mastery per lesson" in report and "discriminat" in report
    assert not re.search(r'(src|href)="(https?:)?//', report)  # nothing loaded from elsewhere
    assert "could not be graded" in report and "not-json.json" in report


def test_grade_refuses_to_write_over_an_input(tmp_path, capsys):
    assignment = assignment_from(tmp_path)
    out = tmp_path / "grades"
    out.mkdir()
    trap = write_submission(out, submission_dict(assignment, "S1", "Ada", {}), "gradebook.csv")
    before = trap.read_bytes()
    assert main(["grade", str(tmp_path / "spec.yaml"), str(trap), "--out", str(out)]) == 2
    assert "would be overwritten" in capsys.readouterr().err and trap.read_bytes() == before
    assert main(["grade", str(tmp_path / "spec.yaml"), str(tmp_path / "nothing-here"), "--out", str(out)]) == 2


def test_folders_skip_the_release_and_hidden_files(tmp_path):
    assignment = assignment_from(tmp_path)
    folder = tmp_path / "release"
    release(assignment, folder)
    write_submission(folder, submission_dict(assignment, "S1", "Ada", {}))
    (folder / ".all-types.S1.submission.json.abc.tmp").write_text("{")
    found = gr.submission_files([folder])
    assert [p.name for p in found] == ["all-types.S1.submission.json"]


def test_spec_errors_stop_grading_before_reading_files(tmp_path, capsys):
    spec = write_spec(tmp_path, ALL_TYPES.replace("after-grading", "whenever"))
    assert main(["grade", str(spec), str(tmp_path), "--out", str(tmp_path / "g")]) == 1
    assert "nothing was graded" in capsys.readouterr().err and not (tmp_path / "g").exists()


def test_feedback_names_where_to_review_without_a_link_that_breaks_outside_the_course_folder(classroom, tmp_path):
    _, spec, folder, _, _ = classroom
    out = tmp_path / "grades"
    main(["grade", str(spec), str(folder), "--out", str(out)])
    text = (out / "feedback" / "S1.md").read_text()
    assert "**Review:** " in text and "(in your course folder: `" in text and ", section " in text
    assert ".ipynb#" not in text and "](<" not in text
