"""The quiz widgets: ``Quiz``, ``review()``, ``progress()`` and ``reset_progress()``.

Thin views over the pure modules. Every control has a visible label and is a native
ipywidgets control (so it works from the keyboard); right and wrong are shown as text
and an icon; feedback lives in HTML widgets (``card.feedback.value``) so tests can read
it. Nothing a student clicks ends in a traceback: problems become a message in the card.
"""

from __future__ import annotations

import functools
import time
from dataclasses import replace

import ipywidgets as w
from traitlets import TraitError

from groundup.errors import GroundUpError, ValidationError
from groundup.quiz import bank, graders, providers, selection
from groundup.quiz.store import AnswerStore, StoreError
from groundup.style import OKABE_ITO
from groundup.textsafe import escape, inline_markdown, markdown_to_html
from groundup.views import FigureView

ICON_RIGHT, ICON_WRONG, ICON_INFO, ICON_WARN = "✔", "✘", "ℹ", "⚠"
VERDICT_COLOUR = {"correct": OKABE_ITO["bluish_green"], "partial": OKABE_ITO["orange"], "wrong": OKABE_ITO["vermillion"]}
INSTRUCTIONS = {
    "single": "Choose one answer.",
    "multiple": "Tick every answer that applies (partial credit: each wrong tick cancels a right one).",
    "truefalse": "Is the statement true or false?",
    "numeric": "Type a number.",
    "matching": "Match each item with one from its list.",
    "ordering": "Put the items in order: choose what comes 1st, 2nd, and so on.",
    "label": "Name the highlighted structure.",
}
PLACEHOLDER = "— choose —"
UNCHOSEN = ""  # the placeholder's value (items are never empty text); None would blank the list instead
FULL = w.Layout(width="auto")
WIDE = {"description_width": "initial"}


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _when(at: float) -> str:
    return time.strftime("%d %b %Y, %H:%M", time.localtime(at))


def _box(*lines: str, colour: str | None = None, role: str = "status") -> str:
    border = f"border-left:4px solid {colour};padding-left:8px;" if colour else ""
    return f'<div role="{role}" aria-live="polite" style="{border}">' + "".join(lines) + "</div>"


def _message(text: str, icon: str = ICON_INFO) -> str:
    return f"<p>{icon} {escape(text)}</p>"


def review_link(question) -> str:
    """'Review this' link to the lesson section (opens in a new tab); empty if the lesson is missing."""
    from groundup.resources import lesson

    try:
        found = lesson(question.lesson)
    except GroundUpError:
        return ""
    section = found.section(question.section)
    where = f"{found.title}, section {section.number}. {section.title}" if section else found.title
    return (f'<p><a href="{escape(found.link(question.section))}" target="_blank" rel="noopener" '
            f'style="color:{OKABE_ITO["blue"]};text-decoration:underline">Review this: {escape(where)}</a> '
            "(opens in a new tab)</p>")


def feedback_html(question, grade: graders.Grade, response=None) -> str:
    """What a student sees after Check: verdict (icon + words), notes, explanation, review link."""
    if grade.correct:
        verdict = f"<p><strong>{ICON_RIGHT} Correct</strong></p>"
    elif grade.score > 0:
        verdict = f"<p><strong>{ICON_WRONG} Not quite</strong>: partly right ({round(100 * grade.score)} %)</p>"
    else:
        verdict = f"<p><strong>{ICON_WRONG} Not quite</strong></p>"
    parts = [verdict]
    marks = _marks_html(question, grade, response)
    if marks:
        parts.append(marks)
    notes = [n for n in grade.notes if n]
    if notes:
        parts.append("<ul>" + "".join(f"<li>{inline_markdown(n)}</li>" for n in notes) + "</ul>")
    parts.append(f"<div><strong>Why:</strong> {markdown_to_html(question.explanation)}</div>")
    parts.append(review_link(question))
    return _box(*parts, colour=VERDICT_COLOUR[grade.verdict])


def _marks_html(question, grade, response) -> str:
    if question.type == "matching" and not grade.correct:
        rows = [f"<li>{ICON_RIGHT if ok else ICON_WRONG} {escape(left)}: {'right' if ok else 'not right'}</li>"
                for left, ok in grade.marks]
    elif question.type == "ordering" and not grade.correct and response:
        rows = [f"<li>{ICON_RIGHT if ok else ICON_WRONG} {ordinal(i + 1)}: {escape(item)}</li>"
                for i, ((_, ok), item) in enumerate(zip(grade.marks, response))]
    else:
        return ""
    return '<ul style="list-style:none;padding-left:0">' + "".join(rows) + "</ul>"


