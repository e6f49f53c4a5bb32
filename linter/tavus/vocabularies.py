"""Every enumerated field, classified as a closed or an open vocabulary.

A **closed** vocabulary is a protocol value that cannot grow without a new API revision:
``pipeline_mode``, sensitivities and levels, booleans. A value outside it is a mistake (the
schema's ``SCH004`` error) in every revision.

An **open** vocabulary is a list of names Tavus adds to every few months: hosted LLMs, TTS and
STT engines, perception and turn-detection models (voice and face ids are free strings, never
enumerated). In the newest revision of a body kind its schema accepts any string and a name
persona-lint does not know is a warning (SCH011): persona-lint's data may simply be older than the
name. In an older revision, a fixed point in history, the schema's enum stays closed (an error).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from linter.tavus import revisions
from linter.tavus.facts import Choice, Facts


class Vocabulary(NamedTuple):
    """An enumerated field: where it is, what its values are called, whether Tavus grows it."""

    pointer: str
    noun: str
    """What one value is, with its article: "a perception model"."""
    open: bool
    facts_field: str | None = None
    """The :class:`~linter.tavus.facts.Facts` field holding an open vocabulary's known values."""
    prefix: str = ""
    """Only values with this prefix belong to the vocabulary (``tavus-`` for hosted LLMs)."""

    def known(self, facts: Facts) -> Mapping[str, Choice]:
        """The values of this vocabulary the revision knows (current, deprecated or removed)."""
        if self.facts_field is None:
            return {}
        values: Mapping[str, Choice] = getattr(facts, self.facts_field)
        return values


_FLOW = "/layers/conversational_flow/"
_STT = "/layers/stt/"

OPEN: tuple[Vocabulary, ...] = (
    Vocabulary("/layers/llm/model", "a Tavus-hosted LLM", True, "hosted_models", prefix="tavus-"),
    Vocabulary("/layers/tts/tts_engine", "a TTS engine", True, "tts_engines"),
    Vocabulary(_STT + "stt_engine", "an STT engine", True, "stt_engines"),
    Vocabulary("/layers/perception/perception_model", "a perception model", True, "perception_models"),
    Vocabulary(_FLOW + "turn_detection_model", "a turn-detection model", True, "turn_detection_models"),
    Vocabulary("/disclosure_type", "a disclosure type", True, "disclosure_types"),
)
CLOSED: tuple[Vocabulary, ...] = (
    Vocabulary("/pipeline_mode", "a pipeline mode", False),
    Vocabulary(_STT + "participant_pause_sensitivity", "a sensitivity", False),
    Vocabulary(_STT + "participant_interrupt_sensitivity", "a sensitivity", False),
    Vocabulary(_FLOW + "turn_taking_patience", "a patience level", False),
    Vocabulary(_FLOW + "replica_interruptibility", "an interruptibility level", False),
    Vocabulary(_FLOW + "pal_interruptibility", "an interruptibility level", False),
    Vocabulary(_FLOW + "turn_commitment", "a commitment level", False),
    Vocabulary(_FLOW + "active_listening", "a listening level", False),
    Vocabulary(_FLOW + "voice_isolation", "a voice isolation setting", False),
    Vocabulary(_FLOW + "idle_engagement", "an idle engagement setting", False),
    Vocabulary(_FLOW + "idle_end_behavior", "an idle end behavior", False),
    Vocabulary("/layers/perception/emotion_recognition", "an emotion recognition setting", False),
    Vocabulary("/layers/transport/transport_type", "a transport type", False),
    Vocabulary("#/$defs/lenientBoolean", "a boolean written as a string", False),
)
ALL: tuple[Vocabulary, ...] = OPEN + CLOSED


def open_in(revision: str) -> bool:
    """Whether open vocabularies are open in ``revision``: only in the newest revision of its kind."""
    return revisions.newest(revisions.BY_NAME[revision].kind).name == revision
