"""Completion while typing: the place comes from the text before the cursor, JSON and YAML,
whatever syntax errors the half-typed text has."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.lsp import completion
from linter.lsp.analysis import parse_only
from linter.tavus import revisions

TTS_KEYS = {"tts_engine", "external_voice_id", "voice_settings"}
ENGINES = ["tavus-auto", "cartesia", "elevenlabs", "azure"]  # 2026-09, the default, adds tavus-auto


def labels(text: str, cursor: int | None = None, fmt: str = "json") -> list[str]:
    offset = len(text) if cursor is None else cursor
    parsed = parse_only("persona." + fmt, text, fmt)
    return [o.label for o in completion.offers(text, offset, revisions.DEFAULT, fmt, parsed.document.value)]


def test_typing_a_quote_inside_layers_tts_offers_tts_keys() -> None:
    text = '{"persona_name": "x", "layers": {"tts": {"'
    offered = labels(text)
    assert set(offered) >= TTS_KEYS and "persona_name" not in offered
    closed = text + '"}}}'  # the editor closed the quote and the brackets
    assert set(labels(closed, len(text))) >= TTS_KEYS


def test_after_an_open_brace_before_an_existing_key_offers_keys_not_values() -> None:
    text = '{"persona_name": "x", "layers": {"tts": {"tts_engine": "cartesia"}}}'
    offered = labels(text, text.index('{"tts_engine') + 1)
    assert "external_voice_id" in offered and "cartesia" not in offered
    assert "tts_engine" not in offered  # already there


def test_keys_typed_before_the_cursor_are_not_offered_in_broken_json() -> None:
    text = '{"persona_name": "x", "layers": {"tts": {"tts_engine": "cartesia", "'
    offered = labels(text)
    assert "tts_engine" not in offered and "external_voice_id" in offered


def test_a_value_position_offers_the_enum() -> None:
    assert labels('{"layers": {"tts": {"tts_engine": "') == ENGINES
    assert labels('{"layers": {"tts": {"tts_engine": ') == ENGINES
    assert labels('{"persona_name": "x", "pipeline_mode": "f') == ["full", "echo", "speech-to-speech"]


def test_yaml_value_after_the_colon_offers_engines() -> None:
    assert labels("layers:\n  tts:\n    tts_engine: ", fmt="yaml") == ENGINES
    assert labels("persona_name: x\npipeline_mode: ", fmt="yaml") == ["full", "echo", "speech-to-speech"]


def test_yaml_key_positions_follow_indentation_and_list_items() -> None:
    offered = labels("persona_name: x\nlayers:\n  tts:\n    tts_", fmt="yaml")
    assert set(offered) >= TTS_KEYS and "persona_name" not in offered
    tools = "layers:\n  llm:\n    tools:\n      - type: function\n        function:\n          "
    assert set(labels(tools, fmt="yaml")) >= {"name", "description", "parameters"}
    assert labels("layers:\n  llm:\n    tools:\n      - type: function\n        ", fmt="yaml") == ["function"]
    assert "persona_name" not in labels("persona_name: x\n", fmt="yaml")


def test_read_only_response_fields_are_not_offered_for_a_request_body() -> None:
    offered = labels('{"')
    assert "persona_name" in offered
    assert not {"persona_id", "created_at", "updated_at"} & set(offered)
    assert not {"persona_id", "created_at"} & set(labels("", fmt="yaml"))


@pytest.mark.parametrize("text", ['{"a": "\\', '{"a": [1, {"b": "x\\"', "{{{{[[[", "]]]}}}", '"', "- - -\n  :"])
def test_odd_text_gives_no_error(text: str) -> None:
    for fmt in ("json", "yaml"):
        for cursor in range(len(text) + 1):
            labels(text, cursor, fmt)


def test_a_comment_or_a_key_being_typed_after_a_colon_in_yaml() -> None:
    assert labels("# a comment ", fmt="yaml") == []
    assert labels("layers:\n  tts:\n    tts_engine: cartesia  # ", fmt="yaml") == []


@pytest.mark.slow  # starts a language server process
def test_completion_over_lsp_in_a_broken_document(tmp_path: Path) -> None:
    pytest.importorskip("pygls")
    from lsp_raw import RawClient

    client = RawClient(tmp_path)
    try:
        uri = (tmp_path / "persona.json").as_uri()
        text = '{"persona_name": "x", "layers": {"tts": {""}}}'
        client.open(uri, text)
        cursor = text.index('{""') + 2
        client.request("textDocument/completion", {
            "textDocument": {"uri": uri}, "position": {"line": 0, "character": cursor},
        }, 4)
        got = client.wait_for(lambda m: m.get("id") == 4)
        offered = {item["label"] for item in got["result"]["items"]}
        assert offered >= TTS_KEYS and "persona_name" not in offered
    finally:
        client.close()
