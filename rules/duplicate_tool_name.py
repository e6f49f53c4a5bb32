"""TOOL004: tool names are unique within a tool list."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.tooldefs import item_name, list_label, name_pointer


@rule(code="TOOL004", name="duplicate-tool-name", severity="error")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """Two tools in the same list have the same name.

    Why: tool calls are routed by name, so the second definition shadows the first or the LLM
    provider rejects the request; names must be unique within a list
    (https://platform.openai.com/docs/guides/function-calling). The same name in two different lists
    is TOOL020.
    """
    for list_pointer, items in persona.tool_lists():
        first: dict[str, int] = {}
        for index, item in enumerate(items):
            name = item_name(item)
            if name is None:
                continue
            if name in first:
                where = name_pointer(list_pointer, index, item)
                message = f"tool name {name!r} is already used by {list_label(list_pointer)}[{first[name]}]"
                yield Finding(where, message, hint="rename one of the tools or remove the duplicate")
            else:
                first[name] = index
