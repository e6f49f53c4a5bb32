"""Secrets in keys and numbers are found; what the scan cannot know is stated, and tested as such."""

from __future__ import annotations

from linter.api import lint_text
from linter.tavus.secrets import find_secrets
from linter.util.closest import MAX_CANDIDATES, MAX_LENGTH, closest

KEY = "sk-proj-Q7vR2mZpL9xWc4TnB8yKd3HsF6gJ1aE5uN0iO2qVt7Rw"


def test_a_key_with_a_secret_shape_is_reported_at_the_key() -> None:
    text = '{"persona_name": "x", "pipeline_mode": "echo", "' + KEY + '": 1}'
    found = [d for d in lint_text(text, "p.json") if d.code == "SEC004"]
    assert len(found) == 1
    assert (found[0].span.start.line, found[0].span.start.column) == (1, 48)
    assert KEY[:12] not in found[0].pointer + found[0].message


def test_a_url_credential_in_a_key_is_reported() -> None:
    text = '{"persona_name": "x", "pipeline_mode": "echo", "https://bot:Hunter2Secret99@h.example.com": 1}'
    found = [d for d in lint_text(text, "p.json") if d.code == "SEC002"]
    assert len(found) == 1
    assert "Hunter2Secret99" not in found[0].pointer + found[0].message


def test_numeric_credentials_are_secrets() -> None:
    hits = find_secrets({"layers": {"llm": {"api_key": 98765432109876543210}, "tts": {"password": 12345678}}})
    assert {(hit.pointer, hit.secret) for hit in hits} == {
        ("/layers/llm/api_key", "98765432109876543210"), ("/layers/tts/password", "12345678"),
    }
    diagnostics = lint_text("persona_name: x\npipeline_mode: echo\nlayers:\n  tts:\n    password: 12345678\n", "p.yaml")
    assert "SEC001" in {d.code for d in diagnostics}
    assert not any("12345678" in f"{d.message} {d.hint}" for d in diagnostics)


def test_a_shapeless_secret_under_an_ordinary_name_cannot_be_known() -> None:
    """The README's stated limit: a 32-hex key in `persona_name` looks like any other value."""
    assert find_secrets({"persona_name": "3f9a1c0b7e5d4a2f8c6b1e0d9a7f5c3b"}) == []


def test_suggestions_compare_a_bounded_number_of_names() -> None:
    names = [f"name_{index}" for index in range(MAX_CANDIDATES)] + ["lookup_order"]
    assert closest("lookup_ordr", names) is None  # beyond the first 100 candidates
    assert closest("lookup_ordr", ["lookup_order"]) == "lookup_order"
    assert closest("x" * (MAX_LENGTH + 1), ["x" * (MAX_LENGTH + 1)]) is None
    assert closest("lookup_ordr", ["lookup_order" + "x" * MAX_LENGTH]) is None
