"""docs/writing-rules.md: every code example runs, and the page covers the whole rule interface."""

from __future__ import annotations

import re
import sys
import types
from pathlib import Path

import pytest

import linter.rule
from linter.diagnostic import EDIT_KINDS
from linter.engine.ruledocs import page
from linter.rule import FAMILIES, Facts, Persona, Rule

DOC = (Path(__file__).resolve().parent.parent / "docs" / "writing-rules.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```python\n(.*?)```", DOC, re.DOTALL)


def _run_examples(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    # The examples are one module, read top to bottom: later blocks use what earlier ones define.
    module = types.ModuleType("writing_rules_example")
    monkeypatch.setitem(sys.modules, module.__name__, module)
    for block in BLOCKS:
        exec(compile(block, "docs/writing-rules.md", "exec"), module.__dict__)
    return module.__dict__


def test_every_code_example_runs_and_its_assertions_hold(monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(BLOCKS) >= 6
    assert sum(block.count("assert ") for block in BLOCKS) >= 15
    _run_examples(monkeypatch)


def test_the_example_rule_meets_the_registry_conventions(monkeypatch: pytest.MonkeyPatch) -> None:
    declared = _run_examples(monkeypatch)["check"]
    assert isinstance(declared, Rule)
    assert re.fullmatch(r"[A-Z]{3,4}\d{3}", declared.code) and declared.family in FAMILIES
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", declared.name)
    assert declared.summary.endswith(".") and declared.why.startswith("Why:")
    rendered = page(declared)
    assert "- API revisions: persona bodies (/v2/personas), 2025-03 and later" in rendered
    assert "`max-characters` (default `60`): longest persona_name accepted" in rendered


def test_the_page_names_the_whole_public_rule_interface() -> None:
    missing = [name for name in linter.rule.__all__ if f"`{name}`" not in DOC and f" {name}," not in DOC]
    assert missing == []
    assert [field for field in Facts._fields if f"`{field}`" not in DOC] == []
    getters = [name for name in vars(Persona) if not name.startswith("_") and name != "memo"]
    assert [name for name in getters if f"`{name}" not in DOC] == []
    assert [kind.__name__ for kind in EDIT_KINDS if f"`{kind.__name__}(" not in DOC] == []
