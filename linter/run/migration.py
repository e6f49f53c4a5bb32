"""``persona-lint migrate``: files in, each moved to a newer API revision, written back or shown."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from linter.config.settings import settings_for
from linter.diagnostic import Diagnostic
from linter.document.model import Document
from linter.document.source import parse
from linter.engine.registry import by_key
from linter.fix.migrate import MigrationError, MigrationOutcome, migrate_document
from linter.fix.write import unified_diff, write_fixed
from linter.run.check import read
from linter.run.files import EmptyDirectory, Missing, expand
from linter.schemas.association import choose_revision
from linter.tavus.masking import mask_diagnostics, masked_source
from linter.tavus.persona import PERSONA_KEYS

Mode = Literal["write", "diff", "patch"]


@dataclass(frozen=True, slots=True)
class MigrationRequest:
    """What ``migrate`` is asked to do: the command line's options, as plain data."""

    paths: tuple[str, ...]
    to: str
    source: str | None = None
    mode: Mode = "write"
    config: Path | None = None


@dataclass(frozen=True, slots=True)
class FileMigration:
    """One file's migration: what changed, what is left to a person, and what to print."""

    path: str
    outcome: MigrationOutcome | None
    error: str | None = None
    output: str = ""
    """The diff (``diff`` mode) or the JSON Patch (``patch`` mode)."""
    decisions: tuple[Diagnostic, ...] = ()


def migrate_paths(request: MigrationRequest) -> Iterator[FileMigration]:
    """Migrate every persona file named or found under ``request.paths``."""
    for item in expand(request.paths):
        if isinstance(item, EmptyDirectory):
            continue
        if isinstance(item, Missing):
            yield FileMigration(item.path, None, "no such file or directory")
            continue
        yield _migrate(item.path, item.explicit, request)


def _migrate(path: str, explicit: bool, request: MigrationRequest) -> FileMigration:
    data, reason = read(path, None)
    if data is None:
        return FileMigration(path, None, reason)
    document = parse(path, data)
    if not explicit and (not isinstance(document.value, dict) or not PERSONA_KEYS & document.value.keys()):
        return FileMigration(path, None)  # a walk meets other JSON and YAML files: not personas
    settings = settings_for(path, request.config)
    source = request.source or choose_revision(document, None, settings.schema_version)
    try:
        outcome = migrate_document(document, source, request.to)
    except MigrationError as error:
        return FileMigration(path, None, str(error))
    found = [_decision(document, outcome, d.revision, d.pointer, d.message) for d in outcome.decisions]
    decisions = tuple(mask_diagnostics(found, document))
    if request.mode == "patch":
        text = json.dumps(outcome.patch(document.value), indent=2, ensure_ascii=False) + "\n"
        return FileMigration(path, outcome, output=text, decisions=decisions)
    if request.mode == "diff":
        # Secrets are starred out, same length, in both versions: a diff goes to CI logs.
        after = parse(path, outcome.text.encode("utf-8"), document.format)
        before_shown = masked_source(document)
        shown = unified_diff(path, before_shown, masked_source(after)) if outcome.changed else ""
        return FileMigration(path, outcome, output=shown, decisions=decisions)
    if outcome.changed:
        problem = write_fixed(path, data, outcome.text)
        if problem is not None:
            return FileMigration(path, None, f"not migrated: {problem}")
    return FileMigration(path, outcome, decisions=decisions)


def _decision(document: Document, outcome: MigrationOutcome, revision: str, pointer: str, message: str) -> Diagnostic:
    """A ``MIG001`` finding, placed in the file as it was read."""
    rule = by_key()["MIG001"]
    boundary = f"{outcome.source} -> {outcome.target}, at the step to {revision}"
    span = document.span(pointer, "key")
    return Diagnostic(document.path, span, rule.code, rule.name, rule.severity, message, pointer, boundary)
