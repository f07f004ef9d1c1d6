"""The student's answers: a SQLite file that survives restarts and concurrent notebooks.

Location: ``groundup.workspace.state_dir() / "progress.sqlite"`` (the workspace's
``.groundup`` folder; ``GROUNDUP_HOME`` overrides it). Every answer is one row,
written in its own transaction the moment it is checked. The database runs in
WAL mode with a busy timeout, so two notebooks (two kernels) writing at once
wait for each other instead of failing, and ``synchronous=FULL`` so a checked
answer survives a power cut.

Tables::

    meta(key, value)            student_id: a random id made once (seeds the stable shuffles)
    answers(id, question_id, lesson, quiz, response, score, correct, answered_at)
    answers_archive(... , reset_at)   answers set aside by "reset my progress"

``response`` is JSON (see ``groundup.quiz.graders``); ``answered_at`` is Unix time (UTC).
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import threading
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from groundup.errors import GroundUpError

FILENAME = "progress.sqlite"
SCHEMA_VERSION = 1
BUSY_TIMEOUT_S = 30.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS answers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    question_id TEXT NOT NULL,
    lesson TEXT NOT NULL,
    quiz TEXT NOT NULL,
    response TEXT NOT NULL,
    score REAL NOT NULL,
    correct INTEGER NOT NULL,
    answered_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS answers_by_question ON answers (question_id, id);
CREATE TABLE IF NOT EXISTS answers_archive (
    id INTEGER PRIMARY KEY,
    question_id TEXT NOT NULL,
    lesson TEXT NOT NULL,
    quiz TEXT NOT NULL,
    response TEXT NOT NULL,
    score REAL NOT NULL,
    correct INTEGER NOT NULL,
    answered_at REAL NOT NULL,
    reset_at REAL NOT NULL
);
"""


class StoreError(GroundUpError):
    """The answers could not be read or saved; the message says where and why."""


@dataclass(frozen=True)
class Answer:
    question_id: str
    lesson: str
    quiz: str
    response: object
    score: float
    correct: bool
    answered_at: float
    id: int = 0


def default_path() -> Path:
    from groundup.workspace import state_dir

    return state_dir() / FILENAME


# Open connections, one per (file, process, thread): closing the last connection to a WAL database
# checkpoints it, which costs several fsyncs, so a kernel keeps its connection (see benchmarks/quiz.py).
_CONNECTIONS: dict[tuple, tuple[sqlite3.Connection, int]] = {}


