"""LLM004: a custom model without the endpoint and key it needs."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.redact import show
from rules._layers import HOSTED_PREFIX, is_hosted, llm_model


@rule(code="LLM004", name="custom-model-missing-endpoint", severity="error")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A custom `llm.model` (no `tavus-` prefix) needs both `base_url` and `api_key`.

    Why: Tavus documents `base_url` and `api_key` as "required only when using a custom model":
    without them it has no endpoint to call
    (https://docs.tavus.io/sections/conversational-video-interface/persona/llm). When the name is a
    hosted model without its prefix (`gpt-4o`), the hint says so.
    """
    model = llm_model(persona)
    if model is None or is_hosted(model):
        return
    llm = persona.layer("llm")
    missing = [key for key in ("base_url", "api_key") if not _given(llm.get(key))]
    if "base_url" in missing and _given(llm.get("endpoint")):  # PAL-era CLI name of base_url
        missing.remove("base_url")
    if not missing:
        return
    hosted = HOSTED_PREFIX + model.lower()
    choice = persona.facts.hosted_models.get(hosted)
    if choice is not None and choice.status == "current":
        hint = f"for the Tavus-hosted model use {hosted!r}; for a custom model set {' and '.join(missing)}"
    else:
        hint = "set base_url to your OpenAI-compatible endpoint (without /chat/completions) and api_key to its key"
    needs = " and ".join(repr(key) for key in missing)
    yield Finding("/layers/llm/model", f"custom model {show(model)} is missing {needs}", hint=hint)


def _given(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())
