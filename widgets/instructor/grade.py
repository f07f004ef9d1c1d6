"""``groundup grade SPEC SUBMISSION... --out DIR``: grades, item analysis, feedback, problems.

Writes into ``--out``:

``gradebook.csv``         a row per student: ``Student ID, Name, <question ids...>, Total, Max, Percent,
                          Late, Submitted at`` (Moodle: map *Student ID* to *ID number*)
``gradebook-canvas.csv``  the same totals in the layout Canvas's gradebook import requires
                          (``Student, ID, SIS User ID, SIS Login ID, Section, <title>``)
``items.csv``             per question: difficulty (proportion correct), discrimination (point-biserial
                          correlation of being right with the score on the *other* questions), mean
                          score, how often each option was chosen, the most common wrong answer
``report.html``           self-contained charts and tables (``groundup.instructor.report``)
``feedback/<id>.md``      per student: their answers, the right answers and the explanations
``problems.txt``          every file that could not be graded, with the reason

Rules: the run never stops on a bad file (it is listed with its reason); inputs are only ever opened
read-only; the outputs depend only on the inputs (sorted, no clock), so a second run writes
byte-identical files. Each question is worth one point; partial credit is the grader's fraction
(``groundup.quiz.graders``). A question counts as *correct* only at full credit.
"""

from __future__ import annotations

import csv
import gc
import html
import io
import math
import os
import re
import sys
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from groundup.errors import GroundUpError, ValidationError
from groundup.instructor import submission as sub
from groundup.quiz import graders

OUTPUTS = ("gradebook.csv", "gradebook-canvas.csv", "items.csv", "report.html", "problems.txt")
FEEDBACK_DIR = "feedback"
NOT_ANSWERED = graders.NOT_ANSWERED
INCOMPLETE_ORDER = "Not every position holds a different item, so the order scores 0."


# --- grading -------------------------------------------------------------------------------------------


@dataclass
class Graded:
    display: str
    submission: sub.Submission
    grades: list  # graders.Grade per question, in assignment order
    total: float
    late: bool

    @property
    def student_id(self) -> str:
        return self.submission.student_id


@dataclass
class Outcome:
    assignment: object  # spec.Assignment
    graded: list[Graded] = field(default_factory=list)  # sorted by student ID
    problems: list[tuple[str, str]] = field(default_factory=list)  # (file, reason): not graded
    notes: list[tuple[str, str]] = field(default_factory=list)  # (file, note): graded, with something to know
    files: int = 0

    @property
    def max_points(self) -> float:
        return float(len(self.assignment.questions))


def _freeze(value):
    """A hashable key for a response that fits its question (lists hold text or None; dicts map text to text
    or None), so each distinct answer is graded once."""
    kind = type(value)
    if kind is list:
        return tuple(value)
    if kind is dict:
        return tuple(sorted(value.items(), key=_first))
    return value


def _first(pair):
    return pair[0]


class Scorer:
    """Grades responses, remembering each distinct (question, response): a class gives few distinct answers."""

    def __init__(self, questions):
        self.questions = questions
        self.cache: dict = {}

    def grade(self, question, response) -> graders.Grade:
        if response is None:
            return graders.Grade(0.0, (NOT_ANSWERED,), answered=False)
        key = (question.id, _freeze(response))
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = self._grade(question, response)
        return found

    @staticmethod
    def _grade(question, response) -> graders.Grade:
        if question.type == "ordering" and (None in response or len(set(response)) != len(response)):
            return graders.Grade(0.0, (INCOMPLETE_ORDER,))
        if question.type == "matching" and all(v is None for v in response.values()):
            return graders.Grade(0.0, (NOT_ANSWERED,), answered=False)
        if question.type == "multiple" and not response:
            return graders.Grade(0.0, (NOT_ANSWERED,), answered=False)
        return graders.grade(question, response)


def display_names(paths) -> list[str]:
    """How files are named in the outputs: as given, or relative to the current folder when inside it."""
    here = os.path.abspath(os.getcwd()) + os.sep
    names = []
    for path in paths:
        text = os.fspath(path)
        absolute = os.path.abspath(text)
        names.append(absolute[len(here):] if absolute.startswith(here) else text)
    return names


