"""``groundup assign SPEC --out DIR``: the student release, and the assignment's content hash.

A release is two files that travel together::

    <id>.ipynb              one Markdown cell (title, instructions, due date) and one code cell:
                            import groundup as gu / gu.assignment("<id>")
    <id>.assignment.json    the sidecar: the questions as students see them

Under ``feedback: after-grading`` the sidecar holds prompts and choices only: no answers, no
explanations, no per-option feedback, and nothing whose order gives an answer away (choices, the
right-hand items of a matching question and the items of an ordering question are stored in an
order fixed by the assignment, never the bank's order, which lists right answers first). Under
``immediate`` it also holds what the Check buttons need: answers, tolerances, explanations, feedback.

**The content hash** (``sha256:...``) fingerprints what students answer: each question's id, type,
prompt, choices, items and unit, in order. It leaves out answers, explanations and feedback (so
correcting an answer key after release does not orphan the submissions) and the label diagrams'
highlighted structure (which is the answer). A submission carries the hash of the release it was
made with; ``groundup grade`` refuses a submission whose hash differs from the spec's.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from groundup.errors import GroundUpError, ValidationError
from groundup.quiz.bank import Choice, Pair, Question
from groundup.quiz.selection import stable_order

SIDECAR_FORMAT = "groundup-assignment"
SIDECAR_VERSION = 1
SIDECAR_SUFFIX = ".assignment.json"
FEEDBACK_WORDS = {
    "immediate": "Each question has a Check button that tells you at once whether you are right.",
    "after-grading": "You will see which answers were right, and why, after your instructor has graded the work.",
}


# --- what students see -----------------------------------------------------------------------------


def _figure_params(question) -> dict:
    """A label figure's parameters without the highlighted structure (which is the answer)."""
    return {k: v for k, v in question.figure.params if k != "highlight"} if question.figure else {}


def _canonical(question) -> dict:
    """What a student answers, in a form that does not depend on display order (hashed)."""
    entry = {"id": question.id, "type": question.type, "prompt": question.prompt}
    if question.choices:
        entry["choices"] = sorted([c.id, c.text] for c in question.choices)
    if question.type == "numeric":
        entry["unit"] = question.unit or ""
    if question.type == "matching":
        entry["lefts"] = [p.left for p in question.pairs]
        entry["options"] = sorted(question.right_options)
    if question.type == "ordering":
        entry["items"] = sorted(question.items)
    if question.type == "label":
        entry["figure"] = {"provider": question.figure.provider, **_figure_params(question)}
    return entry


def content_hash(assignment_id: str, questions) -> str:
    """The fingerprint of an assignment's questions as students see them (see the module docstring)."""
    payload = {"assignment": assignment_id, "questions": [_canonical(q) for q in questions]}
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def public_question(question, assignment_id: str) -> dict:
    """A question as the after-grading sidecar holds it: nothing that gives the answer away."""
    seed = f"{assignment_id}:{question.id}"
    entry = {"id": question.id, "type": question.type, "lesson": question.lesson, "section": question.section,
             "prompt": question.prompt}
    if question.type in ("single", "multiple", "label"):
        entry["choices"] = [{"id": c.id, "text": c.text}
                            for c in stable_order(question.choices, seed, key=lambda c: c.id)]
    if question.type == "numeric":
        entry["unit"] = question.unit or ""
    if question.type == "matching":
        entry["lefts"] = [p.left for p in question.pairs]
        options = stable_order(question.right_options, seed)
        if options == list(question.right_options):  # never the pairs' own order
            options = options[1:] + options[:1]
        entry["options"] = options
    if question.type == "ordering":
        items = stable_order(question.items, seed)
        if items == list(question.items):  # never store the right order
            items = items[1:] + items[:1]
        entry["items"] = items
    return entry


def answer_key(question) -> dict:
    """What the Check buttons need (immediate feedback only)."""
    key: dict = {"explanation": question.explanation}
    if question.type in ("single", "label"):
        key["answer"] = question.answer
        key["choice_feedback"] = {c.id: c.feedback for c in question.choices if c.feedback}
    elif question.type == "multiple":
        key["answer"] = list(question.answer)
        key["choice_feedback"] = {c.id: c.feedback for c in question.choices if c.feedback}
    elif question.type == "truefalse":
        key["answer"] = question.answer
        key["feedback"] = {("true" if side else "false"): text for side, text in (question.feedback or {}).items()}
    elif question.type == "numeric":
        key["answer"] = question.answer
        key["tolerance"] = question.tolerance
        key["feedback"] = dict(question.feedback or {})
    elif question.type == "matching":
        key["pairs"] = [{"left": p.left, "right": p.right} for p in question.pairs]
    elif question.type == "ordering":
        key["answer"] = list(question.items)
    if question.type in ("matching", "ordering", "label") and question.general_feedback:
        key["feedback"] = question.general_feedback
    return key


