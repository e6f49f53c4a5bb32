"""Checking one file: reading it with limits, its configuration, parsing and linting."""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import replace
from functools import lru_cache
from typing import BinaryIO

from linter.config.settings import Settings, settings_for
from linter.diagnostic import Diagnostic
from linter.document.model import Document
from linter.document.patch import Kind
from linter.document.source import MAX_FILE_BYTES, parse
from linter.engine import lint as engine
from linter.engine import selection
from linter.engine.adopt import lint_file
from linter.fix.apply import Refused, fix_document, fixable, reparse
from linter.fix.write import unified_diff, write_fixed
from linter.run.files import Missing, Target
from linter.run.model import FileFixes, FileReport, Request
from linter.tavus.persona import PERSONA_KEYS
from linter.tavus.secrets import redact_source


def check_item(item: Target | Missing, request: Request, stdin: BinaryIO | None = None) -> FileReport:
    """The report of one file, or of a named path that does not exist."""
    if isinstance(item, Missing):
        rules = selection.resolve(settings_of(request, request.paths[0] if request.paths else "."))
        return FileReport(item.path, tuple(engine.unreadable(item.path, "no such file or directory", rules)))
    return check_target(item, request, stdin)


def check_target(target: Target, request: Request, stdin: BinaryIO | None = None) -> FileReport:
    """Lint one file (or stdin) with the configuration that applies to it."""
    shown = request.stdin_filename or "-" if target.path == "-" else target.path
    settings = settings_of(request, shown)
    data, reason = read(target.path, stdin)
    if data is None:
        rules = selection.resolve(settings, settings.ignored_for(shown))
        return FileReport(shown, tuple(engine.unreadable(shown, reason, rules)))
    document = parse(shown, data)
    kind = engine.document_kind(document, settings, request.kind)
    if kind == "persona" and not target.explicit and isinstance(document.value, dict) and not (
        PERSONA_KEYS & document.value.keys()
    ):
        return FileReport(shown, (), checked=False)
    base, unread = _base(request, settings, shown) if kind == "patch" else (None, ())
    outcome = lint_file(
        document, settings, request.revision, request.baseline, use_baseline=request.use_baseline, kind=kind, base=base,
    )
    diagnostics = unread + outcome.diagnostics
    fixes = None
    if request.fix is not None and any(fixable(d, request.fix == "unsafe") for d in diagnostics):
        document, diagnostics, fixes = _fix(target, data, document, settings, request, kind, base)
    # The kept source feeds --show-source: mask secrets there too (linter.secrets).
    kept = redact_source(document.text, document.value) if diagnostics and request.keep_sources else None
    others: tuple[tuple[str, str], ...] = ()
    if base is not None and request.keep_sources and any(d.path == base.path for d in diagnostics):
        others = ((base.path, redact_source(base.text, base.value)),)
    return FileReport(
        shown, diagnostics, text=kept, other_texts=others, suppressed=outcome.suppressed, fixes=fixes
    )


def _fix(
    target: Target, data: bytes, document: Document, settings: Settings, request: Request,
    kind: Kind, base: Document | None,
) -> tuple[Document, tuple[Diagnostic, ...], FileFixes | None]:
    """Fix one document; write it back unless it is standard input or only a ``--diff`` is asked.

    Returns the document the findings are about (the fixed one once it is written), its findings,
    and what fixing did.
    """

    def lint(d: Document) -> list[Diagnostic]:  # as `check` lints: suppressed findings get no fix
        found = lint_file(
            d, settings, request.revision, request.baseline, use_baseline=request.use_baseline, kind=kind, base=base
        )
        return list(found.diagnostics)

    outcome = fix_document(document, lint, unsafe=request.fix == "unsafe")
    applied, refused = outcome.applied, outcome.refused
    if not outcome.changed:
        nothing = FileFixes(document.path, (), refused) if refused else None
        return document, _say_why(outcome.diagnostics, refused), nothing
    if request.diff:  # writes nothing: the findings stay those of the file as it is
        # Same-length masking keeps the diff's shape and shows no secret of either version.
        after = reparse(document, outcome.text)
        before_shown = redact_source(document.text, document.value)
        diff = unified_diff(document.path, before_shown, redact_source(outcome.text, after.value))
        return document, tuple(lint(document)), FileFixes(document.path, applied, refused, diff=diff)
    if target.path == "-":
        fixes = FileFixes(document.path, applied, refused, text=outcome.text)
    else:
        problem = write_fixed(target.path, data, outcome.text)
        if problem is not None:  # the original stays as it was: report it unfixed, and why
            refused += tuple(Refused(a.code, a.pointer, a.title, problem) for a in applied)
            return document, _say_why(tuple(lint(document)), refused), FileFixes(document.path, (), refused)
        fixes = FileFixes(document.path, applied, refused)
    return reparse(document, outcome.text), _say_why(outcome.diagnostics, refused), fixes


def _say_why(diagnostics: tuple[Diagnostic, ...], refused: tuple[Refused, ...]) -> tuple[Diagnostic, ...]:
    """A finding whose fix was refused says why in its hint, and offers the fix no more."""
    reasons = {(r.code, r.pointer): r.reason for r in refused}
    if not reasons:
        return diagnostics
    said = []
    for d in diagnostics:
        reason = reasons.get((d.code, d.pointer))
        if reason is not None and d.fix is not None:
            note = f"not fixed: {reason}"
            d = replace(d, fix=None, hint=f"{d.hint}; {note}" if d.hint else note)
        said.append(d)
    return tuple(said)


def _base(request: Request, settings: Settings, shown: str) -> tuple[Document | None, tuple[Diagnostic, ...]]:
    """The persona a patch applies to (``--base``, else the configuration's ``bases``), parsed."""
    configured = settings.base_for(shown)
    path = request.base or (str(configured) if configured is not None else None)
    if path is None:
        return None, ()
    data, reason = read(path, None)
    if data is None:
        rules = selection.resolve(settings, settings.ignored_for(shown))
        return None, tuple(engine.unreadable(path, f"the base persona: {reason}", rules))
    return parse(path, data), ()


def settings_of(request: Request, path: str) -> Settings:
    return _with_flags(settings_for(path, request.config), request.select, request.extend_select, request.ignore)


@lru_cache(maxsize=64)
def _with_flags(
    settings: Settings, select: tuple[str, ...] | None, extend_select: tuple[str, ...], ignore: tuple[str, ...]
) -> Settings:
    # The command line's flags apply to each configuration once per run, not once per file.
    return settings.with_overrides(schema_version=None, select=select, extend_select=extend_select, ignore=ignore)


def read(path: str, stdin: BinaryIO | None) -> tuple[bytes | None, str]:
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(MAX_FILE_BYTES + 1)
        return data, ""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return None, "not a regular file (a directory, FIFO, socket or device)"
        limit = MAX_FILE_BYTES + 1
        with open(path, "rb") as handle:
            # Sized by stat: asking for the whole limit makes Python allocate 5 MiB for every
            # few-kilobyte persona. A file that grew since is read on, up to the limit.
            data = handle.read(min(info.st_size + 1, limit))
            if info.st_size < len(data) < limit:
                data += handle.read(limit - len(data))
            return data, ""
    except FileNotFoundError:
        return None, "no such file or directory (it may have been removed while checking)"
    except PermissionError:
        return None, "permission denied"
    except OSError as error:
        return None, f"cannot read: {error.strerror or type(error).__name__}"
