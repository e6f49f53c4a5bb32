"""FLOW006: a deprecated or unverified turn-detection model."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from rules._layers import status_finding


@rule(code="FLOW006", name="turn-detection-model-status", severity="warning", since="2025-12")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`turn_detection_model` is deprecated (`sparrow-0`) or not documented (`sparrow-2`) in the revision.

    Why: `sparrow-1` is the default and recommended model; `sparrow-0` is legacy and by June
    2026 "API-only, not actively supported". `sparrow-2` appears only in 2026 user code sent to
    `/v2/pals`, never in the docs (reference section 2.5, section 5.4, open question 11). The
    time-based spelling is FLOW001's.

    Example: `"turn_detection_model": "sparrow-0"`.
    """
    where = "/layers/conversational_flow/turn_detection_model"
    value = persona.get_str(where)
    if value is None or value in persona.facts.time_based_spellings:
        return
    if value in persona.facts.unverified_turn_detection_models:
        yield Finding(
            where,
            f"turn_detection_model {value!r} is not in the Tavus docs (only seen in user code)",
            hint=f"use {persona.facts.default_turn_detection_model!r}, the documented model",
        )
        return
    choice = persona.facts.turn_detection_models.get(value)
    if choice is not None and choice.status != "current":
        what = f"turn_detection_model {value!r} is {choice.status} in revision {persona.revision}"
        yield status_finding(where, what, choice)