def question_from_sidecar(entry: dict) -> Question:
    """Rebuild a gradable Question from an immediate-feedback sidecar entry (for the Check button)."""
    kind = entry["type"]
    feedback_map = entry.get("choice_feedback", {})
    choices = tuple(Choice(c["id"], c["text"], feedback_map.get(c["id"], "")) for c in entry.get("choices", ()))
    common = dict(id=entry["id"], lesson=entry.get("lesson", ""), section=entry.get("section", ""), type=kind,
                  prompt=entry["prompt"], explanation=entry.get("explanation", ""), source="", difficulty=1, tags=(),
                  choices=choices)
    if kind in ("single", "label"):
        return Question(answer=entry["answer"], feedback=entry.get("feedback", ""), **common)
    if kind == "multiple":
        return Question(answer=tuple(entry["answer"]), **common)
    if kind == "truefalse":
        feedback = {key == "true": text for key, text in entry.get("feedback", {}).items()}
        return Question(answer=bool(entry["answer"]), feedback=feedback, **common)
    if kind == "numeric":
        return Question(answer=float(entry["answer"]), tolerance=float(entry["tolerance"]), unit=entry.get("unit", ""),
                        feedback=entry.get("feedback", {}), **common)
    if kind == "matching":
        pairs = tuple(Pair(p["left"], p["right"]) for p in entry["pairs"])
        rights = {p.right for p in pairs}
        return Question(answer=None, pairs=pairs, distractors=tuple(o for o in entry["options"] if o not in rights),
                        feedback=entry.get("feedback", ""), **common)
    if kind == "ordering":
        return Question(answer=None, items=tuple(entry["answer"]), feedback=entry.get("feedback", ""), **common)
    raise GroundUpError(f"unknown question type {kind!r}")


def label_alt(question, figure=None) -> str:
    """The diagram's alt text: the provider's own, unless it names the highlighted structure (the answer)."""
    generic = ", ".join(f"{k} {v}" for k, v in _figure_params(question).items())
    generic = f"Diagram ({generic}) with one structure highlighted and no labels; name it from the choices."
    if figure is None or not figure.alt:
        return generic
    highlight = dict(question.figure.params).get("highlight", "")
    right = question.choice(question.answer)
    names = {highlight, highlight.replace("_", " "), right.text if right else ""} - {""}
    text = figure.alt.lower()
    if any(re.search(rf"(?<![a-z0-9]){re.escape(name.lower())}(?![a-z0-9])", text) for name in names):
        return generic
    return figure.alt


def _figure(question) -> dict:
    from groundup.quiz.providers import draw

    figure = draw(question.figure)  # FigureUnavailable (a GroundUpError) says why not
    return {"png": base64.b64encode(figure.png).decode("ascii"), "alt": label_alt(question, figure)}


def sidecar(assignment) -> dict:
    spec = assignment.spec
    questions, unavailable = [], []
    for question in assignment.questions:
        entry = public_question(question, spec.id)
        if question.type == "label":
            try:
                entry["figure"] = _figure(question)
            except GroundUpError as exc:
                unavailable.append(f"{question.id}: {exc}")
        if spec.feedback == "immediate":
            entry.update(answer_key(question))
        questions.append(entry)
    if unavailable:
        raise GroundUpError("the diagram of a label question cannot be drawn, so the release would be "
                            "incomplete: " + "; ".join(unavailable))
    return {
        "format": SIDECAR_FORMAT,
        "version": SIDECAR_VERSION,
        "id": spec.id,
        "title": spec.title,
        "instructions": spec.instructions,
        "hash": assignment.hash,
        "feedback": spec.feedback,
        "attempts": spec.attempts,
        "shuffle": spec.shuffle,
        "due": spec.due.isoformat() if spec.due else None,
        "due_text": spec.due_text,
        "questions": questions,
    }


