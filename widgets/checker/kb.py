"""The symptom checker's knowledge base: its schema, loading with line numbers, and validation.

The knowledge base is a folder of YAML files (``assets/checker/`` in the course)::

    sources.yaml      sources:      key -> {short, full}: the original citations
    red_flags.yaml    groups, red_flags: step 1, the safety screen
    signs.yaml        groups, signs:     step 2, what the student sees or the client reports
    regions.yaml      regions:           where a sign points, with assessments, techniques, lessons
    assessments.yaml  assessments:       "consider assessing ...": how to do each, cut-offs
    techniques.yaml   techniques:        the transcript's T1-T7 and soft-tissue work
    cases.yaml        cases:             case studies that preload findings

:func:`validate_folder` returns every problem in every file (``file:line: id: message``), never raising on
bad input; :func:`load` returns a :class:`KnowledgeBase` or raises :class:`groundup.errors.ValidationError`
carrying all of them. A reference to an unknown sign, region, assessment, technique, red flag, source or
lesson is a problem. Lesson sections are checked against the lessons that exist: an unknown lesson key
(one not in the course plan) is always a problem; an unknown section is a problem whenever that lesson's
notebook exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from groundup.errors import Problem, ValidationError
from groundup.yamllines import Mapping, Sequence, parse_yaml

ACTIONS = ("refer urgently", "refer", "avoid the area", "modify")  # strongest first
EVIDENCE = ("strong", "moderate", "weak", "expert opinion")  # strongest first
ROLES = ("primary", "secondary")

# The fixed course plan: lesson key -> how to name it while its notebook is not there yet.
COURSE_PLAN = {
    "00-start-here": "Start here",
    "01-the-ankle": "Lesson 1: the ankle",
    "02-tarsal-movement": "Lesson 2: tarsal movement",
    "03-the-metatarsal-arch": "Lesson 3: the metatarsal arch",
    "04-the-toes": "Lesson 4: the toes",
    "05-assessment-and-the-symptom-checker": "Lesson 5: assessment and the symptom checker",
    "06-putting-it-together": "Lesson 6: putting it together",
}

FILES = {  # file -> its top-level keys
    "sources.yaml": ("sources",),
    "red_flags.yaml": ("groups", "red_flags"),
    "signs.yaml": ("groups", "signs"),
    "regions.yaml": ("regions",),
    "assessments.yaml": ("assessments",),
    "techniques.yaml": ("techniques",),
    "cases.yaml": ("cases",),
}

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SOURCE_KEY = re.compile(r"^(?:S\d+|[a-z]+)$")


# --------------------------------------------------------------------------------------------- the schema
@dataclass(frozen=True)
class Source:
    key: str
    short: str
    full: str


@dataclass(frozen=True)
class LessonRef:
    """A lesson section, resolved against the lessons installed with the course."""

    lesson: str  # lesson key, e.g. "01-the-ankle"
    section: str  # section slug, e.g. "knee-to-wall-test"
    href: str | None  # relative link "01-the-ankle.ipynb#3.-Knee-to-wall-test", or None if not installed
    label: str  # "Lesson 1, section 3: Knee-to-wall test"


@dataclass(frozen=True)
class Group:
    id: str
    title: str


@dataclass(frozen=True)
class FlagItem:
    """One checkbox of the safety screen."""

    id: str
    flag: str  # the red flag it belongs to
    label: str
    ask: str  # the question to ask or the thing to observe
    zone: bool = False  # a rule's zone of pain: needed by the rule, raises nothing alone


@dataclass(frozen=True)
class Rule:
    name: str
    zone: str
    any: tuple[str, ...]


@dataclass(frozen=True)
class RedFlag:
    id: str
    group: str
    title: str
    action: str
    why: str
    say: str
    with_techniques: str
    sources: tuple[str, ...]
    items: tuple[FlagItem, ...]
    rules: tuple[Rule, ...] = ()
    intro: str = ""
    emergency: str = ""
    urgent_if: str = ""


@dataclass(frozen=True)
class Link:
    region: str
    role: str
    evidence: str
    because: str
    sources: tuple[str, ...]
    assess: tuple[str, ...] = ()


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    links: tuple[Link, ...] = ()
    red_flag: str = ""


@dataclass(frozen=True)
class FollowUp:
    question: str
    hint: str
    options: tuple[Option, ...]

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


@dataclass(frozen=True)
class Sign:
    id: str
    group: str
    label: str
    description: str
    links: tuple[Link, ...]
    article: bool = False
    follow_up: FollowUp | None = None
    caution: str = ""


@dataclass(frozen=True)
class Region:
    id: str
    name: str
    pattern: str
    assessments: tuple[str, ...]
    techniques: tuple[str, ...]
    lessons: tuple[LessonRef, ...]
    outside_foot: bool = False
    beyond: str = ""


@dataclass(frozen=True)
class AssessmentInfo:
    id: str
    name: str
    tests: str
    how: tuple[str, ...]
    cutoffs: tuple[str, ...]
    lesson: LessonRef
    sources: tuple[str, ...]
    contraindications: tuple[str, ...]
    caveats: tuple[str, ...] = ()


@dataclass(frozen=True)
class Technique:
    id: str
    code: str
    name: str
    region: str
    how: str
    stop: str
    lesson: LessonRef
    sources: tuple[str, ...]
    contraindications: tuple[str, ...]


@dataclass(frozen=True)
class Case:
    id: str
    title: str
    story: str
    red_flags: tuple[str, ...]  # red-flag checkbox ids
    signs: tuple[str, ...]
    answers: tuple[tuple[str, str], ...]  # (sign id, option id)
    lesson: LessonRef


@dataclass(frozen=True)
class KnowledgeBase:
    sources: dict[str, Source]
    flag_groups: tuple[Group, ...]
    red_flags: tuple[RedFlag, ...]
    sign_groups: tuple[Group, ...]
    signs: tuple[Sign, ...]
    regions: tuple[Region, ...]
    assessments: dict[str, AssessmentInfo]
    techniques: dict[str, Technique]
    cases: dict[str, Case]
    # indexes, filled in by __post_init__
    flag: dict[str, RedFlag] = field(default_factory=dict, compare=False)
    item: dict[str, FlagItem] = field(default_factory=dict, compare=False)
    sign: dict[str, Sign] = field(default_factory=dict, compare=False)
    region: dict[str, Region] = field(default_factory=dict, compare=False)

    def __post_init__(self):
        self.flag.update({f.id: f for f in self.red_flags})
        self.item.update({i.id: i for f in self.red_flags for i in f.items})
        self.sign.update({s.id: s for s in self.signs})
        self.region.update({r.id: r for r in self.regions})

    def flag_items(self) -> list[FlagItem]:
        """Every checkbox of the safety screen, in screen order."""
        return [item for flag in self.red_flags for item in flag.items]

    def citation(self, keys) -> str:
        """Short citations for a list of source keys: "Gomes et al. 2020; Podiapaedia"."""
        return "; ".join(self.sources[k].short for k in keys if k in self.sources)


# ----------------------------------------------------------------------------------- YAML with line numbers


def _line(container, key, default: int = 0) -> int:
    if isinstance(container, Mapping):
        return container.lines.get(key, container.line or default)
    if isinstance(container, Sequence) and isinstance(key, int) and key < len(container.lines):
        return container.lines[key]
    return getattr(container, "line", 0) or default


# ------------------------------------------------------------------------------------------- validation
class _Checker:
    """Reads the raw YAML into the schema, collecting a Problem for everything wrong."""

    def __init__(self, folder: Path, display: str, lessons):
        self.folder, self.display = folder, display
        self.problems: list[Problem] = []
        self.lessons = {lesson.key: lesson for lesson in lessons}
        self.loaded: set[str] = set()  # files that parsed (cross-references into others are not checked)

    # -- reporting
    def problem(self, file: str, line: int, item: str, message: str) -> None:
        self.problems.append(Problem(f"{self.display}/{file}", line, item, message))

    # -- reading files
    def read(self, file: str):
        path = self.folder / file
        if not path.is_file():
            self.problem(file, 0, "", "missing file (the knowledge base needs it)")
            return None
        try:
            data = parse_yaml(path.read_text(encoding="utf-8"))
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else 0
            self.problem(file, line, "", f"not valid YAML: {exc.problem or exc.context}")
            return None
        except (yaml.YAMLError, UnicodeDecodeError, OSError) as exc:
            self.problem(file, 0, "", f"cannot be read: {exc}")
            return None
        if not isinstance(data, Mapping):
            self.problem(file, 1, "", "must be a mapping with the keys " + ", ".join(FILES[file]))
            return None
        self.duplicates(file, data, "")
        for key in data:
            if key not in FILES[file]:
                self.problem(file, _line(data, key), "", f"unknown top-level key {key!r} (expected {', '.join(FILES[file])})")
        for key in FILES[file]:
            if key not in data:
                self.problem(file, 1, "", f"missing top-level key {key!r}")
        self.loaded.add(file)
        return data

    def duplicates(self, file, mapping, item):
        for key, line in getattr(mapping, "repeated", []):
            self.problem(file, line, item, f"the key {key!r} appears twice")

    # -- typed field access
    def fields(self, file, raw, item, required, optional=()):
        """Check an item's keys; return it (or None when it is not a mapping)."""
        if not isinstance(raw, dict):
            self.problem(file, _line(raw, None), item, "must be a mapping of fields")
            return None
        self.duplicates(file, raw, item)
        for key in raw:
            if key not in required and key not in optional:
                self.problem(file, _line(raw, key), item, f"unknown field {key!r}")
        for key in required:
            if key not in raw or raw[key] is None or raw[key] == "":
                self.problem(file, raw.line, item, f"missing {key!r}")
        return raw

    def text(self, file, raw, key, item, default="") -> str:
        value = raw.get(key, default) if isinstance(raw, dict) else default
        if value is None or value == "":
            return default
        if not isinstance(value, str):
            self.problem(file, _line(raw, key), item, f"{key!r} must be text")
            return default
        return " ".join(value.split())

    def flag_value(self, file, raw, key, item) -> bool:
        value = raw.get(key, False)
        if not isinstance(value, bool):
            self.problem(file, _line(raw, key), item, f"{key!r} must be true or false")
            return False
        return value

    def names(self, file, raw, key, item, *, required=False) -> tuple[str, ...]:
        value = raw.get(key) if isinstance(raw, dict) else None
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(file, _line(raw, key), item, f"{key!r} must be a list of names")
            return ()
        if required and not value:
            self.problem(file, _line(raw, key), item, f"{key!r} must not be empty")
        return tuple(value)

    def texts(self, file, raw, key, item) -> tuple[str, ...]:
        value = raw.get(key) if isinstance(raw, dict) else None
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(file, _line(raw, key), item, f"{key!r} must be a list of sentences")
            return ()
        return tuple(" ".join(v.split()) for v in value)

    def item_id(self, file, raw, kind, seen: dict, index_line: int) -> str | None:
        value = raw.get("id") if isinstance(raw, dict) else None
        line = _line(raw, "id", index_line) if isinstance(raw, dict) else index_line
        if not isinstance(value, str) or not value:
            self.problem(file, line, "", f"a {kind} has no id")
            return None
        if not ID.match(value):
            self.problem(file, line, value, "ids are lower-case letters, digits and hyphens")
        if value in seen:
            self.problem(file, line, value, f"duplicate {kind} id (first at line {seen[value]})")
            return None
        seen[value] = line
        return value

    def items(self, file, data, key):
        """(index line, raw item) for each entry of a top-level list."""
        value = data.get(key) if data is not None else None
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(file, _line(data, key), "", f"{key!r} must be a list")
            return []
        return [(_line(value, i), raw) for i, raw in enumerate(value)]

    def lesson_ref(self, file, raw, key, item) -> LessonRef | None:
        value = raw.get(key) if isinstance(raw, dict) else None
        line = _line(raw, key)
        if not isinstance(value, dict) or not isinstance(value.get("lesson"), str) or not isinstance(value.get("section"), str):
            self.problem(file, line, item, f"{key!r} must be {{lesson: NN-slug, section: section-slug}}")
            return None
        return self.resolve_lesson(file, line, item, value["lesson"], value["section"])

    def resolve_lesson(self, file, line, item, key, section) -> LessonRef | None:
        lesson = self.lessons.get(key)
        if lesson is None and key not in COURSE_PLAN:
            self.problem(file, line, item, f"unknown lesson {key!r} (not in the course plan)")
            return None
        if lesson is None:  # planned, not written yet: the section is checked once the notebook exists
            return LessonRef(key, section, None, f"{COURSE_PLAN[key]} (not in this copy of the course yet)")
        found = lesson.section(section)
        if found is None:
            known = ", ".join(s.key for s in lesson.sections) or "none"
            self.problem(file, line, item, f"lesson {key!r} has no section {section!r} (its sections: {known})")
            return None
        return LessonRef(key, section, lesson.link(section), f"Lesson {lesson.number}, section {found.number}: {found.title}")


