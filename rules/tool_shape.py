"""TOOL001: every tool item has the OpenAI shape ``{"type": "function", "function": {...}}``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.redact import show
from linter.tavus.tooldefs import item_name, list_label
from linter.util import pointer as ptr

_WRAP = 'wrap it as {"type": "function", "function": {"name": ..., "description": ..., "parameters": ...}}'


@rule(code="TOOL001", name="tool-shape", severity="error")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A tool is not shaped `{"type": "function", "function": {...}}`.

    Why: Tavus passes tools on in OpenAI's Chat Completions function-tool format
    (https://docs.tavus.io/sections/conversational-video-interface/persona/llm-tool,
    https://platform.openai.com/docs/guides/function-calling). Real personas often list bare names
    (`"tools": ["take_notes"]`) or the flat `{name, description, parameters}` shape of other APIs;
    neither is a tool to the LLM. This finding replaces the schema's findings for that item.
    """
    for list_pointer, items in persona.tool_lists():
        for index, item in enumerate(items):
            problem = _problem(item)
            if problem:
                where = ptr.join(list_pointer, index)
                name = item_name(item) if isinstance(item, dict) else None
                subject = f"tool {name!r}" if name else f"{list_label(list_pointer)}[{index}]"
                message = f"{subject} {problem}"
                yield Finding(where, message, hint=_WRAP, supersedes_schema=True)


def _problem(item: Any) -> str | None:
    name = item_name(item)
    if isinstance(item, str):
        return f"is the bare name {item!r}, not a tool object" if name else f"is the string {show(item)}, not a tool"
    if not isinstance(item, dict):
        return f"is {show(item)}, not a tool object"
    function = item.get("function")
    if function is None:
        if name is not None or "parameters" in item or "description" in item:
            return "uses the flat {name, description, parameters} shape"
        return "has no 'function' object"
    if not isinstance(function, dict):
        return f"has 'function' set to {show(function)}, not an object"
    kind = item.get("type")
    if kind is None:
        return 'lacks "type": "function"'
    if kind != "function":
        return f'has type {show(kind)}; Tavus tools are "function" tools'
    return None

