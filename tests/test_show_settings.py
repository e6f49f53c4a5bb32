"""`persona-lint settings PATH`: which configuration, revision (and its source) and rules apply."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from linter.cli import cli
from linter.schemas.store import BASE_URI


def test_settings_names_the_configuration_revision_source_and_rules(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.persona-lint]\nschema-version = "2025-03"\nignore = ["TOOL"]\n')
    (tmp_path / "p.json").write_text('{"persona_name": "x"}')
    result = CliRunner().invoke(cli, ["settings", str(tmp_path / "p.json")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[1] == f"configuration: {tmp_path / 'pyproject.toml'}: [tool.persona-lint]"
    assert lines[2].startswith("revision: 2025-03 (set by schema-version in ")
    assert "  SCH001 unknown-property (warning)" in lines and not any(" TOOL0" in line for line in lines)


def test_settings_follow_the_files_schema_key_and_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "p.json").write_text(f'{{"$schema": "{BASE_URI}2024-10/persona.schema.json"}}')
    output = CliRunner().invoke(cli, ["settings", str(tmp_path / "p.json")]).output
    assert "revision: 2024-10 (named by the file's $schema)" in output
    assert "configuration: none found (the defaults apply)" in output
    output = CliRunner().invoke(cli, ["settings", "--schema-version", "2026-02", str(tmp_path / "p.json")]).output
    assert "revision: 2026-02 (set by --schema-version)" in output


def test_settings_report_a_configuration_error_and_the_clash_warning(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.persona-lint]\nignore = ["SCH"]\n')
    (tmp_path / ".persona-lint.toml").write_text('ignore = ["TOOL"]\n')
    output = CliRunner().invoke(cli, ["settings", str(tmp_path / "p.json")]).output
    assert "warning:" in output and "is ignored" in output
    (tmp_path / ".persona-lint.toml").write_text('[options.TOOL011]\nx = 1\n')
    result = CliRunner().invoke(cli, ["settings", str(tmp_path / "p.json")])
    assert result.exit_code == 2 and "takes no options" in result.output


def test_check_show_settings_prints_the_settings_of_each_path_and_checks_nothing(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.persona-lint]\nschema-version = "2025-03"\n')
    (tmp_path / "a.json").write_text('{"persona_name": "x", "pipeline_mode": "bogus"}')  # an error if checked
    (tmp_path / "b.json").write_text(f'{{"$schema": "{BASE_URI}2024-10/persona.schema.json"}}')
    result = CliRunner().invoke(
        cli, ["check", "--show-settings", "--ignore", "TOOL", str(tmp_path / "a.json"), str(tmp_path / "b.json")]
    )
    assert result.exit_code == 0, result.output
    blocks = result.output.split("\n\n")
    heads = [block.splitlines()[0] for block in blocks]
    assert heads == [f"path: {tmp_path / 'a.json'}", f"path: {tmp_path / 'b.json'}"]
    assert "revision: 2025-03 (set by schema-version in " in blocks[0]
    assert "revision: 2024-10 (named by the file's $schema)" in blocks[1]
    assert " TOOL0" not in result.output and "SCH004" in result.output and "bogus" not in result.output
