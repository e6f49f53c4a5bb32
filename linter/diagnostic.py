"""The one record every output renders: a located, coded, severity-stamped finding."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import NamedTuple


class Severity(enum.Enum):
    """How bad a finding is."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error: compare severities by this."""
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True, slots=True, order=True)
class Position:
    """1-based line and column; columns count characters, not bytes."""

    line: int
    column: int


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Start (inclusive) and end (exclusive) of a region of the source text."""

    start: Position
    end: Position


START_OF_FILE = Span(Position(1, 1), Position(1, 1))


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding as every reporter, the library and the language server see it."""

    path: str
    span: Span
    code: str
    name: str
    severity: Severity
    message: str
    pointer: str
    hint: str | None = None

    @property
    def sort_key(self) -> tuple[str, int, int, str, str, str]:
        # The message breaks the last ties: the order depends on the findings alone, never on
        # the order a validator or a rule happened to produce them in.
        return (self.path, self.span.start.line, self.span.start.column, self.code, self.pointer, self.message)


class Finding(NamedTuple):
    """What a rule yields: where (a JSON Pointer) and what; the engine adds the rest.

    ``target`` says whether the position is the member's key or its value.
    ``supersedes_schema`` drops schema findings at or below ``pointer``: a rule that explains
    a mistake better than the generic schema message claims it (one mistake, one finding).
    """

    pointer: str
    message: str
    target: str = "value"
    hint: str | None = None
    supersedes_schema: bool = False