def _guard(method):
    """Run a button callback; show any failure as a message in the card instead of a traceback."""
    @functools.wraps(method)
    def run(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except Exception as exc:  # a student must never see a traceback
            self.status.value = _message(f"Something went wrong ({type(exc).__name__}: {exc}). "
                                         "Your earlier answers are safe; run the cell again.", ICON_WARN)
    return run


def _choose(dropdown, value) -> None:
    """Select a value, or the "— choose —" placeholder for None."""
    dropdown.value = UNCHOSEN if value is None else value


def _chosen(dropdown):
    return None if dropdown.value == UNCHOSEN else dropdown.value


_FIGURES: dict = {}


def _label_figure(spec):
    """The provider's figure; its alt text is replaced if it names the highlighted structure (the answer)."""
    if spec not in _FIGURES:
        figure = providers.draw(spec)
        highlight = dict(spec.params).get("highlight", "")
        names = {highlight.lower(), highlight.replace("_", " ").lower()} - {""}
        if any(name in figure.alt.lower() for name in names):
            shown = ", ".join(f"{k} {v}" for k, v in spec.params if k != "highlight")
            figure = replace(figure, alt=f"Diagram ({shown}) with one structure highlighted and no labels; "
                                         "name it from the choices.")
        _FIGURES[spec] = figure
    return _FIGURES[spec]


class QuestionCard(w.VBox):
    """One question: prompt, answer controls, Check / Try again, feedback and save status."""

    def __init__(self, question, number: int, total: int, *, student: str, quiz: "Quiz"):
        self.question = question
        self.quiz = quiz
        self.presentation = selection.present(question, student)
        self.grade: graders.Grade | None = None
        self.checked_response = None
        self.figure_view = None
        self.unavailable = ""

        heading = (f"<p><strong>Question {number} of {total}</strong> · <em>{INSTRUCTIONS[question.type]}</em></p>"
                   f"{markdown_to_html(question.prompt)}")
        self.prompt = w.HTML(heading)
        self.controls: list[w.DOMWidget] = []
        body = self._build_controls()
        # No icons on buttons: an icon font's glyph would become part of the button's accessible name.
        self.check_button = w.Button(description="Check", tooltip="Check your answer (it is saved at once)",
                                     button_style="primary")
        self.retry_button = w.Button(description="Try again", tooltip="Clear your answer and try this question again",
                                     disabled=True)
        self.check_button.on_click(lambda _: self.check())
        self.retry_button.on_click(lambda _: self.retry())
        self.feedback = w.HTML("")
        self.status = w.HTML("")
        children = [self.prompt]
        if question.type == "label":
            children.append(self._figure_widget())
        children += [body, w.HBox([self.check_button, self.retry_button]), self.feedback, self.status]
        super().__init__(children, layout=w.Layout(border="1px solid #9e9e9e", padding="4px 12px 8px 12px",
                                                   margin="8px 0", width="auto"))
        self.add_class("groundup-quiz-card")
        self.add_class(f"groundup-q-{question.id}")
        if self.unavailable:
            self._set_disabled(True)
            self.check_button.disabled = True

    # --- building ---

    def _build_controls(self):
        q, p = self.question, self.presentation
        if q.type in ("single", "label"):
            self.input = w.RadioButtons(options=[(c.text, c.id) for c in p.choices], value=None,
                                        description="Your answer", style=WIDE, layout=FULL)
            self.controls = [self.input]
            return self.input
        if q.type == "truefalse":
            self.input = w.RadioButtons(options=[("True", True), ("False", False)], value=None,
                                        description="Your answer", style=WIDE, layout=FULL)
            self.controls = [self.input]
            return self.input
        if q.type == "multiple":
            self.checkboxes = [w.Checkbox(value=False, description=c.text, indent=False, layout=FULL)
                               for c in p.choices]
            self.controls = list(self.checkboxes)
            return w.VBox(self.checkboxes)
        if q.type == "numeric":
            self.input = w.Text(value="", placeholder="a number, e.g. 12.5", description="Your answer", style=WIDE,
                                layout=w.Layout(width="18em"))
            self.controls = [self.input]
            unit = [w.Label(q.unit)] if q.unit else []
            return w.HBox([self.input, *unit])
        if q.type in ("matching", "ordering"):
            labels = [pair.left for pair in q.pairs] if q.type == "matching" else [ordinal(i + 1) for i in range(len(q.items))]
            # one width for every label, so the lists line up (a longer label is cut, its full text in the tooltip)
            width = {"description_width": f"{min(20.0, 0.6 * max(map(len, labels)) + 1):.1f}em"}
            self.dropdowns = [
                w.Dropdown(options=[(PLACEHOLDER, UNCHOSEN)] + [(o, o) for o in p.options], value=UNCHOSEN, description=label,
                           tooltip=label, style=width, layout=w.Layout(width="auto", max_width="56em"))
                for label in labels
            ]
            self.controls = list(self.dropdowns)
            return w.VBox(self.dropdowns)
        raise GroundUpError(f"unknown question type {q.type!r}")

    def _figure_widget(self):
        try:
            figure = _label_figure(self.question.figure)
        except GroundUpError as exc:
            self.unavailable = str(exc)
            return w.HTML(_box(_message(f"The diagram for this question cannot be shown: {exc}. "
                                        "Skip this question for now.", ICON_WARN), role="note"))
        self.figure_view = FigureView()
        self.figure_view.show(figure)
        return self.figure_view

    # --- reading and setting the answer ---

    def response(self):
        """The answer as the controls hold it, or None when it is not complete yet."""
        q = self.question
        if q.type in ("single", "label", "truefalse"):
            return self.input.value
        if q.type == "multiple":
            return [c.id for c, box in zip(self.presentation.choices, self.checkboxes) if box.value]
        if q.type == "numeric":
            try:
                return graders.parse_number(self.input.value)  # None when the box is empty
            except ValueError:
                return None
        if q.type == "matching":
            return {pair.left: _chosen(d) for pair, d in zip(q.pairs, self.dropdowns)}
        if q.type == "ordering":
            return [_chosen(d) for d in self.dropdowns]
        return None

    def incomplete(self, response) -> str:
        """Why the answer cannot be checked yet ('' when it can)."""
        q = self.question
        if q.type == "numeric" and response is None:
            if self.input.value.strip():
                return f"“{self.input.value.strip()}” is not a number: type digits, e.g. 12.5."
            return "Type a number first."
        if response is None or (q.type == "multiple" and not response):
            return "Choose an answer first." if q.type != "multiple" else "Tick at least one answer first."
        if q.type == "matching" and any(v is None for v in response.values()):
            return "Choose a match for every item first."
        if q.type == "ordering":
            if any(v is None for v in response):
                return "Choose an item for every position first."
            repeated = sorted({v for v in response if response.count(v) > 1})
            if repeated:
                return f"Each item goes in one position only: {', '.join(repeated)} is chosen more than once."
        return ""

    def set_response(self, response) -> None:
        q = self.question
        if q.type in ("single", "label", "truefalse"):
            self.input.value = response
        elif q.type == "numeric":
            self.input.value = "" if response is None else f"{response:g}"
        elif q.type == "multiple":
            for choice, box in zip(self.presentation.choices, self.checkboxes):
                box.value = choice.id in response
        elif q.type == "matching":
            for pair, dropdown in zip(q.pairs, self.dropdowns):
                _choose(dropdown, response.get(pair.left))
        elif q.type == "ordering":
            for dropdown, item in zip(self.dropdowns, response):
                _choose(dropdown, item)

    def clear(self) -> None:
        q = self.question
        if q.type in ("single", "label", "truefalse"):
            self.input.value = None
        elif q.type == "numeric":
            self.input.value = ""
        elif q.type == "multiple":
            for box in self.checkboxes:
                box.value = False
        else:
            for dropdown in self.dropdowns:
                _choose(dropdown, None)

    def _set_disabled(self, disabled: bool) -> None:
        for control in self.controls:
            control.disabled = disabled

    # --- actions ---

    def show(self, response, grade: graders.Grade) -> None:
        self.grade, self.checked_response = grade, response
        self.feedback.value = feedback_html(self.question, grade, response)
        self._set_disabled(True)
        self.check_button.disabled = True
        self.retry_button.disabled = False

    @_guard
    def check(self) -> None:
        if self.unavailable:
            return
        response = self.response()
        why = self.incomplete(response)
        if why:
            self.feedback.value = _box(_message(why))
            return
        response = graders.normalise(self.question, response)
        grade = graders.grade(self.question, response)
        self.show(response, grade)
        self.status.value = self.quiz.save(self.question, response, grade)
        self.quiz.update_score()

    @_guard
    def retry(self) -> None:
        self.grade, self.checked_response = None, None
        self.clear()
        self._set_disabled(False)
        self.check_button.disabled = bool(self.unavailable)
        self.retry_button.disabled = True
        self.feedback.value = ""
        self.status.value = _message("Answer again and press Check; your earlier answer stays saved until then.")
        self.quiz.update_score()

    def restore(self, answer) -> None:
        """Show a stored answer and its feedback (graded again against the current question)."""
        try:
            response = graders.normalise(self.question, answer.response)
            grade = graders.grade(self.question, response)
            self.set_response(response)
        except (graders.ResponseError, ValueError, TypeError, KeyError, TraitError):
            self.clear()
            self.status.value = _message("This question changed since you last answered it: answer it again.")
            return
        self.show(response, grade)
        self.status.value = _message(f"Your answer from {_when(answer.answered_at)}, restored.")


class Quiz(w.VBox):
    """``Quiz(lesson, section=None, tags=None, count=None)``: a self-quiz from the lessons' question banks.

    ``lesson`` is a lesson key ("01-the-ankle") or a list of keys; ``section`` a section slug;
    ``tags`` a tag or list of tags (a question with any of them is picked); ``count`` how many
    questions to draw (drawn in turn from each lesson). Questions and choices are shuffled
    with a seed that is stable for the student; answers are saved when checked and come back
    when the cell runs again.
    """

    def __init__(self, lesson, section=None, tags=None, count=None, *, store: AnswerStore | None = None,
                 _questions=None, _key=None, _title=None, _restore=True):
        self.store = store if store is not None else AnswerStore()
        self.cards: list[QuestionCard] = []
        self.questions = []
        self.header = w.HTML("")
        self.score = w.HTML("")
        self.message = w.HTML("")
        self.notice = ""
        super().__init__([self.message], layout=w.Layout(width="auto"))
        self.add_class("groundup-quiz")
        try:
            if _questions is None:
                lessons = [lesson] if isinstance(lesson, str) else list(lesson or [])
                if not lessons:
                    raise GroundUpError("name at least one lesson, e.g. Quiz(\"01-the-ankle\")")
                if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 1):
                    raise GroundUpError(f"count must be a whole number of questions (1 or more), not {count!r}")
                questions = bank.lesson_questions(lessons)
                if section is not None:
                    _check_section(lessons, section)
                self.key = selection.quiz_key(lessons, section, tags, count)
                student = self._student()
                self.questions = selection.select(questions, section=section, tags=tags, count=count,
                                                  student=student, key=self.key)
                if not self.questions:
                    raise GroundUpError(_nothing_matches(lessons, section, tags))
            else:
                self.key = _key or "quiz"
                student = self._student()
                self.questions = list(_questions)
            self._build(student, _title, _restore)
        except ValidationError as exc:
            self.message.value = _box(_message(
                f"This quiz cannot be shown because its question bank has a problem: {exc}. "
                "Please tell your instructor.", ICON_WARN), role="alert")
        except GroundUpError as exc:
            self.message.value = _box(_message(f"This quiz cannot be shown: {exc}.", ICON_WARN), role="alert")

    def _student(self) -> str:
        try:
            return self.store.student_id()
        except StoreError as exc:
            self.notice = (f"Your answers cannot be saved ({exc}). The quiz still works, "
                           "but your answers will be gone when the kernel restarts.")
            return "unsaved"

    def _build(self, student: str, title: str | None, restore: bool) -> None:
        total = len(self.questions)
        self.cards = [QuestionCard(q, i + 1, total, student=student, quiz=self) for i, q in enumerate(self.questions)]
        if restore and not self.notice:
            try:
                latest = self.store.latest([q.id for q in self.questions])
            except StoreError as exc:
                latest = {}
                self.notice = f"Your saved answers could not be read ({exc})."
            for card in self.cards:
                if card.question.id in latest:
                    card.restore(latest[card.question.id])
        noun = "question" if total == 1 else "questions"
        intro = title or f"{total} {noun}: answer, then press <strong>Check</strong>. Your answers are saved as you check them."
        self.header.value = f"<p>{intro}</p>"
        if self.notice:
            self.message.value = _box(_message(self.notice, ICON_WARN), role="alert")
        self.update_score()
        self.children = [self.message, self.header, *self.cards, self.score]

    def save(self, question, response, grade) -> str:
        """Record a checked answer (and any that could not be saved before); return the status line."""
        if self.notice and self.notice.startswith("Your answers cannot be saved"):
            return _message("Not saved: your answers cannot be saved on this computer (see above).", ICON_WARN)
        pending = _PENDING.setdefault(str(self.store.path), [])
        pending.append((question.id, question.lesson, self.key, response, grade.score, grade.correct, time.time()))
        try:
            while pending:
                qid, lesson, key, resp, score, correct, at = pending[0]
                answer = self.store.record(qid, lesson, key, resp, score, correct, at=at)
                pending.pop(0)
        except StoreError as exc:
            return _message(f"Not saved yet: {exc}. It will be saved with your next check.", ICON_WARN)
        return _message(f"Saved {_when(answer.answered_at)}.")

    def update_score(self) -> None:
        checked = [c.grade for c in self.cards if c.grade is not None]
        total = len(self.cards)
        points = sum(g.score for g in checked)
        right = sum(1 for g in checked if g.correct)
        partly = sum(1 for g in checked if not g.correct and g.score > 0)
        left = total - len(checked)
        wrong = len(checked) - right - partly
        parts = [f"{right} right"]
        if partly:
            parts.append(f"{partly} partly right")
        if wrong:
            parts.append(f"{wrong} not right")
        if left:
            parts.append(f"{left} still to answer")
        self.score.value = f"<p><strong>Score: {points:.3g} of {total}</strong> ({', '.join(parts)}).</p>"


