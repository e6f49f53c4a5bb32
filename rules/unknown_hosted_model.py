"""LLM001: a ``tavus-*`` model name the revision does not know."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.redact import show
from linter.tavus.vocabularies import open_in
from linter.util.closest import closest
from rules._layers import is_hosted, llm_model


@rule(code="LLM001", name="unknown-hosted-model", severity="error")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`llm.model` starts with `tavus-` but is not a hosted model of the selected revision.

    Why: names with the `tavus-` prefix select a Tavus-hosted LLM; a misspelled or invented one
    cannot be a custom model either, since custom models need their own `base_url`
    (https://docs.tavus.io/sections/conversational-video-interface/persona/llm). The hint names the
    closest hosted model of the revision.

    In the newest revision of each body kind hosted LLMs are an open vocabulary: an unknown
    `tavus-` name is SCH011's warning there, since Tavus may have added it after persona-lint's data.
    """
    model = llm_model(persona)
    if model is None or not is_hosted(model) or model in persona.facts.hosted_models:
        return
    if open_in(persona.revision):
        return  # hosted names are an open vocabulary in the newest revision: SCH011 warns instead
    hosted = persona.facts.hosted_models
    current = [name for name, choice in hosted.items() if choice.status == "current"]
    deprecated = [name for name, choice in hosted.items() if choice.status == "deprecated"]
    close = closest(model.lower(), current) or closest(model.lower(), deprecated)
    hint = f"did you mean {close!r}?" if close else f"hosted models: {', '.join(sorted(current))}"
    yield Finding(
        "/layers/llm/model",
        f"{show(model)} is not a Tavus-hosted model in revision {persona.revision}",
        hint=hint,
    )
