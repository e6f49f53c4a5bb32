"""TOOL009: ``enum`` lists in tool parameters are non-empty and match the declared type."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.redact import show
from linter.tavus.tooldefs import functions, schema_nodes
from linter.util import pointer as ptr

_CHECKS = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool)) or (isinstance(v, float) and v.is_integer()),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
}


@rule(code="TOOL009", name="enum-type-mismatch", severity="error")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A parameter's `enum` is empty, or holds values that are not of the parameter's `type`.

    Why: no argument can satisfy an empty enum or a value of another type, so the call always fails
    validation or the model sends a value your client does not expect
    (https://platform.openai.com/docs/guides/structured-outputs/supported-schemas).
    """
    for definition in functions(persona):
        for where, node in schema_nodes(definition.parameters, definition.at("parameters")):
            values = node.get("enum")
            if not isinstance(values, list):
                continue
            if not values:
                place = definition.place(where)  # only for a finding: most enums are fine
                message = f"tool {definition.label} has an empty enum at '{place}'; no value can match"
                yield Finding(ptr.join(where, "enum"), message, hint="list the allowed values or remove 'enum'")
                continue
            types = _declared(node.get("type"))
            wrong = [v for v in values if types and not any(_CHECKS[t](v) for t in types)]
            if wrong:
                shown = ", ".join(show(v) for v in wrong[:5])
                expected = " or ".join(types)
                place = definition.place(where)
                message = f"enum at '{place}' of tool {definition.label} has {shown}, not of type {expected}"
                hint = f"make every value of type {expected}, or change 'type'"
                yield Finding(ptr.join(where, "enum"), message, hint=hint)


def _declared(kind: Any) -> list[str]:
    """The declared types when every one is a known JSON type (else TOOL007 reports it)."""
    kinds = kind if isinstance(kind, list) else [kind]
    if not kinds or not all(isinstance(k, str) and k in _CHECKS for k in kinds):
        return []
    return list(kinds)
