"""STT001: an STT engine the revision lists as deprecated."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from rules._layers import status_finding


@rule(
    code="STT001", name="deprecated-stt-engine", severity="warning",
    fix="unsafe: replaces the engine with the replacement the docs name",
)
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`stt_engine` is deprecated in the selected revision.

    Why: since 2026-03-27 `tavus-advanced` is deprecated (still active) in favour of `tavus-auto`,
    the new default router
    (https://docs.tavus.io/sections/conversational-video-interface/persona/stt,
    https://docs.tavus.io/sections/changelog/changelog). Engines no longer listed (`tavus-turbo`)
    are rejected by the schema's enum instead.
    """
    engine = persona.get_str("/layers/stt/stt_engine")
    choice = persona.facts.stt_engines.get(engine) if engine else None
    if choice is not None and choice.status == "deprecated":
        what = f"stt_engine {engine!r} is deprecated in revision {persona.revision}"
        yield status_finding("/layers/stt/stt_engine", what, choice, engine)
