"""PERC001: a perception tool prompt names a tool that is not declared."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.mentions import undeclared_references
from linter.tavus.tooldefs import (
    PERCEPTION_GROUPS,
    declared_names,
    group_prompts,
    group_tools,
    malformed_lists,
    parameter_names,
)


@rule(code="PERC001", name="perception-prompt-names-undeclared-tool", severity="warning", kinds=("persona",))
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A perception tool prompt (`visual_tool_prompt`, `audio_tool_prompt`, `perception_tool_prompt`)
    names an undeclared tool.

    Why: Raven can only call the tools in the perception tool lists; a prompt that names another
    tool (often a renamed one, or an example copied from the docs) never fires (reference
    section 3, X39). Only clear references count: a backticked name, `call notify_x`,
    `notify_x()`. Not checked for PALs, whose tools can be attached from the tools registry.

    Example: `"visual_tool_prompt": "call flag_id_card when ..."` with only `notify_if_id_shown` declared.
    """
    # A prompt without tools is PERC003's. Most personas have neither: ask that first, before
    # collecting every declared tool and parameter name.
    groups = [(group, group_prompts(persona, group)) for group in PERCEPTION_GROUPS if group_tools(persona, group)]
    if not any(prompts for _, prompts in groups) or malformed_lists(persona):
        return
    declared = declared_names(persona)
    ignore = parameter_names(persona)
    for group, prompts in groups:
        for key, text in prompts:
            for found in undeclared_references(text, declared, ignore=ignore):
                where = f"/layers/perception/{key}"
                message = f"'{key}' names a tool {found.mention.name!r} that no tool list declares"
                tools_key = group.names(persona.facts.perception_renamed)[1]
                hint = f"declare it in '{tools_key}' or fix the prompt"
                hint = f"did you mean {found.close!r}?" if found.close else hint
                yield Finding(where, message, hint=hint)
