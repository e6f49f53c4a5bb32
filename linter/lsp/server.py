"""The pygls (>= 2) language server over standard input and output.

Diagnostics are published on open, change (debounced) and save, for the document version
they were computed from; a result for a version the editor has already replaced is dropped,
never published. Hover shows the schema description of the key or value under the cursor;
completion offers the keys an object may still have and the values an enum allows.
"""

from __future__ import annotations

import asyncio
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from linter.diagnostic import Diagnostic, Severity, Span
from linter.document.lines import split_lines
from linter.lsp import actions, analysis
from linter.lsp.positions import from_lsp, span_to_lsp
from linter.reporters import message_with_hint
from linter.util.version import VERSION as __version__

CHANGE_DELAY = 0.15
"""Seconds to wait after a keystroke before linting (a newer keystroke restarts the wait)."""
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


class PersonaLintServer(LanguageServer):
    """Keeps, per document, the pending lint task and the newest version published."""

    def __init__(self) -> None:
        super().__init__("persona-lint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.published: dict[str, int] = {}

    @property
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or "utf-16")

    def schedule(self, uri: str, delay: float) -> None:
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self.pending[uri] = asyncio.ensure_future(self.lint_later(uri, delay))

    async def lint_later(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        document = self.workspace.get_text_document(uri)
        version = document.version
        result = analysis.analyse(document.path, document.source, document.language_id)
        current = self.workspace.get_text_document(uri).version
        if version is not None and (current != version or self.published.get(uri, -1) > version):
            return  # stale: the editor already has a newer text, whose lint will publish
        if version is not None:
            self.published[uri] = version
        lines = split_lines(document.source)
        diagnostics = [self.to_lsp(d, lines) for d in result.diagnostics]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )

    def to_lsp(self, diagnostic: Diagnostic, lines: list[str]) -> types.Diagnostic:
        from linter.engine.registry import by_key
        from linter.engine.ruledocs import url

        return types.Diagnostic(
            range=self.range(diagnostic.span, lines),
            message=message_with_hint(diagnostic),
            severity=SEVERITIES[diagnostic.severity],
            code=diagnostic.code,
            code_description=types.CodeDescription(href=url(by_key()[diagnostic.code])),
            source="persona-lint",
            data={"name": diagnostic.name, "pointer": diagnostic.pointer},
        )

    def range(self, span: Any, lines: list[str]) -> types.Range:
        (start_line, start_char), (end_line, end_char) = span_to_lsp(span, lines, self.encoding)
        return types.Range(types.Position(start_line, start_char), types.Position(end_line, end_char))

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        """Quick fixes for the findings in the range; ``source.fixAll.persona-lint`` applies every safe fix."""
        uri = params.text_document.uri
        document = self.workspace.get_text_document(uri)
        lines = split_lines(document.source)
        result = analysis.analyse(document.path, document.source, document.language_id)
        wanted = params.context.only
        made: list[types.CodeAction] = []
        if wanted is None or any(str(kind).startswith(str(types.CodeActionKind.QuickFix)) for kind in wanted):
            start = from_lsp(params.range.start.line, params.range.start.character, lines, self.encoding)
            end = from_lsp(params.range.end.line, params.range.end.character, lines, self.encoding)
            for action in actions.quick_fixes(result, start, end):
                assert action.diagnostic is not None
                fixed = [self.to_lsp(action.diagnostic, lines)]
                made.append(self.code_action(uri, action, types.CodeActionKind.QuickFix, fixed))
        if wanted is not None and any(actions.FIX_ALL.startswith(str(kind)) for kind in wanted):
            everything = actions.fix_all(result, document.path)
            if everything is not None:
                made.append(self.code_action(uri, everything, actions.FIX_ALL, None))
        return made

    def code_action(
        self, uri: str, action: actions.Action, kind: str, diagnostics: list[types.Diagnostic] | None
    ) -> types.CodeAction:
        lines = split_lines(self.workspace.get_text_document(uri).source)
        edits = [
            types.TextEdit(range=self.range(Span(edit.start, edit.end), lines), new_text=edit.text)
            for edit in action.edits
        ]
        return types.CodeAction(
            title=action.title, kind=kind, diagnostics=diagnostics, is_preferred=action.preferred,
            edit=types.WorkspaceEdit(changes={uri: edits}),
        )

    def analysed_at(self, uri: str, position: types.Position) -> tuple[analysis.Analysis, Any, list[str]]:
        document = self.workspace.get_text_document(uri)
        lines = split_lines(document.source)
        where = from_lsp(position.line, position.character, lines, self.encoding)
        return analysis.analyse(document.path, document.source, document.language_id), where, lines


def build() -> PersonaLintServer:
    """The server with its features registered (not started)."""
    server = PersonaLintServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PersonaLintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: PersonaLintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, CHANGE_DELAY)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PersonaLintServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PersonaLintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.published.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: PersonaLintServer, params: types.HoverParams) -> types.Hover | None:
        result, where, lines = ls.analysed_at(params.text_document.uri, params.position)
        found = analysis.hover_text(result, where)
        if found is None:
            return None
        text, span = found
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text), range=ls.range(span, lines)
        )

    @server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=['"']))
    def completion(ls: PersonaLintServer, params: types.CompletionParams) -> types.CompletionList:
        result, where, _ = ls.analysed_at(params.text_document.uri, params.position)
        items = [
            types.CompletionItem(
                label=label,
                kind=types.CompletionItemKind.Property if is_key else types.CompletionItemKind.EnumMember,
                documentation=types.MarkupContent(kind=types.MarkupKind.Markdown, value=doc) if doc else None,
            )
            for label, doc, is_key in analysis.completions(result, where)
        ]
        return types.CompletionList(is_incomplete=False, items=items)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL]),
    )
    def code_action(ls: PersonaLintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return ls.code_actions(params)

    return server


def serve() -> None:
    """Run the server on standard input and output until the client exits."""
    build().start_io()
