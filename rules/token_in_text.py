"""SEC004: a well-known API key shape inside ordinary text."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.redact import mask
from linter.tavus.secrets import find_secrets
from linter.util import pointer as ptr


@rule(code="SEC004", name="token-in-text", severity="warning")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A string that is not a credential field (a prompt, a name, a query), or an object key,
    contains an API key shape (`sk-…`, `gsk_…`, `AIza…`, JWT, ...).

    Why: keys pasted into prompts, tool descriptions or the wrong field leak with the file and are
    sent to the LLM as text. The shapes are those of OpenAI, Anthropic, Groq, Google, Slack, GitHub,
    Hugging Face, AWS keys, JSON Web Tokens and private-key blocks; a shape can be a false alarm,
    hence a warning.
    """
    for hit in find_secrets(persona.data):
        if hit.kind == "token" and hit.in_key:
            where = ptr.display(ptr.parent(hit.pointer))
            yield Finding(hit.pointer, f"a key in '{where}' looks like {hit.name} ({mask(hit.secret)})", target="key",
                          hint="remove the key from the file and revoke it if it was real")
        elif hit.kind == "token":
            yield Finding(hit.pointer, f"'{ptr.display(hit.pointer)}' contains what looks like {hit.name} "
                          f"({mask(hit.secret)})", hint="remove the key from the text and revoke it if it was real")
