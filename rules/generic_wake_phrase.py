"""FLOW005: a ``wake_phrase`` so short or common that everyday speech triggers it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.redact import show

_COMMON = frozenset({
    "hey", "hi", "hello", "ok", "okay", "yo", "there", "you", "please", "start", "go", "listen",
    "excuse", "me", "so", "um", "well", "good", "morning", "afternoon", "evening", "assistant",
})
"""Greetings and filler words; a phrase made only of these fires on ordinary conversation."""


@rule(code="FLOW005", name="generic-wake-phrase", severity="info", since="2026-06")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`conversational_flow.wake_phrase` is a single word or a bare greeting.

    Why: the replica stays silent until it hears the wake phrase; the docs advise against
    one-word and generic phrases such as "Hey", which everyday speech triggers (reference
    section 2.5 `wake_phrase`, section 3, X34).

    Example: `"wake_phrase": "Hello"`; prefer a name, e.g. `"Hey Charlie"`.
    """
    phrase = persona.get_str("/layers/conversational_flow/wake_phrase")
    if phrase is None:
        return
    words = re.findall(r"[\w']+", phrase.lower())
    if not words:
        return
    if len(words) == 1 or all(word in _COMMON for word in words):
        yield Finding(
            "/layers/conversational_flow/wake_phrase",
            f"wake_phrase {show(phrase)} is a single word or a bare greeting, which everyday speech will trigger",
            hint="use a distinctive phrase with a name, e.g. 'Hey Charlie'",
        )
