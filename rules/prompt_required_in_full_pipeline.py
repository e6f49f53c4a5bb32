"""PIPE001: a full-pipeline persona needs a system prompt."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.known_mistakes import wrapped_personas


@rule(code="PIPE001", name="prompt-required-in-full-pipeline", severity="error")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`system_prompt` must be set and non-empty when the pipeline mode is `full` (the default).

    Why: Tavus rejects the persona at creation time: "when using full pipeline mode, the
    `system_prompt` field is required"
    (https://docs.tavus.io/api-reference/personas/create-persona). Echo mode needs no prompt.
    """
    if persona.pipeline_mode != "full" or wrapped_personas(persona) is not None:
        return  # echo needs no prompt; an API response wrapper is PIPE013's
    prompt = persona.get("/system_prompt")
    if prompt is None:
        yield Finding("", "full pipeline mode needs a 'system_prompt', and this persona has none", target="key")
    elif isinstance(prompt, str) and not prompt.strip():
        yield Finding("/system_prompt", "'system_prompt' is empty; full pipeline mode needs a prompt")
