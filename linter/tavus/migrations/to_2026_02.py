"""2025-12 -> 2026-02: Raven-1 renames the perception fields, context merges into the prompt,
PlayHT is gone."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.diagnostic import RemoveMember, RenameKey, ReplaceValue
from linter.tavus.migrations import Action, Custom, Decide, Decision, Rename, Replace, Step
from linter.util import pointer as ptr

CHANGELOG = "https://docs.tavus.io/sections/changelog/changelog"
PERCEPTION = "https://docs.tavus.io/sections/conversational-video-interface/persona/perception"
TTS = "https://docs.tavus.io/sections/conversational-video-interface/persona/tts"


def _merge_context(value: Any) -> Iterator[Action]:
    """``context`` appended to ``system_prompt`` (deprecated 2026-02-12: the two were one text)."""
    if not isinstance(value, dict) or "context" not in value:
        return
    context, prompt = value["context"], value.get("system_prompt")
    if not isinstance(context, str) or not (prompt is None or isinstance(prompt, str)):
        yield Decision("/context", "'context' or 'system_prompt' is not a string: merge them by hand")
    elif not context.strip():
        yield RemoveMember("/context")
    elif prompt is None:
        yield RenameKey("/context", "system_prompt")
    else:
        yield ReplaceValue("/system_prompt", f"{prompt.rstrip()}\n\n{context.strip()}" if prompt.strip() else context)


def _context_merged(value: Any) -> Iterator[Action]:
    # The merge is two edits made one after the other; once the prompt ends with the context, it goes.
    if not isinstance(value, dict):
        return
    context, prompt = value.get("context"), value.get("system_prompt")
    if isinstance(context, str) and context.strip() and isinstance(prompt, str) and prompt.endswith(context.strip()):
        yield RemoveMember("/context")


def _plan_context(value: Any) -> Iterator[Action]:
    merged = list(_context_merged(value))
    yield from merged or _merge_context(value)


def _tool_prompt(value: Any) -> Iterator[Action]:
    perception = ptr.resolve(value, ["layers", "perception"], None)
    if isinstance(perception, dict) and "tool_prompt" in perception:
        yield Decision("/layers/perception/tool_prompt", "'tool_prompt' was removed: move its text into "
                                                         "'visual_tool_prompt' or 'audio_tool_prompt'")


STEP = Step(
    target="2026-02",
    changes=(
        Rename("/layers/perception/ambient_awareness_queries", "visual_awareness_queries", PERCEPTION),
        Rename("/layers/perception/perception_tool_prompt", "visual_tool_prompt", PERCEPTION),
        Rename("/layers/perception/perception_tools", "visual_tools", PERCEPTION),
        Custom("tool_prompt was removed: a person moves it", PERCEPTION, _tool_prompt),
        Replace("/layers/perception/perception_model", "basic", "raven-1", PERCEPTION),
        Custom("append context to system_prompt and remove it", CHANGELOG, _plan_context),
        Decide("/layers/tts/tts_engine", "PlayHT was removed on 2026-01-08: choose another engine and a voice "
               "of it (external_voice_id), then remove playht_user_id", TTS, lambda engine: engine == "playht"),
    ),
)
