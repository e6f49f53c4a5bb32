"""STT006: ``hotwords`` written as a list instead of one string."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from rules._layers import replace_value


@rule(
    code="STT006", name="hotwords-array", severity="error",
    fix="unsafe: joins the list into one comma-separated string",
)
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`stt.hotwords` is an array; Tavus takes one string of sentences.

    Why: `hotwords` is documented as a string, e.g. "Roey is the name of the person you're speaking
    with."; some SDKs model it as a list of words, which the API does not take
    (https://docs.tavus.io/sections/conversational-video-interface/persona/stt). This replaces the
    schema's generic type error.
    """
    hotwords = persona.get("/layers/stt/hotwords")
    if not isinstance(hotwords, list):
        return
    words = [item for item in hotwords if isinstance(item, str) and item.strip()]
    joined = ", ".join(words)
    hint = f"write one string, e.g. {joined[:80]!r}" if words else "write one string of sentences"
    yield Finding(
        "/layers/stt/hotwords",
        "hotwords is one string of sentences, not a list",
        hint=hint,
        supersedes_schema=True,
        fix=replace_value("/layers/stt/hotwords", "the list", joined) if words else None,
    )
