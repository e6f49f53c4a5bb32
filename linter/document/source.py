"""From bytes to a parsed document: decoding, format detection, JSON parsing (YAML in its own module)."""

from __future__ import annotations

import codecs
import json
from typing import Any

from linter.diagnostic import START_OF_FILE, Span
from linter.document.jsonpos import MAX_DEPTH, JsonScanError, scan
from linter.document.lines import LineIndex
from linter.document.model import Document, Format, SyntaxProblem

MAX_FILE_BYTES = 5 * 1024 * 1024
"""Largest file persona-lint reads; a persona body is a few kilobytes (documented limit)."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def detect_format(path: str, text: str) -> Format:
    """YAML for ``.yaml``/``.yml``; JSON for ``.json``; otherwise sniff the first character."""
    lowered = path.lower()
    if lowered.endswith((".yaml", ".yml")):
        return "yaml"
    if lowered.endswith(".json"):
        return "json"
    stripped = text.lstrip()
    return "json" if not stripped or stripped[0] in "{[" else "yaml"


def decode(path: str, data: bytes) -> tuple[str, SyntaxProblem | None]:
    """The text of ``data``: UTF-8 (BOM optional) or UTF-16/32 with a BOM."""
    encoding, skip = "utf-8", 0
    for bom, name in _BOMS:
        if data.startswith(bom):
            encoding, skip = name, len(bom)
            break
    try:
        return codecs.decode(data[skip:], encoding), None
    except UnicodeDecodeError as error:
        good = data[skip : skip + error.start].decode(encoding, errors="replace")
        index = LineIndex(good)
        position = index.position(len(good))
        message = f"the file is not valid {encoding.upper()}: byte {data[skip + error.start]:#04x}"
        return "", SyntaxProblem("SYN006", message, Span(position, position))


def parse(path: str, data: bytes, format: Format | None = None) -> Document:
    """Decode and parse one file; never raises for bad content."""
    if len(data) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        problem = SyntaxProblem("SYN009", f"the file is larger than the {limit} MiB limit", START_OF_FILE)
        return Document(path, "", format or detect_format(path, ""), None, [problem])
    text, decode_problem = decode(path, data)
    kind = format or detect_format(path, text)
    if decode_problem is not None:
        return Document(path, text, kind, None, [decode_problem])
    if not text.strip():
        empty = SyntaxProblem("SYN005", "the file is empty: a persona is a JSON object", START_OF_FILE)
        return Document(path, text, kind, None, [empty])
    if kind == "yaml":
        from linter.document.yamlsource import parse_yaml  # PyYAML is imported only for YAML files

        return parse_yaml(path, text)
    return parse_json(path, text)


def parse_json(path: str, text: str) -> Document:
    duplicated = False

    def build(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal duplicated
        mapping = dict(pairs)
        if len(mapping) != len(pairs):
            duplicated = True
        return mapping

    document = Document(path, text, "json", None)
    try:
        document.value = json.loads(text, object_pairs_hook=build, parse_constant=_reject_constant)
        if text.count("{") + text.count("[") > MAX_DEPTH and _depth(document.value) > MAX_DEPTH:
            raise ValueError("too deep")
    except (ValueError, RecursionError) as error:
        document.value = None
        document.problems.append(_json_problem(document, error))
        return document
    if duplicated:
        locations = document._located()
        for pointer, (start, end) in locations.duplicates:
            key = pointer.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")
            message = f"duplicate key {key!r}: JSON parsers keep only the last one"
            document.problems.append(SyntaxProblem("SYN003", message, document.lines.span(start, end), pointer))
    return document


def _json_problem(document: Document, error: BaseException) -> SyntaxProblem:
    try:
        scan(document.text)
    except JsonScanError as located:
        code = "SYN009" if "deeper than" in located.message else "SYN001"
        span = document.lines.span(located.offset, located.offset + 1)
        return SyntaxProblem(code, located.message, span)
    if isinstance(error, json.JSONDecodeError):
        return SyntaxProblem("SYN001", error.msg, document.lines.span(error.pos, error.pos + 1))
    return SyntaxProblem("SYN001", f"invalid JSON: {error}", START_OF_FILE)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _depth(value: Any) -> int:
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            deepest = max(deepest, depth + 1)
            if deepest > MAX_DEPTH:
                return deepest
            stack.extend((child, depth + 1) for child in item)
    return deepest
