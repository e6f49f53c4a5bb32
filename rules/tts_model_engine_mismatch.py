"""TTS001: a ``tts_model_name`` of another TTS engine."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from rules._layers import engine_families, engine_label, family_of_model, tts_engine


@rule(code="TTS001", name="tts-model-engine-mismatch", severity="warning")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`tts_model_name` names a model of another engine than `tts_engine` (Cartesia when omitted).

    Why: the model name is passed to the selected provider, which does not know the other provider's
    models: `sonic-*` names are Cartesia's, `eleven_*` names ElevenLabs'. Tavus does not enumerate
    model names, so this is a warning
    (https://docs.tavus.io/sections/conversational-video-interface/persona/tts). Azure takes no
    model name at all (TTS010).
    """
    model = persona.get_str("/layers/tts/tts_model_name")
    engine = tts_engine(persona)
    if not model or engine is None or engine == "azure":
        return
    family = family_of_model(persona, model)
    if family is None or family.engine == engine:
        return
    examples = [f.example for f in engine_families(persona, engine) if f.example]
    own = f"{_a(engine_label(engine))} model such as {examples[0]!r}" if examples else "a model of that engine"
    shown_engine = "the default 'cartesia'" if persona.get("/layers/tts/tts_engine") is None else repr(engine)
    yield Finding(
        "/layers/tts/tts_model_name",
        f"{model!r} is {_a(engine_label(family.engine))} model, but tts_engine is {shown_engine}",
        hint=f"use {own}, or set tts_engine to {family.engine!r}",
    )


def _a(word: str) -> str:
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word
