"""PERC007: a perception field set under both its legacy and its new name."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.facts import PERCEPTION_RENAMES


@rule(code="PERC007", name="legacy-and-new-perception-field", severity="warning", since="2026-02")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A perception field is set under both its legacy name and its new one (e.g. `perception_tools`
    and `visual_tools`).

    Why: Tavus does not document which of the two wins, so one of them is silently ignored
    (reference section 3, X37). Keep only the new name.

    Example: `ambient_awareness_queries` and `visual_awareness_queries` both set.
    """
    if not persona.facts.perception_renamed:
        return
    perception = persona.layer("perception")
    for old, new in PERCEPTION_RENAMES.items():
        if old in perception and new in perception:
            message = f"both '{old}' and its new name '{new}' are set; which one Tavus uses is undocumented"
            hint = f"merge it into {new!r} and remove it"
            yield Finding(f"/layers/perception/{old}", message, target="key", hint=hint)
