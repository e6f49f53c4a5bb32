"""LLM008: a system prompt larger than a hosted LLM handles well, or larger than it accepts."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus import revisions
from rules._layers import is_hosted, llm_model

CHARS_PER_TOKEN = 4  # Tavus' rule of thumb: about 5,000 tokens is about 20,000 characters


@rule(code="LLM008", name="prompt-too-long", severity="warning")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`system_prompt` (with `context`) is longer than the revision recommends for hosted LLMs.

    Why: hosted LLMs accept up to 32,000 tokens (120,000 in an early-2025 snapshot;
    `tavus-glm-4.7` up to 200,000) and degrade well before that: Tavus recommends under about
    5,000 tokens (about 20,000 characters) since February 2026, and warned above 25,000 tokens
    in 2025 (https://docs.tavus.io/sections/conversational-video-interface/persona/llm,
    https://docs.tavus.io/api-reference/personas/create-persona). Tokens are estimated as
    characters / 4. Custom models have their own limits and are not checked.
    """
    model = llm_model(persona)
    if model is not None and not is_hosted(model):
        return
    prompt = persona.prompt
    tokens = len(prompt) // CHARS_PER_TOKEN
    facts = persona.facts
    limit = facts.model_tokens_limits.get(model or facts.default_model, facts.prompt_tokens_limit)
    recommended = min(facts.prompt_tokens_recommended, limit)
    if tokens <= recommended:
        return
    what = "'system_prompt' and 'context' together are" if persona.get_str("/context") else "'system_prompt' is"
    where = "/system_prompt" if persona.get_str("/system_prompt") else "/context"
    size = f"{len(prompt):,} characters (about {tokens:,} tokens)"
    if tokens > limit:
        message = f"{what} {size}, over the {limit:,}-token limit of hosted models"
    else:
        message = f"{what} {size}; Tavus recommends under about {recommended:,} tokens"
    knowledge_base = revisions.at_least(persona.revision, "2025-08")  # document_ids since 2025-08-15
    hint = "move reference material to knowledge-base documents (document_ids)" if knowledge_base else None
    yield Finding(where, message, hint=hint or "shorten it: keep instructions, drop reference material")
