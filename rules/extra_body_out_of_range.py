"""LLM007: ``extra_body.temperature`` or ``top_p`` outside its documented range."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.redact import show

_RANGES = {"temperature": (0.0, 2.0), "top_p": (0.0, 1.0)}


@rule(code="LLM007", name="extra-body-out-of-range", severity="warning", since="2025-03")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`llm.extra_body.temperature` is not a number from 0 to 2, or `top_p` not from 0 to 1.

    Why: Tavus documents `temperature` as 0.0-2.0 ("typically") and `top_p` as 0.0-1.0 for
    hosted and custom models (reference section 2.1 and section 3, X10); OpenAI-compatible
    servers reject other values or a number sent as a string.

    Example: `"extra_body": {"temperature": 7}`.
    """
    extra_body = persona.get_dict("/layers/llm/extra_body")
    for key, (low, high) in _RANGES.items():
        if key not in extra_body:
            continue
        value = extra_body[key]
        where = f"/layers/llm/extra_body/{key}"
        if isinstance(value, bool) or not isinstance(value, int | float):
            yield Finding(where, f"extra_body.{key} is {show(value)}; it must be a number from {low:g} to {high:g}")
        elif not low <= value <= high:
            yield Finding(where, f"extra_body.{key} is {value:g}, outside the documented range {low:g}-{high:g}")
