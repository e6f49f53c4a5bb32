"""Turning ``select``/``ignore``/``severity`` settings into the set of active rules."""

from __future__ import annotations

from functools import cache
from typing import Any, NamedTuple

from linter.config.settings import ConfigError, Settings, build_options
from linter.diagnostic import Severity
from linter.engine import registry
from linter.engine.declaration import Rule
from linter.util.closest import closest


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
        selected = settings.select if settings.select is not None else ("ALL",)  # `select = []`: no rules
        chosen = {r.code: r for s in selected for r in matching(s)}
        chosen.update({r.code: r for s in settings.extend_select for r in matching(s)})
        for selector in settings.ignore + extra_ignores:
            for ignored in matching(selector):
                chosen.pop(ignored.code, None)
        severities: dict[str, Severity] = {}
        # The most specific selector wins whatever the order of the keys: ALL, then families
        # (a shorter prefix first), then single rules, as ruff orders its selectors.
        for selector, level in sorted(settings.severity, key=lambda item: specificity(item[0])):
            for named in matching(selector):
                severities[named.code] = level
    except ConfigError as error:
        raise ConfigError(f"{where}: {error}") from None
    _check_ignore_selectors(settings, where)
    options = checked_options(settings, where)
    active = {}
    for code, rule in chosen.items():
        active[code] = ActiveRule(rule, severities.get(code, rule.severity), options.get(code, rule.default_options()))
    return RuleSet(active)


def _check_ignore_selectors(settings: Settings, where: str) -> None:
    """Every ``per-file-ignores`` and ``ignore-at`` selector names a rule, whether or not a file
    it covers is linted: a typo is reported when the configuration is read."""
    labelled = [(f"per-file-ignores.{glob!r}", selector) for glob, selectors in settings.per_file_ignores
                for selector in selectors]
    labelled += [(entry.origin, entry.selector) for entry in settings.adoption.pointer_ignores]
    for label, selector in labelled:
        try:
            matching(selector)
        except ConfigError as error:
            raise ConfigError(f"{where}: {label}: {error}") from None


def specificity(selector: str) -> int:
    """How narrowly ``selector`` names rules: 0 for ``ALL``, a prefix's length, most for one rule."""
    if selector.upper() == "ALL":
        return 0
    if selector in registry.by_key() or selector.upper() in registry.by_key():
        return 1_000
    return len(selector)


def checked_options(settings: Settings, where: str) -> dict[str, Any]:
    """Every ``[options.RULE]`` table built and checked, whether that rule is selected or not."""
    built: dict[str, Any] = {}
    for key, given in settings.options:
        rule = registry.by_key().get(key) or registry.by_key().get(key.upper())
        if rule is None:
            close = closest(key, [r.code for r in registry.all_rules()] + [r.name for r in registry.all_rules()])
            hint = f"; did you mean {close!r}?" if close else ""
            raise ConfigError(f"{where}: options.{key}: there is no rule {key!r}{hint}")
        if rule.options is None:
            with_options = ", ".join(r.code for r in registry.all_rules() if r.options is not None)
            raise ConfigError(
                f"{where}: options.{key}: rule {rule.code} ({rule.name}) takes no options"
                f" (rules with options: {with_options})"
            )
        if rule.code in built:
            raise ConfigError(f"{where}: options.{key}: options for {rule.code} are given twice (code and name)")
        built[rule.code] = build_options(rule.options, dict(given), key, where)
    return built
