"""FLOW007: ``voice_isolation`` set while the turn-detection model reads the raw audio itself."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule

_FLOW = "/layers/conversational_flow/"


@rule(code="FLOW007", name="voice-isolation-under-sparrow-2", severity="info", since="2026-09")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`voice_isolation` is set while `turn_detection_model` is `sparrow-2`, which ignores it.

    Why: Sparrow-2 reads the full audio stream itself and "understands" noise from it instead of
    relying on `voice_isolation` to clean it up first, so the setting has no effect under it
    (observed in public code, 2 projects, since 2026-08: one writes it is "inert under
    sparrow-2", the other "Unused by sparrow-2"). Both keep it on purpose, so that a fallback to
    `sparrow-1` keeps working: this is advice, not a mistake.
    """
    model = persona.get_str(_FLOW + "turn_detection_model")
    if model is None or model not in persona.facts.raw_audio_turn_models or not persona.has(_FLOW + "voice_isolation"):
        return
    yield Finding(
        _FLOW + "voice_isolation",
        f"voice_isolation has no effect under turn_detection_model {model!r}, which reads the raw audio itself",
        target="key",
        hint="remove it, or keep it only as the setting for a fallback to 'sparrow-1'",
    )
