"""README promises of the language server: lint on save, configuration re-read, broken files."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # each test starts a language server process

pytest.importorskip("pygls")
pytest.importorskip("pytest_lsp")

from lsprotocol import types  # noqa: E402
from pytest_lsp import LanguageClient  # noqa: E402

BAD = '{"persona_name": "Coach", "pipeline_mode": "ful", "system_prompt": "x"}\n'


async def _published(client: LanguageClient) -> None:
    await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 60)


def _open(client: LanguageClient, uri: str, text: str) -> None:
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id="json", version=1, text=text))
    )


@pytest.mark.asyncio
async def test_a_save_lints_again_with_the_configuration_read_afresh(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "persona.json"
    path.write_text(BAD, encoding="utf-8")
    uri = path.as_uri()
    _open(client, uri, BAD)
    await _published(client)
    assert [d.code for d in client.diagnostics[uri]] == ["SCH004"]
    (tmp_path / ".persona-lint.toml").write_text('ignore = ["SCH004"]\n', encoding="utf-8")
    client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri=uri)))
    await _published(client)  # published again on save, with the edited configuration applied
    assert list(client.diagnostics[uri]) == []


@pytest.mark.asyncio
async def test_a_broken_file_gets_its_syntax_error_only_when_its_name_says_persona(
    client: LanguageClient, tmp_path: Path
) -> None:
    broken = '{"persona_name": "Coach",'
    named = (tmp_path / "coach.persona.json").as_uri()
    _open(client, named, broken)
    await _published(client)
    assert [d.code for d in client.diagnostics[named]] == ["SYN001"]
    other = (tmp_path / "settings.json").as_uri()
    _open(client, other, '{"editor.tabSize": 2,')
    await _published(client)
    assert list(client.diagnostics[other]) == []
