"""PIPE008: a boolean written as the string "true" or "false"."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding, Fix, ReplaceValue
from linter.rule import Persona, rule
from linter.tavus import revisions
from linter.tavus.known_mistakes import LENIENT_BOOLEANS
from linter.util import pointer as ptr


@rule(code="PIPE008", name="string-boolean", severity="warning", fix="safe: writes the boolean without quotes")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A boolean field (`tts_emotion_control`, `speculative_inference`, ...) is given as the
    string `"true"` or `"false"`.

    Why: the fields are booleans in every Tavus schema, but Tavus' own Create Persona example sends
    `"tts_emotion_control": "false"` and the 2024 example `"enable_vision": "false"`; whether the
    API converts the string is not documented, so the schema accepts it and this rule warns
    (https://docs.tavus.io/api-reference/personas/create-persona). Note that a non-empty string may
    be read as true.
    """
    for field in LENIENT_BOOLEANS:
        if field.layer not in persona.facts.layers:
            continue
        if field.since and not revisions.at_least(persona.revision, field.since):
            continue
        value = persona.get(field.pointer)
        if value in ("true", "false"):
            edit = ReplaceValue(field.pointer, value == "true")
            fix = Fix(f"Replace the string {value!r} with {value}", "safe", (edit,))
            yield Finding(field.pointer, f"'{ptr.display(field.pointer)}' is the string {value!r}, not a boolean",
                          hint=f"write {value} without quotes", fix=fix)
