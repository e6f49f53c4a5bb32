"""TTS010: ``tts_model_name`` with the Azure engine."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule


@rule(code="TTS010", name="tts-model-with-azure", severity="error", since="2026-06")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`tts_model_name` is set while `tts_engine` is `azure`.

    Why: the Azure TTS docs say `tts_model_name` is not supported with `azure` and must be
    omitted; the voice is chosen by `external_voice_id` alone, e.g. `en-US-JennyNeural`
    (reference section 2.2 and section 3, X15).

    Example: `{"tts_engine": "azure", "tts_model_name": "sonic-3"}`.
    """
    if persona.get("/layers/tts/tts_engine") == "azure" and persona.has("/layers/tts/tts_model_name"):
        yield Finding(
            "/layers/tts/tts_model_name",
            "tts_model_name is not supported with tts_engine 'azure'",
            target="key",
            hint="remove tts_model_name; pick the Azure voice with external_voice_id",
        )
