"""A parsed persona file and the syntax problems found in it, with positions on demand."""

from __future__ import annotations

from typing import Any, Literal, NamedTuple

from linter.diagnostic import START_OF_FILE, Fix, Span
from linter.document.jsonpos import JsonLocations, JsonScanError, PathIndex, scan, value_end
from linter.document.lines import LineIndex
from linter.util.pointer import parent, split

Format = Literal["json", "yaml"]


class SyntaxProblem(NamedTuple):
    """A finding about the file itself (``SYN`` family), already located."""

    code: str
    message: str
    span: Span
    pointer: str = ""
    hint: str | None = None
    fix: Fix | None = None


class Document:
    """A persona file: its text, its parsed value (``None`` when unparsable) and its problems.

    Positions are computed on the first call to :meth:`span`, so a file without findings
    never pays for them.
    """

    __slots__ = ("_lines", "_locations", "_paths", "_value_ends", "format", "path", "problems", "text", "value")

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
        # Where each located value ends: many findings on one long value (a prompt) scan it once.
        self._value_ends: dict[int, int] = {}

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
        end = self._value_ends.get(start)
        if end is None:
            end = self._value_ends[start] = value_end(self.text, start)
        return self.lines.span(start, end)

    def locations(self) -> JsonLocations:
        """Where every member's key and value are (offsets into :attr:`text`), for edits."""
        return self._located()

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
