"""Lessons 1 and 2 in a real JupyterLab: the FPI-6 scorer works from the keyboard, and every
figure the lessons show renders as an image with alt text (screenshots saved for a person to look at)."""

from __future__ import annotations

import json
import re

import pytest

from tests.browser.lab import error_outputs, open_notebook, run_all

LESSONS = ["01-the-ankle.ipynb", "02-tarsal-movement.ipynb"]


def _notebook(*sources: str) -> str:
    cells = [{"cell_type": "code", "id": f"c{i}", "metadata": {}, "execution_count": None, "outputs": [],
              "source": source} for i, source in enumerate(sources)]
    return json.dumps({"cells": cells, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                                    "language": "python"}},
                       "nbformat": 4, "nbformat_minor": 5})


def _total(page) -> str:
    text = page.locator(".widget-html", has_text="Category:").first.inner_text()
    return re.search(r"Total:\s*([−+]?\d+)", text).group(1)


def test_fpi_scorer_in_lab_updates_total_category_and_figure(page, lab, workspace, artifacts):
    (workspace / "fpi-scorer-check.ipynb").write_text(
        _notebook("import groundup as gu\ngu.setup()", "gu.fpi_scorer()"), encoding="utf-8")
    open_notebook(page, lab, "fpi-scorer-check.ipynb")
    run_all(page)
    assert error_outputs(page) == []
    assert _total(page) == "0"
    image = page.locator("figure.groundup-figure img").first
    before = image.get_attribute("src")
    assert "marker at 0 sits in the normal band" in image.get_attribute("alt")

    # Keyboard only: focus the slider handles of items 1, 3 and 5 and press the right arrow twice.
    handles = page.locator(".noUi-handle")
    assert handles.count() == 6
    for index in (0, 2, 4):
        handle = handles.nth(index)
        for _ in range(6):  # two steps to +2; a press may land while the view redraws, so check and repeat
            if float(handle.get_attribute("aria-valuenow")) >= 2:
                break
            handle.focus()
            handle.press("ArrowRight")
            page.wait_for_timeout(300)
        assert float(handle.get_attribute("aria-valuenow")) == 2
    # The kernel answers asynchronously (slowly on a loaded machine): wait for the new state, then check it.
    page.locator(".widget-html", has_text="Category: Pronated").first.wait_for(timeout=30_000)
    assert _total(page) == "+6"
    page.wait_for_function(
        "() => [...document.querySelectorAll('figure.groundup-figure img')]"
        ".some(i => (i.alt || '').includes('marker at +6 sits in the pronated band'))",
        timeout=30_000,
    )
    image = page.locator("figure.groundup-figure img").first
    assert image.get_attribute("src") != before
    page.locator(".widget-html", has_text="Category:").first.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "lab-fpi-scorer.png"))

    page.get_by_role("button", name="Reset all to 0").click()
    page.locator(".widget-html", has_text="Category: Normal").first.wait_for(timeout=30_000)
    assert _total(page) == "0"


@pytest.mark.parametrize("filename", LESSONS)
def test_lesson_figures_have_alt_text_and_widgets_render(page, lab, artifacts, filename):
    open_notebook(page, lab, filename)
    run_all(page, timeout=240_000)
    assert error_outputs(page) == [], f"{filename} shows error output"
    images = page.locator(".jp-OutputArea-output img")
    assert images.count() > 0, "no figure rendered"
    for i in range(images.count()):
        assert (images.nth(i).get_attribute("alt") or "").strip(), f"image {i} of {filename} has no alt text"
    # One screenshot per output that holds a widget or a figure, for a person to look at
    # (a tall viewport so that no output is cut by the toolbar).
    page.set_viewport_size({"width": 1400, "height": 2600})
    outputs = page.locator(".jp-OutputArea-output:has(.jupyter-widgets), .jp-OutputArea-output:has(img)")
    stem = filename.removesuffix(".ipynb")
    for i in range(outputs.count()):
        output = outputs.nth(i)
        output.scroll_into_view_if_needed()
        output.screenshot(path=str(artifacts / f"lab-{stem}-output-{i:02d}.png"))
    assert page.get_by_text("VBox(children=").count() == 0
