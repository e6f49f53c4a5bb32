"""One document with everything a team configured: rules, team policies, suppressions, baseline.

The order is fixed: the rules and the revision's schema, then the team's policies, then the
suppressions (YAML comments, ``CODE:/pointer`` ignores, ``ignore-at``), then the baseline. What a
suppression or the baseline silences is kept apart (``Outcome.suppressed``) so it can be listed
and counted; it never fails a run.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from linter.config.settings import ConfigError, Settings
from linter.diagnostic import START_OF_FILE, Diagnostic, Finding, Fix, RemoveText, Span
from linter.document.model import Document
from linter.document.patch import Kind
from linter.engine import baseline as baselines
from linter.engine import registry
from linter.engine.adoption_codes import POLICY_VIOLATION, STALE_BASELINE, UNUSED_SUPPRESSION
from linter.engine.lint import ALWAYS_REPORTED, document_kind, lint_rules
from linter.engine.policies import findings as policy_findings
from linter.engine.selection import RuleSet, resolve
from linter.engine.suppress import EXTERNAL, Suppressed, Unused, apply_comments, apply_pointer_ignores
from linter.tavus.masking import mask_diagnostics


class Outcome(NamedTuple):
    diagnostics: tuple[Diagnostic, ...]
    """What is reported, sorted."""
    suppressed: tuple[Suppressed, ...] = ()
    """What a suppression or the baseline silenced, sorted."""


def lint_file(
    document: Document, settings: Settings, requested: str | None = None, baseline: Path | None = None,
    *, use_baseline: bool = True, kind: Kind | None = None, base: Document | None = None,
) -> Outcome:
    """Lint ``document`` under ``settings``; ``baseline`` (else the configured one) filters what is known.

    ``kind`` and ``base`` are as for :func:`linter.engine.lint.lint_with_settings`. A patch's
    findings that point into its base persona are silenced by the base file's own comments,
    pointer ignores and baseline entries, as when the base is checked alone.
    """
    rule_set = resolve(settings, settings.ignored_for(document.path))
    is_patch = document_kind(document, settings, kind) == "patch"
    found = lint_rules(document, settings, rule_set, requested, kind=kind, base=base)
    # A file that cannot be read or parsed fails the run whatever is configured: nothing silences it.
    unsilenceable = [d for d in found if d.code in ALWAYS_REPORTED]
    diagnostics = [d for d in found if d.path == document.path and d.code not in ALWAYS_REPORTED]
    in_base = [d for d in found if d.path != document.path and d.code not in ALWAYS_REPORTED]
    # When the file could not be read as a persona (or patch) the rules did not run: a suppression
    # or a baseline entry that matched nothing says nothing then, so neither is reported.
    shape = list if is_patch else dict
    trusted = isinstance(document.value, shape) and not any(_untrusting(d) for d in diagnostics + unsilenceable)
    if trusted and not is_patch:
        diagnostics.extend(_policy_diagnostics(document, settings, rule_set))
    enabled = frozenset(rule_set.by_code) if trusted else frozenset()
    suppressed: list[Suppressed] = []
    unused: list[Unused] = []
    if document.format == "yaml" and "persona-lint" in document.text:
        diagnostics, silenced, not_used = apply_comments(diagnostics, document.text, enabled)
        suppressed += silenced
        unused += not_used
    diagnostics, silenced, not_used = apply_pointer_ignores(diagnostics, settings, document.path, enabled)
    suppressed += silenced
    unused += not_used
    diagnostics.extend(
        _made(document, UNUSED_SUPPRESSION, rule_set, u.message, u.pointer, u.span, fix=_removing(u)) for u in unused
        if rule_set.enabled(UNUSED_SUPPRESSION)
    )
    if base is not None and in_base:
        in_base, silenced = _silenced_in_base(in_base, base, settings)
        suppressed += silenced
    chosen = (baseline or settings.adoption.baseline) if use_baseline else None
    if chosen is not None and document.path != "-":
        try:
            recorded = baselines.load(chosen)
        except ConfigError as error:
            if baseline is not None:
                raise
            raise ConfigError(f"{settings.source}: key 'baseline': {error}") from None
        entries = recorded.get(baselines.relative(document.path, chosen.parent), ())
        diagnostics, known, stale = baselines.match(diagnostics, entries)
        suppressed.extend(Suppressed(d, EXTERNAL, f"baseline {chosen.name}") for d in known)
        diagnostics.extend(
            _made(document, STALE_BASELINE, rule_set,
                  f"the baseline entry for {e.code} at {e.pointer or '(root)'} matches no finding any more "
                  f"(it recorded: {e.message}); rewrite the baseline to drop it", e.pointer, None)
            for e in stale if trusted and rule_set.enabled(STALE_BASELINE)
        )
        if base is not None and in_base:  # stale entries of the base are the base's own check's to report
            base_entries = recorded.get(baselines.relative(base.path, chosen.parent), ())
            in_base, known, _ = baselines.match(in_base, base_entries)
            suppressed.extend(Suppressed(d, EXTERNAL, f"baseline {chosen.name}") for d in known)
    diagnostics += in_base + unsilenceable
    diagnostics.sort(key=lambda d: d.sort_key)
    suppressed.sort(key=lambda s: s.diagnostic.sort_key)
    return Outcome(tuple(diagnostics), tuple(suppressed))


def _silenced_in_base(
    diagnostics: list[Diagnostic], base: Document, settings: Settings
) -> tuple[list[Diagnostic], list[Suppressed]]:
    """The base persona's own comments and pointer ignores applied to findings in it; whether
    they are unused is judged when the base itself is checked, not here."""
    suppressed: list[Suppressed] = []
    if base.format == "yaml" and "persona-lint" in base.text:
        diagnostics, silenced, _ = apply_comments(diagnostics, base.text, frozenset())
        suppressed += silenced
    diagnostics, silenced, _ = apply_pointer_ignores(diagnostics, settings, base.path, frozenset())
    return diagnostics, suppressed + silenced


_RULES_DID_NOT_RUN = frozenset(
    {"SYN001", "SYN002", "SYN004", "SYN005", "SYN006", "SYN008", "SYN009", "SYN010", "PATCH001"}
)
"""The fatal file problems of :mod:`linter.engine.lint`, plus a root that is not an object (or,
for a patch, not an array)."""


def _untrusting(diagnostic: Diagnostic) -> bool:
    return diagnostic.code in _RULES_DID_NOT_RUN


def _policy_diagnostics(document: Document, settings: Settings, rule_set: RuleSet) -> list[Diagnostic]:
    value = document.value
    policies = settings.adoption.policies
    if not policies or not isinstance(value, dict) or not rule_set.enabled(POLICY_VIOLATION):
        return []
    body = {k: v for k, v in value.items() if k != "$schema"}
    made = [
        _made(document, POLICY_VIOLATION, rule_set, f.message, f.pointer, None, f)
        for f in policy_findings(body, policies, document.path, settings.root)
    ]
    return mask_diagnostics(made, document)


def _made(
    document: Document, code: str, rule_set: RuleSet, message: str, pointer: str, span: Span | None,
    finding: Finding | None = None, fix: Fix | None = None,
) -> Diagnostic:
    rule = registry.by_key()[code]
    active = rule_set.by_code.get(code)
    severity = active.severity if active else rule.severity
    if span is None:
        target = finding.target if finding is not None else "value"
        span = document.span(pointer, target) if document.value is not None else START_OF_FILE
    hint = finding.hint if finding is not None else None
    return Diagnostic(document.path, span, rule.code, rule.name, severity, message, pointer, hint, fix)


def _removing(unused: Unused) -> Fix | None:
    if unused.removal is None:
        return None
    return Fix("Remove the unused suppression comment", "safe", (RemoveText(*unused.removal),))