_PENDING: dict[str, list[tuple]] = {}  # per answers file: answers checked while it could not be written


def _check_section(lessons: list[str], section: str) -> None:
    from groundup.resources import lesson

    sections = [s.key for key in lessons for s in lesson(key).sections]
    if section not in sections:
        raise GroundUpError(f"there is no section {section!r} in {', '.join(lessons)} "
                            f"(sections: {', '.join(sections)})")


def _nothing_matches(lessons, section, tags) -> str:
    what = f"section {section!r}" if section else "this lesson"
    if tags:
        what += f" with the tag(s) {', '.join(selection.normalise_tags(tags))}"
    return f"no questions in {', '.join(lessons)} for {what} yet"


# --- review, progress, reset --------------------------------------------------------------------------


def review(count: int | None = None, *, store: AnswerStore | None = None, now: float | None = None):
    """A quiz of the questions due for review under the Leitner rule (see groundup.quiz.progress)."""
    from groundup.quiz import progress as rules

    store = store if store is not None else AnswerStore()
    now = time.time() if now is None else now
    questions, problems = bank.all_questions()
    by_id = {q.id: q for q in questions}
    try:
        states = rules.leitner(store.history(by_id))
    except StoreError as exc:
        return w.HTML(_box(_message(f"Your answers could not be read ({exc}).", ICON_WARN), role="alert"))
    due_ids = rules.due(states, now, by_id)
    if count is not None:
        due_ids = due_ids[: max(0, int(count))]
    if not due_ids:
        later = rules.next_due(states, now, by_id)
        text = ("Nothing is due for review yet: answer the quizzes in the lessons first." if not states else
                "Nothing is due for review right now." +
                (f" The next question comes due on {_when(later)}." if later else ""))
        box = w.HTML(_box(_message(text)))
        box.add_class("groundup-review")
        return box
    noun = "question is" if len(due_ids) == 1 else "questions are"
    title = (f"{len(due_ids)} {noun} due for review (questions you got wrong come first). "
             "Answer, then press <strong>Check</strong>.")
    quiz = Quiz(None, store=store, _questions=[by_id[i] for i in due_ids], _key="review", _title=title,
                _restore=False)
    quiz.add_class("groundup-review")
    return quiz


