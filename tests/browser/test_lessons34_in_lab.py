"""Lessons 3, 4 and 6 in a real JupyterLab: every code cell shows a rendered widget or figure, never an error.

Each cell's output is screenshotted into artifacts/lessons/ so a person can check that figures are legible
and widgets rendered.
"""

import pytest

from tests.browser.lab import error_outputs, open_notebook, run_all

LESSONS = ["03-the-metatarsal-arch.ipynb", "04-the-toes.ipynb", "06-putting-it-together.ipynb"]


@pytest.mark.parametrize("filename", LESSONS)
def test_every_cell_renders_a_widget_or_figure(page, lab, artifacts, filename):
    page.set_viewport_size({"width": 1300, "height": 3200})
    open_notebook(page, lab, filename)
    run_all(page, timeout=240_000)
    assert error_outputs(page) == []
    out = artifacts / "lessons"
    out.mkdir(exist_ok=True)
    cells = page.locator(".jp-CodeCell")
    assert cells.count() >= 8
    for index in range(cells.count()):
        cell = cells.nth(index)
        cell.scroll_into_view_if_needed()
        page.wait_for_timeout(150)
        source = cell.locator(".jp-InputArea-editor").inner_text()
        output = cell.locator(".jp-OutputArea-output")
        assert output.count() >= 1, f"{filename}: cell {index} ({source!r}) shows nothing"
        rendered = cell.locator(".jupyter-widgets, figure.groundup-figure, .widget-html")
        assert rendered.count() >= 1, f"{filename}: cell {index} ({source!r}) shows no widget or figure"
        assert "Traceback" not in output.first.inner_text()
        for image in cell.locator("img").all():
            assert (image.get_attribute("alt") or "").strip(), f"{filename}: cell {index} has an image without alt text"
        cell.screenshot(path=str(out / f"{filename.removesuffix('.ipynb')}-cell{index:02d}.png"))
    assert page.get_by_text("cannot be shown").count() == 0, f"{filename}: a quiz could not be shown"
