"""What applies to one path: the configuration file, the revision and where it came from, the rules.

``persona-lint settings PATH`` prints it, as ``ruff check --show-settings`` does for ruff.
"""

from __future__ import annotations

import os
from pathlib import Path

from linter.config.settings import clear_caches
from linter.document.model import Document
from linter.document.source import MAX_FILE_BYTES, parse
from linter.engine.selection import resolve
from linter.run.check import settings_of
from linter.run.model import Request
from linter.schemas.association import chosen_with_source


def describe(path: str, request: Request) -> list[str]:
    """Lines saying which settings ``check`` would use for ``path``."""
    clear_caches()
    settings = settings_of(request, path)
    rules = resolve(settings, settings.ignored_for(path))
    document = _document(path)
    revision, source = chosen_with_source(document, request.revision, settings.schema_version, settings.source)
    lines = [
        f"path: {path}",
        f"configuration: {settings.source or 'none found (the defaults apply)'}",
        f"revision: {revision} ({source})",
        f"rules: {len(rules.by_code)} enabled",
    ]
    lines += [
        f"  {code} {active.rule.name} ({active.severity.value})" for code, active in sorted(rules.by_code.items())
    ]
    lines += [f"warning: {warning}" for warning in settings.warnings]
    return lines


def _document(path: str) -> Document:
    """The file's parse (its ``$schema`` chooses the revision); an empty document if unreadable."""
    try:
        if os.path.isfile(path):
            with open(path, "rb") as handle:
                return parse(path, handle.read(MAX_FILE_BYTES + 1))
    except OSError:
        pass
    return parse(Path(path).name or "-", b"{}")