def _rank(candidate: tuple) -> tuple:
    """Which of one student's submissions counts: a submitted one, then the latest, then the one with the
    name the notebook gives its file, then by file name."""
    display, submission = candidate[0], candidate[1]
    own_name = Path(display).name == submission.filename
    return (submission.final, submission.last_activity(), submission.saved_at, own_name, display)


@contextmanager
def _without_cyclic_gc():
    """Reading thousands of submissions makes millions of small objects and no reference cycles; Python's
    cyclic collector would walk all of them again and again (10,000 files: several times slower)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def grade_files(assignment, paths, *, displays=None) -> Outcome:
    """Grade submission files against an assignment. Never raises on a bad file: it becomes a problem.

    Each distinct (question, response) is checked and graded once and remembered: a class gives few
    distinct answers, so most answers cost one dictionary look-up.
    """
    with _without_cyclic_gc():
        return _grade_files(assignment, paths, displays)


def _grade_files(assignment, paths, displays) -> Outcome:
    from groundup.instructor.submission import Shape, misfit

    outcome = Outcome(assignment)
    questions = assignment.questions
    position = {q.id: i for i, q in enumerate(questions)}
    shapes = {q.id: Shape.of_question(q) for q in questions}
    scorer = Scorer(questions)
    blank = graders.Grade(0.0, (NOT_ANSWERED,), answered=False)
    seen: dict = {}  # (question id, [type,] response) -> (why it does not fit, question index, Grade)
    by_student: dict[str, list[tuple[str, sub.Submission, list]]] = {}
    names = list(displays) if displays is not None else display_names(paths)
    outcome.files = len(names)
    for path, display in zip(paths, names):
        try:
            found = sub.load(path)
        except sub.SubmissionError as exc:
            outcome.problems.append((display, str(exc)))
            continue
        if found.assignment_id != assignment.id:
            outcome.problems.append((display, f"made for another assignment ({found.assignment_id[:60]!r}, "
                                              f"not {assignment.id!r})"))
            continue
        if found.assignment_hash != assignment.hash:
            outcome.problems.append((display, "made for another version of this assignment: its questions differ "
                                              f"(content hash {found.assignment_hash[:19]}..., expected "
                                              f"{assignment.hash[:19]}...); grade it with the spec and banks it was "
                                              "released with"))
            continue
        reasons = []
        grades = [blank] * len(questions)
        for qid, answer in found.answers.items():
            response = answer.response
            if response is None and qid in position:
                continue  # not answered: the blank grade stays
            if type(response) is str:  # single and label answers: the most common kind, keyed cheaply
                key = (qid, response)
                known = seen.get(key)
            else:
                try:
                    key = (qid, type(response), _freeze(response))
                    known = seen.get(key)
                except TypeError:  # a response no question takes (a list of lists, ...): checked in full below
                    key = known = None
            if known is None:
                index = position.get(qid)
                if index is None:
                    reasons.append(f"answers question {qid[:60]!r}, which this assignment does not have")
                    continue
                why = misfit(shapes[qid], response)
                known = (why, index, blank if why or response is None else scorer.grade(questions[index], response))
                if key is not None:
                    seen[key] = known
            if known[0]:
                reasons.append(f"the answer to {qid} does not fit: {known[0]}")
            else:
                grades[known[1]] = known[2]
        if reasons:
            outcome.problems.append((display, "; ".join(reasons[:3]) + (f" (and {len(reasons) - 3} more)"
                                                                         if len(reasons) > 3 else "")))
            continue
        by_student.setdefault(found.student_id, []).append((display, found, grades))

    due = assignment.spec.due
    for student_id in sorted(by_student):
        candidates = sorted(by_student[student_id], key=_rank)
        display, chosen, grades = candidates[-1]
        for other_display, other, _ in candidates[:-1]:
            if other.to_dict() == chosen.to_dict():
                reason = f"the same submission as {display} (given twice); graded once"
            else:
                reason = (f"a second submission for student {student_id}; {display} was graded instead "
                          f"({'submitted' if chosen.final else 'saved'} later)")
            outcome.problems.append((other_display, reason))
        total = sum(g.score for g in grades)
        late = sub.is_late(chosen, due)
        outcome.graded.append(Graded(display, chosen, grades, total, late))
        if not chosen.final:
            outcome.notes.append((display, f"never submitted: graded as last saved ({chosen.saved_at})"))
    outcome.problems.sort()
    outcome.notes.sort()
    return outcome


# --- item analysis -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemStats:
    question: object
    number: int
    answered: int
    students: int
    difficulty: float | None  # proportion correct (full credit)
    mean_score: float | None
    discrimination: float | None  # point-biserial with the rest score; None when it cannot be computed
    option_counts: tuple[tuple[str, int], ...]
    wrong_answer: str  # the most common wrong answer, as text
    wrong_count: int


def pearson(xs, ys) -> float | None:
    n = len(xs)
    if n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx <= 1e-12 or syy <= 1e-12:
        return None
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    return sxy / math.sqrt(sxx * syy)


def describe_response(question, response) -> str:
    """A response as a person reads it (choice texts, True/False, number and unit, pairs, order)."""
    if response is None:
        return "(no answer)"
    if question.type in ("single", "label"):
        choice = question.choice(response)
        return choice.text if choice else str(response)
    if question.type == "multiple":
        texts = [question.choice(r).text if question.choice(r) else str(r) for r in response]
        return "; ".join(texts) if texts else "(nothing ticked)"
    if question.type == "truefalse":
        return "True" if response else "False"
    if question.type == "numeric":
        return f"{response:g}" + (f" {question.unit}" if question.unit else "")
    if question.type == "matching":
        return "; ".join(f"{left} → {response.get(left) if response.get(left) is not None else '(none)'}"
                         for left in (p.left for p in question.pairs) if left in response) or "(nothing matched)"
    if question.type == "ordering":
        return " > ".join(str(r) if r is not None else "(empty)" for r in response)
    return str(response)


def _option_keys(question, response) -> list[str]:
    if response is None:
        return ["(no answer)"]
    if question.type in ("single", "label"):
        return [_choice_text(question, response)]
    if question.type == "multiple":
        return [_choice_text(question, r) for r in response] or ["(nothing ticked)"]
    if question.type == "truefalse":
        return ["true" if response else "false"]
    if question.type == "numeric":
        return [f"{response:g}"]
    if question.type == "matching":
        return [f"{left} → {right}" for left, right in response.items() if right is not None] or ["(nothing matched)"]
    if question.type == "ordering":
        return [" > ".join(str(r) if r is not None else "(empty)" for r in response)]
    return [str(response)]


def _choice_text(question, choice_id) -> str:
    """Counts are listed by what students saw: a release's choice ids (c1, c2, ...) say nothing."""
    choice = question.choice(choice_id) if isinstance(choice_id, str) else None
    return choice.text if choice else str(choice_id)


