"""A persona body becomes a PAL body (`POST /v2/pals`): the PAL names of the persona fields."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.tavus.migrations import Action, Custom, Decide, Decision, Rename, Replace, Step

CREATE_PAL = "https://docs.tavus.io/api-reference/pals/create-pal"
PAL_FLOW = "https://docs.tavus.io/sections/conversational-video-interface/pal/conversational-flow"
PAL_PERCEPTION = "https://docs.tavus.io/sections/conversational-video-interface/pal/perception"

def _face(value: Any) -> Iterator[Action]:
    if isinstance(value, dict) and "default_face_id" not in value and "default_replica_id" not in value:
        yield Decision("", "a PAL needs default_face_id: add the face (replica) the PAL appears as")


STEP = Step(
    target="pal-2026-06",
    changes=(
        Rename("/persona_name", "pal_name", CREATE_PAL),
        Rename("/default_replica_id", "default_face_id", CREATE_PAL),
        Custom("default_face_id is required: a person chooses the face", CREATE_PAL, _face),
        Rename("/layers/conversational_flow/replica_interruptibility", "pal_interruptibility", PAL_FLOW),
        Replace("/layers/perception/perception_model", "raven-0", "raven-1", PAL_PERCEPTION),
        Decide("/layers/conversational_flow/turn_detection_model", "PALs document only sparrow-1: choose it or "
               "check that your model is accepted", PAL_FLOW, lambda model: model in ("sparrow-0", "timebased")),
    ),
)
