"""The quiz widgets without a browser: answer by setting .value and clicking, read the feedback widgets."""

from __future__ import annotations

import ast
import html
import json
import time
from pathlib import Path

import ipywidgets as w
import pytest

import groundup as gu
from groundup import resources
from groundup.errors import ValidationError
from groundup.quiz import bank, graders
from groundup.quiz.bank import Question
from groundup.quiz.providers import register_provider, unregister_provider
from groundup.quiz.store import AnswerStore, StoreError
from groundup.quiz.view import Quiz, progress, reset_progress, review
from groundup.textsafe import inline_markdown, markdown_to_html
from tests import quiz_helpers as make

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def store(tmp_path):
    return AnswerStore(tmp_path / "progress.sqlite")


def card_for(quiz, qid):
    return next(c for c in quiz.cards if c.question.id == qid)


def answer(card, response):
    """Answer through the controls, as a student would (setting .value), then click Check."""
    q = card.question
    if q.type in ("single", "label", "truefalse"):
        card.input.value = response
    elif q.type == "numeric":
        card.input.value = f"{response:g}"  # typed, as a student types it
    elif q.type == "multiple":
        for choice, box in zip(card.presentation.choices, card.checkboxes):
            box.value = choice.id in response
    elif q.type == "matching":
        for pair, dropdown in zip(q.pairs, card.dropdowns):
            dropdown.value = "" if response[pair.left] is None else response[pair.left]  # "": "— choose —"
    elif q.type == "ordering":
        for dropdown, item in zip(card.dropdowns, response):
            dropdown.value = item
    card.check_button.click()


def wrong_response(q):
    if q.type in ("single", "label"):
        return next(c.id for c in q.choices if c.id != q.answer)
    if q.type == "multiple":
        return [c.id for c in q.choices if c.id not in q.answer]
    if q.type == "truefalse":
        return not q.answer
    if q.type == "numeric":
        return q.answer + q.tolerance + 10
    if q.type == "matching":
        options = q.right_options
        return {p.left: next(o for o in options if o != p.right) for p in q.pairs}
    return list(reversed(q.items))


def test_the_lazy_names_are_the_quiz_widgets():
    assert gu.Quiz is Quiz and gu.review is review and gu.progress is progress and gu.reset_progress is reset_progress


def test_a_section_quiz_shows_one_card_per_question_and_a_score_line(store):
    quiz = Quiz("00-start-here", section="running-cells-and-using-the-widgets", store=store)
    expected = {q.id for q in bank.lesson_questions("00-start-here") if q.section == "running-cells-and-using-the-widgets"}
    assert {c.question.id for c in quiz.cards} == expected
    assert quiz.message.value == ""
    assert quiz.children[-1] is quiz.score
    assert quiz.score.value == f"<p><strong>Score: 0 of {len(expected)}</strong> (0 right, {len(expected)} still to answer).</p>"
    assert quiz.cards[0].prompt.value.startswith(f"<p><strong>Question 1 of {len(expected)}</strong>")


@pytest.mark.parametrize("qid", [q.id for q in bank.lesson_questions("00-start-here")])
def test_every_start_here_question_answered_right_then_wrong(store, qid):
    quiz = Quiz("00-start-here", store=store)
    card = card_for(quiz, qid)
    q = card.question
    answer(card, graders.right_response(q))
    html = card.feedback.value
    assert "✔ Correct" in html and "✘" not in html
    assert f"<strong>Why:</strong> {markdown_to_html(q.explanation)}" in html  # the explanation
    assert 'target="_blank"' in html and 'href="00-start-here.ipynb#' in html and "Review this:" in html
    assert card.check_button.disabled and not card.retry_button.disabled
    assert all(c.disabled for c in card.controls)
    assert "Saved" in card.status.value
    card.retry_button.click()
    assert card.feedback.value == "" and not card.check_button.disabled and card.grade is None
    answer(card, wrong_response(q))
    html = card.feedback.value
    assert "✘ Not quite" in html and "✔ Correct" not in html
    if q.type in ("single", "truefalse"):  # the misconception note for the option chosen
        note = q.choice(wrong_response(q)).feedback if q.type == "single" else q.feedback[not q.answer]
        assert f"<li>{inline_markdown(note)}</li>" in html
    history = store.history([qid])
    assert [a.correct for a in history] == [True, False] and history[0].quiz == "00-start-here"


