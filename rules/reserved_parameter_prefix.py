"""TOOL010: tool parameter names do not start with the reserved ``tavus_`` prefix."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.tooldefs import RESERVED_PARAMETER_PREFIX, functions, properties
from linter.util import pointer as ptr


@rule(code="TOOL010", name="reserved-parameter-prefix", severity="warning")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A tool parameter's name starts with `tavus_`.

    Why: the Tavus tools registry reserves the `tavus_` prefix for system placeholders and rejects
    such parameter names (the official tavus-cli, https://pypi.org/project/tavus-cli/); inline
    tools may behave unpredictably too.
    """
    for definition in functions(persona):
        for name, _schema in properties(definition.parameters or {}):
            if name.startswith(RESERVED_PARAMETER_PREFIX):
                where = ptr.join(definition.at("parameters"), "properties", name)
                message = f"parameter {name!r} of tool {definition.label} uses the reserved prefix 'tavus_'"
                hint = f"rename it, e.g. {name[len(RESERVED_PARAMETER_PREFIX):] or 'value'!r}"
                yield Finding(where, message, target="key", hint=hint)
