"""The submission file: identity rules, the submit rules, atomic saving, and reading damaged files."""

from __future__ import annotations

import json
import os

import pytest

from groundup.instructor import submission as sub

T = 1_796_000_000.0


@pytest.mark.parametrize("bad", ["", "   ", "a/b", "a\\b", "C:1", "a*", "a?", 'a"b', "a<b", "a>b", "a|b", "..",
                                 "a..b", "a\tb", "a\nb", "a\x00b", "a\x7fb", ".hidden", "trailing.", "x" * 65])
def test_student_id_refused(bad):
    with pytest.raises(sub.IdentityError):
        sub.check_identity(bad, "student ID")


@pytest.mark.parametrize("good", ["S1234", "  s-12_3  ", "Ana María 7", "学生42", "a.b"])
def test_student_id_accepted_and_trimmed(good):
    assert sub.check_identity(good, "student ID") == good.strip()


def test_name_refused_only_when_empty_control_or_too_long():
    for bad in ("", "  ", "Ada\nLovelace", "A\tB", "x" * 121):
        with pytest.raises(sub.IdentityError):
            sub.check_identity(bad, "name")
    # A name never becomes part of a file name: it may hold characters an ID may not (and is escaped when shown).
    assert sub.check_identity(" O'Brien <i>/Ø ", "name") == "O'Brien <i>/Ø"


def test_filename_and_find(tmp_path):
    assert sub.filename("week-2", "S1") == "week-2.S1.submission.json"
    for name in ("week-2.S1.submission.json", "week-2.a.b.submission.json", "week-3.S1.submission.json",
                 "week-2.S1.json", "week-20.S1.submission.json"):
        (tmp_path / name).write_text("{}")
    assert [p.name for p in sub.find(tmp_path, "week-2")] == ["week-2.S1.submission.json",
                                                               "week-2.a.b.submission.json"]


def test_record_then_finalise_then_changes_are_refused():
    found = sub.new("a", "sha256:x", "S1", "Ada", at=T)
    found.record("q1", "b", T + 5)
    found.record("q1", "c", T + 9, checked=True)
    found.record("q2", None, T + 10)
    assert found.response("q1") == "c" and found.answers["q1"].checks == 1
    assert found.answers["q1"].answered_at == sub.stamp(T + 9) and found.saved_at == sub.stamp(T + 10)
    assert found.answered() == 1 and not found.final
    found.finalise(T + 20)
    assert found.final and found.submitted_at == sub.stamp(T + 20)
    with pytest.raises(sub.SubmissionFinal):
        found.record("q1", "a", T + 30)
    with pytest.raises(sub.SubmissionFinal):
        found.finalise(T + 31)
    assert found.response("q1") == "c"


def test_late_is_judged_by_submission_time(tmp_path):
    from groundup.instructor.spec import parse_due

    due, _ = parse_due("2026-11-29T12:00:00Z")
    found = sub.new("a", "h", "S1", "Ada", at=due.timestamp() - 100)
    found.record("q", "x", due.timestamp() - 50)
    assert not sub.is_late(found, due)
    found.finalise(due.timestamp() + 1)
    assert sub.is_late(found, due)
    assert not sub.is_late(found, None)
    unsubmitted = sub.new("a", "h", "S2", "Bo", at=due.timestamp() + 60)
    assert sub.is_late(unsubmitted, due)  # never submitted: judged by when it was last saved


def test_save_is_atomic_and_round_trips(tmp_path, monkeypatch):
    found = sub.new("a", "sha256:x", "S1", "Ada <b>", at=T)
    found.record("q1", {"left": None, "x": "y"}, T + 1)
    path = sub.save(found, tmp_path)
    assert path.name == "a.S1.submission.json"
    assert sub.load(path).to_dict() == found.to_dict()
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left behind
    before = path.read_bytes()

    def crash(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    found.record("q1", "changed", T + 2)
    with pytest.raises(OSError):
        sub.save(found, tmp_path)
    assert path.read_bytes() == before  # the old file is whole: never half-written
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def _good() -> dict:
    found = sub.new("a", "sha256:x", "S1", "Ada", at=T)
    found.record("q1", "b", T + 1)
    return found.to_dict()


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"\xff\xfe\x00garbage", "not UTF-8"),
    (b"{not json", "not JSON"),
    (b"[1, 2]", "a list rather than a submission"),
    (json.dumps({"cells": [], "nbformat": 4}).encode(), "a notebook"),
    (json.dumps({"format": "something-else"}).encode(), "not a Ground Up submission"),
    (json.dumps(dict(_good(), version=99)).encode(), "newer version"),
    (json.dumps(dict(_good(), student={"id": "../../etc", "name": "x"})).encode(), "student ID"),
    (json.dumps(dict(_good(), student={"name": "x"})).encode(), "student ID"),
    (json.dumps(dict(_good(), saved_at="yesterday")).encode(), "'saved_at'"),
    (json.dumps(dict(_good(), answers=[1])).encode(), "'answers'"),
    (json.dumps(dict(_good(), answers={"q1": {"response": 1, "answered_at": 5}})).encode(), "'answered_at'"),
    (json.dumps(dict(_good(), answers={"q1": {"response": 1, "answered_at": "2026-01-01T00:00:00Z",
                                              "checks": -1}})).encode(), "'checks'"),
    (json.dumps(dict(_good(), extra=1)).encode(), "unknown field 'extra'"),
    (json.dumps(dict(_good(), assignment="a")).encode(), "'assignment'"),
])
def test_parse_names_what_is_wrong(data, reason):
    with pytest.raises(sub.SubmissionError) as exc:
        sub.parse(data)
    assert reason in str(exc.value)


def test_too_large_file_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "big.json"
    path.write_bytes(b" " * (sub.MAX_BYTES + 10))
    with pytest.raises(sub.SubmissionError, match="too large"):
        sub.load(path)


@pytest.mark.parametrize("shape, response, fits", [
    (sub.Shape("single", frozenset({"a", "b"})), "a", True),
    (sub.Shape("single", frozenset({"a", "b"})), "z", False),
    (sub.Shape("single", frozenset({"a", "b"})), ["a"], False),
    (sub.Shape("multiple", frozenset({"a", "b"})), ["a", "b"], True),
    (sub.Shape("multiple", frozenset({"a", "b"})), ["a", "a"], False),
    (sub.Shape("multiple", frozenset({"a", "b"})), "a", False),
    (sub.Shape("truefalse"), False, True),
    (sub.Shape("truefalse"), "false", False),
    (sub.Shape("numeric"), 12, True),
    (sub.Shape("numeric"), True, False),
    (sub.Shape("numeric"), "12", False),
    (sub.Shape("matching", lefts=("x", "y"), options=("1", "2")), {"x": "1", "y": None}, True),
    (sub.Shape("matching", lefts=("x", "y"), options=("1", "2")), {"z": "1"}, False),
    (sub.Shape("matching", lefts=("x", "y"), options=("1", "2")), {"x": "3"}, False),
    (sub.Shape("ordering", options=("p", "q", "r")), ["q", None, "p"], True),
    (sub.Shape("ordering", options=("p", "q", "r")), ["q", "p"], False),
    (sub.Shape("ordering", options=("p", "q", "r")), ["q", "p", "s"], False),
    (sub.Shape("label", frozenset({"talus"})), None, True),
])
def test_response_shapes(shape, response, fits):
    assert (sub.misfit(shape, response) == "") is fits
