"""pal-2026-06 -> pal-2026-09: only additions (sparrow-2 and raven-2, the disclosure fields and
languages, new hosted LLMs; tavus-glm-4.7 deprecated, still accepted)."""

from __future__ import annotations

from linter.tavus.migrations import Step

STEP = Step(target="pal-2026-09", changes=())
