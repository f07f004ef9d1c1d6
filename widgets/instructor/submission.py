"""The submission file a student hands back: its format, atomic save, load and restore, and the submit rules.

One file per student and assignment, beside the assignment notebook::

    <assignment-id>.<student-id>.submission.json

    {
      "format": "groundup-submission",
      "version": 1,
      "assignment": {"id": "start-here-check", "hash": "sha256:..."},
      "student": {"id": "S1234", "name": "Ada Lovelace"},
      "started_at": "2026-11-22T09:01:07Z",
      "saved_at": "2026-11-22T09:14:53Z",
      "submitted_at": null,
      "answers": {
        "start-run-a-cell": {"response": "shift-enter", "answered_at": "2026-11-22T09:02:11Z", "checks": 0},
        ...
      }
    }

Times are UTC, ISO 8601, to the second. ``response`` has the shape the graders take
(``groundup.quiz.graders``), with two allowances for work in progress: a matching answer may leave
left items unmatched (``null``) and an ordering answer may leave positions empty (``null``). ``null``
means "not answered". ``checks`` counts the Check presses under immediate feedback.
``assignment.hash`` is the release's content hash: a file made for another assignment, or for another
version of this one, is refused at grading.

**Submit rules.** Every answer is written the moment it is given (temporary file, fsync, rename:
never a half-written file). Submit sets ``submitted_at`` and makes the submission *final*: after
that, changes are refused (``SubmissionFinal``; the notebook disables its controls and says so), so
what is graded is exactly what was submitted. A submission is *late* when it was submitted after the
due date: it is flagged in the gradebook, never refused. A file that was never submitted is still
graded (the instructor decides what to do with it), judged late by when it was last saved.

Pure logic and file I/O only: no ipywidgets.
"""

from __future__ import annotations

import glob
import json
import math
import os
import re
import stat
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from groundup.errors import GroundUpError

FORMAT = "groundup-submission"
VERSION = 1
SUFFIX = ".submission.json"
MAX_BYTES = 2_000_000  # far above any real submission; bigger files are not read into memory whole
PATH_CHARACTERS = '/\\:*?"<>|'
_PATH = re.compile(r'[/\\:*?"<>|]')
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")  # Unicode categories Cc, Zl and Zp
MAX_LENGTH = {"student ID": 64, "name": 120}
TOP_FIELDS = ("format", "version", "assignment", "student", "started_at", "saved_at", "submitted_at", "answers")
ANSWER_FIELDS = ("response", "answered_at", "checks")
_ANSWER_KEYS = frozenset(ANSWER_FIELDS)


class SubmissionError(GroundUpError):
    """A submission file that cannot be read or does not fit the format; the message says why."""


class SubmissionFinal(GroundUpError):
    """A change to a submission that was already submitted."""


class IdentityError(GroundUpError):
    """A name or student ID that cannot be used."""


# --- identity ------------------------------------------------------------------------------------------


def check_identity(text, what: str = "student ID") -> str:
    """The student ID (or, with ``what="name"``, the name), trimmed; IdentityError says what is wrong.

    Refused: empty, control characters (tabs, line breaks), more than 64 (ID) or 120 (name)
    characters. The student ID becomes part of a file name, so it is also refused when it holds a
    path character ``/ \\ : * ? " < > |``, ``..``, or starts or ends with a dot: every file stays in
    its folder and is valid on Windows, macOS and Linux. A name never becomes part of a file name;
    it is escaped wherever it is shown.
    """
    if not isinstance(text, str):
        raise IdentityError(f"Your {what} must be text.")
    value = text.strip()
    if not value:
        raise IdentityError(f"Type your {what}; it cannot be empty.")
    if _CONTROL.search(value):
        raise IdentityError(f"Your {what} cannot contain control characters such as tabs or line breaks.")
    limit = MAX_LENGTH.get(what, 120)
    if len(value) > limit:
        raise IdentityError(f"Your {what} is too long (at most {limit} characters).")
    if what == "name":
        return value
    bad = [c for c in dict.fromkeys(value) if c in PATH_CHARACTERS] if _PATH.search(value) else []
    if bad:
        raise IdentityError(f"Your {what} cannot contain {' '.join(bad)} (these characters are not allowed in "
                            "file names).")
    if ".." in value:
        raise IdentityError(f"Your {what} cannot contain two dots in a row (..).")
    if value.startswith(".") or value.endswith("."):
        raise IdentityError(f"Your {what} cannot start or end with a dot.")
    return value


