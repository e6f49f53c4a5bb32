"""The language server on a JSON Patch file, driven by a real LSP client (pytest-lsp) over stdio."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pygls")
pytest.importorskip("pytest_lsp")

from lsprotocol import types
from pytest_lsp import LanguageClient

PATCH = '[\n  {"op": "replace", "path": "/layers/llm/modle", "value": "tavus-gpt-oss"}\n]\n'


@pytest.mark.asyncio
async def test_patch_diagnostics_hover_and_completion(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "switch.json"
    path.write_text(PATCH, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id="json", version=1, text=PATCH)
    ))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    [diagnostic] = client.diagnostics[uri]
    assert diagnostic.code == "SCH001" and "did you mean 'model'?" in diagnostic.message
    # 0-based line 1: the "path" value "/layers/llm/modle" starts at character 28
    assert diagnostic.range.start == types.Position(1, 28)

    completion = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(1, 35)
    ))
    labels = [item.label for item in completion.items] if completion is not None else []  # type: ignore[union-attr]
    assert "/layers/llm/model" in labels

    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(1, 35)
    ))
    assert hover is None  # the path names no field: nothing to describe
