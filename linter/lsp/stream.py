"""LSP base-protocol framing (``Content-Length`` headers) read with bounds, from any client.

A header block is header lines ended by an empty line; its ``Content-Length`` says how many
bytes of body follow (https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#baseProtocol).
A length that is missing, not a decimal number, negative or above :data:`MAX_MESSAGE_BYTES`
is reported and its message skipped: reading then resumes at the next line that ends with a
``Content-Length`` header. A JSON body cannot hold a raw line break inside a string, so such a
line is the start of the next message, and the stream stays in step with the client.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import BinaryIO

MAX_MESSAGE_BYTES = 64 * 1024 * 1024
"""Largest message body read: a persona is at most 5 MiB, escaped in JSON at most a few times that."""
MAX_HEADER_LINE = 8192
"""Longest header line kept; longer lines are read in pieces and only their end is looked at."""

_LENGTH = re.compile(rb"Content-Length:[ \t]*([^\r\n]*)\r?\n\Z", re.IGNORECASE)
_NUMBER = re.compile(rb"[0-9]{1,20}\Z")


def read_messages(stream: BinaryIO, report: Callable[[str], None]) -> Iterator[bytes]:
    """Each message body of ``stream``, in order, until it ends; framing errors go to ``report``."""
    in_step = True  # False after a bad header block, until a line ending in a Content-Length header
    length: int | None = None
    bad: str | None = None
    while True:
        line = _read_line(stream)
        if not line:
            return
        found = _LENGTH.search(line)
        if found is not None:
            # A header, or garbage that ends in one: either way a header block (re)starts here.
            in_step = True
            length, bad = _parse_length(found.group(1))
        elif not in_step:
            continue
        elif line in (b"\r\n", b"\n"):
            if length is None:
                report(bad or "a message without a Content-Length header was skipped")
                in_step = False
                continue
            body = _read_exactly(stream, length)
            if len(body) < length:
                return  # the client closed the stream in the middle of a message
            yield body
            length, bad = None, None
        # any other header (Content-Type) is allowed and ignored


def _parse_length(value: bytes) -> tuple[int | None, str | None]:
    text = value.strip()
    if not _NUMBER.match(text):
        shown = text[:40].decode("ascii", "replace")
        return None, f"a message with Content-Length {shown!r} (not a length in bytes) was skipped"
    length = int(text)
    if length > MAX_MESSAGE_BYTES:
        return None, f"a message of {length} bytes (more than {MAX_MESSAGE_BYTES} allowed) was skipped"
    return length, None


def _read_line(stream: BinaryIO) -> bytes:
    """One line; of a line longer than :data:`MAX_HEADER_LINE` only its last piece is returned."""
    line = stream.readline(MAX_HEADER_LINE)
    while line and not line.endswith(b"\n") and len(line) >= MAX_HEADER_LINE:
        rest = stream.readline(MAX_HEADER_LINE)
        if not rest:
            return line
        # Keep a tail of the previous piece, so that a header split between pieces is still seen.
        line = line[-64:] + rest
    return line


def _read_exactly(stream: BinaryIO, length: int) -> bytes:
    pieces: list[bytes] = []
    remaining = length
    while remaining > 0:
        piece = stream.read(remaining)
        if not piece:
            break
        pieces.append(piece)
        remaining -= len(piece)
    return b"".join(pieces)
