"""What each API revision knows, as data read by the rules (never literals in rules).

The oldest revision is written in full; every other revision holds only its changes on top of
the revision it builds on (the previous one of its kind; the first PAL revision builds on the
newest persona revision before it), the way a newer folder of ``schemas/`` holds only what changed.

Every value cites ``../shared/reference/tavus-persona-api.md``: section 2 (fields), 5.1
(dated changes) and 5.4 (enum matrix). Where the reference is unsure the table says so in a
comment and rules read it as a warning, not an error.
"""

from __future__ import annotations

from functools import cache
from types import MappingProxyType
from typing import Literal, NamedTuple, TypedDict

from linter.tavus import revisions

Status = Literal["current", "deprecated", "removed"]


class Choice(NamedTuple):
    """One named value of an enum-like field and where it stands in a revision."""

    status: Status
    replacement: str | None = None
    note: str = ""


def _choices(entries: dict[str, Choice]) -> MappingProxyType[str, Choice]:
    return MappingProxyType(entries)


CURRENT = Choice("current")


class VoiceFamily(NamedTuple):
    """A TTS engine's model family and the ``voice_settings`` it takes (reference 2.2, X18, X53).

    ``pattern`` full-matches the family's ``tts_model_name`` values; ``keys`` is ``None`` when
    the docs list no keys at all (PlayHT), an empty set when they say there are none (Azure).
    """

    engine: str
    name: str
    pattern: str
    keys: frozenset[str] | None
    example: str = ""
    speed: tuple[float, float] | None = None  # numeric range the docs give; None: not stated
    speed_text: str = ""
    speed_words: frozenset[str] = frozenset()  # legacy Cartesia words ("normal", ...)
    volume: tuple[float, float] | None = None
    emotions: frozenset[str] = frozenset()
    emotion_levels: frozenset[str] = frozenset()


_CARTESIA_WORDS = frozenset({"slowest", "slow", "normal", "fast", "fastest"})  # [S35a]
_EMOTIONS = frozenset({"anger", "positivity", "surprise", "sadness", "curiosity"})
# Tavus says low/medium/high, Cartesia lowest/low/high/highest (open question 5): accept both.
_EMOTION_LEVELS = frozenset({"lowest", "low", "medium", "high", "highest"})
VOICE_FAMILIES: tuple[VoiceFamily, ...] = (
    VoiceFamily(
        "cartesia", "sonic-3", r"sonic-3(-.+)?", frozenset({"speed", "volume"}), "sonic-3",
        speed=(0.6, 1.5), speed_text="0.6-1.5", volume=(0.5, 2.0),
    ),
    VoiceFamily(
        "cartesia", "sonic-2", r"sonic-(2|turbo)(-.+)?", frozenset({"speed", "emotion"}), "sonic-2",
        speed_words=_CARTESIA_WORDS, emotions=_EMOTIONS, emotion_levels=_EMOTION_LEVELS,
    ),
    VoiceFamily(
        "cartesia", "sonic-1", r"sonic(-1|-english|-multilingual)?(-\d{4}-\d{2}-\d{2})?",
        frozenset({"speed", "emotion"}), "sonic",
        speed=(-1.0, 1.0), speed_text="-1.0 to 1.0", speed_words=_CARTESIA_WORDS,
        emotions=_EMOTIONS, emotion_levels=_EMOTION_LEVELS,
    ),
    VoiceFamily(
        "elevenlabs", "elevenlabs", r"eleven_[a-z0-9_]+",
        frozenset({"speed", "stability", "similarity_boost", "style", "use_speaker_boost"}), "eleven_multilingual_v2",
        # Guides and 2026 yaml: 0.7-1.2; a mid-2025 Get Persona yaml said 0.0-1.0 (open question 4).
        speed=(0.0, 1.2), speed_text="0.7-1.2 (a 2025 API page said 0.0-1.0)",
    ),
    VoiceFamily("azure", "azure", r"(?!)", frozenset()),  # no tts_model_name, no voice_settings documented
    VoiceFamily("playht", "playht", r"Play(HT)?[0-9.]*(-[A-Za-z0-9.]+)*|PlayDialog(-[A-Za-z0-9.]+)*", None),
)
TAVUS_VOICE_KEYS = frozenset({"pronunciation_dict_id", "pronunciation_dictionary_locators"})
"""``voice_settings`` keys Tavus writes itself when ``pronunciation_dictionary_id`` is set (X20)."""
_GUIDE_ONLY_LEVELS = MappingProxyType({"verylow": "low", "superlow": "low"})  # X25, X29
_HOSTED_EXTRA_BODY = frozenset({"temperature", "top_p"})  # documented since 2025-11-27 (X7, X10)


