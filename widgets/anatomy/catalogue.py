"""Every bone and joint the diagrams show: its name, group, two-line description and lesson.

The words live in ``assets/anatomy/catalogue.yaml``; this module loads and checks
them. Pure (no matplotlib, no ipywidgets).

Ids are the contract between the course's parts (question banks name them in
``figure: {provider: anatomy, view: dorsal, highlight: talus}``), so they are
fixed here and the data file must use exactly these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from groundup.errors import GroundUpError, Problem, ValidationError

from . import yamlfile

TARSALS = ("calcaneus", "talus", "navicular", "cuboid", "medial_cuneiform", "intermediate_cuneiform",
           "lateral_cuneiform")
METATARSALS = ("mt1", "mt2", "mt3", "mt4", "mt5")
PHALANGES = ("hallux_p1", "hallux_p2") + tuple(f"toe{t}_p{p}" for t in range(2, 6) for p in (1, 2, 3))
SESAMOIDS = ("tibial_sesamoid", "fibular_sesamoid")
LEG_BONES = ("tibia", "fibula")
BONE_IDS = TARSALS + METATARSALS + PHALANGES + SESAMOIDS + LEG_BONES
JOINT_IDS = ("talocrural", "subtalar", "talonavicular", "calcaneocuboid", "transverse_tarsal",
             "tarsometatarsal", "mtp", "mtp1", "ip", "hallux_ip")
GROUP_IDS = ("tarsal", "metatarsal", "phalanx", "sesamoid", "leg")
FOOT_GROUPS = ("tarsal", "metatarsal", "phalanx")  # the 26 bones of the foot

# The lessons that teach anatomy, with the title to show until the lesson's notebook exists.
LESSON_PLAN = {
    "01-the-ankle": "The ankle",
    "02-tarsal-movement": "Tarsal movement",
    "03-the-metatarsal-arch": "The metatarsal arch",
    "04-the-toes": "The toes",
}


@dataclass(frozen=True)
class Group:
    id: str
    name: str
    description: str


@dataclass(frozen=True)
class Bone:
    id: str
    name: str
    group: str
    lesson: str  # lesson key, e.g. "01-the-ankle"
    description: tuple[str, str]
    source: str
    kind: str = "bone"


@dataclass(frozen=True)
class Joint:
    id: str
    name: str
    bones: tuple[str, ...]  # the bones that meet there
    lesson: str
    description: tuple[str, str]
    source: str
    kind: str = "joint"


@dataclass(frozen=True)
class Catalogue:
    groups: dict
    bones: dict
    joints: dict


@dataclass(frozen=True)
class LessonRef:
    key: str
    number: int
    title: str
    link: str  # relative link inside the course workspace, e.g. "01-the-ankle.ipynb"

    @property
    def text(self) -> str:
        return f"Lesson {self.number}: {self.title}"


def catalogue_path() -> Path:
    from groundup.resources import asset_path

    return asset_path("anatomy", "catalogue.yaml")


def _text(data, key, file, item, problems, required=True):
    value = data.get(key)
    if value is None:
        if required:
            problems.append(Problem(file, data.line, item, f"missing {key!r}"))
        return None
    if not isinstance(value, str) or not value.strip():
        problems.append(Problem(file, data.line_of(key), item, f"{key!r} must be non-empty text"))
        return None
    return value.strip()


def _description(data, file, item, problems):
    value = data.get("description")
    line = data.line_of("description")
    if value is None:
        problems.append(Problem(file, data.line, item, "missing 'description' (two lines for students)"))
        return None
    if not isinstance(value, list) or len(value) != 2 or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(Problem(file, line, item, "'description' must be a list of exactly two lines of text"))
        return None
    return tuple(v.strip() for v in value)


def _lesson(data, file, item, problems):
    key = _text(data, "lesson", file, item, problems)
    if key is not None and key not in LESSON_PLAN:
        problems.append(Problem(file, data.line_of("lesson"), item,
                                f"unknown lesson {key!r} (one of: {', '.join(LESSON_PLAN)})"))
        return None
    return key


def read_catalogue(path: Path, display: str | None = None) -> Catalogue:
    """Load and check a catalogue file; every problem is collected into one ValidationError."""
    from groundup.resources import assets_dir

    file = display or yamlfile.display_name(path, assets_dir())
    data = yamlfile.load(path, file)
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise ValidationError([Problem(file, 0, "", "must be a mapping with 'groups', 'bones' and 'joints'")])

    groups = {}
    raw_groups = data.get("groups")
    if not isinstance(raw_groups, dict):
        problems.append(Problem(file, getattr(data, "line_of", lambda k: 0)("groups"), "", "missing 'groups' mapping"))
        raw_groups = {}
    for gid, entry in raw_groups.items():
        if gid not in GROUP_IDS:
            problems.append(Problem(file, raw_groups.line_of(gid), str(gid), f"unknown group (one of: {', '.join(GROUP_IDS)})"))
            continue
        if not isinstance(entry, dict):
            problems.append(Problem(file, raw_groups.line_of(gid), gid, "must be a mapping with 'name' and 'description'"))
            continue
        name = _text(entry, "name", file, gid, problems)
        text = _text(entry, "description", file, gid, problems)
        if name and text:
            groups[gid] = Group(gid, name, text)
    for gid in GROUP_IDS:
        if gid not in raw_groups:
            problems.append(Problem(file, getattr(raw_groups, "line", 0), gid, "group missing from 'groups'"))

    bones, joints = {}, {}
    for section, ids, build in (("bones", BONE_IDS, _bone), ("joints", JOINT_IDS, _joint)):
        raw = data.get(section)
        if not isinstance(raw, dict):
            problems.append(Problem(file, data.line_of(section) if hasattr(data, "line_of") else 0, "",
                                    f"missing '{section}' mapping"))
            continue
        for key, line in getattr(raw, "repeated", []):
            problems.append(Problem(file, line, str(key), "appears twice"))
        for item, entry in raw.items():
            if item not in ids:
                problems.append(Problem(file, raw.line_of(item), str(item), _unknown(item, ids, section[:-1])))
                continue
            if not isinstance(entry, dict):
                problems.append(Problem(file, raw.line_of(item), item, "must be a mapping"))
                continue
            built = build(entry, file, item, problems)
            if built is not None:
                (bones if section == "bones" else joints)[item] = built
        for item in ids:
            if item not in raw:
                problems.append(Problem(file, raw.line, item, f"missing from '{section}'"))

    for joint in joints.values():
        for bone in joint.bones:
            if bone not in BONE_IDS:
                problems.append(Problem(file, data["joints"][joint.id].line_of("bones"), joint.id,
                                        f"unknown bone {bone!r} in 'bones'"))
    if problems:
        raise ValidationError(problems)
    order = {b: i for i, b in enumerate(BONE_IDS)}
    jorder = {j: i for i, j in enumerate(JOINT_IDS)}
    return Catalogue(
        {g: groups[g] for g in GROUP_IDS},
        dict(sorted(bones.items(), key=lambda kv: order[kv[0]])),
        dict(sorted(joints.items(), key=lambda kv: jorder[kv[0]])),
    )


def _bone(entry, file, item, problems):
    name = _text(entry, "name", file, item, problems)
    group = _text(entry, "group", file, item, problems)
    if group is not None and group not in GROUP_IDS:
        problems.append(Problem(file, entry.line_of("group"), item, f"unknown group {group!r} (one of: {', '.join(GROUP_IDS)})"))
        group = None
    lesson = _lesson(entry, file, item, problems)
    description = _description(entry, file, item, problems)
    source = _text(entry, "source", file, item, problems)
    if None in (name, group, lesson, description, source):
        return None
    return Bone(item, name, group, lesson, description, source)


def _joint(entry, file, item, problems):
    name = _text(entry, "name", file, item, problems)
    lesson = _lesson(entry, file, item, problems)
    description = _description(entry, file, item, problems)
    source = _text(entry, "source", file, item, problems)
    raw_bones = entry.get("bones")
    if not isinstance(raw_bones, list) or len(raw_bones) < 2 or not all(isinstance(b, str) for b in raw_bones):
        problems.append(Problem(file, entry.line_of("bones"), item, "'bones' must list the ids of at least two bones"))
        raw_bones = None
    if None in (name, lesson, description, source, raw_bones):
        return None
    return Joint(item, name, tuple(raw_bones), lesson, description, source)


def _unknown(item, ids, what) -> str:
    import difflib

    close = difflib.get_close_matches(str(item), ids, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown {what} id{hint}"


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    """The course's catalogue (read once)."""
    return read_catalogue(catalogue_path())


