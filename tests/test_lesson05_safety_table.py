"""Lesson 5: the red-flag table agrees with the checker, citations point to the right
sources, and advice beyond the sources is marked as such."""

from __future__ import annotations

import json
from pathlib import Path

from groundup.checker import kb as kbmod

REPO = Path(__file__).resolve().parents[1]
LESSON = REPO / "lessons" / "05-assessment-and-the-symptom-checker.ipynb"


def _text() -> str:
    nb = json.loads(LESSON.read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def _row(text: str, starts: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(f"| {starts}"))


def test_the_weakness_row_has_the_emergency_line_the_checker_shows():  # F-L1
    row = _row(_text(), "New weakness")
    assert "emergency care if it came on suddenly" in row and "slurred speech" in row
    assert "standard first-aid advice" in row


def test_a_possible_fracture_row_cites_physiopedia_not_stiell():  # F-L2: the sheet takes it from [S10]
    row = _row(_text(), "After an injury: the ankle or foot looks out of shape")
    assert row.rstrip(" |").endswith("[6]") and "[5]" not in row


def test_numbness_and_balance_rows_match_the_checker():  # N-L1, N-L3
    text = _text()
    assert "also recommend a check if it is new, getting worse, on one side only" in _row(text, "Numbness")
    balance = _row(text, "Losing balance on two legs")
    assert "general knowledge, not from this lesson's sources" in balance and "[27]" not in balance


def test_the_back_line_evidence_the_runner_grade_and_the_ankle_rule_answer():  # N-L2, N-L4, N-L5
    text = _text()
    assert "one 2026 meta-analysis (seen only via a mirror copy) reports a moderate effect [53]" in text
    assert "53. Meta-analysis of remote myofascial manual therapy" in text
    assert "comes from studies of ageing and falls" in text
    assert "(Any one of its three criteria:" in text


def test_full_titles_of_the_ottawa_adults_review_and_the_jacks_test_study():  # N-K6, N-L6
    kb = kbmod.load()
    # The published title starts with a word the checker's wording rules never print; the rest is exact.
    assert "accuracy of the Ottawa ankle rule to exclude fractures in acute ankle injuries in adults: a systematic " \
        "review and meta-analysis" in kb.sources["S14"].full
    assert "on barefoot position, regular socks, and biomechanics socks" in kb.sources["S46"].full
    assert "on barefoot position, regular socks, and biomechanics socks" in _text()
