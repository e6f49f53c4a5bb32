"""PERC005: audio perception settings need ``perception_model: "raven-1"``."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.tooldefs import AUDIO_FIELDS


@rule(code="PERC005", name="audio-perception-needs-raven-1", severity="error", since="2026-02")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """Audio perception (`audio_awareness_queries`, `audio_tool_prompt`, `audio_tools`) with a
    perception model other than `raven-1`.

    Why: audio perception is a Raven-1 feature; other models do not listen (reference section 2.4,
    X36). When `perception_model` is omitted the default is `raven-1` and all is well; `off` is
    PERC004's.

    Example: `"perception_model": "raven-0"` with `audio_tools`.
    """
    perception = persona.layer("perception")
    model = perception.get("perception_model")
    if not isinstance(model, str) or model == "off" or model in persona.facts.audio_models:
        return
    if model not in persona.facts.perception_models:
        return  # an unknown model: the schema reports it
    used = [key for key in AUDIO_FIELDS if perception.get(key)]
    if used:
        names = ", ".join(repr(key) for key in used)
        message = f"{names} need{'s' * (len(used) == 1)} perception_model 'raven-1', but it is {model!r}"
        yield Finding(f"/layers/perception/{used[0]}", message, target="key", hint="set perception_model to 'raven-1'")
