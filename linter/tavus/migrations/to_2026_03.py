"""2026-02 -> 2026-03: the STT engine line-up of 2026-03-27 (tavus-turbo gone)."""

from __future__ import annotations

from linter.tavus.migrations import Replace, Step

STT = "https://docs.tavus.io/sections/conversational-video-interface/persona/stt"

STEP = Step(
    target="2026-03",
    changes=(Replace("/layers/stt/stt_engine", "tavus-turbo", "tavus-parakeet", STT),),
)
