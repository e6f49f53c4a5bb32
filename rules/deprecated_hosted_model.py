"""LLM002: a hosted model the revision lists as deprecated."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from rules._layers import hosted_model_status


@rule(
    code="LLM002", name="deprecated-hosted-model", severity="warning",
    fix="unsafe: replaces the model with the replacement the docs name",
)
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`llm.model` is a Tavus-hosted model that is deprecated in the selected revision.

    Why: deprecated hosted models still answer but are on their way out; Tavus lists `tavus-gpt-4o`,
    `tavus-gpt-4o-mini` and `tavus-gpt-4.1` as deprecated from 2026-02-17
    (https://docs.tavus.io/sections/changelog/changelog,
    https://docs.tavus.io/sections/conversational-video-interface/persona/llm). The hint names the
    replacement.
    """
    yield from hosted_model_status(persona, "deprecated", "is deprecated")