def _problems_and_kb(folder: Path, lessons, display: str):
    c = _Checker(folder, display, lessons)
    data = {file: c.read(file) for file in FILES}
    refs: list[tuple[str, int, str, str, str]] = []  # (file, line, item, kind, target) checked at the end

    def need(file, raw, key, item, kind, targets):
        for i, target in enumerate(targets):
            line = _line(raw.get(key), i) if isinstance(raw.get(key), list) else _line(raw, key)
            refs.append((file, line, item, kind, target))

    # sources
    sources: dict[str, Source] = {}
    raw_sources = data["sources.yaml"].get("sources") if data["sources.yaml"] else None
    if raw_sources is not None and not isinstance(raw_sources, dict):
        c.problem("sources.yaml", _line(data["sources.yaml"], "sources"), "", "'sources' must be a mapping of key -> {short, full}")
    elif raw_sources:
        for key, raw in raw_sources.items():
            name = str(key)
            if not SOURCE_KEY.match(name):
                c.problem("sources.yaml", _line(raw_sources, key), name, "source keys look like S12 or a lower-case word")
            entry = c.fields("sources.yaml", raw, name, ("short", "full"))
            if entry is not None:
                sources[name] = Source(name, c.text("sources.yaml", raw, "short", name), c.text("sources.yaml", raw, "full", name))

    # red flags
    flag_groups, red_flags, checkbox_ids = [], [], {}
    file = "red_flags.yaml"
    group_ids = _groups(c, file, data[file], flag_groups)
    seen: dict = {}
    for line, raw in c.items(file, data[file], "red_flags"):
        fid = c.item_id(file, raw, "red flag", seen, line)
        if fid is None:
            continue
        is_rule = isinstance(raw, dict) and "rules" in raw
        required = ("id", "group", "title", "intro", "items", "rules", "action", "why", "say", "with_techniques", "sources") if is_rule \
            else ("id", "group", "label", "ask", "action", "why", "say", "with_techniques", "sources")
        optional = ("emergency", "urgent_if")
        if c.fields(file, raw, fid, required, optional) is None:
            continue
        group = c.text(file, raw, "group", fid)
        if group and group not in group_ids:
            c.problem(file, _line(raw, "group"), fid, f"unknown group {group!r} (groups: {', '.join(group_ids)})")
        action = c.text(file, raw, "action", fid)
        if action and action not in ACTIONS:
            c.problem(file, _line(raw, "action"), fid, f"unknown action {action!r} (use one of: {', '.join(ACTIONS)})")
        flag_sources = c.names(file, raw, "sources", fid, required=True)
        need(file, raw, "sources", fid, "source", flag_sources)
        items, rules = [], []
        if is_rule:
            raw_items = raw.get("items")
            if not isinstance(raw_items, list) or not raw_items:
                c.problem(file, _line(raw, "items"), fid, "'items' must be a non-empty list of checkboxes")
                raw_items = []
            for i, raw_item in enumerate(raw_items):
                iid = c.item_id(file, raw_item, "red-flag checkbox", checkbox_ids, _line(raw_items, i))
                if iid is None or c.fields(file, raw_item, iid, ("id", "label", "ask"), ("zone",)) is None:
                    continue
                items.append(FlagItem(iid, fid, c.text(file, raw_item, "label", iid), c.text(file, raw_item, "ask", iid),
                                      c.flag_value(file, raw_item, "zone", iid)))
            by_id = {i.id: i for i in items}
            raw_rules = raw.get("rules")
            if not isinstance(raw_rules, list) or not raw_rules:
                c.problem(file, _line(raw, "rules"), fid, "'rules' must be a non-empty list")
                raw_rules = []
            for i, raw_rule in enumerate(raw_rules):
                if c.fields(file, raw_rule, fid, ("name", "zone", "any")) is None:
                    continue
                rule_line = _line(raw_rules, i)
                zone = c.text(file, raw_rule, "zone", fid)
                if zone and (zone not in by_id or not by_id[zone].zone):
                    c.problem(file, rule_line, fid, f"rule zone {zone!r} is not a zone checkbox of this flag")
                criteria = c.names(file, raw_rule, "any", fid, required=True)
                for criterion in criteria:
                    if criterion not in by_id or by_id[criterion].zone:
                        c.problem(file, rule_line, fid, f"rule criterion {criterion!r} is not a criterion checkbox of this flag")
                rules.append(Rule(c.text(file, raw_rule, "name", fid), zone, criteria))
            title = c.text(file, raw, "title", fid)
        else:
            if fid in checkbox_ids:
                c.problem(file, line, fid, f"duplicate red-flag checkbox id (first at line {checkbox_ids[fid]})")
            checkbox_ids.setdefault(fid, line)
            title = c.text(file, raw, "label", fid)
            items = [FlagItem(fid, fid, title, c.text(file, raw, "ask", fid))]
        red_flags.append(RedFlag(
            id=fid, group=group, title=title, action=action, why=c.text(file, raw, "why", fid),
            say=c.text(file, raw, "say", fid), with_techniques=c.text(file, raw, "with_techniques", fid),
            sources=flag_sources, items=tuple(items), rules=tuple(rules), intro=c.text(file, raw, "intro", fid),
            emergency=c.text(file, raw, "emergency", fid), urgent_if=c.text(file, raw, "urgent_if", fid),
        ))

    # signs
    sign_groups, signs = [], []
    file = "signs.yaml"
    group_ids = _groups(c, file, data[file], sign_groups)
    seen = {}

    def links(raw, key, item) -> tuple[Link, ...]:
        value = raw.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            c.problem(file, _line(raw, key), item, f"{key!r} must be a list of links")
            return ()
        out = []
        for i, raw_link in enumerate(value):
            if c.fields(file, raw_link, item, ("region", "role", "evidence", "because", "sources"), ("assess",)) is None:
                continue
            link_line = _line(value, i)
            region = c.text(file, raw_link, "region", item)
            role = c.text(file, raw_link, "role", item)
            evidence = c.text(file, raw_link, "evidence", item)
            if role and role not in ROLES:
                c.problem(file, _line(raw_link, "role"), item, f"unknown role {role!r} (use primary or secondary)")
            if evidence and evidence not in EVIDENCE:
                c.problem(file, _line(raw_link, "evidence"), item, f"unknown evidence grade {evidence!r} (use one of: {', '.join(EVIDENCE)})")
            link_sources = c.names(file, raw_link, "sources", item, required=True)
            assess = c.names(file, raw_link, "assess", item)
            if region:
                refs.append((file, link_line, item, "region", region))
            need(file, raw_link, "sources", item, "source", link_sources)
            need(file, raw_link, "assess", item, "assessment", assess)
            out.append(Link(region, role, evidence, c.text(file, raw_link, "because", item), link_sources, assess))
        return tuple(out)

    for line, raw in c.items(file, data[file], "signs"):
        sid = c.item_id(file, raw, "sign", seen, line)
        if sid is None or c.fields(file, raw, sid, ("id", "group", "label", "description"),
                                   ("article", "links", "follow_up", "caution")) is None:
            continue
        group = c.text(file, raw, "group", sid)
        if group and group not in group_ids:
            c.problem(file, _line(raw, "group"), sid, f"unknown group {group!r} (groups: {', '.join(group_ids)})")
        own = links(raw, "links", sid)
        follow_up = None
        if "follow_up" in raw:
            fu = raw["follow_up"]
            if c.fields(file, fu, sid, ("question", "options"), ("hint",)) is not None:
                options, option_ids = [], set()
                raw_options = fu.get("options")
                if not isinstance(raw_options, list) or len(raw_options) < 2:
                    c.problem(file, _line(fu, "options"), sid, "a follow-up question needs at least two options")
                    raw_options = raw_options if isinstance(raw_options, list) else []
                for i, raw_option in enumerate(raw_options):
                    if c.fields(file, raw_option, sid, ("id", "label"), ("links", "red_flag")) is None:
                        continue
                    oid = c.text(file, raw_option, "id", sid)
                    if oid in option_ids:
                        c.problem(file, _line(raw_options, i), sid, f"duplicate option id {oid!r}")
                    option_ids.add(oid)
                    option_links = links(raw_option, "links", sid)
                    if not own and not option_links:
                        c.problem(file, _line(raw_options, i), sid, f"option {oid!r} adds no region and the sign has no links")
                    red_flag = c.text(file, raw_option, "red_flag", sid)
                    if red_flag:
                        refs.append((file, _line(raw_option, "red_flag"), sid, "red flag", red_flag))
                    options.append(Option(oid, c.text(file, raw_option, "label", sid), option_links, red_flag))
                follow_up = FollowUp(c.text(file, fu, "question", sid), c.text(file, fu, "hint", sid), tuple(options))
        if not own and follow_up is None:
            c.problem(file, raw.line, sid, "a sign needs links (or a follow-up question whose options have links)")
        signs.append(Sign(sid, group, c.text(file, raw, "label", sid), c.text(file, raw, "description", sid), own,
                          c.flag_value(file, raw, "article", sid), follow_up, c.text(file, raw, "caution", sid)))

    # regions
    regions = []
    file = "regions.yaml"
    seen = {}
    for line, raw in c.items(file, data[file], "regions"):
        rid = c.item_id(file, raw, "region", seen, line)
        if rid is None or c.fields(file, raw, rid, ("id", "name", "pattern", "assessments", "lessons"),
                                   ("techniques", "outside_foot", "beyond")) is None:
            continue
        assessments = c.names(file, raw, "assessments", rid, required=True)
        techniques = c.names(file, raw, "techniques", rid)
        need(file, raw, "assessments", rid, "assessment", assessments)
        need(file, raw, "techniques", rid, "technique", techniques)
        outside = c.flag_value(file, raw, "outside_foot", rid)
        if outside and not c.text(file, raw, "beyond", rid):
            c.problem(file, raw.line, rid, "a region outside the foot needs 'beyond' (who else to suggest)")
        if not outside and not techniques:
            c.problem(file, raw.line, rid, "a region in the foot needs its techniques")
        lesson_refs = []
        raw_lessons = raw.get("lessons")
        if not isinstance(raw_lessons, list) or not raw_lessons:
            c.problem(file, _line(raw, "lessons"), rid, "'lessons' must be a non-empty list of {lesson, section}")
        else:
            for i, entry in enumerate(raw_lessons):
                if not isinstance(entry, dict) or not isinstance(entry.get("lesson"), str) or not isinstance(entry.get("section"), str):
                    c.problem(file, _line(raw_lessons, i), rid, "each lesson is {lesson: NN-slug, section: section-slug}")
                    continue
                ref = c.resolve_lesson(file, _line(raw_lessons, i), rid, entry["lesson"], entry["section"])
                if ref:
                    lesson_refs.append(ref)
        regions.append(Region(rid, c.text(file, raw, "name", rid), c.text(file, raw, "pattern", rid), assessments,
                              techniques, tuple(lesson_refs), outside, c.text(file, raw, "beyond", rid)))

    # assessments
    assessments = {}
    file = "assessments.yaml"
    seen = {}
    for line, raw in c.items(file, data[file], "assessments"):
        aid = c.item_id(file, raw, "assessment", seen, line)
        if aid is None or c.fields(file, raw, aid, ("id", "name", "tests", "how", "cutoffs", "lesson", "sources"),
                                   ("caveats", "contraindications")) is None:
            continue
        srcs = c.names(file, raw, "sources", aid, required=True)
        contra = c.names(file, raw, "contraindications", aid)
        need(file, raw, "sources", aid, "source", srcs)
        need(file, raw, "contraindications", aid, "red flag", contra)
        how, cutoffs = c.texts(file, raw, "how", aid), c.texts(file, raw, "cutoffs", aid)
        lesson = c.lesson_ref(file, raw, "lesson", aid)
        if lesson is None:
            continue
        assessments[aid] = AssessmentInfo(aid, c.text(file, raw, "name", aid), c.text(file, raw, "tests", aid), how,
                                          cutoffs, lesson, srcs, contra, c.texts(file, raw, "caveats", aid))

    # techniques
    techniques = {}
    file = "techniques.yaml"
    seen = {}
    for line, raw in c.items(file, data[file], "techniques"):
        tid = c.item_id(file, raw, "technique", seen, line)
        if tid is None or c.fields(file, raw, tid, ("id", "code", "name", "region", "how", "stop", "lesson", "sources",
                                                    "contraindications")) is None:
            continue
        region = c.text(file, raw, "region", tid)
        if region:
            refs.append((file, _line(raw, "region"), tid, "region", region))
        srcs = c.names(file, raw, "sources", tid, required=True)
        contra = c.names(file, raw, "contraindications", tid)
        need(file, raw, "sources", tid, "source", srcs)
        need(file, raw, "contraindications", tid, "red flag", contra)
        lesson = c.lesson_ref(file, raw, "lesson", tid)
        if lesson is None:
            continue
        techniques[tid] = Technique(tid, c.text(file, raw, "code", tid), c.text(file, raw, "name", tid), region,
                                    c.text(file, raw, "how", tid), c.text(file, raw, "stop", tid), lesson, srcs, contra)

    # cases
    cases = {}
    file = "cases.yaml"
    seen = {}
    sign_by_id = {s.id: s for s in signs}
    for line, raw in c.items(file, data[file], "cases"):
        cid = c.item_id(file, raw, "case", seen, line)
        if cid is None or c.fields(file, raw, cid, ("id", "title", "story", "lesson"), ("red_flags", "signs", "answers")) is None:
            continue
        ticked_flags = c.names(file, raw, "red_flags", cid)
        ticked_signs = c.names(file, raw, "signs", cid)
        need(file, raw, "red_flags", cid, "red-flag checkbox", ticked_flags)
        need(file, raw, "signs", cid, "sign", ticked_signs)
        answers = raw.get("answers") or {}
        pairs = []
        if not isinstance(answers, dict):
            c.problem(file, _line(raw, "answers"), cid, "'answers' must map a sign id to an option id")
            answers = {}
        for sign_id, option_id in answers.items():
            where = _line(answers, sign_id)
            sign = sign_by_id.get(sign_id)
            if sign_id not in ticked_signs:
                c.problem(file, where, cid, f"answer for {sign_id!r}, which the case does not tick")
            elif sign is None or sign.follow_up is None:
                if "signs.yaml" in c.loaded:
                    c.problem(file, where, cid, f"sign {sign_id!r} has no follow-up question to answer")
            elif sign.follow_up.option(str(option_id)) is None:
                c.problem(file, where, cid, f"unknown option {option_id!r} for {sign_id!r}")
            pairs.append((str(sign_id), str(option_id)))
        for sign_id in ticked_signs:
            sign = sign_by_id.get(sign_id)
            if sign and sign.follow_up and sign_id not in answers:
                c.problem(file, _line(raw, "signs"), cid, f"sign {sign_id!r} needs an answer to its follow-up question")
        lesson = c.lesson_ref(file, raw, "lesson", cid)
        if lesson is None:
            continue
        cases[cid] = Case(cid, c.text(file, raw, "title", cid), c.text(file, raw, "story", cid), ticked_flags,
                          ticked_signs, tuple(sorted(pairs)), lesson)

    # cross-references, only into files that parsed
    # (ids as written, so that one broken item does not also make every reference to it a problem)
    raw_flags = data["red_flags.yaml"].get("red_flags") if data["red_flags.yaml"] else None
    checkboxes = set()
    for raw in raw_flags if isinstance(raw_flags, list) else []:
        if isinstance(raw, dict) and isinstance(raw.get("items"), list):
            checkboxes.update(seen_ids({"items": raw["items"]}, "items"))
        elif isinstance(raw, dict) and isinstance(raw.get("id"), str):
            checkboxes.add(raw["id"])
    known = {
        "source": ("sources.yaml", set(map(str, raw_sources)) if isinstance(raw_sources, dict) else None),
        "red flag": ("red_flags.yaml", set(seen_ids(data["red_flags.yaml"], "red_flags"))),
        "red-flag checkbox": ("red_flags.yaml", checkboxes),
        "sign": ("signs.yaml", set(seen_ids(data["signs.yaml"], "signs"))),
        "region": ("regions.yaml", set(seen_ids(data["regions.yaml"], "regions"))),
        "assessment": ("assessments.yaml", set(seen_ids(data["assessments.yaml"], "assessments"))),
        "technique": ("techniques.yaml", set(seen_ids(data["techniques.yaml"], "techniques"))),
    }
    for file, line, item, kind, target in refs:
        source_file, ids = known[kind]
        if source_file in c.loaded and ids is not None and target not in ids:
            c.problem(file, line, item, f"unknown {kind} {target!r}")

    kb = None
    if not c.problems:
        kb = KnowledgeBase(sources, tuple(flag_groups), tuple(red_flags), tuple(sign_groups), tuple(signs),
                           tuple(regions), assessments, techniques, cases)
    return sorted(set(c.problems)), kb


