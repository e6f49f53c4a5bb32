"""2025-03 -> 2025-08: only additions (tavus-llama-4, knowledge base, objectives, guardrails)."""

from __future__ import annotations

from linter.tavus.migrations import Step

STEP = Step(target="2025-08", changes=())
