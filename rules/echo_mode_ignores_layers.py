"""PIPE002: echo mode ignores the prompt and the layers that listen or think."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from rules._layers import remove_member

_IGNORED_LAYERS = {
    "stt": "speech recognition",
    "conversational_flow": "turn-taking",
    "llm": "the LLM",
}



@rule(
    code="PIPE002", name="echo-mode-ignores-layers", severity="warning",
    fix="unsafe: removes the field or layer echo mode ignores",
)
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """In `echo` mode, `system_prompt`, `context`, perception, STT, conversational flow and LLM settings are ignored.

    Why: echo mode only makes the replica speak the text or audio you send; it bypasses perception,
    speech recognition and the LLM, so these settings are accepted but do nothing
    (https://docs.tavus.io/sections/conversational-video-interface/quickstart/pipeline-modes,
    https://docs.tavus.io/sections/conversational-video-interface/echo-mode). The TTS layer still
    matters for text echo. One finding per ignored setting, located on it.
    """
    if persona.pipeline_mode != "echo":
        return
    for field in ("system_prompt", "context"):
        value = persona.get(f"/{field}")
        if isinstance(value, str) and value.strip():
            yield Finding(f"/{field}", f"'{field}' is ignored in echo mode: no LLM runs", target="key",
                          hint="remove it, or use pipeline_mode 'full' to have the replica answer by itself",
                          fix=remove_member(f"/{field}"))
    perception = persona.get("/layers/perception")
    if isinstance(perception, dict) and perception.get("perception_model") != "off":
        model = perception.get("perception_model")
        what = f"perception model {model!r}" if isinstance(model, str) else "the perception layer"
        yield Finding("/layers/perception", f"{what} is ignored in echo mode", target="key",
                      hint="remove layers.perception, or set perception_model to 'off'",
                      fix=remove_member("/layers/perception"))
    for layer, role in _IGNORED_LAYERS.items():
        if persona.layer(layer):
            yield Finding(f"/layers/{layer}", f"layers.{layer} is ignored in echo mode: {role} does not run",
                          target="key", hint=f"remove layers.{layer}", fix=remove_member(f"/layers/{layer}"))