class ProgressView(w.VBox):
    """Per lesson: questions answered, right and mastery, as a bar chart with a one-sentence summary."""

    def __init__(self, *, store: AnswerStore | None = None, now: float | None = None):
        from groundup.quiz import progress as rules
        from groundup.quiz.chart import progress_figure
        from groundup.resources import lessons

        self.store = store if store is not None else AnswerStore()
        now = time.time() if now is None else now
        questions, problems = bank.all_questions()
        titles = {lesson.key: lesson.title for lesson in lessons()}
        ids = [q.id for q in questions]
        self.summary = w.HTML("")
        self.figure = FigureView()
        try:
            latest = self.store.latest(ids)
            states = rules.leitner(self.store.history(ids))
        except StoreError as exc:
            self.summary.value = _box(_message(f"Your answers could not be read ({exc}).", ICON_WARN), role="alert")
            super().__init__([self.summary])
            return
        self.rows = rules.lesson_progress(questions, latest, titles)
        self.due = rules.due(states, now, ids)
        self.figure.show(progress_figure(self.rows, len(self.due)))
        table = "".join(
            f"<tr><td>{escape(r.title)}</td><td>{r.seen} of {r.total}</td><td>{r.correct}</td>"
            f"<td>{round(100 * r.mastery)} %</td></tr>" for r in self.rows
        )
        notes = "".join(_message(f"Some questions could not be loaded: {p}", ICON_WARN) for p in problems[:3])
        cell = 'style="padding:2px 12px 2px 0;text-align:left"'
        table = table.replace("<td>", f"<td {cell}>")
        self.summary.value = (
            f"<table><caption style='text-align:left'>Your progress per lesson (the numbers in the chart)</caption>"
            f"<thead><tr><th {cell}>Lesson</th><th {cell}>Answered</th><th {cell}>Right</th>"
            f"<th {cell}>Mastery</th></tr></thead><tbody>{table}</tbody></table>"
            "<p>Mastery is the average score of your latest answer to every question of the lesson "
            "(questions not answered yet count 0). Run <code>gu.review()</code> for the questions due for review, "
            "and <code>gu.reset_progress()</code> to start again.</p>" + notes
        )
        super().__init__([self.figure, self.summary])
        self.add_class("groundup-progress")


