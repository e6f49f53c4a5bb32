"""PERC003: perception tools come with a tool prompt (PERC011 checks the other way round)."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.tooldefs import PERCEPTION_GROUPS, group_prompts, group_tools


@rule(code="PERC003", name="perception-tools-without-prompt", severity="info")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """Perception tools without a tool prompt for their modality.

    Why: the tool prompt tells Raven when to call the tools; tools without it rarely fire
    (https://docs.tavus.io/sections/conversational-video-interface/persona/perception-tool).
    """
    if not persona.layer("perception"):  # the prompts and tools compared are all inside it
        return
    removed_prompt = persona.get_str("/layers/perception/tool_prompt")  # PERC006 reports its name
    for group in PERCEPTION_GROUPS:
        prompts = group_prompts(persona, group)
        tools = group_tools(persona, group)
        prompt_key, _ = group.names(persona.facts.perception_renamed)
        if tools and not prompts and not (removed_prompt and removed_prompt.strip()):
            key = tools[0][0]
            message = f"'{key}' has no tool prompt telling Raven when to call the tools"
            yield Finding(f"/layers/perception/{key}", message, target="key", hint=f"add '{prompt_key}'")
