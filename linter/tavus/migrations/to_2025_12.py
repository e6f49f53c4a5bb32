"""2025-08 -> 2025-12: Llama models removed, Sparrow-0 turn-taking moves to conversational_flow."""

from __future__ import annotations

from linter.tavus.migrations import Move, Replace, Step

CHANGELOG = "https://docs.tavus.io/sections/changelog/changelog"
FLOW = "https://docs.tavus.io/sections/conversational-video-interface/persona/conversational-flow"

# Sparrow-0's sensitivities and Sparrow-1's settings run in opposite directions: a pause
# sensitivity of 'high' (reply quickly) is a turn-taking patience of 'low' (eager), and an
# interrupt sensitivity of 'low' is an interruptibility of 'high' (the conversational-flow docs).
_INVERTED = {"low": "high", "medium": "medium", "high": "low", "verylow": "high", "superlow": "high"}

STEP = Step(
    target="2025-12",
    changes=(
        Replace("/layers/llm/model", "tavus-llama", "tavus-gpt-oss", CHANGELOG),
        Replace("/layers/llm/model", "tavus-llama-4", "tavus-gpt-oss", CHANGELOG),
        Move("/layers/stt/participant_pause_sensitivity", "/layers/conversational_flow/turn_taking_patience",
             FLOW, values=_INVERTED),
        Move("/layers/stt/participant_interrupt_sensitivity",
             "/layers/conversational_flow/replica_interruptibility", FLOW, values=_INVERTED),
        Move("/layers/stt/smart_turn_detection", "/layers/conversational_flow/turn_detection_model", FLOW,
             values={True: "sparrow-1", False: "time-based", "true": "sparrow-1", "false": "time-based"}),
    ),
)

