"""YAML persona files: parsed through PyYAML's node graph so that every value keeps its position.

Values are built from nodes by hand rather than by PyYAML's constructor: that is how duplicate
keys are found (PyYAML keeps the last silently), tags that construct objects are refused, and
alias expansion is bounded (a "billion laughs" file is reported, not expanded).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import yaml

from linter.document.jsonpos import MAX_DEPTH, MAX_VALUES, JsonLocations
from linter.document.model import Document, SyntaxProblem
from linter.document.source import number_problem
from linter.util.pointer import join

_SCALAR_TAGS = {
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
}
_COLLECTION_TAGS = {"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
_STR_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:binary"}


class _Stop(Exception):
    """Building the value stops: a limit is reached (SYN009) or a merge cannot be done (SYN002)."""

    def __init__(self, code: str, message: str, offset: int) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.offset = offset

    def problem(self, document: Document) -> SyntaxProblem:
        """The finding, located at the offset where building stopped."""
        return SyntaxProblem(self.code, self.message, document.lines.span(self.offset, self.offset + 1))


def parse_yaml(path: str, text: str) -> Document:
    """Parse the first YAML document of ``text``; later documents are a problem, not linted."""
    locations = JsonLocations()
    document = Document(path, text, "yaml", None, locations=locations)
    try:
        composed = _compose_with_libyaml(text) or _compose(text, document)
    except _Stop as stop:  # a limit, found while composing or before libyaml composes
        document.problems.append(stop.problem(document))
        return document
    if composed is None:
        return document
    loader, root, more, extra = composed
    if more:
        start = extra.start_mark.index if extra is not None else len(text)
        message = "the file holds several YAML documents; persona-lint reads only the first"
        document.problems.append(SyntaxProblem("SYN007", message, document.lines.span(start, start + 3)))
    if root is None:
        empty = "the YAML document is empty: a persona is a mapping"
        document.problems.append(SyntaxProblem("SYN005", empty, document.lines.span(0, 0)))
        return document
    builder = _Builder(loader, document, locations)
    try:
        document.value = builder.build(root, "", 0)
    except _Stop as stop:
        document.problems.append(stop.problem(document))
        document.value = None
    return document


if TYPE_CHECKING:  # CSafeLoader exists only where PyYAML was built with libyaml
    _Loader = yaml.SafeLoader | yaml.CSafeLoader
    _Composed = tuple[_Loader, yaml.Node | None, bool, yaml.Node | None]
    """The loader (its constructors build scalars), the first document's root, whether another
    document follows, and that document's root."""

_COMPOSE_MAX_DEPTH = MAX_DEPTH + 50
"""Deepest nesting composed. Both composers recurse (libyaml's in C without a depth check, which a
deep file could crash; PyYAML's in Python, two frames a level), so a deeper text is refused
before composing, at its first node deeper than :data:`MAX_DEPTH` (the builder's own limit,
which a text between the two limits reaches, with the builder's finding)."""

MAX_YAML_NODES = MAX_VALUES + 1
"""Most values composed (mapping keys not counted): the limit holds while composing, before a
large file's whole node graph is in memory (5 MiB of ``- 1`` lines took about 1 GB)."""


def _compose_with_libyaml(text: str) -> _Composed | None:
    """The nodes from PyYAML's C parser (15 times faster), or ``None`` to use the Python one.

    Its nodes, tags and marks are those of the Python parser (a test compares the parses of
    every fixture and of generated texts), except that it accepts some tabs the Python parser
    rejects and reads byte-order marks differently: such texts go to the Python parser.
    A text libyaml rejects is composed again in Python, whose messages and positions the SYN
    findings keep. A text beyond the composing limits raises :class:`_Stop`, found by a pass over
    libyaml's events (a loop, not a recursion) that stops at the limit.
    """
    if not yaml.__with_libyaml__ or "\t" in text or "\ufeff" in text:
        return None
    if not _within_limits(text):
        return None
    loader = yaml.CSafeLoader(text)
    try:
        return _first_document(loader)
    except Exception:  # whatever went wrong, the Python parser reports it as it always has
        return None
    finally:
        loader.dispose()


