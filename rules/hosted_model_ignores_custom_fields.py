"""LLM006: custom-endpoint fields next to a Tavus-hosted model, where they do nothing."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus import revisions
from rules._layers import is_hosted, llm_model, remove_member

_ENDPOINT_FIELDS = ("base_url", "api_key", "headers", "default_query")
_SINCE = {"headers": "2025-03", "extra_body": "2025-03", "default_query": "2025-12"}
"""First revision whose schema has the field; before it the schema reports it as unknown."""


@rule(
    code="LLM006", name="hosted-model-ignores-custom-fields", severity="warning",
    fix="unsafe: removes the custom-endpoint field a hosted model ignores",
)
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """Custom-endpoint fields or undocumented `extra_body` keys are set for a Tavus-hosted model.

    Why: `base_url`, `api_key`, `headers` and `default_query` only configure a custom LLM; with a
    hosted model (a `tavus-` name, or no `model`, which selects the revision's hosted default) they
    have no documented effect. For hosted models `extra_body` documents only `temperature` and
    `top_p`, and only since 2025-11-27
    (https://docs.tavus.io/sections/conversational-video-interface/persona/llm).
    """
    llm = persona.layer("llm")
    model = llm_model(persona)
    if model is not None and not is_hosted(model):
        return
    if model is None:
        default = persona.facts.default_model
        reason = f"no 'model' is set, so the hosted default {default!r} runs and ignores it"
        hint = "set 'model' to your custom model's name"
    else:
        reason = f"the hosted model {model!r} ignores it"
        hint = "remove it, or set 'model' to your custom model's name"
    for key in _ENDPOINT_FIELDS:
        if _known(persona, key) and llm.get(key) not in (None, "", {}):
            fix = remove_member(f"/layers/llm/{key}") if model is not None else None  # no model: maybe one is missing
            yield Finding(f"/layers/llm/{key}", f"'{key}' configures a custom LLM, but {reason}", "key", hint, fix=fix)
    extra_body = llm.get("extra_body")
    if not isinstance(extra_body, dict) or not _known(persona, "extra_body"):
        return
    documented = persona.facts.hosted_extra_body_keys
    listed = " and ".join(sorted(documented)) if documented else "no keys (temperature and top_p from 2025-11-27)"
    for key in extra_body:
        if key not in documented:
            yield Finding(
                f"/layers/llm/extra_body/{key}",
                f"extra_body key {key!r} is not documented for hosted models; they take {listed}",
                target="key",
            )


def _known(persona: Persona, key: str) -> bool:
    return revisions.at_least(persona.revision, _SINCE.get(key, revisions.NAMES[0]))
