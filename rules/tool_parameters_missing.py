"""TOOL006: every tool declares a parameters schema."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.tooldefs import functions

_HINT = 'declare its arguments, or "parameters": {"type": "object", "properties": {}, "required": []} for none'


@rule(code="TOOL006", name="tool-parameters-missing", severity="warning")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A tool has no `parameters` schema, or an empty `{}` one.

    Why: Tavus' tool tables mark `parameters` required and expect an object schema with `properties`
    and `required` (https://docs.tavus.io/sections/conversational-video-interface/persona/llm-tool);
    OpenAI treats a missing schema as "no arguments". State that explicitly with an empty object
    schema.
    """
    for definition in functions(persona):
        parameters = definition.function.get("parameters")
        if parameters is None:
            message = f"tool {definition.label} has no parameters schema"
            yield Finding(definition.pointer, message, target="key", hint=_HINT)
        elif parameters == {}:
            message = f"tool {definition.label} has an empty parameters schema"
            yield Finding(definition.at("parameters"), message, hint=_HINT)
