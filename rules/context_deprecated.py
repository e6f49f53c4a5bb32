"""PIPE005: `context` is deprecated; its text belongs in `system_prompt`."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule


@rule(code="PIPE005", name="context-deprecated", severity="warning", since="2026-02")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`context` is deprecated since 2026-02-12: merge its text into `system_prompt`.

    Why: on 2026-02-12 Tavus merged every persona's `context` into its `system_prompt` and
    deprecated the field; the API still accepts it, but it is gone from the June 2026 field
    list (reference section 1; section 3, X43; changelog). In echo and speech-to-speech modes
    PIPE002 and PIPE004 report `context` instead.

    Example: `{"system_prompt": "You are a tutor.", "context": "The student is 12."}`.
    """
    if not persona.facts.context_deprecated or persona.pipeline_mode in ("echo", "speech-to-speech"):
        return
    if persona.has("/context"):
        yield Finding("/context", "'context' is deprecated since 2026-02-12", target="key",
                      hint="append its text to 'system_prompt' and remove 'context'")
