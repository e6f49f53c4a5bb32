"""The pygls (>= 2) language server over standard input and output.

Diagnostics are published on open, change (debounced) and save, for the document version
they were computed from. Lints run in a worker process, never on the event loop, so requests
are answered while a lint runs; a document has at most one lint running, and a result for a
text the editor has already replaced is dropped, never published, and logged
(``window/logMessage``); the newest text is linted next. Hover shows the schema description of
the key or value under the cursor; completion offers what may be typed at the cursor. Both read
a parse of the document (kept per version), never a lint.

Only what the client sent is read: a request about a document the client has not opened
gets an empty answer, and nothing is read from disk. Messages are framed by
:mod:`linter.lsp.stream`, which bounds their size and survives bad headers; a request whose
parameters do not fit its method gets an ``InvalidParams`` error response.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import multiprocessing
import os
import sys
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, BinaryIO, NamedTuple

from lsprotocol import types
from pygls.io_ import StdoutWriter
from pygls.lsp.server import LanguageServer

from linter.diagnostic import Diagnostic, Severity, Span
from linter.document.lines import split_lines
from linter.lsp import actions, analysis, completion
from linter.lsp.documents import OpenDocument, apply_change, line_starts, offset_at
from linter.lsp.positions import from_lsp, span_to_lsp, to_lsp
from linter.lsp.stream import read_messages
from linter.reporters import message_with_hint
from linter.util.version import VERSION as __version__

CHANGE_DELAY = 0.15
"""Seconds to wait after a keystroke before linting (a newer keystroke restarts the wait)."""
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
INVALID_REQUEST = -32600
INVALID_PARAMS = -32602
PARSE_ERROR = -32700


class PersonaLintServer(LanguageServer):
    """The open documents, their pending and running lints, and what was published."""

    def __init__(self) -> None:
        super().__init__("persona-lint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.documents: dict[str, OpenDocument] = {}
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.running: dict[str, asyncio.Future[Linted]] = {}
        self.published: dict[str, int] = {}
        self.parsed: dict[str, tuple[str, analysis.Analysis]] = {}
        self.config_errors_shown: set[str] = set()
        # A process of its own: a lint holds no lock the event loop needs (a thread would share
        # the GIL), so hover and completion are answered at full speed while a lint runs.
        self.linter = ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("spawn"), initializer=_worker_start
        )

    @property
    def encoding(self) -> str:
        try:
            return str(self.workspace.position_encoding or "utf-16")
        except RuntimeError:  # before `initialize`: LSP's default
            return "utf-16"

    # -- documents ---------------------------------------------------------------------------

    def opened(self, params: types.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        path = _path(item.uri)
        self.documents[item.uri] = OpenDocument(item.uri, item.text, item.version, item.language_id, path)
        self.schedule(item.uri, 0)

    def changed(self, params: types.DidChangeTextDocumentParams) -> None:
        document = self.documents.get(params.text_document.uri)
        if document is None:
            return  # a change to a document never opened: nothing to apply it to
        for change in params.content_changes:
            if isinstance(change, types.TextDocumentContentChangePartial):
                start, end = change.range.start, change.range.end
                document.text = apply_change(
                    document.text, (start.line, start.character), (end.line, end.character), change.text, self.encoding
                )
            else:
                document.text = change.text
        document.version = params.text_document.version
        self.schedule(document.uri, CHANGE_DELAY)

    def closed(self, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        self.documents.pop(uri, None)
        self.parsed.pop(uri, None)
        timer = self.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        self.published.pop(uri, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    # -- linting -----------------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        """Lint ``uri`` after ``delay`` seconds; a newer call restarts the wait."""
        previous = self.timers.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self.timers[uri] = asyncio.get_running_loop().call_later(delay, self.start_lint, uri)

    def start_lint(self, uri: str) -> None:
        self.timers.pop(uri, None)
        document = self.documents.get(uri)
        if document is None or uri in self.running:
            return  # closed, or a lint is running: when it ends, a changed text is linted again
        text, version = document.text, document.version
        encoding = self.encoding
        work = asyncio.get_running_loop().run_in_executor(
            self.linter, _lint, document.path, text, document.language_id, encoding
        )
        self.running[uri] = work
        work.add_done_callback(lambda done: self.finished(uri, text, version, done))

    def finished(
        self,
        uri: str,
        text: str,
        version: int | None,
        done: asyncio.Future[Linted],
    ) -> None:
        self.running.pop(uri, None)
        document = self.documents.get(uri)
        if document is None or done.cancelled():
            return
        error = done.exception()
        if error is not None:
            print(f"persona-lint lsp: lint of {uri} failed: {type(error).__name__}: {error}", file=sys.stderr)
            return
        linted = done.result()
        if document.text is not text or document.version != version:
            # Stale: the editor has a newer text. Lint it now unless a keystroke's wait is pending.
            self.window_log_message(types.LogMessageParams(
                type=types.MessageType.Log,
                message=f"persona-lint: the lint of version {version} was dropped: the text changed while it ran",
            ))
            if uri not in self.timers:
                self.start_lint(uri)
            return
        self.show_config_error(linted.config_error)
        if version is not None:
            self.published[uri] = version
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=linted.diagnostics, version=version)
        )

    def show_config_error(self, error: str | None) -> None:
        """A configuration the lint could not use, shown once (linting goes on with the defaults)."""
        if error is None:
            self.config_errors_shown.clear()
            return
        if error in self.config_errors_shown:
            return
        self.config_errors_shown.add(error)
        self.window_show_message(types.ShowMessageParams(
            type=types.MessageType.Error,
            message=f"persona-lint: configuration error, linting with the default settings: {error}",
        ))

    # -- hover and completion ----------------------------------------------------------------

    async def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        """Quick fixes for the findings in the range; ``source.fixAll.persona-lint`` applies every
        safe fix. Worked out in the lint worker, so the event loop never waits for a lint."""
        uri = params.text_document.uri
        document = self.documents.get(uri)
        if document is None:
            return []  # never opened: only what the client sent is read
        start, end = params.range.start, params.range.end
        wanted = params.context.only
        only = [str(getattr(kind, "value", kind)) for kind in wanted] if wanted is not None else None
        made = await asyncio.get_running_loop().run_in_executor(
            self.linter, _code_actions, document.path, document.text, document.language_id, self.encoding,
            (start.line, start.character, end.line, end.character), only,
        )
        return [
            types.CodeAction(
                title=title, kind=kind, diagnostics=[diagnostic] if diagnostic is not None else None,
                is_preferred=preferred,
                edit=types.WorkspaceEdit(changes={uri: [
                    types.TextEdit(types.Range(types.Position(a, b), types.Position(c, d)), text)
                    for (a, b, c, d, text) in edits
                ]}),
            )
            for title, kind, preferred, edits, diagnostic in made
        ]

    def parsed_at(
        self, uri: str, position: types.Position
    ) -> tuple[analysis.Analysis, OpenDocument, Any, list[str]] | None:
        """The parse of an open document (no lint) and the persona-lint position of ``position``."""
        document = self.documents.get(uri)
        if document is None:
            return None  # never opened: only what the client sent is read
        cached = self.parsed.get(uri)
        if cached is not None and cached[0] is document.text:
            result = cached[1]
        else:
            result = analysis.parse_only(document.path, document.text, document.language_id)
            self.parsed[uri] = (document.text, result)
        lines = split_lines(document.text)
        where = from_lsp(position.line, position.character, lines, self.encoding)
        return result, document, where, lines

    def range(self, span: Span, lines: list[str]) -> types.Range:
        return _range(span, lines, self.encoding)

    # -- transport ---------------------------------------------------------------------------

    def receive(self, body: bytes) -> bool:
        """Handle one message body; ``True`` once the client said ``exit``."""
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):
            self.send_error(None, PARSE_ERROR, "the message is not JSON")
            return False
        if not isinstance(data, dict):
            self.send_error(None, INVALID_REQUEST, "a message must be a JSON object")
            return False
        try:
            message = self.protocol.structure_message(data)
        except Exception:  # pygls raises its own JsonRpc* errors here, whatever the fault
            msg_id = data.get("id")
            if "method" in data and msg_id is not None:
                shown = msg_id if isinstance(msg_id, (int, str)) and not isinstance(msg_id, bool) else None
                self.send_error(shown, INVALID_PARAMS, f"invalid params for {str(data['method'])[:80]}")
            return False
        self.protocol.handle_message(message)
        return data.get("method") == types.EXIT

    def send_error(self, msg_id: int | str | None, code: int, message: str) -> None:
        body = json.dumps({"jsonrpc": "2.0", "id": msg_id, "error": {"code": code, "message": message}})
        writer = self.protocol.writer
        if writer is not None:
            writer.write(f"Content-Length: {len(body)}\r\n\r\n{body}".encode())


class Linted(NamedTuple):
    """What the lint worker sends back: the diagnostics in LSP terms and a configuration error."""

    diagnostics: list[types.Diagnostic]
    config_error: str | None


def _worker_start() -> None:
    # The worker inherits the client's pipe as standard output: anything printed there would
    # corrupt the protocol, so its standard output goes to standard error.
    os.dup2(2, 1)
    # A worker that cannot warm up still lints: the first lint meets the cause and reports it.
    with contextlib.suppress(Exception):
        warm_up()


WARM_UP = json.dumps({
    "persona_name": "warm-up", "pipeline_mode": "ful", "system_prompt": "Call `look_up` first.",
    "layers": {"llm": {"model": "tavus-gpt-oss", "tools": [{"type": "function", "function": {
        "name": "look_up", "description": "Look a record up.", "parameters": {
            "type": "object", "properties": {"id": {"type": "string", "description": "The record."}},
            "required": ["id", "ids"],
        },
    }}]}},
})
"""A small persona with findings and hints, linted when the worker starts."""


def warm_up() -> None:
    """Load the rules and build what a first lint builds (validators, patterns, hint helpers), so the
    first diagnostics of a session come as fast as the next ones."""
    from linter.config.settings import DEFAULT
    from linter.document.source import parse
    from linter.engine.lint import lint_with_settings

    lint_with_settings(parse("warm-up.json", WARM_UP.encode()), DEFAULT)


def _lint(path: str | None, text: str, language_id: str | None, encoding: str) -> Linted:
    """In the worker process: lint, then every diagnostic in LSP terms."""
    result = analysis.analyse(path, text, language_id)
    lines = split_lines(text) if result.diagnostics else []
    return Linted([_to_lsp(d, lines, encoding) for d in result.diagnostics], result.config_error)


Made = tuple[str, str, bool, list[tuple[int, int, int, int, str]], types.Diagnostic | None]
"""A code action as the worker sends it back: title, kind, preferred, edits, the finding it fixes."""


def _code_actions(
    path: str | None, text: str, language_id: str | None, encoding: str,
    span: tuple[int, int, int, int], only: list[str] | None,
) -> list[Made]:
    """In the worker process: the quick fixes of the findings in ``span`` and, when asked, fix-all."""
    result = analysis.analyse(path, text, language_id)
    lines = split_lines(text)

    def edits(action: actions.Action) -> list[tuple[int, int, int, int, str]]:
        return [(*to_lsp(e.start, lines, encoding), *to_lsp(e.end, lines, encoding), e.text) for e in action.edits]

    made: list[Made] = []
    if only is None or any(types.CodeActionKind.QuickFix.value.startswith(kind) for kind in only):
        start = from_lsp(span[0], span[1], lines, encoding)
        end = from_lsp(span[2], span[3], lines, encoding)
        for action in actions.quick_fixes(result, start, end):
            assert action.diagnostic is not None
            made.append((action.title, types.CodeActionKind.QuickFix.value, action.preferred, edits(action),
                         _to_lsp(action.diagnostic, lines, encoding)))
    if only is not None and any(actions.FIX_ALL.startswith(kind) for kind in only):
        everything = actions.fix_all(result, path)
        if everything is not None:
            made.append((everything.title, actions.FIX_ALL, True, edits(everything), None))
    return made


def _to_lsp(diagnostic: Diagnostic, lines: list[str], encoding: str) -> types.Diagnostic:
    from linter.engine.registry import by_key
    from linter.engine.ruledocs import url

    return types.Diagnostic(
        range=_range(diagnostic.span, lines, encoding),
        message=message_with_hint(diagnostic),
        severity=SEVERITIES[diagnostic.severity],
        code=diagnostic.code,
        code_description=types.CodeDescription(href=url(by_key()[diagnostic.code])),
        source="persona-lint",
        data={"name": diagnostic.name, "pointer": diagnostic.pointer},
    )


def _range(span: Span, lines: list[str], encoding: str) -> types.Range:
    (start_line, start_char), (end_line, end_char) = span_to_lsp(span, lines, encoding)
    return types.Range(types.Position(start_line, start_char), types.Position(end_line, end_char))


def _path(uri: str) -> str | None:
    from pygls.uris import to_fs_path

    return to_fs_path(uri) if uri.startswith("file:") else None


def build() -> PersonaLintServer:
    """The server with its features registered (not started)."""
    server = PersonaLintServer()

    # Registered so that the capabilities announce them; the built-in handlers below replace
    # pygls' own, which would keep a second copy of each text split with str.splitlines.
    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PersonaLintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.opened(params)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PersonaLintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.closed(params)

    features = server.protocol.fm
    features.add_builtin_feature(types.TEXT_DOCUMENT_DID_OPEN, server.opened)
    features.add_builtin_feature(types.TEXT_DOCUMENT_DID_CHANGE, server.changed)
    features.add_builtin_feature(types.TEXT_DOCUMENT_DID_CLOSE, server.closed)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PersonaLintServer, params: types.DidSaveTextDocumentParams) -> None:
        if params.text_document.uri in ls.documents:  # an unopened file is not read from disk
            ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: PersonaLintServer, params: types.HoverParams) -> types.Hover | None:
        found = ls.parsed_at(params.text_document.uri, params.position)
        if found is None:
            return None
        result, _, where, lines = found
        described = analysis.hover_text(result, where)
        if described is None:
            return None
        text, span = described
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text), range=ls.range(span, lines)
        )

    @server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=['"', ":"]))
    def complete(ls: PersonaLintServer, params: types.CompletionParams) -> types.CompletionList:
        found = ls.parsed_at(params.text_document.uri, params.position)
        if found is None:
            return types.CompletionList(is_incomplete=False, items=[])
        result, document, where, _ = found
        if result.is_patch:  # a patch's path values name persona paths: the parse answers
            offered = [completion.Offer(*offer) for offer in analysis.completions(result, where)]
        else:
            offset = offset_at(document.text, line_starts(document.text), params.position.line,
                               params.position.character, ls.encoding)
            offered = completion.offers(
                document.text, offset, result.revision, result.document.format, result.document.value
            )
        items = [
            types.CompletionItem(
                label=offer.label,
                kind=types.CompletionItemKind.Property if offer.is_key else types.CompletionItemKind.EnumMember,
                documentation=(
                    types.MarkupContent(kind=types.MarkupKind.Markdown, value=offer.documentation)
                    if offer.documentation else None
                ),
            )
            for offer in offered
        ]
        return types.CompletionList(is_incomplete=False, items=items)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL]),
    )
    async def code_action(ls: PersonaLintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return await ls.code_actions(params)

    return server


async def _pump(server: PersonaLintServer, stdin: BinaryIO) -> None:
    """Read messages on a thread of their own and handle each on the event loop."""
    loop = asyncio.get_running_loop()
    finished: Future[None] = Future()

    def report(problem: str) -> None:
        print(f"persona-lint lsp: {problem}", file=sys.stderr)

    def end() -> None:
        if not finished.done():
            finished.set_result(None)

    def handle(body: bytes) -> None:
        if server.receive(body):
            end()

    def read() -> None:
        try:
            for body in read_messages(stdin, report):
                loop.call_soon_threadsafe(handle, body)
        finally:
            loop.call_soon_threadsafe(end)

    threading.Thread(target=read, name="persona-lint-reader", daemon=True).start()
    await asyncio.wrap_future(finished)


def serve(stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> None:
    """Run the server on standard input and output until the client exits."""
    server = build()
    server.protocol.set_writer(StdoutWriter(stdout or sys.stdout.buffer))
    server.linter.submit(int)  # start the worker while the client initializes
    try:
        asyncio.run(_pump(server, stdin or sys.stdin.buffer))
    except (BrokenPipeError, KeyboardInterrupt):
        pass
    finally:
        server.linter.shutdown(wait=False, cancel_futures=True)
