"""Hypothesis strategies for hostile keys, YAML tags and file names, and generated secrets.

A generated secret is a well-known key shape (``sk-``, ``sk-proj-``, ``ghp_``, ``AKIA``, a JWT,
...) with a random body drawn from a seed, so that it is never a placeholder by chance
(``sk-aaaa...`` is one); the shapeless kinds (32+ hex, base64, a bearer token) are secrets only
under a credential name, where :func:`credential_members` puts them.
"""

from __future__ import annotations

import json
import os
import random
import string
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

ALPHANUMERIC = string.ascii_letters + string.digits


def _body(seed: int, length: int, alphabet: str = ALPHANUMERIC) -> str:
    chooser = random.Random(seed)
    return "".join(chooser.choice(alphabet) for _ in range(length))


SHAPES: dict[str, Callable[[int], str]] = {
    "openai": lambda seed: "sk-" + _body(seed, 40),
    "project": lambda seed: "sk-proj-" + _body(seed, 48),
    "github": lambda seed: "ghp_" + _body(seed, 36),
    "aws": lambda seed: "AKIA" + _body(seed, 16, string.ascii_uppercase + string.digits),
    "groq": lambda seed: "gsk_" + _body(seed, 40),
    "jwt": lambda seed: "eyJ" + _body(seed, 20) + ".eyJ" + _body(seed + 1, 24) + "." + _body(seed + 2, 30),
}
"""Shapes persona-lint knows wherever they are (keys, values, tags, anchors, comments)."""
SHAPELESS: dict[str, Callable[[int], str]] = {
    "hex": lambda seed: _body(seed, 32 + seed % 33, "0123456789abcdef"),
    "base64": lambda seed: _body(seed, 44, ALPHANUMERIC + "+/") + "=",
    "bearer": lambda seed: "Bearer " + _body(seed, 40, ALPHANUMERIC + "-._~"),
}
"""Secrets with no known shape: recognised only under a credential name."""

seeds = st.integers(min_value=0, max_value=2**32)
known_secrets = st.builds(lambda kind, seed: SHAPES[kind](seed), st.sampled_from(sorted(SHAPES)), seeds)
shapeless_secrets = st.builds(lambda kind, seed: SHAPELESS[kind](seed), st.sampled_from(sorted(SHAPELESS)), seeds)

HOSTILE_PIECES = (
    "\x00", "\x07", "\x08", "\t", "\n", "\r", "\x1b", "\x7f", "\x80", "\x85", "\x9b", "\x9f",
    "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\u2028", "\u2029", "\ufeff", "\ufffe",
    "\ud800", "\udfff", "\U0001f600", "\x1b[2J", "\x1b[31m", "\x1b]0;pwned\x07", "\x1bP+q\x1b\\",
    "~", "~0", "~1", "/", '"', "\\", "'", ":", "# ", "&", "*", "!", "%", "{", "[", "-", "? ",
    "é", "e\u0301", " ", "a", "Z", "0", "persona_name", "layers", "x" * 300, "k" * 5000,
)
hostile_text = st.lists(st.sampled_from(HOSTILE_PIECES), min_size=1, max_size=6).map("".join)

_SHORT_JSON = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def json_string(text: str, mode: int) -> str:
    """``text`` as a JSON string: ``mode`` 0 writes characters raw where JSON allows it, 1 escapes
    every one as ``\\uXXXX``, 2 escapes every other one, 3 writes even control characters raw
    (a syntax error JSON must report)."""
    out = []
    for index, char in enumerate(text):
        code = ord(char)
        must = char in _SHORT_JSON or code < 0x20 or 0xD800 <= code <= 0xDFFF
        if mode == 3 and code < 0x20:
            out.append(char)
        elif mode == 1 or (mode == 2 and index % 2) or must:
            out.append(_SHORT_JSON[char] if mode == 0 and char in _SHORT_JSON else _u_escape(char))
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _u_escape(char: str) -> str:
    code = ord(char)
    if code > 0xFFFF:
        high, low = divmod(code - 0x10000, 0x400)
        return f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}"
    return f"\\u{code:04x}"


_YAML_NAMED = {"\x00": "\\0", "\x07": "\\a", "\x1b": "\\e", "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P",
               "\xa0": "\\_", '"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}


def yaml_string(text: str, mode: int) -> str:
    """``text`` as a YAML double-quoted scalar: ``mode`` 0 escapes what YAML cannot hold raw, 1
    every character (``\\xXX``, ``\\uXXXX``, ``\\UXXXXXXXX``), 2 the named escapes (``\\e``,
    ``\\N``, ``\\L``), 3 breaks the text with backslash-newline continuations."""
    out = []
    for index, char in enumerate(text):
        code = ord(char)
        printable = char.isprintable() and char not in '"\\' and not 0xD800 <= code <= 0xDFFF
        if mode == 3 and index and index % 7 == 0:
            out.append("\\\n  ")
        if printable and mode != 1:
            out.append(char)
        elif mode == 2 and char in _YAML_NAMED:
            out.append(_YAML_NAMED[char])
        elif code < 0x100:
            out.append(f"\\x{code:02x}")
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


YAML_KEYS = ("1", "-1", "1.5", "0x1F", ".inf", ".nan", "true", "no", "null", "~", "[1, 2]", "{a: 1}", "[]",
             "{}", "2001-12-14", "!!binary aGk=", "!!int 7", "!!int", "!!float ''", "!foo x",
             "'single ''quoted'''", "*undefined", "<<", "=")
"""YAML keys that are not plain strings: numbers, booleans, null, collections, tagged, aliases."""


def file_name_pieces() -> list[str]:
    raw = [b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\x80abc", b"caf\xe9"]
    return [os.fsdecode(piece) for piece in raw] + [
        "\x01", "\n", "\r", "\t", "\x1b[31m", "\x1b]0;title\x07", "\x1b[2J", "\x7f", "\x85", "\x9b", "\u202e",
        "\u2028", "-", "--help", "-x", " ", "  ", '"', "\\", "'", "$(id)", "%s", ",", ":", "::error ", "a", "é",
        "persona", "n" * 120,
    ]


def file_names() -> st.SearchStrategy[tuple[str, str]]:
    """A hostile file name (``str``, undecodable bytes as surrogate escapes) of at most 250
    bytes, and the secret it holds (``""`` for none)."""
    pieces = st.lists(st.sampled_from(file_name_pieces()), min_size=1, max_size=5).map("".join)
    secret = st.one_of(st.just(""), known_secrets)
    suffix = st.sampled_from([".json", ".yaml", ".yml", ".patch.json"])

    def build(stem: str, secret: str, suffix: str) -> tuple[str, str]:
        name = stem + secret
        while len(os.fsencode(name + suffix)) > 250:
            name = name[1:]
        return name + suffix, secret if secret in name else ""

    return st.builds(build, pieces, secret, suffix)


def credential_members(secret: str) -> dict[str, Any]:
    """Members that hold ``secret`` as a credential: a field, a header, a URL password."""
    bare = secret.removeprefix("Bearer ")
    return {"api_key": secret, "headers": {"Authorization": f"Bearer {bare}", "x-api-key": bare},
            "password": secret, "base_url": f"https://user:{bare.replace('/', '_')}@llm.example.com/v1"}


def dump_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1)
