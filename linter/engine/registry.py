"""Finds every rule: the engine's own codes plus one module per rule in the ``rules`` package."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from types import MappingProxyType, ModuleType
from typing import Any

from linter.engine.builtin_codes import BUILTIN
from linter.engine.declaration import Rule


class RegistryError(RuntimeError):
    """The rule set is inconsistent (a foreign ``rules`` package, a reused code or name)."""


@cache
def all_rules() -> tuple[Rule[Any], ...]:
    """Every known rule and engine code, sorted by code."""
    found = list(BUILTIN)
    package = _rules_package()
    for module_info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{package.__name__}.{module_info.name}")
        found.extend(value for value in vars(module).values() if isinstance(value, Rule))
    _check_unique(found)
    return tuple(sorted(found, key=_code_key))


@cache
def by_key() -> MappingProxyType[str, Rule[Any]]:
    """Rules by code and by name (both are accepted wherever a rule is named)."""
    table: dict[str, Rule[Any]] = {}
    for rule in all_rules():
        table[rule.code] = rule
        table[rule.name] = rule
    return MappingProxyType(table)


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
