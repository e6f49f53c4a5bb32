"""Every fix a rule offers, on its own invalid fixtures: a `.fixed` snapshot beside the `.expected` one.

For each invalid fixture whose rule offers a fix, the rule's fixes are applied (unsafe ones too)
and the result must parse, no longer carry that rule's fixable finding, add no error-level
finding, match the `.fixed` snapshot (``pytest --update-snapshots`` rewrites it), and change
nothing when fixed again. The same holds with CRLF line endings.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fixtures import FIXTURE_CONFIG, REPO, RULES_DIR, fixture_files, lint_fixture

from linter.config.settings import settings_for
from linter.diagnostic import Diagnostic, Severity
from linter.document.model import Document
from linter.document.source import parse
from linter.engine.lint import lint_with_settings
from linter.engine.registry import all_rules
from linter.fix.apply import FixOutcome, fix_document

MIN_RULES_WITH_FIXES = 25


def _cases() -> list[pytest.ParameterSet]:
    cases = []
    for folder in sorted(p for p in RULES_DIR.iterdir() if p.is_dir()):
        code = folder.name.split("-", 1)[0]
        for path in fixture_files(folder / "invalid"):
            if any(d.code == code and d.fix is not None for d in lint_fixture(path).diagnostics):
                cases.append(pytest.param(code, path, id=f"{folder.name}/{path.name}"))
    return cases


CASES = _cases()


def _fix(path: Path, text: str, code: str) -> tuple[list[Diagnostic], FixOutcome]:
    relative = os.path.relpath(path, REPO)
    settings = settings_for(str(REPO / relative), FIXTURE_CONFIG)

    def lint(document: Document) -> list[Diagnostic]:
        return lint_with_settings(document, settings)

    document = parse(relative, text.encode("utf-8"))
    return lint(document), fix_document(document, lint, unsafe=True, codes=frozenset({code}))


def _errors(diagnostics: tuple[Diagnostic, ...] | list[Diagnostic]) -> set[tuple[str, str]]:
    return {(d.code, d.pointer) for d in diagnostics if d.severity is Severity.ERROR}


def test_enough_rules_offer_a_fix() -> None:
    codes = {case.values[0] for case in CASES}
    assert len(codes) >= MIN_RULES_WITH_FIXES, sorted(codes)


def test_a_rule_declares_the_fix_it_offers() -> None:
    """A rule's page says "Fix: safe / unsafe / none": it must say what its fixtures show."""
    seen: dict[str, set[str]] = {}
    for case in CASES:
        code, path = case.values
        for d in lint_fixture(path).diagnostics:
            if d.code == code and d.fix is not None:
                seen.setdefault(code, set()).add(d.fix.applicability)
    declared = {r.code: r.fix_applicability for r in all_rules() if r.fix}
    assert set(declared) == set(seen)
    for code, applicabilities in seen.items():
        assert declared[code] in (" or ".join(sorted(applicabilities)), "safe or unsafe"), (code, applicabilities)


@pytest.mark.parametrize(("code", "path"), CASES)
def test_fix_matches_snapshot(code: str, path: Path, request: pytest.FixtureRequest) -> None:
    text = path.read_bytes().decode("utf-8")
    before, outcome = _fix(path, text, code)
    assert outcome.applied, f"no {code} fix applied: {outcome.refused}"
    fixed = parse(path.name, outcome.text.encode("utf-8"))
    assert fixed.value is not None and not fixed.problems
    assert not [d for d in outcome.diagnostics if d.code == code and d.fix is not None]
    assert _errors(outcome.diagnostics) <= _errors(before)
    snapshot = path.with_name(path.name + ".fixed")
    if request.config.getoption("--update-snapshots"):
        snapshot.write_text(outcome.text, encoding="utf-8", newline="")
    assert snapshot.is_file(), f"missing snapshot {snapshot.name}: run pytest --update-snapshots"
    assert outcome.text == snapshot.read_bytes().decode("utf-8")
    _, again = _fix(path, outcome.text, code)
    assert not again.changed, f"a second --fix changed the file again: {again.applied}"


@pytest.mark.parametrize(("code", "path"), CASES)
def test_fix_keeps_crlf_line_endings(code: str, path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    _, expected = _fix(path, text, code)
    _, outcome = _fix(path, text.replace("\n", "\r\n"), code)
    assert outcome.text == expected.text.replace("\n", "\r\n")
