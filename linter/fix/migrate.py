"""Moving a persona across API revisions, one boundary at a time, with span edits.

Each boundary's step (``linter.tavus.migrations``) says what it wants done to the body as it is
now; the first edit is made on the text, the body parsed again, and the step asked again, until it
wants nothing more. Every change is small and local, so the file keeps its formatting, and a step
that is already done asks for nothing: migrating twice changes nothing the second time. What a
step cannot decide alone stays in the file and is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from linter.diagnostic import AddMember, Edit, Fix, Hoist, RemoveMember, RemoveText, RenameKey, ReplaceValue
from linter.document.model import Document
from linter.fix.apply import reparse
from linter.fix.jsondiff import diff
from linter.fix.textedit import TextEdit, apply, text_edits
from linter.schemas import association
from linter.tavus import revisions
from linter.tavus.migrations import Decision, steps
from linter.util import pointer as ptr

MAX_EDITS = 1_000
"""Edits one boundary may make in one file: a bound on a step that would never be done."""


class MigrationError(ValueError):
    """No migration path, or a file that cannot be migrated (it does not parse)."""


@dataclass(frozen=True, slots=True)
class Change:
    """One edit made, at the boundary to revision ``revision``."""

    revision: str
    pointer: str
    what: str


@dataclass(frozen=True, slots=True)
class Decided:
    """What a person must decide at the boundary to ``revision``, at ``pointer``."""

    revision: str
    pointer: str
    message: str


@dataclass(frozen=True, slots=True)
class MigrationOutcome:
    """The migrated text (the input when nothing changed), from which to which revision, what
    changed and what is left to a person."""

    text: str
    source: str
    target: str
    changes: tuple[Change, ...]
    decisions: tuple[Decided, ...]
    value: Any = field(default=None, compare=False, repr=False)
    """The migrated body, parsed."""

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    def patch(self, original: Any) -> list[dict[str, Any]]:
        """The RFC 6902 JSON Patch from ``original`` (the parsed input) to the migrated body: what to
        send to ``PATCH /v2/personas/{id}``. ``$schema`` is an editor's annotation, not a field of the
        live persona, so it takes no part."""
        return diff(_without_schema(original), _without_schema(self.value))


def path(source: str, target: str) -> list[str]:
    """The revisions a body passes through from ``source`` to ``target`` (each a boundary step)."""
    for name in (source, target):
        if name not in revisions.BY_NAME:
            raise MigrationError(f"unknown revision {name!r}; known: {', '.join(revisions.NAMES)}")
    chain: list[str] = []
    current: str | None = target
    while current is not None and current != source:
        chain.append(current)
        previous = revisions.previous(current)
        current = previous.name if previous is not None else None
    if current == source:
        return chain[::-1]
    # A persona newer than the PAL lineage's persona base becomes a PAL at the first PAL revision.
    first_pal = min((r for r in revisions.REVISIONS if r.kind == "pal"), key=lambda r: r.date)
    base = revisions.previous(first_pal.name)
    pal_chain = path(first_pal.name, target) if revisions.BY_NAME[target].kind == "pal" else None
    persona = revisions.BY_NAME[source].kind == "persona"
    if pal_chain is not None and persona and base is not None and revisions.at_least(source, base.name):
        return [first_pal.name, *pal_chain]
    direction = "an older" if revisions.newer(source, target) else "that"
    raise MigrationError(f"no migration path from {source} to {target}: persona-lint migrates forward only, "
                         f"and not to {direction} revision from this one")


def migrate_document(document: Document, source: str, target: str) -> MigrationOutcome:
    """``document`` (of revision ``source``) moved to revision ``target``; no I/O."""
    if not isinstance(document.value, dict) or document.problems:
        raise MigrationError(f"{document.path} does not parse as a persona: fix its syntax first")
    changes: list[Change] = []
    decisions: list[Decided] = []
    for revision in path(source, target):
        document = _cross(document, revision, changes, decisions)
    document = _declare(document, source, target, changes)
    return MigrationOutcome(document.text, source, target, tuple(changes), tuple(decisions), document.value)


def _cross(document: Document, revision: str, changes: list[Change], decisions: list[Decided]) -> Document:
    step = steps()[revision]
    skipped: list[Edit] = []
    for _ in range(MAX_EDITS):
        actions = list(step.plan(document.value))
        edits = [a for a in actions if not isinstance(a, Decision) and a not in skipped]
        if not edits:
            decisions.extend(Decided(revision, a.pointer, a.message) for a in actions if isinstance(a, Decision))
            return document
        edit = edits[0]
        made = text_edits(document, Fix("migrate", "unsafe", (edit,)))
        fixed = reparse(document, apply(document.text, list(made))) if made is not None else None
        if fixed is None or not isinstance(fixed.value, dict) or fixed.problems:
            skipped.append(edit)
            by_hand = f"{describe(edit)}: this change cannot be made on this file's text without reformatting it"
            decisions.append(Decided(revision, _where(edit), by_hand + "; make it by hand"))
            continue
        changes.append(Change(revision, _where(edit), describe(edit)))
        document = fixed
    raise MigrationError(f"{document.path}: the step to {revision} did not finish after {MAX_EDITS} edits")


def _declare(document: Document, source: str, target: str, changes: list[Change]) -> Document:
    """The file's ``$schema`` (or YAML modeline) names ``target`` instead of the revision it named."""
    declared = association.declared_revision(document)
    if declared is None or declared == target:
        return document
    edit: TextEdit | None = None
    value = document.value
    if isinstance(value, dict) and isinstance(value.get("$schema"), str):
        url = _renamed(value["$schema"], declared, target)
        made = text_edits(document, Fix("schema", "safe", (ReplaceValue("/$schema", url),)))
        edit = made[0] if made else None
    else:
        modeline = association.modeline(document)
        if modeline is not None:
            edit = TextEdit(modeline.start(1), modeline.end(1), _renamed(modeline.group(1), declared, target))
    if edit is None:
        return document
    changes.append(Change(target, "/$schema", f"declare revision {target} in $schema"))
    return reparse(document, apply(document.text, [edit]))


