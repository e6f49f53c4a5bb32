"""Checking one file: reading it with limits, its configuration, parsing and linting."""

from __future__ import annotations

import fnmatch
import os
import re
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
from linter.fix.write import unfixable_encoding, unified_diff, write_fixed
from linter.run.files import Missing, Target
from linter.run.model import ApiData, FileFixes, FileReport, Request
from linter.schemas.association import choose_revision
from linter.tavus.evidence import data_date
from linter.tavus.masking import masked_source
from linter.tavus.persona import PERSONA_KEYS
from linter.util.lazy_regex import LazyPattern
from linter.util.paths import display_path, printable


def check_item(item: Target | Missing, request: Request, stdin: BinaryIO | None = None) -> FileReport:
    """The report of one file, or of a named path that does not exist."""
    if isinstance(item, Missing):
        rules = selection.resolve(run_settings(request))
        shown = display_path(item.path)
        return FileReport(shown, tuple(engine.unreadable(shown, "no such file or directory", rules)))
    return check_target(item, request, stdin)


def check_target(target: Target, request: Request, stdin: BinaryIO | None = None) -> FileReport:
    """Lint one file (or stdin) with the configuration that applies to it."""
    shown = printable(request.stdin_filename or "-") if target.path == "-" else display_path(target.path)
    settings = settings_of(request, target.path if target.path != "-" else shown)
    data, reason = read(target.path, stdin)
    if data is None:
        rules = selection.resolve(settings, settings.ignored_for(shown))
        return FileReport(shown, tuple(engine.unreadable(shown, reason, rules)))
    document = parse(shown, data)
    kind = engine.document_kind(document, settings, request.kind)
    if kind == "persona" and not target.explicit and not looks_lintable(document, data):
        return FileReport(shown, (), checked=False, origin=target.origin)
    base, unread = _base(request, settings, shown) if kind == "patch" else (None, ())
    outcome = lint_file(
        document, settings, request.revision, request.baseline, use_baseline=request.use_baseline, kind=kind, base=base,
    )
    diagnostics = unread + outcome.diagnostics
    fixes = None
    if request.fix is not None and any(fixable(d, request.fix == "unsafe") for d in diagnostics):
        document, diagnostics, fixes = _fix(target, data, document, settings, request, kind, base)
    # The kept source feeds --show-source: masked by the same masker as the diagnostics.
    kept = masked_source(document) if diagnostics and request.keep_sources else None
    others: tuple[tuple[str, str], ...] = ()
    if base is not None and request.keep_sources and any(d.path == base.path for d in diagnostics):
        others = ((base.path, masked_source(base)),)
    api_data = None
    if any(d.code in DATA_AGE_CODES for d in diagnostics):
        revision = choose_revision(document, request.revision, settings.schema_version)
        api_data = ApiData(revision, data_date(revision))
    return FileReport(
        shown, diagnostics, text=kept, other_texts=others, suppressed=outcome.suppressed, origin=target.origin,
        fixes=fixes, api_data=api_data,
    )


DATA_AGE_CODES = frozenset({"SCH011"})
"""Findings about names persona-lint may not know yet: the report says how old its data is."""


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

    encoding = unfixable_encoding(data) if target.path != "-" else None
    if encoding is not None:
        found = tuple(lint(document))
        refused = tuple(
            Refused(d.code, d.pointer, d.fix.title, encoding) for d in found
            if d.fix is not None and fixable(d, request.fix == "unsafe")
        )
        return document, _say_why(found, refused), FileFixes(document.path, (), refused)
    outcome = fix_document(document, lint, unsafe=request.fix == "unsafe")
    applied, refused = outcome.applied, outcome.refused
    if not outcome.changed:
        nothing = FileFixes(document.path, (), refused) if refused else None
        return document, _say_why(outcome.diagnostics, refused), nothing
    if request.diff:  # writes nothing: the findings stay those of the file as it is
        # Same-length masking keeps the diff's shape and shows no secret of either version.
        after = reparse(document, outcome.text)
        before_shown = masked_source(document)
        diff = unified_diff(document.path, before_shown, masked_source(after))
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
        return None, tuple(engine.unreadable(display_path(path), f"the base persona: {reason}", rules))
    return parse(display_path(path), data), ()


_PERSONA_ONLY_KEYS = ("persona_name", "pal_name", "system_prompt", "pipeline_mode", "default_replica_id",
                      "default_face_id", "persona_id", "pal_id")
"""The persona keys no other common file uses (``layers`` or ``context`` could be anyone's)."""
_PERSONA_KEY_IN_TEXT = LazyPattern(
    r"""(?:^|[{,\s"'])(?:""" + "|".join(_PERSONA_ONLY_KEYS) + r""")["']?\s*:""", re.MULTILINE
)


def looks_lintable(document: Document, data: bytes = b"") -> bool:
    """Whether a file found by walking a directory is one persona-lint should lint: an object
    with a top-level persona key, or a JSON Patch body (a root array of objects with ``"op"``).
    Anything else (``package.json``, an array, a string, an empty file) is skipped silently; a
    file that does not parse is linted when its text writes a key only personas use (``"persona_name":``),
    so a broken persona is reported while a ``tsconfig.json`` with comments is not (``data``,
    the raw bytes, stand in for a text that could not be decoded)."""
    value = document.value
    if isinstance(value, dict):
        return bool(PERSONA_KEYS & value.keys())
    if isinstance(value, list):
        return bool(value) and all(isinstance(item, dict) and "op" in item for item in value)
    if value is None and any(p.code in _UNPARSABLE for p in document.problems):
        text = document.text or data.decode("utf-8", "replace")
        return _PERSONA_KEY_IN_TEXT.search(text) is not None
    return False


_UNPARSABLE = frozenset({"SYN001", "SYN002", "SYN003", "SYN006", "SYN009", "SYN010"})


def is_excluded(request: Request, path: str) -> bool:
    """Whether an ``exclude`` pattern of the configuration that applies to ``path`` matches it.

    Patterns are relative to the folder of the configuration file that declares them (and also
    match a file's or folder's own name), from whatever directory persona-lint runs in."""
    settings = settings_of(request, path)
    if not settings.exclude:
        return False
    absolute = os.path.abspath(path)
    names = [os.path.basename(absolute)]
    if settings.root is not None:
        relative = os.path.relpath(absolute, settings.root).replace(os.sep, "/")
        if not relative.startswith(".."):
            parts = relative.split("/")
            names.extend("/".join(parts[: i + 1]) for i in range(len(parts)))
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in settings.exclude for name in names)


def settings_of(request: Request, path: str) -> Settings:
    return _with_flags(settings_for(path, request.config), request.select, request.extend_select, request.ignore)


def run_settings(request: Request) -> Settings:
    """The settings of the run as a whole: those of its first path (of the working directory without one)."""
    return settings_of(request, request.paths[0] if request.paths else ".")


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
