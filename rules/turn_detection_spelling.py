"""FLOW001: ``time-based`` vs ``timebased``, the spelling the revision does not document."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from rules._layers import replace_value


@rule(
    code="FLOW001", name="turn-detection-spelling", severity="warning", since="2025-12",
    fix="safe: writes the revision's spelling",
)
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`turn_detection_model` uses the time-based spelling the selected revision does not document.

    Why: the 2025 docs spell the fixed-delay model `time-based`, the June 2026 docs `timebased`; the
    schema accepts both, and this rule names the revision's spelling
    (https://docs.tavus.io/sections/conversational-video-interface/persona/conversational-flow).
    """
    value = persona.get_str("/layers/conversational_flow/turn_detection_model")
    if value not in persona.facts.time_based_spellings:
        return
    choice = persona.facts.turn_detection_models.get(value)
    if choice is not None and choice.status != "current":
        yield Finding(
            "/layers/conversational_flow/turn_detection_model",
            f"revision {persona.revision} spells the time-based model {choice.replacement!r}, not {value!r}",
            hint=f"use {choice.replacement!r}",
            fix=replace_value("/layers/conversational_flow/turn_detection_model", value, choice.replacement, "safe"),
        )
