"""FLOW004: ``face_interruptibility`` next to another name for the same PAL setting."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.redact import show

_FACE = "face_interruptibility"
_OTHERS = ("pal_interruptibility", "replica_interruptibility")


@rule(code="FLOW004", name="interruptibility-alias-conflict", severity="warning", kinds=("pal",))
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A PAL sets `face_interruptibility` together with `pal_interruptibility` or `replica_interruptibility`.

    Why: the PAL docs name the setting `pal_interruptibility` (pre-PAL alias
    `replica_interruptibility`); the 2026 Tavus CLI sends a third name, `face_interruptibility`.
    Which one wins when several are set is not documented (reference section 2.5, section 3,
    X32 (secondary); tavus-cli facts). The `replica_interruptibility`/`pal_interruptibility`
    pair is PIPE012's.

    Example: `{"pal_interruptibility": "high", "face_interruptibility": "low"}`.
    """
    flow = persona.layer("conversational_flow")
    if _FACE not in flow:
        return
    for other in _OTHERS:
        if other not in flow:
            continue
        same = flow[_FACE] == flow[other]
        relation = f"repeats {other}" if same else f"is {show(flow[_FACE])} while {other} is {show(flow[other])}"
        yield Finding(
            f"/layers/conversational_flow/{_FACE}",
            f"{_FACE} {relation}; both name the same setting and which one wins is undocumented",
            target="key",
            hint=f"keep only {_OTHERS[0]}",
        )
        return
