"""PIPE005: `context` is deprecated; its text belongs in `system_prompt`."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding, Fix, RemoveMember, RenameKey, ReplaceValue
from linter.rule import Persona, rule


@rule(
    code="PIPE005", name="context-deprecated", severity="warning", since="2026-02",
    fix="unsafe: appends context to system_prompt and removes it (safe for an empty context)",
)
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`context` is deprecated since 2026-02-12: merge its text into `system_prompt`.

    Why: on 2026-02-12 Tavus merged every persona's `context` into its `system_prompt` and
    deprecated the field; the API still accepts it, but it is gone from the June 2026 field list
    (https://docs.tavus.io/sections/changelog/changelog). In echo and speech-to-speech modes PIPE002
    and PIPE004 report `context` instead.
    """
    if not persona.facts.context_deprecated or persona.pipeline_mode in ("echo", "speech-to-speech"):
        return
    if persona.has("/context"):
        yield Finding("/context", "'context' is deprecated since 2026-02-12", target="key",
                      hint="append its text to 'system_prompt' and remove 'context'", fix=_merge(persona))


def _merge(persona: Persona) -> Fix | None:
    """``context`` appended to ``system_prompt`` (unsafe: the model reads one text instead of two)."""
    context, prompt = persona.get("/context"), persona.get("/system_prompt")
    if not isinstance(context, str) or not (prompt is None or isinstance(prompt, str)):
        return None
    removal = RemoveMember("/context")
    if not context.strip():
        return Fix("Remove the empty 'context'", "safe", (removal,))
    if prompt is None:
        return Fix("Rename 'context' to 'system_prompt'", "unsafe", (RenameKey("/context", "system_prompt"),))
    merged = f"{prompt.rstrip()}\n\n{context.strip()}" if prompt.strip() else context
    edits = (ReplaceValue("/system_prompt", merged), removal)
    return Fix("Append 'context' to 'system_prompt' and remove it", "unsafe", edits)
