"""Mistakes seen in real personas and in Tavus' own examples, as data for the ``PIPE`` rules.

Each group says where it was seen: Tavus' docs (https://docs.tavus.io/api-reference/personas/create-persona
and the pages it links) or public persona files and code.
"""

from __future__ import annotations

from typing import NamedTuple

from linter.tavus.persona import PERSONA_KEYS, Persona

CONVERSATION_FIELDS: dict[str, str] = {
    # Create Conversation fields (https://docs.tavus.io/sections/conversational-video-interface/creating-a-conversation).
    "memory_stores": "Memories are keyed per conversation (Create Conversation, 2025-08-15)",
    "conversational_context": "per-conversation context is a Create Conversation field",
    "custom_greeting": "the greeting is set per conversation (Create Conversation)",
    "document_retrieval_strategy": "the retrieval strategy is chosen per conversation (Create Conversation)",
    "audio_only": "audio-only calls are requested per conversation (Create Conversation)",
    "test_mode": "test mode is a Create Conversation option",
    "callback_url": "webhooks are registered per conversation (Create Conversation)",
    "properties": "conversation properties (max_call_duration, language, ...) go to Create Conversation",
}


class Misnamed(NamedTuple):
    """A key written where Tavus expects another name (or another place)."""

    pointer: str
    right: str  # the pointer to use, or "" when there is no such field at all
    note: str


MISNAMED_KEYS: tuple[Misnamed, ...] = (
    # Observed in public persona files and the tavus-skills SKILL.md. `voice_id` and
    # `perception_model_name` (a typo in Tavus' changelog) are left to the schema's unknown-property
    # finding, whose "did you mean" hint already names `external_voice_id` / `perception_model`.
    Misnamed("/layers/llm/llm", "/layers/llm/model", "the model is chosen with 'model'"),
    Misnamed(
        "/layers/perception/ambient_awareness", "",
        "there is no on/off switch; list what to watch for in the awareness queries",
    ),
    # The create-persona example on docs.tavus.io nests these under layers.
    Misnamed("/layers/document_ids", "/document_ids", "knowledge-base documents attach at the top level"),
    Misnamed("/layers/document_tags", "/document_tags", "knowledge-base tags attach at the top level"),
    # Layers written at the top level (seen in public harness configs).
    Misnamed("/llm", "/layers/llm", "layers live under 'layers'"),
    Misnamed("/tts", "/layers/tts", "layers live under 'layers'"),
    Misnamed("/stt", "/layers/stt", "layers live under 'layers'"),
    Misnamed("/perception", "/layers/perception", "layers live under 'layers'"),
    Misnamed("/conversational_flow", "/layers/conversational_flow", "layers live under 'layers'"),
    # OpenAI's Assistants API calls the system prompt `instructions` (seen in public persona code).
    Misnamed("/instructions", "/system_prompt", "what the LLM is told is 'system_prompt'"),
    # `model` is right in `llm` only (public persona code; the "did you mean" lookup misses these).
    Misnamed("/layers/tts/model", "/layers/tts/tts_model_name", "the voice model is 'tts_model_name'"),
    Misnamed(
        "/layers/perception/model", "/layers/perception/perception_model", "the Raven model is 'perception_model'",
    ),
)


class WrongValue(NamedTuple):
    """A value that is no engine or model of its field, with what to write instead."""

    pointer: str
    value: str
    hint: str
    correction: str = ""
    """A value the hint names instead, in revisions whose facts list it under ``facts_field``."""
    facts_field: str = ""


WRONG_VALUES: tuple[WrongValue, ...] = (
    # "tavus" is the platform, not an engine name (observed in public persona files).
    WrongValue("/layers/stt/stt_engine", "tavus", "STT engines are named 'tavus-auto', 'tavus-parakeet', ...; "
               "omit 'stt_engine' for the default"),
    WrongValue("/layers/tts/tts_engine", "tavus", "Tavus has no TTS engine of its own: omit 'tts_engine' "
               "for the default (Cartesia) or name a provider",
               # Public code of 2026 sends tts_engine "tavus-auto" (linter/tavus/evidence.py).
               correction="tavus-auto", facts_field="tts_engines"),
)


class LenientBoolean(NamedTuple):
    """A boolean field whose schema also accepts the strings "true"/"false" (as Tavus' own examples send)."""

    pointer: str
    layer: str
    since: str | None = None  # first revision where the field exists


LENIENT_BOOLEANS: tuple[LenientBoolean, ...] = (
    LenientBoolean("/layers/tts/tts_emotion_control", "tts"),
    LenientBoolean("/layers/tts/voice_settings/use_speaker_boost", "tts"),
    LenientBoolean("/layers/llm/speculative_inference", "llm"),
    LenientBoolean("/layers/stt/smart_turn_detection", "stt", since="2025-03"),
    LenientBoolean("/layers/vqa/enabled", "vqa"),
    LenientBoolean("/layers/vqa/enable_vision", "vqa"),
)


class IdField(NamedTuple):
    """A field holding a Tavus ID, and the prefix the IDs in Tavus' examples carry."""

    pointer: str  # "/guardrail_ids/*" for every item of an array
    prefix: str
    kind: str


ID_FIELDS: tuple[IdField, ...] = (
    IdField("/default_replica_id", "r", "replica"),
    IdField("/default_face_id", "r", "face (replica)"),
    IdField("/persona_id", "p", "persona"),
    IdField("/objectives_id", "o", "objectives"),
    IdField("/guardrails_id", "g", "guardrail set"),
    IdField("/guardrail_ids/*", "g", "guardrail"),
    IdField("/document_ids/*", "d", "document"),
    IdField("/layers/tts/pronunciation_dictionary_id", "pd_", "pronunciation dictionary"),
)

PAL_ALIASES: dict[str, str] = {
    # The pre-PAL names stay accepted aliases on /v2/pals (https://docs.tavus.io/api-reference/pals/create-pal).
    "/persona_name": "/pal_name",
    "/default_replica_id": "/default_face_id",
    "/layers/conversational_flow/replica_interruptibility": "/layers/conversational_flow/pal_interruptibility",
}


def wrapped_personas(persona: Persona) -> list[object] | None:
    """The personas inside a ``{"data": [...]}`` response, or ``None`` when this is a body."""
    data = persona.get("/data")
    if not isinstance(data, list) or PERSONA_KEYS & set(persona.get_dict("").keys()):
        return None
    if data and not any(isinstance(item, dict) and PERSONA_KEYS & item.keys() for item in data):
        return None
    return data
