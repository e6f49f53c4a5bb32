"""TOOL020: the same tool name in two different tool lists."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.tooldefs import item_name, list_label, name_pointer

_SAME_LIST = frozenset({"/layers/perception/perception_tools", "/layers/perception/visual_tools"})
"""The legacy and the new name of one list: setting both is PERC007's finding."""


@rule(code="TOOL020", name="duplicate-tool-name-across-lists", severity="warning")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A tool name is declared in two lists (for example `llm.tools` and `perception.visual_tools`).

    Why: tool-call events name the tool, so your client cannot tell which definition fired without
    looking at the modality; the Tavus tools registry requires names unique per account
    (https://docs.tavus.io/api-reference/tools/create-tool; the official tavus-cli,
    https://pypi.org/project/tavus-cli/). Give each tool its own name.
    """
    first: dict[str, str] = {}
    for list_pointer, items in persona.tool_lists():
        seen_here: set[str] = set()
        for index, item in enumerate(items):
            name = item_name(item)
            if name is None or name in seen_here:
                continue
            seen_here.add(name)
            other = first.get(name)
            if other is None:
                first[name] = list_pointer
            elif {other, list_pointer} != _SAME_LIST:
                where = name_pointer(list_pointer, index, item)
                message = f"tool name {name!r} is also declared in {list_label(other)}"
                yield Finding(where, message, hint="give the tools distinct names")
