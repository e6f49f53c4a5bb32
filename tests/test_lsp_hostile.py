"""The language server under a hostile or broken client, driven over a raw pipe."""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from lsp_raw import RawClient, frame, message

from linter.lsp.documents import apply_change, line_starts, offset_at
from linter.lsp.stream import MAX_MESSAGE_BYTES, read_messages

PERSONA = '{\n  "persona_name": "Coach",\n  "pipeline_mode": "ful", "system_prompt": "Be kind."\n}\n'


def hover(client: RawClient, uri: str, msg_id: int) -> dict[str, object]:
    where = {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 1}}
    client.request("textDocument/hover", where, msg_id)
    return client.wait_for(lambda m: m.get("id") == msg_id, timeout=10)


def test_a_huge_content_length_is_skipped_and_the_server_answers_the_next_request(raw: RawClient) -> None:
    raw.send(b"Content-Length: 99999999999\r\n\r\n" + message("textDocument/hover", {}, 1))
    raw.request("shutdown", None, 2)
    assert raw.wait_for(lambda m: m.get("id") == 2) == {"jsonrpc": "2.0", "id": 2, "result": None}
    assert raw.process.poll() is None
    assert "99999999999 bytes" in raw.close()


@pytest.mark.parametrize("length", ["-5", "abc", "", "12abc", " 1e3"])
def test_bad_lengths_do_not_desynchronise_the_stream(raw: RawClient, tmp_path: Path, length: str) -> None:
    raw.send(frame(message("textDocument/hover", {"x": 1}, 1), length))
    uri = (tmp_path / "persona.json").as_uri()
    raw.open(uri, PERSONA)
    published = raw.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")
    assert [d["code"] for d in published["params"]["diagnostics"]] == ["SCH004"]
    assert "was skipped" in raw.close()


def test_a_message_without_a_header_is_skipped(raw: RawClient) -> None:
    raw.send(b"Content-Type: application/vscode-jsonrpc\r\n\r\n{}")
    raw.request("shutdown", None, 3)
    assert raw.wait_for(lambda m: m.get("id") == 3)["result"] is None


def test_requests_with_invalid_params_get_an_error_response(raw: RawClient) -> None:
    raw.request("textDocument/hover", {"textDocument": 5}, 7)
    answer = raw.wait_for(lambda m: m.get("id") == 7)
    assert answer["error"]["code"] == -32602 and "textDocument/hover" in answer["error"]["message"]
    raw.request("textDocument/completion", [], "abc")
    assert raw.wait_for(lambda m: m.get("id") == "abc")["error"]["code"] == -32602
    raw.send(frame(b"{not json"))
    assert raw.wait_for(lambda m: "error" in m and m.get("id") is None)["error"]["code"] == -32700


def test_hover_and_save_on_unopened_fifo_and_device_never_read_them(raw: RawClient, tmp_path: Path) -> None:
    fifo = tmp_path / "persona.json"
    os.mkfifo(fifo)
    started = time.monotonic()
    for msg_id, uri in enumerate((fifo.as_uri(), "file:///dev/zero"), start=10):
        raw.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
        assert hover(raw, uri, msg_id)["result"] is None
        raw.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}},
                    msg_id + 100)
        assert raw.wait_for(lambda m, i=msg_id + 100: m.get("id") == i)["result"]["items"] == []
    assert time.monotonic() - started < 10
    assert raw.process.poll() is None


def test_unicode_line_separators_do_not_move_incremental_edits(raw: RawClient, tmp_path: Path) -> None:
    # U+2028, U+2029 and NEL are characters inside a JSON string, not line breaks, for LSP.
    text = '{\n  "persona_name": "a\u2028b\u2029c\x85d",\n  "pipeline_mode": "full", "system_prompt": "Hi"\n}\n'
    uri = (tmp_path / "persona.json").as_uri()
    raw.open(uri, text)
    first = raw.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")
    assert first["params"]["diagnostics"] == []
    # replace "full" (line 2, characters 20-24) with "ful": only correct if lines split at \n
    raw.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": {"start": {"line": 2, "character": 20}, "end": {"line": 2, "character": 24}},
                            "text": "ful"}],
    })
    second = raw.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")
    [diagnostic] = second["params"]["diagnostics"]
    assert diagnostic["code"] == "SCH004" and 'is "ful"' in diagnostic["message"]
    assert diagnostic["range"]["start"] == {"line": 2, "character": 19}


def test_apply_change_splits_lines_as_lsp_does() -> None:
    text = "a\u2028b\r\nc\rd\ne\x85f"
    assert line_starts(text) == [0, 5, 7, 9]
    assert apply_change(text, (1, 0), (1, 1), "C") == "a\u2028b\r\nC\rd\ne\x85f"
    assert apply_change(text, (3, 2), (3, 3), "F") == "a\u2028b\r\nc\rd\ne\x85F"
    assert apply_change("😀x", (0, 2), (0, 3), "y") == "😀y"  # UTF-16: the emoji is two units
    assert apply_change("😀x", (0, 1), (0, 2), "y", "utf-32") == "😀y"
    starts = line_starts("ab\ncd")
    assert offset_at("ab\ncd", starts, 0, 99) == 2  # clamped to the end of the line, not past \n
    assert offset_at("ab\ncd", starts, 9, 0) == 5


def test_read_messages_bounds_and_resynchronises() -> None:
    ok = [b'{"a":1}', b'{"b":2}']
    data = (
        frame(ok[0], "-5") + frame(ok[1]) + frame(ok[0], "abc") + frame(ok[1])
        + frame(b'{"x":1}', MAX_MESSAGE_BYTES + 1) + frame(ok[0]) + b"x" * 100_000 + b"\r\n" + frame(ok[1])
    )
    problems: list[str] = []
    assert list(read_messages(io.BytesIO(data), problems.append)) == [ok[1], ok[1], ok[0], ok[1]]
    assert len(problems) == 3
