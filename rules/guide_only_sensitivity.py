"""STT004: a participant sensitivity value that only the guides list."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from rules._layers import guide_only_levels

_FIELDS = ("participant_pause_sensitivity", "participant_interrupt_sensitivity")


@rule(
    code="STT004", name="guide-only-sensitivity", severity="warning",
    fix="unsafe: writes the closest documented level",
)
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`participant_pause_sensitivity` or `participant_interrupt_sensitivity` is `verylow` or `superlow`.

    Why: the STT guide pages list `verylow` and `superlow`, but the API reference enum is only
    `low`, `medium`, `high`; the schema accepts them so that guide-made personas keep working, and
    this rule warns (https://docs.tavus.io/sections/conversational-video-interface/persona/stt,
    https://docs.tavus.io/api-reference/personas/get-personas).
    """
    documented = "appears only in guide pages; the API enum is low, medium, high"
    yield from guide_only_levels(persona, "stt", _FIELDS, documented)
