"""PERC011: a perception tool prompt with no perception tools to call."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.tooldefs import PERCEPTION_GROUPS, group_prompts, group_tools


@rule(code="PERC011", name="perception-prompt-without-tools", severity="warning")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A perception tool prompt (`visual_tool_prompt`, `audio_tool_prompt`, ...) with no tools of its modality.

    Why: the prompt only tells Raven when to call the perception tools of its modality
    (https://docs.tavus.io/sections/conversational-video-interface/persona/perception-tool);
    with none declared, Tavus ignores it, and the tools it describes are never called.
    """
    if not persona.layer("perception"):
        return
    for group in PERCEPTION_GROUPS:
        prompts = group_prompts(persona, group)
        if prompts and not group_tools(persona, group):
            key = prompts[0][0]
            _, tools_key = group.names(persona.facts.perception_renamed)
            message = f"'{key}' is set but there are no {group.modality} perception tools to call"
            hint = f"add '{tools_key}' or remove the prompt"
            yield Finding(f"/layers/perception/{key}", message, target="key", hint=hint)