def _option_order(question) -> list[str]:
    if question.type in ("single", "multiple", "label"):
        return [c.text for c in question.choices]
    if question.type == "truefalse":
        return ["true", "false"]
    return []


def item_statistics(outcome: Outcome) -> list[ItemStats]:
    stats = []
    graded = outcome.graded
    totals = [g.total for g in graded]
    for index, question in enumerate(outcome.assignment.questions):
        grades = [g.grades[index] for g in graded]
        responses = [g.submission.response(question.id) for g in graded]
        n = len(grades)
        correct = [1.0 if grade.correct else 0.0 for grade in grades]
        rest = [total - grade.score for total, grade in zip(totals, grades)]
        counts: Counter = Counter()
        wrong: Counter = Counter()
        described: dict = {}  # each distinct response is described once
        for grade, response in zip(grades, responses):
            key = (type(response), _freeze(response))
            found = described.get(key)
            if found is None:
                found = described[key] = (_option_keys(question, response), describe_response(question, response))
            counts.update(found[0])
            if grade.answered and not grade.correct:
                wrong[found[1]] += 1
        order = _option_order(question)
        listed = [(key, counts.get(key, 0)) for key in order]
        others = sorted(((k, c) for k, c in counts.items() if k not in order and k != "(no answer)"),
                        key=lambda kc: (-kc[1], kc[0]))
        listed += others[:8] if question.type in ("numeric", "ordering", "matching") else others
        if counts.get("(no answer)"):
            listed.append(("(no answer)", counts["(no answer)"]))
        top_wrong = min(wrong.items(), key=lambda kc: (-kc[1], kc[0])) if wrong else ("", 0)
        stats.append(ItemStats(
            question=question,
            number=index + 1,
            answered=sum(g.answered for g in grades),
            students=n,
            difficulty=sum(correct) / n if n else None,
            mean_score=sum(g.score for g in grades) / n if n else None,
            discrimination=pearson(correct, rest),
            option_counts=tuple(listed),
            wrong_answer=top_wrong[0],
            wrong_count=top_wrong[1],
        ))
    return stats


