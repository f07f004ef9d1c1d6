"""The assignment notebook's widget, driven without a browser: identity, autosave, restore, submit, Check."""

from __future__ import annotations

import json

import ipywidgets as w
import pytest

from groundup.instructor import grade as gr
from groundup.instructor import submission as sub
from groundup.instructor.release import release
from groundup.instructor.student_view import AssignmentView, assignment
from groundup.quiz import graders
from tests.instructor_helpers import ALL_TYPES, T0, assignment_from


class Clock:
    def __init__(self, start=T0):
        self.now = start

    def __call__(self):
        self.now += 7
        return self.now


@pytest.fixture
def released(tmp_path):
    def make(text=ALL_TYPES):
        spec_folder = tmp_path / "spec"
        spec_folder.mkdir(exist_ok=True)
        found = assignment_from(spec_folder, text)
        folder = tmp_path / "student"
        release(found, folder, force=True)
        return found, folder
    return make


def open_view(folder, aid="all-types", clock=None) -> AssignmentView:
    view = assignment(aid, folder, clock=clock or Clock())
    assert isinstance(view, AssignmentView), getattr(view, "value", view)
    return view


def start(view, name="Ada Lovelace", student_id="S1"):
    view.name.value, view.student_id.value = name, student_id
    view.start_button.click()
    assert view.submission is not None, view.identity_note.value


def saved(folder, student_id="S1", aid="all-types") -> dict:
    return json.loads((folder / sub.filename(aid, student_id)).read_text())


def card(view, kind):
    return next(c for c in view.cards if c.type == kind)


def answer_everything(view, assignment_):
    """Give the right answer to every question through the controls; return the responses given."""
    given = {}
    for c in view.cards:
        q = assignment_.question(c.qid)
        right = graders.right_response(q)
        if c.type in ("single", "truefalse"):
            c.input.value = right
        elif c.type == "multiple":
            for cid, box in zip(c.choice_ids, c.checkboxes):
                box.value = cid in right
        elif c.type == "numeric":
            c.input.value = f"{right:g}".replace(".", ",")  # a decimal comma is read too
        elif c.type == "matching":
            for left, dropdown in zip(c.entry["lefts"], c.dropdowns):
                dropdown.value = right[left]
        elif c.type == "ordering":
            for item, dropdown in zip(right, c.dropdowns):
                dropdown.value = item
        given[c.qid] = right
    return given


def test_missing_sidecar_is_a_message_not_a_traceback(tmp_path):
    shown = assignment("nothing-here", tmp_path)
    assert isinstance(shown, w.HTML) and "cannot open" in shown.value and "nothing-here.assignment.json" in shown.value


@pytest.mark.parametrize("name, student_id, says", [
    ("", "S1", "Type your name"), ("Ada", "", "Type your student ID"), ("Ada", "a/b", "cannot contain /"),
    ("Ada", "..", "two dots"), ("Ada", "S1:2", "cannot contain :"), ("Ada\nL", "S1", "control characters"),
])
def test_identity_is_refused_with_a_reason_and_nothing_is_written(released, name, student_id, says):
    _, folder = released()
    view = open_view(folder)
    view.name.value, view.student_id.value = name, student_id
    view.start_button.click()
    assert view.submission is None and says in view.identity_note.value and "⚠" in view.identity_note.value
    assert sub.find(folder, "all-types") == []


def test_every_answer_is_saved_at_once_with_its_time(released):
    found, folder = released()
    clock = Clock()
    view = open_view(folder, clock=clock)
    start(view)
    assert saved(folder)["answers"] == {} and saved(folder)["student"] == {"id": "S1", "name": "Ada Lovelace"}
    given = answer_everything(view, found)
    data = saved(folder)
    assert data["assignment"] == {"id": "all-types", "hash": found.hash}
    for qid, right in given.items():
        q = found.question(qid)
        assert graders.normalise(q, data["answers"][qid]["response"]) == graders.normalise(q, right)
        assert sub.parse_stamp(data["answers"][qid]["answered_at"])
    assert data["saved_at"] == sub.stamp(clock.now)
    assert view.status.value.startswith('<p role="status" aria-live="polite">✔ Saved at ')
    assert f"{len(view.cards)} of {len(view.cards)} answered" in view.status.value
    assert data["submitted_at"] is None


