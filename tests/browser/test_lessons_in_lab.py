"""Every lesson opens in a real JupyterLab, runs all its cells, and shows no error."""

import pytest

from groundup.resources import lessons
from tests.browser.lab import error_outputs, open_notebook, run_all

LESSON_FILES = [lesson.filename for lesson in lessons()]


@pytest.mark.parametrize("filename", LESSON_FILES)
def test_lesson_runs_without_error_output(page, lab, artifacts, filename):
    """Open, run all, no error output; widgets render as widgets; every figure has alt text.

    One screenshot per output holding a widget or a figure is saved for a person to look at.
    """
    open_notebook(page, lab, filename)
    run_all(page, timeout=240_000)
    errors = error_outputs(page)
    stem = filename.removesuffix(".ipynb")
    page.screenshot(path=str(artifacts / f"lab-{stem}.png"), full_page=False)
    assert errors == [], f"{filename} shows error output: {errors[:3]}"
    # Every code cell ran (has an execution count) and widgets rendered as widgets, not as text reprs.
    prompts = page.eval_on_selector_all(".jp-CodeCell .jp-InputArea-prompt", "els => els.map(e => e.textContent)")
    assert prompts and all(p.strip() not in ("[ ]:", "") for p in prompts), prompts
    assert page.locator(".jp-OutputArea-output").count() > 0
    assert page.get_by_text("VBox(children=").count() == 0, "a widget showed as text: its view did not render"
    assert page.get_by_text("cannot be shown").count() == 0, f"{filename}: a quiz could not be shown"
    images = page.locator(".jp-OutputArea-output img")
    for i in range(images.count()):
        assert (images.nth(i).get_attribute("alt") or "").strip(), f"image {i} of {filename} has no alt text"
    page.set_viewport_size({"width": 1400, "height": 2600})  # tall, so no output is cut by the toolbar
    outputs = page.locator(".jp-OutputArea-output:has(.jupyter-widgets), .jp-OutputArea-output:has(img)")
    for i in range(outputs.count()):
        output = outputs.nth(i)
        output.scroll_into_view_if_needed()
        output.screenshot(path=str(artifacts / f"lab-{stem}-output-{i:02d}.png"))
    assert page.outside_requests == [], page.outside_requests

