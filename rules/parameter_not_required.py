"""TOOL014: Tavus recommends listing every tool parameter in ``required``."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.tooldefs import functions, properties
from linter.util import pointer as ptr


@rule(code="TOOL014", name="parameter-not-required", severity="info")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A tool parameter is not listed in the tool's `required` list.

    Why: Tavus' tool pages recommend listing every parameter in `required`
    (https://docs.tavus.io/sections/conversational-video-interface/persona/llm-tool); models often
    skip optional arguments. Tools with `strict: true` are TOOL013's, where this is mandatory.
    """
    for definition in functions(persona):
        parameters = definition.parameters
        if not parameters or definition.function.get("strict") is True:
            continue
        required = parameters.get("required", [])
        known = dict(properties(parameters))
        if not isinstance(required, list) or any(not isinstance(name, str) or name not in known for name in required):
            continue  # a broken list is TOOL003's (often a misspelled parameter)
        optional = [name for name, _schema in properties(parameters) if name not in required]
        if optional:
            names = ", ".join(repr(name) for name in optional)
            where = ptr.join(definition.at("parameters"), "required")
            target = "value" if "required" in parameters else "key"
            where = where if target == "value" else definition.at("parameters")
            message = f"tool {definition.label} does not list {names} in 'required'"
            yield Finding(where, message, target=target, hint="Tavus recommends requiring every parameter")
