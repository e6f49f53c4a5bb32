"""SEC003: an HTTP header of the custom LLM holds a literal credential."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.redact import mask
from linter.tavus.secrets import find_secrets
from linter.util import pointer as ptr


@rule(code="SEC003", name="secret-in-headers", severity="error")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A header in `headers` (`Authorization`, `x-api-key`, `*-token`, ...) holds a literal credential.

    Why: `llm.headers` are sent to a custom LLM "for authenticating"
    (https://docs.tavus.io/sections/conversational-video-interface/persona/llm); a bearer token or
    key written there leaks with the committed file exactly like an `api_key`. `Bearer ${LLM_TOKEN}`
    or `Bearer <token>` are placeholders and pass.
    """
    for hit in find_secrets(persona.data):
        if hit.kind == "header":
            yield Finding(hit.pointer, f"header {hit.name!r} in '{ptr.display(ptr.parent(hit.pointer))}' holds a "
                          f"credential in clear ({mask(hit.secret)})",
                          hint=_HINT_AUTHORIZATION if hit.name.lower() == "authorization" else _HINT_OTHER)


_HINT_AUTHORIZATION = "keep a placeholder such as \"Bearer ${LLM_TOKEN}\" in the file"
_HINT_OTHER = "keep a placeholder such as \"${LLM_API_KEY}\" in the file"
