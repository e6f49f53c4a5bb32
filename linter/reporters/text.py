"""``path:line:col: severity CODE message [name]``, one line a finding, then a summary."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from linter.diagnostic import Diagnostic, Severity
from linter.engine.suppress import Suppressed
from linter.reporters import message_with_hint
from linter.reporters.fixes import fixable_line, marker
from linter.reporters.source import SourceExcerpts
from linter.run.model import LintResult

_C_ESCAPES = {"\t": "\\t", "\n": "\\n", "\r": "\\r", '"': '\\"', "\\": "\\\\"}


def quote_path(path: str) -> str:
    """``path`` as git prints it: as is when it holds no control character, quote or backslash,
    else in double quotes with C escapes (``\\t``, ``\\n``, ``\\033``), so that a file name
    cannot move the cursor, recolour the terminal or forge another line of output."""
    if not any(c in _C_ESCAPES or not c.isprintable() for c in path):
        return path
    return '"' + "".join(_C_ESCAPES.get(c) or (c if c.isprintable() else _octal(c)) for c in path) + '"'


def _octal(char: str) -> str:
    return "".join(f"\\{byte:03o}" for byte in char.encode("utf-8", "surrogatepass"))


def line(diagnostic: Diagnostic, marker: str = "") -> str:
    start = diagnostic.span.start
    return (
        f"{quote_path(diagnostic.path)}:{start.line}:{start.column}: {diagnostic.severity.value} "
        f"{diagnostic.code} {marker}{message_with_hint(diagnostic)} [{diagnostic.name}]"
    )


def summary(result: LintResult) -> str:
    files = f"{result.files} file{'s' if result.files != 1 else ''}"
    if not result.diagnostics:
        return f"All checks passed ({files}).{suppressed_note(result)}"
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
        f"in {with_findings} of {files}.{suppressed_note(result)}"
    )


def suppressed_note(result: LintResult) -> str:
    """`` 3 suppressed.``, or nothing when none was silenced."""
    count = len(result.suppressed)
    return f" {count} suppressed." if count else ""


def suppressed_line(item: Suppressed) -> str:
    reason = f": {item.justification}" if item.justification else ""
    return f"{line(item.diagnostic)} (suppressed{reason})"


def render(
    result: LintResult, out: TextIO, *, show_source: bool = False, show_suppressed: bool = False,
    unsafe_fixes: bool = False,
) -> None:
    """One line a finding (with the source line and a caret under it when ``show_source``), the
    silenced findings when ``show_suppressed``, then a summary; a finding ``--fix`` fixes is marked
    ``[*]`` and counted on a last line."""
    excerpts = SourceExcerpts(result.sources) if show_source else None
    for diagnostic in result.diagnostics:
        out.write(line(diagnostic, marker(diagnostic, unsafe_fixes)) + "\n")
        if excerpts is not None:
            out.writelines(part + "\n" for part in excerpts.excerpt(diagnostic))
    if show_suppressed:
        out.writelines(suppressed_line(item) + "\n" for item in result.suppressed)
    for path, used in result.api_data.items():
        data = f"persona-lint's data of it is from {used.data_date}"
        out.write(f"{path}: checked against revision {used.revision}; {data}\n")
    out.write(summary(result) + "\n")
    fixable = fixable_line(result.diagnostics, unsafe_fixes)
    if fixable:
        out.write(fixable + "\n")