def filename(assignment_id: str, student_id: str) -> str:
    return f"{assignment_id}.{student_id}{SUFFIX}"


# --- time ----------------------------------------------------------------------------------------------


def stamp(at: float) -> str:
    """Unix time as UTC ISO 8601 to the second: ``2026-11-22T09:14:53Z``."""
    return datetime.fromtimestamp(int(at), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_stamp(text) -> datetime:
    """A time written by ``stamp`` (or any ISO 8601 time with a zone) as an aware datetime; ValueError if not."""
    if not isinstance(text, str) or not text:
        raise ValueError(f"{text!r} is not a time")
    value = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
    if value.tzinfo is None:
        raise ValueError(f"{text!r} has no time zone")
    return value


# --- the submission --------------------------------------------------------------------------------------


@dataclass(slots=True)
class Answer:
    response: object
    answered_at: str
    checks: int = 0


@dataclass
class Submission:
    assignment_id: str
    assignment_hash: str
    student_id: str
    student_name: str
    started_at: str
    saved_at: str
    submitted_at: str | None = None
    answers: dict[str, Answer] = field(default_factory=dict)

    @property
    def final(self) -> bool:
        return self.submitted_at is not None

    @property
    def filename(self) -> str:
        return filename(self.assignment_id, self.student_id)

    def response(self, question_id: str):
        answer = self.answers.get(question_id)
        return answer.response if answer else None

    def answered(self) -> int:
        return sum(a.response is not None for a in self.answers.values())

    def record(self, question_id: str, response, at: float, *, checked: bool = False) -> None:
        """Record an answer (``None`` clears it); SubmissionFinal once submitted."""
        if self.final:
            raise SubmissionFinal("This assignment was submitted, so its answers can no longer be changed.")
        previous = self.answers.get(question_id)
        checks = (previous.checks if previous else 0) + (1 if checked else 0)
        self.answers[question_id] = Answer(response, stamp(at), checks)
        self.saved_at = stamp(at)

    def finalise(self, at: float) -> None:
        """Submit: the submission becomes final; SubmissionFinal if it already is."""
        if self.final:
            raise SubmissionFinal("This assignment was already submitted.")
        self.submitted_at = stamp(at)
        self.saved_at = self.submitted_at

    def last_activity(self) -> str:
        return self.submitted_at or self.saved_at

    def to_dict(self) -> dict:
        return {
            "format": FORMAT,
            "version": VERSION,
            "assignment": {"id": self.assignment_id, "hash": self.assignment_hash},
            "student": {"id": self.student_id, "name": self.student_name},
            "started_at": self.started_at,
            "saved_at": self.saved_at,
            "submitted_at": self.submitted_at,
            "answers": {qid: {"response": a.response, "answered_at": a.answered_at, "checks": a.checks}
                        for qid, a in self.answers.items()},
        }

    def dumps(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n"


def new(assignment_id: str, assignment_hash: str, student_id: str, name: str, at: float | None = None) -> Submission:
    """A new, empty submission; IdentityError for a name or ID that cannot be used."""
    at = time.time() if at is None else at
    student_id = check_identity(student_id, "student ID")
    name = check_identity(name, "name")
    return Submission(assignment_id, assignment_hash, student_id, name, stamp(at), stamp(at))


def is_late(submission: Submission, due: datetime | None) -> bool:
    """Submitted after the due date (or, never submitted, last saved after it)."""
    if due is None:
        return False
    return parse_stamp(submission.last_activity()) > due


# --- files ---------------------------------------------------------------------------------------------


def save(submission: Submission, folder: Path) -> Path:
    """Write the submission beside the notebook: temporary file, fsync, rename (never half-written)."""
    from groundup.workspace import atomic_write_text

    path = Path(folder) / submission.filename
    atomic_write_text(path, submission.dumps())
    return path


def find(folder: Path, assignment_id: str) -> list[Path]:
    """The submission files of an assignment in a folder, sorted by name."""
    pattern = f"{glob.escape(assignment_id)}.*{SUFFIX}"
    return sorted(p for p in Path(folder).glob(pattern) if p.is_file())


def read_bytes(path: Path) -> bytes:
    """A file's bytes, opened read-only; SubmissionError if it cannot be read or is far too large.

    Plain ``os.open``/``os.read``: the fewest system calls per file, which matters with thousands of files.
    """
    too_large = SubmissionError(f"too large to be a submission (over {MAX_BYTES // 1_000_000} MB)")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except IsADirectoryError:
        raise SubmissionError("a folder, not a file") from None
    except OSError as exc:
        raise SubmissionError(f"cannot be read ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise SubmissionError("a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise SubmissionError("not a regular file")
        if info.st_size > MAX_BYTES:
            raise too_large
        parts, size = [], 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, max(info.st_size + 1 - size, 65536))
            if not chunk:
                break
            parts.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise SubmissionError(f"cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    data = parts[0] if len(parts) == 1 else b"".join(parts)
    if len(data) > MAX_BYTES:
        raise too_large
    return data


def load(path: Path) -> Submission:
    """Read a submission file; SubmissionError naming what is wrong."""
    return parse(read_bytes(path))


def parse(data: bytes) -> Submission:
    """A submission from a file's bytes; SubmissionError naming every way it does not fit the format."""
    if not data.strip():
        raise SubmissionError("the file is empty")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise SubmissionError("not a text file (not UTF-8): not a submission") from None
    try:
        raw = json.loads(text)
    except (ValueError, RecursionError) as exc:
        where = f" (line {exc.lineno})" if hasattr(exc, "lineno") else ""
        raise SubmissionError(f"not JSON{where}: the file is damaged or is not a submission") from None
    return from_dict(raw)


def from_dict(raw) -> Submission:
    if not isinstance(raw, dict):
        raise SubmissionError(f"JSON, but a {type(raw).__name__} rather than a submission")
    if raw.get("format") != FORMAT:
        if "cells" in raw and "nbformat" in raw:
            raise SubmissionError("a notebook, not a submission: hand in the .submission.json file instead")
        raise SubmissionError(f"not a Ground Up submission ('format' is {raw.get('format')!r}, not {FORMAT!r})")
    reasons: list[str] = []
    version = raw.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        reasons.append(f"'version' must be a whole number, not {version!r}")
    elif version > VERSION:
        raise SubmissionError(f"made by a newer version of Ground Up (format version {version}); update groundup")
    elif version != VERSION:
        reasons.append(f"unknown format version {version}")
    for key in raw:
        if key not in TOP_FIELDS:
            reasons.append(f"unknown field {str(key)[:40]!r}")
    assignment = raw.get("assignment")
    aid = ahash = ""
    if not isinstance(assignment, dict) or not isinstance(assignment.get("id"), str) \
            or not isinstance(assignment.get("hash"), str):
        reasons.append("'assignment' must hold the assignment's 'id' and 'hash'")
    else:
        aid, ahash = assignment["id"], assignment["hash"]
    student = raw.get("student")
    sid = name = ""
    if not isinstance(student, dict):
        reasons.append("'student' must hold the student's 'id' and 'name'")
    else:
        try:
            sid = check_identity(student.get("id"), "student ID")
        except IdentityError as exc:
            reasons.append(f"student ID {str(student.get('id'))[:40]!r} cannot be used: {_lower(exc)}")
        try:
            name = check_identity(student.get("name"), "name")
        except IdentityError as exc:
            reasons.append(f"student name cannot be used: {_lower(exc)}")
    for key in ("started_at", "saved_at"):
        if not _is_stamp(raw.get(key)):
            reasons.append(f"'{key}' must be a time such as 2026-11-22T09:14:53Z, not {str(raw.get(key))[:40]!r}")
    submitted = raw.get("submitted_at")
    if submitted is not None and not _is_stamp(submitted):
        reasons.append(f"'submitted_at' must be a time or null, not {str(submitted)[:40]!r}")
    answers: dict[str, Answer] = {}
    raw_answers = raw.get("answers")
    if not isinstance(raw_answers, dict):
        reasons.append("'answers' must be a mapping of question id to answer")
    else:
        stamp_form = _STAMP.fullmatch
        for qid, entry in raw_answers.items():
            # The fast path takes an answer exactly as ``save`` writes it; anything else is checked in full.
            if type(entry) is dict and len(entry) == 3:
                at, checks = entry.get("answered_at"), entry.get("checks")
                if type(at) is str and type(checks) is int and checks >= 0 and "response" in entry \
                        and stamp_form(at):
                    answers[qid] = Answer(entry["response"], at, checks)
                    continue
            problem = _answer_problem(entry)
            if problem:
                reasons.append(f"answer to {qid[:60]!r}: {problem}")
            else:
                answers[qid] = Answer(entry["response"], entry["answered_at"], entry.get("checks", 0))
    if reasons:
        raise SubmissionError("; ".join(reasons))
    return Submission(aid, ahash, sid, name, raw["started_at"], raw["saved_at"], submitted, answers)


def _lower(exc) -> str:
    text = str(exc)
    return text[:1].lower() + text[1:]


_STAMP = re.compile(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ")


def _is_stamp(value) -> bool:
    try:
        parse_stamp(value)
    except (ValueError, TypeError):
        return False
    return True


def _is_answer_stamp(value) -> bool:
    """Like _is_stamp, faster for the form ``stamp`` writes (an answer's time is only ever shown, never compared)."""
    return (isinstance(value, str) and _STAMP.fullmatch(value) is not None) or _is_stamp(value)


def _answer_problem(entry) -> str:
    if not isinstance(entry, dict):
        return "must be a mapping with 'response', 'answered_at' and 'checks'"
    if len(entry) > 3 or not entry.keys() <= _ANSWER_KEYS:
        unknown = [k for k in entry if k not in ANSWER_FIELDS]
        return f"unknown field {str(unknown[0])[:40]!r}"
    if "response" not in entry:
        return "no 'response'"
    if not _is_answer_stamp(entry.get("answered_at")):
        return f"'answered_at' must be a time, not {str(entry.get('answered_at'))[:40]!r}"
    checks = entry.get("checks", 0)
    if isinstance(checks, bool) or not isinstance(checks, int) or checks < 0:
        return f"'checks' must be a whole number ≥ 0, not {checks!r}"
    return ""


# --- does a response fit its question? ---------------------------------------------------------------


@dataclass(frozen=True)
class Shape:
    """What a question accepts, without its answer: enough to check a response's shape."""

    type: str
    choices: frozenset = frozenset()  # single, multiple, label: the choice ids
    lefts: tuple = ()  # matching: the left items
    options: tuple = ()  # matching: the right-hand items; ordering: the items

    @classmethod
    def of_question(cls, question) -> "Shape":
        if question.type in ("single", "multiple", "label"):
            return cls(question.type, frozenset(c.id for c in question.choices))
        if question.type == "matching":
            return cls("matching", lefts=tuple(p.left for p in question.pairs), options=tuple(question.right_options))
        if question.type == "ordering":
            return cls("ordering", options=tuple(question.items))
        return cls(question.type)

    @classmethod
    def of_public(cls, entry: dict) -> "Shape":
        """From a question as the release's sidecar holds it."""
        kind = entry["type"]
        if kind in ("single", "multiple", "label"):
            return cls(kind, frozenset(c["id"] for c in entry["choices"]))
        if kind == "matching":
            return cls("matching", lefts=tuple(entry["lefts"]), options=tuple(entry["options"]))
        if kind == "ordering":
            return cls("ordering", options=tuple(entry["items"]))
        return cls(kind)


def misfit(shape: Shape, response) -> str:
    """'' when the response fits the question (None, "not answered", always fits); else why not."""
    if response is None:
        return ""
    kind = shape.type
    if kind in ("single", "label"):
        return "" if isinstance(response, str) and response in shape.choices else f"{_short(response)} is not one of its choices"
    if kind == "multiple":
        if not isinstance(response, list):
            return f"takes a list of choices, not {_short(response)}"
        if any(not isinstance(r, str) or r not in shape.choices for r in response):
            return f"{_short(response)} holds something that is not one of its choices"
        if len(set(response)) != len(response):
            return "ticks one choice twice"
        return ""
    if kind == "truefalse":
        return "" if isinstance(response, bool) else f"takes true or false, not {_short(response)}"
    if kind == "numeric":
        ok = isinstance(response, (int, float)) and not isinstance(response, bool) and math.isfinite(response)
        return "" if ok else f"takes a number, not {_short(response)}"
    if kind == "matching":
        if not isinstance(response, dict):
            return f"takes {{left item: right item}}, not {_short(response)}"
        for left, right in response.items():
            if left not in shape.lefts:
                return f"{_short(left)} is not one of its left-hand items"
            if right is not None and right not in shape.options:
                return f"{_short(right)} is not one of its right-hand items"
        return ""
    if kind == "ordering":
        if not isinstance(response, list) or len(response) != len(shape.options):
            return f"takes a list of its {len(shape.options)} items in order, not {_short(response)}"
        if any(r is not None and r not in shape.options for r in response):
            return f"{_short(response)} holds something that is not one of its items"
        return ""
    return f"unknown question type {kind!r}"


def _short(value) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
