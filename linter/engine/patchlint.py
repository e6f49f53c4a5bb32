"""One JSON Patch document in, its sorted diagnostics out: alone, or applied to its base persona.

Alone, each operation is checked for shape (the ``PATCH`` rules), its path against the
revision's schema, its value against the schema at that path, and by the persona rules that can
judge that value on its own (:mod:`linter.engine.patchscopes`). With a base persona, the patch
is applied (RFC 6902) and the result is linted with every rule; each finding on the result
points into the patch where an operation produced the value, else into the base file.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from linter.diagnostic import Diagnostic, Finding, Fix, JsonValue, ReplaceValue
from linter.document.model import Document, SyntaxProblem
from linter.document.patch import Operation
from linter.engine import lint as engine
from linter.engine.patchscopes import rules_for
from linter.engine.selection import RuleSet
from linter.schemas.patchschema import required_member, synthetic, unknown_member, validate_at
from linter.tavus.masking import mask_diagnostics
from linter.tavus.patch import Patch
from linter.tavus.persona import Persona
from linter.tavus.redact import show
from linter.util import pointer as ptr
from linter.util.patching import Origin, StepError, apply_step, copy_json, origin_at, shadow

Located = tuple[str, Finding]
_UNAPPLICABLE = frozenset({"PATCH002", "PATCH003", "PATCH004", "PATCH005", "PATCH007", "PATCH011"})
"""Findings after which the patch cannot be applied (the API rejects it): it is not applied to
its base, so that one mistake is not reported again as a failed operation."""


def lint_patch_document(
    document: Document, rule_set: RuleSet, revision: str, base: Document | None = None,
) -> list[Diagnostic]:
    """All diagnostics of a patch document under ``revision``, sorted; ``base`` is the persona
    it applies to, if known."""
    problems = list(document.problems)
    findings: list[Located] = []
    elsewhere: list[Diagnostic] = []
    if not any(p.code in engine.FATAL for p in problems):
        if isinstance(document.value, list):
            patch = Patch(document.value, revision)
            findings = _patch_rules(patch, rule_set)
            if base is None:
                findings += _alone(patch, rule_set, revision)
            elif not any(code in _UNAPPLICABLE for code, _ in findings):
                applied, elsewhere = _with_base(document, patch, base, rule_set, revision)
                findings += applied
            findings = _without_claimed(findings, rule_set)
        else:
            problems.append(_not_a_patch(document))
    diagnostics = [
        engine.from_problem(document.path, p, rule_set) for p in problems if engine.reported(p.code, rule_set)
    ]
    diagnostics.extend(engine.from_finding(document, code, f, rule_set) for code, f in findings)
    # Safety net: no message or hint may show a secret of the patch or of its base persona.
    diagnostics = mask_diagnostics(diagnostics + elsewhere, document)
    if base is not None:
        diagnostics = mask_diagnostics(diagnostics, base)
    return sorted(diagnostics, key=lambda d: d.sort_key)


def _patch_rules(patch: Patch, rule_set: RuleSet) -> list[Located]:
    found: list[Located] = []
    for active in rule_set.patch_checks():
        check, code = active.rule.patch_check, active.rule.code
        assert check is not None
        try:
            found.extend((code, finding) for finding in check(patch, active.options))
        except Exception as error:  # a broken rule must not hide the other rules' findings
            message = f"rule {code} ({active.rule.name}) failed: {type(error).__name__}; please report it"
            found.append(("INT001", Finding("", message)))
    return found


def _alone(patch: Patch, rule_set: RuleSet, revision: str) -> list[Located]:
    found: list[Located] = []
    for operation in patch.well_formed():
        assert operation.path is not None
        tokens = ptr.split(operation.path)
        unknown = None
        for name, place in (("path", operation.path), ("from", operation.source)):
            if place is None or (name == "from" and operation.op not in ("copy", "move")):
                continue
            miss = unknown_member(revision, ptr.split(place))
            if miss is not None and rule_set.enabled(miss.code):
                found.append((miss.code, miss.finding._replace(pointer=operation.member(name), target="value")))
            unknown = unknown or (miss if name == "path" else None)
        if operation.op == "remove" and required_member(revision, tokens):
            message = f"{operation.path!r} is required by revision {revision}: removing it makes the persona invalid"
            found.append(("PATCH009", Finding(operation.member("path"), message, hint="replace it instead")))
        if operation.op in ("add", "replace") and operation.has_value and unknown is None:
            value_at = operation.member("value")
            for schema_finding in validate_at(operation.value, tokens, revision):
                if rule_set.enabled(schema_finding.code):
                    relative = schema_finding.finding
                    found.append((schema_finding.code, relative._replace(pointer=value_at + relative.pointer)))
            found.extend(_value_rules(operation, tokens, rule_set, revision))
    return found


def _value_rules(operation: Operation, tokens: list[str], rule_set: RuleSet, revision: str) -> list[Located]:
    document, where = synthetic(operation.value, tokens)
    wanted = rules_for(where)
    persona = Persona(document, revision)
    found: list[Located] = []
    for active in rule_set.checks_for(revision):
        code = active.rule.code
        if code not in wanted:
            continue
        assert active.rule.check is not None
        try:
            for finding in active.rule.check(persona, active.options):
                if ptr.is_within(finding.pointer, where):
                    pointer = operation.member("value") + finding.pointer[len(where):]
                    found.append((code, finding._replace(pointer=pointer)))
        except Exception as error:  # as in the persona engine: report the rule, keep the others
            message = f"rule {code} ({active.rule.name}) failed: {type(error).__name__}; please report it"
            found.append(("INT001", Finding("", message)))
    return found


def _without_claimed(findings: list[Located], rule_set: RuleSet) -> list[Located]:
    claimed = [f.pointer for _, f in findings if f.supersedes_schema]
    unique: dict[tuple[str, str, str], Located] = {}
    for code, finding in findings:
        if code.startswith("SCH") and any(ptr.is_within(finding.pointer, c) for c in claimed):
            continue
        if code == "INT001" or rule_set.enabled(code):
            unique.setdefault((code, finding.pointer, finding.message), (code, finding))
    return list(unique.values())


def _with_base(
    document: Document, patch: Patch, base: Document, rule_set: RuleSet, revision: str,
) -> tuple[list[Located], list[Diagnostic]]:
    """Findings in the patch (failed operations) and diagnostics of the patched persona."""
    base_problems = [
        engine.from_problem(base.path, p, rule_set) for p in base.problems if engine.reported(p.code, rule_set)
    ]
    if any(p.code in engine.FATAL for p in base.problems) or not isinstance(base.value, dict):
        if not base_problems and rule_set.enabled("SYN004"):
            kind = engine.kind_name(base.value)
            problem = SyntaxProblem("SYN004", f"the root is {kind}; a persona is a JSON object", base.span("", "key"))
            base_problems.append(engine.from_problem(base.path, problem, rule_set))
        return [], base_problems
    original = {k: v for k, v in base.value.items() if k != "$schema"}  # an editor annotation
    result: Any = copy_json(original)
    marks: Any = shadow(original, "base", "")
    for operation in patch.operations:
        try:
            result = apply_step(result, operation.raw, copy_json(operation.value))
            if operation.op != "test":
                marks = apply_step(marks, operation.raw, shadow(operation.value, "patch", operation.member("value")))
        except StepError as error:
            code = "PATCH013" if error.member == "value" and operation.op == "test" else "PATCH012"
            message = f"operation {operation.number} ({operation.op}) cannot apply to {base.path}: {error.message}"
            return [(code, Finding(operation.member(error.member), message))], base_problems
    if not isinstance(result, dict):
        message = f"the patched persona is {engine.kind_name(result)}; a persona is a JSON object"
        return [("SYN004", Finding("", message))], base_problems
    located = []
    for code, finding in engine.check_value(result, rule_set, revision):
        located.append(_on_result(document, base, marks, code, finding, rule_set))
    return [], base_problems + located


def _on_result(
    document: Document, base: Document, marks: Any, code: str, finding: Finding, rule_set: RuleSet,
) -> Diagnostic:
    origin, rest = origin_at(marks, ptr.split(finding.pointer))
    source = document if origin.source == "patch" else base
    target = finding.target if not rest else "key"
    where = ptr.join(origin.pointer, *rest) if rest else origin.pointer
    if origin.source == "patch" and not rest and target == "key" and _is_operation_value(origin):
        where, target = ptr.join(ptr.parent(origin.pointer), "path"), "value"  # the key the path names
    located = finding._replace(pointer=where, target=target)
    # Located in the file the value came from; its pointer is the place in the patched persona.
    return replace(engine.from_finding(source, code, located, rule_set), pointer=finding.pointer)


def _is_operation_value(origin: Origin) -> bool:
    tokens = ptr.split(origin.pointer)
    return len(tokens) == 2 and tokens[1] == "value"


def _not_a_patch(document: Document) -> SyntaxProblem:
    value = document.value
    if isinstance(value, dict):
        steps = list(_merge_steps(value, ""))
        shown = ", ".join(f'{{"op": "{op}", "path": {show(path)}{extra}}}' for op, path, extra in steps[:3])
        more = f" and {len(steps) - 3} more" if len(steps) > 3 else ""
        message = "this is a plain object (a merge-style body), not a JSON Patch array of operations"
        hint = f"write it as [{shown}{more}] (an unsafe fix: check each operation)"
        operations: list[JsonValue] = [
            {"op": op, "path": path} if op == "remove"
            else {"op": op, "path": path, "value": ptr.resolve(value, ptr.split(path))}
            for op, path, _ in steps
        ]
        fix = Fix("Write the object as JSON Patch operations", "unsafe", (ReplaceValue("", operations),))
        return SyntaxProblem("PATCH001", message, document.span("", "key"), hint=hint, fix=fix)
    kind = engine.kind_name(value)
    return SyntaxProblem("PATCH001", f"the root is {kind}; a patch is an array of operations", document.span("", "key"))


def _merge_steps(value: dict[str, Any], prefix: str) -> Any:
    # RFC 7386 merge-patch semantics: nested objects merge, null deletes, anything else is set.
    for key, item in value.items():
        path = ptr.join(prefix, key)
        if isinstance(item, dict) and item:
            yield from _merge_steps(item, path)
        elif item is None:
            yield "remove", path, ""
        else:
            yield "add", path, ', "value": ...'
