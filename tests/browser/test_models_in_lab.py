"""The joint models in a real JupyterLab: moving a slider with the keyboard redraws the figure and the readout."""

from __future__ import annotations

import json

import pytest

from tests.browser.lab import error_outputs, open_notebook, run_all

MODELS = ["ankle_model", "knee_to_wall", "gait_model", "subtalar_model", "windlass_model", "big_toe_model"]
NOTEBOOK = "models-in-lab.ipynb"


def notebook() -> dict:
    sources = ["import groundup as gu\ngu.setup()", *[f"gu.{name}()" for name in MODELS]]
    return {
        "cells": [{"cell_type": "code", "id": f"cell-{i}", "metadata": {}, "execution_count": None, "outputs": [],
                   "source": source} for i, source in enumerate(sources)],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4, "nbformat_minor": 5,
    }


@pytest.fixture(scope="module")
def models_notebook(workspace):
    (workspace / NOTEBOOK).write_text(json.dumps(notebook()), encoding="utf-8")
    return NOTEBOOK


def snapshot(model) -> tuple[str, str]:
    """(the figure's image data, the readout's text) of one model on the page."""
    return (model.locator(".groundup-figure img").get_attribute("src"),
            model.locator(".groundup-readout").inner_text())


def test_keyboard_on_each_models_slider_changes_pixels_and_readout(page, lab, artifacts, models_notebook):
    open_notebook(page, lab, models_notebook)
    run_all(page)
    assert error_outputs(page) == []
    models = page.locator(".groundup-model")
    assert models.count() == len(MODELS)
    for index, name in enumerate(MODELS):
        model = models.nth(index)
        model.scroll_into_view_if_needed()
        src_before, text_before = snapshot(model)
        assert src_before.startswith("data:image/png;base64,") and len(src_before) > 10_000, name
        assert model.locator(".groundup-figure img").get_attribute("alt"), name
        assert text_before.strip(), name
        handle = model.locator(".noUi-handle").first
        handle.focus()
        for _ in range(3):
            handle.press("ArrowRight")
        page.wait_for_function(
            """([i, src]) => {
                const m = document.querySelectorAll('.groundup-model')[i];
                return m.querySelector('.groundup-figure img').getAttribute('src') !== src;
            }""",
            arg=[index, src_before], timeout=20_000,
        )
        page.wait_for_timeout(300)  # let the last key's update land
        src_after, text_after = snapshot(model)
        assert src_after != src_before, f"{name}: the figure did not change"
        assert text_after != text_before, f"{name}: the readout did not change"
        assert "could not update" not in text_after, name
    page.locator(".groundup-model").first.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "lab-models.png"), full_page=False)
    assert error_outputs(page) == []
    assert page.outside_requests == []
