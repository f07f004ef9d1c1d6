"""The SQLite answer store: what is written comes back, in order, across processes and at the same time."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from groundup.quiz.store import FILENAME, AnswerStore, StoreError

REPO_ROOT = __import__("pathlib").Path(__file__).resolve().parents[1]


def test_default_location_follows_groundup_home(tmp_path, monkeypatch):
    monkeypatch.setenv("GROUNDUP_HOME", str(tmp_path / "home"))
    store = AnswerStore()
    assert store.path == tmp_path / "home" / FILENAME
    store.student_id()
    assert store.path.exists()


def test_record_latest_history_and_count(tmp_path):
    store = AnswerStore(tmp_path / "p.sqlite")
    store.record("q1", "00-start-here", "quiz-a", "b", 0.0, False, at=100)
    store.record("q1", "00-start-here", "quiz-a", "a", 1.0, True, at=200)
    store.record("q2", "00-start-here", "quiz-a", {"Soleus": "Plantarflexion", "x": None}, 0.5, False, at=150)
    latest = store.latest()
    assert latest["q1"].response == "a" and latest["q1"].correct and latest["q1"].answered_at == 200
    assert latest["q2"].response == {"Soleus": "Plantarflexion", "x": None}
    assert list(store.latest(["q2"])) == ["q2"]
    assert [(a.question_id, a.response) for a in store.history()] == [("q1", "b"), ("q1", "a"), ("q2", latest["q2"].response)]
    assert [a.question_id for a in store.history(["q2"])] == ["q2"]
    assert store.count() == 3


def test_database_is_wal_with_a_busy_timeout(tmp_path):
    store = AnswerStore(tmp_path / "p.sqlite")
    store.student_id()
    with sqlite3.connect(store.path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 1
    with store._write() as connection:  # the store's own connections wait for locks
        assert connection.execute("PRAGMA busy_timeout").fetchone()[0] >= 10_000


def test_student_id_is_made_once_and_kept(tmp_path):
    first = AnswerStore(tmp_path / "p.sqlite").student_id()
    assert len(first) == 32 and first == AnswerStore(tmp_path / "p.sqlite").student_id()
    assert AnswerStore(tmp_path / "other.sqlite").student_id() != first


def test_a_failed_write_leaves_nothing_behind(tmp_path):
    store = AnswerStore(tmp_path / "p.sqlite")
    store.record("q1", "l", "k", "a", 1, True)
    with pytest.raises(TypeError):
        store.record("q2", "l", "k", object(), 1, True)  # not JSON: nothing is written
    assert store.count() == 1


def test_reset_sets_answers_aside_and_keeps_the_student(tmp_path):
    store = AnswerStore(tmp_path / "p.sqlite")
    student = store.student_id()
    for i in range(3):
        store.record(f"q{i}", "l", "k", "a", 1, True)
    assert store.reset() == 3
    assert store.count() == 0 and store.latest() == {} and store.student_id() == student
    with sqlite3.connect(store.path) as connection:
        assert connection.execute("SELECT COUNT(*) FROM answers_archive").fetchone()[0] == 3
    store.record("q9", "l", "k", "a", 1, True)
    store.reset()  # a second reset archives again without clashing ids
    with sqlite3.connect(store.path) as connection:
        assert connection.execute("SELECT COUNT(*) FROM answers_archive").fetchone()[0] == 4


def test_an_unusable_location_is_a_clear_store_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot open your answers file"):
        AnswerStore(blocker / "p.sqlite").student_id()
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match=str(garbage)):
        AnswerStore(garbage).record("q", "l", "k", "a", 1, True)


def test_answers_survive_a_new_process(tmp_path):
    path = tmp_path / "p.sqlite"
    AnswerStore(path).record("q1", "l", "k", ["a", "b"], 0.5, False)
    code = f"from groundup.quiz.store import AnswerStore; print(AnswerStore({str(path)!r}).latest()['q1'].response)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['a', 'b']"


WRITER = textwrap.dedent("""
    import os, sys, time
    from groundup.quiz.store import AnswerStore
    path, name, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    store = AnswerStore(path)
    open(go + "." + name, "w").close()  # ready: Python started and groundup imported
    while not os.path.exists(go):  # start together; both create the new database at the same moment
        time.sleep(0.001)
    started = time.time()
    student = store.student_id()
    for i in range(count):
        store.record(f"{name}-{i}", "00-start-here", name, {"i": i}, 1.0, True)
    print(student, started, time.time())
""")


def test_two_processes_record_1000_answers_each_at_the_same_time(tmp_path):
    path, go = tmp_path / "progress.sqlite", tmp_path / "go"
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    writers = [
        subprocess.Popen([sys.executable, str(script), str(path), name, "1000", str(go)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO_ROOT)
        for name in ("one", "two")
    ]
    deadline = time.monotonic() + 120
    while not all((tmp_path / f"go.{name}").exists() for name in ("one", "two")) and time.monotonic() < deadline:
        time.sleep(0.01)
    go.write_text("go")
    results = [w.communicate(timeout=600) for w in writers]
    assert [w.returncode for w in writers] == [0, 0], [err for _, err in results]
    assert [err for _, err in results] == ["", ""]
    (student_one, *span_one), (student_two, *span_two) = (out.split() for out, _ in results)
    assert student_one == student_two  # both saw the same student id
    history = AnswerStore(path).history()
    assert len(history) == 2000
    for name in ("one", "two"):
        mine = [a for a in history if a.quiz == name]
        assert [a.question_id for a in mine] == [f"{name}-{i}" for i in range(1000)]
        assert [a.response["i"] for a in mine] == list(range(1000))
    # they really ran at the same time: each began writing before the other had finished (SQLite's lock is not
    # fair, so one may wait while the other writes many rows; waiting is fine, failing or losing a row is not)
    (start_one, end_one), (start_two, end_two) = (map(float, span_one), map(float, span_two))
    assert start_one < end_two and start_two < end_one, (start_one, end_one, start_two, end_two)


def test_a_deleted_answers_file_is_recreated_not_written_into_a_ghost(tmp_path):
    store = AnswerStore(tmp_path / "p.sqlite")
    store.record("q1", "l", "k", "a", 1, True)
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"p.sqlite{suffix}").unlink(missing_ok=True)
    store.record("q2", "l", "k", "a", 1, True)
    assert [a.question_id for a in AnswerStore(tmp_path / "p.sqlite").history()] == ["q2"]


def test_several_processes_creating_the_answers_file_at_once_all_succeed(tmp_path):
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    names = [f"p{i}" for i in range(6)]
    for attempt in range(5):  # five fresh files: the race is on creating the file and switching it to WAL
        path, go = tmp_path / f"new-{attempt}.sqlite", tmp_path / f"go-{attempt}"
        writers = [subprocess.Popen([sys.executable, str(script), str(path), name, "5", str(go)], stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True, cwd=REPO_ROOT) for name in names]
        deadline = time.monotonic() + 120
        while not all((tmp_path / f"go-{attempt}.{n}").exists() for n in names) and time.monotonic() < deadline:
            time.sleep(0.01)
        go.write_text("go")
        results = [w.communicate(timeout=300) for w in writers]
        assert [err for _, err in results] == [""] * len(names)
        assert len({out.split()[0] for out, _ in results}) == 1  # one student id for all
        assert AnswerStore(path).count() == 5 * len(names)
