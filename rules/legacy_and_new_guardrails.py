"""PIPE009: the legacy guardrail set together with the new guardrails."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule


@rule(code="PIPE009", name="legacy-and-new-guardrails", severity="warning", since="2026-06")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`guardrails_id` (a legacy guardrail set) is set together with `guardrail_ids` or `guardrail_tags`.

    Why: since 2026-05-22 guardrails are first-class objects attached with `guardrail_ids` and
    `guardrail_tags`; `guardrails_id` names a legacy set. Using both mixes two mechanisms and
    the docs do not say how they combine (reference section 1; section 3, X42).

    Example: `{"guardrails_id": "g12345", "guardrail_ids": ["g0a1b2c3d4e"]}`.
    """
    if not persona.has("/guardrails_id"):
        return
    new = [name for name in ("guardrail_ids", "guardrail_tags") if persona.has(f"/{name}")]
    if new:
        together = " and ".join(repr(name) for name in new)
        yield Finding("/guardrails_id", f"legacy 'guardrails_id' is set together with {together}", target="key",
                      hint="attach the set's guardrails through 'guardrail_ids' and remove 'guardrails_id'")