def seen_ids(data, key) -> list[str]:
    value = data.get(key) if data else None
    if not isinstance(value, list):
        return []
    return [raw["id"] for raw in value if isinstance(raw, dict) and isinstance(raw.get("id"), str)]


def _groups(c: _Checker, file: str, data, out: list) -> list[str]:
    seen: dict = {}
    for line, raw in c.items(file, data, "groups"):
        gid = c.item_id(file, raw, "group", seen, line)
        if gid is None or c.fields(file, raw, gid, ("id", "title")) is None:
            continue
        out.append(Group(gid, c.text(file, raw, "title", gid)))
    return [g.id for g in out]


# --------------------------------------------------------------------------------------------- entry points
def default_folder() -> Path:
    from groundup.resources import asset_path

    return asset_path("checker")


def _installed_lessons():
    from groundup.resources import lessons

    return lessons()


def _display(folder: Path) -> str:
    try:
        if folder.resolve() == default_folder().resolve():
            return "assets/checker"
    except Exception:  # noqa: BLE001 - no packaged folder: show the path as given
        pass
    return str(folder)


def validate_folder(folder: Path | None = None, lessons=None) -> list[Problem]:
    """Every problem in a knowledge-base folder (default: the course's), sorted by file and line."""
    folder = Path(folder) if folder is not None else default_folder()
    problems, _ = _problems_and_kb(folder, _installed_lessons() if lessons is None else lessons, _display(folder))
    return problems


def load(folder: Path | None = None, lessons=None) -> KnowledgeBase:
    """The knowledge base in ``folder``; raises ValidationError (with every problem) if it has any."""
    folder = Path(folder) if folder is not None else default_folder()
    problems, kb = _problems_and_kb(folder, _installed_lessons() if lessons is None else lessons, _display(folder))
    if problems:
        raise ValidationError(problems)
    return kb


@lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    """The course's knowledge base, loaded once."""
    return load()
