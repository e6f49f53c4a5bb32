"""PERC008: Raven queries, tool prompts and perception tool descriptions stay within 1,000 characters."""

from __future__ import annotations

from collections.abc import Iterator

from linter import pointer as ptr
from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tooldefs import PERCEPTION_TOOL_LISTS, RAVEN_ENTRY_CHARS, RAVEN_ENTRY_CHARS_LENIENT, functions

QUERIES = (
    "ambient_awareness_queries", "visual_awareness_queries", "audio_awareness_queries", "perception_analysis_queries",
)
PROMPTS = ("perception_tool_prompt", "visual_tool_prompt", "audio_tool_prompt", "tool_prompt")


@rule(code="PERC008", name="perception-entry-too-long", severity="warning")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A perception query, tool prompt or perception tool description is longer than 1,000 characters.

    Why: Tavus' Perception-tool page limits each entry to 1,000 characters while the Perception
    page of the same date says 10,000; exceeding the limit "causes an exception" (reference
    section 2.4, X38, open question 8.6). Over 10,000 breaks both readings.

    Example: a `visual_tool_prompt` of 1,500 characters.
    """
    perception = persona.layer("perception")
    for key in QUERIES:
        entries = perception.get(key)
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            yield from _check(ptr.join("/layers/perception", key, index), entry, f"entry {index} of '{key}'")
    for key in PROMPTS:
        yield from _check(ptr.join("/layers/perception", key), perception.get(key), f"'{key}'")
    for definition in functions(persona, PERCEPTION_TOOL_LISTS):
        text = definition.function.get("description")
        yield from _check(definition.at("description"), text, f"the description of perception tool {definition.label}")


def _check(where: str, text: object, label: str) -> Iterator[Finding]:
    if not isinstance(text, str) or len(text) <= RAVEN_ENTRY_CHARS:
        return
    if len(text) > RAVEN_ENTRY_CHARS_LENIENT:
        reading = "over both the 1,000 (Perception-tool page) and 10,000 (Perception page) limits"
    else:
        reading = "over the Perception-tool page's 1,000-character limit (the Perception page allows 10,000)"
    yield Finding(where, f"{label} has {len(text):,} characters, {reading}", hint="split it or shorten it")
