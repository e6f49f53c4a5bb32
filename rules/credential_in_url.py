"""SEC002: a URL carries a password or a key in its query."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.redact import mask
from linter.tavus.secrets import find_secrets
from linter.util import pointer as ptr


@rule(code="SEC002", name="credential-in-url", severity="error")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A URL (`base_url`, `websocket_url`, any other) carries `user:password@` or a key/token query parameter.

    Why: a credential inside a URL is a secret in clear: it leaks with the committed file and with
    every log line that prints the URL. Send keys through `api_key` or `headers` with a placeholder
    instead.
    """
    for hit in find_secrets(persona.data):
        if hit.kind != "url":
            continue
        what = "a password" if hit.name == "password" else f"the credential query parameter {hit.name!r}"
        yield Finding(hit.pointer, f"the URL in '{ptr.display(hit.pointer)}' carries {what} ({mask(hit.secret)})",
                      target="key" if hit.in_key else "value",
                      hint="remove the credential from the URL and pass it through 'api_key' or 'headers'")
