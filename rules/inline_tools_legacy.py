"""TOOL019: PALs take tools from the tools registry; inline tool arrays are legacy."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.tooldefs import list_label


@rule(code="TOOL019", name="inline-tools-legacy", severity="info", kinds=("pal",))
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A PAL declares tools inline (`llm.tools`, `perception.visual_tools`, `audio_tools`).

    Why: the PAL docs call inline tools legacy, "do not use for new integrations": create them
    with `POST /v2/tools` and attach them (`tool_ids`) instead (reference section 3, X12;
    section 2.1).

    Example: a `/v2/pals` body with `layers.llm.tools`.
    """
    for list_pointer, items in persona.tool_lists():
        if items and not list_pointer.endswith("/perception_tools"):  # that name is PERC006's
            message = f"inline tools in '{list_label(list_pointer)}' are legacy for PALs"
            hint = "create them with POST /v2/tools and list them in 'tool_ids'"
            yield Finding(list_pointer, message, target="key", hint=hint)
