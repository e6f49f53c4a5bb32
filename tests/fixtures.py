"""Shared helpers for the data-driven rule tests."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from linter.reporters.text import line
from linter.run.check import check_target
from linter.run.files import Target
from linter.run.model import FileReport, Request

REPO = Path(__file__).resolve().parent.parent
RULES_DIR = REPO / "tests" / "rules"
FIXTURE_CONFIG = RULES_DIR / ".persona-lint.toml"
"""An empty configuration: fixtures are checked with every rule on, whatever the repo configures."""


def mark_property_tests_slow(items: Sequence[Any]) -> None:
    """Property-based (hypothesis) tests belong to the slow tier, wherever they are."""
    for item in items:
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.slow)


def fixture_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir() if not p.name.endswith((".expected", ".fixed")) and not p.name.startswith(".")
    )


def lint_fixture(path: Path) -> FileReport:
    """Lint a fixture as the CLI would (``--base`` for patch fixtures of a folder with a
    ``.base.json``, ``--config`` with the folder's own ``.persona-lint.toml``), named by its path
    relative to the repository."""
    relative = os.path.relpath(path, REPO)
    # A patch fixture is applied to the folder's .base.json (hidden from fixture_files) when there is one.
    base = path.parent.parent / ".base.json"
    shown_base = os.path.relpath(base, REPO) if base.is_file() else None
    own = path.parent.parent / ".persona-lint.toml"  # codes that need configuration (policies, baseline)
    config = own if own.is_file() else FIXTURE_CONFIG
    previous = os.getcwd()
    os.chdir(REPO)
    try:
        request = Request(paths=(relative,), config=config, base=shown_base)
        return check_target(Target(relative, explicit=True), request)
    finally:
        os.chdir(previous)


def render(report: FileReport) -> str:
    return "".join(line(d) + "\n" for d in report.diagnostics)
