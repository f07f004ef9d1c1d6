"""In a real JupyterLab: answer a quiz question, see the feedback; restart the kernel or reload the page: it is back."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from groundup.quiz import bank
from tests.browser.lab import error_outputs, open_notebook, run_all, run_cell_containing, wait_kernel_idle

NOTEBOOK = "00-start-here.ipynb"
QUIZ_CELL = 'section="running-cells-and-using-the-widgets"'
QUESTION = "start-minus-thirty"  # single choice: "You set the practice slider to −30°..."


@pytest.fixture
def question():
    return next(q for q in bank.lesson_questions("00-start-here") if q.id == QUESTION)


def card(page):
    return page.locator(f".groundup-q-{QUESTION}")


def radio_checked(page, text: str) -> bool:
    return card(page).get_by_label(text, exact=True).is_checked()


def restart_kernel_from_the_menu(page):
    """Kernel → Restart Kernel… → Restart, as a student does it."""
    page.locator(".lm-MenuBar-itemLabel", has_text="Kernel").click()
    page.locator(".lm-Menu-itemLabel").get_by_text("Restart Kernel…", exact=True).click()
    page.get_by_role("button", name="Confirm Kernel Restart", exact=True).click()
    page.wait_for_timeout(1000)
    wait_kernel_idle(page)


def prompt_of_cell_containing(page, text: str) -> str:
    return page.evaluate(
        """t => {
            const nb = window.jupyterapp.shell.currentWidget.content;
            const cell = nb.widgets.find(c => c.model.type === 'code' && c.model.sharedModel.getSource().includes(t));
            return cell.node.querySelector('.jp-InputArea-prompt').textContent;
        }""",
        text,
    )


def assert_answer_and_feedback_shown(page, question, wrong_choice):
    box = card(page)
    box.wait_for(state="visible", timeout=30_000)
    assert radio_checked(page, wrong_choice.text)
    assert box.get_by_text("✘ Not quite").count() == 1
    assert box.get_by_text(wrong_choice.feedback).count() == 1  # the misconception note for the option chosen
    assert box.get_by_text(question.explanation).count() == 1
    link = box.get_by_role("link", name="Review this:", exact=False)
    assert link.get_attribute("target") == "_blank"
    assert link.get_attribute("href") == "00-start-here.ipynb#2.-Running-cells-and-using-the-widgets"
    # The buttons' states arrive in their own widget messages, after the feedback: wait for them.
    expect(box.get_by_role("button", name="Check", exact=True)).to_be_disabled()
    expect(box.get_by_role("button", name="Try again", exact=True)).to_be_enabled()


def test_an_answer_and_its_feedback_survive_a_kernel_restart_and_a_page_reload(page, lab, artifacts, question,
                                                                             no_answers_yet):
    wrong = next(c for c in question.choices if c.id != question.answer)
    open_notebook(page, lab, NOTEBOOK)
    run_all(page)
    assert error_outputs(page) == []
    box = card(page)
    box.scroll_into_view_if_needed()
    assert box.get_by_text("✘ Not quite").count() == 0
    box.get_by_label(wrong.text, exact=True).check()
    box.get_by_role("button", name="Check", exact=True).click()
    box.get_by_text("✘ Not quite").wait_for(timeout=15_000)
    assert_answer_and_feedback_shown(page, question, wrong)
    page.screenshot(path=str(artifacts / "quiz-answered.png"))

    restart_kernel_from_the_menu(page)
    run_cell_containing(page, "gu.setup()")
    assert prompt_of_cell_containing(page, "gu.setup()").strip() == "[1]:"  # a fresh kernel
    run_cell_containing(page, QUIZ_CELL)
    card(page).scroll_into_view_if_needed()
    assert_answer_and_feedback_shown(page, question, wrong)
    page.screenshot(path=str(artifacts / "quiz-after-restart.png"))

    page.reload()
    open_notebook(page, lab, NOTEBOOK)
    run_all(page)
    card(page).scroll_into_view_if_needed()
    assert_answer_and_feedback_shown(page, question, wrong)
    assert error_outputs(page) == []
    page.screenshot(path=str(artifacts / "quiz-after-reload.png"))

    # Try again, answer right from the keyboard: the new answer is the one kept.
    box = card(page)
    box.get_by_role("button", name="Try again", exact=True).click()
    right = next(c for c in question.choices if c.id == question.answer)
    radio = box.get_by_label(right.text, exact=True)
    expect(radio).to_be_enabled()  # "Try again" re-enables the choices in a widget message of its own
    radio.focus()
    page.keyboard.press("Space")
    expect(radio).to_be_checked()
    check = box.get_by_role("button", name="Check", exact=True)
    expect(check).to_be_enabled()
    check.focus()
    page.keyboard.press("Enter")
    box.get_by_text("✔ Correct").wait_for(timeout=15_000)
    assert page.outside_requests == [] or all("127.0.0.1" not in u for u in page.outside_requests)


def test_progress_review_and_reset_render_in_lab(page, lab, workspace, artifacts):
    (workspace / "quiz-tools.ipynb").write_text(
        '{"cells": [{"cell_type": "code", "id": "a", "metadata": {}, "execution_count": null, "outputs": [], '
        '"source": "import groundup as gu\\ngu.progress()"}, '
        '{"cell_type": "code", "id": "b", "metadata": {}, "execution_count": null, "outputs": [], "source": "gu.review()"}, '
        '{"cell_type": "code", "id": "c", "metadata": {}, "execution_count": null, "outputs": [], "source": "gu.reset_progress()"}], '
        '"metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}, '
        '"nbformat": 4, "nbformat_minor": 5}'
    )
    open_notebook(page, lab, "quiz-tools.ipynb")
    run_all(page)
    assert error_outputs(page) == []
    image = page.locator(".groundup-progress img")
    assert image.count() == 1 and image.get_attribute("alt").startswith("Bar chart of quiz progress per lesson.")
    assert page.locator(".groundup-progress figcaption").count() == 1
    reset = page.get_by_role("button", name="Reset my progress…", exact=True)
    reset.click()
    page.get_by_role("button", name="Cancel", exact=True).wait_for(timeout=10_000)
    page.screenshot(path=str(artifacts / "quiz-progress-review-reset.png"))
    page.get_by_role("button", name="Cancel", exact=True).click()
    page.get_by_text("Nothing was changed").wait_for(timeout=10_000)
