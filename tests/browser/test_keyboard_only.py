"""A student who uses only the keyboard can reach a quiz, answer it and check it, and sees where focus is."""

from groundup.quiz import bank
from tests.browser.lab import open_notebook, run_all

FOCUSED = """() => {
    const e = document.activeElement;
    const card = e.closest('.groundup-quiz-card');
    const label = e.closest('label');
    const style = getComputedStyle(e);
    return {
        tag: e.tagName, type: e.type || '', text: (label ? label.textContent : e.textContent || '').trim(),
        card: card ? [...card.classList].find(c => c.startsWith('groundup-q-')) : null,
        checked: !!e.checked,
        visible: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
    };
}"""


def test_answer_a_quiz_question_with_the_keyboard_only(page, lab, artifacts, no_answers_yet):
    open_notebook(page, lab, "00-start-here.ipynb")
    run_all(page)  # setting the stage: the student has run the lesson

    # The first single-choice question on the page, and its right answer from the bank.
    cards = page.eval_on_selector_all(
        ".groundup-quiz-card", "els => els.map(e => [...e.classList].find(c => c.startsWith('groundup-q-')))")
    questions = {q.id: q for q in bank.lesson_questions(["00-start-here"])}
    target = next(c for c in cards if questions[c.removeprefix("groundup-q-")].type == "single")
    question = questions[target.removeprefix("groundup-q-")]
    answer_text = question.choice(question.answer).text
    cell = page.evaluate(
        """id => window.jupyterapp.shell.currentWidget.content.widgets.findIndex(
               c => c.node.querySelector('.' + id) !== null)""", target)

    # Keyboard only from here: command mode, arrow keys to the quiz cell, Tab into the quiz.
    page.keyboard.press("Escape")
    active = page.evaluate("() => window.jupyterapp.shell.currentWidget.content.activeCellIndex")
    key = "ArrowUp" if active > cell else "ArrowDown"
    for _ in range(abs(active - cell)):
        page.keyboard.press(key)
    assert page.evaluate("() => window.jupyterapp.shell.currentWidget.content.activeCellIndex") == cell

    chose = checked = False
    visited = []
    for _ in range(80):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUSED)
        visited.append((focus["tag"], focus["type"], focus["text"][:30], focus["card"]))
        if focus["card"] != target:
            continue
        assert focus["visible"], f"no visible focus indicator on {focus}"
        if not chose and focus["type"] == "radio" and focus["text"] == answer_text:
            page.keyboard.press("Space")
            assert page.evaluate(FOCUSED)["checked"]
            chose = True
        elif chose and focus["tag"] == "BUTTON" and focus["text"] == "Check":
            page.keyboard.press("Enter")
            checked = True
            break
    assert chose and checked, f"could not reach {answer_text!r} and Check in {target} with Tab: {visited}"
    feedback = page.locator(f".{target}").get_by_text("Correct")
    feedback.wait_for(timeout=15_000)
    page.locator(f".{target}").screenshot(path=str(artifacts / "keyboard-only-quiz.png"))
    assert "✔" in page.locator(f".{target}").inner_text()
    arrow_keys_on_the_practice_slider_change_its_reading(page)
    keys_on_a_drop_down_list_change_the_list_not_the_notebook(page)  # last: it leaves focus in a list


def keys_on_a_drop_down_list_change_the_list_not_the_notebook(page):
    cells_before = page.evaluate("() => window.jupyterapp.shell.currentWidget.content.widgets.length")
    select = page.locator(".groundup-quiz select").first
    select.focus()
    active = page.evaluate("() => window.jupyterapp.shell.currentWidget.content.activeCellIndex")
    first = select.evaluate("e => e.selectedIndex")
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(300)
    assert select.evaluate("e => e.selectedIndex") == first + 1  # the list moved ...
    assert page.evaluate("() => window.jupyterapp.shell.currentWidget.content.activeCellIndex") == active  # ... not the notebook
    for key in ("d", "d", "m", "r", "x"):  # notebook commands in command mode: delete, to Markdown, to raw, cut
        page.keyboard.press(key)
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.jupyterapp.shell.currentWidget.content.widgets.length") == cells_before
    types = page.evaluate("() => window.jupyterapp.shell.currentWidget.content.widgets.map(c => c.model.type)")
    assert types.count("raw") == 0


def arrow_keys_on_the_practice_slider_change_its_reading(page):
    handle = page.locator(".noUi-handle").first
    assert page.get_by_text("neutral, the foot at a right angle").count() == 1
    handle.focus()
    for _ in range(5):
        handle.press("ArrowLeft")
    page.wait_for_timeout(500)
    assert page.get_by_text("5° of plantarflexion").count() == 1
