"""The stages of `linter` import only from the stages below them (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "linter"

LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"diagnostic", "util"}),
    frozenset({"document"}),
    frozenset({"tavus"}),
    frozenset({"schemas", "config"}),
    frozenset({"engine"}),
    frozenset({"fix"}),
    frozenset({"run"}),
    frozenset({"reporters", "lsp"}),
    frozenset({"__init__", "__main__", "api", "cli", "rule"}),
)
"""Lowest first. A module may import its own stage and any stage listed before it."""


def _stage(module: str) -> str:
    """``linter.run.check`` -> ``run``; ``linter`` (the package itself) -> ``__init__``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _level(stage: str) -> int:
    for level, stages in enumerate(LAYERS):
        if stage in stages:
            return level
    raise AssertionError(f"linter.{stage} is in no layer: add it to LAYERS and docs/architecture.md")


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every `linter` module ``path`` imports, at module level or inside functions."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "linter":
                found.extend((node.lineno, f"linter.{alias.name}") for alias in node.names)
            elif node.module.startswith("linter."):
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, a.name) for a in node.names if a.name.startswith("linter."))
    return found


def _module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    return ".".join(relative.parts)


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_modules_are_found() -> None:
    assert len(MODULES) > 50 and PACKAGE / "cli.py" in MODULES


@pytest.mark.parametrize("path", MODULES, ids=lambda p: _module_name(p))
def test_imports_only_from_lower_stages(path: Path) -> None:
    own = _level(_stage(_module_name(path)))
    upward = [
        f"line {line}: {target}"
        for line, target in _imports(path)
        if _level(_stage(target)) > own
    ]
    assert not upward, f"{_module_name(path)} imports from a higher stage: {upward}"


def test_every_stage_is_a_folder_or_a_public_module() -> None:
    modules = {p.stem for p in PACKAGE.glob("*.py")}
    packages = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    on_disk = modules | packages
    listed = set().union(*LAYERS)
    assert on_disk == listed, f"not in a layer: {on_disk - listed}; listed but gone: {listed - on_disk}"


def test_the_layer_check_catches_an_upward_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from linter.run.runner import run\n", encoding="utf-8")
    assert _imports(bad) == [(2, "linter.run.runner")]
    assert _level(_stage("linter.run.runner")) > _level(_stage("linter.document.source"))


def test_version_is_the_projects() -> None:
    import tomllib

    from linter import __version__

    project = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert __version__ == project["version"]
