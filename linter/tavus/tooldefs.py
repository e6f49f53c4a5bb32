"""Function tools as the TOOL and PERC rules read them: definitions, limits and schema walks.

Limits come from the official tavus-cli's tools registry models (https://pypi.org/project/tavus-cli/),
Tavus' tool pages and OpenAI's function-calling format
(https://platform.openai.com/docs/guides/function-calling).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from linter.tavus.persona import TOOL_LIST_POINTERS, Persona
from linter.util import pointer as ptr
from linter.util.lazy_regex import LazyPattern

MAX_TOOLS = 50
"""At most 50 tools per persona (the tavus-cli tools registry)."""
MAX_DEFINITION_CHARS = 10_000
"""``len(description) + len(json.dumps(parameters, sort_keys=True))`` limit (the tavus-cli tools registry)."""
RESERVED_PARAMETER_PREFIX = "tavus_"
"""Parameter names with this prefix are reserved for system placeholders (the tavus-cli tools registry)."""
OPENAI_NAME = LazyPattern(r"[a-zA-Z0-9_-]{1,64}")
"""OpenAI's tool-name validation; the schema checks it."""
REGISTRY_NAME = LazyPattern(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
"""The Tavus tools registry's stricter name rule (https://docs.tavus.io/api-reference/tools/create-tool)."""
SNAKE_CASE = LazyPattern(r"[a-z_][a-z0-9_]*")
RAVEN_ENTRY_CHARS = 1_000
"""Per-entry limit of Raven queries, prompts and tool strings (https://docs.tavus.io/sections/conversational-video-interface/persona/perception-tool)."""
RAVEN_ENTRY_CHARS_LENIENT = 10_000
"""The same limit as the Perception page states it (https://docs.tavus.io/sections/conversational-video-interface/persona/perception)."""

_SUBSCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SUBSCHEMA_LISTS = ("prefixItems", "anyOf", "oneOf", "allOf")
_SUBSCHEMAS = (
    "items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames",
    "unevaluatedItems", "unevaluatedProperties",
)


def list_label(list_pointer: str) -> str:
    """``layers.llm.tools`` for ``/layers/llm/tools``."""
    return ptr.display(list_pointer)


class FunctionDef:
    """One tool item shaped ``{"type": ..., "function": {...}}``, with where it is."""

    __slots__ = ("function", "index", "list_pointer", "pointer")

    def __init__(self, list_pointer: str, index: int, function: dict[str, Any]) -> None:
        self.list_pointer = list_pointer
        self.index = index
        self.function = function
        self.pointer = ptr.join(list_pointer, index, "function")
        """The pointer of the ``function`` object (built once: every tool rule asks for it)."""

    def __repr__(self) -> str:
        return f"FunctionDef({self.list_pointer!r}, {self.index!r}, {self.function!r})"

    def at(self, *tokens: str | int) -> str:
        """A pointer inside the ``function`` object."""
        return ptr.join(self.pointer, *tokens)

    @property
    def name(self) -> str | None:
        name = self.function.get("name")
        return name if isinstance(name, str) else None

    @property
    def label(self) -> str:
        """How messages name the tool: its name, or its place when it has none."""
        return repr(self.name) if self.name else f"{list_label(self.list_pointer)}[{self.index}]"

    def place(self, pointer: str) -> str:
        """A pointer inside the function as people read it: ``parameters.properties.city``."""
        inside = pointer.startswith(self.pointer + "/")
        return ptr.display(pointer[len(self.pointer):] if inside else pointer)

    @property
    def parameters(self) -> dict[str, Any] | None:
        """``parameters`` when it is an object (the schema reports other types)."""
        parameters = self.function.get("parameters")
        return parameters if isinstance(parameters, dict) else None


def functions(persona: Persona, lists: tuple[str, ...] = TOOL_LIST_POINTERS) -> Iterator[FunctionDef]:
    """Every tool whose ``function`` is an object, in ``lists`` (all tool arrays by default)."""
    return iter(persona.memo(("functions", lists), lambda: tuple(_functions(persona, lists))))


def _functions(persona: Persona, lists: tuple[str, ...]) -> Iterator[FunctionDef]:
    for list_pointer in lists:
        for index, item in enumerate(persona.get_list(list_pointer)):
            function = item.get("function") if isinstance(item, dict) else None
            if isinstance(function, dict):
                yield FunctionDef(list_pointer, index, function)


def item_name(item: Any) -> str | None:
    """The name a tool item declares, whatever its shape: ``function.name``, a flat ``name``, or a bare string."""
    if isinstance(item, str):
        return item if OPENAI_NAME.fullmatch(item) else None
    if not isinstance(item, dict):
        return None
    function = item.get("function")
    name = function.get("name") if isinstance(function, dict) else item.get("name")
    return name if isinstance(name, str) and name else None


def name_pointer(list_pointer: str, index: int, item: Any) -> str:
    """Where an item's name is: ``function/name`` for a well-shaped tool, else the item itself."""
    if isinstance(item, dict) and isinstance(item.get("function"), dict):
        return ptr.join(list_pointer, index, "function", "name")
    return ptr.join(list_pointer, index)


def declared_names(persona: Persona, lists: tuple[str, ...] = TOOL_LIST_POINTERS) -> tuple[str, ...]:
    """Every tool name declared in ``lists``, in order (bare and flat tools included)."""
    return persona.memo(("declared_names", lists), lambda: tuple(
        name for list_pointer in lists for name in map(item_name, persona.get_list(list_pointer)) if name
    ))


def malformed_lists(persona: Persona, lists: tuple[str, ...] = TOOL_LIST_POINTERS) -> bool:
    """True when a tool list is present but not an array: its tools cannot be known.

    Rules comparing prompts with declared tools stay quiet then; the schema reports the list.
    """
    return any(value is not None and not isinstance(value, list) for value in map(persona.get, lists))


def parameter_names(persona: Persona, lists: tuple[str, ...] = TOOL_LIST_POINTERS) -> frozenset[str]:
    """The top-level parameter names of every tool in ``lists``."""
    return persona.memo(("parameter_names", lists), lambda: frozenset(_parameter_names(persona, lists)))


def _parameter_names(persona: Persona, lists: tuple[str, ...]) -> Iterator[str]:
    for definition in functions(persona, lists):
        properties = (definition.parameters or {}).get("properties")
        if isinstance(properties, dict):
            yield from map(str, properties)


def object_schemas(definition: FunctionDef) -> Iterator[tuple[str, dict[str, Any]]]:
    """The object schemas in a tool's parameters: nodes typed ``object`` or holding ``properties``.

    Subschemas of ``allOf``/``if``/... that only add ``required`` to their parent are left out.
    """
    for where, node in schema_nodes(definition.parameters, definition.at("parameters")):
        if node.get("type") == "object" or isinstance(node.get("properties"), dict):
            yield where, node


def properties(parameters: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """The top-level ``properties`` of a parameters schema, when it is an object."""
    found = parameters.get("properties")
    if isinstance(found, dict):
        yield from found.items()


def schema_nodes(schema: Any, pointer: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """``schema`` and every subschema below it (object schemas only), with their pointers.

    Walks keywords, never data: a property *named* ``pattern`` or ``enum`` is a key of
    ``properties``, not a keyword.
    """
    if not isinstance(schema, dict):
        return iter(())
    # Several rules walk every tool's schema: walk each once (documents are never mutated; the
    # entry keeps ``schema`` alive, so its id cannot be reused while cached).
    key = (id(schema), pointer)
    cached = _WALKED.get(key)
    if cached is None or cached[0] is not schema:
        if len(_WALKED) >= 512:
            _WALKED.clear()
        cached = _WALKED[key] = (schema, tuple(_schema_nodes(schema, pointer)))
    return iter(cached[1])


_WALKED: dict[tuple[int, str], tuple[dict[str, Any], tuple[tuple[str, dict[str, Any]], ...]]] = {}


def _schema_nodes(schema: dict[str, Any], pointer: str) -> Iterator[tuple[str, dict[str, Any]]]:
    # Depth first, parents before children, in keyword order; a stack instead of nested generators.
    # A node is asked only for the keywords it has (most have two or three keys, none of them
    # subschema keywords), and pointers are built only for subschemas that exist.
    stack: list[tuple[str, dict[str, Any]]] = [(pointer, schema)]
    while stack:
        where, node = stack.pop()
        yield where, node
        keywords = [key for key in node if key in _KEYWORD_ORDER]
        if not keywords:
            continue
        keywords.sort(key=_KEYWORD_ORDER.__getitem__)
        children: list[tuple[str, dict[str, Any]]] = []
        for keyword in keywords:
            members = node[keyword]
            kind = _KEYWORD_KIND[keyword]
            if kind == "map" and isinstance(members, dict):
                children.extend(
                    (f"{where}/{keyword}/{ptr.escape(name)}", member) for name, member in members.items()
                    if isinstance(member, dict)
                )
            elif kind == "list" and isinstance(members, list):
                children.extend(
                    (f"{where}/{keyword}/{index}", member) for index, member in enumerate(members)
                    if isinstance(member, dict)
                )
            elif kind == "one" and isinstance(members, dict):
                children.append((f"{where}/{keyword}", members))
        stack.extend(reversed(children))


_KEYWORD_KIND = {
    **{keyword: "map" for keyword in _SUBSCHEMA_MAPS},
    **{keyword: "list" for keyword in _SUBSCHEMA_LISTS},
    **{keyword: "one" for keyword in _SUBSCHEMAS},
}
_KEYWORD_ORDER = {keyword: order for order, keyword in enumerate(_KEYWORD_KIND)}


class PerceptionGroup(NamedTuple):
    """Perception tools and the prompts that steer them, for one modality."""

    modality: str
    prompt_keys: tuple[str, ...]
    tool_keys: tuple[str, ...]

    @property
    def tool_lists(self) -> tuple[str, ...]:
        return tuple(f"/layers/perception/{key}" for key in self.tool_keys)

    def names(self, renamed: bool) -> tuple[str, str]:
        """The ``(prompt, tools)`` keys to suggest: the legacy ones before the 2026-02 rename."""
        index = 0 if renamed else -1
        return self.prompt_keys[index], self.tool_keys[index]


PERCEPTION_GROUPS = (
    # The legacy names (renamed visual_* in 2026-02) steer the same visual tools (Perception page).
    PerceptionGroup("visual", ("visual_tool_prompt", "perception_tool_prompt"), ("visual_tools", "perception_tools")),
    PerceptionGroup("audio", ("audio_tool_prompt",), ("audio_tools",)),
)
AUDIO_FIELDS = ("audio_awareness_queries", "audio_tool_prompt", "audio_tools")
"""Raven-1-only perception fields (https://docs.tavus.io/sections/conversational-video-interface/persona/perception)."""
PERCEPTION_TOOL_LISTS = tuple(
    f"/layers/perception/{key}" for key in ("perception_tools", "visual_tools", "audio_tools")
)


def group_prompts(persona: Persona, group: PerceptionGroup) -> list[tuple[str, str]]:
    """The group's non-blank tool prompts, as ``(key, text)``."""
    perception = persona.layer("perception")
    prompts = [(key, perception.get(key)) for key in group.prompt_keys]
    return [(key, text) for key, text in prompts if isinstance(text, str) and text.strip()]


def group_tools(persona: Persona, group: PerceptionGroup) -> list[tuple[str, list[Any]]]:
    """The group's non-empty tool arrays, as ``(key, items)``."""
    perception = persona.layer("perception")
    lists = [(key, perception.get(key)) for key in group.tool_keys]
    return [(key, items) for key, items in lists if isinstance(items, list) and items]


MAX_PATTERN_CHARS = 1_000
"""Longer ``pattern``s are not compiled (a cost bound on hostile input), only reported."""


def parameter_patterns(definition: FunctionDef) -> Iterator[tuple[str, str, str]]:
    """Every regular expression in a tool's parameters: ``(pointer, pattern, target)``.

    ``pattern`` values, and the keys of ``patternProperties`` (pointed at as keys).
    """
    for where, node in schema_nodes(definition.parameters, definition.at("parameters")):
        pattern = node.get("pattern")
        if isinstance(pattern, str):
            yield ptr.join(where, "pattern"), pattern, "value"
        keyed = node.get("patternProperties")
        if isinstance(keyed, dict):
            for key in keyed:
                yield ptr.join(where, "patternProperties", key), str(key), "key"


def nested_quantifier(pattern: str) -> bool:
    """Whether ``pattern`` repeats a group whose every part repeats: ``(a+)+``, ``(.*)*``, ``(\\w+\\s?)*``.

    Such shapes backtrack exponentially on near-miss input. A group with a fixed part, such as
    ``([a-z]+,)*``, splits its input one way only and is not reported. The pattern is scanned as
    text, never run.
    """
    stack = [_Group()]
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "(":
            prefix = _GROUP_PREFIX.match(pattern, index + 1)
            stack.append(_Group())
            index = prefix.end() if prefix else index + 1
            continue
        if char in "|^$" or (char == ")" and len(stack) == 1):
            index += 1
            continue
        inner = stack.pop() if char == ")" else None
        end = _atom_end(pattern, index)
        quantifier = _QUANTIFIER.match(pattern, end)
        unbounded = bool(quantifier and quantifier.group(1))
        if inner is not None and unbounded and inner.unbounded and not inner.fixed:
            return True
        group = stack[-1]
        group.unbounded = group.unbounded or unbounded or bool(inner and inner.unbounded)
        if not quantifier:
            group.fixed = group.fixed or (inner.fixed if inner is not None else True)
        index = quantifier.end() if quantifier else end
    return False


class _Group:
    __slots__ = ("fixed", "unbounded")

    def __init__(self) -> None:
        self.unbounded = False  # holds a part repeated without bound
        self.fixed = False  # holds a part that must match exactly once


_GROUP_PREFIX = LazyPattern(r"\?(?:P?<[A-Za-z_]\w*>|<[=!]|[:=!>]|P=\w+\)?|[aiLmsux-]*:)")
_QUANTIFIER = LazyPattern(r"(?:([*+]|\{\d*,\})|\?|\{\d+(?:,\d+)?\})[?+]?")


def _atom_end(pattern: str, index: int) -> int:
    """Where the atom starting at ``index`` ends (a ``)`` closes a group atom)."""
    char = pattern[index]
    if char == "\\":
        return index + 2
    if char == "[":
        return _class_end(pattern, index) + 1
    return index + 1


def _class_end(pattern: str, start: int) -> int:
    """Index of the ``]`` closing the character class opened at ``start``."""
    index = start + 1
    if index < len(pattern) and pattern[index] == "^":
        index += 1
    if index < len(pattern) and pattern[index] == "]":
        index += 1
    while index < len(pattern) and pattern[index] != "]":
        index += 2 if pattern[index] == "\\" else 1
    return index
