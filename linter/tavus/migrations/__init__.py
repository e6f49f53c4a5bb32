"""How a persona moves from one API revision to the next: one declared step per boundary.

Each module ``to_<revision>.py`` holds the ``STEP`` that turns a body of the revision before it
(``revisions.previous``) into a body of that revision: what it renames, moves, replaces and
removes, each change with its public source, and what it cannot decide alone. The migration
engine (``linter.fix.migrate``) applies steps one boundary at a time with span edits.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, TypeAlias

from linter.diagnostic import AddMember, Edit, JsonValue, RemoveMember, RenameKey, ReplaceValue
from linter.util import pointer as ptr


@dataclass(frozen=True, slots=True)
class Decision:
    """Something a step cannot migrate alone: where, and what a person must decide."""

    pointer: str
    message: str


Action: TypeAlias = Edit | Decision
Plan: TypeAlias = Callable[[Any], Iterator[Action]]
"""What a change wants done to a body (the parsed value); empty once the change is made."""


@dataclass(frozen=True, slots=True)
class Rename:
    """The member at ``pointer`` is called ``new_key`` from this revision on (same value, same meaning)."""

    pointer: str
    new_key: str
    source: str

    def plan(self, value: Any) -> Iterator[Action]:
        if not _has(value, self.pointer):
            return
        renamed = ptr.join(ptr.parent(self.pointer), self.new_key)
        if _has(value, renamed):
            old, new = ptr.display(self.pointer), ptr.display(renamed)
            yield Decision(self.pointer, f"both '{old}' and '{new}' are set: keep one and remove the other")
        else:
            yield RenameKey(self.pointer, self.new_key)

    def describe(self) -> str:
        return f"rename '{ptr.display(self.pointer)}' to '{self.new_key}'"


@dataclass(frozen=True, slots=True)
class Replace:
    """The value ``old`` at ``pointer`` becomes ``new``."""

    pointer: str
    old: JsonValue
    new: JsonValue
    source: str

    def plan(self, value: Any) -> Iterator[Action]:
        if _has(value, self.pointer) and ptr.resolve(value, ptr.split(self.pointer)) == self.old:
            yield ReplaceValue(self.pointer, self.new)

    def describe(self) -> str:
        return f"replace '{ptr.display(self.pointer)}' {self.old!r} with {self.new!r}"


@dataclass(frozen=True, slots=True)
class Remove:
    """The member at ``pointer`` no longer exists (and means nothing the step must keep)."""

    pointer: str
    source: str
    when: Callable[[Any], bool] | None = field(default=None, compare=False)

    def plan(self, value: Any) -> Iterator[Action]:
        if _has(value, self.pointer) and (self.when is None or self.when(value)):
            yield RemoveMember(self.pointer)

    def describe(self) -> str:
        return f"remove '{ptr.display(self.pointer)}'"


@dataclass(frozen=True, slots=True)
class Move:
    """The member at ``pointer`` moves to ``to`` (creating its parent objects), its value mapped
    through ``values`` when given (scales that were inverted, for instance)."""

    pointer: str
    to: str
    source: str
    values: Mapping[Any, JsonValue] | None = field(default=None, compare=False)

    def plan(self, value: Any) -> Iterator[Action]:
        if not _has(value, self.pointer):
            return
        current = ptr.resolve(value, ptr.split(self.pointer))
        if self.values is not None and _hashable(current) not in self.values:
            yield Decision(self.pointer, f"'{ptr.display(self.pointer)}' is {current!r}, which has no equivalent "
                                         f"for '{ptr.display(self.to)}': choose one and remove this field")
            return
        mapped = self.values[_hashable(current)] if self.values is not None else current
        if not _has(value, self.to):
            yield from add_at(value, self.to, mapped)
        elif ptr.resolve(value, ptr.split(self.to)) == mapped:
            yield RemoveMember(self.pointer)  # moved (or already said the same there): the old field goes
        else:
            old, new = ptr.display(self.pointer), ptr.display(self.to)
            yield Decision(self.pointer, f"'{old}' and '{new}' are both set and disagree: keep '{new}' and remove "
                                         f"'{old}'")

    def describe(self) -> str:
        mapping = f" ({', '.join(f'{k} -> {v}' for k, v in self.values.items())})" if self.values else ""
        return f"move '{ptr.display(self.pointer)}' to '{ptr.display(self.to)}'{mapping}"


@dataclass(frozen=True, slots=True)
class Decide:
    """A value the step cannot migrate: reported with what a person must decide."""

    pointer: str
    message: str
    source: str
    when: Callable[[Any], bool] = field(compare=False)

    def plan(self, value: Any) -> Iterator[Action]:
        if _has(value, self.pointer) and self.when(ptr.resolve(value, ptr.split(self.pointer))):
            yield Decision(self.pointer, self.message)

    def describe(self) -> str:
        return f"'{ptr.display(self.pointer)}': {self.message}"


@dataclass(frozen=True, slots=True)
class Custom:
    """A change that needs more than one field (``context`` merged into ``system_prompt``)."""

    what: str
    source: str
    plan: Plan = field(compare=False)

    def describe(self) -> str:
        return self.what


Change: TypeAlias = Rename | Replace | Remove | Move | Decide | Custom


@dataclass(frozen=True, slots=True)
class Step:
    """The changes that take a body across one revision boundary, to ``target``."""

    target: str
    changes: tuple[Change, ...]

    def plan(self, value: Any) -> Iterator[Action]:
        for change in self.changes:
            yield from change.plan(value)


def add_at(value: Any, pointer: str, new: JsonValue) -> Iterator[Action]:
    """The edit that sets ``pointer`` to ``new``, creating the missing parent objects."""
    tokens = ptr.split(pointer)
    for depth in range(len(tokens)):
        parent = ptr.from_parts(tokens[:depth])
        here = ptr.resolve(value, tokens[:depth], None)
        if not isinstance(here, dict):
            message = f"'{ptr.display(parent)}' is not an object: set '{ptr.display(pointer)}' by hand"
            yield Decision(parent, message)
            return
        if tokens[depth] not in here:
            nested: JsonValue = new
            for token in reversed(tokens[depth + 1:]):
                nested = {token: nested}
            yield AddMember(parent, tokens[depth], nested)
            return
    yield ReplaceValue(pointer, new)


def _has(value: Any, pointer: str) -> bool:
    missing = object()
    return ptr.resolve(value, ptr.split(pointer), missing) is not missing


def _hashable(value: Any) -> Any:
    return value if isinstance(value, (str, int, float, bool, type(None))) else repr(value)


@cache
def steps() -> Mapping[str, Step]:
    """Every declared step, by the revision it leads to."""
    found: dict[str, Step] = {}
    package = importlib.import_module(__name__)
    for module_info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        step = importlib.import_module(f"{__name__}.{module_info.name}").STEP
        found[step.target] = step
    return found
