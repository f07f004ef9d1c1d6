"""The single-leg stance tool in a real JupyterLab: type with the keyboard, tick a box, read the result."""

import json
import re

from playwright.sync_api import expect

from tests.browser.lab import error_outputs, open_notebook, run_all

NOTEBOOK = "balance-tool-check.ipynb"


def _write_notebook(folder):
    cells = [
        {"cell_type": "code", "id": "setup", "metadata": {}, "execution_count": None, "outputs": [],
         "source": "import groundup as gu\ngu.setup()"},
        {"cell_type": "code", "id": "tool", "metadata": {}, "execution_count": None, "outputs": [],
         "source": "gu.single_leg_stance()"},
    ]
    notebook = {"cells": cells, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                              "language": "python"}},
                "nbformat": 4, "nbformat_minor": 5}
    (folder / NOTEBOOK).write_text(json.dumps(notebook))


def test_typing_age_and_time_shows_the_comparison_and_a_red_flag_comes_first(page, lab, workspace, artifacts):
    _write_notebook(workspace)
    open_notebook(page, lab, NOTEBOOK)
    run_all(page)
    assert error_outputs(page) == []
    assert page.get_by_text("Waiting for the age and the time").count() == 1

    age = page.get_by_label("Client's age (years)")
    age.fill("72")
    age.press("Enter")
    seconds = page.get_by_label("Best of 3 tries, eyes open (seconds)")
    seconds.fill("15")
    seconds.press("Enter")
    result = page.get_by_text("15 s is below the average time for healthy adults aged 70–79")
    expect(result).to_have_count(1, timeout=15_000)
    image = page.locator("figure.groundup-figure img").first
    expect(image).to_have_attribute("alt", re.compile("The client's time of 15 s is marked"), timeout=15_000)

    flag = page.get_by_label("Reports new falls, or dizziness")
    flag.focus()
    flag.press("Space")
    referral = page.locator(".groundup-referral")
    expect(referral).to_have_count(1, timeout=15_000)
    assert "Refer" in referral.inner_text()
    page.screenshot(path=str(artifacts / "lab-single-leg-stance.png"), full_page=False)
    assert error_outputs(page) == []