class Facts(NamedTuple):
    """The facts of one revision. ``Mapping``s map a value to its :class:`Choice`."""

    revision: str
    pal: bool
    # llm (2.1, 5.4): hosted names; a tavus-* name not here is unknown.
    hosted_models: MappingProxyType[str, Choice]
    default_model: str
    # tts (2.2)
    tts_engines: MappingProxyType[str, Choice]
    # stt (2.3)
    stt_engines: MappingProxyType[str, Choice]
    hotwords_engines: frozenset[str] | None  # None: any engine (restriction dropped 2026-03-27)
    smart_turn_engines: frozenset[str]
    # perception (2.4)
    perception_models: MappingProxyType[str, Choice]
    raven_models: frozenset[str]
    audio_models: frozenset[str]
    perception_renamed: bool  # visual_*/audio_* names exist; the old ones are deprecated
    # conversational flow (2.5)
    has_conversational_flow: bool
    turn_detection_models: MappingProxyType[str, Choice]
    # top level (1)
    context_deprecated: bool
    emotion_control_cartesia_only: bool
    prompt_tokens_limit: int
    layers: frozenset[str] = frozenset()
    # llm (2.1, X7, X10, X11)
    hosted_extra_body_keys: frozenset[str] = frozenset()
    prompt_tokens_recommended: int = 5_000
    model_tokens_limits: MappingProxyType[str, int] = MappingProxyType({})
    # tts (2.2, X18): model families and the Cartesia model used when tts_model_name is omitted
    voice_families: tuple[VoiceFamily, ...] = VOICE_FAMILIES
    default_tts_model: str | None = None
    # stt and turn-taking (2.3, 2.5, X22-X31)
    default_stt_engine: str = "tavus-advanced"
    guide_only_levels: MappingProxyType[str, str] = _GUIDE_ONLY_LEVELS
    default_turn_detection_model: str = "sparrow-1"
    overriding_turn_models: frozenset[str] = frozenset({"sparrow-1", "sparrow-2"})  # override STT turn fields
    time_based_spellings: frozenset[str] = frozenset({"time-based", "timebased"})
    cf_v1_fields: frozenset[str] = frozenset({"turn_commitment", "active_listening"})
    unverified_turn_detection_models: frozenset[str] = frozenset()
    # perception, flow and top level of the 2026-09 revisions (linter/tavus/evidence.py gives the sources)
    raw_audio_turn_models: frozenset[str] = frozenset()  # read the raw audio: voice_isolation has no effect
    disclosure_types: MappingProxyType[str, Choice] = MappingProxyType({})


class Changes(TypedDict, total=False):
    """What a revision changes on top of the revision it builds on: any field of :class:`Facts`
    but its identity, each replaced whole (as a newer schema folder replaces whole files)."""

    hosted_models: MappingProxyType[str, Choice]
    default_model: str
    tts_engines: MappingProxyType[str, Choice]
    stt_engines: MappingProxyType[str, Choice]
    hotwords_engines: frozenset[str] | None
    smart_turn_engines: frozenset[str]
    perception_models: MappingProxyType[str, Choice]
    raven_models: frozenset[str]
    audio_models: frozenset[str]
    perception_renamed: bool
    has_conversational_flow: bool
    turn_detection_models: MappingProxyType[str, Choice]
    context_deprecated: bool
    emotion_control_cartesia_only: bool
    prompt_tokens_limit: int
    layers: frozenset[str]
    hosted_extra_body_keys: frozenset[str]
    prompt_tokens_recommended: int
    model_tokens_limits: MappingProxyType[str, int]
    voice_families: tuple[VoiceFamily, ...]
    default_tts_model: str | None
    default_stt_engine: str
    guide_only_levels: MappingProxyType[str, str]
    default_turn_detection_model: str
    overriding_turn_models: frozenset[str]
    time_based_spellings: frozenset[str]
    cf_v1_fields: frozenset[str]
    unverified_turn_detection_models: frozenset[str]
    raw_audio_turn_models: frozenset[str]
    disclosure_types: MappingProxyType[str, Choice]


