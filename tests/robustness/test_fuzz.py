"""No crash on any input: every run ends with findings, never an exception or an internal error.

Case counts (``max_examples``) are recorded in the README's robustness section.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import json_values, mutated_personas, persona_values

from linter import Diagnostic, lint_text

pytestmark = pytest.mark.slow

SCALE = int(os.environ.get("FUZZ_SCALE", "1"))
"""Multiply the case counts: ``FUZZ_SCALE=20 pytest tests/robustness`` for a deep local run."""
FUZZ = settings(max_examples=300 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DEEP = settings(max_examples=600 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_sane(diagnostics: list[Diagnostic], text: str | bytes) -> None:
    # For bytes, counting the newline bytes bounds the line count in every encoding read.
    newline, carriage = ("\n", "\r") if isinstance(text, str) else (b"\n", b"\r")
    lines = text.count(newline) + text.count(carriage) + 2  # type: ignore[arg-type]
    for d in diagnostics:
        assert d.code != "INT001", d.message  # a rule raised: a bug
        assert 1 <= d.span.start.line <= lines and d.span.start.column >= 1
        assert (d.span.start.line, d.span.start.column) <= (d.span.end.line, d.span.end.column)


@FUZZ
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_as_json(data: bytes) -> None:
    assert_sane(lint_text(data, "fuzz.json"), data)


@FUZZ
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_as_yaml(data: bytes) -> None:
    assert_sane(lint_text(data, "fuzz.yaml"), data)


@FUZZ
@given(json_values())
def test_arbitrary_json_values(value: Any) -> None:
    import json

    text = json.dumps(value)
    assert_sane(lint_text(text, "fuzz.json"), text)


@DEEP
@given(persona_values(), st.sampled_from(["2024-10", "2025-03", "2025-12", "2026-02", "2026-06", "pal-2026-06"]))
def test_persona_shaped_documents_under_every_revision(value: Any, revision: str) -> None:
    import json

    document = {"layers": value} if not isinstance(value, dict) else value
    text = json.dumps(document, indent=1)
    assert_sane(lint_text(text, "fuzz.json", schema_version=revision), text)


@FUZZ
@given(persona_values())
def test_persona_shaped_yaml(value: Any) -> None:
    text = yaml.safe_dump(value, allow_unicode=True)
    assert_sane(lint_text(text, "fuzz.yaml"), text)


@DEEP
@given(mutated_personas())
def test_mutations_of_valid_personas(text: str) -> None:
    assert_sane(lint_text(text, "mutated.json"), text)


def test_assert_sane_fails_on_a_crashed_rule_and_a_position_off_the_text() -> None:
    from linter.diagnostic import Position, Severity, Span

    def finding(code: str, line: int) -> Diagnostic:
        span = Span(Position(line, 1), Position(line, 2))
        return Diagnostic("fuzz.json", span, code, "internal-error", Severity.ERROR, "rule raised", "", None)

    assert_sane([finding("SYN001", 1)], b"{\n")
    with pytest.raises(AssertionError):
        assert_sane([finding("INT001", 1)], b"{\n")
    with pytest.raises(AssertionError):
        assert_sane([finding("SYN001", 9)], b"{\n")
