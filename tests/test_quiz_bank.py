"""Question banks: every packaged bank validates; every malformed bank gets its own exact message."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from groundup.cli import main
from groundup.errors import GroundUpError, ValidationError
from groundup.quiz import bank
from groundup.quiz.providers import register_provider, unregister_provider
from groundup.resources import lessons

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "banks"
BAD = DATA / "bad"


def validate(capsys, *paths) -> tuple[int, list[str], str]:
    code = main(["validate", *map(str, paths)])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


# --- every bank the course ships ----------------------------------------------------------------------


def test_every_packaged_bank_validates():
    paths = bank.packaged_bank_paths()
    assert paths, "no banks in assets/questions"
    banks, problems = bank.check_banks(paths)
    assert [str(p) for p in problems] == []
    assert sum(len(b.questions) for b in banks) >= len(paths)


def test_validate_without_paths_checks_every_packaged_bank(capsys):
    code, out, err = validate(capsys)
    count = len(bank.packaged_bank_paths())
    assert code == 0, out
    assert out[-1].startswith(f"{count} bank file{'s' if count != 1 else ''}, ") and out[-1].endswith("no problems.")


def test_start_here_bank_uses_every_type_but_label_and_every_section():
    questions = bank.lesson_questions("00-start-here")
    assert {q.type for q in questions} == set(bank.TYPES) - {"label"}
    sections = {s.key for s in lessons()[0].sections}
    assert {q.section for q in questions} == sections


# --- malformed banks: each its own message, with file, line and question id ---------------------------

EXPECTED = {
    "answer-not-a-choice.yaml": [
        "10: bad-answer-choice: answer 'referencs' is not one of the choices (references, summary) (did you mean 'references'?)"],
    "bad-id.yaml": [
        "3: (question 1): id 'Bad Id' must be lower-case letters, digits and hyphens (e.g. ankle-mortise-bone)"],
    "choice-text-markdown.yaml": [
        "9: bad-choice-markdown: the text of choice 'a' is shown as plain text, so its backticks would show: remove "
        "them (Markdown works in prompts, feedback and explanations)"],
    "difficulty-word.yaml": ["11: bad-difficulty: difficulty must be 1, 2 or 3, not 'hard'"],
    "empty.yaml": ["1: the file is empty: a bank needs 'lesson' and 'questions'"],
    "field-twice.yaml": [
        "8: bad-twice: the wrong answer (true) has no feedback naming the misconception: add feedback: {true: ...}",
        "12: bad-twice: field 'answer' is given twice in one mapping (the later one would win)"],
    "label-unknown-provider.yaml": [
        "7: bad-label-provider: unknown figure provider 'anatomie' (did you mean 'anatomy'?) (known: anatomy)"],
    "matching-duplicate-left.yaml": [
        "10: bad-matching-twice: left item 'Try it' appears in two pairs (lines 8 and 10): each left item pairs with one right item"],
    "matching-unpaired.yaml": ["10: bad-matching-unpaired: missing 'right' in pair 2: the pair does not pair up"],
    "matching-with-answer.yaml": ["10: bad-matching-answer: a matching question's answer is its 'pairs': remove 'answer'"],
    "missing-answer.yaml": ["3: bad-no-answer: no answer: add 'answer' (the id of the right choice)"],
    "misspelt-field.yaml": [
        "3: bad-misspelt: missing 'choices' (a single question needs at least 2)",
        "7: bad-misspelt: unknown field 'choises' (did you mean 'choices'?)"],
    "multiple-all-right.yaml": [
        "10: bad-all-right: every choice is right: add at least one wrong choice (ticking everything must not score)"],
    "not-a-mapping.yaml": ["1: a bank is a mapping with 'lesson' and 'questions', not a list"],
    "numeric-negative-tolerance.yaml": ["8: bad-numeric-negative: tolerance must be ≥ 0, not -2"],
    "numeric-no-tolerance.yaml": [
        "3: bad-numeric-tolerance: a numeric question needs a 'tolerance' (absolute, ≥ 0; use 0 for an exact answer)"],
    "one-choice.yaml": ["7: bad-one-choice: 'choices' must be a list of at least 2 choices, each with id and text"],
    "ordering-repeated-item.yaml": ["11: bad-ordering: item 'Setup' appears twice: each item has one place in the order"],
    "several-problems.yaml": [
        "3: bad-several-one: missing 'explanation'",
        "9: bad-several-one: wrong choice 'summary' has no feedback naming the misconception it reveals",
        "12: bad-several-one: difficulty must be 1, 2 or 3, not 4",
        "14: bad-several-two: missing 'section'",
        "14: bad-several-two: missing 'unit' (text such as \"°\" or \"cm\"; \"\" for none)",
        "17: bad-several-two: answer must be a number, not 'seven'",
        "23: (question 3): a question is a mapping of fields (id, section, type, ...), not 'just a sentence'"],
    "tags-not-a-list.yaml": ["12: bad-tags: tags must be a list such as [anatomy, talocrural], not 'course'"],
    "truefalse-no-wrong-feedback.yaml": [
        "8: bad-truefalse-feedback: the wrong answer (false) has no feedback naming the misconception: add feedback: {false: ...}"],
    "truefalse-not-boolean.yaml": ["7: bad-truefalse: answer must be true or false, not 'yes'"],
    "unknown-lesson.yaml": [
        "1: unknown lesson '09-the-knee': there is no lessons/09-the-knee.ipynb (known lessons: {known})"],
    "unknown-section.yaml": [
        "4: bad-unknown-section: unknown section 'what-this-course-iz' in lesson 00-start-here (did you mean "
        "'what-this-course-is'?) (its sections: what-this-course-is, running-cells-and-using-the-widgets, "
        "where-your-progress-is-kept, scope-of-practice-observe-do-not-diagnose)"],
    "unknown-type.yaml": [
        "5: bad-type: unknown type 'dropdown' (one of: single, multiple, truefalse, numeric, matching, ordering, label)"],
    "wrong-choice-no-feedback.yaml": [
        "10: bad-no-feedback: wrong choice 'summary' has no feedback naming the misconception it reveals"],
    "yaml-syntax.yaml": [
        "6: YAML syntax error: mapping values are not allowed in this context (column 22); "
        "hint: text that contains ': ' must be put in quotes"],
    "yes-as-text.yaml": [
        "9: bad-yes-text: 'text' of choice 'arrows' must be text, not true (YAML reads yes/no/on/off/true/false as "
        "true or false: put the text in quotes)"],
}


def test_there_are_at_least_15_malformed_banks_and_each_is_expected():
    files = sorted(p.name for p in BAD.glob("*.yaml"))
    assert len(files) >= 15
    assert files == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_malformed_bank_gets_its_exact_message(name, capsys):
    path = BAD / name
    known = ", ".join(lesson.key for lesson in lessons())
    code, out, err = validate(capsys, path)
    shown = bank.display_name(path)
    assert code == 1
    assert out == [f"{shown}:{line.replace('{known}', known)}" for line in EXPECTED[name]]
    count = len(EXPECTED[name])
    assert err == f"{count} problem{'s' if count != 1 else ''} in 1 of 1 bank file.\n"


def test_all_malformed_banks_at_once_report_every_problem_and_exit_1():
    result = subprocess.run([sys.executable, "-m", "groundup", "validate", str(BAD)], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == sum(len(v) for v in EXPECTED.values())
    assert "Traceback" not in result.stdout + result.stderr


def test_duplicate_ids_across_files_and_against_the_course(capsys):
    code, out, err = validate(capsys, DATA / "dup")
    a, b = (bank.display_name(DATA / "dup" / n) for n in ("a.yaml", "b.yaml"))
    start = bank.display_name(bank.bank_path("00-start-here"))
    line = next(q.line for q in bank.lesson_questions("00-start-here") if q.id == "start-references-block")
    assert code == 1
    assert out == [
        f"{b}:13: dup-shared-id: duplicate id: already used at {a}:3",
        f"{b}:23: start-references-block: duplicate id: already used at {start}:{line}",
    ]


def test_a_file_named_twice_is_checked_once(capsys):
    path = BAD / "missing-answer.yaml"
    code, out, _ = validate(capsys, path, path, BAD)
    assert code == 1 and out.count(f"{bank.display_name(path)}:3: bad-no-answer: no answer: add 'answer' (the id of the right choice)") == 1


def test_a_missing_path_is_a_one_line_user_error(capsys, tmp_path):
    assert main(["validate", str(tmp_path / "nope.yaml")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("groundup: error:") and err.count("\n") == 1 and "no such file" in err


def test_a_packaged_bank_must_be_named_after_its_lesson(tmp_path):
    good = bank.bank_path("00-start-here").read_text(encoding="utf-8")
    other = tmp_path / "01-the-ankle.yaml"
    other.write_text(good.replace("id: start-", "id: renamed-"), encoding="utf-8")
    _, problems = bank.read_bank(other, packaged=True)
    assert [p.message for p in problems] == [
        "a bank is named after its lesson: this file should be 00-start-here.yaml (or its lesson should be 01-the-ankle)"]


def test_loading_a_broken_bank_raises_with_every_problem():
    with pytest.raises(ValidationError) as info:
        bank.load_bank(BAD / "several-problems.yaml")
    assert len(info.value.problems) == 7
    assert "(and 6 more problems)" in str(info.value)


def test_lesson_questions_errors_are_clear():
    with pytest.raises(GroundUpError, match="unknown lesson '07-nope'"):
        bank.lesson_questions("07-nope")


# --- the loader keeps line numbers ------------------------------------------------------------------


def test_loader_records_lines_of_mappings_keys_and_items():
    data = bank.parse_yaml("a: 1\nlist:\n  - x\n  - {k: v,\n     j: w}\nb: 2\n")
    assert data.line == 1 and data.line_of("a") == 1 and data.line_of("b") == 6
    assert data["list"].lines == [3, 4]
    assert data["list"][1].line_of("j") == 5


def test_loader_is_safe():
    with pytest.raises(Exception):
        bank.parse_yaml("x: !!python/object/apply:os.system ['echo hacked']")


# --- label questions: providers ---------------------------------------------------------------------

LABEL_BANK = """\
lesson: 00-start-here
questions:
  - id: fake-label-q
    section: what-this-course-is
    type: label
    prompt: Name the highlighted bone.
    figure: {provider: PROVIDER, view: dorsal, highlight: talus}
    choices:
      - {id: talus, text: Talus}
      - {id: calcaneus, text: Calcaneus}
    answer: talus
    explanation: The talus sits between the malleoli.
    source: OpenStax Anatomy & Physiology §9.6
    difficulty: 1
    tags: [anatomy]
