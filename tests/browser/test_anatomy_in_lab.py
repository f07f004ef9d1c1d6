"""The anatomy explorer in a real JupyterLab: pick a bone from the menu, switch the view, read what changed."""

import json

from tests.browser.lab import error_outputs, open_notebook, run_all

NOTEBOOK = "anatomy-explorer-check.ipynb"
IMAGE = "figure.groundup-figure img"


def _write_notebook(folder):
    cells = [
        {"cell_type": "code", "id": "setup", "metadata": {}, "execution_count": None, "outputs": [],
         "source": "import groundup as gu\ngu.setup()"},
        {"cell_type": "code", "id": "explorer", "metadata": {}, "execution_count": None, "outputs": [],
         "source": "gu.explorer()"},
        {"cell_type": "code", "id": "diagram", "metadata": {}, "execution_count": None, "outputs": [],
         "source": "gu.foot_diagram(\"medial\", highlight=\"talocrural\")"},
    ]
    notebook = {"cells": cells, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                              "language": "python"}},
                "nbformat": 4, "nbformat_minor": 5}
    (folder / NOTEBOOK).write_text(json.dumps(notebook))


def _wait_for_alt(page, text, timeout=20_000):
    page.wait_for_function(
        "([selector, text]) => [...document.querySelectorAll(selector)].some(i => (i.alt || '').includes(text))",
        arg=[IMAGE, text], timeout=timeout,
    )


def test_choosing_a_bone_and_a_view_updates_the_figure_and_the_text(page, lab, workspace, artifacts):
    _write_notebook(workspace)
    open_notebook(page, lab, NOTEBOOK)
    run_all(page)
    assert error_outputs(page) == []
    images = page.locator(IMAGE)
    assert images.count() == 2  # the explorer's figure and the plain diagram
    explorer_image = images.first
    assert explorer_image.get_attribute("alt").startswith("Diagram of the bones of a right foot seen from above")
    assert page.evaluate("s => document.querySelector(s).naturalWidth", IMAGE) > 500  # the PNG decoded
    assert "Highlighted: the ankle (talocrural) joint" in images.nth(1).get_attribute("alt")
    first_source = explorer_image.get_attribute("src")

    menu = page.get_by_label("Bone or joint:")
    menu.select_option(label="Talus (tarsal)")
    _wait_for_alt(page, "Highlighted: the talus")
    info = page.locator(".groundup-anatomy-info")
    assert "Talus" in info.inner_text() and "Covered in: Lesson 1" in info.inner_text()
    assert info.locator("a").get_attribute("href").endswith("01-the-ankle.ipynb")
    assert explorer_image.get_attribute("src") != first_source

    page.get_by_role("button", name="Inner side (medial)", exact=True).click()
    _wait_for_alt(page, "seen from the inner side (medial view)")
    assert "Highlighted: the talus" in explorer_image.get_attribute("alt")

    dorsal = page.get_by_role("button", name="From above (dorsal)", exact=True)
    dorsal.focus()  # the controls work from the keyboard too
    dorsal.press("Enter")
    _wait_for_alt(page, "seen from above (dorsal view)")
    assert "Highlighted: the talus" in explorer_image.get_attribute("alt")
    page.screenshot(path=str(artifacts / "lab-anatomy-explorer.png"), full_page=False)
    assert error_outputs(page) == []
    assert page.outside_requests == []
