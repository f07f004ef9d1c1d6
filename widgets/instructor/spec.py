"""Assignment specs: the YAML an instructor writes, its validation, and how it picks questions.

A spec (examples in ``assets/assignments/``)::

    id: ankle-week-2                 # lower-case letters, digits and hyphens; names the files
    title: "Week 2: the ankle"       # shown to students
    instructions: |                  # optional Markdown shown above the questions
      Answer on your own. You may use your lesson notes.
    feedback: after-grading          # immediate (low stakes: Check buttons, answers in the release)
                                     #   or after-grading (graded work: the release holds no answers)
    attempts: 1                      # immediate only: Checks allowed per question (default 1)
    shuffle: true                    # each student gets their own order of questions and choices
    due: 2026-12-01 23:59            # optional; a date means the end of that day
    timezone: Europe/London          # optional; the zone of a due date written without one
                                     #   (default: this computer's zone)
    seed: 2026                       # fixes the random draws (default: the id)
    questions:
      - ankle-wrench-holds-talus     # a question by its id
      - draw: 3                      # three questions drawn at random, fixed by the seed ...
        from: 01-the-ankle           # ... from these lessons' banks (a key or a list; default all)
        tags: [red-flag]             # ... having at least one of these tags (optional)
        section: the-mortise         # ... from this section (optional; needs one lesson in 'from')

Questions come from the course's banks plus private banks named with ``--bank DIR`` (an
instructor's own YAML banks, same format, kept outside the package). Draws never repeat a question
picked by id or by an earlier draw. Every problem is collected and reported as
``file:line: assignment-id: message``; nothing here raises a traceback on bad input.
Pure logic: no ipywidgets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time as dtime
from pathlib import Path

import yaml

from groundup.errors import GroundUpError, Problem, ValidationError
from groundup.quiz import bank
from groundup.quiz.bank import Mapping, Sequence, _suggest, display_name, parse_yaml
from groundup.quiz.selection import stable_order

FEEDBACK_POLICIES = ("immediate", "after-grading")
FIELDS = ("id", "title", "instructions", "feedback", "attempts", "shuffle", "due", "timezone", "seed", "questions")
DRAW_FIELDS = ("draw", "from", "tags", "section")
ID = bank.ID
MAX_ATTEMPTS = 10


@dataclass(frozen=True)
class Draw:
    count: int
    lessons: tuple[str, ...]  # empty: every lesson
    tags: tuple[str, ...]
    section: str | None
    line: int

    def describe(self) -> str:
        where = ", ".join(self.lessons) if self.lessons else "every lesson"
        text = f"draw {self.count} from {where}"
        if self.section:
            text += f", section {self.section}"
        if self.tags:
            text += f", tagged {' or '.join(self.tags)}"
        return text


@dataclass(frozen=True)
class Entry:
    """One line of 'questions': a question id, or a draw."""

    line: int
    question_id: str | None = None
    draw: Draw | None = None


@dataclass(frozen=True)
class Spec:
    id: str
    title: str
    instructions: str
    feedback: str
    attempts: int
    shuffle: bool
    due: datetime | None  # aware
    due_text: str  # as the students see it
    seed: str
    entries: tuple[Entry, ...]
    path: Path
    display: str


@dataclass(frozen=True)
class Assignment:
    """A spec with its questions picked: what is released and graded."""

    spec: Spec
    questions: tuple  # groundup.quiz.bank.Question, in spec order
    hash: str

    @property
    def id(self) -> str:
        return self.spec.id

    def question(self, question_id: str):
        return next((q for q in self.questions if q.id == question_id), None)


# --- reading the spec --------------------------------------------------------------------------------


def read_spec(path) -> tuple[Spec | None, list[Problem]]:
    """Read and validate a spec file; returns (spec or None, every problem). Never raises on bad input."""
    path = Path(path)
    display = display_name(path)
    problems: list[Problem] = []

    def add(line, item, message):
        problems.append(Problem(display, line, item, message))

    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        add(0, "", "no such file")
        return None, problems
    except OSError as exc:
        add(0, "", f"cannot read the file: {exc.strerror or exc}")
        return None, problems
    except UnicodeDecodeError:
        add(1, "", "the file is not UTF-8 text (save it as UTF-8)")
        return None, problems
    try:
        data = parse_yaml(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        add(mark.line + 1 if mark else 0, "", f"YAML syntax error: {exc.problem or exc.context or 'not valid YAML'}")
        return None, problems
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        add(0, "", f"YAML syntax error: {exc}")
        return None, problems
    if not isinstance(data, Mapping):
        add(getattr(data, "line", 1), "", "an assignment spec is a mapping with id, title, feedback and questions")
        return None, problems

    for key, line in data.repeated:
        add(line, "", f"field {str(key)!r} is given twice (the later one would win)")
    for key in data:
        if key not in FIELDS:
            add(data.line_of(key), "", f"unknown field {str(key)!r}{_suggest(key, FIELDS)} "
                                       f"(a spec has: {', '.join(FIELDS)})")

    sid = data.get("id")
    item = sid if isinstance(sid, str) and ID.match(sid) else ""
    if "id" not in data:
        add(data.line, "", "missing 'id' (lower-case letters, digits and hyphens, e.g. ankle-week-2)")
    elif not item:
        add(data.line_of("id"), "", f"id {sid!r} must be lower-case letters, digits and hyphens (e.g. ankle-week-2)")

    title = _text(data, "title", item, add, required=True)
    instructions = _text(data, "instructions", item, add, required=False) or ""

    feedback = data.get("feedback")
    if "feedback" not in data:
        add(data.line, item, "missing 'feedback': immediate (low stakes) or after-grading (graded work)")
    elif feedback not in FEEDBACK_POLICIES:
        add(data.line_of("feedback"), item, f"feedback must be immediate or after-grading, not {feedback!r}"
                                            f"{_suggest(feedback, FEEDBACK_POLICIES)}")

    attempts = data.get("attempts", 1)
    if isinstance(attempts, bool) or not isinstance(attempts, int) or not 1 <= attempts <= MAX_ATTEMPTS:
        add(data.line_of("attempts"), item, f"attempts must be a whole number from 1 to {MAX_ATTEMPTS}, not {attempts!r}")
        attempts = 1
    elif attempts > 1 and feedback == "after-grading":
        add(data.line_of("attempts"), item, "attempts counts Check presses, which only immediate feedback has: "
                                            "remove it or use feedback: immediate")

    shuffle = data.get("shuffle", False)
    if not isinstance(shuffle, bool):
        add(data.line_of("shuffle"), item, f"shuffle must be true or false, not {shuffle!r}")
        shuffle = False

    zone_name = data.get("timezone")
    zone = None
    if zone_name is not None:
        zone = _zone(zone_name)
        if zone is None:
            add(data.line_of("timezone"), item, f"unknown time zone {zone_name!r} (use a name such as Europe/London "
                                                "or America/New_York)")
        elif "due" not in data:
            add(data.line_of("timezone"), item, "timezone is only used for the due date, and there is none")
    due, due_text = None, ""
    if "due" in data and data["due"] is not None:
        try:
            due, due_text = parse_due(data["due"], zone)
        except ValueError as exc:
            add(data.line_of("due"), item, str(exc))

    seed = data.get("seed", sid if isinstance(sid, str) else "")
    if isinstance(seed, bool) or not isinstance(seed, (int, str)) or (isinstance(seed, str) and not seed.strip()):
        add(data.line_of("seed"), item, f"seed must be a number or text, not {seed!r}")
        seed = ""
    entries = _entries(data, item, add)

    if problems:
        return None, problems
    return Spec(sid, title, instructions, feedback, attempts, shuffle, due, due_text, str(seed), tuple(entries),
                path, display), problems


def _text(data, key, item, add, *, required):
    if key not in data:
        if required:
            add(data.line, item, f"missing '{key}'")
        return None
    value = data[key]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        add(data.line_of(key), item, f"'{key}' must be text, not {value!r} (put text with ': ' in quotes)")
        return None
    return value.strip()


def _zone(name):
    if not isinstance(name, str):
        return None
    try:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
    except ImportError:  # pragma: no cover - Python 3.9
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def parse_due(value, zone=None) -> tuple[datetime, str]:
    """A due date as an aware datetime and the words students see; ValueError with a clear message.

    A date alone means the end of that day. A time without a zone is in ``zone`` (the spec's
    ``timezone``), else in this computer's zone.
    """
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime.combine(value, dtime(23, 59, 59))
    elif isinstance(value, str):
        text = value.strip()
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                moment = datetime.combine(date.fromisoformat(text), dtime(23, 59, 59))
            else:
                moment = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
        except ValueError:
            raise ValueError(f"due {value!r} is not a date: write it as 2026-12-01 or 2026-12-01 23:59") from None
    else:
        raise ValueError(f"due {value!r} is not a date: write it as 2026-12-01 or 2026-12-01 23:59")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone) if zone is not None else moment.astimezone()
    zone_text = moment.tzname() or moment.strftime("%z")
    return moment, f"{moment.day} {moment.strftime('%B %Y, %H:%M')} ({zone_text})"


def _entries(data, item, add) -> list[Entry]:
    raw = data.get("questions")
    if "questions" not in data:
        add(data.line, item, "missing 'questions' (question ids and/or draws)")
        return []
    if not isinstance(raw, Sequence) or not raw:
        add(data.line_of("questions"), item, "'questions' must be a list of question ids and/or draws")
        return []
    entries = []
    for index, value in enumerate(raw):
        line = raw.line_of(index)
        if isinstance(value, str):
            if not ID.match(value.strip()):
                add(line, item, f"{value!r} is not a question id (lower-case letters, digits and hyphens)")
                continue
            entries.append(Entry(line, question_id=value.strip()))
        elif isinstance(value, Mapping):
            draw = _draw(value, item, add)
            if draw is not None:
                entries.append(Entry(value.line, draw=draw))
        else:
            add(line, item, f"each entry of 'questions' is a question id or a draw (draw: 3, from: ...), "
                            f"not {value!r}")
    return entries


def _draw(raw: Mapping, item, add) -> Draw | None:
    ok = True

    def bad(line, message):
        nonlocal ok
        ok = False
        add(line, item, message)

    for key, line in raw.repeated:
        bad(line, f"field {str(key)!r} is given twice in one draw")
    for key in raw:
        if key not in DRAW_FIELDS:
            bad(raw.line_of(key), f"unknown field {str(key)!r} in a draw{_suggest(key, DRAW_FIELDS)} "
                                  f"(a draw has: {', '.join(DRAW_FIELDS)})")
    count = raw.get("draw")
    if "draw" not in raw:
        bad(raw.line, "a mapping in 'questions' is a draw and needs 'draw: N' (how many questions to draw)")
    elif isinstance(count, bool) or not isinstance(count, int) or count < 1:
        bad(raw.line_of("draw"), f"draw must be a whole number ≥ 1, not {count!r}")
    lessons = _names(raw, "from", bad, "a lesson key such as 01-the-ankle, or a list of them")
    tags = _names(raw, "tags", bad, "a list of tags such as [red-flag, ankle]")
    section = raw.get("section")
    if section is not None:
        if not isinstance(section, str) or not section.strip():
            bad(raw.line_of("section"), f"section must be a section slug, not {section!r}")
        elif len(lessons) != 1:
            bad(raw.line_of("section"), "a draw with a section needs exactly one lesson in 'from'")
    if not ok:
        return None
    return Draw(count, tuple(lessons), tuple(tags), section.strip() if isinstance(section, str) else None, raw.line)


def _names(raw, key, bad, what) -> list[str]:
    if key not in raw or raw[key] is None:
        return []
    value = raw[key]
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, (list, Sequence)) or not values or \
            not all(isinstance(v, str) and v.strip() for v in values):
        bad(raw.line_of(key), f"'{key}' must be {what}, not {value!r}")
        return []
    return [v.strip() for v in values]


def load_spec(path) -> Spec:
    spec, problems = read_spec(path)
    if problems:
        raise ValidationError(problems)
    return spec


# --- the questions -------------------------------------------------------------------------------------


def bank_files(paths) -> list[Path]:
    """Private bank files: each path is a YAML file or a folder of them."""
    found: list[Path] = []
    for name in paths or ():
        path = Path(name).expanduser()
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()))
        elif path.is_file():
            found.append(path)
        else:
            raise GroundUpError(f"--bank {name}: no such file or folder")
    return found


def question_pool(bank_paths=()) -> tuple[dict, list[Problem], list[str]]:
    """Every question an assignment may use: {id: Question}, the problems of private banks, and the
    file names of course banks that have problems (their questions are left out)."""
    pool: dict = {}
    broken: list[str] = []
    for path in bank.packaged_bank_paths():
        try:
            for question in bank.load_bank(path).questions:
                pool.setdefault(question.id, question)
        except ValidationError:
            broken.append(path.name)
    problems: list[Problem] = []
    private = bank_files(bank_paths)
    if private:
        banks, problems = bank.check_banks(private, against_packaged=True)
        for found in banks:
            for question in found.questions:
                pool.setdefault(question.id, question)
    return pool, problems, broken


def pick(spec: Spec, pool: dict, broken=()) -> tuple[list, list[Problem]]:
    """The spec's questions in order: named ones, and draws (seeded) from what is left."""
    from groundup.resources import lessons

    known_lessons = {lesson.key: lesson for lesson in lessons()}
    problems: list[Problem] = []

    def add(line, message):
        problems.append(Problem(spec.display, line, spec.id, message))

    taken: set[str] = set()
    for entry in spec.entries:
        if entry.question_id is None:
            continue
        if entry.question_id in taken:
            add(entry.line, f"question {entry.question_id} is listed twice")
        elif entry.question_id not in pool:
            hint = f" (course banks with problems, left out: {', '.join(broken)})" if broken else ""
            add(entry.line, f"unknown question id {entry.question_id!r}{_suggest(entry.question_id, pool)}{hint}")
        taken.add(entry.question_id)

    picked: list = []
    for index, entry in enumerate(spec.entries):
        if entry.question_id is not None:
            if entry.question_id in pool and all(q.id != entry.question_id for q in picked):
                picked.append(pool[entry.question_id])
            continue
        draw = entry.draw
        bad_lesson = False
        for key in draw.lessons:
            if key not in known_lessons:
                add(draw.line, f"unknown lesson {key!r}{_suggest(key, known_lessons)} in 'from'")
                bad_lesson = True
        if bad_lesson:
            continue
        if draw.section and known_lessons[draw.lessons[0]].section(draw.section) is None:
            sections = ", ".join(s.key for s in known_lessons[draw.lessons[0]].sections)
            add(draw.line, f"unknown section {draw.section!r} in lesson {draw.lessons[0]} (its sections: {sections})")
            continue
        wanted = set(draw.tags)
        candidates = [
            q for q in pool.values()
            if (not draw.lessons or q.lesson in draw.lessons)
            and (draw.section is None or q.section == draw.section)
            and (not wanted or wanted.intersection(q.tags))
            and q.id not in taken
        ]
        if len(candidates) < draw.count:
            add(draw.line, f"{draw.describe()}: only {len(candidates)} question{'s' if len(candidates) != 1 else ''} "
                           "match (not counting questions already picked)")
            continue
        chosen = stable_order(candidates, f"{spec.seed}:draw:{index}", key=lambda q: q.id)[: draw.count]
        for question in chosen:
            taken.add(question.id)
            picked.append(question)
    if not picked and not problems:
        add(spec.entries[0].line if spec.entries else 0, "the assignment has no questions")
    return picked, problems