_LEGACY_HOSTED = _choices({
    "tavus-llama": CURRENT,
    "tavus-gpt-4o": CURRENT,
    "tavus-gpt-4o-mini": CURRENT,
})
_LLAMA_4_HOSTED = _choices({
    "tavus-llama": Choice("deprecated", "tavus-llama-4", "tavus-llama-4 is the recommended default since 2025-07-22"),
    "tavus-llama-4": CURRENT,
    "tavus-gpt-4o": CURRENT,
    "tavus-gpt-4o-mini": CURRENT,
})
_GPT_OSS_HOSTED = _choices({
    "tavus-gpt-oss": CURRENT,
    "tavus-gpt-4o": CURRENT,
    "tavus-gpt-4o-mini": CURRENT,
    "tavus-llama": Choice("removed", "tavus-gpt-oss", "Llama personas were migrated to tavus-gpt-oss on 2025-12-18"),
    "tavus-llama-4": Choice("removed", "tavus-gpt-oss", "Llama personas were migrated to tavus-gpt-oss on 2025-12-18"),
})
_2026_HOSTED = _choices({
    "tavus-gpt-oss": CURRENT,
    "tavus-gemini-2.5-flash": CURRENT,
    "tavus-claude-haiku-4.5": CURRENT,
    "tavus-gpt-5.2": CURRENT,
    "tavus-gemini-3-flash": CURRENT,
    "tavus-gpt-4.1": Choice("deprecated", "tavus-gpt-5.2", "listed as deprecated since 2026-02-17"),
    "tavus-gpt-4o": Choice("deprecated", "tavus-gpt-oss", "deprecated on 2026-02-17"),
    "tavus-gpt-4o-mini": Choice("deprecated", "tavus-gpt-oss", "deprecated on 2026-02-17"),
    "tavus-llama": Choice("removed", "tavus-gpt-oss", "Llama personas were migrated to tavus-gpt-oss on 2025-12-18"),
    "tavus-llama-4": Choice("removed", "tavus-gpt-oss", "Llama personas were migrated to tavus-gpt-oss on 2025-12-18"),
})
_PAL_HOSTED = _choices({
    "tavus-glm-4.7": CURRENT,
    "tavus-gpt-oss": CURRENT,
    "tavus-gemini-2.5-flash": CURRENT,
    "tavus-claude-haiku-4.5": CURRENT,
    "tavus-gpt-5.2": CURRENT,
    "tavus-gemini-3-flash": CURRENT,
    "tavus-gpt-4.1": Choice("deprecated", "tavus-glm-4.7", "listed as deprecated on the PAL LLM page"),
    # Not listed on the PAL page; whether the API still accepts them is not documented.
    "tavus-gpt-4o": Choice("deprecated", "tavus-glm-4.7", "deprecated 2026-02-17, no longer listed for PALs"),
    "tavus-gpt-4o-mini": Choice("deprecated", "tavus-glm-4.7", "deprecated 2026-02-17, no longer listed for PALs"),
    # The official tavus-cli (Oct 2026) defaults to tavus-gemma-4; no docs page lists it (8.11).
    "tavus-gemma-4": Choice("current", note="seen only in the official tavus-cli and user code, not in the docs"),
    "tavus-llama": Choice("removed", "tavus-glm-4.7", "Llama personas were migrated on 2025-12-18"),
    "tavus-llama-4": Choice("removed", "tavus-glm-4.7", "Llama personas were migrated on 2025-12-18"),
})

# 2026-09: observed in public code of July-October 2026, see linter/tavus/evidence.py.
_GLM_TO_GEMMA = Choice(
    "deprecated", "tavus-gemma-4", "deprecated in favour of tavus-gemma-4, observed in public code since 2026-07"
)
_NEW_HOSTED = {
    "tavus-gemma-4": CURRENT,
    "tavus-gemma-4-thinking": CURRENT,
    "tavus-gpt-5.6-sol": CURRENT,
    "tavus-gpt-5.6-terra": CURRENT,
}
_2026_09_HOSTED = _choices({**_2026_HOSTED, **_NEW_HOSTED, "tavus-glm-4.7": _GLM_TO_GEMMA})
_PAL_2026_09_HOSTED = _choices({
    **{
        name: choice._replace(replacement="tavus-gemma-4") if choice.replacement == "tavus-glm-4.7" else choice
        for name, choice in _PAL_HOSTED.items() if name != "tavus-glm-4.7"
    },
    **_NEW_HOSTED,
    "tavus-glm-4.7": _GLM_TO_GEMMA,
})

