"""persona-lint positions (1-based line, 1-based code-point column) to LSP positions and back.

LSP lines are 0-based and its columns count UTF-16 code units unless the client negotiated
``utf-8`` or ``utf-32``; a character outside the Basic Multilingual Plane (an emoji) is two
UTF-16 units. Lines end at ``\\r\\n``, ``\\r`` or ``\\n``, as in both persona-lint and LSP.
"""

from __future__ import annotations

from linter.diagnostic import Position, Span


def units(text: str, encoding: str = "utf-16") -> int:
    """Length of ``text`` in the client's column units."""
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    if encoding == "utf-32":
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def to_lsp(position: Position, lines: list[str], encoding: str = "utf-16") -> tuple[int, int]:
    """``(line, character)`` for LSP from a 1-based persona-lint position."""
    line = max(0, position.line - 1)
    if line >= len(lines):
        return line, 0
    return line, units(lines[line][: max(0, position.column - 1)], encoding)


def span_to_lsp(span: Span, lines: list[str], encoding: str = "utf-16") -> tuple[tuple[int, int], tuple[int, int]]:
    return to_lsp(span.start, lines, encoding), to_lsp(span.end, lines, encoding)


def from_lsp(line: int, character: int, lines: list[str], encoding: str = "utf-16") -> Position:
    """The 1-based persona-lint position of an LSP position (clamped to the line)."""
    if line >= len(lines):
        return Position(line + 1, 1)
    text = lines[line]
    counted = 0
    for index, char in enumerate(text):
        if counted >= character:
            return Position(line + 1, index + 1)
        counted += units(char, encoding)
    return Position(line + 1, len(text) + 1)
