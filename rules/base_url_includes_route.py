"""LLM005: a custom LLM ``base_url`` that already contains the API route."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

from linter.diagnostic import Finding, Fix, ReplaceValue
from linter.rule import Persona, rule
from linter.util.lazy_regex import LazyPattern
from rules._layers import custom_base_url, has_http_scheme

# Routes of OpenAI-compatible and common LLM servers; Tavus appends /chat/completions itself.
_ROUTE = LazyPattern(
    r"(?P<route>/(?:v\d+/)?(?:chat/completions|completions|responses|messages|embeddings|api/chat|api/generate))/*$",
    re.IGNORECASE,
)


@rule(
    code="LLM005", name="base-url-includes-route", severity="warning",
    fix="safe: cuts the route from base_url (not when it carries credentials or a query)",
)
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A custom LLM's `base_url` ends with an API route such as `/chat/completions`.

    Why: Tavus appends `/chat/completions` to `base_url` itself, and the docs say to omit route
    extensions; a URL that already ends with the route is called as
    `.../chat/completions/chat/completions`
    (https://docs.tavus.io/sections/conversational-video-interface/persona/llm).
    """
    base_url = custom_base_url(persona)
    if base_url is None or not has_http_scheme(base_url):
        return
    try:
        parts = urlsplit(base_url.strip())
        port = parts.port
    except ValueError:  # a malformed host or port: not this rule's business
        return
    match = _ROUTE.search(parts.path)
    if match is None:
        return
    route = match.group("route")
    version = re.match(r"/v\d+", route, re.IGNORECASE)
    kept = parts.path[: match.start()] + (version.group(0) if version else "")
    host = parts.hostname or ""
    if port:
        host += f":{port}"
    suggestion = urlunsplit((parts.scheme, host, kept, "", ""))  # no credentials, no query
    yield Finding(
        "/layers/llm/base_url",
        f"'base_url' ends with the route {route!r}; Tavus appends /chat/completions itself",
        hint=f"use {suggestion!r}",
        fix=_fix(base_url, suggestion),
    )


def _fix(base_url: str, suggestion: str) -> Fix | None:
    """The route cut off, only when the URL carries nothing the suggestion drops (credentials, a query)."""
    parts = urlsplit(base_url.strip())
    if parts.username or parts.password or parts.query or parts.fragment:
        return None  # SEC002's business, and a query may matter: leave it to a person
    return Fix("Remove the route from 'base_url'", "safe", (ReplaceValue("/layers/llm/base_url", suggestion),))