_TTS_PLAYHT = _choices({"cartesia": CURRENT, "elevenlabs": CURRENT, "playht": CURRENT})
_TTS_PLAYHT_DEPRECATED = _choices({
    "cartesia": CURRENT,
    "elevenlabs": CURRENT,
    "playht": Choice("deprecated", "cartesia", "PlayHT was removed on 2026-01-08"),
})
_TTS_2026 = _choices({
    "cartesia": CURRENT,
    "elevenlabs": CURRENT,
    "playht": Choice("removed", "cartesia", "PlayHT was removed on 2026-01-08"),
})
_TTS_AZURE = _choices({
    "cartesia": CURRENT,
    "elevenlabs": CURRENT,
    "azure": CURRENT,
    "playht": Choice("removed", "cartesia", "PlayHT was removed on 2026-01-08"),
})

_TTS_2026_09 = _choices({"tavus-auto": CURRENT, **_TTS_AZURE})

_STT_EARLY = _choices({"tavus-turbo": CURRENT, "tavus-advanced": CURRENT})
_STT_2026_03 = _choices({
    "tavus-auto": CURRENT,
    "tavus-parakeet": CURRENT,
    "tavus-soniox": CURRENT,
    "tavus-whisper": CURRENT,
    "tavus-deepgram-medical": CURRENT,
    "tavus-advanced": Choice("deprecated", "tavus-auto", "deprecated on 2026-03-27, still active"),
    "tavus-turbo": Choice("removed", "tavus-parakeet", "not listed after 2026-03-27 (tavus-parakeet is fastest)"),
})

_NO_PERCEPTION = _choices({})
_RAVEN_0 = _choices({"raven-0": CURRENT, "basic": Choice("current", "raven-0", "legacy, limited"), "off": CURRENT})
_RAVEN_1 = _choices({
    "raven-1": CURRENT,
    "raven-0": Choice("deprecated", "raven-1", "legacy since 2026-02-11"),
    "off": CURRENT,
    "basic": Choice("removed", "raven-1", "no longer listed from 2026-02-11"),
})
_RAVEN_PAL = _choices({
    "raven-1": CURRENT,
    "off": CURRENT,
    # Inferred: PAL pages list only raven-1 and off (X40); the tavus-cli still accepts raven-0.
    "raven-0": Choice("deprecated", "raven-1", "PAL pages list only raven-1 and off"),
})

_RAVEN_2026_09 = _choices({**_RAVEN_1, "raven-2": CURRENT})
_RAVEN_PAL_2026_09 = _choices({**_RAVEN_PAL, "raven-2": CURRENT})

_NO_FLOW = _choices({})
_FLOW_2025 = _choices({
    "sparrow-1": CURRENT,
    "sparrow-0": Choice("deprecated", "sparrow-1", "legacy once sparrow-1 is the default"),
    "time-based": CURRENT,
    "timebased": Choice("deprecated", "time-based", "this revision's docs spell it time-based"),
})
_FLOW_2026_06 = _choices({
    "sparrow-1": CURRENT,
    "sparrow-0": Choice("deprecated", "sparrow-1", "API-only, not actively supported"),
    "timebased": CURRENT,
    "time-based": Choice("deprecated", "timebased", "the June 2026 docs spell it timebased"),
})

_FLOW_2026_09 = _choices({**_FLOW_2026_06, "sparrow-2": CURRENT})
_DISCLOSURE = _choices({"auto": CURRENT, "always": CURRENT})

_RAVENS_0 = frozenset({"raven-0"})
_RAVENS_1 = frozenset({"raven-0", "raven-1"})
_ADVANCED = frozenset({"tavus-advanced"})

_OLDEST = Facts(
    revision="2024-10", pal=False,
    hosted_models=_LEGACY_HOSTED, default_model="tavus-llama", tts_engines=_TTS_PLAYHT,
    stt_engines=_STT_EARLY, hotwords_engines=_ADVANCED, smart_turn_engines=_ADVANCED,
    perception_models=_NO_PERCEPTION, raven_models=frozenset(), audio_models=frozenset(), perception_renamed=False,
    has_conversational_flow=False, turn_detection_models=_NO_FLOW,
    context_deprecated=False, emotion_control_cartesia_only=True,
    prompt_tokens_limit=120_000,  # early-2025 snapshot said 120,000 tokens [S1b]
    # Recommended prompt size: "degradation above 100,000" (early 2025), 25,000 (2025), 5,000 (2026) [S1b], [S6a-e]
    prompt_tokens_recommended=100_000,
    layers=frozenset({"llm", "tts", "stt", "vqa", "sts"}),
)
"""The oldest revision in full; every other revision is its changes on top of the one before it."""