def bones() -> tuple[Bone, ...]:
    """Every bone the diagrams can show: the 26 of the foot, the two hallux sesamoids, the tibia and fibula."""
    return tuple(catalogue().bones.values())


def joints() -> tuple[Joint, ...]:
    """Every joint (or joint group) the diagrams can highlight."""
    return tuple(catalogue().joints.values())


def groups() -> tuple[Group, ...]:
    return tuple(catalogue().groups.values())


def normalise(name: str) -> str:
    """``"MTP"`` -> ``"mtp"``, ``"Medial cuneiform"`` -> ``"medial_cuneiform"``."""
    return re.sub(r"[\s\-]+", "_", str(name).strip().lower())


def structure(name: str) -> Bone | Joint:
    """A bone or joint by id (any case; spaces or hyphens for underscores) or by its display name."""
    cat = catalogue()
    key = normalise(name)
    if key in cat.bones:
        return cat.bones[key]
    if key in cat.joints:
        return cat.joints[key]
    for item in (*cat.bones.values(), *cat.joints.values()):
        if normalise(item.name) == key:
            return item
    import difflib

    ids = list(cat.bones) + list(cat.joints)
    close = difflib.get_close_matches(key, ids, n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else f"; choose one of: {', '.join(ids)}"
    raise GroundUpError(f"unknown bone or joint {name!r}{hint}")


def lesson_ref(key: str) -> LessonRef:
    """Number, title and link of the lesson that covers a structure (its notebook's title once it exists)."""
    from groundup.resources import lesson

    number = int(key[:2])
    title = LESSON_PLAN.get(key, key[3:].replace("-", " ").capitalize())
    try:
        found = lesson(key)
    except GroundUpError:
        found = None
    if found is not None:
        number = found.number
        heading = re.sub(r"^lesson\s+\d+\s*[:.\-–]\s*", "", found.title, flags=re.I).strip()
        if heading and heading != found.key:
            title = heading
    return LessonRef(key, number, title, f"{key}.ipynb")
