"""The language server, driven by a real LSP client (pytest-lsp) over stdio."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # each test starts a language server process

pytest.importorskip("pygls")
pytest.importorskip("pytest_lsp")

from lsprotocol import types  # noqa: E402
from pytest_lsp import LanguageClient  # noqa: E402

from linter.diagnostic import Position, Span  # noqa: E402
from linter.document.lines import split_lines  # noqa: E402
from linter.lsp.positions import from_lsp, span_to_lsp, to_lsp  # noqa: E402

BAD = '{\n  "persona_name": "Coach 😀",\n  "pipeline_mode": "ful", "system_prompt": "Be kind."\n}\n'
FIXED = '{\n  "persona_name": "Coach 😀",\n  "pipeline_mode": "full", "system_prompt": "Be kind."\n}\n'
YAML_BAD = "# yaml-language-server: $schema=x\npersona_name: 😀😀\npipeline_mode: fulll\n"


async def open_and_wait(client: LanguageClient, uri: str, text: str, language: str = "json") -> None:
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text))
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)


@pytest.mark.asyncio
async def test_diagnostics_on_open_and_change(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "persona.json"
    path.write_text(BAD, encoding="utf-8")
    uri = path.as_uri()
    await open_and_wait(client, uri, BAD)
    [diagnostic] = client.diagnostics[uri]
    assert diagnostic.code == "SCH004"
    assert diagnostic.source == "persona-lint"
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert diagnostic.code_description is not None
    assert diagnostic.code_description.href.endswith("/docs/rules/SCH004.md")
    # 0-based line 2; "ful" starts at character 19 and its quotes end at 24 (no emoji on this line)
    assert diagnostic.range == types.Range(types.Position(2, 19), types.Position(2, 24))

    change = types.TextDocumentContentChangeWholeDocument(text=FIXED)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2), content_changes=[change]
    ))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert list(client.diagnostics[uri]) == []


@pytest.mark.asyncio
async def test_ranges_count_utf16_units_after_an_emoji(client: LanguageClient, tmp_path: Path) -> None:
    uri = (tmp_path / "persona.yaml").as_uri()
    await open_and_wait(client, uri, YAML_BAD, "yaml")
    [diagnostic] = [d for d in client.diagnostics[uri] if d.code == "SCH004"]
    # line 2 is 'pipeline_mode: fulll': no emoji before it, character 15
    assert diagnostic.range.start == types.Position(2, 15)
    text = '{"persona_name": "😀", "pipeline_mode": "ful"}'
    uri2 = (tmp_path / "one-line.persona.json").as_uri()
    await open_and_wait(client, uri2, text)
    [diagnostic] = [d for d in client.diagnostics[uri2] if d.code == "SCH004"]
    start = len(text[: text.index('"ful"')].encode("utf-16-le")) // 2  # the emoji counts twice
    assert diagnostic.range.start == types.Position(0, start) and start == text.index('"ful"') + 1
    assert diagnostic.range.end == types.Position(0, start + 5)


@pytest.mark.asyncio
async def test_rapid_changes_publish_only_the_newest_version(client: LanguageClient, tmp_path: Path) -> None:
    uri = (tmp_path / "persona.json").as_uri()
    await open_and_wait(client, uri, FIXED)
    for version, text in enumerate([BAD, FIXED, BAD, BAD.replace("ful", "fulll")], start=2):
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        ))
    params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert params.version == 5
    await asyncio.sleep(0.5)  # a stale result (for BAD, "ful") would arrive now and replace these
    [diagnostic] = client.diagnostics[uri]
    assert "fulll" in diagnostic.message


@pytest.mark.asyncio
async def test_config_found_by_walking_up(client: LanguageClient, tmp_path: Path) -> None:
    (tmp_path / ".persona-lint.toml").write_text('ignore = ["SCH004"]\n')
    folder = tmp_path / "personas" / "deep"
    folder.mkdir(parents=True)
    uri = (folder / "coach.json").as_uri()
    await open_and_wait(client, uri, BAD)
    assert list(client.diagnostics[uri]) == []


@pytest.mark.asyncio
async def test_unrelated_json_gets_no_diagnostics(client: LanguageClient, tmp_path: Path) -> None:
    uri = (tmp_path / "package.json").as_uri()
    await open_and_wait(client, uri, '{"name": "x", "version": 3}')
    assert list(client.diagnostics[uri]) == []


@pytest.mark.asyncio
async def test_hover_shows_the_schema_description(client: LanguageClient, tmp_path: Path) -> None:
    uri = (tmp_path / "persona.json").as_uri()
    await open_and_wait(client, uri, BAD)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(2, 5)
    ))
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert "Which pipeline runs" in hover.contents.value
    assert hover.range == types.Range(types.Position(2, 2), types.Position(2, 17))
    nothing = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(0, 0)
    ))
    assert nothing is None


@pytest.mark.asyncio
async def test_completion_of_enum_values_and_keys(client: LanguageClient, tmp_path: Path) -> None:
    uri = (tmp_path / "persona.json").as_uri()
    await open_and_wait(client, uri, BAD)
    values = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(2, 21)
    ))
    assert isinstance(values, types.CompletionList)
    assert [item.label for item in values.items] == ["full", "echo", "speech-to-speech"]
    keys = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(0, 0)
    ))
    assert isinstance(keys, types.CompletionList)
    labels = [item.label for item in keys.items]
    assert "layers" in labels and "persona_name" not in labels  # already present


def test_position_conversion_utf16_utf8_utf32() -> None:
    lines = split_lines('a😀b\r\n"x"\rlast')
    assert lines == ["a😀b", '"x"', "last"]
    assert to_lsp(Position(1, 3), lines) == (0, 3)  # after 'a' and the emoji (2 UTF-16 units)
    assert to_lsp(Position(1, 3), lines, "utf-8") == (0, 5)
    assert to_lsp(Position(1, 3), lines, "utf-32") == (0, 2)
    assert span_to_lsp(Span(Position(2, 1), Position(3, 5)), lines) == ((1, 0), (2, 4))
    assert from_lsp(0, 3, lines) == Position(1, 3)
    assert from_lsp(0, 2, lines) == Position(1, 3)  # inside the surrogate pair: after the emoji
    assert from_lsp(9, 0, lines) == Position(10, 1)


def test_check_does_not_import_pygls(tmp_path: Path) -> None:
    import subprocess

    (tmp_path / "p.json").write_text(FIXED)
    code = (
        "import sys\n"
        "from linter.cli import cli\n"
        "try:\n"
        f"    cli.main(['check', {str(tmp_path / 'p.json')!r}], standalone_mode=False)\n"
        "finally:\n"
        "    print('pygls' in sys.modules, 'lsprotocol' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "False False"


@pytest.mark.asyncio
async def test_language_server_never_shows_a_secret(client: LanguageClient, tmp_path: Path) -> None:
    secret = "sk-proj-LSPSECRET7Q2w9E4r6T8y0U1i3O5p"
    text = (
        '{\n  "persona_name": "Coach",\n  "system_prompt": "Be kind.",\n'
        f'  "pipeline_mode": "{secret}",\n'
        '  "layers": {"llm": {"model": "my-model", "base_url": "https://x.example/v1", '
        f'"api_key": "{secret}"}}}}\n}}\n'
    )
    path = tmp_path / "persona.json"
    path.write_text(text, encoding="utf-8")
    await open_and_wait(client, path.as_uri(), text)
    published = client.diagnostics[path.as_uri()]
    assert {d.code for d in published} >= {"SEC001", "SCH004"}
    for diagnostic in published:
        shown = f"{diagnostic.message} {diagnostic.data}"
        assert not any(secret[i : i + 12] in shown for i in range(len(secret) - 11)), shown


def test_diagnostic_message_is_worded_like_the_other_formats() -> None:
    from linter.diagnostic import Diagnostic, Severity
    from linter.lsp.server import _to_lsp  # what the lint worker sends the editor
    from linter.reporters import message_with_hint

    span = Span(Position(1, 1), Position(1, 2))
    found = Diagnostic("p.json", span, "SCH004", "invalid-value", Severity.ERROR, "'ful' is bad", "/x", "use 'full'")
    assert _to_lsp(found, ["x"], "utf-16").message == message_with_hint(found) == "'ful' is bad (use 'full')"
