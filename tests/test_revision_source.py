"""A hint that names the revision a file is checked against says where that revision came from."""

from __future__ import annotations

from pathlib import Path

from linter import lint_paths, lint_text
from linter.schemas.store import BASE_URI

# `visual_awareness_queries` exists in the perception layer from 2025-08 on
BODY = '"persona_name": "C", "pipeline_mode": "echo", "layers": {"perception": {"visual_awareness_queries": ["x"]}}'


def hint_of(text: str, **options: str) -> str:
    [finding] = [d for d in lint_text(text, "p.json", **options) if d.code == "SCH001"]  # type: ignore[arg-type]
    assert finding.hint is not None
    return finding.hint


def test_the_hint_names_the_command_line() -> None:
    assert hint_of("{" + BODY + "}", schema_version="2025-03").endswith(
        "this file is checked against 2025-03 (set by --schema-version)"
    )


def test_the_hint_names_the_files_schema_key() -> None:
    text = f'{{"$schema": "{BASE_URI}2025-03/persona.schema.json", ' + BODY + "}"
    assert hint_of(text).endswith("checked against 2025-03 (named by the file's $schema)")


def test_the_hint_names_the_configuration_file(tmp_path: Path) -> None:
    (tmp_path / ".persona-lint.toml").write_text('schema-version = "2025-03"\n')
    (tmp_path / "p.json").write_text("{" + BODY + "}")
    [finding] = [d for d in lint_paths([tmp_path / "p.json"]).diagnostics if d.code == "SCH001"]
    assert finding.hint is not None
    config = tmp_path / ".persona-lint.toml"
    assert finding.hint.endswith(f"checked against 2025-03 (set by schema-version in {config})")