def test_feedback_for_a_multiple_select_shows_partial_credit_and_the_misconception(store):
    quiz = Quiz("00-start-here", store=store)
    card = card_for(quiz, "start-ohio-assessment")
    answer(card, ["questions", "looking", "naming"])
    html = card.feedback.value
    assert "✘ Not quite</strong>: partly right (33 %)" in html
    assert "naming the condition is a diagnosis" in html and "You left out «Taking pulse" in html
    assert "1 partly right" in quiz.score.value


def test_checking_without_an_answer_asks_for_one_and_saves_nothing(store):
    quiz = Quiz("00-start-here", section="what-this-course-is", store=store)
    for card in quiz.cards:
        card.check_button.click()
        assert "first." in card.feedback.value and card.grade is None
    order = card_for(quiz, "start-lesson-order")
    for dropdown in order.dropdowns:
        dropdown.value = order.question.items[0]
    order.check_button.click()
    assert "Each item goes in one position only: Learning objectives is chosen more than once." in order.feedback.value
    assert store.count() == 0


def test_answers_and_feedback_come_back_in_a_new_quiz_over_the_same_store(store):
    first = Quiz("00-start-here", store=store)
    shown = {}
    for card in first.cards[:6]:
        answer(card, wrong_response(card.question) if len(shown) % 2 else graders.right_response(card.question))
        shown[card.question.id] = (card.feedback.value, [c.value for c in card.controls])
    again = Quiz("00-start-here", store=store)  # e.g. after a kernel restart
    assert [c.question.id for c in again.cards] == [c.question.id for c in first.cards]  # same stable order
    for card in again.cards:
        if card.question.id in shown:
            feedback, values = shown[card.question.id]
            assert card.feedback.value == feedback
            assert [c.value for c in card.controls] == values
            assert "restored" in card.status.value and card.check_button.disabled
        else:
            assert card.feedback.value == "" and card.grade is None
    assert again.score.value == first.score.value


def test_the_order_is_stable_for_a_student_and_differs_between_students(tmp_path):
    one = AnswerStore(tmp_path / "one.sqlite")
    orders_one = [[c.question.id for c in Quiz("00-start-here", store=one).cards] for _ in range(2)]
    assert orders_one[0] == orders_one[1]
    others = {tuple(c.question.id for c in Quiz("00-start-here", store=AnswerStore(tmp_path / f"s{i}.sqlite")).cards)
              for i in range(4)}
    assert len(others | {tuple(orders_one[0])}) > 1


def test_count_and_a_list_of_lessons(store):
    quiz = Quiz(["00-start-here"], count=5, store=store)
    assert len(quiz.cards) == 5 and quiz.key == "00-start-herex5"
    tagged = Quiz("00-start-here", tags="scope", store=store)
    assert tagged.cards and all("scope" in c.question.tags for c in tagged.cards)


@pytest.mark.parametrize("kwargs, message", [
    (dict(lesson="09-the-knee"), "This quiz cannot be shown: unknown lesson '09-the-knee'."),
    (dict(lesson="00-start-here", section="nope"), "This quiz cannot be shown: there is no section 'nope' in 00-start-here"),
    (dict(lesson="00-start-here", tags="no-such-tag"), "no questions in 00-start-here for this lesson with the tag(s) no-such-tag yet"),
    (dict(lesson="00-start-here", count=0), "count must be a whole number of questions (1 or more), not 0"),
    (dict(lesson=[]), "name at least one lesson"),
])
def test_a_quiz_that_cannot_be_built_says_why_instead_of_raising(store, kwargs, message):
    quiz = Quiz(**kwargs, store=store)
    assert message in html.unescape(quiz.message.value) and "⚠" in quiz.message.value and quiz.cards == []


def test_a_broken_bank_is_a_message_not_a_traceback(store, monkeypatch):
    monkeypatch.setattr(bank, "bank_path", lambda key: REPO / "tests" / "data" / "banks" / "bad" / "several-problems.yaml")
    quiz = Quiz("00-start-here", store=store)
    assert "question bank has a problem" in quiz.message.value and "missing &#x27;explanation&#x27;" in quiz.message.value
    assert "Please tell your instructor" in quiz.message.value


