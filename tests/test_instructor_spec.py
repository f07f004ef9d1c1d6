"""Assignment specs: every problem reported with its line; questions picked by id and by seeded draws."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from groundup.cli import main
from groundup.errors import ValidationError
from groundup.instructor.spec import load_assignment, parse_due, read_spec
from groundup.quiz.bank import lesson_questions
from groundup.resources import assets_dir
from tests.instructor_helpers import write_spec

EXAMPLES = sorted((assets_dir() / "assignments").glob("*.yaml"))

PRIVATE_BANK = """\
lesson: 00-start-here
questions:
  - id: private-extra-question
    section: what-this-course-is
    type: truefalse
    prompt: Private banks can add questions.
    answer: true
    feedback:
      false: They can.
    explanation: They can.
    source: Instructor
    difficulty: 1
    tags: [private]
"""


def messages(problems):
    return [(p.line, p.message) for p in problems]


def test_example_specs_load_and_pick_their_questions():
    assert {p.name for p in EXAMPLES} >= {"start-here-practice.yaml", "start-here-graded.yaml"}
    for path in EXAMPLES:
        assignment = load_assignment(path)
        assert assignment.questions and assignment.hash.startswith("sha256:")
        assert len({q.id for q in assignment.questions}) == len(assignment.questions)
    graded = load_assignment(assets_dir() / "assignments" / "start-here-graded.yaml")
    assert graded.spec.feedback == "after-grading" and graded.spec.due is not None
    assert len(graded.questions) == 7


def test_every_problem_of_a_bad_spec_is_reported_with_its_line(tmp_path):
    path = write_spec(tmp_path, """\
id: Bad_Id
titel: misspelt
feedback: later
attempts: 3
shuffle: maybe
due: next tuesday
timezone: Mars/Olympus
questions:
  - start-run-a-cell
  - 42
  - draw: 0
    form: 00-start-here
  - draw: 2
    section: what-this-course-is
""")
    spec, problems = read_spec(path)
    assert spec is None
    found = messages(problems)
    expected = [
        (1, "id 'Bad_Id' must be lower-case letters"),
        (2, "unknown field 'titel' (did you mean 'title'?)"),
        (1, "missing 'title'"),
        (3, "feedback must be immediate or after-grading, not 'later'"),
        (5, "shuffle must be true or false"),
        (6, "due 'next tuesday' is not a date"),
        (7, "unknown time zone 'Mars/Olympus'"),
        (10, "each entry of 'questions' is a question id or a draw"),
        (11, "draw must be a whole number ≥ 1, not 0"),
        (12, "unknown field 'form' in a draw (did you mean 'from'?)"),
        (14, "a draw with a section needs exactly one lesson in 'from'"),
    ]
    for line, start in expected:
        assert any(l == line and m.startswith(start) for l, m in found), (line, start, found)
    assert all(str(p).startswith(f"{p.file}:{p.line}: ") for p in problems)


def test_attempts_only_with_immediate_feedback(tmp_path):
    _, problems = read_spec(write_spec(tmp_path, "id: a\ntitle: A\nfeedback: after-grading\nattempts: 2\n"
                                                 "questions: [start-run-a-cell]\n"))
    assert messages(problems) == [(4, "attempts counts Check presses, which only immediate feedback has: remove it "
                                      "or use feedback: immediate")]


def test_yaml_syntax_error_has_a_line(tmp_path):
    _, problems = read_spec(write_spec(tmp_path, "id: a\ntitle: A: B: C\n"))
    assert problems[0].line == 2 and "YAML syntax error" in problems[0].message


def test_unknown_repeated_and_undrawable_questions(tmp_path):
    path = write_spec(tmp_path, """\
id: picks
title: Picks
feedback: after-grading
questions:
  - start-run-a-cel
  - start-run-a-cell
  - start-run-a-cell
  - draw: 50
    from: 00-start-here
  - draw: 1
    from: 99-nothing
  - draw: 1
    from: 00-start-here
    section: no-such-section
