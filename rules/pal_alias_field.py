"""PIPE012: pre-PAL field names in a PAL body."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.known_mistakes import PAL_ALIASES
from linter.util import pointer as ptr
from rules._layers import remove_member, rename_key


@rule(
    code="PIPE012", name="pal-alias-field", severity="warning", kinds=("pal",),
    fix="safe or unsafe: renames the pre-PAL field, or removes it when the PAL name is set too (safe when both agree)",
)
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A PAL body uses a pre-PAL name (`persona_name`, `default_replica_id`, `replica_interruptibility`).

    Why: `POST /v2/pals` names these fields `pal_name`, `default_face_id` and
    `pal_interruptibility`; the old names stay accepted as aliases, but setting both names is
    redundant and may conflict (https://docs.tavus.io/api-reference/pals/create-pal). A
    `default_replica_id` without `default_face_id` is left to the schema's missing-property finding
    (SCH002), which already asks for `default_face_id`.
    """
    for alias, name in PAL_ALIASES.items():
        if not persona.has(alias):
            continue
        old, new = ptr.split(alias)[-1], ptr.split(name)[-1]
        if persona.has(name):
            same = persona.get(alias) == persona.get(name)
            yield Finding(alias, f"'{old}' is the pre-PAL alias of '{new}', which is also set", target="key",
                          hint=f"remove '{old}'", fix=remove_member(alias, "safe" if same else "unsafe"))
        elif alias != "/default_replica_id":
            yield Finding(alias, f"'{old}' is the pre-PAL name of '{new}'", target="key", hint=f"rename it to '{new}'",
                          fix=rename_key(alias, new))
