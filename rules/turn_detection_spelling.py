"""FLOW001: ``time-based`` vs ``timebased``, the spelling the revision does not document."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule


@rule(code="FLOW001", name="turn-detection-spelling", severity="warning", since="2025-12")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`turn_detection_model` uses the time-based spelling the selected revision does not document.

    Why: the 2025 docs spell the fixed-delay model `time-based`, the June 2026 docs
    `timebased`; the schema accepts both, and this rule names the revision's spelling
    (reference section 2.5, section 3, X30, open question 7).

    Example: `"turn_detection_model": "time-based"` under revision 2026-06.
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
        )
