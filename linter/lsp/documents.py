"""The open documents, kept as the client sent them, with LSP's own idea of a line.

LSP splits lines only at ``\\n``, ``\\r\\n`` and ``\\r`` (the specification's ``EOL``); Python's
``str.splitlines`` also splits at U+2028, U+2029, NEL (U+0085), form feed and a few more, which
would put an incremental edit after such a character on the wrong line. Edits are applied here,
with the client's position encoding, to the text the client sent; nothing is read from disk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from linter.lsp.positions import units

_EOL = re.compile(r"\r\n|\r|\n")


@dataclass(slots=True)
class OpenDocument:
    """One document the client opened: its text, version and language."""

    uri: str
    text: str
    version: int | None
    language_id: str | None
    path: str | None


def line_starts(text: str) -> list[int]:
    """Offsets where each LSP line starts (the first is 0)."""
    return [0, *(match.end() for match in _EOL.finditer(text))]


def offset_at(text: str, starts: list[int], line: int, character: int, encoding: str = "utf-16") -> int:
    """The string offset of an LSP position, clamped to the document and to the line's end."""
    if line < 0:
        return 0
    if line >= len(starts):
        return len(text)
    begin = starts[line]
    end = starts[line + 1] if line + 1 < len(starts) else len(text)
    content_end = _content_end(text, begin, end)
    counted = 0
    offset = begin
    while offset < content_end and counted < character:
        counted += units(text[offset], encoding)
        offset += 1
    return offset


def _content_end(text: str, begin: int, end: int) -> int:
    if end - begin >= 2 and text[end - 2 : end] == "\r\n":
        return end - 2
    if end > begin and text[end - 1] in "\r\n":
        return end - 1
    return end


def apply_change(
    text: str, start: tuple[int, int], end: tuple[int, int], new_text: str, encoding: str = "utf-16"
) -> str:
    """``text`` with the range ``start``-``end`` (LSP line, character pairs) replaced."""
    starts = line_starts(text)
    first = offset_at(text, starts, start[0], start[1], encoding)
    last = max(first, offset_at(text, starts, end[0], end[1], encoding))
    return text[:first] + new_text + text[last:]
