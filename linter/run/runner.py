"""Checking many files: discovery, then each file in this process or in workers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from functools import partial
from typing import BinaryIO

from linter.config.settings import clear_caches
from linter.diagnostic import Diagnostic
from linter.engine.selection import resolve
from linter.engine.suppress import Suppressed
from linter.run import files
from linter.run.age import old_data_notice
from linter.run.check import check_item, is_excluded, run_settings
from linter.run.files import EmptyDirectory, Missing, Target, expand
from linter.run.model import ApiData, FileFixes, FileReport, LintResult, Request


def run(request: Request, stdin: BinaryIO | None = None) -> LintResult:
    """Check every file of ``request``; unreadable or broken files become diagnostics."""
    diagnostics: list[Diagnostic] = []
    notices: list[str] = []
    paths: list[str] = []
    sources: dict[str, str] = {}
    fixes: list[FileFixes] = []
    suppressed: list[Suppressed] = []
    api_data: dict[str, ApiData] = {}
    for report in iter_reports(request, stdin, notices):
        if report.checked:
            paths.append(report.path)
        if report.text is not None:
            sources[report.path] = report.text
        if report.fixes is not None:
            fixes.append(report.fixes)
        sources.update(report.other_texts)
        if report.api_data is not None:
            api_data[report.path] = report.api_data
        diagnostics.extend(report.diagnostics)
        suppressed.extend(report.suppressed)
    # A base persona's own findings come again with every patch applied to it (and with the
    # base itself when it is checked too): each is reported once.
    diagnostics = list(dict.fromkeys(diagnostics))
    diagnostics.sort(key=lambda d: d.sort_key)
    suppressed = list(dict.fromkeys(suppressed))
    suppressed.sort(key=lambda s: s.diagnostic.sort_key)
    # A patch's findings may point into its base persona: that file was checked too.
    checked = set(paths)
    paths.extend(sorted({d.path for d in diagnostics} - checked))
    ignore_old = run_settings(request).ignore_old_data
    old_data = old_data_notice(request.today or date.today(), ignore_old)
    if old_data is not None:
        notices.append(old_data)
    return LintResult(
        tuple(diagnostics), len(paths), tuple(notices), tuple(paths), sources, tuple(fixes), tuple(suppressed),
        api_data,
    )


def iter_reports(request: Request, stdin: BinaryIO | None, notices: list[str]) -> Iterator[FileReport]:
    """Every file's report, in order; ``notices`` gets a warning for each named directory in
    which no file looked like a persona (once the reports are all out)."""
    clear_caches()  # configuration is read afresh by every run: edits are seen, no state outlives it
    base = run_settings(request)
    resolve(base)  # a configuration error ends the run before any file is read, even with no file to check
    notices.extend(base.warnings)
    files.clear_caches()
    excluded = partial(is_excluded, request)
    work = _files(
        expand(request.paths, excluded, respect_gitignore=request.respect_gitignore,
               force_exclude=request.force_exclude),
        notices,
    )
    if request.jobs > 1 and "-" not in request.paths:
        from linter.run.parallel import check_in_workers  # only runs with --jobs above 1 import it

        reports = check_in_workers(work, request)
    else:
        reports = (check_item(item, request, stdin) for item in work)
    walked: Counter[str] = Counter()
    for report in reports:
        if report.origin is not None:
            walked[report.origin] += report.checked
        yield report
    notices.extend(_no_personas(origin) for origin, checked in walked.items() if not checked)


def _files(items: Iterator[Target | Missing | EmptyDirectory], notices: list[str]) -> Iterator[Target | Missing]:
    for item in items:
        if isinstance(item, EmptyDirectory):
            notices.append(_no_personas(item.path))
        else:
            yield item


def _no_personas(directory: str) -> str:
    return f"no persona files (*.json, *.yaml, *.yml) found under {directory}"
