"""The rule set is consistent, documented and covered by fixtures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fixtures import REPO, RULES_DIR, fixture_files

from linter.engine.registry import all_rules
from linter.engine.ruledocs import page
from linter.rule import FAMILIES

NO_FIXTURES = {"INT001", "SCH008", "MIG001"}
"""A broken rule / a keyword no bundled schema uses (tests/test_engine.py); what only `migrate` reports
(tests/test_migrate.py)."""


def test_codes_and_names_are_unique_and_well_formed() -> None:
    rules = all_rules()
    assert len({r.code for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)
    for rule in rules:
        assert re.fullmatch(r"[A-Z]{3,5}\d{3}", rule.code), rule.code
        assert rule.family in FAMILIES, rule.code
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name), rule.name
        assert rule.summary and rule.summary.endswith("."), f"{rule.code} needs a one-sentence summary"
        assert rule.why.startswith("Why:"), f"{rule.code} docs must explain why"


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_every_rule_has_valid_and_invalid_fixtures(rule: object) -> None:
    code, name = rule.code, rule.name  # type: ignore[attr-defined]
    if code in NO_FIXTURES:
        return
    folder = RULES_DIR / f"{code}-{name}"
    assert folder.is_dir(), f"missing fixture folder tests/rules/{folder.name}"
    assert fixture_files(folder / "valid"), f"{folder.name} has no valid fixture"
    assert fixture_files(folder / "invalid"), f"{folder.name} has no invalid fixture"


def test_no_fixture_folder_without_a_rule() -> None:
    known = {f"{r.code}-{r.name}" for r in all_rules()}
    stray = [p.name for p in RULES_DIR.iterdir() if p.is_dir() and p.name not in known]
    assert not stray, f"fixture folders for unknown rules: {stray}"


def test_docs_are_current() -> None:
    docs = REPO / "docs" / "rules"
    for rule in all_rules():
        target = docs / f"{rule.code}.md"
        assert target.is_file(), f"missing {target}: run python -m linter.engine.docs_gen"
        stale = f"{target.name} is stale: run python -m linter.engine.docs_gen"
        assert target.read_text(encoding="utf-8") == page(rule), stale


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_page_examples_are_the_rules_own_fixtures(rule: object) -> None:
    code, name, why = rule.code, rule.name, rule.why  # type: ignore[attr-defined]
    assert "Example:" not in why, f"{code}: examples come from the fixtures, not the docstring"
    text = page(rule)  # type: ignore[arg-type]
    if code in NO_FIXTURES:
        assert "## Examples" not in text
        return
    examples = text.partition("\n## Examples\n")[2]
    linked = re.findall(r"\]\(\.\./\.\./tests/rules/([^)]+)\)", examples)
    assert linked, f"{code}: the page shows no fixture"
    for relative in linked:
        assert relative.startswith(f"{code}-{name}/"), relative
        fixture = RULES_DIR / relative
        assert fixture.exists() or fixture.is_symlink(), relative
        snapshot = fixture.with_name(fixture.name + ".expected")
        if snapshot.is_file():
            assert snapshot.read_text(encoding="utf-8").rstrip("\n") in examples


def test_explain_prints_the_page_and_omits_examples_without_fixtures(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from linter.cli import cli
    from linter.engine.registry import by_key

    rule = by_key()["PIPE001"]
    shown = CliRunner().invoke(cli, ["explain", "PIPE001"]).output
    assert shown == page(rule) and "## Examples" in shown
    assert "## Examples" not in page(rule, tmp_path)  # an installed wheel has no tests/rules


def test_a_foreign_rules_package_is_named_clearly(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    from linter.engine import registry

    impostor = types.ModuleType("rules")
    impostor.__file__ = "/site-packages/rules/__init__.py"
    monkeypatch.setitem(sys.modules, "rules", impostor)
    with pytest.raises(registry.RegistryError, match="is not persona-lint's"):
        registry._rules_package()