def progress(*, store: AnswerStore | None = None, now: float | None = None) -> ProgressView:
    """Your progress per lesson: answered, right and mastery, with a chart and one sentence."""
    return ProgressView(store=store, now=now)


class ResetProgress(w.VBox):
    """Reset my progress, with a confirmation step. Answers are set aside in the file, not shown again."""

    def __init__(self, *, store: AnswerStore | None = None):
        self.store = store if store is not None else AnswerStore()
        self.reset_button = w.Button(description="Reset my progress…",
                                     tooltip="Start your quiz progress again from zero (asks you to confirm)")
        self.confirm_button = w.Button(description="Yes, reset my progress", button_style="danger",
                                       tooltip="Set all your saved answers aside and start again")
        self.cancel_button = w.Button(description="Cancel", tooltip="Keep your progress")
        self.question = w.HTML("")
        self.status = w.HTML(_message(f"Your answers are saved in {self.store.path}."))
        self.confirm_row = w.HBox([self.confirm_button, self.cancel_button])
        self.confirm_row.layout.display = "none"
        self.reset_button.on_click(lambda _: self.ask())
        self.confirm_button.on_click(lambda _: self.confirm())
        self.cancel_button.on_click(lambda _: self.cancel())
        super().__init__([self.reset_button, self.question, self.confirm_row, self.status])
        self.add_class("groundup-reset")

    @_guard
    def ask(self) -> None:
        count = self.store.count()
        if not count:
            self.status.value = _message("You have no saved answers: there is nothing to reset.")
            return
        self.question.value = _box(_message(
            f"Reset your progress? Your {count} saved answer{'s' if count != 1 else ''} will no longer be shown in "
            "the quizzes, in your progress or in review. (They are set aside inside the same file, not shown "
            "again.) This cannot be undone from the course.", ICON_WARN), role="alert")
        self.confirm_row.layout.display = "flex"
        self.reset_button.disabled = True

    @_guard
    def confirm(self) -> None:
        moved = self.store.reset()
        self._close()
        self.status.value = _message(f"Your progress was reset ({moved} answer{'s' if moved != 1 else ''} set aside). "
                                     "Run a quiz cell again to start afresh.", ICON_RIGHT)

    @_guard
    def cancel(self) -> None:
        self._close()
        self.status.value = _message("Nothing was changed: your progress is kept.")

    def _close(self) -> None:
        self.question.value = ""
        self.confirm_row.layout.display = "none"
        self.reset_button.disabled = False


def reset_progress(*, store: AnswerStore | None = None) -> ResetProgress:
    """A button to reset your quiz progress, with a confirmation step."""
    return ResetProgress(store=store)
