"""2026-06 -> 2026-09: only additions (sparrow-2 and raven-2, voice_isolation far, idle_end_behavior,
emotion_recognition, greeting, tavus-auto, new hosted LLMs; tavus-glm-4.7 deprecated, still accepted)."""

from __future__ import annotations

from linter.tavus.migrations import Step

STEP = Step(target="2026-09", changes=())
