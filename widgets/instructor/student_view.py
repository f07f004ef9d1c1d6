"""The assignment notebook's widget: ``gu.assignment("<id>")``.

It reads ``<id>.assignment.json`` from the notebook's folder and:

- asks once for the student's name and student ID, both refused when empty or holding control
  characters; the ID, which becomes part of a file name, also when it holds a path character
  ``/ \\ : * ? " < > |`` or ``..`` (``submission.check_identity``);
- records every answer the moment it is given in ``<id>.<student-id>.submission.json`` beside the
  notebook (temporary file, fsync, rename) and shows "Saved at HH:MM:SS";
- on reopening, finds that file and restores every answer (with several students' files in one
  folder, it asks which one to continue);
- under immediate feedback, gives each question a Check button (``attempts`` presses);
- has a Submit button with a confirmation. **After Submit the submission is final**: every control
  is disabled and a message says so, so what is graded is exactly what was submitted. Submitting
  after the due date is allowed and flagged late in the gradebook.

Thin view over ``groundup.instructor.submission`` (the rules) and ``release`` (the sidecar). Every
control has a visible label and is a native ipywidgets control (keyboard-operable); messages are
text with an icon. Nothing a student clicks ends in a traceback: problems become a message.
"""

from __future__ import annotations

import functools
import os
import time
from pathlib import Path

import ipywidgets as w

from groundup.errors import GroundUpError
from groundup.instructor import submission as sub
from groundup.instructor.release import SIDECAR_SUFFIX, load_sidecar, question_from_sidecar
from groundup.quiz.graders import parse_number
from groundup.quiz import graders
from groundup.quiz.selection import stable_order
from groundup.textsafe import escape, inline_markdown, markdown_to_html

ICON_OK, ICON_WRONG, ICON_INFO, ICON_WARN = "✔", "✘", "ℹ", "⚠"
PLACEHOLDER = "— choose —"
WIDE = {"description_width": "initial"}
FULL = w.Layout(width="auto")
INSTRUCTIONS = {
    "single": "Choose one answer.",
    "multiple": "Tick every answer that applies.",
    "truefalse": "Is the statement true or false?",
    "numeric": "Type a number.",
    "matching": "Match each item with one from its list.",
    "ordering": "Put the items in order: choose what comes 1st, 2nd, and so on.",
    "label": "Name the highlighted structure.",
}


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def message(text: str, icon: str = ICON_INFO) -> str:
    return f'<p role="status" aria-live="polite">{icon} {escape(text)}</p>'


def clock_text(at: float) -> str:
    return time.strftime("%H:%M:%S", time.localtime(at))


def _choose(dropdown: w.Dropdown, value) -> None:
    """Select a value; None shows the "— choose —" placeholder (index 0) rather than a blank box."""
    if value is None:
        dropdown.index = 0
    else:
        dropdown.value = value


