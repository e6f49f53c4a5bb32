"""Completion from the text before the cursor, tolerant of the broken syntax typing leaves.

The parsed document cannot say where the cursor is while a key is half typed (``{"tts": {"``
does not parse), so the place is read from the text up to the cursor: for JSON by a small
tokenizer that tracks the open objects and arrays, for YAML by indentation. The place is a
JSON Pointer and either a key position (offer the keys the schema allows there, less those the
object already has and the read-only fields a request body does not take) or a value
position (offer the values of the key's ``enum``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from linter.schemas import schemahelp
from linter.util import pointer as ptr

_JSON_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*(?:"|\\?$)|[{}\[\]:,]|[^\s{}\[\]:,"]+', re.MULTILINE)
_YAML_KEY = re.compile(r"""(?P<key>"[^"]*"|'[^']*'|[^\s:#'"\-][^:#]*?|-[^\s:#][^:#]*?)\s*:(?:[ \t]+(?P<value>.*))?\Z""")
_YAML_ITEM = re.compile(r"-(?:[ \t]+|\Z)")


class Offer(NamedTuple):
    """One completion item."""

    label: str
    documentation: str | None
    is_key: bool


class Place(NamedTuple):
    """Where the cursor is: the object's (or the value's parent's) pointer, and what is typed."""

    pointer: str
    is_key: bool
    key: str | None  # for a value position, the key whose value is typed (None in an array)
    seen: tuple[str, ...] = ()  # keys of the object before the cursor (for a text that does not parse)


def offers(text: str, offset: int, revision: str, document_format: str, value: Any = None) -> list[Offer]:
    """What may be typed at ``offset`` of ``text`` (``value`` is the parsed document, if any)."""
    place = yaml_place(text, offset) if document_format == "yaml" else json_place(text, offset)
    if place is None:
        return []
    if place.is_key:
        present = _present_keys(value, place.pointer) | set(place.seen)
        return [
            Offer(key.name, key.description, True)
            for key in schemahelp.keys(revision, place.pointer)
            if key.name not in present and not schemahelp.read_only(revision, ptr.join(place.pointer, key.name))
        ]
    where = ptr.join(place.pointer, place.key) if place.key is not None else ptr.join(place.pointer, "0")
    return [Offer(v, None, False) for v in schemahelp.enum_values(revision, where) if isinstance(v, str)]


@dataclass(slots=True)
class _Frame:
    is_object: bool
    token: str | None  # this container's key or index in its parent (None for the root)
    expect: str = "key"  # in an object: "key", "colon", "value" or "comma"
    key: str | None = None
    index: int = 0
    keys: list[str] = field(default_factory=list)


def json_place(text: str, offset: int) -> Place | None:
    """The place of ``offset`` in JSON ``text``, read from the text before it."""
    stack: list[_Frame] = []
    typed_string: str | None = None
    before = text[:offset]
    for match in _JSON_TOKEN.finditer(before):
        token = match.group()
        typed_string = None
        top = stack[-1] if stack else None
        if token in "{[":
            where = None if top is None else (top.key if top.is_object else str(top.index))
            if top is not None and top.is_object:
                top.expect = "comma"
            stack.append(_Frame(token == "{", where))
        elif token in "}]":
            if stack:
                stack.pop()
        elif token == ":":
            if top is not None and top.is_object:
                top.expect = "value"
        elif token == ",":
            if top is not None and top.is_object:
                top.expect, top.key = "key", None
            elif top is not None:
                top.index += 1
        elif token.startswith('"'):
            if match.end() == len(before) and not _closes(token):
                typed_string = token
            if top is not None and top.is_object and top.expect == "key":
                top.key, top.expect = _unquote(token), "colon"
                if typed_string is None:
                    top.keys.append(top.key)
            elif top is not None and top.is_object:
                top.expect = "comma"
        elif top is not None and top.is_object and top.expect == "value":
            top.expect = "comma"
    if not stack:
        return Place("", True, None) if not before.strip() else None
    top = stack[-1]
    here = "".join("/" + ptr.escape(frame.token or "") for frame in stack[1:])
    if typed_string is not None:  # the cursor is inside a string that is not closed yet
        if top.is_object and top.expect == "colon":
            return Place(here, True, None, tuple(top.keys))
        return Place(here, False, top.key if top.is_object else None)
    if not top.is_object:
        return Place(here, False, None)
    if top.expect == "key":
        return Place(here, True, None, tuple(top.keys))
    if top.expect == "value":
        return Place(here, False, top.key)
    return None


def _closes(token: str) -> bool:
    """True when a string token ends with its closing quote (not an escaped one)."""
    if len(token) < 2 or not token.endswith('"'):
        return False
    backslashes = len(token[1:-1]) - len(token[1:-1].rstrip("\\"))
    return backslashes % 2 == 0


def _unquote(token: str) -> str:
    import json

    try:
        value = json.loads(token if _closes(token) else token + '"')
    except ValueError:
        return token.strip('"')
    return value if isinstance(value, str) else token.strip('"')


def yaml_place(text: str, offset: int) -> Place | None:
    """The place of ``offset`` in YAML ``text``, read from the indentation of the lines above."""
    start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    line = text[start:offset]
    column, dashed = _indent(line)
    rest = line[column:]
    if rest.lstrip().startswith("#"):
        return None
    path: list[str] = []
    if dashed is not None:  # the first key of a list item
        path = ["0"]
    key_match = _YAML_KEY.match(rest)
    parents = _yaml_parents(text[:start], dashed if dashed is not None else column, dashed is not None)
    here = "".join("/" + ptr.escape(token) for token in parents + path)
    if key_match is not None:
        value = key_match.group("value")
        if value is None and not rest.endswith(":"):
            return None
        if value is not None and re.search(r"(?:^|\s)#", value):
            return None  # the cursor is in a comment
        return Place(here, False, _yaml_unquote(key_match.group("key")))
    if ":" in rest:
        return None
    return Place(here, True, None)


def _indent(line: str) -> tuple[int, int | None]:
    """The column where a line's key starts, and the column of its list dash (if any)."""
    column = len(line) - len(line.lstrip(" "))
    dashed: int | None = None
    while True:
        item = _YAML_ITEM.match(line, column)
        if item is None:
            return column, dashed
        dashed = column
        column = item.end()


def _yaml_parents(above: str, target: int, from_dash: bool) -> list[str]:
    """Keys (and ``0`` for list items) of the mappings that hold a line indented ``target``."""
    path: list[str] = []
    for raw in reversed(re.split(r"\r\n|\r|\n", above)):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        column, dashed = _indent(raw)
        found = _YAML_KEY.match(raw[column:].rstrip())
        opens = found is not None and (not found.group("value") or found.group("value").lstrip().startswith("#"))
        if dashed is not None and dashed < target <= column:
            path.insert(0, "0")  # a sibling key of the same list item: the item holds us
            target, from_dash = dashed, True
            continue
        if found is not None and opens and (column < target or (from_dash and column == target)):
            path.insert(0, _yaml_unquote(found.group("key")))
            target, from_dash = column, False
            if dashed is not None:
                path.insert(0, "0")
                target, from_dash = dashed, True
        if target <= 0 and not from_dash:
            break
    return path


def _yaml_unquote(key: str) -> str:
    return key[1:-1] if len(key) >= 2 and key[0] == key[-1] and key[0] in "'\"" else key


def _present_keys(value: Any, pointer: str) -> set[str]:
    node = value
    for token in ptr.split(pointer):
        if isinstance(node, dict):
            node = node.get(token)
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return set()
    return {str(key) for key in node} if isinstance(node, dict) else set()
