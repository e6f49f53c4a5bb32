"""PIPE014: a create body carries the read-only fields of an API response."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule

_READ_ONLY = ("persona_id", "pal_id", "created_at", "updated_at")


@rule(code="PIPE014", name="read-only-response-field", severity="warning")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """The body carries `persona_id`, `pal_id`, `created_at` or `updated_at`, which only responses hold.

    Why: Get Persona returns these fields
    (https://docs.tavus.io/api-reference/personas/get-persona), but the create endpoint does
    not take them (https://docs.tavus.io/api-reference/personas/create-persona): the API
    assigns the id and the timestamps. A body carrying them is usually a saved GET response
    sent back as is.
    """
    present = [key for key in _READ_ONLY if key in persona.data]
    for key in present:
        message = f"'{key}' is a read-only field of API responses; the create endpoint does not take it"
        hint = f"this file looks like a GET response: remove {', '.join(present)} before sending it"
        yield Finding(f"/{key}", message, target="key", hint=hint)
