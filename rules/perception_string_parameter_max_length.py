"""PERC010: string parameters of perception tools carry ``maxLength`` <= 1,000."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.tooldefs import PERCEPTION_TOOL_LISTS, RAVEN_ENTRY_CHARS, functions, schema_nodes
from linter.util import pointer as ptr


@rule(code="PERC010", name="perception-string-parameter-max-length", severity="info", since="2026-02")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A string parameter of a perception tool has no `maxLength`, or one above 1,000.

    Why: the Raven-1 Perception-tool page says string parameters' `maxLength` must not exceed
    1,000 characters and its examples set it on every string (reference section 3, X51;
    section 2.4).

    Example: `"id_type": {"type": "string", "description": "..."}` in `visual_tools`.
    """
    for definition in functions(persona, PERCEPTION_TOOL_LISTS):
        for where, node in schema_nodes(definition.parameters, definition.at("parameters")):
            kind = node.get("type")
            if not (kind == "string" or (isinstance(kind, list) and "string" in kind)) or "enum" in node:
                continue
            limit = node.get("maxLength")
            name = ptr.display(where).rsplit(".", 1)[-1]
            hint = f'add "maxLength": {RAVEN_ENTRY_CHARS} (or less)'
            if limit is None:
                message = f"string parameter {name!r} of perception tool {definition.label} has no maxLength"
                yield Finding(where, message, target="key", hint=hint)
            elif isinstance(limit, int) and limit > RAVEN_ENTRY_CHARS:
                message = f"string parameter {name!r} of perception tool {definition.label} allows {limit:,} characters"
                lower = f"lower maxLength to {RAVEN_ENTRY_CHARS} or less"
                yield Finding(ptr.join(where, "maxLength"), message, hint=lower)