def _guard(method):
    """Show any failure of a callback as a message instead of a traceback."""
    @functools.wraps(method)
    def run(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except Exception as exc:  # a student must never see a traceback
            view = getattr(self, "view", self)
            view.status.value = message(f"Something went wrong ({type(exc).__name__}: {exc}). Your saved answers "
                                        "are safe in the submission file; run the cell again.", ICON_WARN)
    return run


class QuestionCard(w.VBox):
    """One question: prompt, answer controls and, under immediate feedback, Check and its feedback."""

    def __init__(self, entry: dict, number: int, total: int, *, view: "AssignmentView", seed: str, shuffle: bool):
        self.entry, self.view = entry, view
        self.qid, self.type = entry["id"], entry["type"]
        self.locked = False
        order = (lambda items, key=str: stable_order(items, f"{seed}:{self.qid}", key=key)) if shuffle \
            else (lambda items, key=str: list(items))
        heading = (f"<p><strong>Question {number} of {total}</strong> · <em>{INSTRUCTIONS[self.type]}</em></p>"
                   f"{markdown_to_html(entry['prompt'])}")
        children = [w.HTML(heading)]
        if self.type == "label":
            figure = entry.get("figure")
            if figure:
                children.append(w.HTML(f'<img src="data:image/png;base64,{figure["png"]}" '
                                       f'alt="{escape(figure["alt"])}" style="max-width:100%;height:auto">'))
        children.append(self._controls(order))
        self.note = w.HTML("")
        children.append(self.note)
        self.check_button = None
        self.feedback = w.HTML("")
        if view.immediate:
            self.check_button = w.Button(description="Check", button_style="primary",
                                         tooltip="Check this answer")
            self.check_button.on_click(lambda _: self.check())
            children += [self.check_button, self.feedback]
        super().__init__(children, layout=w.Layout(border="1px solid #9e9e9e", padding="4px 12px 8px 12px",
                                                   margin="8px 0", width="auto"))
        self.add_class("groundup-assignment-card")
        self.add_class(f"groundup-q-{self.qid}")

    # --- controls ---

    def _controls(self, order):
        kind, entry = self.type, self.entry
        if kind in ("single", "label"):
            choices = order(entry["choices"], key=lambda c: c["id"])
            self.input = w.RadioButtons(options=[(c["text"], c["id"]) for c in choices], value=None,
                                        description="Your answer", style=WIDE, layout=FULL)
            self.controls = [self.input]
            box = self.input
        elif kind == "truefalse":
            self.input = w.RadioButtons(options=[("True", True), ("False", False)], value=None,
                                        description="Your answer", style=WIDE, layout=FULL)
            self.controls = [self.input]
            box = self.input
        elif kind == "multiple":
            self.choice_ids = [c["id"] for c in order(entry["choices"], key=lambda c: c["id"])]
            texts = {c["id"]: c["text"] for c in entry["choices"]}
            self.checkboxes = [w.Checkbox(value=False, description=texts[i], indent=False, layout=FULL)
                               for i in self.choice_ids]
            self.controls = list(self.checkboxes)
            box = w.VBox(self.checkboxes)
        elif kind == "numeric":
            self.input = w.Text(value="", placeholder="a number, e.g. 12.5", description="Your answer", style=WIDE,
                                layout=w.Layout(width="18em"), continuous_update=True)
            self.controls = [self.input]
            unit = [w.Label(entry["unit"])] if entry.get("unit") else []
            box = w.HBox([self.input, *unit])
        elif kind == "matching":
            options = [(PLACEHOLDER, None)] + [(o, o) for o in order(entry["options"])]
            self.dropdowns = [w.Dropdown(options=options, index=0, description=left, style=WIDE, layout=FULL)
                              for left in entry["lefts"]]
            self.controls = list(self.dropdowns)
            box = w.VBox(self.dropdowns)
        elif kind == "ordering":
            options = [(PLACEHOLDER, None)] + [(o, o) for o in order(entry["items"])]
            self.dropdowns = [w.Dropdown(options=options, index=0, description=ordinal(i + 1), style=WIDE,
                                         layout=FULL) for i in range(len(entry["items"]))]
            self.controls = list(self.dropdowns)
            box = w.VBox(self.dropdowns)
        else:
            raise GroundUpError(f"unknown question type {kind!r}")
        for control in self.controls:
            control.observe(lambda change: self.view.changed(self), names="value")
        return box

    def response(self):
        """The answer the controls hold (None: not answered). A numeric box that is not a number gives None."""
        kind = self.type
        if kind in ("single", "label", "truefalse"):
            return self.input.value
        if kind == "multiple":
            ticked = [cid for cid, box in zip(self.choice_ids, self.checkboxes) if box.value]
            return ticked or None
        if kind == "numeric":
            try:
                return parse_number(self.input.value)
            except ValueError:
                return None
        if kind == "matching":
            answer = {left: d.value for left, d in zip(self.entry["lefts"], self.dropdowns)}
            return answer if any(v is not None for v in answer.values()) else None
        if kind == "ordering":
            answer = [d.value for d in self.dropdowns]
            return answer if any(v is not None for v in answer) else None
        return None

    def number_problem(self) -> str:
        if self.type != "numeric":
            return ""
        try:
            parse_number(self.input.value)
        except ValueError:
            return (f"“{self.input.value.strip()}” is not a number, so this question counts as unanswered. "
                    "Type digits, such as 12 or 12.5.")
        return ""

    def show(self, response) -> None:
        """Put a saved answer into the controls."""
        kind = self.type
        if response is None:
            return
        if kind in ("single", "label", "truefalse"):
            self.input.value = response
        elif kind == "multiple":
            for cid, box in zip(self.choice_ids, self.checkboxes):
                box.value = cid in response
        elif kind == "numeric":
            self.input.value = f"{response:g}"
        elif kind == "matching":
            for left, dropdown in zip(self.entry["lefts"], self.dropdowns):
                _choose(dropdown, response.get(left))
        elif kind == "ordering":
            for value, dropdown in zip(response, self.dropdowns):
                _choose(dropdown, value)

    def lock(self, locked: bool = True) -> None:
        self.locked = locked
        for control in self.controls:
            control.disabled = locked
        if self.check_button is not None:
            self.check_button.disabled = locked or self.checks_left() <= 0

    # --- immediate feedback ---

    def checks_left(self) -> int:
        answer = self.view.submission.answers.get(self.qid) if self.view.submission else None
        return self.view.attempts - (answer.checks if answer else 0)

    def incomplete(self, response) -> str:
        if response is None:
            return "Answer the question first."
        if self.type == "matching" and any(v is None for v in response.values()):
            return "Choose a match for every item first."
        if self.type == "ordering":
            if any(v is None for v in response):
                return "Choose an item for every position first."
            if len(set(response)) != len(response):
                return "Each item goes in one position only."
        return ""

    @_guard
    def check(self) -> None:
        view = self.view
        if view.submission is None or view.submission.final or self.locked:
            return
        response = self.response()
        why = self.number_problem() or self.incomplete(response)
        if why:
            self.feedback.value = message(why, ICON_INFO)
            return
        grade = graders.grade(question_from_sidecar(self.entry), response)
        view.record(self, response, checked=True)
        left = self.checks_left()
        self.feedback.value = self.feedback_html(grade, left)
        if grade.correct or left <= 0:
            self.lock()
        self.refresh_check_label()

    def refresh_check_label(self) -> None:
        if self.check_button is not None:
            left = self.checks_left()
            self.check_button.description = "Check" if self.view.attempts == 1 else f"Check ({left} left)"
            self.check_button.disabled = self.locked or left <= 0

    def feedback_html(self, grade, left: int) -> str:
        if grade.correct:
            head = f"<p><strong>{ICON_OK} Correct</strong></p>"
        elif grade.score > 0:
            head = f"<p><strong>{ICON_WRONG} Not quite</strong>: partly right ({round(100 * grade.score)} %)</p>"
        else:
            head = f"<p><strong>{ICON_WRONG} Not quite</strong></p>"
        notes = [n for n in grade.notes if n]
        parts = [head]
        if notes:
            parts.append("<ul>" + "".join(f"<li>{inline_markdown(n)}</li>" for n in notes) + "</ul>")
        if grade.correct or left <= 0:
            parts.append(f"<div><strong>Why:</strong> {markdown_to_html(self.entry.get('explanation', ''))}</div>")
        else:
            parts.append(f"<p>{ICON_INFO} You can change your answer and check again "
                         f"({left} check{'s' if left != 1 else ''} left).</p>")
        return '<div role="status" aria-live="polite">' + "".join(parts) + "</div>"


class AssignmentView(w.VBox):
    """The whole assignment: identity, the questions, the save status and Submit."""

    def __init__(self, data: dict, folder: Path, *, clock=time.time):
        self.data, self.folder, self.clock = data, Path(folder), clock
        self.view = self
        self.assignment_id = data["id"]
        self.immediate = data.get("feedback") == "immediate"
        self.attempts = int(data.get("attempts") or 1)
        self.submission: sub.Submission | None = None
        self.cards: list[QuestionCard] = []
        self.restoring = False

        self.header = w.HTML(self._header_html())
        self.name = w.Text(description="Your name", placeholder="e.g. Ada Lovelace", style=WIDE,
                           layout=w.Layout(width="28em"))
        self.student_id = w.Text(description="Student ID", placeholder="as your school writes it", style=WIDE,
                                 layout=w.Layout(width="28em"))
        self.start_button = w.Button(description="Start", button_style="primary",
                                     tooltip="Start answering (your answers are saved at once)")
        self.start_button.on_click(lambda _: self.start())
        self.identity_note = w.HTML("")
        self.identity = w.VBox([
            w.HTML("<p>Type your name and student ID once. Your answers are saved under your student ID.</p>"),
            self.name, self.student_id, self.start_button, self.identity_note,
        ])
        self.chooser = w.Dropdown(description="Continue as", style=WIDE, layout=w.Layout(width="34em"))
        self.continue_button = w.Button(description="Continue", tooltip="Open these saved answers")
        self.continue_button.on_click(lambda _: self.continue_saved())
        self.chooser_box = w.VBox([w.HTML("<p>Answers from more than one student are saved in this folder. "
                                          "Choose yours, or type your name and ID below to start.</p>"),
                                   w.HBox([self.chooser, self.continue_button])])
        self.chooser_box.layout.display = "none"
        self.questions = w.VBox([])
        self.status = w.HTML("")
        self.submit_button = w.Button(description="Submit", button_style="success",
                                      tooltip="Hand in your answers (you cannot change them afterwards)")
        self.submit_button.on_click(lambda _: self.ask_to_submit())
        self.confirm_text = w.HTML("")
        self.confirm_button = w.Button(description="Yes, submit", button_style="danger",
                                       tooltip="Submit now: your answers become final")
        self.cancel_button = w.Button(description="Not yet", tooltip="Go back to your answers")
        self.confirm_button.on_click(lambda _: self.submit())
        self.cancel_button.on_click(lambda _: self.cancel_submit())
        self.confirm_box = w.VBox([self.confirm_text, w.HBox([self.confirm_button, self.cancel_button])])
        self.confirm_box.layout.display = "none"
        self.footer = w.VBox([self.submit_button, self.confirm_box])
        self.footer.layout.display = "none"
        super().__init__([self.header, self.chooser_box, self.identity, self.questions, self.status, self.footer])
        self.add_class("groundup-assignment")
        self._open_saved()

    # --- opening ---

    def _header_html(self) -> str:
        data = self.data
        count = len(data["questions"])
        parts = [f"<h3>{escape(data['title'])}</h3>",
                 f"<p>{count} question{'s' if count != 1 else ''}"
                 + (f" · due {escape(data['due_text'])}" if data.get("due") else "") + "</p>"]
        return "".join(parts)

    def saved_files(self) -> list[Path]:
        return sub.find(self.folder, self.assignment_id)

    def _open_saved(self) -> None:
        files = self.saved_files()
        if len(files) == 1:
            self.open_file(files[0])
        elif len(files) > 1:
            options = []
            for path in files:
                try:
                    found = sub.load(path)
                    options.append((f"{found.student_name} ({found.student_id})", str(path)))
                except sub.SubmissionError:
                    options.append((f"{path.name} (cannot be read)", str(path)))
            self.chooser.options = options
            self.chooser_box.layout.display = None

    @_guard
    def continue_saved(self) -> None:
        if self.chooser.value:
            self.open_file(Path(self.chooser.value))

    def open_file(self, path: Path) -> bool:
        try:
            found = sub.load(path)
            if found.assignment_id != self.assignment_id:
                raise sub.SubmissionError(f"it belongs to assignment {found.assignment_id!r}")
        except sub.SubmissionError as exc:
            kept = self._set_aside(path)
            self.identity_note.value = message(
                f"Your saved answers in {path.name} could not be read ({exc}). The file was kept as {kept} for your "
                "instructor; type your name and ID to start again.", ICON_WARN)
            return False
        notice = ""
        if found.assignment_hash != self.data["hash"]:
            notice = self._adapt_to_new_release(found)
        self.begin(found, f"Welcome back, {found.student_name}: your saved answers are restored.", notice)
        return True

    def _set_aside(self, path: Path) -> str:
        target = path.with_name(path.name + f".unreadable-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            os.replace(path, target)
        except OSError:
            return path.name
        return target.name

    def _adapt_to_new_release(self, found: sub.Submission) -> str:
        """The instructor released a new version: keep the answers that still fit its questions."""
        if found.final:
            return (" This submission was made for an earlier version of the assignment; ask your instructor "
                    "what to do.")
        shapes = {e["id"]: sub.Shape.of_public(e) for e in self.data["questions"]}
        kept = {qid: a for qid, a in found.answers.items() if qid in shapes and not sub.misfit(shapes[qid], a.response)}
        dropped = len(found.answers) - len(kept)
        found.answers = kept
        found.assignment_hash = self.data["hash"]
        self.save_quietly(found)
        return (" Your instructor updated the assignment: " + (f"{dropped} answer(s) no longer fit and must be "
                                                               "given again." if dropped else
                                                               "all your answers still fit."))

    @_guard
    def start(self) -> None:
        try:
            student_id = sub.check_identity(self.student_id.value, "student ID")
            name = sub.check_identity(self.name.value, "name")
        except sub.IdentityError as exc:
            self.identity_note.value = message(str(exc), ICON_WARN)
            return
        path = self.folder / sub.filename(self.assignment_id, student_id)
        if path.exists():
            if self.open_file(path):
                return
        found = sub.new(self.assignment_id, self.data["hash"], student_id, name, self.clock())
        try:
            sub.save(found, self.folder)
        except OSError as exc:
            self.identity_note.value = message(f"Your answers cannot be saved in {self.folder} ({exc.strerror or exc}). "
                                               "Move the notebook and its .assignment.json file to a folder you can "
                                               "write to, then run the cell again.", ICON_WARN)
            return
        self.begin(found, f"Hello, {name}. Your answers are saved in {found.filename} as you go.")

    def begin(self, found: sub.Submission, greeting: str, notice: str = "") -> None:
        self.submission = found
        self.identity.layout.display = "none"
        self.chooser_box.layout.display = "none"
        entries = self.data["questions"]
        seed = f"{self.assignment_id}:{found.student_id}"
        if self.data.get("shuffle"):
            entries = stable_order(entries, seed, key=lambda e: e["id"])
        self.cards = [QuestionCard(entry, i + 1, len(entries), view=self, seed=seed, shuffle=bool(self.data.get("shuffle")))
                      for i, entry in enumerate(entries)]
        self.restoring = True
        try:
            for card in self.cards:
                card.show(found.response(card.qid))
                if self.immediate:
                    card.refresh_check_label()
                    if card.checks_left() <= 0:
                        card.lock()
        finally:
            self.restoring = False
        self.questions.children = self.cards
        self.footer.layout.display = None
        if found.final:
            self._show_final(notice)
        else:
            self.status.value = message(greeting + notice)

    # --- saving ---

    def save_quietly(self, found: sub.Submission) -> bool:
        try:
            sub.save(found, self.folder)
            return True
        except OSError:
            return False

    def record(self, card: QuestionCard, response, *, checked: bool = False) -> None:
        at = self.clock()
        self.submission.record(card.qid, response, at, checked=checked)
        try:
            sub.save(self.submission, self.folder)
        except OSError as exc:
            self.status.value = message(f"Your last answer could NOT be saved ({exc.strerror or exc}). It is still "
                                        "on screen; make sure the folder is not full or read-only, then change the "
                                        "answer again to save it.", ICON_WARN)
            return
        self.status.value = message(f"Saved at {clock_text(at)}: {self.submission.answered()} of "
                                    f"{len(self.cards)} answered.", ICON_OK)

    @_guard
    def changed(self, card: QuestionCard) -> None:
        if self.restoring or self.submission is None:
            return
        if self.submission.final:
            self.status.value = message("This assignment was submitted, so its answers can no longer be changed.",
                                        ICON_INFO)
            return
        problem = card.number_problem()
        card.note.value = message(problem, ICON_WARN) if problem else ""
        self.record(card, card.response())

    # --- submitting ---

    @_guard
    def ask_to_submit(self) -> None:
        if self.submission is None or self.submission.final:
            return
        answered, total = self.submission.answered(), len(self.cards)
        missing = total - answered
        self.confirm_text.value = (
            f"<p><strong>Submit now?</strong> You have answered {answered} of {total} question"
            f"{'s' if total != 1 else ''}" + (f" ({missing} still unanswered)" if missing else "") +
            ". After you submit, your answers cannot be changed.</p>")
        self.confirm_box.layout.display = None
        self.submit_button.disabled = True

    @_guard
    def cancel_submit(self) -> None:
        self.confirm_box.layout.display = "none"
        self.submit_button.disabled = False
        self.status.value = message("Not submitted: you can keep changing your answers.")

    @_guard
    def submit(self) -> None:
        if self.submission is None or self.submission.final:
            return
        self.submission.finalise(self.clock())
        try:
            sub.save(self.submission, self.folder)
        except OSError as exc:
            self.submission.submitted_at = None
            self.confirm_box.layout.display = "none"
            self.submit_button.disabled = False
            self.status.value = message(f"Not submitted: the file could not be saved ({exc.strerror or exc}). "
                                        "Try again.", ICON_WARN)
            return
        self._show_final()

    def _show_final(self, notice: str = "") -> None:
        for card in self.cards:
            card.lock()
        self.confirm_box.layout.display = "none"
        self.submit_button.disabled = True
        self.submit_button.description = "Submitted"
        found = self.submission
        at = sub.parse_stamp(found.submitted_at).timestamp()
        score = ""
        if self.immediate:
            from groundup.instructor.grade import Scorer

            scorer = Scorer(())
            total = sum(scorer.grade(question_from_sidecar(card.entry), found.response(card.qid)).score
                        for card in self.cards)
            score = f" Your score: {total:g} of {len(self.cards)}."
        self.status.value = message(
            f"Submitted at {clock_text(at)} ({time.strftime('%d %b %Y', time.localtime(at))}). Your answers are "
            f"final and can no longer be changed.{score} Hand in the file {found.filename} from this folder."
            + notice, ICON_WARN if notice else ICON_OK)


def assignment(assignment_id: str, folder=None, *, clock=time.time):
    """The assignment notebook's one call: finds ``<id>.assignment.json`` in the current folder."""
    folder = Path(folder) if folder is not None else Path(os.getcwd())
    path = folder / f"{assignment_id}{SIDECAR_SUFFIX}"
    try:
        data = load_sidecar(path)
        if data.get("id") != assignment_id:
            raise GroundUpError(f"{path.name} belongs to assignment {data.get('id')!r}, not {assignment_id!r}")
    except GroundUpError as exc:
        return w.HTML(message(f"This assignment cannot open: {exc}. The notebook and {path.name} must be in the "
                              f"same folder (looked in {folder}).", ICON_WARN))
    return AssignmentView(data, folder, clock=clock)
