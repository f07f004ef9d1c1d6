"""Find the course's lessons and assets inside the installed package.

Everything is read through ``importlib.resources``: the same code works from a
source checkout (editable install) and from an installed wheel.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from groundup.errors import GroundUpError

LESSON_NAME = re.compile(r"^(\d\d)-([a-z0-9]+(?:-[a-z0-9]+)*)\.ipynb$")
SECTION_HEADING = re.compile(r"^##\s+(\d+)\.\s+(.+?)\s*$")


def _package_dir(package: str) -> Path:
    root = files(package)
    if not isinstance(root, Path):  # a zipped install: not supported by the course
        raise GroundUpError(f"{package} is not installed as files on disk; reinstall groundup with pip")
    return root


def lessons_dir() -> Path:
    """The folder holding the course's lesson notebooks."""
    return _package_dir("groundup.lessons")


def assets_dir() -> Path:
    """The folder holding question banks, the checker's knowledge base and data."""
    return _package_dir("groundup.assets")


def asset_path(*parts: str) -> Path:
    """Path of an asset, e.g. ``asset_path("questions", "00-start-here.yaml")``."""
    path = assets_dir().joinpath(*parts)
    if not path.exists():
        raise GroundUpError(f"course asset not found: assets/{'/'.join(parts)}")
    return path


def slugify(text: str) -> str:
    """Stable key for a heading: lower case words joined by hyphens."""
    text = re.sub(r"[`*_\[\]()]", "", text.lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def lab_anchor(heading_text: str) -> str:
    """The anchor JupyterLab gives a Markdown heading (spaces become hyphens)."""
    return heading_text.strip().replace(" ", "-")


@dataclass(frozen=True)
class Section:
    number: int
    title: str
    key: str  # slug of the title, used by question banks and the checker
    anchor: str  # JupyterLab's anchor for the heading


@dataclass(frozen=True)
class Lesson:
    number: int
    key: str  # the file stem, e.g. "01-the-ankle"
    filename: str
    title: str
    sections: tuple[Section, ...]

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def link(self, section_key: str | None = None) -> str:
        """Relative link to the lesson (and a section), as used inside the workspace."""
        section = self.section(section_key) if section_key else None
        return self.filename + (f"#{section.anchor}" if section else "")


def _markdown_lines(notebook: dict):
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "markdown":
            source = cell.get("source", "")
            text = "".join(source) if isinstance(source, list) else source
            yield from text.splitlines()


def read_lesson(path: Path) -> Lesson:
    match = LESSON_NAME.match(path.name)
    if not match:
        raise GroundUpError(f"{path.name}: lesson files are named NN-slug.ipynb")
    try:
        notebook = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GroundUpError(f"{path.name}: not a readable notebook ({exc})") from None
    title, sections = path.stem, []
    for line in _markdown_lines(notebook):
        if line.startswith("# ") and title == path.stem:
            title = line[2:].strip()
        heading = SECTION_HEADING.match(line)
        if heading:
            number, text = int(heading.group(1)), heading.group(2)
            sections.append(Section(number, text, slugify(text), lab_anchor(line[3:])))
    return Lesson(int(match.group(1)), path.stem, path.name, title, tuple(sections))


@lru_cache(maxsize=1)
def lessons() -> tuple[Lesson, ...]:
    """Every lesson of the course, in course order."""
    paths = sorted(p for p in lessons_dir().glob("*.ipynb") if LESSON_NAME.match(p.name))
    return tuple(read_lesson(p) for p in paths)


def lesson(key: str) -> Lesson:
    """A lesson by its key (file stem, e.g. ``"01-the-ankle"``)."""
    for item in lessons():
        if item.key == key:
            return item
    raise GroundUpError(f"unknown lesson {key!r}")
