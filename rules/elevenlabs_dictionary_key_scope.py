"""TTS009: an own ElevenLabs key used with a pronunciation dictionary needs a write scope."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule


@rule(code="TTS009", name="elevenlabs-dictionary-key-scope", severity="info")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """An ElevenLabs `api_key` used with a `pronunciation_dictionary_id` needs a write scope.

    Why: Tavus syncs the pronunciation dictionary to ElevenLabs with the persona's key, which
    must carry the `pronunciation_dictionaries_write` scope; this cannot be checked offline
    (https://docs.tavus.io/sections/conversational-video-interface/persona/tts).
    """
    tts = persona.layer("tts")
    if tts.get("tts_engine") != "elevenlabs" or not persona.get_str("/layers/tts/pronunciation_dictionary_id"):
        return
    if persona.get_str("/layers/tts/api_key"):
        yield Finding(
            "/layers/tts/api_key",
            "this ElevenLabs key is used to sync the pronunciation dictionary, so it needs the "
            "pronunciation_dictionaries_write scope",
            target="key",
        )
