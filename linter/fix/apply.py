"""Applying fixes: every non-overlapping fix at once, lint again, repeat until nothing changes.

A round is kept only when the result parses and has no error-level finding the text before it
did not have; when a round fails that test its fixes are tried one at a time, and a fix that
still adds an error is refused, with the reason, and not offered again (ruff's loop, with its
limit of ten rounds).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from linter.diagnostic import Diagnostic, Severity
from linter.document.model import Document, Format
from linter.document.source import parse
from linter.fix.textedit import TextEdit, apply, overlaps, text_edits

MAX_ROUNDS = 10

Lint = Callable[[Document], list[Diagnostic]]
"""How the caller lints a document (its settings, revision and selection)."""


@dataclass(frozen=True, slots=True)
class Applied:
    """A fix that was made: the finding's code and pointer (before fixing) and the fix's title."""

    code: str
    pointer: str
    title: str


@dataclass(frozen=True, slots=True)
class Refused:
    """A fix that was not made, and why."""

    code: str
    pointer: str
    title: str
    reason: str


@dataclass(frozen=True, slots=True)
class FixOutcome:
    """The text after fixing (the input when nothing applied), what was done and what is left."""

    text: str
    applied: tuple[Applied, ...]
    refused: tuple[Refused, ...]
    diagnostics: tuple[Diagnostic, ...]

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def fixable(diagnostic: Diagnostic, unsafe: bool, codes: frozenset[str] | None = None) -> bool:
    """Whether ``--fix`` (``unsafe``: with ``--unsafe-fixes``) applies this finding's fix."""
    fix = diagnostic.fix
    return fix is not None and (unsafe or fix.applicability == "safe") and (codes is None or diagnostic.code in codes)


def fix_document(
    document: Document, lint: Lint, *, unsafe: bool = False, codes: frozenset[str] | None = None
) -> FixOutcome:
    """Fix ``document`` as far as its findings' fixes go (only ``codes``' when given); never raises."""
    diagnostics = lint(document)
    if document.value is None or document.problems:
        return FixOutcome(document.text, (), (), tuple(diagnostics))
    applied: list[Applied] = []
    refused: dict[tuple[str, str, str], Refused] = {}
    for _ in range(MAX_ROUNDS):
        chosen = _choose(document, diagnostics, unsafe, codes, refused)
        if not chosen:
            break
        result = _try(document, [edit for _, edits in chosen for edit in edits], diagnostics, lint)
        if result is not None:
            applied.extend(_applied(d) for d, _ in chosen)
            document, diagnostics = result
            continue
        progressed = False
        for diagnostic, edits in chosen:  # one at a time: keep the first that adds no error
            single = _try(document, list(edits), diagnostics, lint)
            if single is None:
                refused[_key(diagnostic)] = _refused(diagnostic, "it would add an error-level finding")
                continue
            applied.append(_applied(diagnostic))
            document, diagnostics = single
            progressed = True
            break  # the other fixes' edits were made on the text before this one
        if not progressed:
            break
    return FixOutcome(document.text, tuple(applied), tuple(refused.values()), tuple(diagnostics))


def reparse(document: Document, text: str) -> Document:
    return parse(document.path, text.encode("utf-8", "surrogatepass"), document.format)


def _choose(
    document: Document,
    diagnostics: list[Diagnostic],
    unsafe: bool,
    codes: frozenset[str] | None,
    refused: dict[tuple[str, str, str], Refused],
) -> list[tuple[Diagnostic, tuple[TextEdit, ...]]]:
    taken: list[TextEdit] = []
    chosen: list[tuple[Diagnostic, tuple[TextEdit, ...]]] = []
    for diagnostic in diagnostics:
        if not fixable(diagnostic, unsafe, codes) or _key(diagnostic) in refused:
            continue
        assert diagnostic.fix is not None
        edits = text_edits(document, diagnostic.fix)
        if edits is None:
            refused[_key(diagnostic)] = _refused(diagnostic, f"it cannot be made on this {_kind(document.format)} text")
            continue
        if any(overlaps(edit, taken) for edit in edits):
            continue  # waits for the next round
        taken.extend(edits)
        chosen.append((diagnostic, edits))
    return chosen


def _try(
    document: Document, edits: list[TextEdit], before: list[Diagnostic], lint: Lint
) -> tuple[Document, list[Diagnostic]] | None:
    fixed = reparse(document, apply(document.text, edits))
    if fixed.value is None or fixed.problems:
        return None
    after = lint(fixed)
    known = {(d.code, d.pointer) for d in before if d.severity is Severity.ERROR}
    if any(d.severity is Severity.ERROR and (d.code, d.pointer) not in known for d in after):
        return None
    return fixed, after


def _key(diagnostic: Diagnostic) -> tuple[str, str, str]:
    title = diagnostic.fix.title if diagnostic.fix is not None else ""
    return diagnostic.code, diagnostic.pointer, title


def _applied(diagnostic: Diagnostic) -> Applied:
    return Applied(*_key(diagnostic))


def _refused(diagnostic: Diagnostic, reason: str) -> Refused:
    return Refused(*_key(diagnostic), reason)


def _kind(format: Format) -> str:
    return "YAML" if format == "yaml" else "JSON"
