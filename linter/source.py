"""From bytes to a parsed persona document, with syntax problems located and positions on demand."""

from __future__ import annotations

import codecs
import json
from typing import Any, Literal, NamedTuple

from linter.diagnostic import START_OF_FILE, Span
from linter.jsonpos import MAX_DEPTH, JsonLocations, JsonScanError, PathIndex, scan, value_end
from linter.lines import LineIndex
from linter.pointer import parent, split

Format = Literal["json", "yaml"]

MAX_FILE_BYTES = 5 * 1024 * 1024
"""Largest file persona-lint reads; a persona body is a few kilobytes (documented limit)."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class SyntaxProblem(NamedTuple):
    """A finding about the file itself (``SYN`` family), already located."""

    code: str
    message: str
    span: Span
    pointer: str = ""


class Document:
    """A persona file: its text, its parsed value (``None`` when unparsable) and its problems.

    Positions are computed on the first call to :meth:`span`, so a file without findings
    never pays for them.
    """

    __slots__ = ("_lines", "_locations", "_paths", "format", "path", "problems", "text", "value")

    def __init__(
        self, path: str, text: str, format: Format, value: Any,
        problems: list[SyntaxProblem] | None = None, locations: JsonLocations | None = None,
    ) -> None:
        self.path = path
        self.text = text
        self.format = format
        self.value = value
        self.problems = problems if problems is not None else []
        self._locations = locations
        self._lines: LineIndex | None = None
        self._paths: PathIndex | None = None

    def __repr__(self) -> str:
        return f"Document({self.path!r}, format={self.format!r}, problems={self.problems!r})"

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines

    def span(self, pointer: str, target: str = "value") -> Span:
        """Where ``pointer``'s key (``target="key"``) or value is; the nearest ancestor's key if absent."""
        if self._locations is None and self.format == "json" and self.value is not None:
            return self._span_on_path(pointer, target)
        locations = self._located()
        while True:
            where = locations.keys.get(pointer) if target == "key" else None
            where = where or locations.values.get(pointer)
            if where is not None:
                start, end = where
                if target == "key" and pointer not in locations.keys:
                    end = start + 1  # the root has no key: point at its first character
                return self.lines.span(start, end)
            if not pointer:
                return START_OF_FILE
            pointer, target = parent(pointer), "key"

    def _span_on_path(self, pointer: str, target: str) -> Span:
        tokens = split(pointer)
        if self._paths is None:
            self._paths = PathIndex(self.text)
        path = self._paths.locate(tokens)
        key, start = path[-1]
        if len(path) <= len(tokens) or target == "key":  # absent: the deepest ancestor's key
            if key is not None:
                return self.lines.span(*key)
            return self.lines.span(start, start + 1)  # the root and array elements have no key
        return self.lines.span(start, value_end(self.text, start))

    def index_positions(self) -> None:
        """Locate every member at once: worth it before asking for many spans (editor hover);
        a few findings are cheaper with :meth:`span`'s path lookup."""
        self._located()

    def _located(self) -> JsonLocations:
        if self._locations is None:
            try:
                self._locations = scan(self.text)
            except JsonScanError:
                self._locations = JsonLocations()
        return self._locations


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
        from linter.yamlsource import parse_yaml  # PyYAML is imported only for YAML files

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
