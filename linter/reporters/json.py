"""The stable JSON report (``--format json``), documented in ``docs/output-json.md``."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any, TextIO

from linter.diagnostic import Diagnostic
from linter.run.model import LintResult

FORMAT_VERSION = 1
"""Bumped only when a field changes meaning or disappears; new fields may be added."""


def as_dict(diagnostic: Diagnostic) -> dict[str, Any]:
    span = diagnostic.span
    return {
        "path": diagnostic.path,
        "code": diagnostic.code,
        "name": diagnostic.name,
        "severity": diagnostic.severity.value,
        "message": diagnostic.message,
        "pointer": diagnostic.pointer,
        "start": {"line": span.start.line, "column": span.start.column},
        "end": {"line": span.end.line, "column": span.end.column},
        "hint": diagnostic.hint,
    }


def render(result: LintResult, out: TextIO) -> None:
    from linter.util.version import VERSION as __version__

    counts = Counter(d.severity.value for d in result.diagnostics)
    document = {
        "version": FORMAT_VERSION,
        "tool": {"name": "persona-lint", "version": __version__},
        "summary": {
            "files": result.files,
            "errors": counts["error"],
            "warnings": counts["warning"],
            "infos": counts["info"],
            "suppressed": len(result.suppressed),
        },
        "findings": [as_dict(d) for d in result.diagnostics],
        "suppressed": [
            as_dict(s.diagnostic) | {"suppression": {"kind": s.kind, "justification": s.justification}}
            for s in result.suppressed
        ],
        "api_data": [
            {"path": path, "revision": used.revision, "data_date": used.data_date}
            for path, used in result.api_data.items()
        ],
    }
    json.dump(document, out, indent=2, ensure_ascii=False)
    out.write("\n")
