"""A strict JSON scanner that records where every member's key and value are.

It runs only for documents that have findings (positions cost nothing otherwise) and for
documents ``json.loads`` accepts but JSON does not (``NaN``, over-deep nesting), where it
names the exact offset.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from linter.util.lazy_regex import LazyPattern
from linter.util.pointer import join

MAX_DEPTH = 200
"""Deepest nesting of arrays and objects a document may have (documented in the README)."""
MAX_VALUES = 100_000
"""Most values (members and items, at any depth) a JSON or YAML document may hold (documented in the
README). A persona holds a few thousand; past this, validating and linting every value would cost
gigabytes (5 MiB of empty tool objects is 1.75 million values, each with its schema findings)."""

_WS = LazyPattern(r"[ \t\n\r]*")
_STRING = LazyPattern(r'"(?:[^"\\\x00-\x1f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"')
_NUMBER = LazyPattern(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
_LITERALS = ("true", "false", "null")
_NOT_JSON = LazyPattern(r"NaN|-?Infinity|'|//|/\*")


class JsonScanError(Exception):
    """Not JSON: ``offset`` is where the scanner stopped."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


@dataclass(slots=True)
class JsonLocations:
    """Offsets per pointer: ``(key_start, key_end)`` and ``(value_start, value_end)``."""

    keys: dict[str, tuple[int, int]] = field(default_factory=dict)
    values: dict[str, tuple[int, int]] = field(default_factory=dict)
    duplicates: list[tuple[str, tuple[int, int]]] = field(default_factory=list)


def scan(text: str) -> JsonLocations:
    """Locate every value of ``text``; raise :class:`JsonScanError` where it is not JSON."""
    locations = JsonLocations()
    scanner = _Scanner(text, locations)
    end = scanner.value(scanner.skip(0), "", 0)
    end = scanner.skip(end)
    if end != len(text):
        raise JsonScanError("unexpected content after the JSON document", end)
    return locations


class _Scanner:
    __slots__ = ("loc", "text")

    def __init__(self, text: str, loc: JsonLocations) -> None:
        self.text = text
        self.loc = loc

    def skip(self, pos: int) -> int:
        match = _WS.match(self.text, pos)
        return match.end() if match else pos

    def value(self, pos: int, pointer: str, depth: int) -> int:
        text = self.text
        if pos >= len(text):
            raise JsonScanError("unexpected end of file: a value was expected", pos)
        char = text[pos]
        if char == "{" or char == "[":
            if depth >= MAX_DEPTH:
                raise JsonScanError(f"nesting is deeper than {MAX_DEPTH} levels", pos)
            end = (self.object if char == "{" else self.array)(pos, pointer, depth + 1)
        elif char == '"':
            end = self.string(pos)
        else:
            end = self.scalar(pos)
        self.loc.values[pointer] = (pos, end)
        return end

    def string(self, pos: int) -> int:
        match = _STRING.match(self.text, pos)
        if match is None:
            raise JsonScanError(_string_problem(self.text, pos), pos)
        return match.end()

    def scalar(self, pos: int) -> int:
        text = self.text
        for literal in _LITERALS:
            if text.startswith(literal, pos):
                return pos + len(literal)
        match = _NUMBER.match(text, pos)
        if match and match.end() > pos:
            return match.end()
        bad = _NOT_JSON.match(text, pos)
        if bad:
            return _raise_not_json(bad.group(), pos)
        raise JsonScanError(f"unexpected character {text[pos]!r}: a value was expected", pos)

    def object(self, pos: int, pointer: str, depth: int) -> int:
        text = self.text
        pos = self.skip(pos + 1)
        if pos < len(text) and text[pos] == "}":
            return pos + 1
        seen: set[str] = set()
        while True:
            if pos >= len(text) or text[pos] != '"':
                what = "a closing '}'" if seen else "a property name in double quotes"
                raise JsonScanError(f"{_found(text, pos)}: expected {what}", pos)
            key_end = self.string(pos)
            key = json.loads(text[pos:key_end])
            member = join(pointer, key)
            if key in seen:
                self.loc.duplicates.append((member, (pos, key_end)))
            seen.add(key)
            self.loc.keys[member] = (pos, key_end)
            pos = self.skip(key_end)
            if pos >= len(text) or text[pos] != ":":
                raise JsonScanError(f"{_found(text, pos)}: expected ':' after the key", pos)
            pos = self.value(self.skip(pos + 1), member, depth)
            pos = self.skip(pos)
            if pos < len(text) and text[pos] == ",":
                pos = self.skip(pos + 1)
                if pos < len(text) and text[pos] == "}":
                    raise JsonScanError("trailing comma before '}'", pos)
                continue
            if pos < len(text) and text[pos] == "}":
                return pos + 1
            raise JsonScanError(f"{_found(text, pos)}: expected ',' or '}}'", pos)

    def array(self, pos: int, pointer: str, depth: int) -> int:
        text = self.text
        pos = self.skip(pos + 1)
        if pos < len(text) and text[pos] == "]":
            return pos + 1
        index = 0
        while True:
            pos = self.skip(self.value(pos, join(pointer, index), depth))
            index += 1
            if pos < len(text) and text[pos] == ",":
                pos = self.skip(pos + 1)
                if pos < len(text) and text[pos] == "]":
                    raise JsonScanError("trailing comma before ']'", pos)
                continue
            if pos < len(text) and text[pos] == "]":
                return pos + 1
            raise JsonScanError(f"{_found(text, pos)}: expected ',' or ']'", pos)


