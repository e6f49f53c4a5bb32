"""STT003: ``smart_turn_detection`` with an STT engine that does not support it."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from rules._layers import is_true, stt_engine, stt_turn_taking_overridden


@rule(code="STT003", name="smart-turn-detection-engine", severity="warning", since="2025-03")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`smart_turn_detection` is on but the STT engine in effect does not support it.

    Why: Sparrow-0 smart turn detection "is only supported with `tavus-advanced`" (reference
    section 2.3, section 3, X23). An omitted `stt_engine` is `tavus-advanced` until 2026-03
    and `tavus-auto` after. When `conversational_flow` overrides the setting anyway, STT005
    reports that instead.

    Example: `{"stt_engine": "tavus-turbo", "smart_turn_detection": true}`.
    """
    engine = stt_engine(persona)
    if engine is None or engine in persona.facts.smart_turn_engines or stt_turn_taking_overridden(persona):
        return
    if is_true(persona.get("/layers/stt/smart_turn_detection")):
        shown = f"{engine!r}" if persona.has("/layers/stt/stt_engine") else f"the default {engine!r}"
        yield Finding(
            "/layers/stt/smart_turn_detection",
            f"smart_turn_detection only works with {' or '.join(sorted(persona.facts.smart_turn_engines))}; "
            f"stt_engine is {shown}",
            hint="use conversational_flow turn detection instead" if persona.facts.has_conversational_flow
            else "set stt_engine to 'tavus-advanced'",
        )
