"""What the language server computes for one open document, without any LSP types.

The configuration is found by walking up from the document's path (as ``check`` does), and
re-read on every lint so that edits to ``pyproject.toml`` apply without a restart.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from linter.config import settings as config
from linter.diagnostic import Diagnostic, Position, Span
from linter.document.model import Document, Format
from linter.document.patch import Kind
from linter.document.source import parse
from linter.engine import lint as engine
from linter.schemas import association, schemahelp
from linter.tavus import revisions
from linter.tavus.evidence import evidence
from linter.tavus.persona import PERSONA_KEYS
from linter.util import pointer

MAX_POINTERS = 20_000
"""Most members hover looks at on its way down (a persona has a few hundred)."""


@dataclass(frozen=True, slots=True)
class Analysis:
    """A parsed document, the revision it is read under, and its findings."""

    document: Document
    revision: str
    diagnostics: tuple[Diagnostic, ...]
    is_persona: bool
    is_patch: bool = False
    """A JSON Patch body: hover and completion speak of the persona its ``path`` values name."""
    config_error: str | None = None
    """A configuration the lint could not use (the defaults were used instead)."""


def analyse(path: str | None, text: str, language_id: str | None = None) -> Analysis:
    """Lint ``text`` as the file at ``path`` (``None`` for an unsaved buffer).

    A configuration that cannot be used is named in ``config_error``; the document is then
    linted with the default settings, so the editor still shows findings.
    """
    shown = path or "-"
    # A long-running server must see configuration edits.
    config.clear_caches()
    settings, error = _settings(path)
    document = parse(shown, _encode(text), _format(shown, language_id))
    revision = association.choose_revision(document, None, settings.schema_version)
    is_patch = engine.document_kind(document, settings) == "patch"
    if not is_patch and not looks_like_persona(document, shown):
        return Analysis(document, revision, (), False, config_error=error)
    kind: Kind | None = "patch" if is_patch else None
    try:
        diagnostics = tuple(engine.lint_with_settings(document, settings, kind=kind))
    except config.ConfigError as problem:  # options or selectors the registry refuses, a missing baseline
        error = str(problem)
        diagnostics = tuple(engine.lint_with_settings(document, config.DEFAULT, kind=kind))
    return Analysis(document, revision, diagnostics, True, is_patch, error)


def parse_only(path: str | None, text: str, language_id: str | None = None) -> Analysis:
    """The parsed document and its revision, without linting: what hover and completion need."""
    shown = path or "-"
    settings, _ = _settings(path)
    document = parse(shown, _encode(text), _format(shown, language_id))
    revision = association.choose_revision(document, None, settings.schema_version)
    is_patch = engine.document_kind(document, settings) == "patch"
    return Analysis(document, revision, (), is_patch or looks_like_persona(document, shown), is_patch)


def _encode(text: str) -> bytes:
    # A lone surrogate (a client may send one as a JSON escape) has no UTF-8 form: its bytes are
    # kept as they are, so the document gets the finding a file with those bytes gets.
    return text.encode("utf-8", "surrogatepass")


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
    """The deepest member (pointer and key-or-value span) under ``position``.

    Descends from the root into the one child whose value holds ``position``, so the cost is
    the siblings along one path, not every member of a large persona.
    """
    document = analysis.document
    # No index_positions(): indexing every member of a 233 KB persona takes a quarter second,
    # while the few lookups of one path down are cheap.
    node, here = document.value, ""
    best: tuple[str, Span] | None = None
    looked = 0
    while isinstance(node, (dict, list)):
        children = node.items() if isinstance(node, dict) else enumerate(node)
        inside: tuple[str, Any] | None = None
        for token, child in children:
            looked += 1
            if looked > MAX_POINTERS:
                return best
            member = pointer.join(here, str(token))
            if isinstance(node, dict):
                key = document.span(member, "key")
                if _holds(key, position):
                    return member, key
            value = document.span(member, "value")
            if _holds(value, position):
                best, inside = (member, value), (member, child)
                break
        if inside is None:
            return best
        here, node = inside
    return best


def _holds(span: Span, position: Position) -> bool:
    return span.start <= position < span.end or span.start == position


def hover_text(analysis: Analysis, position: Position) -> tuple[str, Span] | None:
    """Markdown for the key or value under ``position``: its pointer and schema description."""
    found = member_at(analysis, position)
    if found is None:
        return None
    member, span = found
    if analysis.is_patch:
        named = _patch_path(analysis, member)
        if named is None:
            return None
        member = named
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
    of_value = evidence(kind, member, value) if isinstance(value, str) else None
    found = of_value or evidence(kind, member)
    if found is None or revisions.newest(kind).name != analysis.revision:
        return None
    subject = f"`{value}`" if of_value else "this field"
    return f"Evidence for {subject}: {found.describe()}"


def _patch_path(analysis: Analysis, member: str) -> str | None:
    """The persona pointer a patch's ``path`` (or ``from``) member holds, if that is where ``member`` is."""
    tokens = pointer.split(member)
    if len(tokens) != 2 or tokens[1] not in ("path", "from"):
        return None
    held = _value(analysis.document.value, member)
    return held if isinstance(held, str) and pointer.syntax_error(held) is None else None


def completions(analysis: Analysis, position: Position) -> list[tuple[str, str | None, bool]]:
    """``(label, documentation, is_key)`` the parse answers: in a patch's ``path`` or ``from``
    value, the persona paths one level below what is typed. (A persona's completions are read from
    the text before the cursor, :mod:`linter.lsp.completion`.)"""
    if not analysis.is_patch:
        return []
    found = member_at(analysis, position)
    return _patch_completions(analysis, found[0] if found else "")


def _patch_completions(analysis: Analysis, where: str) -> list[tuple[str, str | None, bool]]:
    """In a patch's ``path`` value: the full paths one level below what is typed so far."""
    tokens = pointer.split(where)
    typed = _value(analysis.document.value, where)
    if len(tokens) != 2 or tokens[1] not in ("path", "from") or not isinstance(typed, str):
        return []
    parent = typed.rsplit("/", 1)[0] if typed.startswith("/") else ""
    if pointer.syntax_error(parent):
        return []
    return [(pointer.join(parent, k.name), k.description, False) for k in schemahelp.keys(analysis.revision, parent)]


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


def settings_for_path(path: str | None) -> config.Settings:
    """The settings that apply to the document at ``path``, read afresh (the defaults when broken)."""
    return _settings(path)[0]


def _settings(path: str | None) -> tuple[config.Settings, str | None]:
    try:
        return config.settings_for(path or "-", None), None
    except config.ConfigError as error:
        return config.DEFAULT, str(error)
