"""Quick fixes and "fix all" in the language server, through a real LSP client (pytest-lsp)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # each test starts a language server process

pytest.importorskip("pygls")
pytest.importorskip("pytest_lsp")

from lsprotocol import types  # noqa: E402
from pytest_lsp import LanguageClient  # noqa: E402

# The emoji before the fixes makes UTF-16 and code-point columns differ on the edited line.
TEXT = (
    '{"persona_name": "😀", "pipeline_mode": "Full", "system_prompt": "x",\n'
    ' "layers": {"tts": {"tts_emotion_control": "false"}}}\n'
)
FIXED = TEXT.replace('"Full"', '"full"').replace('"false"', "false")


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP edits (UTF-16 positions) to ``text``, last first."""
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        before = sum(len(line) + 1 for line in lines[: position.line])
        line = lines[position.line]
        units = 0
        for index, char in enumerate(line):
            if units >= position.character:
                return before + index
            units += len(char.encode("utf-16-le")) // 2
        return before + len(line)

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
        lines = text.split("\n")
    return text


async def open_persona(client: LanguageClient, tmp_path: Path) -> str:
    uri = (tmp_path / "persona.json").as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id="json", version=1, text=TEXT))
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return uri


@pytest.mark.asyncio
async def test_each_fix_is_a_quick_fix_and_safe_ones_are_preferred(client: LanguageClient, tmp_path: Path) -> None:
    uri = await open_persona(client, tmp_path)
    everything = types.Range(types.Position(0, 0), types.Position(2, 0))
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=everything,
        context=types.CodeActionContext(diagnostics=list(client.diagnostics[uri])),
    ))
    assert actions is not None
    by_title = {a.title: a for a in actions if isinstance(a, types.CodeAction)}
    case = by_title["Replace 'Full' with 'full'"]
    boolean = by_title["Replace the string 'false' with false"]
    assert case.kind == boolean.kind == types.CodeActionKind.QuickFix
    assert case.is_preferred and boolean.is_preferred
    assert case.diagnostics and case.diagnostics[0].code == "SCH004"
    assert case.edit is not None and case.edit.changes is not None
    assert apply(TEXT, case.edit.changes[uri]) == TEXT.replace('"Full"', '"full"')
    assert boolean.edit is not None and boolean.edit.changes is not None
    assert apply(TEXT, boolean.edit.changes[uri]) == TEXT.replace('"false"', "false")


@pytest.mark.asyncio
async def test_fix_all_applies_every_safe_fix(client: LanguageClient, tmp_path: Path) -> None:
    uri = await open_persona(client, tmp_path)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        context=types.CodeActionContext(diagnostics=[], only=["source.fixAll"]),
    ))
    assert actions is not None
    [action] = actions
    assert isinstance(action, types.CodeAction) and action.kind == "source.fixAll.persona-lint"
    assert action.edit is not None and action.edit.changes is not None
    assert apply(TEXT, action.edit.changes[uri]) == FIXED
