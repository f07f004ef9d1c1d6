"""Build assignment specs, releases and submission files for the instructor tests."""

from __future__ import annotations

import json
from pathlib import Path

from groundup.instructor import submission as sub
from groundup.instructor.spec import load_assignment
from groundup.quiz import graders

# Lesson 00's bank has every type but label: single, ordering, matching, multiple, numeric, truefalse.
ALL_TYPES = """\
id: all-types
title: "All types: <b>check</b>"
feedback: after-grading
due: 2026-12-01T17:00:00Z
questions:
  - start-references-block
  - start-lesson-order
  - start-block-purposes
  - start-move-a-slider
  - start-dorsiflexion-range
  - start-restart-keeps-answers
"""

T0 = 1_796_000_000.0  # 2026-11-30T...Z, before the due date above
LATE = 1_797_000_000.0  # 2026-12-11, after it


def write_spec(folder: Path, text: str = ALL_TYPES, name: str = "spec.yaml") -> Path:
    path = Path(folder) / name
    path.write_text(text, encoding="utf-8")
    return path


def assignment_from(folder: Path, text: str = ALL_TYPES, banks=()):
    return load_assignment(write_spec(folder, text), banks)


def right_responses(assignment) -> dict:
    return {q.id: graders.right_response(q) for q in assignment.questions}


def submission_dict(assignment, student_id: str, name: str, responses: dict, *, at: float = T0,
                    submitted: bool = True) -> dict:
    found = sub.Submission(assignment.id, assignment.hash, student_id, name, sub.stamp(at), sub.stamp(at))
    for qid, response in responses.items():
        found.record(qid, response, at)
    if submitted:
        found.finalise(at)
    return found.to_dict()


def write_submission(folder: Path, data, name: str | None = None) -> Path:
    """Write a submission (a dict, or raw bytes/text for broken ones) into folder."""
    if name is None:
        name = sub.filename(data["assignment"]["id"], data["student"]["id"])
    path = Path(folder) / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    elif isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