def test_prompts_and_notes_are_escaped(store):
    q = make.single()
    evil = Question(**{**q.__dict__, "prompt": "Is <script>alert(1)</script> **bold**?",
                       "choices": tuple(c if c.id == "a" else type(c)(c.id, c.text, "<img src=x onerror=alert(2)>")
                                        for c in q.choices)})
    quiz = Quiz(None, store=store, _questions=[evil])
    card = quiz.cards[0]
    assert "<script>" not in card.prompt.value and "&lt;script&gt;" in card.prompt.value
    assert "<strong>bold</strong>" in card.prompt.value
    answer(card, "b")
    assert "<img" not in card.feedback.value and "&lt;img src=x" in card.feedback.value


def test_every_control_has_a_visible_label(store):
    register_provider("fake", "tests.fake_anatomy:label_figure")
    try:
        quiz = Quiz(None, store=store, _questions=[f() for f in make.ALL])
    finally:
        unregister_provider("fake")
    for card in quiz.cards:
        assert card.controls
        for control in card.controls:
            assert control.description.strip(), (card.question.type, control)
        for button in (card.check_button, card.retry_button):
            assert button.description and button.tooltip
    numeric = next(c for c in quiz.cards if c.question.type == "numeric")
    assert any(isinstance(x, w.Label) and x.value == "°" for x in numeric.children[1].children)  # the unit
    ordering = next(c for c in quiz.cards if c.question.type == "ordering")
    assert [d.description for d in ordering.dropdowns] == ["1st", "2nd", "3rd", "4th", "5th"]
    assert all(d.label == "— choose —" for d in ordering.dropdowns) and ordering.response() == [None] * 5
    matching = next(c for c in quiz.cards if c.question.type == "matching")
    assert [d.description for d in matching.dropdowns] == [p.left for p in matching.question.pairs]


def test_every_type_right_and_wrong_through_the_widgets(store):
    register_provider("fake", "tests.fake_anatomy:label_figure")
    try:
        quiz = Quiz(None, store=store, _questions=[f() for f in make.ALL])
        for card in quiz.cards:
            answer(card, wrong_response(card.question))
            assert "✘ Not quite" in card.feedback.value, card.question.type
            card.retry_button.click()
            answer(card, graders.right_response(card.question))
            assert "✔ Correct" in card.feedback.value, card.question.type
        assert quiz.score.value.startswith("<p><strong>Score: 7 of 7</strong>")
        matching = next(c for c in quiz.cards if c.question.type == "matching")
        matching.retry_button.click()
        answer(matching, dict(graders.right_response(matching.question), Soleus="Dorsiflexion"))
        assert "✘ Soleus: not right" in matching.feedback.value and "✔ Tibialis anterior: right" in matching.feedback.value
        matching.retry_button.click()
        assert all(d.label == "— choose —" for d in matching.dropdowns)  # Try again shows the placeholder again
    finally:
        unregister_provider("fake")


def test_a_label_question_shows_the_providers_figure_with_alt_text_that_does_not_give_the_answer(store):
    register_provider("fake", "tests.fake_anatomy:label_figure")
    try:
        quiz = Quiz(None, store=store, _questions=[make.label(answer="talus")])
    finally:
        unregister_provider("fake")
    card = quiz.cards[0]
    assert card.figure_view is not None and '<img src="data:image/png;base64,' in card.figure_view.value
    assert card.figure_view.alt == "Diagram (view dorsal) with one structure highlighted and no labels; name it from the choices."
    assert "talus" not in card.figure_view.value.split("alt=")[1].split('"')[1]


def test_a_label_figure_keeps_the_providers_alt_text_when_it_does_not_give_the_answer(store):
    from groundup.figures import new_figure, render

    def discreet(view, highlight):
        return render(new_figure(figsize=(1, 1)), alt=f"Foot seen from the {view} side; one bone marked with an arrow.")

    register_provider("discreet", discreet)
    try:
        card = Quiz(None, store=store, _questions=[make.label(provider="discreet", qid="q-discreet")]).cards[0]
    finally:
        unregister_provider("discreet")
    assert card.figure_view.alt == "Foot seen from the dorsal side; one bone marked with an arrow."


