"""TOOL015: every ``pattern`` in tool parameters is a valid regular expression."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.redact import show
from linter.tavus.tooldefs import MAX_PATTERN_CHARS, functions, parameter_patterns


@rule(code="TOOL015", name="invalid-parameter-pattern", severity="error")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A `pattern` (or `patternProperties` key) in a tool's parameters is not a valid regular expression.

    Why: the LLM provider compiles the parameters schema; a broken regular expression makes it
    reject the request or the argument validation
    (https://platform.openai.com/docs/guides/structured-outputs/supported-schemas). The pattern is
    only compiled (with Python's `re`), never run; patterns over 1,000 characters are TOOL021's.
    """
    for definition in functions(persona):
        for where, pattern, target in parameter_patterns(definition):
            if len(pattern) > MAX_PATTERN_CHARS:
                continue
            try:
                re.compile(pattern)
            except (re.error, RecursionError, OverflowError) as error:
                reason = getattr(error, "msg", None) or type(error).__name__
                message = f"pattern {show(pattern)} of tool {definition.label} is not a valid regular expression"
                message += f": {reason}"
                yield Finding(where, message, target=target)
