"""PERC004: perception settings that the chosen ``perception_model`` ignores."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule

QUERIES = ("ambient_awareness_queries", "visual_awareness_queries", "audio_awareness_queries")
ANALYSIS = ("perception_analysis_queries",)
PROMPTS = ("perception_tool_prompt", "visual_tool_prompt", "audio_tool_prompt", "tool_prompt")
TOOLS = ("perception_tools", "visual_tools", "audio_tools")
RAVEN_ONLY = ANALYSIS + PROMPTS + TOOLS
"""With the old ``basic`` model, tools and end-of-call analysis are exclusive to Raven."""


@rule(code="PERC004", name="perception-disabled-with-config", severity="warning")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """Perception queries, tool prompts or tools are set while `perception_model` cannot use them.

    Why: with `perception_model: "off"` nothing of the perception layer runs; with the old `basic`
    model, perception tools and end-of-call analysis queries are exclusive to Raven
    (https://docs.tavus.io/sections/conversational-video-interface/persona/perception,
    https://docs.tavus.io/sections/conversational-video-interface/persona/perception-tool). The
    settings are silently ignored.
    """
    perception = persona.layer("perception")
    model = perception.get("perception_model")
    if model == "off":
        unused = [key for key in QUERIES + RAVEN_ONLY if _set(perception.get(key))]
        reason = "perception is off"
    elif model == "basic" and _known(persona, model):
        unused = [key for key in RAVEN_ONLY if _set(perception.get(key))]
        reason = "the basic model supports neither tools nor analysis queries"
    else:
        return
    if unused:
        names = ", ".join(repr(key) for key in unused)
        message = f"perception_model is {model!r}, so {names} {'is' if len(unused) == 1 else 'are'} ignored: {reason}"
        raven = "raven-1" if "raven-1" in persona.facts.raven_models else "raven-0"
        hint = f"use perception_model {raven!r}, or remove the unused settings"
        yield Finding("/layers/perception/perception_model", message, hint=hint)


def _set(value: object) -> bool:
    return bool(value.strip()) if isinstance(value, str) else bool(value) and isinstance(value, list)


def _known(persona: Persona, model: str) -> bool:
    choice = persona.facts.perception_models.get(model)
    return choice is not None and choice.status != "removed"  # else the schema rejects the value