def _found(text: str, pos: int) -> str:
    return "unexpected end of file" if pos >= len(text) else f"unexpected {text[pos]!r}"


def _string_problem(text: str, pos: int) -> str:
    end = pos + 1
    while end < len(text) and text[end] not in '"\n\r':
        if text[end] == "\\":
            end += 1
        end += 1
    if end >= len(text) or text[end] != '"':
        return "unterminated string"
    return "invalid string: control character or bad escape sequence"


def _raise_not_json(token: str, pos: int) -> int:
    reasons = {
        "'": "strings must use double quotes",
        "//": "comments are not allowed in JSON",
        "/*": "comments are not allowed in JSON",
    }
    raise JsonScanError(reasons.get(token, f"{token} is not a JSON number"), pos)


Offsets = tuple[int, int]
_SCAN: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]
"""The C scanner itself, ``(text, start) -> (value, end)``: ``raw_decode``'s Python wrapper cost as much."""


Step = tuple[Offsets | None, int]
"""A step of a pointer's path: its key's offsets (``None`` for the root and array elements) and
where its value starts."""


class PathIndex:
    """Key offsets and value starts along pointers' paths in one JSON text, for findings' positions.

    Only the paths asked for are walked: the siblings before each step are skipped with the C
    scanner (:data:`_SCAN`) and the step's own value is entered, not parsed, so a lookup costs a
    few parses at C speed instead of a Python scan of the whole document (:func:`value_end`
    finds where the last value ends). What a lookup reads of a container is kept, and the next
    lookup in it resumes there: a persona with many findings in one tool array reads that
    array once, not once per finding. ``text`` must be JSON that ``json.loads`` accepted, with
    no duplicate keys (the first match is taken); documents with duplicates are located by
    :func:`scan`.
    """

    __slots__ = ("_containers", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._containers: dict[int, _Members] = {}

    def locate(self, tokens: list[str]) -> list[Step]:
        """Element 0 is the root; then one step per token, as far as the path exists."""
        path: list[Step] = [(None, _skip(self.text, 0))]
        for token in tokens:
            position = path[-1][1]
            members = self._containers.get(position)
            if members is None:
                members = self._containers[position] = _Members(self.text, position)
            found = members.find(token)
            if found is None:
                break
            path.append(found)
        return path


class _Members:
    """The members of one object or array read so far, and where reading resumes."""

    __slots__ = ("count", "cursor", "found", "is_object", "pending", "text")

    def __init__(self, text: str, position: int) -> None:
        self.text = text
        self.found: dict[str, Step] = {}
        self.count = 0
        self.is_object = text.startswith("{", position)
        self.pending = False
        """Whether :attr:`cursor` is at the last member's value, still to be skipped."""
        cursor = -1
        if self.is_object or text.startswith("[", position):
            cursor = _skip(text, position + 1)
            if cursor >= len(text) or text[cursor] in "}]":
                cursor = -1
        self.cursor = cursor
        """Where the next member (or the pending value) starts; -1 once every member is read."""

    def find(self, token: str) -> Step | None:
        found = self.found.get(token)
        if found is not None or self.cursor < 0:
            return found
        text, decode = self.text, _SCAN
        cursor = self.cursor
        while True:
            if self.pending:  # skip the value a previous lookup entered
                cursor = _skip(text, decode(text, cursor)[1])
                if cursor >= len(text) or text[cursor] != ",":
                    self.cursor = -1
                    return None
                cursor = _skip(text, cursor + 1)
            key_span: Offsets | None = None
            if self.is_object:
                name, key_end = decode(text, cursor)
                key_span, cursor = (cursor, key_end), _skip(text, _skip(text, key_end) + 1)
            else:
                name = str(self.count)  # RFC 6901: no leading zeros, no sign
            step = (key_span, cursor)
            self.found.setdefault(name, step)
            self.count += 1
            self.cursor, self.pending = cursor, True
            if name == token:
                return step


def value_end(text: str, start: int) -> int:
    """Where the JSON value starting at ``start`` ends (``text`` is JSON ``json.loads`` accepted)."""
    return int(_SCAN(text, start)[1])


def _skip(text: str, position: int) -> int:
    if position < len(text) and text[position] not in " \t\n\r":  # the usual case: nothing to skip
        return position
    match = _WS.match(text, position)
    return match.end() if match else position
