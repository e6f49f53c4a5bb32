"""PIPE007: a key or value that real personas get wrong, with the right name."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.known_mistakes import MISNAMED_KEYS, WRONG_VALUES
from linter.util import pointer as ptr
from rules._layers import rename_key


@rule(
    code="PIPE007", name="known-misspelling", severity="warning",
    fix="safe: renames a wrong field name in place to the right one, where it has one in the same object",
)
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A known wrong name (`llm.llm`, `ambient_awareness`, `document_ids` under `layers`, a layer
    outside `layers`, `instructions` for `system_prompt`, `model` in `tts` or `perception`) or the
    engine name `tavus`.

    Why: these mistakes come from secondary material and public code (observed in public persona
    files, and in the examples on https://docs.tavus.io/api-reference/personas/create-persona): the
    API ignores an unknown key, so the setting silently does nothing, and `"tavus"` is no STT or TTS
    engine. The hint names the right field; this finding replaces the generic schema finding
    (SCH001, SCH004) at that place. Misspellings the schema's "did you mean" hint already fixes
    (`voice_id` for `external_voice_id`) stay with SCH001.
    """
    for wrong in MISNAMED_KEYS:
        if not persona.has(wrong.pointer) or (wrong.right and persona.has(wrong.right)):
            continue  # with the right field also set, the schema's unknown-property finding says enough
        where = ptr.display(wrong.pointer)
        fix = None
        if wrong.right:
            message = f"'{where}' is not a Tavus field: {wrong.note}"
            hint = f"use '{ptr.display(wrong.right)}'"
            if ptr.parent(wrong.right) == ptr.parent(wrong.pointer):  # a rename in place
                fix = rename_key(wrong.pointer, ptr.split(wrong.right)[-1])
        else:
            message = f"'{where}' is not a Tavus field"
            hint = _awareness_hint(persona)
        yield Finding(wrong.pointer, message, target="key", hint=hint, supersedes_schema=True, fix=fix)
    for value in WRONG_VALUES:
        if persona.get(value.pointer) == value.value:
            known = getattr(persona.facts, value.facts_field) if value.facts_field else ()
            hint = f"did you mean {value.correction!r}?" if value.correction in known else value.hint
            yield Finding(value.pointer, f"'{ptr.display(value.pointer)}' is {value.value!r}, which is no engine",
                          hint=hint, supersedes_schema=True)


def _awareness_hint(persona: Persona) -> str:
    field = "visual_awareness_queries" if persona.facts.perception_renamed else "ambient_awareness_queries"
    return f"remove it and list what to watch for in 'layers.perception.{field}'"
