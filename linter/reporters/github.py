"""GitHub Actions workflow commands (``--format github``): one annotation per finding.

``::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=CODE name::message``. The message
escapes ``%``, CR and LF; property values also escape ``:`` and ``,`` (as the Actions toolkit does).
"""

from __future__ import annotations

from typing import TextIO

from linter.diagnostic import Diagnostic, Severity
from linter.reporters import message_with_hint
from linter.reporters.text import quote_path, summary
from linter.run.model import LintResult

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(diagnostic: Diagnostic) -> str:
    span = diagnostic.span
    properties = {
        "file": quote_path(diagnostic.path),
        "line": str(span.start.line),
        "col": str(span.start.column),
        "endLine": str(span.end.line),
        "endColumn": str(span.end.column),
        "title": f"{diagnostic.code} {diagnostic.name}",
    }
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    message = message_with_hint(diagnostic)
    return f"::{COMMANDS[diagnostic.severity]} {joined}::{escape_data(message)}"


def render(result: LintResult, out: TextIO) -> None:
    for diagnostic in result.diagnostics:
        out.write(annotation(diagnostic) + "\n")
    out.write(summary(result) + "\n")
