"""Patterns from the input are compiled at most, never matched: a hostile pattern cannot hang the linter."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from linter import lint_text

HOSTILE = r"^(a+)+$"
"""Catastrophic backtracking: matching it against "a" * 40 + "!" would run for ages."""


class _Poisoned:
    """What ``re.compile(HOSTILE)`` returns under test: using it to match fails the test."""

    pattern = HOSTILE

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"persona-lint called .{name}() on a pattern taken from the input")


def persona() -> str:
    victim = "a" * 40 + "!"
    parameters = {
        "type": "object",
        "properties": {
            "code": {
                "type": "string", "description": "Voucher code.", "pattern": HOSTILE,
                "default": victim, "examples": [victim], "enum": [victim],
            },
        },
        "patternProperties": {HOSTILE: {"type": "string"}},
        "required": ["code"],
    }
    return json.dumps({
        "persona_name": "Voucher desk",
        "system_prompt": "When the customer reads a voucher, call `redeem_voucher`. " + victim * 100,
        "layers": {"llm": {"model": "tavus-gpt-oss", "tools": [{"type": "function", "function": {
            "name": "redeem_voucher", "description": "Redeem a voucher. " + victim, "parameters": parameters,
        }}]}},
    })


def test_hostile_pattern_is_reported_but_never_matched(monkeypatch: pytest.MonkeyPatch) -> None:
    real_compile = re._compile  # type: ignore[attr-defined]  # behind re.match, re.search, re.compile

    def guarded_compile(pattern: Any, flags: Any = 0) -> Any:
        if pattern == HOSTILE:
            return _Poisoned()
        return real_compile(pattern, flags)

    monkeypatch.setattr(re, "_compile", guarded_compile)
    monkeypatch.setattr(re, "compile", lambda pattern, flags=0: guarded_compile(pattern, flags))
    diagnostics = lint_text(persona(), "voucher.json")
    assert not [d for d in diagnostics if d.code == "INT001"], [d.message for d in diagnostics]
    assert "TOOL021" in {d.code for d in diagnostics}  # the backtracking shape is warned about
