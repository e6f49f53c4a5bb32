"""PERC003: perception tools come with a tool prompt, and a tool prompt with tools."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.tooldefs import PERCEPTION_GROUPS, group_prompts, group_tools


@rule(code="PERC003", name="perception-tools-without-prompt", severity="info")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """Perception tools without a tool prompt for their modality, or a tool prompt without tools.

    Why: the tool prompt tells Raven when to call the tools; tools without it rarely fire, and a
    prompt without tools has nothing to call
    (https://docs.tavus.io/sections/conversational-video-interface/persona/perception-tool).
    """
    if not persona.layer("perception"):  # the prompts and tools compared are all inside it
        return
    removed_prompt = persona.get_str("/layers/perception/tool_prompt")  # PERC006 reports its name
    for group in PERCEPTION_GROUPS:
        prompts = group_prompts(persona, group)
        tools = group_tools(persona, group)
        prompt_key, tools_key = group.names(persona.facts.perception_renamed)
        if tools and not prompts and not (removed_prompt and removed_prompt.strip()):
            key = tools[0][0]
            message = f"'{key}' has no tool prompt telling Raven when to call the tools"
            yield Finding(f"/layers/perception/{key}", message, target="key", hint=f"add '{prompt_key}'")
        elif prompts and not tools:
            key = prompts[0][0]
            message = f"'{key}' is set but there are no {group.modality} perception tools to call"
            hint = f"add '{tools_key}' or remove the prompt"
            yield Finding(f"/layers/perception/{key}", message, target="key", hint=hint)
