"""FLOW002: an interruptibility value that only the docs' own example uses."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from rules._layers import guide_only_levels

_FIELDS = ("replica_interruptibility", "pal_interruptibility")


@rule(code="FLOW002", name="guide-only-interruptibility", severity="warning", since="2025-12")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`replica_interruptibility` or `pal_interruptibility` is `verylow`, outside the documented enum.

    Why: the documented values are `low`, `medium`, `high`; the docs' own example uses
    `"verylow"`, so the schema accepts it and this rule warns (reference section 2.5, section
    3, X29).

    Example: `"replica_interruptibility": "verylow"`.
    """
    yield from guide_only_levels(persona, "conversational_flow", _FIELDS, "is outside the documented low, medium, high")