_CHANGES: dict[str, Changes] = {
    "2024-10": Changes(),
    "2025-03": Changes(
        perception_models=_RAVEN_0, raven_models=_RAVENS_0,
        prompt_tokens_limit=32_000, prompt_tokens_recommended=25_000,
        layers=frozenset({"llm", "tts", "stt", "perception", "sts", "transport"}),
    ),
    "2025-08": Changes(hosted_models=_LLAMA_4_HOSTED, default_model="tavus-llama-4"),
    "2025-12": Changes(
        hosted_models=_GPT_OSS_HOSTED, default_model="tavus-gpt-oss", tts_engines=_TTS_PLAYHT_DEPRECATED,
        has_conversational_flow=True, turn_detection_models=_FLOW_2025,
        layers=frozenset({"llm", "tts", "stt", "perception", "conversational_flow", "sts", "transport"}),
        # Sonic-3 default and temperature/top_p documented from 2025-11-27/2025-12-18 [S15]
        hosted_extra_body_keys=_HOSTED_EXTRA_BODY, default_tts_model="sonic-3",
    ),
    "2026-02": Changes(
        hosted_models=_2026_HOSTED, tts_engines=_TTS_2026,
        perception_models=_RAVEN_1, raven_models=_RAVENS_1, audio_models=frozenset({"raven-1"}),
        perception_renamed=True, context_deprecated=True, emotion_control_cartesia_only=False,
        prompt_tokens_recommended=5_000,
    ),
    "2026-03": Changes(stt_engines=_STT_2026_03, hotwords_engines=None, default_stt_engine="tavus-auto"),
    "2026-06": Changes(tts_engines=_TTS_AZURE, turn_detection_models=_FLOW_2026_06),
    # Builds on 2026-06: a PAL body is a persona body with renamed and added fields.
    "pal-2026-06": Changes(
        hosted_models=_PAL_HOSTED, default_model="tavus-glm-4.7", perception_models=_RAVEN_PAL,
        layers=frozenset({
            "llm", "tts", "stt", "perception", "conversational_flow", "sts", "transport",
            "conferencing", "capabilities", "knowledge_base",
        }),
        model_tokens_limits=MappingProxyType({"tavus-glm-4.7": 200_000}),
        unverified_turn_detection_models=frozenset({"sparrow-2"}),  # user code only (open question 11)
    ),
    # Observed in public code of July-October 2026 (linter/tavus/evidence.py). sparrow-2 is the
    # account default from September 2026 and reads the raw audio itself.
    "2026-09": Changes(
        hosted_models=_2026_09_HOSTED, tts_engines=_TTS_2026_09, perception_models=_RAVEN_2026_09,
        turn_detection_models=_FLOW_2026_09, default_turn_detection_model="sparrow-2",
        raw_audio_turn_models=frozenset({"sparrow-2"}),
    ),
    "pal-2026-09": Changes(
        hosted_models=_PAL_2026_09_HOSTED, default_model="tavus-gemma-4", tts_engines=_TTS_2026_09,
        perception_models=_RAVEN_PAL_2026_09, turn_detection_models=_FLOW_2026_09,
        default_turn_detection_model="sparrow-2", unverified_turn_detection_models=frozenset(),
        raw_audio_turn_models=frozenset({"sparrow-2"}), disclosure_types=_DISCLOSURE,
    ),
}


@cache
def facts(revision: str) -> Facts:
    """The facts of ``revision`` (a name from :data:`linter.revisions.NAMES`): the facts of the
    revision it builds on (:func:`linter.tavus.revisions.previous`) with its own changes."""
    base = revisions.previous(revision)
    before = _OLDEST if base is None else facts(base.name)
    return before._replace(revision=revision, pal=revisions.BY_NAME[revision].pal, **_CHANGES[revision])


PERCEPTION_RENAMES: MappingProxyType[str, str] = MappingProxyType({
    # Renamed on 2026-02-11 (reference 2.4, X37): the old names stay accepted but deprecated in
    # every revision whose facts say ``perception_renamed``.
    "ambient_awareness_queries": "visual_awareness_queries",
    "perception_tool_prompt": "visual_tool_prompt",
    "perception_tools": "visual_tools",
})
PERCEPTION_REMOVED: MappingProxyType[str, str] = MappingProxyType({
    # Removed by 2026-02 (reference 2.4): replaced by one prompt per modality.
    "tool_prompt": "visual_tool_prompt or audio_tool_prompt",
})
