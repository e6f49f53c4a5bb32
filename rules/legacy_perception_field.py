"""PERC006: perception field names that were renamed or removed in 2026-02."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.facts import PERCEPTION_REMOVED, PERCEPTION_RENAMES


@rule(code="PERC006", name="legacy-perception-field", severity="warning", since="2026-02")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A perception field uses its pre-2026 name (`ambient_awareness_queries`,
    `perception_tool_prompt`, `perception_tools`, `tool_prompt`).

    Why: on 2026-02-11 Raven-1 renamed them `visual_awareness_queries`, `visual_tool_prompt` and
    `visual_tools`; the old names are still accepted but deprecated, and `tool_prompt` was removed
    (reference section 2.4, X37). Setting both names is PERC007's.

    Example: `"perception_tools": [...]` in a 2026 persona (use `visual_tools`).
    """
    if not persona.facts.perception_renamed:
        return
    perception = persona.layer("perception")
    for old, new in PERCEPTION_RENAMES.items():
        if old in perception and new not in perception:
            message = f"'{old}' is the deprecated name of '{new}'"
            yield Finding(f"/layers/perception/{old}", message, target="key", hint=f"rename it to {new!r}")
    for old, new in PERCEPTION_REMOVED.items():
        if old in perception:
            message = f"'{old}' was removed from the perception layer"
            yield Finding(f"/layers/perception/{old}", message, target="key", hint=f"use {new}", supersedes_schema=True)
