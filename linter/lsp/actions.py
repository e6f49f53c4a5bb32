"""Code actions: each fix a finding offers as a quick fix, and one action that applies every safe fix.

Computed without LSP types: edits are ``(start, end, new_text)`` with 1-based persona-lint
positions, which the server turns into the client's position encoding.
"""

from __future__ import annotations

from dataclasses import dataclass

from linter.diagnostic import Diagnostic, Fix, Position
from linter.document.model import Document
from linter.engine import lint as engine
from linter.fix.apply import fix_document
from linter.fix.textedit import text_edits
from linter.lsp.analysis import Analysis, settings_for_path

FIX_ALL = "source.fixAll.persona-lint"


@dataclass(frozen=True, slots=True)
class Edit:
    start: Position
    end: Position
    text: str


@dataclass(frozen=True, slots=True)
class Action:
    """A code action: its title, whether it is preferred, the finding it fixes (``None``: fix all)."""

    title: str
    preferred: bool
    edits: tuple[Edit, ...]
    diagnostic: Diagnostic | None


def quick_fixes(analysis: Analysis, start: Position, end: Position) -> list[Action]:
    """The fixes of the findings whose span touches ``start``..``end``."""
    actions = []
    for diagnostic in analysis.diagnostics:
        fix = diagnostic.fix
        if fix is None or not _touches(diagnostic, start, end):
            continue
        edits = _edits(analysis.document, fix)
        if edits:
            title = fix.title if fix.applicability == "safe" else f"{fix.title} (unsafe)"
            actions.append(Action(title, fix.applicability == "safe", edits, diagnostic))
    return actions


def fix_all(analysis: Analysis, path: str | None) -> Action | None:
    """Every safe fix at once (as ``check --fix`` makes them), as one edit of the changed region."""
    document = analysis.document
    if not any(d.fix is not None and d.fix.applicability == "safe" for d in analysis.diagnostics):
        return None
    settings = settings_for_path(path)
    outcome = fix_document(document, lambda d: engine.lint_with_settings(d, settings))
    if not outcome.changed:
        return None
    before, after = document.text, outcome.text
    prefix = 0
    while prefix < min(len(before), len(after)) and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(before), len(after)) - prefix and before[-1 - suffix] == after[-1 - suffix]:
        suffix += 1
    lines = document.lines
    edit = Edit(lines.position(prefix), lines.position(len(before) - suffix), after[prefix:len(after) - suffix])
    count = len(outcome.applied)
    return Action(f"Fix all safe persona-lint findings ({count})", True, (edit,), None)


def _edits(document: Document, fix: Fix) -> tuple[Edit, ...]:
    made = text_edits(document, fix)
    if made is None:
        return ()
    lines = document.lines
    return tuple(Edit(lines.position(e.start), lines.position(e.end), e.replacement) for e in made)


def _touches(diagnostic: Diagnostic, start: Position, end: Position) -> bool:
    span = diagnostic.span
    return (span.start.line, span.start.column) <= (end.line, end.column) and (start.line, start.column) <= (
        span.end.line, span.end.column
    )
