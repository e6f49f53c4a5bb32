"""Where a finished run goes: the report to stdout or a file, statistics, the exit code.

Kept apart from the click command so the command only parses flags (and so tests can call it).
"""

from __future__ import annotations

import io
from collections import Counter
from functools import partial
from pathlib import Path
from typing import NamedTuple, TextIO

from linter.diagnostic import Diagnostic, Severity
from linter.engine.adoption_codes import STALE_BASELINE
from linter.reporters import Reporter, reporter, resolve
from linter.reporters.text import render as render_text
from linter.reporters.text import summary
from linter.run.model import LintResult


class Output(NamedTuple):
    """The output flags of ``check``."""

    format: str = "text"
    output_file: Path | None = None
    statistics: bool = False
    show_source: bool = False
    fail_level: Severity = Severity.ERROR
    exit_zero: bool = False
    unsafe_fixes: bool = False
    show_suppressed: bool = False


def render_to_string(format: str, result: LintResult, fail_level: Severity = Severity.ERROR) -> str:
    buffer = io.StringIO()
    _reporter(format, fail_level)(result, buffer)
    return buffer.getvalue()


def _reporter(format: str, fail_level: Severity) -> Reporter:
    if format == "junit":  # its failures are the findings that fail the run
        from linter.reporters.junit import render

        return partial(render, fail_level=fail_level)
    return reporter(format)


def deliver(result: LintResult, output: Output, stdout: TextIO, stderr: TextIO) -> int:
    """Write the report (and statistics) and return the exit code."""
    chosen = resolve(output.format)
    terminal = chosen
    if output.output_file is not None:
        from linter.util.atomic import write_text
        from linter.util.paths import printable

        write_text(output.output_file, printable(render_to_string(chosen, result, output.fail_level)))
        terminal = "text"  # the file gets the report, the person at the terminal gets text
    if output.statistics and terminal == "text":
        stdout.write(statistics(result.diagnostics))
        stdout.write(summary(result) + "\n")
    elif terminal == "text":
        render_text(
            result, stdout, show_source=output.show_source, unsafe_fixes=output.unsafe_fixes,
            show_suppressed=output.show_suppressed,
        )
    else:
        _reporter(terminal, output.fail_level)(result, stdout)
        if output.statistics:
            stderr.write(statistics(result.diagnostics))
    return exit_code(result, output.fail_level, output.exit_zero)


def exit_code(result: LintResult, fail_level: Severity, exit_zero: bool = False) -> int:
    """1 when a finding is at or above ``fail_level`` (unless ``exit_zero``), else 0."""
    if exit_zero:
        return 0
    # Stale baseline entries are news, never a failure: the baseline shrinks as the team fixes things.
    failing = (d for d in result.diagnostics if d.code != STALE_BASELINE)
    return 1 if any(d.severity.rank >= fail_level.rank for d in failing) else 0


def statistics(diagnostics: tuple[Diagnostic, ...]) -> str:
    """``count  CODE  severity  name``, one line per code, most frequent first (like ``ruff --statistics``)."""
    counts = Counter(d.code for d in diagnostics)
    if not counts:
        return ""
    first = {d.code: d for d in reversed(diagnostics)}
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    count_width = len(str(rows[0][1]))
    code_width = max(len(code) for code in counts)
    return "".join(
        f"{count:>{count_width}}  {code:<{code_width}}  {first[code].severity.value:<7}  {first[code].name}\n"
        for code, count in rows
    )