def _within_limits(text: str) -> bool:
    """Whether libyaml may compose ``text``: ``False`` if its composer would fail (the Python
    parser reports why), :class:`_Stop` raised where composing would pass a limit, as
    :class:`_CountingLoader` does. Goes over the events of the documents PyYAML composes (the
    first, and the second if any), each node once."""
    parser = yaml.CSafeLoader(text)
    limits = _Limits()
    mapping_expects_key: list[bool | None] = []  # per open collection; None in a sequence
    anchors: set[str] = set()
    documents = 0
    try:
        while documents < 2:
            event = parser.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                break
            if isinstance(event, yaml.DocumentEndEvent):
                documents += 1
                anchors.clear()
            elif isinstance(event, yaml.CollectionEndEvent):
                mapping_expects_key.pop()
            elif isinstance(event, yaml.NodeEvent):
                # PyYAML's composers refuse an alias before its anchor and an anchor defined twice
                if isinstance(event, yaml.AliasEvent) != (event.anchor in anchors):
                    return False
                if event.anchor is not None:
                    anchors.add(event.anchor)
                top = mapping_expects_key[-1] if mapping_expects_key else None
                if top is not None:
                    mapping_expects_key[-1] = not top
                offset = event.start_mark.index if event.start_mark is not None else 0  # libyaml marks every event
                limits.node(offset, top is True, len(mapping_expects_key))
                if isinstance(event, yaml.CollectionStartEvent):
                    mapping_expects_key.append(True if isinstance(event, yaml.MappingStartEvent) else None)
    except yaml.YAMLError:
        return False
    finally:
        parser.dispose()
    return True


class _Limits:
    """The composing limits, checked node by node in document order by either composer."""

    def __init__(self) -> None:
        self.values = 0
        self.first_too_deep: int | None = None

    def node(self, offset: int, is_key: bool, depth: int) -> None:
        """Count the node starting at ``offset`` with ``depth`` collections around it."""
        if not is_key:
            self.values += 1
            if self.values > MAX_YAML_NODES:
                raise _Stop("SYN009", f"the YAML file holds more than {MAX_VALUES:,} values", offset)
        if depth > MAX_DEPTH and self.first_too_deep is None:
            self.first_too_deep = offset
        if depth > _COMPOSE_MAX_DEPTH:
            raise _Stop("SYN009", f"nesting is deeper than {MAX_DEPTH} levels", self.first_too_deep or 0)