def _md_escape(text: str) -> str:
    """The instructor's text for a Markdown cell: Markdown kept, any HTML shown as text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def notebook(assignment) -> dict:
    spec = assignment.spec
    lines = [f"# {_md_escape(spec.title)}", ""]
    if spec.instructions:
        lines += [_md_escape(spec.instructions), ""]
    count = len(assignment.questions)
    lines.append(f"**{count} question{'s' if count != 1 else ''}.**"
                 + (f" **Due: {spec.due_text}.**" if spec.due else "") + f" {FEEDBACK_WORDS[spec.feedback]}")
    lines += [
        "",
        "**How to answer.** Click in the code cell below and press **Shift + Enter** to run it. Type your name and "
        "student ID once. Every answer is saved the moment you give it, in the file "
        f"`{spec.id}.<your student ID>.submission.json` beside this notebook: you can close this page and come "
        "back later. When you have finished, press **Submit**, then hand in that file.",
    ]
    cell_source = f'import groundup as gu\ngu.assignment("{spec.id}")'
    return {
        "cells": [
            {"cell_type": "markdown", "id": "assignment-intro", "metadata": {}, "source": "\n".join(lines)},
            {"cell_type": "code", "id": "assignment-cell", "metadata": {}, "execution_count": None, "outputs": [],
             "source": cell_source},
        ],
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


# --- writing the release -------------------------------------------------------------------------


@dataclass(frozen=True)
class Release:
    notebook: Path
    sidecar: Path
    written: tuple[Path, ...]  # files written or replaced (unchanged files are not rewritten)


def release(assignment, out_dir, *, force: bool = False) -> Release:
    """Write the notebook and sidecar into ``out_dir``; refuse to replace different files unless ``force``."""
    from groundup.workspace import atomic_write_text

    out = Path(out_dir).expanduser()
    if out.exists() and not out.is_dir():
        raise GroundUpError(f"{out} is a file, not a folder; choose another --out")
    files = {
        out / f"{assignment.id}.ipynb": json.dumps(notebook(assignment), ensure_ascii=False, indent=1) + "\n",
        out / f"{assignment.id}{SIDECAR_SUFFIX}": json.dumps(sidecar(assignment), ensure_ascii=False, indent=1) + "\n",
    }
    changed = []
    for path, text in files.items():
        try:
            current = path.read_text(encoding="utf-8") if path.exists() else None
        except (OSError, UnicodeDecodeError):
            current = ""
        if current == text:
            continue
        if current is not None and not force:
            raise GroundUpError(f"{path} already exists and differs from this release; add --force to replace it "
                                "(students who already started keep their answers only if the questions are the same)")
        changed.append(path)
    try:
        for path in changed:
            atomic_write_text(path, files[path])
            os.chmod(path, 0o666 & ~_umask())  # handed out: readable like any file the instructor makes
    except OSError as exc:
        raise GroundUpError(f"cannot write the release into {out}: {exc.strerror or exc}") from None
    paths = list(files)
    return Release(paths[0], paths[1], tuple(changed))


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def load_sidecar(path: Path) -> dict:
    """Read a release's sidecar; GroundUpError with a message a student can pass on."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GroundUpError(f"{Path(path).name} is missing: keep it in the same folder as the notebook") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise GroundUpError(f"{Path(path).name} cannot be read ({exc}); ask your instructor for a new copy") from None
    if not isinstance(data, dict) or data.get("format") != SIDECAR_FORMAT:
        raise GroundUpError(f"{Path(path).name} is not a Ground Up assignment file; ask your instructor for a new copy")
    if data.get("version") != SIDECAR_VERSION:
        raise GroundUpError(f"{Path(path).name} was made by another version of Ground Up; update groundup")
    return data


# --- the command ----------------------------------------------------------------------------------


def assign_command(args) -> int:
    from groundup.instructor.spec import load_assignment

    try:
        assignment = load_assignment(args.spec, args.bank)
    except ValidationError as exc:
        for problem in exc.problems:
            print(problem)
        print(f"{len(exc.problems)} problem{'s' if len(exc.problems) != 1 else ''}: nothing was written.",
              file=sys.stderr)
        return 1
    result = release(assignment, args.out, force=args.force)
    spec = assignment.spec
    count = len(assignment.questions)
    state = "written" if result.written else "unchanged (already up to date)"
    print(f"Released \"{spec.title}\" ({spec.id}): {count} question{'s' if count != 1 else ''}, "
          f"feedback {spec.feedback}" + (f", due {spec.due_text}" if spec.due else "") + f"; files {state}.")
    print("Hand out these two files together (students keep them in one folder):")
    print(f"  {result.notebook}")
    print(f"  {result.sidecar}")
    print(f"Students open {result.notebook.name} in JupyterLab (with groundup installed), run its cell, type their "
          "name and student ID, answer, and press Submit. Each hands back one file:")
    print(f"  {spec.id}.<student-id>.submission.json")
    print("Then grade them all at once:")
    print(f"  groundup grade {args.spec} <the files, or their folder> --out <folder for the grades>"
          + "".join(f" --bank {b}" for b in args.bank or ()))
    if spec.feedback == "after-grading":
        print("The release holds no answers, explanations or feedback.")
    else:
        print("The release holds the answers (feedback: immediate): use it for low-stakes practice only.")
    print(f"Content hash: {assignment.hash}")
    return 0
