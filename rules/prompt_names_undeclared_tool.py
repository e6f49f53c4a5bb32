"""TOOL016: the system prompt tells the model to call a tool that no tool list declares."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.mentions import undeclared_references
from linter.tavus.tooldefs import declared_names, malformed_lists, parameter_names


@rule(code="TOOL016", name="prompt-names-undeclared-tool", severity="warning", kinds=("persona",))
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """The `system_prompt` (or `context`) refers to a tool that no tool list declares.

    Why: the model is told to call a function it does not have, so it either never acts or makes up
    an answer instead (the examples on
    https://docs.tavus.io/sections/conversational-video-interface/persona/llm-tool name the declared
    tools). Only clear references count: a backticked name, `call lookup_order`, `use the
    lookup_order tool`, `lookup_order()`. Not checked for PALs, whose tools can be attached from the
    tools registry. The hint's "did you mean" is worked out for the first 200 undeclared names of a
    text, which bounds the cost of a hostile prompt.
    """
    if malformed_lists(persona):
        return
    declared = declared_names(persona)
    for key in ("system_prompt", "context"):
        text = persona.get_str(f"/{key}")
        if not text:
            continue
        for found in undeclared_references(text, declared, ignore=parameter_names(persona)):
            message = f"'{key}' refers to a tool {found.mention.name!r} that no tool list declares"
            hint = "declare it in 'layers.llm.tools' or fix the prompt"
            hint = f"did you mean {found.close!r}?" if found.close else hint
            yield Finding(f"/{key}", message, hint=hint)
