"""TOOL013: tools with ``strict: true`` use only OpenAI's Structured Outputs schema subset."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.tooldefs import FunctionDef, functions, schema_nodes
from linter.util import pointer as ptr

UNSUPPORTED = ("allOf", "not", "if", "then", "else", "dependentRequired", "dependentSchemas")
"""Keywords strict mode rejects (https://platform.openai.com/docs/guides/structured-outputs/supported-schemas)."""


@rule(code="TOOL013", name="strict-mode-violation", severity="error")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A tool sets `strict: true` but its parameters break OpenAI's strict-mode rules.

    Why: with `strict: true` OpenAI accepts only a JSON Schema subset and rejects the whole request
    otherwise: the root is an object, every object sets `"additionalProperties": false`, every
    property is listed in `required` (optional ones as a union with `null`), and `allOf`, `not`,
    `if`/`then`/`else`, `dependentRequired`, `dependentSchemas` are unsupported
    (https://platform.openai.com/docs/guides/structured-outputs/supported-schemas). Tavus does not
    document `strict`; it is checked only when true.
    """
    for definition in functions(persona):
        if definition.function.get("strict") is not True or not definition.parameters:
            continue
        base = definition.at("parameters")
        if "anyOf" in definition.parameters:
            message = f"strict tool {definition.label} has 'anyOf' at the root of its parameters"
            yield Finding(ptr.join(base, "anyOf"), message)
        for where, node in schema_nodes(definition.parameters, base):
            yield from _node_findings(definition, where, node)


def _node_findings(definition: FunctionDef, where: str, node: dict[str, object]) -> Iterator[Finding]:
    place = definition.place(where)
    label = definition.label
    for keyword in UNSUPPORTED:
        if keyword in node:
            yield Finding(ptr.join(where, keyword), f"strict tool {label} uses unsupported {keyword!r} at '{place}'")
    members = node.get("properties")
    if node.get("type") != "object" and not isinstance(members, dict):
        return
    if node.get("additionalProperties") is not False:
        message = f"strict tool {label} needs \"additionalProperties\": false at '{place}'"
        yield Finding(where, message, target="key", hint='add "additionalProperties": false')
    required = node.get("required")
    listed = {name for name in required if isinstance(name, str)} if isinstance(required, list) else set()
    optional = [str(name) for name in members if name not in listed] if isinstance(members, dict) else []
    if optional:
        names = ", ".join(repr(name) for name in optional)
        message = f"strict tool {label} must list every property in 'required' at '{place}'; missing {names}"
        hint = 'list them and make optional ones nullable, e.g. "type": ["string", "null"]'
        yield Finding(where, message, target="key", hint=hint)
