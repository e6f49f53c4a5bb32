"""``path:line:col: severity CODE message [name]``, one line a finding, then a summary."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from linter.diagnostic import Diagnostic, Severity
from linter.reporters.source import SourceExcerpts
from linter.run.model import LintResult


def line(diagnostic: Diagnostic) -> str:
    start = diagnostic.span.start
    hint = f" ({diagnostic.hint})" if diagnostic.hint else ""
    return (
        f"{diagnostic.path}:{start.line}:{start.column}: {diagnostic.severity.value} "
        f"{diagnostic.code} {diagnostic.message}{hint} [{diagnostic.name}]"
    )


def summary(result: LintResult) -> str:
    files = f"{result.files} file{'s' if result.files != 1 else ''}"
    if not result.diagnostics:
        return f"All checks passed ({files})."
    counts = Counter(d.severity for d in result.diagnostics)
    parts = [
        f"{counts[level]} {level.value}{'s' if counts[level] != 1 and level is not Severity.INFO else ''}"
        for level in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if counts[level]
    ]
    with_findings = len({d.path for d in result.diagnostics})
    total = len(result.diagnostics)
    return (
        f"Found {total} problem{'s' if total != 1 else ''} ({', '.join(parts)}) "
        f"in {with_findings} of {files}."
    )


def render(result: LintResult, out: TextIO, *, show_source: bool = False) -> None:
    """One line a finding (with the source line and a caret under it when ``show_source``), then a summary."""
    excerpts = SourceExcerpts(result.sources) if show_source else None
    for diagnostic in result.diagnostics:
        out.write(line(diagnostic) + "\n")
        if excerpts is not None:
            out.writelines(part + "\n" for part in excerpts.excerpt(diagnostic))
    for path, used in result.api_data.items():
        data = f"persona-lint's data of it is from {used.data_date}"
        out.write(f"{path}: checked against revision {used.revision}; {data}\n")
    out.write(summary(result) + "\n")
