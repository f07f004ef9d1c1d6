"""Read a YAML data file keeping line numbers, so a problem can say ``file:line: item: message``."""

from __future__ import annotations

from pathlib import Path

import yaml

from groundup.errors import Problem, ValidationError


class Mapping(dict):
    """A YAML mapping that remembers the line it starts on and the line of each key."""

    line: int = 0

    def __init__(self):
        super().__init__()
        self.lines: dict = {}

    def line_of(self, key) -> int:
        return self.lines.get(key, self.line)


class Sequence(list):
    """A YAML list that remembers the line it starts on and the line of each item."""

    line: int = 0

    def __init__(self):
        super().__init__()
        self.lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.lines[index] if 0 <= index < len(self.lines) else self.line


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # the C parser when built, same results
    pass


def _mapping(loader, node):
    result = Mapping()
    result.line = node.start_mark.line + 1
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            key = str(key)
        if key in result:
            result.setdefault("__repeated__", []).append((key, key_node.start_mark.line + 1))
            continue
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1
    return result


def _sequence(loader, node):
    result = Sequence()
    result.line = node.start_mark.line + 1
    for item in node.value:
        result.append(loader.construct_object(item, deep=True))
        result.lines.append(item.start_mark.line + 1)
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


def load(path: Path, display: str):
    """Parse ``path``; unreadable or invalid YAML becomes one ValidationError naming the file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ValidationError([Problem(display, 0, "", f"cannot be read ({exc.strerror or exc})")]) from None
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
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
