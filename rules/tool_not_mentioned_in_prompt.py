"""TOOL018: every LLM tool is named in the system prompt."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.mentions import mentions, misspelled
from linter.tavus.tooldefs import declared_names, functions, parameter_names


@rule(code="TOOL018", name="tool-not-mentioned-in-prompt", severity="info")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """An `llm.tools` entry is never named in the `system_prompt` (or `context`).

    Why: models call tools more reliably when the prompt says when to use each one, and every
    example on Tavus' tool pages does
    (https://docs.tavus.io/sections/conversational-video-interface/persona/llm-tool). Advice only:
    the tool's description may be enough.
    """
    prompt = persona.prompt
    if not prompt.strip():
        return  # no prompt at all is another rule's business
    near = misspelled(prompt, declared_names(persona), parameter_names(persona))  # TOOL016 reports those
    for definition in functions(persona, ("/layers/llm/tools",)):
        name = definition.name
        if name and name not in near and not mentions(prompt, name):
            message = f"tool {name!r} is not mentioned in the system prompt"
            yield Finding(definition.at("name"), message, hint=f"tell the model when to call {name}")