def test_a_number_that_is_not_a_number_counts_as_unanswered(released):
    _, folder = released()
    view = open_view(folder)
    start(view)
    numeric = card(view, "numeric")
    numeric.input.value = "20"
    assert saved(folder)["answers"][numeric.qid]["response"] == 20
    numeric.input.value = "20 degrees"
    assert saved(folder)["answers"][numeric.qid]["response"] is None
    assert "is not a number" in numeric.note.value and "⚠" in numeric.note.value
    numeric.input.value = " -3.5 "
    assert saved(folder)["answers"][numeric.qid]["response"] == -3.5 and numeric.note.value == ""


def test_reopening_restores_every_answer_from_the_file(released):
    found, folder = released()
    view = open_view(folder)
    start(view)
    partial_order = card(view, "ordering")
    answer_everything(view, found)
    partial_order.dropdowns[-1].index = 0  # back to "— choose —": the position is empty, and saved as such
    before = {c.qid: c.response() for c in view.cards}
    again = open_view(folder)  # a new kernel, the same folder: no need to type the name again
    assert again.submission is not None and "Welcome back, Ada Lovelace" in again.status.value
    assert again.identity.layout.display == "none"
    assert {c.qid: c.response() for c in again.cards} == before
    assert [c.qid for c in again.cards] == [c.qid for c in view.cards]
    assert card(again, "ordering").dropdowns[-1].label == "— choose —"  # an empty position shows the placeholder


def test_submit_asks_first_then_makes_the_submission_final(released):
    found, folder = released()
    view = open_view(folder)
    start(view)
    card(view, "truefalse").input.value = True
    view.submit_button.click()
    assert view.confirm_box.layout.display is None and "You have answered 1 of 6 questions" in view.confirm_text.value
    assert "(5 still unanswered)" in view.confirm_text.value
    view.cancel_button.click()
    assert view.confirm_box.layout.display == "none" and saved(folder)["submitted_at"] is None
    view.submit_button.click()
    view.confirm_button.click()
    data = saved(folder)
    assert data["submitted_at"] is not None
    assert all(control.disabled for c in view.cards for control in c.controls)
    assert view.submit_button.disabled and "final and can no longer be changed" in view.status.value
    tf = card(view, "truefalse")
    tf.input.value = False  # even if a control were changed, the file keeps what was submitted
    assert saved(folder) == data and "can no longer be changed" in view.status.value
    reopened = open_view(folder)
    assert reopened.submission.final and all(control.disabled for c in reopened.cards for control in c.controls)
    assert card(reopened, "truefalse").response() is True


def test_what_was_clicked_is_what_is_graded(released):
    found, folder = released()
    view = open_view(folder)
    start(view)
    answer_everything(view, found)
    card(view, "truefalse").input.value = not found.question(card(view, "truefalse").qid).answer
    view.submit_button.click()
    view.confirm_button.click()
    outcome = gr.grade_files(found, sub.find(folder, "all-types"))
    assert outcome.problems == [] and len(outcome.graded) == 1
    scores = dict(zip((q.id for q in found.questions), (g.score for g in outcome.graded[0].grades)))
    assert scores.pop(card(view, "truefalse").qid) == 0 and set(scores.values()) == {1.0}


def test_shuffle_gives_each_student_their_own_stable_order(released, tmp_path):
    import shutil

    _, folder = released(ALL_TYPES.replace("feedback: after-grading", "feedback: after-grading\nshuffle: true"))
    orders = {}
    for student in ("S1", "S2", "S3", "S4"):
        own = tmp_path / f"laptop-{student}"
        shutil.copytree(folder, own)
        view = open_view(own)
        start(view, student_id=student)
        orders[student] = [c.qid for c in view.cards]
        choices = card(view, "single").input.options
        again = open_view(own)
        assert [c.qid for c in again.cards] == orders[student] and card(again, "single").input.options == choices
    assert len({tuple(o) for o in orders.values()}) > 1


def test_several_students_in_one_folder_choose_whose_answers(released):
    _, folder = released()
    for student in ("S1", "S2"):
        view = open_view(folder)
        start(view, name=f"Name {student}", student_id=student)
        card(view, "truefalse").input.value = student == "S1"
    view = open_view(folder)
    assert view.submission is None and view.chooser_box.layout.display is None
    assert [label for label, _ in view.chooser.options] == ["Name S1 (S1)", "Name S2 (S2)"]
    view.chooser.value = str(folder / sub.filename("all-types", "S2"))
    view.continue_button.click()
    assert view.submission.student_id == "S2" and card(view, "truefalse").response() is False


