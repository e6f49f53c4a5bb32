"""TOOL008: every tool parameter has a type and a description."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.tooldefs import functions, properties
from linter.util import pointer as ptr

_TYPED_BY = ("type", "enum", "const", "$ref", "anyOf", "oneOf", "allOf")
"""Keywords that pin a parameter's type without ``type`` itself."""


def _local_target(parameters: Any, schema: dict[str, Any]) -> dict[str, Any]:
    """The subschema a local ``$ref`` (``#/$defs/city``) names, or ``{}``."""
    reference = schema.get("$ref")
    if not isinstance(reference, str) or not reference.startswith("#"):
        return {}
    target: Any = parameters
    for token in ptr.split(reference[1:]):
        target = target.get(token) if isinstance(target, dict) else None
    return target if isinstance(target, dict) else {}


@rule(code="TOOL008", name="parameter-missing-type-or-description", severity="warning")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A tool parameter has no `type` or no `description`.

    Why: the model fills arguments from the parameter's type and description alone; Tavus' examples
    give both for every parameter
    (https://docs.tavus.io/sections/conversational-video-interface/persona/llm-tool,
    https://docs.tavus.io/sections/conversational-video-interface/persona/perception-tool).
    """
    for definition in functions(persona):
        for name, schema in properties(definition.parameters or {}):
            if not isinstance(schema, dict):
                continue  # booleans are valid schemas; other values are TOOL007's
            missing = []
            if not any(keyword in schema for keyword in _TYPED_BY):
                missing.append("type")
            description = schema.get("description") or _local_target(definition.parameters, schema).get("description")
            if not (isinstance(description, str) and description.strip()):
                missing.append("description")
            if missing:
                where = ptr.join(definition.at("parameters"), "properties", name)
                message = f"parameter {name!r} of tool {definition.label} has no {' and no '.join(missing)}"
                yield Finding(where, message, target="key", hint=f"add {' and '.join(repr(m) for m in missing)}")
