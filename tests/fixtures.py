"""Shared helpers for the data-driven rule tests."""

from __future__ import annotations

import os
from pathlib import Path

from linter.reporters.text import line
from linter.run.check import check_target
from linter.run.files import Target
from linter.run.model import FileReport, Request

REPO = Path(__file__).resolve().parent.parent
RULES_DIR = REPO / "tests" / "rules"
FIXTURE_CONFIG = RULES_DIR / ".persona-lint.toml"
"""An empty configuration: fixtures are checked with every rule on, whatever the repo configures."""


def fixture_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if not p.name.endswith(".expected") and not p.name.startswith("."))


def lint_fixture(path: Path) -> FileReport:
    """Lint a fixture as the CLI would, named by its path relative to the repository."""
    relative = os.path.relpath(path, REPO)
    own = path.parent.parent / ".persona-lint.toml"  # codes that need configuration (policies, baseline)
    config = own if own.is_file() else FIXTURE_CONFIG
    previous = os.getcwd()
    os.chdir(REPO)
    try:
        return check_target(Target(relative, explicit=True), Request(paths=(relative,), config=config))
    finally:
        os.chdir(previous)


def render(report: FileReport) -> str:
    return "".join(line(d) + "\n" for d in report.diagnostics)
