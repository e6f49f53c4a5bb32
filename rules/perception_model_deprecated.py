"""PERC009: deprecated perception models."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.tooldefs import AUDIO_FIELDS
from rules._layers import replace_value


@rule(
    code="PERC009", name="perception-model-deprecated", severity="warning",
    fix="unsafe: replaces the model with the replacement the docs name",
)
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`perception_model` names a model that is deprecated in this API revision (e.g. `raven-0` from 2026-02).

    Why: Raven-1 replaced Raven-0 as the default on 2026-02-11 and PAL pages list only `raven-1` and
    `off` (https://docs.tavus.io/sections/conversational-video-interface/persona/perception,
    https://docs.tavus.io/sections/conversational-video-interface/pal/perception); deprecated models
    may lose support. Removed or unknown values are the schema's finding; with audio perception set,
    PERC005 reports it.
    """
    model = persona.get("/layers/perception/perception_model")
    choice = persona.facts.perception_models.get(model) if isinstance(model, str) else None
    if choice is None or choice.status != "deprecated":
        return
    perception = persona.layer("perception")
    if model not in persona.facts.audio_models and any(perception.get(key) for key in AUDIO_FIELDS):
        return  # PERC005 reports the same model as an error, with the same fix
    note = f" ({choice.note})" if choice.note else ""
    message = f"perception_model {model!r} is deprecated in revision {persona.revision}{note}"
    where = "/layers/perception/perception_model"
    if choice.replacement:
        fix = replace_value(where, model, choice.replacement)
        yield Finding(where, message, hint=f"use {choice.replacement!r}", fix=fix)
    else:
        yield Finding(where, message)
