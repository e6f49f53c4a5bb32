"""FLOW002: an interruptibility value that only the docs' own example uses."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule

_FIELDS = ("replica_interruptibility", "pal_interruptibility")


@rule(code="FLOW002", name="guide-only-interruptibility", severity="warning", first_revision="2025-12")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`replica_interruptibility` or `pal_interruptibility` is `verylow`, outside the documented enum.

    Why: the documented values are `low`, `medium`, `high`; the docs' own example uses
    `"verylow"`, so the schema accepts it and this rule warns (reference section 2.5, section
    3, X29).

    Example: `"replica_interruptibility": "verylow"`.
    """
    levels = persona.facts.guide_only_levels
    flow = persona.layer("conversational_flow")
    for field in _FIELDS:
        value = flow.get(field)
        if isinstance(value, str) and value in levels:
            yield Finding(
                f"/layers/conversational_flow/{field}",
                f"{field} {value!r} is outside the documented low, medium, high",
                hint=f"use {levels[value]!r}",
            )
