"""Read a YAML data file keeping line numbers, so a problem can say ``file:line: item: message``."""

from __future__ import annotations

from pathlib import Path

import yaml

from groundup.errors import Problem, ValidationError
from groundup.yamllines import Mapping, Sequence, parse_yaml  # noqa: F401 - Mapping, Sequence: this module's types


def load(path: Path, display: str):
    """Parse ``path``; unreadable or invalid YAML becomes one ValidationError naming the file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ValidationError([Problem(display, 0, "", f"cannot be read ({exc.strerror or exc})")]) from None
    try:
        return parse_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ValidationError([Problem(display, line, "", f"is not valid YAML ({reason})")]) from None


def display_name(path: Path, folder: Path) -> str:
    """``assets/anatomy/dorsal.yaml`` for the course's own files, the path itself otherwise."""
    path = Path(path)
    try:
        return "assets/" + path.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return str(path)
