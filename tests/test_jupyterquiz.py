"""groundup import-jupyterquiz: jupyterquiz JSON becomes a bank that validates; what cannot be converted is listed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from groundup.cli import main
from groundup.quiz import bank, graders
from groundup.quiz.jupyterquiz import GENERIC_WRONG, convert

EXAMPLE = Path(__file__).resolve().parent / "data" / "jupyterquiz" / "ankle-review.json"


def run_import(tmp_path, *extra):
    out = tmp_path / "ankle-review.yaml"
    result = subprocess.run(
        [sys.executable, "-m", "groundup", "import-jupyterquiz", str(EXAMPLE), "--lesson", "00-start-here",
         "--section", "running-cells-and-using-the-widgets", "--out", str(out), *extra],
        capture_output=True, text=True, timeout=120,
    )
    return result, out


def test_the_example_converts_and_validates(tmp_path):
    result, out = run_import(tmp_path, "--source", "Ground Up test questions")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Converted 5 of 7 questions from ankle-review.json." in result.stdout
    assert result.stdout.rstrip().endswith("(it validates).")
    banks, problems = bank.check_banks([out])
    assert problems == [] and len(banks[0].questions) == 5
    check = subprocess.run([sys.executable, "-m", "groundup", "validate", str(out)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout


def test_what_could_not_be_converted_is_listed_by_question(tmp_path):
    result, _ = run_import(tmp_path)
    lines = result.stdout.splitlines()
    start = lines.index("Not converted:")
    assert lines[start + 1:start + 3] == [
        '  question 5 ("Which bone sits between the malleoli?"): 2 answers are marked correct, and jupyterquiz '
        "accepts any one of them; a single-choice question has one right answer",
        '  question 6 ("Type the name of the joint between the talus and t…"): '
        "type 'string' cannot be converted (supported: multiple_choice, many_choice, numeric)",
    ]
    assert any("wrong choice c ('A calf that feels tight after a long walk') had no feedback" in l for l in lines)
    assert any("the range [3.5, 4.5) became 4 ± 0.5" in l for l in lines)
    assert any("give the original citation with --source" in l for l in lines)


def test_each_type_converts_to_the_same_question(tmp_path):
    _, out = run_import(tmp_path)
    by_id = {q.id: q for q in bank.load_bank(out).questions}
    single = by_id["ankle-review-1"]
    assert single.type == "single" and single.answer == "a" and single.section == "running-cells-and-using-the-widgets"
    assert [c.text for c in single.choices] == ["Dorsiflexion", "Plantarflexion", "Inversion"]
    assert single.explanation == "Dorsiflexion brings the top of the foot toward the shin."
    assert graders.grade(single, "b").notes == ("Plantarflexion points the foot away from the shin.",)

    many = by_id["ankle-review-2"]
    assert many.type == "multiple" and many.answer == ("a", "b")
    assert many.choice("c").feedback == GENERIC_WRONG  # listed for the author to replace
    assert many.explanation == "The right answers are: A hot, red, swollen joint; A swollen, tender calf on one side."
    assert graders.grade(many, ["a"]).score == 0.5

    numeric = by_id["ankle-review-3"]
    assert (numeric.answer, numeric.tolerance, numeric.unit) == (20, 0.5, "")
    assert numeric.feedback == {"low": "Dorsiflexion is counted as a positive angle.", "high": "That is the plantarflexion range."}
    assert graders.grade(numeric, 20.4).correct and not graders.grade(numeric, 20.6).correct

    ranged = by_id["ankle-review-4"]
    assert (ranged.answer, ranged.tolerance) == (4, 0.5)
    assert ranged.feedback == {"low": "Count the steps in the rule again.", "high": "Count the steps in the rule again."}

    code = by_id["ankle-review-7"]
    assert code.prompt == "Which command runs a cell?\n\n```\nprint('hello')\n```"
    assert [c.text for c in code.choices] == ["Shift + Enter", "Enter"]


def test_a_second_import_does_not_overwrite_without_force(tmp_path):
    run_import(tmp_path)
    result, _ = run_import(tmp_path)
    assert result.returncode == 2 and "already exists" in result.stderr and result.stderr.count("\n") == 1
    assert run_import(tmp_path, "--force")[0].returncode == 0


@pytest.mark.parametrize("content, message", [
    ("not json", "not valid JSON"),
    ('{"questions": 3}', "a jupyterquiz file is a JSON list of questions"),
    ('[{"type": "string", "question": "x"}]', "no question could be converted, so nothing was written"),
])
def test_bad_input_files_are_one_line_errors(tmp_path, capsys, content, message):
    source = tmp_path / "quiz.json"
    source.write_text(content)
    assert main(["import-jupyterquiz", str(source), "--lesson", "00-start-here"]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and not (tmp_path / "quiz.yaml").exists()


def test_an_unknown_lesson_or_section_is_refused(tmp_path, capsys):
    assert main(["import-jupyterquiz", str(EXAMPLE), "--lesson", "09-knee", "--out", str(tmp_path / "x.yaml")]) == 2
    assert "unknown lesson '09-knee'" in capsys.readouterr().err
    assert main(["import-jupyterquiz", str(EXAMPLE), "--lesson", "00-start-here", "--section", "nope",
                 "--out", str(tmp_path / "x.yaml")]) == 2
    assert "has no section 'nope'" in capsys.readouterr().err


def test_convert_keeps_ids_stable_and_text_safe():
    data = json.loads(EXAMPLE.read_text())
    first = convert(data, lesson="00-start-here", section="what-this-course-is", prefix="jq", citation="c")
    again = convert(data, lesson="00-start-here", section="what-this-course-is", prefix="jq", citation="c")
    assert first.yaml == again.yaml
    assert [q["id"] for q in first.questions] == ["jq-1", "jq-2", "jq-3", "jq-4", "jq-7"]
    evil = [{"type": "multiple_choice", "question": "Is <script>x</script> ok: yes?", "answers": [
        {"answer": "a: b", "correct": True}, {"answer": "- c", "correct": False, "feedback": "# d"}]}]
    text = convert(evil, lesson="00-start-here", section="what-this-course-is", prefix="e", citation="c").yaml
    loaded = bank.parse_yaml(text)["questions"][0]
    assert loaded["prompt"] == "Is <script>x</script> ok: yes?" and loaded["choices"][1]["feedback"] == "# d"