@pytest.mark.parametrize("provider, reason", [
    ("missing", "the figure provider 'missing' is not known"),
    ("broken", "the broken diagrams are not installed yet (groundup.no_such_module:label_figure cannot be imported"),
])
def test_a_figure_that_cannot_be_drawn_is_a_message_in_the_card(store, provider, reason):
    register_provider("broken", "groundup.no_such_module:label_figure")
    try:
        quiz = Quiz(None, store=store, _questions=[make.label(provider=provider, qid=f"q-{provider}")])
    finally:
        unregister_provider("broken")
    card = quiz.cards[0]
    message = html.unescape(card.children[1].value)
    assert "The diagram for this question cannot be shown" in message and reason in message
    assert card.check_button.disabled and all(c.disabled for c in card.controls)
    card.check_button.click()
    assert store.count() == 0


def test_when_answers_cannot_be_saved_the_quiz_still_works_and_says_so(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    quiz = Quiz("00-start-here", section="what-this-course-is", store=AnswerStore(blocker / "p.sqlite"))
    assert "Your answers cannot be saved" in quiz.message.value and quiz.cards
    card = card_for(quiz, "start-references-block")
    answer(card, "references")
    assert "✔ Correct" in card.feedback.value and "Not saved" in card.status.value


def test_an_answer_that_could_not_be_saved_is_saved_with_the_next_check(store, monkeypatch):
    quiz = Quiz("00-start-here", section="what-this-course-is", store=store)
    real = store.record
    monkeypatch.setattr(store, "record", lambda *a, **k: (_ for _ in ()).throw(StoreError("database is locked")))
    answer(card_for(quiz, "start-references-block"), "references")
    assert "Not saved yet: database is locked. It will be saved with your next check." in \
        card_for(quiz, "start-references-block").status.value
    monkeypatch.setattr(store, "record", real)
    card = card_for(quiz, "start-block-purposes")
    answer(card, graders.right_response(card.question))
    assert "Saved" in card.status.value
    assert [a.question_id for a in store.history()] == ["start-references-block", "start-block-purposes"]


def test_a_stored_answer_that_no_longer_fits_the_question_is_not_restored(store):
    store.student_id()
    store.record("start-references-block", "00-start-here", "x", "a-choice-that-was-removed", 0, False)
    card = card_for(Quiz("00-start-here", store=store), "start-references-block")
    assert card.grade is None and "changed since you last answered it" in card.status.value


def test_a_callback_failure_becomes_a_message(store, monkeypatch):
    quiz = Quiz("00-start-here", section="what-this-course-is", store=store)
    card = card_for(quiz, "start-references-block")
    monkeypatch.setattr(graders, "grade", lambda *a: 1 / 0)
    answer(card, "references")
    assert "Something went wrong (ZeroDivisionError" in card.status.value


# --- review, progress, reset -------------------------------------------------------------------------


def test_review_asks_the_questions_that_are_due(store):
    now = time.time()
    assert "Nothing is due for review yet" in review(store=store, now=now).value
    store.student_id()
    store.record("start-references-block", "00-start-here", "q", "summary", 0, False, at=now - 100)
    store.record("start-run-a-cell", "00-start-here", "q", "shift-enter", 1, True, at=now - 100)
    quiz = review(store=store, now=now)
    assert [c.question.id for c in quiz.cards] == ["start-references-block"]  # wrong: due at once
    assert "1 question is due for review" in quiz.header.value
    card = quiz.cards[0]
    assert card.grade is None  # a review starts blank
    answer(card, "references")
    assert store.latest()["start-references-block"].quiz == "review"
    later = review(store=store, now=now + 2 * 86_400)
    assert {c.question.id for c in later.cards} == {"start-references-block", "start-run-a-cell"}
    assert len(review(store=store, now=now + 2 * 86_400, count=1).cards) == 1
    assert "The next question comes due on" in review(store=store, now=now + 60).value


CELL = 'style="padding:2px 12px 2px 0;text-align:left"'


def test_progress_shows_a_chart_and_one_sentence(store, artifacts):
    store.student_id()
    for qid, ok in (("start-references-block", True), ("start-run-a-cell", False), ("start-swollen-calf", True)):
        store.record(qid, "00-start-here", "q", "x", float(ok), ok)
    view = progress(store=store, now=time.time())
    total = len(bank.lesson_questions("00-start-here"))
    assert view.figure.alt.startswith(f"Bar chart of quiz progress per lesson. Start here: how this course works: 3 of {total} answered, 2 right")
    caption = view.figure.value.split("<figcaption>")[1]
    course_total = len(bank.all_questions()[0])  # the sentence counts every bank of the course, not one lesson's
    assert caption.startswith(f"You have answered 3 of {course_total} questions (2 right on your latest try)")
    assert "1 is due for review" in caption
    assert f"<td {CELL}>Start here: how this course works</td><td {CELL}>3 of {total}</td><td {CELL}>2</td>" in view.summary.value
    import base64
    (artifacts / "quiz-progress-view.png").write_bytes(base64.b64decode(view.figure.value.split("base64,")[1].split('"')[0]))


def test_reset_progress_asks_first_and_can_be_cancelled(store):
    store.student_id()
    store.record("start-references-block", "00-start-here", "q", "references", 1, True)
    widget = reset_progress(store=store)
    assert widget.confirm_row.layout.display == "none"
    widget.reset_button.click()
    assert "Reset your progress? Your 1 saved answer will" in widget.question.value
    assert widget.confirm_row.layout.display == "flex"
    widget.cancel_button.click()
    assert store.count() == 1 and "Nothing was changed" in widget.status.value
    widget.reset_button.click()
    widget.confirm_button.click()
    assert store.count() == 0 and "Your progress was reset (1 answer set aside)" in widget.status.value
    assert Quiz("00-start-here", store=store).cards[0].grade is None
    widget.reset_button.click()
    assert "nothing to reset" in widget.status.value


# --- the lessons' quiz cells ---------------------------------------------------------------------------


def _quiz_calls(notebook: Path):
    """The arguments of every gu.Quiz(...) call in a lesson's code cells."""
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "code":
            continue
        for node in ast.walk(ast.parse("".join(cell["source"]))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "Quiz":
                args = [ast.literal_eval(a) for a in node.args]
                kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords}
                yield dict(zip(("lesson", "section", "tags", "count"), args), **kwargs)


def test_every_quiz_cell_in_the_lessons_shows_questions(store):
    calls = [(nb.name, call) for nb in sorted((REPO / "lessons").glob("*.ipynb")) for call in _quiz_calls(nb)]
    assert [call["section"] for name, call in calls if name == "00-start-here.ipynb"] == [
        s.key for s in resources.lesson("00-start-here").sections]
    for name, call in calls:
        quiz = Quiz(**call, store=store)
        assert quiz.message.value == "" and quiz.cards, f"{name}: gu.Quiz(**{call}) shows {quiz.message.value}"
        if call.get("count"):
            assert len(quiz.cards) == call["count"], f"{name}: gu.Quiz(**{call}) has only {len(quiz.cards)} questions"


def test_no_bank_problem_is_hidden_by_the_quiz_test(monkeypatch):
    # the check above must be able to fail: a quiz over a broken bank shows a message
    monkeypatch.setattr(bank, "load_bank", lambda path: (_ for _ in ()).throw(ValidationError([])))
    assert Quiz("00-start-here").message.value != ""


def test_an_empty_or_non_numeric_box_is_not_graded_and_says_what_to_do(tmp_path):
    quiz = Quiz("00-start-here", store=AnswerStore(tmp_path / "p.sqlite"))
    card = next(c for c in quiz.cards if c.question.type == "numeric")
    assert card.input.value == ""  # no answer until one is typed (not a 0 that would count as wrong)
    card.check_button.click()
    assert "Type a number first" in card.feedback.value
    card.input.value = "twelve"
    card.check_button.click()
    assert "is not a number" in card.feedback.value
    assert quiz.store.count() == 0
    card.input.value = f"{card.question.answer:g}".replace(".", ",")  # a decimal comma is read as a point
    card.check_button.click()
    assert quiz.store.count() == 1 and "Correct" in card.feedback.value
