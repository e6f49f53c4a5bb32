"""PIPE012: pre-PAL field names in a PAL body."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.known_mistakes import PAL_ALIASES
from linter.util import pointer as ptr


@rule(code="PIPE012", name="pal-alias-field", severity="warning", kinds=("pal",))
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A PAL body uses a pre-PAL name (`persona_name`, `default_replica_id`, `replica_interruptibility`).

    Why: `POST /v2/pals` names these fields `pal_name`, `default_face_id` and
    `pal_interruptibility`; the old names stay accepted as aliases, but setting both names is
    redundant and may conflict (reference section 5.2, tavus-pal-2026-06; section 3, X32). A
    `default_replica_id` without `default_face_id` is left to the schema's missing-property
    finding (SCH002), which already asks for `default_face_id`.

    Example: `{"persona_name": "Interviewer", "default_face_id": "r79e1c033f"}` on `/v2/pals`.
    """
    for alias, name in PAL_ALIASES.items():
        if not persona.has(alias):
            continue
        old, new = ptr.split(alias)[-1], ptr.split(name)[-1]
        if persona.has(name):
            yield Finding(alias, f"'{old}' is the pre-PAL alias of '{new}', which is also set", target="key",
                          hint=f"remove '{old}'")
        elif alias != "/default_replica_id":
            yield Finding(alias, f"'{old}' is the pre-PAL name of '{new}'", target="key", hint=f"rename it to '{new}'")
