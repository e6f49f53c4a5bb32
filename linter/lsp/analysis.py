"""What the language server computes for one open document, without any LSP types.

The configuration is found by walking up from the document's path (as ``check`` does), and
re-read on every analysis so that edits to ``pyproject.toml`` apply without a restart.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from linter.config import settings as config
from linter.diagnostic import Diagnostic, Position, Span
from linter.document.model import Document, Format
from linter.document.source import parse
from linter.engine import lint as engine
from linter.schemas import association, schemahelp
from linter.tavus import revisions
from linter.tavus.evidence import evidence
from linter.tavus.persona import PERSONA_KEYS
from linter.util import pointer

MAX_POINTERS = 20_000
"""Most members hover and completion look at (a persona has a few hundred)."""


@dataclass(frozen=True, slots=True)
class Analysis:
    """A parsed document, the revision it is read under, and its findings."""

    document: Document
    revision: str
    diagnostics: tuple[Diagnostic, ...]
    is_persona: bool


def analyse(path: str | None, text: str, language_id: str | None = None) -> Analysis:
    """Lint ``text`` as the file at ``path`` (``None`` for an unsaved buffer)."""
    shown = path or "-"
    settings = _settings(path)
    document = parse(shown, text.encode("utf-8"), _format(shown, language_id))
    revision = association.choose_revision(document, None, settings.schema_version)
    if not looks_like_persona(document, shown):
        return Analysis(document, revision, (), False)
    return Analysis(document, revision, tuple(engine.lint_with_settings(document, settings)), True)


def looks_like_persona(document: Document, path: str) -> bool:
    """As the directory walk decides: an object with a persona key, or a declared revision.

    A file that does not parse counts when its name says persona or pal, so a broken persona
    still gets its syntax error while an unrelated broken JSON file is left to the editor.
    """
    if isinstance(document.value, dict):
        return bool(PERSONA_KEYS & document.value.keys()) or association.declared_revision(document) is not None
    name = Path(path).name.lower()
    return document.value is None and ("persona" in name or "pal" in name)


def member_at(analysis: Analysis, position: Position) -> tuple[str, Span] | None:
    """The deepest member (pointer and key-or-value span) under ``position``."""
    best: tuple[str, Span] | None = None
    document = analysis.document
    document.index_positions()  # every member is asked for below: one full scan, then lookups
    for member in _pointers(document.value):
        for target in ("key", "value"):
            span = document.span(member, target)
            if span.start <= position < span.end or span.start == position:
                depth = len(pointer.split(member))
                if best is None or depth > len(pointer.split(best[0])):
                    best = (member, span)
    return best


def hover_text(analysis: Analysis, position: Position) -> tuple[str, Span] | None:
    """Markdown for the key or value under ``position``: its pointer and schema description."""
    found = member_at(analysis, position)
    if found is None:
        return None
    member, span = found
    description = schemahelp.describe(analysis.revision, member)
    source = _evidence(analysis, member)
    if description is None and source is None:
        return None
    text = "\n\n".join(part for part in (description, source) if part)
    return f"`{member}` ({analysis.revision})\n\n{text}", span


def _evidence(analysis: Analysis, member: str) -> str | None:
    """Where persona-lint's knowledge of the value (or else the field) under the cursor comes from."""
    kind = revisions.BY_NAME[analysis.revision].kind
    value = _value(analysis.document.value, member)
    found = (evidence(kind, member, value) if isinstance(value, str) else None) or evidence(kind, member)
    if found is None or revisions.newest(kind).name != analysis.revision:
        return None
    subject = f"`{value}`" if isinstance(value, str) and evidence(kind, member, value) else "this field"
    return f"Evidence for {subject}: {found.describe()}"


def completions(analysis: Analysis, position: Position) -> list[tuple[str, str | None, bool]]:
    """``(label, documentation, is_key)``: keys missing from the object under the cursor, or enum values."""
    found = member_at(analysis, position)
    where = found[0] if found else ""
    value = _value(analysis.document.value, where)
    if isinstance(value, dict) or found is None:
        present = value.keys() if isinstance(value, dict) else set()
        allowed = schemahelp.keys(analysis.revision, where)
        return [(k.name, k.description, True) for k in allowed if k.name not in present]
    return [(str(v), None, False) for v in schemahelp.enum_values(analysis.revision, where) if isinstance(v, str)]


def _pointers(value: Any, prefix: str = "") -> Iterator[str]:
    stack: list[tuple[Any, str]] = [(value, prefix)]
    seen = 0
    while stack and seen < MAX_POINTERS:
        node, here = stack.pop()
        children: list[tuple[str, Any]] = []
        if isinstance(node, dict):
            children = [(str(k), v) for k, v in node.items()]
        elif isinstance(node, list):
            children = [(str(i), v) for i, v in enumerate(node)]
        for token, child in children:
            member = pointer.join(here, token)
            seen += 1
            yield member
            stack.append((child, member))


def _value(root: Any, where: str) -> Any:
    node = root
    for token in pointer.split(where):
        if isinstance(node, dict):
            node = node.get(token)
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return None
    return node


def _format(path: str, language_id: str | None) -> Format | None:
    if language_id in ("yaml",):
        return "yaml"
    if language_id in ("json", "jsonc"):
        return "json"
    return None


def _settings(path: str | None) -> config.Settings:
    # A long-running server must see configuration edits.
    config.clear_caches()
    try:
        return config.settings_for(path or "-", None)
    except config.ConfigError:
        return config.DEFAULT  # a broken configuration is reported by `check`; the editor still lints
