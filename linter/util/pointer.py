"""RFC 6901 JSON Pointers: the address every finding carries."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def escape(token: str | int) -> str:
    """One reference token, escaped (``~`` and ``/``)."""
    text = token if type(token) is str else str(token)
    if "~" in text or "/" in text:  # rare: most tokens are plain names, and walks escape every key
        return text.replace("~", "~0").replace("/", "~1")
    return text


def join(pointer: str, *tokens: str | int) -> str:
    """``join("/layers", "llm")`` is ``"/layers/llm"``."""
    if len(tokens) == 1:  # the usual call, on hot paths (document walks)
        return f"{pointer}/{escape(tokens[0])}"
    return pointer + "".join("/" + escape(t) for t in tokens)


def from_parts(parts: Iterable[str | int]) -> str:
    """The pointer for a path of keys and indexes (e.g. jsonschema's ``absolute_path``)."""
    return join("", *parts)


def split(pointer: str) -> list[str]:
    """The unescaped tokens of ``pointer`` (``""`` is the root and has none)."""
    if not pointer:
        return []
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer[1:].split("/")]


def resolve(value: Any, tokens: Iterable[str | int], default: Any = None) -> Any:
    """What ``tokens`` (keys, and indexes as numbers or digit strings) lead to inside ``value``,
    or ``default`` when a step is missing or lands on something of another type."""
    node = value
    for token in tokens:
        if isinstance(node, dict):
            if token not in node:
                return default
            node = node[token]
        elif isinstance(node, list):
            index = token if isinstance(token, int) else int(token) if token.isdecimal() else -1
            if not 0 <= index < len(node):
                return default
            node = node[index]
        else:
            return default
    return node


def parent(pointer: str) -> str:
    """The pointer one level up; the root is its own parent."""
    return pointer.rsplit("/", 1)[0] if pointer else ""


def is_within(pointer: str, ancestor: str) -> bool:
    """True when ``pointer`` is ``ancestor`` or below it."""
    return pointer == ancestor or pointer.startswith(ancestor + "/")


def is_within_any(pointer: str, ancestors: set[str] | frozenset[str]) -> bool:
    """True when ``pointer`` is one of ``ancestors`` or below one: a set lookup per level of
    ``pointer``, where testing :func:`is_within` against each costs findings x claims."""
    while True:
        if pointer in ancestors:
            return True
        if not pointer:
            return False
        pointer = pointer[: pointer.rfind("/")]


def display(pointer: str) -> str:
    """A pointer as people read it: ``layers.llm.tools[0].function.name``; the root is ``persona``."""
    if not pointer:
        return "persona"
    text = ""
    for token in split(pointer):
        if token.isdigit():
            text += f"[{token}]"
        elif token.isidentifier() or token.replace("-", "_").isidentifier():
            text += ("." if text else "") + token
        else:
            text += f"[{token!r}]"
    return text


def syntax_error(pointer: str) -> str | None:
    """Why ``pointer`` is not an RFC 6901 JSON Pointer, or ``None`` when it is one.

    RFC 6901 section 3: the root is ``""``; every other pointer starts with ``/``, and ``~``
    appears only as ``~0`` (for ``~``) or ``~1`` (for ``/``).
    """
    if pointer and not pointer.startswith("/"):
        return "it must be empty (the whole document) or start with '/'"
    at = pointer.find("~")
    while at != -1:
        if pointer[at + 1 : at + 2] not in ("0", "1"):
            return f"'~' at character {at + 1} must be followed by 0 or 1 ('~0' is '~', '~1' is '/')"
        at = pointer.find("~", at + 2)
    return None
