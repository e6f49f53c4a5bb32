"""Finds every rule: the engine's own codes, one module per rule in the ``rules`` package, and
the modules that installed plugins name in the entry point group ``persona_lint.rules``."""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import cache
from types import MappingProxyType, ModuleType
from typing import Any

from linter.engine.adoption_codes import ADOPTION_CODES
from linter.engine.builtin_codes import BUILTIN
from linter.engine.declaration import FAMILIES, Rule

ENTRY_POINT_GROUP = "persona_lint.rules"
BUILT_IN = "built-in"


class RegistryError(RuntimeError):
    """The rule set is inconsistent (a foreign ``rules`` package, a reused code or name)."""


@cache
def all_rules() -> tuple[Rule[Any], ...]:
    """Every known rule and engine code, sorted by code."""
    found = list(BUILTIN) + list(ADOPTION_CODES)
    package = _rules_package()
    for module_info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{package.__name__}.{module_info.name}")
        found.extend(value for value in vars(module).values() if isinstance(value, Rule))
    _check_unique(found)
    for label, rules in _plugins():
        _check_plugin(label, rules, found)
        found.extend(rules)
    return tuple(sorted(found, key=_code_key))


@cache
def by_key() -> MappingProxyType[str, Rule[Any]]:
    """Rules by code and by name (both are accepted wherever a rule is named)."""
    table: dict[str, Rule[Any]] = {}
    for rule in all_rules():
        table[rule.code] = rule
        table[rule.name] = rule
    return MappingProxyType(table)


@cache
def origins() -> MappingProxyType[str, str]:
    """Where each rule comes from, by code: ``built-in`` or the plugin's ``name (distribution version)``."""
    table = {rule.code: BUILT_IN for rule in all_rules()}
    for label, rules in _plugins():
        table.update({rule.code: label for rule in rules})
    return MappingProxyType(table)


def origin(rule: Rule[Any]) -> str:
    return origins().get(rule.code, BUILT_IN)


@cache
def _plugins() -> tuple[tuple[str, tuple[Rule[Any], ...]], ...]:
    """Every installed plugin's label and rules, sorted by entry point name."""
    from importlib.metadata import entry_points

    found = []
    for point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda p: (p.name, p.value)):
        dist = point.dist
        label = f"{point.name} ({dist.name} {dist.version})" if dist is not None else point.name
        try:
            module = point.load()
        except Exception as error:  # any failure of third-party code: name the plugin, never a traceback
            raise RegistryError(
                f"plugin {label} (entry point {point.value!r} in group {ENTRY_POINT_GROUP!r}) failed to import: "
                f"{type(error).__name__}: {error}"
            ) from None
        rules = tuple(value for value in vars(module).values() if isinstance(value, Rule))
        if not rules:
            raise RegistryError(f"plugin {label}: module {point.value!r} declares no rule with @rule(...)")
        found.append((label, rules))
    return tuple(found)


def _check_plugin(label: str, rules: tuple[Rule[Any], ...], known: list[Rule[Any]]) -> None:
    """A plugin's codes use a prefix of its own: no built-in family, and none a prefix of another."""
    taken = {rule.code: rule for rule in known} | {rule.name: rule for rule in known}
    for rule in rules:
        family = rule.family
        clash = next((f for f in FAMILIES if family.startswith(f) or f.startswith(family)), None)
        if not re.fullmatch(r"[A-Z]{2,8}\d{3}", rule.code):
            raise RegistryError(f"plugin {label}: code {rule.code!r} is not a prefix of capitals and three digits")
        if clash is not None:
            raise RegistryError(
                f"plugin {label}: code {rule.code} clashes with the built-in family {clash} ({FAMILIES[clash]}); "
                "a plugin's codes need a prefix of its own"
            )
        for key in (rule.code, rule.name):
            if key in taken:
                raise RegistryError(f"plugin {label}: rule {key} is already declared in {taken[key].module}")
        taken[rule.code] = taken[rule.name] = rule


def _rules_package() -> ModuleType:
    import rules

    if not getattr(rules, "PERSONA_LINT_RULES", False):
        raise RegistryError(
            f"the 'rules' package at {getattr(rules, '__file__', '?')} is not persona-lint's: "
            "another installed package is also named 'rules'; uninstall it or use a fresh virtualenv"
        )
    return rules


def _check_unique(found: list[Rule[Any]]) -> None:
    seen: dict[str, str] = {}
    for rule in found:
        for key in (rule.code, rule.name):
            if key in seen and seen[key] != rule.module:
                raise RegistryError(f"rule {key} is declared twice: in {seen[key]} and {rule.module}")
            seen[key] = rule.module


def _code_key(rule: Rule[Any]) -> tuple[str, int]:
    return rule.family, int(rule.code[len(rule.family):])
