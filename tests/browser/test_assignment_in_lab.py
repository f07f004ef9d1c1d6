"""The whole instructor workflow through a real JupyterLab: assign, answer, reload, submit, grade."""

from __future__ import annotations

import csv
import io
import json
import time

from groundup.cli import main
from tests.browser.lab import error_outputs, open_notebook, run_all

SPEC = """\
id: e2e-check
title: "End-to-end check"
feedback: after-grading
questions:
  - start-run-a-cell
  - start-move-a-slider
  - start-restart-keeps-answers
  - start-dorsiflexion-range
  - start-block-purposes
"""
# What the test clicks, and the score each click must get in the gradebook.
EXPECTED = {
    "start-run-a-cell": "1",  # the right choice
    "start-move-a-slider": "0.5",  # one of the two right choices ticked
    "start-restart-keeps-answers": "0",  # True; the answer is False
    "start-dorsiflexion-range": "1",  # 20
    "start-block-purposes": "0.5",  # two of four matched right, two left unmatched
}
MATCHES = {"Learning objectives": "What you will be able to do, and the estimated time", "Try it": "Something to do"}


def card(page, qid):
    return page.locator(f".groundup-q-{qid}")


def wait_for_file(path, test, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists():
            data = json.loads(path.read_text())
            if test(data):
                return data
        time.sleep(0.2)
    raise AssertionError(f"{path} never reached the expected state: {path.read_text() if path.exists() else 'missing'}")


def open_assignment(page, lab, notebook):
    open_notebook(page, lab, notebook)
    run_all(page)
    assert error_outputs(page) == []


def test_answers_survive_closing_the_page_and_grade_as_clicked(page, lab, workspace, browser, artifacts, tmp_path):
    spec = tmp_path / "e2e.yaml"
    spec.write_text(SPEC)
    folder = workspace / "e2e-release"
    assert main(["assign", str(spec), "--out", str(folder)]) == 0
    notebook = "e2e-release/e2e-check.ipynb"
    saved = folder / "e2e-check.E2E-7.submission.json"

    open_assignment(page, lab, notebook)
    page.get_by_label("Your name").fill("Ada <b>E2E</b>")
    page.get_by_label("Student ID").fill("E2E-7")
    page.get_by_role("button", name="Start", exact=True).click()
    page.get_by_text("Hello, Ada <b>E2E</b>.").wait_for()
    card(page, "start-run-a-cell").get_by_label("Click in it and press Shift + Enter", exact=True).check()
    card(page, "start-move-a-slider").get_by_label("Dragging it with the mouse", exact=True).check()
    card(page, "start-restart-keeps-answers").get_by_label("True", exact=True).check()
    card(page, "start-dorsiflexion-range").get_by_label("Your answer").fill("20")
    for left, right in MATCHES.items():
        card(page, "start-block-purposes").get_by_label(left, exact=True).select_option(label=right)
    page.get_by_text("Saved at").wait_for()
    data = wait_for_file(saved, lambda d: len([a for a in d["answers"].values() if a["response"] is not None]) == 5)
    assert data["submitted_at"] is None
    page.screenshot(path=str(artifacts / "assignment-answered.png"), full_page=True)

    # Close the page and stop the kernel: whatever comes back now can only come from the file.
    page.context.close()
    lab.shutdown_kernels()
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    again = context.new_page()
    try:
        open_assignment(again, lab, notebook)
        again.get_by_text("Welcome back, Ada <b>E2E</b>").wait_for()
        assert again.get_by_label("Student ID").count() == 0 or not again.get_by_label("Student ID").is_visible()
        assert card(again, "start-run-a-cell").get_by_label("Click in it and press Shift + Enter", exact=True).is_checked()
        assert card(again, "start-move-a-slider").get_by_label("Dragging it with the mouse", exact=True).is_checked()
        assert not card(again, "start-move-a-slider").get_by_label("Clicking it, then pressing the arrow keys",
                                                                   exact=True).is_checked()
        assert card(again, "start-restart-keeps-answers").get_by_label("True", exact=True).is_checked()
        assert card(again, "start-dorsiflexion-range").get_by_label("Your answer").input_value() == "20"
        matching = card(again, "start-block-purposes")
        for left, right in MATCHES.items():
            select = matching.get_by_label(left, exact=True)
            shown = select.evaluate("s => s.options[s.selectedIndex].text")
            assert shown.replace("\xa0", " ") == right  # ipywidgets writes option text with no-break spaces

        again.get_by_role("button", name="Submit", exact=True).click()
        again.get_by_text("You have answered 5 of 5 questions").wait_for()
        again.get_by_role("button", name="Yes, submit", exact=True).click()
        again.get_by_text("Your answers are final").wait_for()
        assert card(again, "start-run-a-cell").locator("input").first.is_disabled()
        again.screenshot(path=str(artifacts / "assignment-submitted.png"), full_page=True)
    finally:
        context.close()
        lab.shutdown_kernels()
    data = wait_for_file(saved, lambda d: d["submitted_at"] is not None)

    out = tmp_path / "grades"
    assert main(["grade", str(spec), str(folder), "--out", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO((out / "gradebook.csv").read_text(encoding="utf-8"))))
    assert len(rows) == 1
    row = rows[0]
    assert row["Student ID"] == "E2E-7" and row["Name"] == "Ada <b>E2E</b>"
    assert {qid: row[qid] for qid in EXPECTED} == EXPECTED
    assert row["Total"] == "3" and row["Max"] == "5" and row["Percent"] == "60" and row["Late"] == "no"
    assert row["Submitted at"] == data["submitted_at"]
