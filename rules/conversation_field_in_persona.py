"""PIPE006: fields of Create Conversation written into the persona."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.known_mistakes import CONVERSATION_FIELDS
from rules._layers import remove_member


@rule(
    code="PIPE006", name="conversation-field-in-persona", severity="warning",
    fix="unsafe: removes the conversation field from the persona",
)
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A Create Conversation field (`memory_stores`, `custom_greeting`, `callback_url`, ...) is set on the persona.

    Why: these fields configure one conversation (`POST /v2/conversations`), not the persona; in a
    persona body the API ignores them, so the setting silently does nothing
    (https://docs.tavus.io/sections/conversational-video-interface/creating-a-conversation). This
    finding replaces the generic unknown-property one (SCH001) at that key.
    """
    if not isinstance(persona.data, dict):
        return
    for name, why in CONVERSATION_FIELDS.items():
        if name in persona.data:
            yield Finding(f"/{name}", f"'{name}' is a Create Conversation field, not a persona field", target="key",
                          hint=f"{why}: send it when you create the conversation", supersedes_schema=True,
                          fix=remove_member(f"/{name}"))
