"""One file in, its sorted diagnostics out: parse, validate, run the rules, locate."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from linter.config.settings import Settings
from linter.diagnostic import START_OF_FILE, Diagnostic, Finding
from linter.document.model import Document, SyntaxProblem
from linter.document.patch import Kind, kind_of
from linter.engine import registry
from linter.engine.selection import RuleSet
from linter.schemas import store as schemas
from linter.schemas.association import choose_revision, chosen_with_source, declared_revision, modeline
from linter.schemas.crossrev import checked_against
from linter.schemas.validate import validate
from linter.tavus import revisions
from linter.tavus.masking import mask_diagnostics
from linter.tavus.persona import Persona
from linter.util import pointer as ptr

_KINDS = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "a boolean", type(None): "null"}
_FATAL = frozenset({"SYN001", "SYN002", "SYN005", "SYN006", "SYN008", "SYN009", "SYN010"})
"""Problems after which the value cannot be trusted: schema and rules do not run."""
ALWAYS_REPORTED = _FATAL - {"SYN010"}
"""A file that cannot be read or parsed is reported, as an error, whatever the selection and
severity settings say (as ruff reports syntax errors): otherwise a run would pass unchecked."""


def lint_document(
    document: Document, rule_set: RuleSet, revision: str, revision_source: str | None = None
) -> list[Diagnostic]:
    """All diagnostics of a parsed document under ``revision``, sorted.

    ``revision_source`` says where the revision came from; a hint that names the revision
    says it too.
    """
    problems = list(document.problems)
    value = document.value
    findings: list[tuple[str, Finding]] = []
    if not any(p.code in _FATAL for p in problems):
        if isinstance(value, dict):
            schema_url: list[tuple[str, Finding]] = []
            if "$schema" in value:  # an editor annotation, not part of the API body
                schema_url = _unknown_schema_url(value["$schema"], document, revision, rule_set)
                value = {k: v for k, v in value.items() if k != "$schema"}
            findings = _check(value, rule_set, revision) + schema_url
            problems.extend(_unknown_modeline_url(document, revision, rule_set))
        else:
            kind = kind_name(value)
            problems.append(SyntaxProblem("SYN004", f"the root is {kind}; a persona is a JSON object", START_OF_FILE))
    diagnostics = [_from_problem(document.path, p, rule_set) for p in problems if _reported(p.code, rule_set)]
    diagnostics.extend(_from_finding(document, code, f, rule_set) for code, f in findings)
    if revision_source is not None:
        ending = checked_against(revision)
        diagnostics = [
            replace(d, hint=f"{d.hint} ({revision_source})") if d.hint and d.hint.endswith(ending) else d
            for d in diagnostics
        ]
    # The choke point: whatever rules ran, no message, hint or pointer shows a secret of the input.
    diagnostics = mask_diagnostics(diagnostics, document)
    return sorted(diagnostics, key=lambda d: d.sort_key)


def lint_with_settings(
    document: Document, settings: Settings, requested: str | None = None,
    *, kind: Kind | None = None, base: Document | None = None,
) -> list[Diagnostic]:
    """The one way settings apply to a document (per-file ignores, configured revision, team
    policies, suppressions, the configured baseline), for the command line, the library and the
    language server alike.

    ``kind`` forces persona or patch (else configuration, file name and content decide);
    ``base`` is the persona a patch applies to.
    """
    from linter.engine.adopt import lint_file  # it builds on this module

    return list(lint_file(document, settings, requested, kind=kind, base=base).diagnostics)


def lint_rules(
    document: Document, settings: Settings, rule_set: RuleSet, requested: str | None = None,
    *, kind: Kind | None = None, base: Document | None = None,
) -> list[Diagnostic]:
    """The schema's and the rules' diagnostics of a persona or patch document, sorted."""
    if document_kind(document, settings, kind) == "patch":
        from linter.engine.patchlint import lint_patch_document  # only patch files need it

        revision = requested or declared_revision(document) or (
            choose_revision(base, None, settings.schema_version) if base is not None
            else choose_revision(document, None, settings.schema_version)
        )
        # A persona rule's fix names places in a persona, not in the patch file that reports it.
        return [replace(d, fix=None) if d.fix is not None and not d.code.startswith("PATCH") else d
                for d in lint_patch_document(document, rule_set, revision, base)]
    revision, source = chosen_with_source(document, requested, settings.schema_version, settings.source)
    return lint_document(document, rule_set, revision, source)


def _unknown_schema_url(
    declared: object, document: Document, revision: str, rule_set: RuleSet
) -> list[tuple[str, Finding]]:
    """SCH009 when ``$schema`` is a string that names no bundled revision."""
    if not isinstance(declared, str) or not rule_set.enabled("SCH009") or declared_revision(document) is not None:
        return []
    message, hint = _schema_url_words("'$schema'", declared, revision)
    hint += "; a local bundle belongs in the editor settings, not in '$schema'"
    return [("SCH009", Finding("/$schema", message, hint=hint))]


def _unknown_modeline_url(document: Document, revision: str, rule_set: RuleSet) -> list[SyntaxProblem]:
    """SCH009 for a YAML modeline ``$schema=`` that names no bundled revision (no ``$schema`` key)."""
    value = document.value
    if not rule_set.enabled("SCH009") or (isinstance(value, dict) and isinstance(value.get("$schema"), str)):
        return []
    found = modeline(document)
    if found is None or declared_revision(document) is not None:
        return []
    message, hint = _schema_url_words("the yaml-language-server modeline's $schema", found.group(1), revision)
    hint += "; or leave the modeline to the editor and set schema-version in the configuration"
    return [SyntaxProblem("SCH009", message, document.lines.span(found.start(1), found.end(1)), hint=hint)]


def _schema_url_words(where: str, declared: str, revision: str) -> tuple[str, str]:
    shown = declared if len(declared) <= 120 else declared[:120] + "..."
    if declared.startswith(("http://", "https://")):
        message = f"{where} {shown!r} names no bundled persona-lint schema; the file is checked against {revision}"
    else:
        message = f"{where} {shown!r} is a local path, not a revision; the file is checked against {revision}"
    hint = (
        f"to choose the revision, use {schemas.BASE_URI}<revision>/persona.schema.json with <revision> one of "
        f"{', '.join(revisions.NAMES)}"
    )
    return message, hint


def document_kind(document: Document, settings: Settings, forced: Kind | None = None) -> Kind:
    """Persona or patch: ``forced``, then the ``patches`` globs, the file name and the content."""
    return kind_of(document.path, document.value, forced, settings.is_patch(document.path))


def unreadable(path: str, reason: str, rule_set: RuleSet) -> list[Diagnostic]:
    return [_from_problem(path, SyntaxProblem("SYN008", reason, START_OF_FILE), rule_set)]


def _reported(code: str, rule_set: RuleSet) -> bool:
    return code in ALWAYS_REPORTED or rule_set.enabled(code)


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
    claimed = {f.pointer for _, f in rule_findings if f.supersedes_schema}
    schema_findings = [
        (s.code, s.finding)
        for s in validate(value, revision)
        if rule_set.enabled(s.code) and not ptr.is_within_any(s.finding.pointer, claimed)
    ]
    unique: dict[tuple[str, str, str], tuple[str, Finding]] = {}
    for code, finding in schema_findings + rule_findings:
        unique.setdefault((code, finding.pointer, finding.message), (code, finding))
    return list(unique.values())


def _from_problem(path: str, problem: SyntaxProblem, rule_set: RuleSet) -> Diagnostic:
    rule = registry.by_key()[problem.code]
    active = rule_set.by_code.get(problem.code)
    severity = active.severity if active and problem.code not in ALWAYS_REPORTED else rule.severity
    return Diagnostic(
        path, problem.span, rule.code, rule.name, severity, problem.message, problem.pointer, problem.hint, problem.fix
    )


def _from_finding(document: Document, code: str, finding: Finding, rule_set: RuleSet) -> Diagnostic:
    rule = registry.by_key()[code]
    active = rule_set.by_code.get(code)
    severity = active.severity if active else rule.severity
    span = document.span(finding.pointer, finding.target)
    return Diagnostic(
        document.path, span, rule.code, rule.name, severity, finding.message, finding.pointer, finding.hint,
        finding.fix,
    )


def kind_name(value: Any) -> str:
    """``an array``, ``a string``, ...: what a root value is, in words."""
    return _KINDS.get(type(value), "a scalar")


# The patch engine (linter.engine.patchlint) lints a patched persona and locates its findings
# with the same steps as a persona file.
FATAL = _FATAL
check_value = _check
from_problem = _from_problem
reported = _reported
from_finding = _from_finding
