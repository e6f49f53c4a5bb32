"""The Tavus API revisions persona-lint knows, as data.

A revision is a body shape: its kind (a ``persona`` body for ``/v2/personas`` or a ``pal`` body
for ``/v2/pals``), its date (the newest dated change it includes) and its name (the month of that
date, ``pal-`` in front for a PAL body). Several dated changes are merged into one revision where only
additive fields changed; ``merges`` lists them and the summary says so. Dates come from the Tavus
changelog (https://docs.tavus.io/sections/changelog/changelog).

Which revision is newer is decided by dates alone, never by the position in ``REVISIONS``: a new
revision is one more entry here, and the rules, schemas and facts that select revisions by kind
and date pick it up (docs/updating-the-api-data.md lists the other files it touches).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal, get_args

Kind = Literal["persona", "pal"]
KINDS: tuple[Kind, ...] = get_args(Kind)
ENDPOINTS: dict[Kind, str] = {"persona": "/v2/personas", "pal": "/v2/pals"}


@dataclass(frozen=True, slots=True)
class Revision:
    """One body shape of the Tavus API."""

    name: str
    kind: Kind
    date: datetime.date
    summary: str
    merges: tuple[str, ...] = ()

    @property
    def endpoint(self) -> str:
        """The endpoint this body is sent to."""
        return ENDPOINTS[self.kind]

    @property
    def pal(self) -> bool:
        return self.kind == "pal"


_DECLARED: tuple[Revision, ...] = (
    Revision(
        # No dated change: the VQA-era body of the 2024 docs, named after the month it is known from.
        "2024-10", "persona", datetime.date(2024, 10, 1),
        "VQA era: layers llm, tts (cartesia, elevenlabs, playht), stt, vqa; legacy speech-to-speech (sts).",
    ),
    Revision(
        # Undated launch of Raven-0 and Sparrow-0: both were live by the Sparrow-0 post of 2025-04-02.
        "2025-03", "persona", datetime.date(2025, 3, 1),
        "Raven-0 perception replaces vqa; Sparrow-0 smart_turn_detection in stt; tts_model_name; "
        "llm headers/extra_body; LiveKit transport. Month approximate (live by 2025-04-02).",
    ),
    Revision(
        "2025-08", "persona", datetime.date(2025, 8, 15),
        "tavus-llama-4 (2025-07-22); knowledge base, objectives and guardrails: document_ids, "
        "document_tags, objectives_id, guardrails_id (2025-08-15).",
        merges=("2025-07-22", "2025-08-15"),
    ),
    Revision(
        "2025-12", "persona", datetime.date(2025, 12, 18),
        "conversational_flow layer (Sparrow-1); tavus-gpt-oss default, llama names removed; "
        "llm default_query, extra_body temperature/top_p; PlayHT deprecated (removed 2026-01-08).",
        merges=("2025-11-27", "2025-12-18"),
    ),
    Revision(
        "2026-02", "persona", datetime.date(2026, 2, 17),
        "Raven-1 default, perception fields renamed to visual_*/audio_*; context deprecated; "
        "new hosted LLMs (gemini, claude, gpt-5.2), gpt-4o family deprecated; PlayHT removed.",
        merges=("2026-01-08", "2026-02-11", "2026-02-12", "2026-02-17"),
    ),
    Revision(
        "2026-03", "persona", datetime.date(2026, 3, 27),
        "New STT engines tavus-auto (default), parakeet, soniox, whisper, deepgram-medical; "
        "tavus-advanced deprecated, tavus-turbo gone.",
        merges=("2026-03-27",),
    ),
    Revision(
        "2026-06", "persona", datetime.date(2026, 6, 3),
        "Newest /v2/personas body: voice_isolation, idle_engagement, wake_phrase, "
        "pronunciation_dictionary_id, guardrail_ids/guardrail_tags, Azure TTS.",
        merges=("2026-04-07", "2026-04-10", "2026-04-30", "2026-05-01", "2026-05-22", "2026-06-03"),
    ),
    Revision(
        # The persona -> PAL rename reached public SDKs on 2026-06-26
        # (https://github.com/livekit/agents/pull/6239); the body: https://docs.tavus.io/api-reference/pals/create-pal
        "pal-2026-06", "pal", datetime.date(2026, 6, 26),
        "PAL body for /v2/pals: pal_name, default_face_id (required), pal_interruptibility, "
        "layers.conferencing, raven-1/off only, tavus-glm-4.7 default; inline tools legacy.",
    ),
    Revision(
        # Observed in public code of July to October 2026 (linter/tavus/evidence.py says which fact
        # comes from where); dated by sparrow-2 becoming the account default on 2026-09-04.
        "2026-09", "persona", datetime.date(2026, 9, 4),
        "/v2/personas body seen in public code of July-October 2026: raven-2, sparrow-2 (default from "
        "2026-09-04), voice_isolation far, idle_end_behavior, emotion_recognition, greeting, tts_engine "
        "tavus-auto, tavus-gemma-4 (tavus-glm-4.7 deprecated on 2026-07-24). Engines and models are open "
        "vocabularies: an unknown name is a warning. A PATCH creates a draft: publish it.",
        merges=("2026-07-24", "2026-09-04"),
    ),
    Revision(
        # The PAL conversational-flow page gives 2026-09-08 as sparrow-2's default date (quoted in public code).
        "pal-2026-09", "pal", datetime.date(2026, 9, 8),
        "/v2/pals body seen in public code of July-October 2026: the 2026-09 changes plus disclosure_type, "
        "verbal_disclosure, visual_disclosure (EU AI Act), languages; tavus-gemma-4 default, tavus-gemma-4-thinking, "
        "tavus-gpt-5.6-sol/terra. Engines and models are open vocabularies: an unknown name is a warning.",
        merges=("2026-07-24", "2026-09-08"),
    ),
)

REVISIONS: tuple[Revision, ...] = tuple(sorted(_DECLARED, key=lambda r: (KINDS.index(r.kind), r.date)))
"""Every revision, by kind (persona bodies, then PAL bodies), oldest first within a kind."""
BY_NAME: dict[str, Revision] = {revision.name: revision for revision in REVISIONS}
NAMES: tuple[str, ...] = tuple(BY_NAME)


def newest(kind: Kind) -> Revision:
    """The newest revision of ``kind``."""
    return max((r for r in BY_NAME.values() if r.kind == kind), key=lambda r: r.date)


DEFAULT = newest("persona").name
"""The newest persona (not PAL) revision: what ``--schema-version`` defaults to."""
PAL_DEFAULT = newest("pal").name
"""The newest PAL revision: chosen for a body with PAL-only keys when nothing else names one."""


def date(name: str) -> datetime.date:
    """The date of revision ``name``: the newest dated change it includes."""
    return BY_NAME[name].date


def at_least(name: str, since: str) -> bool:
    """Whether revision ``name`` is dated on or after revision ``since`` (of either kind)."""
    return date(name) >= date(since)


def newer(name: str, than: str) -> bool:
    """Whether revision ``name`` is dated after revision ``than``."""
    return date(name) > date(than)


def selects(name: str, kinds: tuple[Kind, ...], since: str | None) -> bool:
    """Whether revision ``name`` is one of ``kinds`` and, given ``since``, dated on or after it."""
    return BY_NAME[name].kind in kinds and (since is None or at_least(name, since))


def previous(name: str) -> Revision | None:
    """The revision ``name`` builds on: the newest older one of its kind, or for the first PAL
    revision the newest persona revision before it (a PAL body is a renamed persona body)."""
    revision = BY_NAME[name]
    older = [r for r in BY_NAME.values() if r.date < revision.date]
    same_kind = [r for r in older if r.kind == revision.kind]
    candidates = same_kind or [r for r in older if r.kind == "persona"]
    return max(candidates, key=lambda r: r.date) if candidates else None
