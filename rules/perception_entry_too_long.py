"""PERC008: Raven queries, tool prompts and perception tool descriptions stay within 1,000 characters."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.tooldefs import PERCEPTION_TOOL_LISTS, RAVEN_ENTRY_CHARS, RAVEN_ENTRY_CHARS_LENIENT, functions
from linter.util import pointer as ptr

QUERIES = (
    "ambient_awareness_queries", "visual_awareness_queries", "audio_awareness_queries", "perception_analysis_queries",
)
PROMPTS = ("perception_tool_prompt", "visual_tool_prompt", "audio_tool_prompt", "tool_prompt")


@dataclass(frozen=True, slots=True)
class Limits:
    max_characters: int = field(
        default=RAVEN_ENTRY_CHARS,
        metadata={"doc": "longest entry accepted; set 10000 to follow the Perception page's lenient reading"},
    )


@rule(code="PERC008", name="perception-entry-too-long", severity="warning", options=Limits)
def check(persona: Persona, options: Limits) -> Iterator[Finding]:
    """A perception query, tool prompt or perception tool description is longer than 1,000 characters.

    Why: Tavus' Perception-tool page limits each entry to 1,000 characters while the Perception page
    of the same date says 10,000; exceeding the limit "causes an exception"
    (https://docs.tavus.io/sections/conversational-video-interface/persona/perception-tool,
    https://docs.tavus.io/sections/conversational-video-interface/persona/perception). Over 10,000
    breaks both readings.

    Option `max-characters` (default 1000) sets the limit, e.g. 10000 for the lenient reading.
    """
    perception = persona.layer("perception")
    if not perception:  # every entry this rule measures is inside the perception layer
        return
    for key in QUERIES:
        entries = perception.get(key)
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            where = ptr.join("/layers/perception", key, index)
            yield from _check(where, entry, f"entry {index} of '{key}'", options.max_characters)
    for key in PROMPTS:
        yield from _check(ptr.join("/layers/perception", key), perception.get(key), f"'{key}'", options.max_characters)
    for definition in functions(persona, PERCEPTION_TOOL_LISTS):
        text = definition.function.get("description")
        label = f"the description of perception tool {definition.label}"
        yield from _check(definition.at("description"), text, label, options.max_characters)


def _check(where: str, text: object, label: str, limit: int) -> Iterator[Finding]:
    if not isinstance(text, str) or len(text) <= limit:
        return
    if len(text) > RAVEN_ENTRY_CHARS_LENIENT:
        reading = "over both the 1,000 (Perception-tool page) and 10,000 (Perception page) limits"
    elif limit == RAVEN_ENTRY_CHARS:
        reading = "over the Perception-tool page's 1,000-character limit (the Perception page allows 10,000)"
    else:
        reading = f"over the configured limit of {limit:,}"
    yield Finding(where, f"{label} has {len(text):,} characters, {reading}", hint="split it or shorten it")
