"""Quiz speed figures, measured side by side in one run.

Q1 = time to save one checked answer with a new SQLite connection per answer / with the connection the store
     keeps (both WAL, synchronous=FULL, one BEGIN IMMEDIATE transaction per answer). Closing the last
     connection to a WAL database checkpoints it, so opening per answer costs several extra fsyncs: this is
     why groundup.quiz.store keeps one connection per process. For context, the same kept connection with
     synchronous=NORMAL (not used: a power cut could lose the last answers) is printed too.
Q2 = time to validate a 600-question bank (line-recording loader + every check) / time to yaml.safe_load it.
Q3 = time to build gu.Quiz for the 00-start-here bank (16 cards, bank cached) / time to build as many plain
     ipywidgets RadioButtons: the cost of a quiz over the bare widgets it is made of.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ANSWERS = 200


def per_answer_ms(work: Path) -> dict[str, float]:
    from groundup.quiz.store import AnswerStore

    def fresh_connection_each(path: Path):
        setup = AnswerStore(path)
        setup.student_id()  # the schema
        setup.close()  # so each connection below is the only one, as when every call opened its own
        for i in range(ANSWERS):
            connection = sqlite3.connect(path, timeout=30, isolation_level=None)
            connection.execute("PRAGMA synchronous = FULL")
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("INSERT INTO answers (question_id, lesson, quiz, response, score, correct, answered_at)"
                               " VALUES (?, 'l', 'k', '\"a\"', 1, 1, ?)", (f"q{i}", time.time()))
            connection.execute("COMMIT")
            connection.close()

    def kept_connection(path: Path):
        store = AnswerStore(path)
        for i in range(ANSWERS):
            store.record(f"q{i}", "l", "k", "a", 1.0, True)
        store.close()

    def kept_normal(path: Path):
        connection = sqlite3.connect(path, isolation_level=None)
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("CREATE TABLE IF NOT EXISTS t (x)")
        for i in range(ANSWERS):
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("INSERT INTO t VALUES (?)", (i,))
            connection.execute("COMMIT")
        connection.close()

    results: dict[str, list[float]] = {"fresh": [], "kept": [], "normal": []}
    for round_ in range(3):  # interleaved, so machine load affects every side alike
        for name, run in (("fresh", fresh_connection_each), ("kept", kept_connection), ("normal", kept_normal)):
            path = work / f"{name}-{round_}.sqlite"
            start = time.perf_counter()
            run(path)
            results[name].append((time.perf_counter() - start) / ANSWERS * 1000)
    return {name: min(times) for name, times in results.items()}


BANK_HEAD = "lesson: 00-start-here\nquestions:\n"
QUESTION = """\
  - id: bench-{i}
    section: what-this-course-is
    type: single
    prompt: Which part of a lesson gives the sources, number {i}?
    choices:
      - {{id: references, text: The references}}
      - {{id: summary, text: The summary, feedback: The summary repeats the main points.}}
      - {{id: objectives, text: The objectives, feedback: The objectives say what you will be able to do.}}
    answer: references
    explanation: The references give the source of every fact.
    source: Ground Up course plan
    difficulty: 1
    tags: [course]
"""


def validation_ratio(work: Path) -> tuple[float, float]:
    import yaml

    from groundup.quiz.bank import read_bank

    path = work / "bench.yaml"
    path.write_text(BANK_HEAD + "".join(QUESTION.format(i=i) for i in range(600)))
    text = path.read_text()
    ours, plain = [], []
    for _ in range(5):
        start = time.perf_counter()
        bank, problems = read_bank(path)
        ours.append(time.perf_counter() - start)
        assert not problems and len(bank.questions) == 600, problems[:3]
        start = time.perf_counter()
        yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        plain.append(time.perf_counter() - start)
    return min(ours) * 1000, min(plain) * 1000


def quiz_ratio(work: Path) -> tuple[float, float, int]:
    import ipywidgets as w

    from groundup.quiz.store import AnswerStore
    from groundup.quiz.view import Quiz

    store = AnswerStore(work / "quiz.sqlite")
    Quiz("00-start-here", store=store)  # warm: bank parsed and cached, store created
    ours, plain = [], []
    for _ in range(5):
        start = time.perf_counter()
        quiz = Quiz("00-start-here", store=store)
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        [w.RadioButtons(options=["a", "b", "c"], value=None) for _ in quiz.cards]
        plain.append(time.perf_counter() - start)
    return min(ours) * 1000, min(plain) * 1000, len(quiz.cards)


def main() -> None:
    os.environ.setdefault("MPLBACKEND", "Agg")
    work = Path(tempfile.mkdtemp(prefix="groundup-quiz-bench-"))
    os.environ["GROUNDUP_HOME"] = str(work / "home")
    save = per_answer_ms(work)
    print(f"save one answer: new connection each {save['fresh']:.2f} ms   kept connection {save['kept']:.2f} ms   "
          f"(kept, synchronous=NORMAL, not used: {save['normal']:.3f} ms)   best of 3 rounds of {ANSWERS}")
    print(f"Q1 = {save['fresh'] / save['kept']:.1f}   (the store keeps its connection)")
    ours, plain = validation_ratio(work)
    print(f"validate a 600-question bank: {ours:.0f} ms   yaml.safe_load of it: {plain:.0f} ms   (best of 5)")
    print(f"Q2 = {ours / plain:.2f}")
    ours, plain, cards = quiz_ratio(work)
    print(f"build gu.Quiz('00-start-here') ({cards} cards): {ours:.0f} ms   {cards} bare RadioButtons: {plain:.0f} ms"
          "   (best of 5)")
    print(f"Q3 = {ours / plain:.1f}")


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    main()