class AnswerStore:
    """Answers in one SQLite file, shared safely by several notebooks (processes) at once."""

    def __init__(self, path: Path | str | None = None):
        self.path = Path(path) if path is not None else default_path()

    def __repr__(self) -> str:
        return f"AnswerStore({str(self.path)!r})"

    # --- connections ---

    def _connect(self) -> sqlite3.Connection:
        key = (str(self.path.absolute()), os.getpid(), threading.get_ident())
        cached = _CONNECTIONS.get(key)
        if cached is not None:
            connection, inode = cached
            try:
                if os.stat(self.path).st_ino == inode:
                    return connection
            except OSError:
                pass
            _CONNECTIONS.pop(key, None)  # the file was moved or deleted: never write into a ghost
            connection.close()
        connection = self._open()
        try:
            _CONNECTIONS[key] = (connection, os.stat(self.path).st_ino)
        except OSError:
            pass
        return connection

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot open your answers file {self.path}: {exc}") from None
        # Switching a new file to WAL, or setting it up, can meet another process doing the same: SQLite
        # then answers "database is locked" at once, without waiting, so wait and try again here.
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            try:
                return self._open_once()
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() > deadline:
                    raise StoreError(f"cannot use your answers file {self.path}: {exc}") from None
                time.sleep(random.uniform(0.005, 0.05))
            except sqlite3.Error as exc:
                raise StoreError(f"cannot use your answers file {self.path}: {exc}") from None

    def _open_once(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
        try:
            connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            connection.execute("PRAGMA synchronous = FULL")
            if str(connection.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if str(mode).lower() != "wal":  # e.g. a file system without shared memory
                    connection.execute("PRAGMA journal_mode = DELETE")
            self._setup(connection)
        except BaseException:
            connection.close()
            raise
        return connection

    def close(self) -> None:
        """Close this process's connections to the file (the next call opens a new one)."""
        for key in [k for k in _CONNECTIONS if k[0] == str(self.path.absolute())]:
            _CONNECTIONS.pop(key)[0].close()

    def _setup(self, connection: sqlite3.Connection) -> None:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} was written by a newer version of the course; update groundup")
        if version < SCHEMA_VERSION:
            connection.execute("BEGIN IMMEDIATE")  # one process sets up; another waits, then finds it done
            try:
                for statement in filter(str.strip, _SCHEMA.split(";")):
                    connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                connection.execute("COMMIT")
            except BaseException:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise

    @contextmanager
    def _write(self):
        """One write transaction (BEGIN IMMEDIATE ... COMMIT), or none of it."""
        connection = self._connect()
        try:
            connection.execute("BEGIN IMMEDIATE")
            yield connection
            connection.execute("COMMIT")
        except sqlite3.Error as exc:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise StoreError(f"your answer could not be saved in {self.path}: {exc}") from None
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise

    def _read(self, sql: str, args=()) -> list[tuple]:
        connection = self._connect()
        try:
            return connection.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"your answers could not be read from {self.path}: {exc}") from None

    # --- the student ---

    def student_id(self) -> str:
        """A random id made the first time and kept (the same for every process using this file)."""
        with self._write() as connection:
            connection.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('student_id', ?)", (uuid.uuid4().hex,))
            return connection.execute("SELECT value FROM meta WHERE key = 'student_id'").fetchone()[0]

    # --- answers ---

    def record(self, question_id: str, lesson: str, quiz: str, response, score: float, correct: bool,
               at: float | None = None) -> Answer:
        """Save one checked answer, in its own transaction."""
        at = time.time() if at is None else float(at)
        text = json.dumps(response, ensure_ascii=False, sort_keys=True)
        with self._write() as connection:
            cursor = connection.execute(
                "INSERT INTO answers (question_id, lesson, quiz, response, score, correct, answered_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (question_id, lesson, quiz, text, float(score), int(bool(correct)), at),
            )
            row_id = cursor.lastrowid
        return Answer(question_id, lesson, quiz, json.loads(text), float(score), bool(correct), at, row_id)

    @staticmethod
    def _answer(row) -> Answer:
        row_id, question_id, lesson, quiz, response, score, correct, at = row
        try:
            value = json.loads(response)
        except ValueError:
            value = None
        return Answer(question_id, lesson, quiz, value, score, bool(correct), at, row_id)

    _COLUMNS = "id, question_id, lesson, quiz, response, score, correct, answered_at"

    def latest(self, question_ids=None) -> dict[str, Answer]:
        """The last answer to each question (of those given, or of all)."""
        rows = self._read(
            f"SELECT {self._COLUMNS} FROM answers WHERE id IN (SELECT MAX(id) FROM answers GROUP BY question_id)"
        )
        wanted = None if question_ids is None else set(question_ids)
        return {a.question_id: a for a in map(self._answer, rows) if wanted is None or a.question_id in wanted}

    def history(self, question_ids=None) -> list[Answer]:
        """Every answer, oldest first."""
        rows = self._read(f"SELECT {self._COLUMNS} FROM answers ORDER BY id")
        wanted = None if question_ids is None else set(question_ids)
        return [a for a in map(self._answer, rows) if wanted is None or a.question_id in wanted]

    def count(self) -> int:
        return self._read("SELECT COUNT(*) FROM answers")[0][0]

    def reset(self, at: float | None = None) -> int:
        """Set every answer aside (moved to answers_archive, not shown again); returns how many."""
        at = time.time() if at is None else float(at)
        with self._write() as connection:
            moved = connection.execute(
                f"INSERT INTO answers_archive ({self._COLUMNS}, reset_at) SELECT {self._COLUMNS}, ? FROM answers",
                (at,),
            ).rowcount
            connection.execute("DELETE FROM answers")
        return moved