""")
    with pytest.raises(ValidationError) as exc:
        load_assignment(path)
    found = messages(exc.value.problems)
    assert (5, "unknown question id 'start-run-a-cel' (did you mean 'start-run-a-cell'?)") in found
    assert (7, "question start-run-a-cell is listed twice") in found
    left = len(lesson_questions("00-start-here")) - 1  # all of lesson 00 but the one named
    assert any(line == 8 and m.startswith(f"draw 50 from 00-start-here: only {left} questions match")
               for line, m in found)
    assert any(line == 10 and m.startswith("unknown lesson '99-nothing'") for line, m in found)
    assert any(line == 12 and m.startswith("unknown section 'no-such-section'") for line, m in found)


DRAWS = """\
id: draws
title: Draws
feedback: after-grading
seed: {seed}
questions:
  - start-swollen-calf
  - draw: 2
    from: 00-start-here
    tags: [scope]
  - draw: 3
    from: [00-start-here]
"""


def test_draws_are_fixed_by_the_seed_never_repeat_and_respect_tags(tmp_path):
    first = load_assignment(write_spec(tmp_path, DRAWS.format(seed=1), "a.yaml"))
    again = load_assignment(write_spec(tmp_path, DRAWS.format(seed=1), "b.yaml"))
    assert [q.id for q in first.questions] == [q.id for q in again.questions]
    assert first.hash == again.hash
    ids = [q.id for q in first.questions]
    assert len(ids) == 6 == len(set(ids)) and ids[0] == "start-swollen-calf"
    assert all("scope" in q.tags for q in first.questions[1:3])
    seeds = {tuple(q.id for q in load_assignment(write_spec(tmp_path, DRAWS.format(seed=s), f"{s}.yaml")).questions)
             for s in range(8)}
    assert len(seeds) > 1  # the seed changes the draw


def test_private_banks_add_questions_and_must_not_reuse_course_ids(tmp_path):
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "mine.yaml").write_text(PRIVATE_BANK)
    spec = write_spec(tmp_path, "id: p\ntitle: P\nfeedback: after-grading\nquestions:\n  - private-extra-question\n"
                                "  - draw: 1\n    tags: [private]\n")
    with pytest.raises(ValidationError):  # without --bank the question is unknown
        load_assignment(spec)
    with pytest.raises(ValidationError) as exc:
        load_assignment(spec, [banks])
    assert "only 0 questions match" in str(exc.value.problems)  # the one private question is already named
    spec = write_spec(tmp_path, "id: p\ntitle: P\nfeedback: after-grading\nquestions:\n  - private-extra-question\n")
    assert [q.id for q in load_assignment(spec, [banks]).questions] == ["private-extra-question"]
    (banks / "clash.yaml").write_text(PRIVATE_BANK.replace("private-extra-question", "start-run-a-cell"))
    with pytest.raises(ValidationError) as exc:
        load_assignment(spec, [banks])
    assert any("duplicate id" in p.message for p in exc.value.problems)


def test_due_dates():
    moment, text = parse_due("2026-12-01", timezone.utc)
    assert moment == datetime(2026, 12, 1, 23, 59, 59, tzinfo=timezone.utc) and text == "1 December 2026, 23:59 (UTC)"
    moment, _ = parse_due("2026-12-01 17:30+01:00")
    assert moment.astimezone(timezone.utc).hour == 16
    from zoneinfo import ZoneInfo

    moment, text = parse_due("2026-07-01 09:00", ZoneInfo("Europe/London"))
    assert moment.utcoffset().total_seconds() == 3600 and "(BST)" in text
    assert parse_due(datetime(2026, 1, 1, 8, 0))[0].tzinfo is not None  # a naive time takes this computer's zone
    with pytest.raises(ValueError):
        parse_due("someday")


def test_assign_command_reports_problems_and_writes_nothing(tmp_path, capsys):
    spec = write_spec(tmp_path, "id: x\ntitle: X\nfeedback: after-grading\nquestions: [no-such-question]\n")
    assert main(["assign", str(spec), "--out", str(tmp_path / "out")]) == 1
    out = capsys.readouterr()
    assert "unknown question id 'no-such-question'" in out.out and "nothing was written" in out.err
    assert not (tmp_path / "out").exists()
    assert main(["assign", str(tmp_path / "missing.yaml"), "--out", str(tmp_path / "out")]) == 1
    assert "no such file" in capsys.readouterr().out


def test_spec_problem_lines_are_relative_to_the_spec(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    spec = write_spec(tmp_path, "id: x\ntitle: X\nfeedback: soon\nquestions: [start-run-a-cell]\n")
    _, problems = read_spec(Path(spec.name))
    assert str(problems[0]) == "spec.yaml:3: x: feedback must be immediate or after-grading, not 'soon'"
