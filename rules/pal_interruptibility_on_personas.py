"""FLOW008: the PAL name ``pal_interruptibility`` in a ``/v2/personas`` body."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule

_FLOW = "/layers/conversational_flow/"


@rule(code="FLOW008", name="pal-interruptibility-on-personas", severity="warning", kinds=("persona",), since="2025-12")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A `/v2/personas` body sets `pal_interruptibility`, the `/v2/pals` name of `replica_interruptibility`.

    Why: `/v2/personas` documents `replica_interruptibility`
    (https://docs.tavus.io/sections/conversational-video-interface/persona/conversational-flow);
    `pal_interruptibility` is its name on `/v2/pals`
    (https://docs.tavus.io/sections/conversational-video-interface/pal/conversational-flow).
    Public code sends the PAL name to `/v2/personas` (observed in public code, 2 projects, since
    2026-08), and whether that endpoint reads it is not documented. This finding replaces the
    schema's unknown-property warning for the key.
    """
    if not persona.has(_FLOW + "pal_interruptibility"):
        return
    if persona.has(_FLOW + "replica_interruptibility"):
        message = "pal_interruptibility is the /v2/pals name of replica_interruptibility, which is also set"
        hint = "remove pal_interruptibility from this /v2/personas body"
    else:
        message = "pal_interruptibility is the /v2/pals name; /v2/personas documents replica_interruptibility"
        hint = "rename it to 'replica_interruptibility', or send the body to /v2/pals"
    yield Finding(_FLOW + "pal_interruptibility", message, target="key", hint=hint, supersedes_schema=True)