class _CountingLoader(yaml.SafeLoader):
    """PyYAML's safe loader, stopping at the composing limits (:class:`_Limits`)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.limits = _Limits()
        self.depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        # PyYAML composes a mapping key with index None, a value with its key, an item with its index.
        is_key = isinstance(parent, yaml.MappingNode) and index is None
        self.limits.node(self.peek_event().start_mark.index, is_key, self.depth)  # type: ignore[no-untyped-call]
        self.depth += 1
        try:
            node: yaml.Node | None = super().compose_node(parent, index)
        finally:
            self.depth -= 1
        return node


def _compose(text: str, document: Document) -> _Composed | None:
    """The nodes from PyYAML's Python parser, or ``None`` with the problem recorded; a limit
    passed while composing raises :class:`_Stop`."""
    try:
        loader = _CountingLoader(text)
    except yaml.reader.ReaderError as error:  # a character YAML forbids (NUL, most C0 controls)
        span = document.lines.span(error.position, error.position + 1)
        document.problems.append(SyntaxProblem("SYN002", f"character {error.character!r} is not allowed in YAML", span))
        return None
    try:
        return _first_document(loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        offset = mark.index if mark is not None else 0
        message = str(error.problem or error.context or "invalid YAML")
        if "codec can't decode" in message:  # PyYAML passes on the decoder's own words
            where = str(error.context or "").removeprefix("while scanning ") or "a tag"
            message = f"the %XX escapes in {where} do not spell UTF-8 text"
        document.problems.append(SyntaxProblem("SYN002", message, document.lines.span(offset, offset + 1)))
    except yaml.YAMLError as error:  # any other PyYAML error carries no mark
        document.problems.append(SyntaxProblem("SYN002", str(error), document.lines.span(0, 1)))
    except RecursionError:  # PyYAML composes recursively: thousands of levels exhaust the stack
        message = f"nesting is deeper than {MAX_DEPTH} levels"
        document.problems.append(SyntaxProblem("SYN009", message, document.lines.span(0, 1)))
    finally:
        loader.dispose()
    return None


def _first_document(loader: _Loader) -> _Composed:
    root = loader.get_node() if loader.check_node() else None
    more = root is not None and loader.check_node()
    return loader, root, more, loader.get_node() if more else None


class _Builder:
    def __init__(self, loader: _Loader, document: Document, locations: JsonLocations) -> None:
        self.loader = loader
        self.document = document
        self.locations = locations
        self.built: dict[int, Any] = {}
        self.sizes: dict[int, int] = {}
        self.building: set[int] = set()
        self.count = 0

    def build(self, node: yaml.Node, pointer: str, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            message = f"the YAML file expands to more than {MAX_VALUES:,} values (aliases?)"
            raise _Stop("SYN009", message, node.start_mark.index)
        if depth > MAX_DEPTH:
            raise _Stop("SYN009", f"nesting is deeper than {MAX_DEPTH} levels", node.start_mark.index)
        key = id(node)
        if key in self.building:
            raise _Stop("SYN009", "a YAML alias refers to a value that contains it", node.start_mark.index)
        if key in self.built:  # an alias: share the value, count its expanded size, no positions
            self.count += self.sizes[key]
            return self.built[key]
        self.locations.values[pointer] = (node.start_mark.index, node.end_mark.index)
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, pointer)
        if node.tag not in _COLLECTION_TAGS:
            self.problem(node, "SYN010", _tag_message(node), pointer)
        self.building.add(key)
        before = self.count
        if isinstance(node, yaml.SequenceNode):
            value: Any = [self.build(item, join(pointer, i), depth + 1) for i, item in enumerate(node.value)]
        else:
            assert isinstance(node, yaml.MappingNode)
            value = self.mapping(node, pointer, depth)
        self.building.discard(key)
        self.built[key] = value
        self.sizes[key] = self.count - before
        return value

    def mapping(self, node: yaml.MappingNode, pointer: str, depth: int) -> dict[str, Any]:
        try:
            self.loader.flatten_mapping(node)
        except yaml.constructor.ConstructorError as error:  # a merge key ("<<") of something not a mapping
            mark = error.problem_mark or node.start_mark
            raise _Stop("SYN002", str(error.problem), mark.index) from None
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node, "SYN002", "a mapping key must be a plain string")
                continue
            key = str(key_node.value)
            member = join(pointer, key)
            if key_node.tag not in _STR_TAGS and key_node.tag not in _SCALAR_TAGS:  # kept as text, never constructed
                self.problem(key_node, "SYN010", _tag_message(key_node), member)
            span = (key_node.start_mark.index, key_node.end_mark.index)
            if key in result:
                self.locations.duplicates.append((member, span))
                message = f"duplicate key {key!r}: YAML loaders keep only the last one"
                self.problem(key_node, "SYN003", message, member)
            self.locations.keys[member] = span
            result[key] = self.build(value_node, member, depth + 1)
        return result

    def scalar(self, node: yaml.ScalarNode, pointer: str) -> Any:
        if node.tag in _STR_TAGS:
            return node.value
        if node.tag in _SCALAR_TAGS:
            try:
                value = self.loader.yaml_constructors[node.tag](self.loader, node)
            except (ValueError, KeyError, TypeError, ArithmeticError, IndexError):  # `!!int abc`, `!!int ''`
                too_long = number_problem(node.value) if node.tag.endswith(":int") else None
                if too_long is not None:  # int() refuses more than 4,300 decimal digits
                    raise _Stop("SYN009", too_long, node.start_mark.index) from None
                kind = node.tag.rsplit(":", 1)[-1]
                message = f"{_brief(node.value)} is not a valid !!{kind}"
                raise _Stop("SYN002", message, node.start_mark.index) from None
            if isinstance(value, float) and not math.isfinite(value):
                message = f"{_brief(node.value)} is not a number JSON can hold (no NaN or infinity in JSON, RFC 8259)"
                raise _Stop("SYN002", message, node.start_mark.index)
            problem = number_problem(node.value, value) if isinstance(value, int) else None
            if problem is not None:
                raise _Stop("SYN009", problem, node.start_mark.index)
            return value
        self.problem(node, "SYN010", _tag_message(node), pointer)
        return node.value

    def problem(self, node: yaml.Node, code: str, message: str, pointer: str = "") -> None:
        span = self.document.lines.span(node.start_mark.index, node.end_mark.index)
        self.document.problems.append(SyntaxProblem(code, message, span, pointer))



def _brief(text: str) -> str:
    """``text`` quoted for a message: cut, and with anything that cannot be printed escaped."""
    cut = text if len(text) <= 30 else text[:29] + "…"
    return repr(cut.encode("utf-8", "backslashreplace").decode("utf-8"))


_NODE_KINDS: dict[type[yaml.Node], str] = {yaml.SequenceNode: "a sequence", yaml.MappingNode: "a mapping"}


def _tag_message(node: yaml.Node) -> str:
    """Why a node's tag is refused: a standard tag on the wrong kind of node, or any other tag."""
    kind = _NODE_KINDS.get(type(node), "a scalar")
    standard = node.tag.removeprefix("tag:yaml.org,2002:")
    if node.tag in _SCALAR_TAGS | _STR_TAGS and kind != "a scalar":
        return f"YAML tag '!!{standard}' is for a scalar value, but it tags {kind}"
    if node.tag in _COLLECTION_TAGS and kind == "a scalar":
        return f"YAML tag '!!{standard}' is for a collection, but it tags a scalar value"
    return f"YAML tag {node.tag!r} is not allowed in a persona"