def _renamed(url: str, old: str, new: str) -> str:
    return re.sub(rf"(^|/){re.escape(old)}(?=/|\.)", lambda m: m.group(1) + new, url, count=1)


def _without_schema(value: Any) -> Any:
    return {k: v for k, v in value.items() if k != "$schema"} if isinstance(value, dict) else value


def describe(edit: Edit) -> str:
    """One line for people; string values are not repeated (a prompt may hold a secret)."""
    if isinstance(edit, RenameKey):
        return f"rename '{ptr.display(edit.pointer)}' to '{edit.new_key}'"
    if isinstance(edit, RemoveMember):
        return f"remove '{ptr.display(edit.pointer)}'"
    if isinstance(edit, ReplaceValue):
        return f"set '{ptr.display(edit.pointer)}'{_shown(edit.value)}"
    if isinstance(edit, AddMember):
        return f"add '{ptr.display(ptr.join(edit.parent_pointer, edit.key))}'{_shown(edit.value)}"
    if isinstance(edit, Hoist):
        return f"unwrap '{ptr.display(edit.pointer)}'"
    return f"remove characters {edit.start} to {edit.end}"


def _shown(value: Any) -> str:
    short = isinstance(value, (bool, int, float, type(None))) or (isinstance(value, str) and len(value) <= 40)
    if isinstance(value, dict) and all(isinstance(v, (str, bool, int, float)) for v in value.values()):
        short = len(str(value)) <= 80
    return f" to {value!r}" if short else ""


def _where(edit: Edit) -> str:
    if isinstance(edit, AddMember):
        return ptr.join(edit.parent_pointer, edit.key)
    return "" if isinstance(edit, RemoveText) else edit.pointer
