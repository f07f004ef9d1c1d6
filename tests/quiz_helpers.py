"""Build questions for tests without writing YAML."""

from __future__ import annotations

from groundup.quiz.bank import Choice, FigureSpec, Pair, Question

COMMON = dict(lesson="00-start-here", section="what-this-course-is", prompt="A prompt?", explanation="Because.",
              source="A source", difficulty=1, tags=("t",))


def single(answer="a", ids=("a", "b", "c"), qid="q-single"):
    choices = tuple(Choice(i, f"Choice {i}", "" if i == answer else f"Misconception {i}") for i in ids)
    return Question(id=qid, type="single", answer=answer, choices=choices, **COMMON)


def multiple(right=("a", "b"), ids=("a", "b", "c", "d"), qid="q-multiple"):
    choices = tuple(Choice(i, f"Choice {i}", "" if i in right else f"Misconception {i}") for i in ids)
    return Question(id=qid, type="multiple", answer=tuple(i for i in ids if i in right), choices=choices, **COMMON)


def truefalse(answer=True, qid="q-tf"):
    return Question(id=qid, type="truefalse", answer=answer, feedback={not answer: "The misconception."}, **COMMON)


def numeric(answer=20.0, tolerance=2.0, unit="°", qid="q-numeric", feedback=None):
    return Question(id=qid, type="numeric", answer=answer, tolerance=tolerance, unit=unit,
                    feedback=feedback if feedback is not None else {"low": "Too small a range.", "high": "Too big."},
                    **COMMON)


def matching(pairs=(("Soleus", "Plantarflexion"), ("Tibialis anterior", "Dorsiflexion"), ("Peroneus longus", "Eversion")),
             distractors=("Adduction",), qid="q-matching"):
    return Question(id=qid, type="matching", answer=None, pairs=tuple(Pair(l, r) for l, r in pairs),
                    distractors=tuple(distractors), feedback="Think of where each tendon passes.", **COMMON)


def ordering(items=("Heel contact", "Foot flat", "Midstance", "Heel off", "Toe off"), qid="q-ordering"):
    return Question(id=qid, type="ordering", answer=None, items=tuple(items), feedback="Follow one step.", **COMMON)


def label(answer="talus", provider="fake", qid="q-label"):
    choices = (Choice("talus", "Talus"), Choice("calcaneus", "Calcaneus", "The heel bone is below."),
               Choice("navicular", "Navicular"))
    return Question(id=qid, type="label", answer=answer, choices=choices, feedback="Look above the heel.",
                    figure=FigureSpec(provider, (("view", "dorsal"), ("highlight", answer))), **COMMON)


ALL = (single, multiple, truefalse, numeric, matching, ordering, label)
