"""FLOW003: ``turn_commitment`` or ``active_listening``, documented only in the first conversational flow."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule


@rule(code="FLOW003", name="cf-v1-only-field", severity="warning", since="2025-12")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`conversational_flow.turn_commitment` or `active_listening` is set; both were dropped after the first version.

    Why: the first conversational-flow docs (late 2025) had `turn_commitment` and
    `active_listening`; the next version dropped them and later docs never list them again
    (the 2026 Tavus CLI still sends them on PALs). They are deprecated in 2025-12 and unknown
    from 2026-02; this replaces the schema's unknown-property warning (reference section 2.5,
    section 3, X31, open question 11).

    Example: `"conversational_flow": {"turn_detection_model": "sparrow-1", "turn_commitment": "low"}`.
    """
    flow = persona.layer("conversational_flow")
    interruptibility = "pal_interruptibility" if persona.facts.pal else "replica_interruptibility"
    for field in sorted(persona.facts.cf_v1_fields & flow.keys()):
        yield Finding(
            f"/layers/conversational_flow/{field}",
            f"conversational_flow.{field} belongs to the first conversational-flow version (late 2025) "
            "and was dropped from the docs after it",
            target="key",
            hint=f"remove it; tune turn_taking_patience and {interruptibility} instead",
            supersedes_schema=True,
        )
