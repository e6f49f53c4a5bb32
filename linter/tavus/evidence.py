"""Where each fact of the newest revisions comes from: a Tavus docs page, or public code.

A fact is ``documented`` (a docs.tavus.io page says it) or ``observed`` (public code sends it,
quotes the live API's error message or reads it back from the API). Users see
:meth:`Evidence.describe` ("observed in public code, 3 projects, since 2026-08"); the code-index
ids of the public files stay here, for maintainers who re-check them (``docs/updating-the-api-data.md``).

Keys are ``(kind, pointer, value)``: ``kind`` is the body kind (``persona`` for
``/v2/personas``, ``pal`` for ``/v2/pals``), ``pointer`` the field's JSON Pointer and ``value``
one value of it, or ``None`` for the field itself.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Literal, NamedTuple

from linter.tavus import revisions
from linter.tavus.revisions import Kind

EvidenceKind = Literal["documented", "observed"]


class Evidence(NamedTuple):
    """How persona-lint knows one fact."""

    kind: EvidenceKind
    url: str = ""
    """The Tavus docs page of a documented fact."""
    projects: int = 0
    """Unrelated public projects that send or quote the value (observed facts)."""
    since: str | None = None
    """Month (``YYYY-MM``) of the oldest dated source; ``None`` when no source shows a date."""
    checked: str = "2026-10"
    """Month the sources were last read: the date of this fact."""
    thin: bool = False
    """One source only, and no public body sends the value: accepted, with a hint."""
    ids: tuple[int, ...] = ()
    """Code-index ids of the public files (maintainers' data, never printed)."""

    def describe(self) -> str:
        if self.kind == "documented":
            return f"documented: {self.url}"
        count = f"{self.projects} project{'s' if self.projects != 1 else ''}"
        since = f", since {self.since}" if self.since else ""
        thin = "; thin evidence: the API's error message lists it, no public body sends it yet" if self.thin else ""
        return f"observed in public code, {count}{since}{thin}"


Key = tuple[Kind, str, "str | None"]

_LLM = "/layers/llm/model"
_TTS = "/layers/tts/tts_engine"
_STT = "/layers/stt/stt_engine"
_PERCEPTION = "/layers/perception/perception_model"
_EMOTION = "/layers/perception/emotion_recognition"
_TURN = "/layers/conversational_flow/turn_detection_model"
_ISOLATION = "/layers/conversational_flow/voice_isolation"
_IDLE_END = "/layers/conversational_flow/idle_end_behavior"

_DOCS = "https://docs.tavus.io/sections/conversational-video-interface/"
_PERSONA_LLM = _DOCS + "persona/llm"
_PAL_LLM = _DOCS + "pal/llm"
_TTS_DOC = _DOCS + "persona/tts"
_STT_DOC = _DOCS + "persona/stt"
_PERCEPTION_DOC = _DOCS + "persona/perception"
_FLOW_DOC = _DOCS + "persona/conversational-flow"
_PAL_FLOW_DOC = _DOCS + "pal/conversational-flow"
EU_AI_ACT = "https://docs.tavus.io/sections/onboarding-guide/eu-ai-act.md"

# The API's own error message, quoted in one public script (sends sparrow-2, emotion_recognition,
# idle_end_behavior to /v2/personas; written before 2026-09-04).
_PROBE = (60428887827,)


def _documented(url: str, *values: str) -> dict[str | None, Evidence]:
    return {value: Evidence("documented", url) for value in values}


_HOSTED_2026 = (
    "tavus-gpt-oss", "tavus-gemini-2.5-flash", "tavus-claude-haiku-4.5", "tavus-gpt-5.2",
    "tavus-gemini-3-flash", "tavus-gpt-4.1", "tavus-gpt-4o", "tavus-gpt-4o-mini", "tavus-llama", "tavus-llama-4",
)
_HOSTED_OBSERVED: dict[str | None, Evidence] = {
    # A July 2026 changelog migrates three personas from the deprecated glm-4.7 to gemma-4; a PAL
    # builder calls gemma-4 "Tavus's recommended default"; a new PAL PATCHed to it answers 304.
    "tavus-gemma-4": Evidence(
        "observed", projects=7, since="2026-07",
        ids=(62544293167, 62490576550, 71110142383, 71196814473, 70558209113, 62591200252, 61101964180,
             61923322434, 61924219169, 54781446696),
    ),
    "tavus-gemma-4-thinking": Evidence("observed", projects=1, ids=(54781446696, 60961461316)),
    "tavus-gpt-5.6-sol": Evidence("observed", projects=1, ids=(54781446696, 60961461316, 54838843646)),
    "tavus-gpt-5.6-terra": Evidence("observed", projects=2, ids=(54781446696, 60961461316, 71255043688, 70966218455)),
}
_TTS_AUTO = Evidence("observed", projects=4, ids=(63128872487, 70267663701, 68336332586, 54781446696))
_RAVEN_2 = Evidence("observed", projects=1, since="2026-08", thin=True, ids=_PROBE)
_FLOW_TURN = ("sparrow-1", "sparrow-0", "timebased", "time-based")
_STT_2026 = (
    "tavus-auto", "tavus-parakeet", "tavus-soniox", "tavus-whisper", "tavus-deepgram-medical", "tavus-advanced",
    "tavus-turbo",
)
_EMOTION_FIELD = Evidence(
    "documented", EU_AI_ACT,
    ids=(60428887827, 71110142383, 71196814473, 70883441494, 68336332586, 58230730025, 58019980525),
)
_EMOTION_VALUES: dict[str | None, Evidence] = {
    None: _EMOTION_FIELD,
    "auto": Evidence("documented", EU_AI_ACT),
    "full": Evidence("observed", projects=2, since="2026-10", ids=(71110142383, 68336332586)),
    "limited": Evidence("observed", projects=2, since="2026-08", ids=(60428887827, 58230730025, 58019980525)),
}
_ISOLATION_VALUES: dict[str | None, Evidence] = {
    "near": Evidence("documented", _FLOW_DOC),
    "off": Evidence("documented", _FLOW_DOC),
    "far": Evidence("observed", projects=1, since="2026-08", thin=True, ids=_PROBE),
}
_IDLE_END_VALUES: dict[str | None, Evidence] = {
    None: Evidence("observed", projects=1, since="2026-08", ids=(60428887827, 60451487063, 60689753926)),
    "wait": Evidence("observed", projects=1, since="2026-08", ids=(60428887827,)),
    "end_conversation": Evidence("observed", projects=1, since="2026-08", thin=True, ids=_PROBE),
}

_PERSONA: dict[str, dict[str | None, Evidence]] = {
    _LLM: {**_documented(_PERSONA_LLM, *_HOSTED_2026), **_HOSTED_OBSERVED,
           "tavus-glm-4.7": Evidence("documented", _PAL_LLM)},
    _TTS: {**_documented(_TTS_DOC, "cartesia", "elevenlabs", "azure", "playht"), "tavus-auto": _TTS_AUTO},
    _STT: _documented(_STT_DOC, *_STT_2026),
    _PERCEPTION: {**_documented(_PERCEPTION_DOC, "raven-1", "raven-0", "off", "basic"), "raven-2": _RAVEN_2},
    _EMOTION: _EMOTION_VALUES,
    _TURN: {
        **_documented(_FLOW_DOC, *_FLOW_TURN),
        "sparrow-2": Evidence("observed", projects=3, since="2026-08", ids=(60428887827, 69402793306, 71379852094)),
    },
    _ISOLATION: _ISOLATION_VALUES,
    _IDLE_END: _IDLE_END_VALUES,
    "/greeting": {None: Evidence("observed", projects=1, since="2026-08", ids=(60428887827, 60451487063))},
}
_PAL: dict[str, dict[str | None, Evidence]] = {
    **_PERSONA,
    _LLM: {**_PERSONA[_LLM], **_documented(_PAL_LLM, *_HOSTED_2026[:6], "tavus-glm-4.7")},
    _PERCEPTION: {**_documented(_DOCS + "pal/perception", "raven-1", "off", "raven-0"), "raven-2": _RAVEN_2},
    _TURN: {
        **_documented(_PAL_FLOW_DOC, *_FLOW_TURN),
        "sparrow-2": Evidence(
            "observed", projects=5, since="2026-08",
            ids=(71110142383, 70558209113, 70367573505, 69402793306, 68336332586),
        ),
    },
    "/greeting": {None: Evidence("observed", projects=3, since="2026-10", ids=(70367573505, 68336332586, 61080011798))},
    "/disclosure_type": {
        None: Evidence("documented", EU_AI_ACT),
        "auto": Evidence("documented", EU_AI_ACT),
        "always": Evidence("observed", projects=2, ids=(58230730025, 58019980525, 70558209113)),
    },
    "/verbal_disclosure": {None: Evidence("documented", EU_AI_ACT)},
    "/visual_disclosure": {None: Evidence("documented", EU_AI_ACT)},
    "/languages": {None: Evidence("observed", projects=2, ids=(70558209113, 68336332586))},
}

_TABLES: tuple[tuple[Kind, dict[str, dict[str | None, Evidence]]], ...] = (("persona", _PERSONA), ("pal", _PAL))
EVIDENCE: MappingProxyType[Key, Evidence] = MappingProxyType({
    (kind, pointer, value): evidence
    for kind, table in _TABLES
    for pointer, values in table.items()
    for value, evidence in values.items()
})


def evidence(kind: Kind, pointer: str, value: str | None = None) -> Evidence | None:
    """The evidence of ``value`` at ``pointer`` (or of the field, for ``None``) in a ``kind`` body."""
    return EVIDENCE.get((kind, pointer, value))


def newest_date(kind: Kind) -> str:
    """The month of the newest fact of this kind: how old persona-lint's data of the API is."""
    return max(entry.checked for (entry_kind, _, _), entry in EVIDENCE.items() if entry_kind == kind)


def data_date(revision: str) -> str:
    """The month (``YYYY-MM``) of the newest fact persona-lint has for ``revision``.

    The newest revision of each kind holds the facts checked in public code and docs (this
    table); an older revision is a fixed point in history, as new as its own newest dated change.
    """
    found = revisions.BY_NAME[revision]
    own = found.date.strftime("%Y-%m")
    if revisions.newest(found.kind).name != revision:
        return own
    return max(own, newest_date(found.kind))


def find(value: str) -> list[tuple[Key, Evidence]]:
    """Every fact about ``value`` (a field name or a value), for ``persona-lint explain``."""
    return [
        (key, entry) for key, entry in EVIDENCE.items()
        if key[2] == value or (key[2] is None and key[1].rsplit("/", 1)[-1] == value)
    ]


def thin_facts(kind: Kind) -> list[tuple[str, str]]:
    """``(pointer, value)`` of every value accepted on thin evidence in a ``kind`` body."""
    return [(pointer, value) for (k, pointer, value), entry in EVIDENCE.items() if k == kind and entry.thin and value]


def explain_value(name: str) -> str:
    """What ``persona-lint explain NAME`` prints for a field or value of the newest revisions ("" if unknown)."""
    lines = []
    for (kind, pointer, value), entry in find(name):
        revision = revisions.newest(kind).name
        subject = f"{value!r} at {pointer}" if value is not None else f"field {pointer}"
        lines.append(f"{subject} ({revision}, {revisions.ENDPOINTS[kind]}): {entry.describe()}\n")
    return "".join(lines)


READ_BACK: frozenset[str] = frozenset({
    # Keys public code reads back from GET /v2/personas/{id} or GET /v2/pals/{id} and that no
    # revision's body defines (observed in public code, 2026-08 to 2026-10): the API knows them.
    "/is_published", "/skills", "/layers/perception/screen_awareness_queries", "/layers/perception/screen_tools",
})
"""JSON Pointers of keys the API returns but persona-lint's schemas do not define for a body."""