# --- writing ---------------------------------------------------------------------------------------


def number(x: float, places: int = 2) -> str:
    """A score for a CSV cell: 1, 0.5, 0.33 (no trailing zeros, '.' as the decimal point)."""
    text = f"{x:.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


_FORMULA = re.compile(r"^[=+\-@\t\r]")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def cell(text: str) -> str:
    """Text for a spreadsheet cell: a leading = + - @ is prefixed with ' so it is never run as a formula."""
    text = str(text)
    return "'" + text if _FORMULA.match(text) and not _NUMBER.match(text) else text


def _csv(rows) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(rows)
    return buffer.getvalue()


def gradebook_csv(outcome: Outcome) -> str:
    questions = outcome.assignment.questions
    rows = [["Student ID", "Name", *(q.id for q in questions), "Total", "Max", "Percent", "Late", "Submitted at"]]
    maximum = outcome.max_points
    for g in outcome.graded:
        s = g.submission
        rows.append([cell(s.student_id), cell(s.student_name), *(number(x.score) for x in g.grades), number(g.total),
                     number(maximum), number(100 * g.total / maximum, 1) if maximum else "0",
                     "yes" if g.late else "no", s.submitted_at or ""])
    return _csv(rows)


def canvas_csv(outcome: Outcome) -> str:
    """Canvas's import layout: Student, ID, SIS User ID, SIS Login ID, Section, then one column per assignment.

    Canvas matches a row by its Canvas ID (left empty here), then SIS User ID, then SIS Login ID (both
    hold the student ID the student typed), then by name. The 'Points Possible' row sets the new
    assignment's points.
    """
    title = outcome.assignment.spec.title
    rows = [["Student", "ID", "SIS User ID", "SIS Login ID", "Section", cell(title)],
            ["Points Possible", "", "", "", "", number(outcome.max_points)]]
    for g in outcome.graded:
        s = g.submission
        rows.append([cell(s.student_name), "", cell(s.student_id), cell(s.student_id), "", number(g.total)])
    return _csv(rows)


def items_csv(stats: list[ItemStats]) -> str:
    rows = [["Number", "Question", "Lesson", "Section", "Type", "Answered", "Students", "Difficulty", "Mean score",
             "Discrimination", "Option counts", "Most common wrong answer", "Times given"]]
    for item in stats:
        q = item.question
        rows.append([
            item.number, q.id, q.lesson, q.section, q.type, item.answered, item.students,
            number(item.difficulty, 3) if item.difficulty is not None else "",
            number(item.mean_score, 3) if item.mean_score is not None else "",
            number(item.discrimination, 3) if item.discrimination is not None else "",
            cell("; ".join(f"{key}: {count}" for key, count in item.option_counts)),
            cell(item.wrong_answer), item.wrong_count if item.wrong_answer else "",
        ])
    return _csv(rows)


