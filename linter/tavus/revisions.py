"""The Tavus API revisions persona-lint knows, oldest first (reference section 5.2).

Each name is the month from which the body shape is believed valid. Several of the
reference's dated points are merged where only additive fields changed; the summary says so.
"""

from __future__ import annotations

from typing import NamedTuple


class Revision(NamedTuple):
    name: str
    summary: str
    merges: tuple[str, ...] = ()
    pal: bool = False


REVISIONS: tuple[Revision, ...] = (
    Revision(
        "2024-10",
        "VQA era: layers llm, tts (cartesia, elevenlabs, playht), stt, vqa; legacy speech-to-speech (sts).",
    ),
    Revision(
        "2025-03",
        "Raven-0 perception replaces vqa; Sparrow-0 smart_turn_detection in stt; tts_model_name; "
        "llm headers/extra_body; LiveKit transport. Month approximate (live by 2025-04-02).",
    ),
    Revision(
        "2025-08",
        "tavus-llama-4 (2025-07-22); knowledge base, objectives and guardrails: document_ids, "
        "document_tags, objectives_id, guardrails_id (2025-08-15).",
        merges=("2025-07-22", "2025-08-15"),
    ),
    Revision(
        "2025-12",
        "conversational_flow layer (Sparrow-1); tavus-gpt-oss default, llama names removed; "
        "llm default_query, extra_body temperature/top_p; PlayHT deprecated (removed 2026-01-08).",
        merges=("2025-11-27", "2025-12-18"),
    ),
    Revision(
        "2026-02",
        "Raven-1 default, perception fields renamed to visual_*/audio_*; context deprecated; "
        "new hosted LLMs (gemini, claude, gpt-5.2), gpt-4o family deprecated; PlayHT removed.",
        merges=("2026-01-08", "2026-02-11", "2026-02-12", "2026-02-17"),
    ),
    Revision(
        "2026-03",
        "New STT engines tavus-auto (default), parakeet, soniox, whisper, deepgram-medical; "
        "tavus-advanced deprecated, tavus-turbo gone.",
        merges=("2026-03-27",),
    ),
    Revision(
        "2026-06",
        "Newest /v2/personas body: voice_isolation, idle_engagement, wake_phrase, "
        "pronunciation_dictionary_id, guardrail_ids/guardrail_tags, Azure TTS.",
        merges=("2026-04-07", "2026-04-10", "2026-04-30", "2026-05-01", "2026-05-22", "2026-06-03"),
    ),
    Revision(
        "pal-2026-06",
        "PAL body for /v2/pals: pal_name, default_face_id (required), pal_interruptibility, "
        "layers.conferencing, raven-1/off only, tavus-glm-4.7 default; inline tools legacy.",
        pal=True,
    ),
)

BY_NAME = {revision.name: revision for revision in REVISIONS}
NAMES: tuple[str, ...] = tuple(BY_NAME)
DEFAULT = "2026-06"
"""The newest persona (not PAL) revision: what ``--schema-version`` defaults to."""
PAL_DEFAULT = "pal-2026-06"
"""The newest PAL revision: chosen for a body with PAL-only keys when nothing else names one."""


def order(name: str) -> int:
    """Position of a revision in time, for ``since``/``until`` comparisons."""
    return NAMES.index(name)


def at_least(name: str, since: str) -> bool:
    return order(name) >= order(since)
