"""STT002: ``hotwords`` with an STT engine that ignores them."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from rules._layers import stt_engine


@rule(code="STT002", name="hotwords-engine", severity="warning")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`hotwords` is set but the STT engine in effect is not one that uses them.

    Why: until the engine change of 2026-03-27 the docs say hotwords only work with `stt_engine:
    "tavus-advanced"` (the default then, so omitting the engine is fine); later docs drop the
    restriction (https://docs.tavus.io/sections/conversational-video-interface/persona/stt).
    """
    engines = persona.facts.hotwords_engines
    engine = stt_engine(persona)
    hotwords = persona.get("/layers/stt/hotwords")
    if engines is None or engine is None or engine in engines or not hotwords:
        return
    yield Finding(
        "/layers/stt/hotwords",
        f"hotwords only work with {' or '.join(sorted(engines))} in revision {persona.revision}; "
        f"stt_engine is {engine!r}",
        target="key",
        hint=f"set stt_engine to {sorted(engines)[0]!r}, or remove hotwords",
    )
