"""The one record every output renders: a located, coded, severity-stamped finding."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Literal, NamedTuple, TypeAlias


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

JsonValue: TypeAlias = bool | int | float | str | list["JsonValue"] | dict[str, "JsonValue"] | None
"""A value as ``json.loads`` returns it: what an edit writes into the document."""


def _check_pointer(pointer: str, what: str) -> None:
    # A malformed pointer is a bug in the rule that built the edit: say so where it is built.
    if pointer and not pointer.startswith("/"):
        raise ValueError(f"{what} must be an RFC 6901 JSON Pointer ('' or starting with '/'), not {pointer!r}")


@dataclass(frozen=True, slots=True)
class ReplaceValue:
    """Replace the value at ``pointer`` with ``value``; its key, if any, stays as written."""

    pointer: str
    value: JsonValue = field(hash=False)  # a dict or list value must not make the edit unhashable

    def __post_init__(self) -> None:
        _check_pointer(self.pointer, "ReplaceValue.pointer")


@dataclass(frozen=True, slots=True)
class RenameKey:
    """Rename the object member at ``pointer`` to ``new_key``; its value stays as written."""

    pointer: str
    new_key: str

    def __post_init__(self) -> None:
        _check_pointer(self.pointer, "RenameKey.pointer")
        if not self.pointer:
            raise ValueError("RenameKey.pointer must name a member, not the root")


@dataclass(frozen=True, slots=True)
class RemoveMember:
    """Remove the object member or array item at ``pointer``, with its separator."""

    pointer: str

    def __post_init__(self) -> None:
        _check_pointer(self.pointer, "RemoveMember.pointer")
        if not self.pointer:
            raise ValueError("RemoveMember.pointer must name a member, not the root")


@dataclass(frozen=True, slots=True)
class AddMember:
    """Add member ``key`` with ``value`` to the object at ``parent_pointer``."""

    parent_pointer: str
    key: str
    value: JsonValue = field(hash=False)  # a dict or list value must not make the edit unhashable

    def __post_init__(self) -> None:
        _check_pointer(self.parent_pointer, "AddMember.parent_pointer")


Edit: TypeAlias = ReplaceValue | RenameKey | RemoveMember | AddMember
"""The closed set of edit kinds. Rules have no positions, so an edit names JSON Pointers into the
parsed value; the engine turns it into a text replacement on a span of the original file, so
everything outside that span stays byte for byte (ruff's ``Fix``/``Edit`` model)."""

EDIT_KINDS: tuple[type[ReplaceValue], type[RenameKey], type[RemoveMember], type[AddMember]] = (
    ReplaceValue, RenameKey, RemoveMember, AddMember,
)

Applicability: TypeAlias = Literal["safe", "unsafe"]
"""``safe``: the fix keeps what the persona means; ``unsafe``: it may change what the persona does
(ruff's applicability levels)."""


@dataclass(frozen=True, slots=True)
class Fix:
    """A fix a finding offers: a title for people, its applicability, and the edits that make it."""

    title: str
    applicability: Applicability
    edits: tuple[Edit, ...]

    def __post_init__(self) -> None:
        if self.applicability not in ("safe", "unsafe"):
            raise ValueError(f"Fix.applicability must be 'safe' or 'unsafe', not {self.applicability!r}")
        if not isinstance(self.edits, tuple) or not all(isinstance(e, EDIT_KINDS) for e in self.edits):
            raise TypeError("Fix.edits must be a tuple of ReplaceValue, RenameKey, RemoveMember or AddMember")


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
    fix: Fix | None = None

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
    ``fix``, when a rule has one, is carried onto the ``Diagnostic``.
    """

    pointer: str
    message: str
    target: str = "value"
    hint: str | None = None
    supersedes_schema: bool = False
    fix: Fix | None = None