"""


def test_validation_checks_only_that_the_provider_is_registered(tmp_path, capsys):
    path = tmp_path / "label.yaml"
    path.write_text(LABEL_BANK.replace("PROVIDER", "anatomy"))
    # groundup.anatomy may not exist yet: validation must not import it.
    assert validate(capsys, path)[0] == 0
    path.write_text(LABEL_BANK.replace("PROVIDER", "nowhere"))
    code, out, _ = validate(capsys, path)
    assert code == 1 and out == [f"{bank.display_name(path)}:7: fake-label-q: unknown figure provider 'nowhere' (known: anatomy)"]


def test_validate_figures_draws_each_label_figure(tmp_path, capsys):
    from tests.fake_anatomy import label_figure

    path = tmp_path / "label.yaml"
    path.write_text(LABEL_BANK.replace("PROVIDER", "fake"))
    register_provider("fake", label_figure)
    register_provider("broken", "groundup.no_such_module:label_figure")
    try:
        assert validate(capsys, "--figures", path)[0] == 0
        path.write_text(LABEL_BANK.replace("PROVIDER", "broken"))
        code, out, _ = validate(capsys, "--figures", path)
        assert code == 1
        assert out[0].startswith(f"{bank.display_name(path)}:3: fake-label-q: figure cannot be drawn: the broken "
                                 "diagrams are not installed yet (groundup.no_such_module:label_figure cannot be imported")
        path.write_text(LABEL_BANK.replace("PROVIDER", "fake").replace("highlight: talus", "highlight: nothing"))
        code, out, _ = validate(capsys, "--figures", path)
        assert code == 1 and "could not be drawn (KeyError" in out[0]
    finally:
        unregister_provider("fake")
        unregister_provider("broken")
