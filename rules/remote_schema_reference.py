"""TOOL022: a ``$ref`` in tool parameters that points outside the tool definition."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.redact import show
from linter.tavus.tooldefs import functions, schema_nodes
from linter.util import pointer as ptr


@rule(code="TOOL022", name="remote-schema-reference", severity="warning")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A tool's `parameters` use a `$ref` to a URL or another file instead of a local `#/...` reference.

    Why: the parameters schema is passed to the model provider as written; OpenAI's structured
    schemas allow only references inside the same schema (`$defs` with `#/$defs/...`,
    https://platform.openai.com/docs/guides/structured-outputs/supported-schemas), so a remote
    reference leaves the model without the definition. persona-lint never fetches it either:
    checking stays offline, and the reference is reported instead.
    """
    for definition in functions(persona):
        for where, node in schema_nodes(definition.parameters, definition.at("parameters")):
            reference = node.get("$ref")
            if isinstance(reference, str) and not reference.startswith("#"):
                message = f"tool {definition.label} refers to {show(reference)}, outside its own parameters"
                hint = "inline the definition, or move it under \"$defs\" and use \"#/$defs/...\""
                yield Finding(ptr.join(where, "$ref"), message, hint=hint)
