"""The language server shows a configuration error instead of ignoring it."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pygls")

from lsp_raw import RawClient

pytestmark = pytest.mark.slow  # each test starts a language server process

BAD = '{\n  "persona_name": "Coach",\n  "pipeline_mode": "ful", "system_prompt": "Be kind."\n}\n'


@pytest.mark.parametrize(
    ("config", "named"),
    [
        ("[options.TOOL011]\nmax = 3\n", "options.TOOL011"),
        ('[severity]\nSCH004 = "fatal"\n', "severity.SCH004"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_a_configuration_error_is_shown_once_and_linting_goes_on(tmp_path: Path, config: str, named: str) -> None:
    (tmp_path / ".persona-lint.toml").write_text(config)
    client = RawClient(tmp_path)
    try:
        uri = (tmp_path / "persona.json").as_uri()
        client.open(uri, BAD)
        shown = client.wait_for(lambda m: m.get("method") == "window/showMessage")
        assert shown["params"]["type"] == 1  # Error
        assert named in shown["params"]["message"] and ".persona-lint.toml" in shown["params"]["message"]
        published = client.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")
        assert [d["code"] for d in published["params"]["diagnostics"]] == ["SCH004"]  # the default settings
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": BAD.replace("ful", "fu")}],
        })
        client.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")
        assert all(m.get("method") != "window/showMessage" for m in list(client.received.queue))  # once
    finally:
        client.close()
