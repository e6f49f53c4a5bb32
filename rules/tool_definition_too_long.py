"""TOOL011: a tool's description plus its serialized parameters stay within 10,000 characters."""

from __future__ import annotations

import json
from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.tooldefs import MAX_DEFINITION_CHARS, functions


@rule(code="TOOL011", name="tool-definition-too-long", severity="warning")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A tool's description plus its JSON parameters exceed 10,000 characters.

    Why: the Tavus tools registry rejects a tool when `len(description) + len(json.dumps(parameters,
    sort_keys=True))` is over 10,000 (the official tavus-cli, https://pypi.org/project/tavus-cli/);
    every tool definition is also sent with each LLM request, costing context and latency.
    """
    for definition in functions(persona):
        description = definition.function.get("description")
        parameters = definition.function.get("parameters", {})
        try:
            # Tavus measures json.dumps(parameters, sort_keys=True); sorting keys never changes
            # the length, and unsorted is cheaper and accepts keys of mixed types (YAML).
            serialized = json.dumps(parameters)
        except (TypeError, ValueError):
            continue
        size = (len(description) if isinstance(description, str) else 0) + len(serialized)
        if size > MAX_DEFINITION_CHARS:
            message = (
                f"tool {definition.label} has {size:,} characters of description and parameters; "
                f"the Tavus tools registry allows {MAX_DEFINITION_CHARS:,}"
            )
            hint = "shorten the description or move detail to the prompt"
            yield Finding(definition.pointer, message, target="key", hint=hint)
