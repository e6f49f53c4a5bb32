"""Turning ``select``/``ignore``/``severity`` settings into the set of active rules."""

from __future__ import annotations

from functools import cache
from typing import Any, NamedTuple

from linter.config.settings import ConfigError, Settings, build_options
from linter.diagnostic import Severity
from linter.engine import registry
from linter.engine.declaration import Rule


class ActiveRule(NamedTuple):
    rule: Rule[Any]
    severity: Severity
    options: Any


class RuleSet:
    """The rules a file is checked with: enabled codes, their severities and options."""

    __slots__ = ("_checks", "by_code")

    def __init__(self, by_code: dict[str, ActiveRule]) -> None:
        self.by_code = by_code
        self._checks: dict[str, tuple[ActiveRule, ...]] = {}

    def __repr__(self) -> str:
        return f"RuleSet({sorted(self.by_code)!r})"

    def enabled(self, code: str) -> bool:
        return code in self.by_code

    def checks_for(self, revision: str) -> tuple[ActiveRule, ...]:
        """The rules with a check that apply to ``revision`` (worked out once per revision)."""
        found = self._checks.get(revision)
        if found is None:
            found = self._checks[revision] = tuple(
                a for a in self.by_code.values() if a.rule.check is not None and a.rule.applies_to(revision)
            )
        return found

    def patch_checks(self) -> tuple[ActiveRule, ...]:
        """The enabled rules on JSON Patch bodies (``PATCH`` family)."""
        return tuple(a for a in self.by_code.values() if a.rule.patch_check is not None)


def matching(selector: str) -> list[Rule[Any]]:
    """Rules a selector names: ``ALL``, a code, a name, or a code prefix (``TOOL``, ``TOOL0``)."""
    rules = registry.all_rules()
    if selector.upper() == "ALL":
        return list(rules)
    exact = registry.by_key().get(selector) or registry.by_key().get(selector.upper())
    if exact is not None:
        return [exact]
    prefixed = [r for r in rules if r.code.startswith(selector.upper())]
    if not prefixed:
        raise ConfigError(f"unknown rule selector {selector!r}: not a code, a name or a family")
    return prefixed


@cache
def resolve(settings: Settings, extra_ignores: tuple[str, ...] = ()) -> RuleSet:
    """The active rules for ``settings`` (``extra_ignores`` come from per-file-ignores)."""
    where = settings.source or "command line"
    try:
        chosen = {r.code: r for s in (settings.select or ("ALL",)) for r in matching(s)}
        chosen.update({r.code: r for s in settings.extend_select for r in matching(s)})
        for selector in settings.ignore + extra_ignores:
            for ignored in matching(selector):
                chosen.pop(ignored.code, None)
        severities: dict[str, Severity] = {}
        for selector, level in settings.severity:
            for named in matching(selector):
                severities[named.code] = level
    except ConfigError as error:
        raise ConfigError(f"{where}: {error}") from None
    active = {}
    for code, rule in chosen.items():
        options = rule.default_options()
        if rule.options is not None:
            given = settings.options_for((rule.code, rule.name))
            options = build_options(rule.options, given, rule.code, where) if given else options
        active[code] = ActiveRule(rule, severities.get(code, rule.severity), options)
    return RuleSet(active)
