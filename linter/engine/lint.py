"""One file in, its sorted diagnostics out: parse, validate, run the rules, locate."""

from __future__ import annotations

from typing import Any

from linter.config.settings import Settings
from linter.diagnostic import START_OF_FILE, Diagnostic, Finding
from linter.document.model import Document, SyntaxProblem
from linter.engine import registry
from linter.engine.selection import RuleSet, resolve
from linter.schemas.association import choose_revision
from linter.schemas.validate import validate
from linter.tavus.persona import Persona
from linter.tavus.secrets import redact_diagnostics
from linter.util import pointer as ptr

_KINDS = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "a boolean", type(None): "null"}
_FATAL = frozenset({"SYN001", "SYN002", "SYN005", "SYN006", "SYN008", "SYN009", "SYN010"})
"""Problems after which the value cannot be trusted: schema and rules do not run."""


def lint_document(document: Document, rule_set: RuleSet, revision: str) -> list[Diagnostic]:
    """All diagnostics of a parsed document under ``revision``, sorted."""
    problems = list(document.problems)
    value = document.value
    findings: list[tuple[str, Finding]] = []
    if not any(p.code in _FATAL for p in problems):
        if isinstance(value, dict):
            if "$schema" in value:  # an editor annotation, not part of the API body
                value = {k: v for k, v in value.items() if k != "$schema"}
            findings = _check(value, rule_set, revision)
        else:
            kind = _KINDS.get(type(value), "a scalar")
            problems.append(SyntaxProblem("SYN004", f"the root is {kind}; a persona is a JSON object", START_OF_FILE))
    diagnostics = [_from_problem(document.path, p, rule_set) for p in problems if rule_set.enabled(p.code)]
    diagnostics.extend(_from_finding(document, code, f, rule_set) for code, f in findings)
    # Safety net: whatever rules ran, no message or hint may show a secret of the input.
    diagnostics = redact_diagnostics(diagnostics, document.value)
    return sorted(diagnostics, key=lambda d: d.sort_key)


def lint_with_settings(document: Document, settings: Settings, requested: str | None = None) -> list[Diagnostic]:
    """The one way settings apply to a document (per-file ignores, configured revision), for
    the command line, the library and the language server alike."""
    rule_set = resolve(settings, settings.ignored_for(document.path))
    return lint_document(document, rule_set, choose_revision(document, requested, settings.schema_version))


def unreadable(path: str, reason: str, rule_set: RuleSet) -> list[Diagnostic]:
    problem = SyntaxProblem("SYN008", reason, START_OF_FILE)
    return [_from_problem(path, problem, rule_set)] if rule_set.enabled("SYN008") else []


def _check(value: dict[str, Any], rule_set: RuleSet, revision: str) -> list[tuple[str, Finding]]:
    rule_findings: list[tuple[str, Finding]] = []
    persona = Persona(value, revision)
    for active in rule_set.checks_for(revision):
        check, code = active.rule.check, active.rule.code
        assert check is not None
        try:
            for finding in check(persona, active.options):  # a plain loop: most rules find nothing
                rule_findings.append((code, finding))
        except Exception as error:  # a broken rule must not hide the other rules' findings
            message = f"rule {code} ({active.rule.name}) failed: {type(error).__name__}; please report it"
            rule_findings.append(("INT001", Finding("", message)))
    claimed = [f.pointer for _, f in rule_findings if f.supersedes_schema]
    schema_findings = [
        (s.code, s.finding)
        for s in validate(value, revision)
        if rule_set.enabled(s.code) and not any(ptr.is_within(s.finding.pointer, c) for c in claimed)
    ]
    unique: dict[tuple[str, str, str], tuple[str, Finding]] = {}
    for code, finding in schema_findings + rule_findings:
        unique.setdefault((code, finding.pointer, finding.message), (code, finding))
    return list(unique.values())


def _from_problem(path: str, problem: SyntaxProblem, rule_set: RuleSet) -> Diagnostic:
    rule = registry.by_key()[problem.code]
    active = rule_set.by_code.get(problem.code)
    severity = active.severity if active else rule.severity
    return Diagnostic(path, problem.span, rule.code, rule.name, severity, problem.message, problem.pointer)


def _from_finding(document: Document, code: str, finding: Finding, rule_set: RuleSet) -> Diagnostic:
    rule = registry.by_key()[code]
    active = rule_set.by_code.get(code)
    severity = active.severity if active else rule.severity
    span = document.span(finding.pointer, finding.target)
    return Diagnostic(
        document.path, span, rule.code, rule.name, severity, finding.message, finding.pointer, finding.hint,
        finding.fix,
    )
