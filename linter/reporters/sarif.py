"""SARIF 2.1.0 (``--format sarif``), as GitHub code scanning and other SARIF viewers read it.

One run; the driver lists every rule (id, name, descriptions, help URI, default level) and
each result points at its rule by ``ruleId`` and ``ruleIndex``. Columns count Unicode code
points, as persona-lint's positions do, so the run says ``columnKind: unicodeCodePoints``
(SARIF's default is UTF-16 code units).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from linter.diagnostic import Diagnostic, Severity
from linter.engine.suppress import Suppressed
from linter.reporters import message_with_hint
from linter.run.model import LintResult

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/persona-lint/persona-lint"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def relative_path(path: str) -> str:
    """``path`` relative to the working directory when it is inside it, with forward slashes."""
    if path == "-":
        return "stdin"
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.relative_to(Path.cwd())
        except ValueError:
            return candidate.as_posix()
    return candidate.as_posix()


def artifact_uri(path: str) -> str:
    """A relative, percent-encoded URI with forward slashes; a file URI outside the working directory."""
    relative = relative_path(path)
    if Path(relative).is_absolute():
        return Path(relative).as_uri()
    return quote(relative, safe="/")


def rules_metadata() -> list[dict[str, Any]]:
    from linter.engine.registry import BUILT_IN, all_rules, origin
    from linter.engine.ruledocs import url

    found = []
    for rule in all_rules():
        source = origin(rule)
        entry: dict[str, Any] = {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.why or rule.summary},
            "help": {"text": rule.why or rule.summary},
            "helpUri": url(rule),
            "defaultConfiguration": {"level": LEVELS[rule.severity]},
            "properties": {"tags": [rule.family]},
        }
        if source != BUILT_IN:  # a plugin's pages are not persona-lint's to link to
            del entry["helpUri"]
            entry["properties"]["source"] = source
        found.append(entry)
    return found


def result(diagnostic: Diagnostic, index: int | None) -> dict[str, Any]:
    span = diagnostic.span
    text = message_with_hint(diagnostic)
    found: dict[str, Any] = {"ruleId": diagnostic.code}
    if index is not None:
        found["ruleIndex"] = index
    found.update({
        "level": LEVELS[diagnostic.severity],
        "message": {"text": text},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": artifact_uri(diagnostic.path)},
                "region": {
                    "startLine": span.start.line,
                    "startColumn": span.start.column,
                    "endLine": span.end.line,
                    "endColumn": span.end.column,
                },
            },
        }],
    })
    if diagnostic.pointer:
        found["properties"] = {"pointer": diagnostic.pointer}
    return found


def suppression(item: Suppressed) -> dict[str, Any]:
    """A SARIF 2.1.0 ``suppression`` object: ``kind`` is ``inSource`` (a YAML comment) or ``external``."""
    found: dict[str, Any] = {"kind": item.kind, "status": "accepted"}
    if item.justification:
        found["justification"] = item.justification
    return found


def document(result_: LintResult) -> dict[str, Any]:
    """The SARIF log of a run, as a JSON-ready value."""
    from linter.util.version import VERSION as __version__

    rules = rules_metadata()
    index = {rule["id"]: number for number, rule in enumerate(rules)}
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "persona-lint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": [result(d, index.get(d.code)) for d in result_.diagnostics] + [
                result(s.diagnostic, index.get(s.diagnostic.code)) | {"suppressions": [suppression(s)]}
                for s in result_.suppressed
            ],
        }],
    }


def render(result_: LintResult, out: TextIO) -> None:
    json.dump(document(result_), out, indent=2, ensure_ascii=False)
    out.write("\n")
