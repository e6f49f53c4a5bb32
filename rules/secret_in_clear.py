"""SEC001: an API key or other credential field holds a literal secret."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.redact import mask
from linter.tavus.secrets import find_secrets
from linter.util import pointer as ptr


@rule(code="SEC001", name="secret-in-clear", severity="error")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A credential field (`api_key`, `*_token`, `password`, ...) holds a literal secret, not a placeholder.

    Why: persona files are committed and shared; a key written in clear (custom LLM `api_key`,
    ElevenLabs or Cartesia `api_key`, `sts.api_key`) leaks with the repository, as in 5 of 17 public
    personas surveyed (observed in public persona files). Keep a placeholder such as
    `${LLM_API_KEY}` or `<api-key>` in the file and fill it in when you send the request. The value
    is never printed, only its length. Placeholders, and whole values that no service issues as a
    key (`test`, `none`, `not-needed`, as sent to proxies that check none), are left alone.
    """
    for hit in find_secrets(persona.data):
        if hit.kind == "field":
            yield Finding(hit.pointer, f"'{ptr.display(hit.pointer)}' holds a credential in clear ({mask(hit.secret)})",
                          hint="keep a placeholder such as \"${API_KEY}\" in the file and fill it in at deploy time")
