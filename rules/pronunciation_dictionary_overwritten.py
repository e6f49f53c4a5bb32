"""TTS008: hand-written pronunciation keys in ``voice_settings`` next to ``pronunciation_dictionary_id``."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.facts import TAVUS_VOICE_KEYS


@rule(code="TTS008", name="pronunciation-dictionary-overwritten", severity="warning")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`voice_settings` pronunciation keys are set by hand next to `pronunciation_dictionary_id`.

    Why: when `pronunciation_dictionary_id` is set, Tavus writes those `voice_settings` keys itself
    (synced to Cartesia and ElevenLabs) and overwrites what the persona says
    (https://docs.tavus.io/sections/conversational-video-interface/persona/pronunciation-dictionaries).
    """
    dictionary = persona.get_str("/layers/tts/pronunciation_dictionary_id")
    if not dictionary:
        return
    for key in sorted(TAVUS_VOICE_KEYS & persona.get_dict("/layers/tts/voice_settings").keys()):
        yield Finding(
            f"/layers/tts/voice_settings/{key}",
            f"voice_settings.{key} is written by Tavus from pronunciation_dictionary_id and will be overwritten",
            target="key",
            hint=f"remove voice_settings.{key}",
        )
