"""TOOL003: every name in a tool's ``required`` list is one of its ``properties``."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.tooldefs import functions, object_schemas
from linter.util import pointer as ptr
from linter.util.closest import closest


@rule(code="TOOL003", name="tool-required-not-in-properties", severity="error")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A name in a tool's `required` list is not defined in its `properties`.

    Why: the model is told to always send an argument that has no schema, so it invents one or the
    call fails validation; Tavus requires every `required` name to exist in `properties`
    (https://docs.tavus.io/sections/conversational-video-interface/persona/llm-tool). Usually a typo
    or a renamed parameter.

    Tavus' requirement is about the tool's `parameters`. A nested object schema with `required` and
    no `properties` at all (say, array items described as "the same fields as `define_pad`") is
    valid JSON Schema, an object with at least those keys, and is not reported, unless it also sets
    `"additionalProperties": false`, which no object can then satisfy.
    """
    for definition in functions(persona):
        for where, node in object_schemas(definition):
            required = node.get("required")
            if not isinstance(required, list):
                continue
            known = node.get("properties")
            if not isinstance(known, dict):
                if where != definition.at("parameters") and node.get("additionalProperties") is not False:
                    continue  # nested "an object with at least these keys": the author describes them elsewhere
                known = {}
            names, folded = list(known), _folded(known)
            for index, name in enumerate(required):
                if isinstance(name, str) and name not in known:
                    close = _close(name, names, folded)
                    message = f"tool {definition.label} requires {name!r}, which is not in its properties"
                    hint = f"did you mean {close!r}?" if close else f"add {name!r} to 'properties' or remove it"
                    yield Finding(ptr.join(where, "required", index), message, hint=hint)


def _folded(known: dict[str, object]) -> dict[str, str]:
    """Each property name by its spelling without case and underscores (built once per schema:
    thousands of missing names must not rebuild it each)."""
    return {k.lower().replace("_", ""): k for k in known}


def _close(name: str, known: list[str], folded: dict[str, str]) -> str | None:
    match = folded.get(name.lower().replace("_", ""))
    return match if match is not None else closest(name, known, cutoff=0.7)
