"""The seven graders, partial credit, numeric tolerance edges, and stable shuffling (property tests)."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from groundup.quiz import graders
from groundup.quiz.bank import Choice, Question
from groundup.quiz.graders import ResponseError, grade
from groundup.quiz.selection import present, quiz_key, select, stable_order
from tests import quiz_helpers as make


def test_graders_do_not_import_widgets():
    import subprocess
    import sys

    code = ("import sys, groundup.quiz.graders, groundup.quiz.bank, groundup.quiz.selection, groundup.quiz.progress, "
            "groundup.quiz.store, groundup.quiz.jupyterquiz; print('ipywidgets' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


# --- one test per type ----------------------------------------------------------------------------


def test_single_choice():
    q = make.single(answer="b")
    assert grade(q, "b").score == 1 and grade(q, "b").correct and grade(q, "b").notes == ()
    wrong = grade(q, "c")
    assert wrong.score == 0 and not wrong.correct and wrong.notes == ("Misconception c",) and wrong.verdict == "wrong"
    with pytest.raises(ResponseError):
        grade(q, "z")
    unanswered = grade(q, None)
    assert unanswered.score == 0 and not unanswered.answered


@pytest.mark.parametrize("ticked, expected", [
    (["a", "b"], 1.0),            # every right one, no wrong one
    (["a"], 0.5),                 # half the right ones
    (["a", "b", "c"], 0.5),       # (2 - 1) / 2
    (["a", "c"], 0.0),            # (1 - 1) / 2
    (["a", "b", "c", "d"], 0.0),  # ticking everything: (2 - 2) / 2
    (["c", "d"], 0.0),            # never below 0
    ([], 0.0),
])
def test_multiple_select_partial_credit(ticked, expected):
    q = make.multiple(right=("a", "b"), ids=("a", "b", "c", "d"))
    result = grade(q, ticked)
    assert result.score == pytest.approx(expected)
    assert result.correct == (expected == 1.0)


def test_multiple_select_notes_name_wrong_ticks_and_missed_right_ones():
    q = make.multiple(right=("a", "b", "c"), ids=("a", "b", "c", "d", "e"))
    result = grade(q, ["a", "d", "a"])  # a ticked twice counts once
    assert result.score == pytest.approx(0.0)
    assert result.notes == ("You left out «Choice b», which is right.", "You left out «Choice c», which is right.",
                            "Misconception d")
    assert grade(q, ["a", "b"]).score == pytest.approx(2 / 3) and grade(q, ["a", "b"]).verdict == "partial"
    with pytest.raises(ResponseError):
        grade(q, "a")  # a bare id is not a list
    with pytest.raises(ResponseError):
        grade(q, ["a", "zz"])


def test_true_false():
    q = make.truefalse(answer=False)
    assert grade(q, False).correct
    assert grade(q, True).notes == ("The misconception.",)
    with pytest.raises(ResponseError):
        grade(q, "false")


@pytest.mark.parametrize("given_value, correct", [
    (20, True), (22, True), (18, True),      # the edges are inside
    (22.0000001, False), (17.9999999, False),  # just past them is outside
    (24, False), (0, False),
])
def test_numeric_tolerance_edges(given_value, correct):
    assert grade(make.numeric(answer=20, tolerance=2), given_value).correct is correct


def test_numeric_edges_survive_binary_floating_point():
    q = make.numeric(answer=2.5, tolerance=0.1)
    assert abs(2.6 - 2.5) > 0.1  # the trap
    assert grade(q, 2.6).correct and grade(q, 2.4).correct
    assert not grade(q, 2.6001).correct
    exact = make.numeric(answer=20, tolerance=0)
    assert grade(exact, 20.0).correct and not grade(exact, 20.0001).correct


def test_numeric_feedback_names_the_side_and_the_accepted_range():
    q = make.numeric(answer=20, tolerance=2, unit="°")
    low = grade(q, 10)
    assert low.notes == ("10 ° is too low: the accepted answer is 18 to 22 °.", "Too small a range.")
    assert grade(q, 30).notes[1] == "Too big."
    assert grade(make.numeric(answer=20, tolerance=0, unit=""), 21).notes[0] == "21 is too high: the accepted answer is 20."
    assert grade(q, "21").correct  # typed text is read as a number
    for bad in ("twenty", float("nan"), float("inf"), True):
        with pytest.raises(ResponseError):
            grade(q, bad)


def test_matching_scores_the_fraction_of_left_items_matched():
    q = make.matching()
    right = graders.right_response(q)
    assert grade(q, right).correct
    one_wrong = dict(right, Soleus="Dorsiflexion")
    result = grade(q, one_wrong)
    assert result.score == pytest.approx(2 / 3)
    assert result.marks == (("Soleus", False), ("Tibialis anterior", True), ("Peroneus longus", True))
    assert result.notes == ("2 of 3 matched right.", "Think of where each tendon passes.")
    assert grade(q, dict(right, Soleus=None)).score == pytest.approx(2 / 3)  # unanswered item counts wrong
    assert grade(q, {k: "Adduction" for k in right}).score == 0  # the distractor matches nothing
    with pytest.raises(ResponseError):
        grade(q, {"Gastrocnemius": "Plantarflexion"})
    with pytest.raises(ResponseError):
        grade(q, dict(right, Soleus="Flying"))


def test_ordering_scores_adjacent_pairs_in_the_right_order():
    q = make.ordering(items=("A", "B", "C", "D", "E"))
    assert grade(q, ["A", "B", "C", "D", "E"]).score == 1
    assert grade(q, ["B", "C", "D", "E", "A"]).score == pytest.approx(3 / 4)  # BC CD DE right, EA wrong
    assert grade(q, ["A", "C", "B", "D", "E"]).score == pytest.approx(3 / 4)  # AC BD DE right, CB wrong
    assert grade(q, ["E", "D", "C", "B", "A"]).score == 0
    result = grade(q, ["A", "C", "B", "D", "E"])
    assert [ok for _, ok in result.marks] == [True, False, False, True, True]
    assert result.notes == ("3 of 4 neighbouring pairs are in the right order.", "Follow one step.")
    for bad in (["A", "B"], ["A", "A", "C", "D", "E"], "ABCDE", ["A", "B", "C", "D", None]):
        with pytest.raises(ResponseError):
            grade(q, bad)


def test_label_is_graded_like_a_single_choice():
    q = make.label(answer="talus")
    assert grade(q, "talus").correct
    assert grade(q, "calcaneus").notes == ("The heel bone is below.",)
    assert grade(q, "navicular").notes == ("Look above the heel.",)  # no choice note: the general one


def test_every_type_has_a_grader():
    from groundup.quiz.bank import TYPES

    assert set(graders.GRADERS) == set(TYPES)


# --- shuffling: stable per seed, and the right answer is right under every shuffle -----------------------

ids = st.text(alphabet=string.ascii_lowercase + string.digits, min_size=1, max_size=8)
texts = st.text(alphabet=string.ascii_letters + " ", min_size=1, max_size=20).map(str.strip).filter(bool)


@st.composite
def questions(draw):
    kind = draw(st.sampled_from(["single", "multiple", "truefalse", "numeric", "matching", "ordering", "label"]))
    if kind in ("single", "multiple", "label"):
        choice_ids = draw(st.lists(ids, min_size=2, max_size=7, unique=True))
        if kind == "multiple":
            right = draw(st.lists(st.sampled_from(choice_ids), min_size=1, max_size=len(choice_ids) - 1, unique=True))
            q = make.multiple(right=tuple(right), ids=tuple(choice_ids))
        else:
            answer = draw(st.sampled_from(choice_ids))
            q = make.single(answer=answer, ids=tuple(choice_ids))
            if kind == "label":
                q = Question(**{**q.__dict__, "type": "label"})
        return q
    if kind == "truefalse":
        return make.truefalse(answer=draw(st.booleans()))
    if kind == "numeric":
        return make.numeric(answer=draw(st.floats(-1e6, 1e6)), tolerance=draw(st.floats(0, 100)))
    if kind == "matching":
        lefts = draw(st.lists(texts, min_size=2, max_size=6, unique=True))
        rights = draw(st.lists(texts, min_size=len(lefts), max_size=len(lefts)))
        extra = [d for d in draw(st.lists(texts, max_size=3, unique=True)) if d not in rights]
        return make.matching(pairs=tuple(zip(lefts, rights)), distractors=tuple(extra))
    return make.ordering(items=tuple(draw(st.lists(texts, min_size=2, max_size=8, unique=True))))


def answer_through_the_display(q, shown):
    """Answer right by picking from what is displayed (the shuffled choices or options), as a student would."""
    if q.type in ("single", "label"):
        return next(c.id for c in shown.choices if c.id == q.answer)
    if q.type == "multiple":
        return [c.id for c in shown.choices if c.id in q.answer]
    if q.type == "matching":
        return {p.left: next(o for o in shown.options if o == p.right) for p in q.pairs}
    if q.type == "ordering":
        return sorted(shown.options, key=q.items.index)
    return graders.right_response(q)


@settings(max_examples=300, deadline=None)
@given(q=questions(), student=st.text(max_size=30))
def test_any_seed_gives_the_same_presentation_twice_and_the_right_answer_always_grades_right(q, student):
    first, second = present(q, student), present(q, student)
    assert first == second
    assert sorted(c.id for c in first.choices) == sorted(c.id for c in q.choices)
    if q.type == "matching":
        assert sorted(first.options) == sorted(q.right_options)
    if q.type == "ordering":
        assert sorted(first.options) == sorted(q.items)
        assert list(first.options) != list(q.items)  # the options never list the answer in order
    assert grade(q, answer_through_the_display(q, first)).correct


@settings(max_examples=200, deadline=None)
@given(items=st.lists(ids, unique=True, max_size=30), seed=st.text(max_size=20))
def test_stable_order_is_a_permutation_fixed_by_the_seed(items, seed):
    once = stable_order(items, seed)
    assert once == stable_order(list(reversed(items)), seed)  # depends on the seed, not the input order
    assert sorted(once) == sorted(items)


def test_different_students_see_different_orders():
    items = [f"item-{i}" for i in range(10)]
    orders = {tuple(stable_order(items, f"student-{n}")) for n in range(5)}
    assert len(orders) > 1


def test_select_by_section_tags_and_count():
    qs = [make.single(qid=f"a-{i}") for i in range(4)] + [make.truefalse(qid=f"b-{i}") for i in range(2)]
    qs = [Question(**{**q.__dict__, "lesson": "L1" if q.id.startswith("a") else "L2",
                      "tags": ("x",) if q.id.endswith("0") else ("y",)}) for q in qs]
    key = quiz_key(["L1", "L2"])
    everything = select(qs, student="s", key=key)
    assert sorted(q.id for q in everything) == sorted(q.id for q in qs)
    assert everything == select(qs, student="s", key=key)
    assert {q.id for q in select(qs, tags="x", student="s", key=key)} == {"a-0", "b-0"}
    assert {q.id for q in select(qs, tags=["x", "y"], student="s", key=key)} == {q.id for q in qs}
    assert select(qs, section="elsewhere", student="s", key=key) == []
    drawn = select(qs, count=4, student="s", key=key)
    assert len(drawn) == 4 and sum(q.lesson == "L2" for q in drawn) == 2  # drawn in turn from each lesson


def test_quiz_key_names_what_the_quiz_picks():
    assert quiz_key("01-the-ankle") == "01-the-ankle"
    assert quiz_key(["01-a", "02-b"], "s", ["z", "y"], 12) == "01-a+02-b#s[y,z]x12"
