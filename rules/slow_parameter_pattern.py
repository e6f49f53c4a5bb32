"""TOOL021: ``pattern``s in tool parameters that may backtrack catastrophically."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.redact import show
from linter.tavus.tooldefs import MAX_PATTERN_CHARS, functions, nested_quantifier, parameter_patterns


@rule(code="TOOL021", name="slow-parameter-pattern", severity="warning")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A tool parameter's `pattern` nests unbounded quantifiers (`(a+)+`, `(.*)*`) or is too long to check.

    Why: nested quantifiers backtrack exponentially on input that almost matches, so validating one
    argument can stall whoever checks it (your client, the provider); over 1,000 characters
    persona-lint does not compile the pattern. The shape is found by reading the pattern, never by
    running it.
    """
    for definition in functions(persona):
        for where, pattern, target in parameter_patterns(definition):
            if len(pattern) > MAX_PATTERN_CHARS:
                message = f"pattern of tool {definition.label} has {len(pattern):,} characters; it was not checked"
                yield Finding(where, message, target=target, hint="simplify it or validate in your client instead")
            elif nested_quantifier(pattern):
                message = f"pattern {show(pattern)} of tool {definition.label} repeats a repeated group"
                hint = "remove the inner or outer quantifier, e.g. (\\w+\\s?)* -> [\\w\\s]*"
                yield Finding(where, message, target=target, hint=hint)