def problems_text(outcome: Outcome) -> str:
    lines = []
    if outcome.problems:
        lines.append(f"{len(outcome.problems)} of {outcome.files} file{'s' if outcome.files != 1 else ''} "
                     "could not be graded:")
        lines += [f"{display}: {reason}" for display, reason in outcome.problems]
    else:
        lines.append(f"Every file was graded ({outcome.files}).")
    if outcome.notes:
        lines += ["", "Graded, with a note:"]
        lines += [f"{display}: {note}" for display, note in outcome.notes]
    return "\n".join(lines) + "\n"


# --- feedback files --------------------------------------------------------------------------------


def md(text) -> str:
    """Course text (Markdown) for a Markdown file: its formatting kept, any HTML shown as text."""
    return html.escape(str(text), quote=False)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")


def md_plain(text) -> str:
    """Plain text (typed by a student, or a choice, which banks show as typed) for a Markdown file: HTML and
    Markdown both shown as written."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=False))


def right_answer_text(question) -> str:
    return describe_response(question, graders.right_response(question))


class FeedbackWriter:
    """Renders feedback files from parts cached per question and per (question, response)."""

    def __init__(self, assignment):
        from groundup.resources import lesson as find_lesson

        self.assignment = assignment
        self.total = len(assignment.questions)
        self.heads, self.tails = [], []
        for number_, q in enumerate(assignment.questions, start=1):
            self.heads.append(f"## Question {number_} of {self.total} ({md(q.id)})\n\n{md(q.prompt)}\n\n")
            review = ""
            try:
                found = find_lesson(q.lesson)
                section = found.section(q.section)
                where = f"{found.title}, section {section.number}. {section.title}" if section else found.title
                # plain text: a link relative to the student's course folder breaks in the grades folder or an LMS
                review = f"\n**Review:** {md(where)} (in your course folder: `{found.filename}`)\n"
            except GroundUpError:
                pass
            self.tails.append(f"**Right answer:** {md_plain(right_answer_text(q))}\n\n**Why:** {md(q.explanation)}\n"
                              f"{review}\n")
        self.middles: dict = {}

    def middle(self, index: int, question, response, grade) -> str:
        key = (index, _freeze(response))
        text = self.middles.get(key)
        if text is None:
            if not grade.answered:
                verdict = "— Not answered"
            elif grade.correct:
                verdict = "✔ Correct"
            elif grade.score > 0:
                verdict = f"✘ Partly right ({round(100 * grade.score)} %)"
            else:
                verdict = "✘ Not right"
            parts = [f"**Your answer:** {md_plain(describe_response(question, response))}  \n**Result:** {verdict}\n"]
            notes = [n for n in grade.notes if n and n != NOT_ANSWERED]
            if notes:
                parts.append("\n" + "".join(f"- {md(n)}\n" for n in notes))
            text = self.middles[key] = "".join(parts) + "\n"
        return text

    def render(self, graded: Graded) -> str:
        s = graded.submission
        spec = self.assignment.spec
        percent = 100 * graded.total / self.total if self.total else 0
        submitted = (f"{s.submitted_at}" + (" (late)" if graded.late else "")) if s.final \
            else f"not submitted (graded as last saved, {s.saved_at})"
        parts = [
            f"# Feedback: {md(spec.title)}\n\n",
            f"**Student:** {md_plain(s.student_name)} ({md_plain(s.student_id)})  \n",
            f"**Score:** {number(graded.total)} of {self.total} ({number(percent, 1)} %)  \n",
            f"**Submitted:** {submitted}\n\n",
        ]
        for index, question in enumerate(self.assignment.questions):
            response = s.response(question.id)
            parts.append(self.heads[index])
            parts.append(self.middle(index, question, response, graded.grades[index]))
            parts.append(self.tails[index])
        return "".join(parts)


# --- writing everything ----------------------------------------------------------------------------


def _write(path: Path, text: str) -> None:
    # Outputs are regenerated by running the command again, so no fsync; written whole, then renamed.
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    os.replace(tmp, path)


def write_outputs(outcome: Outcome, out_dir: Path, *, report: bool = True) -> list[ItemStats]:
    with _without_cyclic_gc():
        return _write_outputs(outcome, out_dir, report)


def _write_outputs(outcome: Outcome, out_dir: Path, report: bool) -> list[ItemStats]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    feedback_dir = out / FEEDBACK_DIR
    feedback_dir.mkdir(exist_ok=True)
    stats = item_statistics(outcome)
    _write(out / "gradebook.csv", gradebook_csv(outcome))
    _write(out / "gradebook-canvas.csv", canvas_csv(outcome))
    _write(out / "items.csv", items_csv(stats))
    _write(out / "problems.txt", problems_text(outcome))
    wanted = {f"{g.student_id}.md" for g in outcome.graded}
    for old in feedback_dir.glob("*.md"):  # feedback of students no longer graded would mislead
        if old.name not in wanted:
            old.unlink()
    writer = FeedbackWriter(outcome.assignment)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    folder = os.fspath(feedback_dir)
    for graded in outcome.graded:  # os.open/os.write: the fewest system calls for thousands of small files
        fd = os.open(os.path.join(folder, f"{graded.student_id}.md"), flags, 0o666)
        try:
            data = writer.render(graded).encode("utf-8")
            while data:
                data = data[os.write(fd, data):]
        finally:
            os.close(fd)
    if report:
        from groundup.instructor.report import build_report

        _write(out / "report.html", build_report(outcome, stats))
    return stats


# --- the command ----------------------------------------------------------------------------------


def submission_files(names) -> list[Path]:
    """Files named on the command line; a folder stands for the .json files directly inside it
    (hidden files and the release's own .assignment.json left out)."""
    from groundup.instructor.release import SIDECAR_SUFFIX

    found: list[Path] = []
    for name in names:
        path = Path(name).expanduser()
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir()
                                if p.suffix == ".json" and not p.name.startswith(".")
                                and not p.name.endswith(SIDECAR_SUFFIX) and p.is_file()))
        elif path.exists():
            found.append(path)
        else:
            raise GroundUpError(f"{name}: no such file or folder")
    unique, seen = [], set()
    for path in found:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def _check_outputs_spare_inputs(paths, out: Path) -> None:
    out = out.expanduser().resolve()
    protected = {out / name for name in OUTPUTS}
    for path in paths:
        resolved = path.resolve()
        if resolved in protected or resolved.parent == out / FEEDBACK_DIR:
            raise GroundUpError(f"{path} would be overwritten by the grades: choose another --out folder")


