"""PIPE004: the legacy speech-to-speech mode needs its sts layer and no prompt."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule


@rule(code="PIPE004", name="speech-to-speech-requirements", severity="error")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`speech-to-speech` mode needs `layers.sts`, forbids `system_prompt` and `context`,
    and a custom `websocket_url` needs `sts.api_key`.

    Why: the legacy speech-to-speech guide says so
    (https://docs.tavus.io/sections/conversational-video-interface/modes/speech-to-speech-quickstart);
    the official tavus-cli also forbids `system_prompt` and `context` in this mode. The realtime
    model takes its instructions from `sts.session_settings.instructions` instead.
    """
    if persona.pipeline_mode != "speech-to-speech":
        return
    if not persona.has_layer("sts"):
        yield Finding("/pipeline_mode", "speech-to-speech mode needs a 'layers.sts' layer, and this persona has none",
                      hint="add layers.sts (provider, api_key, session_settings)")
    for field in ("system_prompt", "context"):
        if persona.has(f"/{field}"):
            yield Finding(f"/{field}", f"'{field}' is not allowed in speech-to-speech mode", target="key",
                          hint="move the instructions to layers.sts.session_settings.instructions")
    sts = persona.layer("sts")
    key = sts.get("api_key")
    if isinstance(sts.get("websocket_url"), str) and not (isinstance(key, str) and key.strip()):
        yield Finding("/layers/sts/websocket_url", "a custom 'sts.websocket_url' needs 'sts.api_key', which is missing",
                      target="key", hint="add layers.sts.api_key as a placeholder such as \"${STS_API_KEY}\"")