def test_typing_an_existing_id_restores_instead_of_overwriting(released):
    _, folder = released()
    view = open_view(folder)
    start(view)
    card(view, "truefalse").input.value = False
    (folder / "all-types.S2.submission.json").write_text(
        json.dumps(sub.new("all-types", view.data["hash"], "S2", "Bo", T0).to_dict()))
    other = open_view(folder)  # two files: the chooser shows; the student types their ID instead
    start(other, name="Ada again", student_id="S1")
    assert other.submission.student_name == "Ada Lovelace" and card(other, "truefalse").response() is False


def test_a_damaged_file_is_kept_aside_and_the_student_can_start_again(released):
    _, folder = released()
    path = folder / "all-types.S1.submission.json"
    path.write_text('{"format": "groundup-submission", "trunc')
    view = open_view(folder)
    assert view.submission is None and "could not be read" in view.identity_note.value
    kept = [p for p in folder.iterdir() if ".unreadable-" in p.name]
    assert len(kept) == 1 and kept[0].read_text().endswith("trunc")
    start(view)
    assert saved(folder)["answers"] == {}


def test_a_save_that_fails_is_said_and_nothing_breaks(released, monkeypatch):
    _, folder = released()
    view = open_view(folder)
    start(view)

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sub, "save", full)
    card(view, "truefalse").input.value = True
    assert "could NOT be saved" in view.status.value and "No space left" in view.status.value
    monkeypatch.undo()
    card(view, "truefalse").input.value = False
    assert saved(folder)["answers"][card(view, "truefalse").qid]["response"] is False


def test_a_new_release_keeps_the_answers_that_still_fit(released, tmp_path):
    found, folder = released()
    view = open_view(folder)
    start(view)
    answer_everything(view, found)
    smaller = ALL_TYPES.replace("  - start-references-block\n", "")
    released(smaller)
    again = open_view(folder)
    data = saved(folder)
    assert data["assignment"]["hash"] == again.data["hash"] != found.hash
    assert "start-references-block" not in data["answers"] and len(data["answers"]) == 5
    assert "updated the assignment" in again.status.value


IMMEDIATE = ALL_TYPES.replace("feedback: after-grading", "feedback: immediate\nattempts: 2")


def test_immediate_feedback_check_counts_attempts_then_shows_the_explanation(released):
    found, folder = released(IMMEDIATE)
    view = open_view(folder)
    start(view)
    single = card(view, "single")
    question = found.question(single.qid)
    assert single.check_button.description == "Check (2 left)"
    single.check_button.click()
    assert "Answer the question first" in single.feedback.value and saved(folder)["answers"] == {}
    wrong = next(c for c in question.choices if c.id != question.answer)
    single.input.value = wrong.id
    single.check_button.click()
    assert "✘ Not quite" in single.feedback.value and wrong.feedback in single.feedback.value
    assert "1 check left" in single.feedback.value and question.explanation not in single.feedback.value
    assert saved(folder)["answers"][single.qid]["checks"] == 1 and not single.locked
    single.input.value = next(c.id for c in question.choices if c.id not in (wrong.id, question.answer))
    single.check_button.click()
    assert single.locked and single.check_button.disabled and "Why:" in single.feedback.value
    assert saved(folder)["answers"][single.qid]["checks"] == 2
    tf = card(view, "truefalse")
    tf.input.value = found.question(tf.qid).answer
    tf.check_button.click()
    assert "✔ Correct" in tf.feedback.value and tf.locked  # right at once: nothing more to check
    reopened = open_view(folder)
    assert card(reopened, "single").locked and card(reopened, "single").check_button.disabled
    view.submit_button.click()
    view.confirm_button.click()
    assert "Your score: 1 of 6." in view.status.value


def test_every_control_has_a_visible_label(released):
    found, folder = released()
    view = open_view(folder)
    assert view.name.description and view.student_id.description and view.start_button.description
    start(view)
    for c in view.cards:
        for control in c.controls:
            assert control.description.strip(), (c.qid, control)


def test_a_submitted_file_from_an_older_release_stays_final_and_says_so(released):
    found, folder = released()
    view = open_view(folder)
    start(view)
    answer_everything(view, found)
    view.submit_button.click()
    view.confirm_button.click()
    before = saved(folder)
    released(ALL_TYPES.replace("  - start-references-block\n", ""))
    again = open_view(folder)
    assert again.submission.final and "earlier version of the assignment" in again.status.value
    assert saved(folder) == before  # a final submission is never rewritten
