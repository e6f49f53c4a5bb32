"""PERC002: every perception tool is named in its tool prompt."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.mentions import mentions, misspelled
from linter.tavus.tooldefs import PERCEPTION_GROUPS, declared_names, functions, group_prompts, parameter_names


@rule(code="PERC002", name="perception-tool-not-mentioned", severity="info")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A perception tool is never named in the tool prompt of its modality.

    Why: Raven decides when to fire a tool from the tool prompt, and every example on Tavus'
    perception-tool pages names the tools there
    (https://docs.tavus.io/sections/conversational-video-interface/persona/perception-tool). Tools
    without any prompt are PERC003's.
    """
    for group in PERCEPTION_GROUPS:
        prompts = group_prompts(persona, group)
        if not prompts:
            continue
        text = "\n".join(prompt for _key, prompt in prompts)
        near = misspelled(text, declared_names(persona), parameter_names(persona))  # PERC001 reports those
        for definition in functions(persona, group.tool_lists):
            name = definition.name
            if name and name not in near and not mentions(text, name):
                message = f"perception tool {name!r} is not mentioned in '{prompts[0][0]}'"
                yield Finding(definition.at("name"), message, hint=f"say when Raven should call {name}")
