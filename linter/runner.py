"""Checking many files: discovery, reading with limits, per-file configuration."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from linter import engine, selection
from linter.config import Settings, clear_caches, settings_for
from linter.diagnostic import Diagnostic
from linter.files import EmptyDirectory, Missing, Target, expand
from linter.rule import PERSONA_KEYS
from linter.secrets import redact_source
from linter.source import MAX_FILE_BYTES, parse


@dataclass(frozen=True, slots=True)
class Request:
    """What to check and how: the command line's options, as plain data."""

    paths: tuple[str, ...]
    revision: str | None = None
    config: Path | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    stdin_filename: str | None = None
    jobs: int = 1
    """Worker processes for many files (``linter.parallel``); 1 checks everything in this process."""
    keep_sources: bool = True
    """Keep the (masked) text of files with findings, for ``--show-source``; else hold no text at all."""


@dataclass(frozen=True, slots=True)
class FileReport:
    path: str
    diagnostics: tuple[Diagnostic, ...]
    checked: bool = True
    text: str | None = None
    """The decoded source, kept only when there are diagnostics (for ``--show-source``)."""


@dataclass(frozen=True, slots=True)
class LintResult:
    """All diagnostics of a run (sorted), how many files were checked, and notices for people."""

    diagnostics: tuple[Diagnostic, ...]
    files: int
    notices: tuple[str, ...] = field(default=())
    paths: tuple[str, ...] = ()
    """Every checked file, in order (JUnit reports one test case per file)."""
    sources: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)
    """Source text of the files that have diagnostics, by path (costs nothing for clean files)."""


def run(request: Request, stdin: BinaryIO | None = None) -> LintResult:
    """Check every file of ``request``; unreadable or broken files become diagnostics."""
    diagnostics: list[Diagnostic] = []
    notices: list[str] = []
    paths: list[str] = []
    sources: dict[str, str] = {}
    for report in iter_reports(request, stdin, notices):
        if report.checked:
            paths.append(report.path)
        if report.text is not None:
            sources[report.path] = report.text
        diagnostics.extend(report.diagnostics)
    diagnostics.sort(key=lambda d: d.sort_key)
    return LintResult(tuple(diagnostics), len(paths), tuple(notices), tuple(paths), sources)


def iter_reports(request: Request, stdin: BinaryIO | None, notices: list[str]) -> Iterator[FileReport]:
    clear_caches()  # configuration is read afresh by every run: edits are seen, no state outlives it
    base = _settings(request, request.paths[0] if request.paths else ".")
    work = _files(expand(request.paths, base.exclude), notices)
    if request.jobs > 1 and "-" not in request.paths:
        from linter.parallel import check_in_workers  # only runs with --jobs above 1 import it

        yield from check_in_workers(work, request)
    else:
        yield from (check_item(item, request, stdin) for item in work)


def _files(items: Iterator[Target | Missing | EmptyDirectory], notices: list[str]) -> Iterator[Target | Missing]:
    for item in items:
        if isinstance(item, EmptyDirectory):
            notices.append(f"no persona files (*.json, *.yaml, *.yml) found under {item.path}")
        else:
            yield item


def check_item(item: Target | Missing, request: Request, stdin: BinaryIO | None = None) -> FileReport:
    """The report of one file, or of a named path that does not exist."""
    if isinstance(item, Missing):
        rules = selection.resolve(_settings(request, request.paths[0] if request.paths else "."))
        return FileReport(item.path, tuple(engine.unreadable(item.path, "no such file or directory", rules)))
    return check_target(item, request, stdin)


def check_target(target: Target, request: Request, stdin: BinaryIO | None = None) -> FileReport:
    """Lint one file (or stdin) with the configuration that applies to it."""
    shown = request.stdin_filename or "-" if target.path == "-" else target.path
    settings = _settings(request, shown)
    data, reason = _read(target.path, stdin)
    if data is None:
        rules = selection.resolve(settings, settings.ignored_for(shown))
        return FileReport(shown, tuple(engine.unreadable(shown, reason, rules)))
    document = parse(shown, data)
    if not target.explicit and isinstance(document.value, dict) and not PERSONA_KEYS & document.value.keys():
        return FileReport(shown, (), checked=False)
    diagnostics = tuple(engine.lint_with_settings(document, settings, request.revision))
    # The kept source feeds --show-source: mask secrets there too (linter.secrets).
    kept = redact_source(document.text, document.value) if diagnostics and request.keep_sources else None
    return FileReport(shown, diagnostics, text=kept)


def _settings(request: Request, path: str) -> Settings:
    return _with_flags(settings_for(path, request.config), request.select, request.extend_select, request.ignore)


@lru_cache(maxsize=64)
def _with_flags(
    settings: Settings, select: tuple[str, ...] | None, extend_select: tuple[str, ...], ignore: tuple[str, ...]
) -> Settings:
    # The command line's flags apply to each configuration once per run, not once per file.
    return settings.with_overrides(schema_version=None, select=select, extend_select=extend_select, ignore=ignore)


def _read(path: str, stdin: BinaryIO | None) -> tuple[bytes | None, str]:
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
