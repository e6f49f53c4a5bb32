"""LLM009: a custom LLM ``base_url`` that is not an http(s) URL."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.diagnostic import Finding, Fix, ReplaceValue
from linter.rule import Persona, rule
from linter.tavus.redact import show
from linter.tavus.secrets import is_placeholder
from linter.util.lazy_regex import LazyPattern
from rules._layers import custom_base_url, has_http_scheme

_HOST = LazyPattern(r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d+)?(/[^\s<>{}]*)?$")
"""Looks like ``host.name[:port][/path]``: then the fix is just the missing scheme."""
_LOCAL = LazyPattern(r"^(?:[a-z]+://)?(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?:[:/]|$)", re.IGNORECASE)


@rule(
    code="LLM009", name="base-url-without-scheme", severity="error",
    fix="unsafe: adds https:// in front of a bare host name",
)
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A custom LLM's `base_url` does not start with `http://` or `https://`.

    Why: Tavus calls `base_url` + `/chat/completions` over HTTP from its own servers; a value such
    as `localhost:5000` or `api.example.com/v1` is not a URL it can call (an "OpenAI-compatible
    endpoint", https://docs.tavus.io/sections/conversational-video-interface/persona/llm; Tavus' own
    2024 sample used `localhost:5000`).
    """
    base_url = custom_base_url(persona)
    if base_url is None or has_http_scheme(base_url) or is_placeholder(base_url):
        return  # "your-base-url", "<endpoint>", "${LLM_URL}": filled in at deploy time
    address = base_url.strip().split("@")[-1].split("?")[0]  # never echo user:pass@ or ?key=
    shown = show(address)
    fix = None
    if _LOCAL.match(base_url.strip()):
        hint = "use a public https:// URL (for example a tunnel to your machine): Tavus cannot reach your localhost"
    elif _HOST.match(address):
        hint = f"use {'https://' + address!r}"
        if address == base_url:  # nothing to hide, nothing else in it: the fix writes what the hint says
            edit = ReplaceValue("/layers/llm/base_url", "https://" + address)
            fix = Fix("Add the https:// scheme", "unsafe", (edit,))
    else:
        hint = "use a full URL such as 'https://api.example.com/v1'"
    message = f"'base_url' is {shown}, which has no http:// or https:// scheme"
    yield Finding("/layers/llm/base_url", message, hint=hint, fix=fix)
