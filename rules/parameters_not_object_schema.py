"""TOOL007: a tool's ``parameters`` is a valid JSON Schema of type object."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.schemas import store as schemas
from linter.tavus.redact import show
from linter.tavus.tooldefs import FunctionDef, functions
from linter.util import pointer as ptr


@rule(code="TOOL007", name="parameters-not-object-schema", severity="error")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A tool's `parameters` is not a valid JSON Schema, or not one of type `object`.

    Why: the parameters are handed to the LLM provider as a JSON Schema; an invalid schema (`"type":
    "text"`, `"required": "name"`) is rejected, and Tavus requires `"type": "object"` at the root
    (https://docs.tavus.io/sections/conversational-video-interface/persona/llm-tool). The check uses
    the JSON Schema 2020-12 metaschema.
    """
    for definition in functions(persona):
        parameters = definition.parameters
        if not parameters:  # absent or {}: TOOL006
            continue
        base = definition.at("parameters")
        kind = parameters.get("type")
        if kind is None:
            message = f"the parameters of tool {definition.label} have no \"type\": \"object\""
            yield Finding(base, message, target="key", hint='add "type": "object"')
        elif kind != "object":
            message = f"the parameters of tool {definition.label} have type {show(kind)}, not \"object\""
            yield Finding(ptr.join(base, "type"), message, hint="wrap the arguments in an object schema")
        yield from _metaschema_findings(definition, parameters, base)


def _metaschema_findings(definition: FunctionDef, parameters: dict[str, Any], base: str) -> Iterator[Finding]:
    fast = schemas.fast_metaschema_check()
    if fast is not None and fast(parameters):  # the usual case: no jsonschema import, microseconds
        return
    from jsonschema.exceptions import best_match

    reported: set[str] = set()
    for error in _metaschema_validator().iter_errors(parameters):
        where = ptr.join(base, *error.absolute_path)
        if where in reported or where == ptr.join(base, "type"):
            continue
        reported.add(where)
        cause = best_match(error.context) if error.context else error
        place = definition.place(where)
        message = f"the parameters of tool {definition.label} are not a valid JSON Schema at '{place}': "
        yield Finding(where, message + _short(cause.message))


@cache
def _metaschema_validator() -> Any:
    # Imported here: personas without tools never pay for building the metaschema validator.
    from jsonschema import Draft202012Validator

    return Draft202012Validator(Draft202012Validator.META_SCHEMA)


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
