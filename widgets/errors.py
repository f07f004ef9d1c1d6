"""Errors a person can act on: one line, naming the file and the item."""

from __future__ import annotations

from dataclasses import dataclass


class GroundUpError(Exception):
    """A problem to report as one clear line (never a traceback)."""


@dataclass(frozen=True, order=True)
class Problem:
    """One finding of a validator: ``file:line: item-id: message``."""

    file: str
    line: int
    item: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.item}: {self.message}" if self.item else f"{where}: {self.message}"


class ValidationError(GroundUpError):
    """Raised when loading data that has problems; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        first = str(self.problems[0]) if self.problems else "invalid data"
        more = len(self.problems) - 1
        super().__init__(first + (f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""))
