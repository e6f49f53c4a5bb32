"""From a fix's JSON-Pointer edits to replacements on spans of the original text.

Only the spans an edit names change: indentation, key order, quotes, line endings, comments,
anchors and flow style elsewhere stay byte for byte. An edit that cannot be expressed on spans
(a YAML block scalar replaced, the only member of a YAML block mapping removed) resolves to
``None``, and its fix is left out rather than the file reformatted.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from itertools import pairwise

import yaml

from linter.diagnostic import (
    AddMember,
    Edit,
    Fix,
    Hoist,
    JsonValue,
    RemoveMember,
    RemoveText,
    RenameKey,
    ReplaceValue,
)
from linter.document.jsonpos import JsonLocations
from linter.document.model import Document
from linter.util import pointer as ptr


@dataclass(frozen=True, slots=True, order=True)
class TextEdit:
    """Replace ``text[start:end]`` with ``replacement`` (an insertion when ``start == end``)."""

    start: int
    end: int
    replacement: str


def text_edits(document: Document, fix: Fix) -> tuple[TextEdit, ...] | None:
    """The replacements that make ``fix`` on ``document``, or ``None`` when one edit cannot be made."""
    if document.value is None:
        return None
    resolver = _Resolver(document)
    edits: list[TextEdit] = []
    for edit in fix.edits:
        resolved = resolver.resolve(edit)
        if resolved is None:
            return None
        edits.append(resolved)
    edits.sort()
    if any(_clash(a, b) for a, b in pairwise(edits)):
        return None  # a fix whose own edits overlap is a rule bug: leave it out
    return tuple(edits)


def apply(text: str, edits: list[TextEdit]) -> str:
    """``text`` with non-overlapping ``edits`` made (sorted or not)."""
    parts: list[str] = []
    cursor = 0
    for edit in sorted(edits):
        parts.append(text[cursor:edit.start])
        parts.append(edit.replacement)
        cursor = edit.end
    parts.append(text[cursor:])
    return "".join(parts)


def overlaps(edit: TextEdit, taken: list[TextEdit]) -> bool:
    """Whether ``edit`` touches a span already taken (two edits starting at one place also clash)."""
    return any(_clash(edit, other) for other in taken)


def _clash(a: TextEdit, b: TextEdit) -> bool:
    if a.start == b.start:
        return True
    first, second = (a, b) if a.start < b.start else (b, a)
    return first.end > second.start


class _Resolver:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.text = document.text
        self.yaml = document.format == "yaml"
        self.locations: JsonLocations = document.locations()
        self.newline = "\r\n" if "\r\n" in self.text else "\r" if "\r" in self.text and "\n" not in self.text else "\n"

    def resolve(self, edit: Edit) -> TextEdit | None:
        if isinstance(edit, ReplaceValue):
            return self._replace(edit.pointer, edit.value)
        if isinstance(edit, RenameKey):
            return self._rename(edit.pointer, edit.new_key)
        if isinstance(edit, RemoveMember):
            return self._remove(edit.pointer)
        if isinstance(edit, Hoist):
            return self._hoist(edit.pointer)
        if isinstance(edit, RemoveText):
            return TextEdit(edit.start, edit.end, "") if edit.end <= len(self.text) else None
        return self._add(edit)

    def _hoist(self, pointer: str) -> TextEdit | None:
        root, inner = self.locations.values.get(""), self.locations.values.get(pointer)
        if root is None or inner is None or (self.yaml and self.text[inner[0]] not in "{["):
            return None  # a YAML block value keeps its meaning only at its own indentation
        text = self.text[inner[0]:inner[1]]
        line_start = self.text.rfind("\n", 0, inner[0]) + 1
        indent = self.text[line_start:inner[0]]
        depth = len(indent) - len(indent.lstrip(" "))
        lines = text.split("\n")
        if depth and all(line.startswith(" " * depth) or not line.strip() for line in lines[1:]):
            text = "\n".join([lines[0], *(line[depth:] for line in lines[1:])])
        return TextEdit(root[0], root[1], text)

    # -- replace and rename -------------------------------------------------------------------

    def _replace(self, pointer: str, value: JsonValue) -> TextEdit | None:
        where = self.locations.values.get(pointer)
        if where is None:
            return None
        start, end = where
        old = self.text[start:end]
        if self.yaml:
            rendered = _yaml_scalar(value) if not isinstance(value, (dict, list)) else _json(value)
            if rendered is None:
                return None
            if old[:1] in ("|", ">") or (old[:1] not in ("{", "[") and "\n" in old.rstrip()):
                # A block value: the flow value goes on its key's line, in place of the block.
                return self._after_colon(pointer, end, rendered)
            return TextEdit(start, start + len(old.rstrip()), rendered)
        return TextEdit(start, end, self._json_value(value, start, multiline="\n" in old))

    def _rename(self, pointer: str, new_key: str) -> TextEdit | None:
        where = self.locations.keys.get(pointer)
        if where is None:
            return None
        start, end = where
        if self.yaml:
            rendered = _yaml_key(new_key, quoted=self.text[start] in "'\"")
            return TextEdit(start, end, rendered) if rendered is not None else None
        return TextEdit(start, end, json.dumps(new_key, ensure_ascii=False))

    # -- remove ---------------------------------------------------------------------------------

    def _siblings(self, parent: str) -> list[str]:
        """The members of the container at ``parent``, in text order."""
        values = self.locations.values
        found = [p for p in values if p and ptr.parent(p) == parent and p != parent]
        return sorted(found, key=self._member_start)

    def _member_start(self, pointer: str) -> int:
        key = self.locations.keys.get(pointer)
        return key[0] if key is not None else self.locations.values[pointer][0]

    def _member_end(self, pointer: str) -> int:
        """Where the member's value ends; for a YAML alias (located at its anchor), its key's line end."""
        start, end = self.locations.values[pointer]
        if start < self._member_start(pointer):
            key_end = self.locations.keys[pointer][1]
            newline = self.text.find("\n", key_end)
            return len(self.text) if newline < 0 else newline
        return end

    def _remove(self, pointer: str) -> TextEdit | None:
        if pointer not in self.locations.values:
            return None
        parent = ptr.parent(pointer)
        container = self.locations.values.get(parent)
        if container is None:
            return None
        siblings = self._siblings(parent)
        index = siblings.index(pointer)
        flow = self.text[container[0]] in "{["
        if self.yaml and not flow:
            return self._remove_block_line(pointer, siblings, index)
        start, end = self._member_start(pointer), self.locations.values[pointer][1]
        if index > 0:  # from the end of the previous member: its comma and our text go
            start = self.locations.values[siblings[index - 1]][1]
            if self.yaml:
                end = len(self.text[:end].rstrip()) if not self.text[start:end].strip().endswith(("}", "]")) else end
            return TextEdit(start, end, "")
        if len(siblings) > 1:  # the first of several: up to the next member
            return TextEdit(start, self._member_start(siblings[1]), "")
        open_end = container[0] + 1
        close = container[1] - 1
        return TextEdit(open_end, close, "")  # the only member: an empty {} or []

    def _remove_block_line(self, pointer: str, siblings: list[str], index: int) -> TextEdit | None:
        text = self.text
        if len(siblings) == 1:  # the mapping becomes {} (removing the lines alone would leave null)
            return self._empty_block(ptr.parent(pointer), pointer)
        member_start = self._member_start(pointer)
        line_start = text.rfind("\n", 0, member_start) + 1
        before = text[line_start:member_start]
        if before.strip() not in ("", "-"):
            return None  # a member that shares its line (`- key: value`) is not removed by lines
        if before.strip() == "-" and self.locations.keys.get(pointer) is not None:
            return None
        if index + 1 < len(siblings):
            following = self._member_start(siblings[index + 1])
            following_line = text.rfind("\n", 0, following) + 1
            if text[following_line:following].strip() not in ("", "-"):
                return None
            return TextEdit(line_start, following_line, "")
        return TextEdit(line_start, _line_after(text, self._member_end(pointer)), "")

    def _empty_block(self, parent: str, only: str) -> TextEdit | None:
        if self.locations.keys.get(only) is None:
            return None  # a sequence item
        return self._after_colon(parent, self._member_end(only), "{}")

    def _after_colon(self, pointer: str, value_end: int, rendered: str) -> TextEdit | None:
        """``key: rendered`` in place of a block value: from the key's colon to the block's last line."""
        key = self.locations.keys.get(pointer)
        if key is None:
            return None  # the root or a sequence item: no key line to write on
        colon = key[1]
        while colon < len(self.text) and self.text[colon] in " \t":
            colon += 1
        if colon >= len(self.text) or self.text[colon] != ":":
            return None
        end = _line_after(self.text, value_end)
        newline = self.newline if self.text[end - 1:end] in ("\n", "\r") else ""
        return TextEdit(colon + 1, end, f" {rendered}{newline}")

    # -- add ------------------------------------------------------------------------------------

    def _add(self, edit: AddMember) -> TextEdit | None:
        container = self.locations.values.get(edit.parent_pointer)
        if container is None or self.text[container[0]] == "[":
            return None
        if ptr.join(edit.parent_pointer, edit.key) in self.locations.values:
            return None  # the member exists: a ReplaceValue is the right edit
        siblings = self._siblings(edit.parent_pointer)
        flow = self.text[container[0]] == "{"
        if self.yaml and not flow:
            return self._add_block_line(edit, siblings)
        if not siblings:
            open_end = container[0] + 1
            member = self._flow_member(edit, open_end, multiline=False)
            return TextEdit(open_end, container[1] - 1, member) if member is not None else None
        last = siblings[-1]
        last_start = self._member_start(last)
        gap_start = self.text.rfind(",", 0, last_start) + 1 if len(siblings) > 1 else container[0] + 1
        gap = self.text[gap_start:last_start]
        member = self._flow_member(edit, last_start, multiline="\n" in gap)
        end = self.locations.values[last][1]
        if self.yaml:
            end = len(self.text[:end].rstrip())
        return TextEdit(end, end, f",{gap or ' '}{member}") if member is not None else None

    def _flow_member(self, edit: AddMember, at: int, multiline: bool) -> str | None:
        """``key: value`` for a JSON object or a YAML flow mapping."""
        if not self.yaml:
            return json.dumps(edit.key, ensure_ascii=False) + ": " + self._json_value(edit.value, at, multiline)
        key = _yaml_key(edit.key, quoted=False)
        value = _yaml_scalar(edit.value) if not isinstance(edit.value, (dict, list)) else _json(edit.value)
        return None if key is None or value is None else f"{key}: {value}"

    def _add_block_line(self, edit: AddMember, siblings: list[str]) -> TextEdit | None:
        if not siblings:
            return None
        text = self.text
        first = self._member_start(siblings[0])
        indent = first - (text.rfind("\n", 0, first) + 1)
        if text[first - indent:first].strip():
            return None
        key = _yaml_key(edit.key, quoted=False)
        value = _yaml_scalar(edit.value) if not isinstance(edit.value, (dict, list)) else _yaml_block(
            edit.value, indent, self.newline
        )
        if key is None or value is None:
            return None
        # The block's own end, not its last located member's: a member whose value is an alias has no location.
        block_end = self.locations.values[edit.parent_pointer][1]
        at = _line_after(text, max(self._member_end(siblings[-1]), len(text[:block_end].rstrip())))
        line = " " * indent + f"{key}:{'' if value.startswith(self.newline) else ' '}{value}"
        if at == len(text) and not text.endswith(("\n", "\r")):
            return TextEdit(at, at, self.newline + line)
        return TextEdit(at, at, line + self.newline)

    # -- rendering ------------------------------------------------------------------------------

    def _json_value(self, value: JsonValue, at: int, multiline: bool) -> str:
        if not multiline or not isinstance(value, (dict, list)) or not value:
            return _json(value)
        line_start = self.text.rfind("\n", 0, at) + 1
        base = len(self.text[line_start:at]) - len(self.text[line_start:at].lstrip(" \t"))
        unit = _indent_unit(self.text)
        rendered = json.dumps(value, ensure_ascii=False, indent=unit)
        return rendered.replace("\n", self.newline + " " * base)


def _json(value: JsonValue) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "), allow_nan=False)


def _indent_unit(text: str) -> int:
    for line in text.splitlines()[1:]:
        stripped = line.lstrip(" ")
        if stripped and len(line) > len(stripped):
            return len(line) - len(stripped)
    return 2


def _line_after(text: str, offset: int) -> int:
    """The start of the line after the one ``offset`` is on (or ``offset`` if a line starts there)."""
    back = offset
    while back > 0 and text[back - 1] in " \t":
        back -= 1
    if back == 0 or text[back - 1] in "\n\r":
        return back
    newline = text.find("\n", offset)
    return len(text) if newline < 0 else newline + 1


def _yaml_scalar(value: JsonValue) -> str | None:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else None
    if isinstance(value, str):
        return _plain(value) or json.dumps(value, ensure_ascii=False)
    return None


def _yaml_block(value: dict[str, JsonValue] | list[JsonValue], indent: int, newline: str) -> str | None:
    """A collection as block YAML below a key at ``indent`` (flow ``{}``/``[]`` when empty)."""
    if not value:
        return _json(value)
    try:
        dumped = yaml.safe_dump(value, default_flow_style=False, sort_keys=False, allow_unicode=True, width=10_000)
    except yaml.YAMLError:
        return None
    inner = " " * (indent + 2)
    return "".join(newline + inner + line for line in dumped.rstrip("\n").split("\n"))


def _yaml_key(key: str, quoted: bool) -> str | None:
    return json.dumps(key, ensure_ascii=False) if quoted else _plain(key) or json.dumps(key, ensure_ascii=False)


def _plain(value: str) -> str | None:
    """``value`` as a plain YAML scalar when it reads back as the same string, else ``None``."""
    if not value or value != value.strip() or any(c in value for c in ":#{}[],&*!|>'\"%@`\n\r\t"):
        return None
    try:
        return value if yaml.safe_load(value) == value else None
    except yaml.YAMLError:
        return None
