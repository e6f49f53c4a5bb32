"""PIPE013: the file is a Get/List Persona response, not a Create Persona body."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding, Fix, Hoist
from linter.rule import Persona, rule
from linter.tavus.known_mistakes import wrapped_personas


@rule(
    code="PIPE013", name="api-response-wrapper", severity="error",
    fix="unsafe: makes the one persona inside data the whole document",
)
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """The file is a Get or List Persona response (`{"data": [...]}`), not a persona body.

    Why: Get Persona returns `{"data": [persona]}` and List Personas adds `total_count`
    (https://docs.tavus.io/api-reference/personas/get-persona); sending that wrapper to `POST
    /v2/personas` creates a persona with none of the intended settings, since the API ignores the
    unknown `data` key. Lint the persona itself: copy the object inside `data`, without the
    read-only `persona_id`, `created_at` and `updated_at` fields of a response (PIPE014).
    """
    personas = wrapped_personas(persona)
    if personas is None:
        return
    count = f"{len(personas)} persona{'s' if len(personas) != 1 else ''}"
    message = f"this is an API response wrapping {count} in 'data', not a persona body"
    # The whole document is not a body: schema findings about it (total_count, ...) say nothing more.
    fix = None
    if len(personas) == 1 and isinstance(personas[0], dict):
        fix = Fix("Unwrap the persona from the response", "unsafe", (Hoist("/data/0"),))
    yield Finding("", message, target="key", hint="lint the object inside 'data' instead", supersedes_schema=True,
                  fix=fix)
