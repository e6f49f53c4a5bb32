"""TOOL005: every tool has a non-empty description."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.tooldefs import functions


@rule(code="TOOL005", name="tool-description-missing", severity="warning")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A tool has no `description`, or an empty one.

    Why: the description is how the model (or Raven) decides when to call the tool; Tavus' tool
    tables mark it required and the tools registry rejects an empty one, although OpenAI makes it
    optional (https://docs.tavus.io/sections/conversational-video-interface/persona/llm-tool; the
    official tavus-cli, https://pypi.org/project/tavus-cli/;
    https://platform.openai.com/docs/guides/function-calling).
    """
    for definition in functions(persona):
        description = definition.function.get("description")
        hint = "say when the model should call the tool and what it does"
        if description is None:
            message = f"tool {definition.label} has no description"
            yield Finding(definition.pointer, message, target="key", hint=hint)
        elif isinstance(description, str) and not description.strip():
            yield Finding(definition.at("description"), f"tool {definition.label} has an empty description", hint=hint)
