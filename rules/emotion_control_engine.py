"""TTS006: ``tts_emotion_control`` with a non-Cartesia engine where only Cartesia supports it."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from rules._layers import engine_label, is_true, tts_engine


@rule(code="TTS006", name="emotion-control-engine", severity="warning")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`tts_emotion_control` is on with a non-Cartesia engine in a revision where it is Cartesia-only.

    Why: the 2025 docs say emotion control is "only available for the `cartesia` engine"; the 2026
    docs drop that restriction, so later revisions are not checked
    (https://docs.tavus.io/sections/conversational-video-interface/persona/tts).
    """
    engine = tts_engine(persona)
    if not persona.facts.emotion_control_cartesia_only or engine in (None, "cartesia"):
        return
    if is_true(persona.get("/layers/tts/tts_emotion_control")):
        yield Finding(
            "/layers/tts/tts_emotion_control",
            f"tts_emotion_control only works with Cartesia in revision {persona.revision}; "
            f"{engine_label(str(engine))} ignores it",
            hint="remove it, or use tts_engine 'cartesia'",
        )
