"""LLM003: a hosted model Tavus no longer serves in the revision."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from rules._layers import hosted_model_status


@rule(
    code="LLM003", name="removed-hosted-model", severity="error",
    fix="unsafe: replaces the model with the one Tavus migrated such personas to",
)
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`llm.model` is a Tavus-hosted model that was removed before the selected revision.

    Why: the Llama names (`tavus-llama`, `tavus-llama-4`) were removed on 2025-12-18 and their
    personas migrated to `tavus-gpt-oss`; a new persona cannot select them
    (https://docs.tavus.io/sections/changelog/changelog). The hint names the replacement.
    """
    yield from hosted_model_status(persona, "removed", "no longer exists")