def grade_command(args) -> int:
    from groundup.instructor.spec import load_assignment

    try:
        assignment = load_assignment(args.spec, args.bank)
    except ValidationError as exc:
        for problem in exc.problems:
            print(problem)
        print(f"{len(exc.problems)} problem{'s' if len(exc.problems) != 1 else ''} in the spec or banks: "
              "nothing was graded.", file=sys.stderr)
        return 1
    paths = submission_files(args.submissions)
    if not paths:
        raise GroundUpError("no submission files found (name the .submission.json files or their folder)")
    out = Path(args.out)
    _check_outputs_spare_inputs(paths, out)
    outcome = grade_files(assignment, paths)
    try:
        write_outputs(outcome, out)
    except OSError as exc:
        raise GroundUpError(f"cannot write the grades into {out}: {exc.strerror or exc}") from None
    count = len(outcome.graded)
    print(f"Graded {count} student{'s' if count != 1 else ''} from {outcome.files} file"
          f"{'s' if outcome.files != 1 else ''} for \"{assignment.spec.title}\" ({assignment.id}).")
    print(f"Wrote into {out}: gradebook.csv (Moodle and other LMSs), gradebook-canvas.csv (Canvas), items.csv, "
          f"report.html, problems.txt and {FEEDBACK_DIR}/<student-id>.md for each student.")
    for display, note in outcome.notes:
        print(f"note: {display}: {note}")
    if outcome.problems:
        print(f"{len(outcome.problems)} file{'s' if len(outcome.problems) != 1 else ''} could not be graded "
              "(also in problems.txt):")
        for display, reason in outcome.problems:
            print(f"  {display}: {reason}")
        return 1
    return 0
