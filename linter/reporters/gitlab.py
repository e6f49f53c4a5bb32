"""GitLab Code Quality JSON (``--format gitlab``): a list of issues for merge request widgets.

The fingerprint is a SHA-256 of path, code and JSON Pointer (plus an occurrence number when
the same triple repeats), so it survives reformatting and never carries a value from the file.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any, TextIO

from linter.diagnostic import Diagnostic, Severity
from linter.reporters import message_with_hint
from linter.reporters.sarif import relative_path
from linter.run.model import LintResult

SEVERITIES = {Severity.ERROR: "critical", Severity.WARNING: "minor", Severity.INFO: "info"}
"""error = Tavus rejects it (critical); warning = ignored or deprecated (minor); info = advice."""


def fingerprint(diagnostic: Diagnostic, occurrence: int = 0) -> str:
    key = "\0".join((relative_path(diagnostic.path), diagnostic.code, diagnostic.pointer, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def issues(result: LintResult) -> list[dict[str, Any]]:
    seen: Counter[tuple[str, str, str]] = Counter()
    found = []
    for diagnostic in result.diagnostics:
        triple = (diagnostic.path, diagnostic.code, diagnostic.pointer)
        occurrence = seen[triple]
        seen[triple] += 1
        found.append({
            "type": "issue",
            "description": f"{diagnostic.code} {message_with_hint(diagnostic)}",
            "check_name": diagnostic.code,
            "categories": ["Bug Risk" if diagnostic.severity is Severity.ERROR else "Style"],
            "fingerprint": fingerprint(diagnostic, occurrence),
            "severity": SEVERITIES[diagnostic.severity],
            "location": {
                "path": relative_path(diagnostic.path),
                "lines": {"begin": diagnostic.span.start.line, "end": diagnostic.span.end.line},
            },
        })
    return found


def render(result: LintResult, out: TextIO) -> None:
    json.dump(issues(result), out, indent=2, ensure_ascii=False)
    out.write("\n")
