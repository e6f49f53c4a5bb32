"""TTS005: a TTS engine the revision lists as deprecated."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from rules._layers import status_finding


@rule(
    code="TTS005", name="deprecated-tts-engine", severity="warning",
    fix="unsafe: replaces the engine with the replacement the docs name",
)
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`tts_engine` is deprecated in the selected revision.

    Why: PlayHT was deprecated in late 2025 and removed on 2026-01-08
    (https://docs.tavus.io/sections/changelog/changelog); from revision 2026-02 the schema rejects
    it outright, so this rule covers the revisions that still accept it with a deprecation.
    """
    engine = persona.get_str("/layers/tts/tts_engine")
    choice = persona.facts.tts_engines.get(engine) if engine else None
    if choice is not None and choice.status == "deprecated":
        what = f"tts_engine {engine!r} is deprecated in revision {persona.revision}"
        yield status_finding("/layers/tts/tts_engine", what, choice, engine)
