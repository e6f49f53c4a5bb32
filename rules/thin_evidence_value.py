"""SCH010: a value persona-lint accepts on thin evidence (the API's error message, never a sent body)."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.evidence import thin_facts
from linter.tavus.vocabularies import open_in


@rule(code="SCH010", name="thin-evidence-value", severity="info")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A value known only from the API's own error message, which no public body sends yet.

    Why: `raven-2`, `voice_isolation: "far"` and `idle_end_behavior: "end_conversation"` appear
    in the list of allowed values that the live API printed in an error, quoted by one public
    project (observed in public code, 2026-08), but no public persona sends them. persona-lint
    accepts them (the API listed them) and says so, so a surprise in a test conversation is not
    a surprise to you.
    """
    if not open_in(persona.revision):
        return
    for pointer, value in thin_facts("pal" if persona.facts.pal else "persona"):
        if persona.get(pointer) == value:
            yield Finding(
                pointer,
                f"{value!r} is known only from the API's error message quoted in one public project; "
                "no public persona sends it yet",
                hint="it is accepted; try it in a test conversation before relying on it",
            )
