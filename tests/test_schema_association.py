"""A file names its revision with `$schema` or YAML's language-server modeline, for the CLI and the library."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from linter import lint_paths, lint_text
from linter.cli import cli
from linter.schemas import store as schemas
from linter.tavus import revisions

REPO = Path(__file__).resolve().parent.parent
OLD = schemas.BASE_URI + "2024-10/persona.schema.json"
UNKNOWN = schemas.BASE_URI + "1999-01/persona.schema.json"
# `layers.vqa` exists in 2024-10 only (Raven-0 perception replaced it in 2025-03).
JSON_BODY = '"persona_name": "A", "pipeline_mode": "echo", "layers": {"vqa": {"enabled": true}}'
YAML_BODY = "persona_name: A\npipeline_mode: echo\nlayers:\n  vqa:\n    enabled: true\n"


def check(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["check", *args], catch_exceptions=False)
    return result.exit_code, result.stdout


def schema_codes(diagnostics: object) -> set[str]:
    return {d.code for d in diagnostics if d.code.startswith("SCH")}  # type: ignore[attr-defined]


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, Path]:
    written = {
        "declared.json": "{" + f'"$schema": "{OLD}", {JSON_BODY}' + "}\n",
        "undeclared.json": "{" + JSON_BODY + "}\n",
        "modeline.yaml": f"# yaml-language-server: $schema={OLD}\n{YAML_BODY}",
        "no-modeline.yaml": YAML_BODY,
        "unknown.json": "{" + f'"$schema": "{UNKNOWN}", {JSON_BODY}' + "}\n",
    }
    for name, text in written.items():
        (tmp_path / name).write_text(text)
    return {name: tmp_path / name for name in written}


def test_cli_honours_schema_key_and_modeline(files: dict[str, Path]) -> None:
    assert check(str(files["declared.json"])) == (0, "All checks passed (1 file).\n")
    assert check(str(files["modeline.yaml"])) == (0, "All checks passed (1 file).\n")
    for name in ("undeclared.json", "no-modeline.yaml", "unknown.json"):
        _, out = check(str(files[name]))
        assert "/layers/vqa" in out or "vqa" in out, (name, out)


def test_cli_schema_version_flag_wins_over_the_file(files: dict[str, Path]) -> None:
    _, out = check("--schema-version", "2026-06", str(files["declared.json"]))
    assert "vqa" in out
    assert check("--schema-version", "2024-10", str(files["undeclared.json"]))[0] == 0


def test_library_honours_schema_key_and_modeline(files: dict[str, Path]) -> None:
    result = lint_paths([files["declared.json"], files["modeline.yaml"]])
    assert result.diagnostics == ()
    assert schema_codes(lint_paths([files["undeclared.json"]]).diagnostics)
    assert lint_text(files["declared.json"].read_text(), "p.json") == []
    assert lint_text(files["modeline.yaml"].read_text(), "p.yaml") == []
    assert schema_codes(lint_text(files["no-modeline.yaml"].read_text(), "p.yaml"))


def test_bundle_output_is_written_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "persona.schema.json"
    target.write_text("old")
    target.chmod(0o600)
    result = CliRunner().invoke(cli, ["schema", "--bundle", "--output", str(target)])
    assert result.exit_code == 0
    bundle = json.loads(target.read_text())
    assert oct(target.stat().st_mode & 0o777) == oct(0o600)
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left
    validator = Draft202012Validator(bundle)  # plain jsonschema, no registry
    for example in sorted((REPO / "examples").glob("*.json")):
        assert validator.is_valid(json.loads(example.read_text())), example.name

    def refuse(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        CliRunner().invoke(cli, ["schema", "--bundle", "--output", str(target)], catch_exceptions=False)
    assert json.loads(target.read_text()) == bundle  # the old file, whole
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_catalog_has_one_url_per_revision_each_a_bundled_schema_id() -> None:
    result = CliRunner().invoke(cli, ["schema", "--catalog"])
    assert result.exit_code == 0
    entry = json.loads(result.stdout)
    assert set(entry["versions"]) == set(revisions.NAMES)
    assert entry["url"] == entry["versions"][revisions.DEFAULT]
    for revision, url in entry["versions"].items():
        assert url == f"{schemas.BASE_URI}{revision}/persona.schema.json"
        assert url in schemas.all_schemas()
    assert "*.persona.json" in entry["fileMatch"]
