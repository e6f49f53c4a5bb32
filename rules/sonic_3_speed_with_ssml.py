"""TTS007: sonic-3 global speed/volume in ``voice_settings`` and SSML speed/volume tags in the prompt."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.util.lazy_regex import LazyPattern
from rules._layers import voice_family

_SSML_TAG = LazyPattern(r"<\s*(speed|volume)\b", re.IGNORECASE)


@rule(code="TTS007", name="sonic-3-speed-with-ssml", severity="warning")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """Cartesia sonic-3 gets `voice_settings` speed/volume while the prompt asks for SSML speed/volume tags.

    Why: with sonic-3, speed and volume come either from `voice_settings` (applied to the whole
    conversation) or from SSML `<speed>`/`<volume>` tags the LLM writes when the `system_prompt`
    tells it to; the docs say to use one or the other
    (https://docs.tavus.io/sections/conversational-video-interface/persona/tts).
    """
    family = voice_family(persona)
    if family is None or family.name != "sonic-3":
        return
    tags = {match.lower() for match in _SSML_TAG.findall(persona.prompt)}
    settings = persona.get_dict("/layers/tts/voice_settings")
    for key in ("speed", "volume"):
        if key in settings and key in tags:
            yield Finding(
                f"/layers/tts/voice_settings/{key}",
                f"voice_settings.{key} applies to the whole conversation, but the prompt also asks for SSML <{key}> "
                "tags; sonic-3 takes one or the other",
                target="key",
                hint=f"remove voice_settings.{key}, or stop asking for <{key}> tags in the prompt",
            )
