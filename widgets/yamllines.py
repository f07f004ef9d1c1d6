"""YAML with line numbers: mappings and lists remember where they are, so a problem can say ``file:line``.

Shared by the question banks, the checker's knowledge base and the assignment specs.
"""

from __future__ import annotations

import yaml


class Mapping(dict):
    """A YAML mapping that remembers its line, each key's line and keys given twice."""

    line = 0

    def __init__(self):
        super().__init__()
        self.lines: dict = {}
        self.repeated: list[tuple[object, int]] = []

    def line_of(self, key) -> int:
        return self.lines.get(key, self.line)


class Sequence(list):
    """A YAML list that remembers its line and each item's line."""

    line = 0

    def __init__(self):
        super().__init__()
        self.lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.lines[index] if 0 <= index < len(self.lines) else self.line


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineLoader(_BaseLoader):
    """A safe loader whose mappings and lists carry line numbers (1-based)."""


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    mapping = Mapping()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a key here is a list or mapping, not a name", key_node.start_mark
            ) from None
        line = key_node.start_mark.line + 1
        if key in mapping:
            mapping.repeated.append((key, line))
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = line
    return mapping


def _construct_sequence(loader, node):
    sequence = Sequence()
    sequence.line = node.start_mark.line + 1
    for child in node.value:
        sequence.append(loader.construct_object(child, deep=True))
        sequence.lines.append(child.start_mark.line + 1)
    return sequence


LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
LineLoader.add_constructor("tag:yaml.org,2002:omap", _construct_mapping)
LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def parse_yaml(text: str):
    """Parse one YAML document into Mapping/Sequence nodes with lines; raises yaml.YAMLError."""
    return yaml.load(text, Loader=LineLoader)
