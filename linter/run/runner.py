"""Checking many files: discovery, then each file in this process or in workers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import BinaryIO

from linter.config.settings import clear_caches
from linter.diagnostic import Diagnostic
from linter.run.age import old_data_notice
from linter.run.check import check_item, settings_of
from linter.run.files import EmptyDirectory, Missing, Target, expand
from linter.run.model import ApiData, FileReport, LintResult, Request


def run(request: Request, stdin: BinaryIO | None = None) -> LintResult:
    """Check every file of ``request``; unreadable or broken files become diagnostics."""
    diagnostics: list[Diagnostic] = []
    notices: list[str] = []
    paths: list[str] = []
    sources: dict[str, str] = {}
    api_data: dict[str, ApiData] = {}
    for report in iter_reports(request, stdin, notices):
        if report.checked:
            paths.append(report.path)
        if report.text is not None:
            sources[report.path] = report.text
        if report.api_data is not None:
            api_data[report.path] = report.api_data
        diagnostics.extend(report.diagnostics)
    diagnostics.sort(key=lambda d: d.sort_key)
    ignore_old = settings_of(request, request.paths[0] if request.paths else ".").ignore_old_data
    old_data = old_data_notice(request.today or date.today(), ignore_old)
    if old_data is not None:
        notices.append(old_data)
    return LintResult(tuple(diagnostics), len(paths), tuple(notices), tuple(paths), sources, api_data)


def iter_reports(request: Request, stdin: BinaryIO | None, notices: list[str]) -> Iterator[FileReport]:
    clear_caches()  # configuration is read afresh by every run: edits are seen, no state outlives it
    base = settings_of(request, request.paths[0] if request.paths else ".")
    work = _files(expand(request.paths, base.exclude), notices)
    if request.jobs > 1 and "-" not in request.paths:
        from linter.run.parallel import check_in_workers  # only runs with --jobs above 1 import it

        yield from check_in_workers(work, request)
    else:
        yield from (check_item(item, request, stdin) for item in work)


def _files(items: Iterator[Target | Missing | EmptyDirectory], notices: list[str]) -> Iterator[Target | Missing]:
    for item in items:
        if isinstance(item, EmptyDirectory):
            notices.append(f"no persona files (*.json, *.yaml, *.yml) found under {item.path}")
        else:
            yield item