def load_assignment(spec_path, bank_paths=()) -> Assignment:
    """Read the spec and pick its questions; ValidationError carrying every problem."""
    from groundup.instructor.release import content_hash

    spec, problems = read_spec(spec_path)
    pool, bank_problems, broken = question_pool(bank_paths)
    problems = problems + bank_problems
    if spec is None or bank_problems:
        raise ValidationError(problems)
    questions, pick_problems = pick(spec, pool, broken)
    if pick_problems:
        raise ValidationError(pick_problems)
    questions = [opaque_choice_ids(question, spec.id) for question in questions]
    return Assignment(spec, tuple(questions), content_hash(spec.id, questions))


def opaque_choice_ids(question, assignment_id: str):
    """The question with its choice ids replaced by c1, c2, ... numbered in an order seeded by the assignment.

    Bank ids name what they mean ('refer', 'talus'), so a release that kept them would give the answer away to
    anyone reading its file. Grading uses the same Assignment, so ids and answers stay consistent.
    """
    from dataclasses import replace

    if not question.choices:
        return question
    numbered = stable_order(question.choices, f"{assignment_id}:{question.id}:ids", key=lambda c: c.id)
    new_id = {choice.id: f"c{index}" for index, choice in enumerate(numbered, start=1)}
    choices = tuple(replace(choice, id=new_id[choice.id]) for choice in question.choices)
    if question.type == "multiple":
        answer = tuple(new_id[a] for a in question.answer)
    elif question.answer in new_id:
        answer = new_id[question.answer]
    else:
        answer = question.answer
    return replace(question, choices=choices, answer=answer)


def points(assignment: Assignment) -> float:
    """Each question is worth one point; a grader's partial credit is a fraction of it."""
    return float(len(assignment.questions))

