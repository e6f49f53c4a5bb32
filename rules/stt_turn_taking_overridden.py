"""STT005: STT-layer turn-taking settings that ``conversational_flow`` overrides."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from rules._layers import stt_turn_taking_overridden

_REPLACED_BY = {
    "smart_turn_detection": "turn_detection_model",
    "participant_pause_sensitivity": "turn_taking_patience, on an inverted scale: sensitivity high ~ patience low",
    "participant_interrupt_sensitivity": "replica_interruptibility, on an inverted scale: sensitivity low ~ high",
}


@rule(code="STT005", name="stt-turn-taking-overridden", severity="warning", since="2025-12")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """STT turn-taking fields are set while `conversational_flow` uses Sparrow-1, which overrides them.

    Why: when `turn_detection_model` is `sparrow-1` (the default once any conversational_flow
    field is set), the conflicting Sparrow-0 settings of the STT layer
    (`smart_turn_detection`, `participant_pause_sensitivity`,
    `participant_interrupt_sensitivity`) are overridden (reference section 2.5, section 3,
    X26; troubleshooting page [S16]).

    Example: `"stt": {"participant_pause_sensitivity": "high"}` with
    `"conversational_flow": {"turn_taking_patience": "low"}`.
    """
    model = stt_turn_taking_overridden(persona)
    if model is None:
        return
    stt = persona.layer("stt")
    for field, replacement in _REPLACED_BY.items():
        if field in stt:
            if replacement.startswith("replica_") and persona.facts.pal:
                replacement = replacement.replace("replica_", "pal_")
            yield Finding(
                f"/layers/stt/{field}",
                f"stt.{field} is overridden by conversational_flow ({model!r})",
                target="key",
                hint=f"remove it; set conversational_flow.{replacement}",
            )
