"""TTS002: a ``voice_settings`` key the selected engine and model do not take."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.facts import TAVUS_VOICE_KEYS
from rules._layers import engine_label, engine_voice_keys, family_label, selected_label, tts_engine, voice_family

_HINTS = {
    ("sonic-3", "emotion"): "remove it; with sonic-3, tts_emotion_control (or SSML emotion tags) carries emotion",
    ("sonic-1", "volume"): "remove it, or use tts_model_name 'sonic-3', which takes volume",
    ("sonic-2", "volume"): "remove it, or use tts_model_name 'sonic-3', which takes volume",
}


@rule(code="TTS002", name="voice-settings-engine-mismatch", severity="warning")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A `voice_settings` key belongs to another TTS engine or model family than the one selected.

    Why: ElevenLabs keys (`stability`, `similarity_boost`, `style`, `use_speaker_boost`) are "not
    available" for Cartesia, `emotion` is not available for ElevenLabs nor through `voice_settings`
    for Cartesia sonic-3 (the default model since 2025-12-18), `volume` only applies to sonic-3, and
    Azure documents no voice settings; the engine ignores such keys
    (https://docs.tavus.io/sections/conversational-video-interface/persona/tts).
    """
    settings = persona.get_dict("/layers/tts/voice_settings")
    engine = tts_engine(persona)
    if not settings or engine is None:
        return
    family = voice_family(persona)
    allowed = family.keys if family is not None else engine_voice_keys(persona, engine)
    if allowed is None:
        return
    label = selected_label(persona, family) if family is not None else engine_label(engine)
    documented = {key for f in persona.facts.voice_families for key in (f.keys or ())}
    for key in settings:
        if key in allowed or key in TAVUS_VOICE_KEYS or key not in documented:
            continue  # Tavus-written keys: TTS008; unknown keys: the schema
        owners = sorted({family_label(persona, f) for f in persona.facts.voice_families if key in (f.keys or ())})
        yield Finding(
            f"/layers/tts/voice_settings/{key}",
            f"voice setting {key!r} does not apply to {label}; it is a setting of {' and '.join(owners)}",
            target="key",
            hint=_HINTS.get((family.name if family else "", key), "remove it"),
        )
