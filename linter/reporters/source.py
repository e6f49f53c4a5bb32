"""The source line under a finding with a caret underline, as ruff and actionlint print it.

Only files with findings carry their text (:attr:`LintResult.sources`), so this costs nothing
for clean files. Lines end at ``\\r\\n``, ``\\r`` and ``\\n`` exactly as positions count them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from linter.diagnostic import Diagnostic
from linter.document.lines import LineIndex

MAX_WIDTH = 100
"""Longest excerpt shown; longer lines (a one-line system prompt) are cut around the span."""


class SourceExcerpts:
    """Indexes each file's lines once, on first use; a line is cut from the text when shown."""

    def __init__(self, sources: Mapping[str, str]) -> None:
        self._sources = sources
        self._indexes: dict[str, LineIndex] = {}

    def excerpt(self, diagnostic: Diagnostic) -> list[str]:
        """The gutter, the source line and the underline, or nothing when the text is not known."""
        source = self._sources.get(diagnostic.path)
        if source is None:
            return []
        index = self._indexes.get(diagnostic.path)
        if index is None:
            index = self._indexes[diagnostic.path] = LineIndex(source)
        start, end = diagnostic.span.start, diagnostic.span.end
        if not 1 <= start.line <= len(index):
            return []
        text = index.line(source, start.line)
        first = start.column - 1
        last = end.column - 1 if end.line == start.line else len(text)
        last = max(last, first + 1)
        shown, first, last = _window(text, first, last)
        number = str(start.line)
        gutter = " " * len(number)
        underline = _pad(shown[:first]) + "^" * max(1, _width(shown[first:last]))
        return [f"{gutter} |", f"{number} | {_printable(shown)}", f"{gutter} | {underline}"]


def _window(text: str, first: int, last: int) -> tuple[str, int, int]:
    if len(text) <= MAX_WIDTH:
        return text, first, last
    begin = max(0, min(first - 20, len(text) - MAX_WIDTH))
    stop = begin + MAX_WIDTH
    prefix = "…" if begin > 0 else ""
    suffix = "…" if stop < len(text) else ""
    shown = prefix + text[begin:stop] + suffix
    offset = len(prefix) - begin
    return shown, first + offset, min(last, stop) + offset


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(prefix: str) -> str:
    """Spaces as wide as ``prefix`` (tabs kept, so the caret lines up in any tab width)."""
    return "".join("\t" if c == "\t" else " " * _width(c) for c in prefix)


def _printable(text: str) -> str:
    return "".join(c if c == "\t" or c.isprintable() else "\ufffd" for c in text)
