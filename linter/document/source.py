"""From bytes to a parsed document: decoding, format detection, JSON parsing (YAML in its own module)."""

from __future__ import annotations

import codecs
import json
import math
import re
from typing import Any

from linter.diagnostic import START_OF_FILE, Span
from linter.document.jsonpos import MAX_DEPTH, MAX_VALUES, JsonScanError, scan
from linter.document.lines import LineIndex
from linter.document.model import Document, Format, SyntaxProblem
from linter.util.pointer import join

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
    encoding = _bom_encoding(data) or "utf-8"
    skip = next((len(bom) for bom, name in _BOMS if data.startswith(bom)), 0)
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

        document = parse_yaml(path, text)
    else:
        document = parse_json(path, text)
    if document.value is not None and _SURROGATE_ESCAPE.search(text):
        _reject_lone_surrogates(document)
    encoding = _bom_encoding(data)
    if encoding.startswith("utf-") and encoding != "utf-8":
        message = (
            f"the file is {encoding.upper()} (it starts with a byte-order mark); a JSON body sent over "
            "HTTP must be UTF-8 (RFC 8259)"
        )
        document.problems.insert(0, SyntaxProblem("SYN011", message, START_OF_FILE))
    return document


def _bom_encoding(data: bytes) -> str:
    return next((name for bom, name in _BOMS if data.startswith(bom)), "")


MAX_INT_DIGITS = 4300
"""Python's limit for integer-string conversion (``sys.get_int_max_str_digits``): longer numbers
cannot be parsed or printed, and other JSON parsers lose their precision anyway."""


class NumberOutOfRange(ValueError):
    """A number JSON parsers cannot hold: more than :data:`MAX_INT_DIGITS` digits, or beyond a double."""

    def __init__(self, literal: str, message: str) -> None:
        super().__init__(message)
        self.literal = literal
        self.message = message


def number_problem(literal: str, value: Any = None) -> str | None:
    """Why ``literal`` (or its parsed ``value``) is no usable JSON number, or ``None`` when it is."""
    too_long = value is None and sum(c.isdigit() for c in literal) > MAX_INT_DIGITS
    if too_long or (isinstance(value, int) and value.bit_length() > MAX_INT_DIGITS * 3.32):
        return f"a number of more than {MAX_INT_DIGITS:,} digits: JSON parsers refuse it or lose its precision"
    if isinstance(value, float) and not math.isfinite(value):
        shown = literal if len(literal) <= 24 else literal[:23] + "…"
        return (
            f"the number {shown} is beyond the range of a double (about 1.8e308): "
            "parsers read it as infinity or refuse it (RFC 8259)"
        )
    return None


def _parse_int(literal: str) -> int:
    if len(literal) > MAX_INT_DIGITS:
        raise NumberOutOfRange(literal, number_problem(literal) or "")
    return int(literal)


def _parse_float(literal: str) -> float:
    value = float(literal)
    problem = number_problem(literal, value)
    if problem is not None:
        raise NumberOutOfRange(literal, problem)
    return value


_SURROGATE_ESCAPE = re.compile(r"\\(?:u|U000)[dD][89a-fA-F]")
"""A ``\\uD800``-``\\uDFFF`` escape: the only way a lone surrogate gets into a decoded text."""


def _reject_lone_surrogates(document: Document) -> None:
    """A string or key holding a lone surrogate is not Unicode text
    (https://www.rfc-editor.org/rfc/rfc8259#section-8.2): it cannot be encoded as UTF-8 to be
    sent, so the value is not linted further (as a syntax error)."""
    found = _first_surrogate(document.value, "")
    if found is None:
        return
    pointer, target = found
    span = document.span(pointer, target)
    document.value = None
    message = (
        "a lone surrogate escape (\\uD800-\\uDFFF without its pair) is not Unicode text: the body "
        "cannot be encoded as UTF-8 (RFC 8259)"
    )
    document.problems.append(SyntaxProblem("SYN006", message, span))


def _first_surrogate(value: Any, pointer: str) -> tuple[str, str] | None:
    stack: list[tuple[Any, str]] = [(value, pointer)]
    while stack:
        item, where = stack.pop()
        if isinstance(item, str):
            if _has_surrogate(item):
                return where, "value"
        elif isinstance(item, dict):
            for key, child in item.items():
                member = join(where, key)
                if _has_surrogate(key):
                    return member, "key"
                stack.append((child, member))
        elif isinstance(item, list):
            stack.extend((child, join(where, index)) for index, child in enumerate(item))
    return None


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


class TooManyValues(ValueError):
    """The document holds more than :data:`MAX_VALUES` values."""


def parse_json(path: str, text: str) -> Document:
    duplicated = False
    objects = 0

    def build(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal duplicated, objects
        # Objects are what a huge file costs in memory: parsing stops once they alone pass the limit.
        objects += 1
        if objects > MAX_VALUES:
            raise TooManyValues
        mapping = dict(pairs)
        if len(mapping) != len(pairs):
            duplicated = True
        return mapping

    document = Document(path, text, "json", None)
    try:
        document.value = json.loads(
            text, object_pairs_hook=build, parse_constant=_reject_constant,
            parse_int=_parse_int, parse_float=_parse_float,
        )
        # Counting brackets bounds the depth, and ':', ',' and '[' (every value but the root follows
        # one) the values, in C: only a text that might pass a limit is walked.
        may_be_deep = text.count("{") + text.count("[") > MAX_DEPTH
        may_be_large = 1 + text.count(":") + text.count(",") + text.count("[") > MAX_VALUES
        if may_be_deep or may_be_large:
            depth, values = _measure(document.value)
            if depth > MAX_DEPTH:
                raise ValueError("too deep")
            if values > MAX_VALUES:
                raise TooManyValues
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
    if isinstance(error, TooManyValues):
        return SyntaxProblem("SYN009", f"the JSON file holds more than {MAX_VALUES:,} values", START_OF_FILE)
    if isinstance(error, NumberOutOfRange):
        found = re.search(r"(?<![\w.+-])" + re.escape(error.literal) + r"(?![\w.+-])", document.text)
        start = found.start() if found else 0
        return SyntaxProblem("SYN009", error.message, document.lines.span(start, start + len(error.literal)))
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


def _measure(value: Any) -> tuple[int, int]:
    """How many arrays and objects nest in ``value`` (counting stops past :data:`MAX_DEPTH`), and
    how many values it holds at any depth, itself included.

    Level by level over the containers only: most members of a persona are strings, which this
    walk never stacks."""
    depth, values, level = 0, 1, [value] if isinstance(value, (dict, list)) else []
    while level and depth <= MAX_DEPTH:
        depth += 1
        below: list[Any] = []
        for item in level:
            children = item.values() if isinstance(item, dict) else item
            values += len(children)
            below += [child for child in children if isinstance(child, (dict, list))]
        level = below
    return depth, values
