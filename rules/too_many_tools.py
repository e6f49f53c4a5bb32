"""TOOL012: at most 50 tools per persona."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.tooldefs import MAX_TOOLS
from linter.util import pointer as ptr


@rule(code="TOOL012", name="too-many-tools", severity="warning")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """The persona declares more than 50 tools across its tool lists.

    Why: Tavus allows at most 50 tools per persona (the official tavus-cli,
    https://pypi.org/project/tavus-cli/); long tool lists also make the model pick the wrong tool
    more often. The finding points at the 51st tool.
    """
    places = [(where, index) for where, items in persona.tool_lists() for index in range(len(items))]
    if len(places) > MAX_TOOLS:
        where, index = places[MAX_TOOLS]
        message = f"the persona declares {len(places)} tools; Tavus allows at most {MAX_TOOLS}"
        yield Finding(ptr.join(where, index), message, hint="merge related tools or remove unused ones")
