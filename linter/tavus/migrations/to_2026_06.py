"""2026-03 -> 2026-06: the June 2026 docs spell the fixed-delay turn detection `timebased`."""

from __future__ import annotations

from linter.tavus.migrations import Replace, Step

FLOW = "https://docs.tavus.io/sections/conversational-video-interface/persona/conversational-flow"

STEP = Step(
    target="2026-06",
    changes=(Replace("/layers/conversational_flow/turn_detection_model", "time-based", "timebased", FLOW),),
)
