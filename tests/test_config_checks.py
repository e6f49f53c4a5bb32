"""Configuration checked once against the rule registry, read with bounds, and its precedence."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from linter import ConfigError, lint_paths
from linter.config.settings import MAX_CONFIG_BYTES, clear_caches, load, settings_for
from linter.engine.selection import resolve

TOOL_PERSONA = {
    "persona_name": "Front desk", "system_prompt": "Greet visitors.", "pipeline_mode": "full",
    "layers": {"llm": {"model": "tavus-gpt-oss", "tools": [{"type": "function", "function": {"name": "x"}}]}},
}


def rule_set(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    config = tmp_path / ".persona-lint.toml"
    config.write_text(text)
    clear_caches()
    return resolve(load(config))


@pytest.mark.parametrize(
    "text",
    [
        '[severity]\nTOOL014 = "warning"\nTOOL = "error"\n',
        '[severity]\nTOOL = "error"\nTOOL014 = "warning"\n',
        '[severity]\nTOOL014 = "warning"\nALL = "error"\nTOOL0 = "info"\n',
    ],
)
def test_the_most_specific_severity_selector_wins_whatever_the_order(tmp_path: Path, text: str) -> None:
    rules = rule_set(tmp_path, text)
    assert rules.by_code["TOOL014"].severity.value == "warning"
    assert rules.by_code["TOOL001"].severity.value in ("error", "info")
    assert rules.by_code["TOOL001"].severity.value == ("info" if "TOOL0 " in text else "error")


def test_a_rule_name_is_as_specific_as_its_code(tmp_path: Path) -> None:
    rules = rule_set(tmp_path, '[severity]\nunknown-property = "info"\nSCH = "error"\n')
    assert rules.by_code["SCH001"].severity.value == "info"
    assert rules.by_code["SCH004"].severity.value == "error"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[options.TOOL011]\nmax = 3\n", r"options\.TOOL011: rule TOOL011 \(.*\) takes no options"),
        ("[options.TOOL999]\nmax = 3\n", r"options\.TOOL999: there is no rule 'TOOL999'"),
        ("[options.PERC08]\nmax-characters = 3\n", r"there is no rule 'PERC08'; did you mean 'PERC008'"),
        ("[options.PERC008]\nmax-characters = -1\n", r"options\.PERC008\.max-characters must not be negative"),
        ("[options.PERC008]\nmax-characters = [1, 2]\n", r"must be a number, a string or a boolean, not a list"),
        ("[options.PERC008]\nmax-characters = true\n", r"PERC008\.max-characters must be a whole number, not True"),
        ("[options.PERC008]\nmax-characters = 2.5\n", r"must be a whole number, not 2\.5"),
        ("[options.PERC008]\nmax-characters = {a = 1}\n", r"not a table"),
        ("[options.PERC008]\nmax-characters = 1\n[options.perception-entry-too-long]\nmax-characters = 2\n",
         "given twice"),
    ],
)
def test_bad_options_are_configuration_errors_naming_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / ".persona-lint.toml"
    config.write_text(text)
    (tmp_path / "p.json").write_text(json.dumps(TOOL_PERSONA))
    clear_caches()
    with pytest.raises(ConfigError, match=message) as caught:
        lint_paths([tmp_path / "p.json"])
    assert str(config) in str(caught.value)


def test_options_of_a_rule_that_is_not_selected_are_still_checked(tmp_path: Path) -> None:
    config = tmp_path / ".persona-lint.toml"
    config.write_text('select = ["SCH"]\n[options.PERC008]\nmax-characters = -5\n')
    (tmp_path / "p.json").write_text(json.dumps(TOOL_PERSONA))
    clear_caches()
    with pytest.raises(ConfigError, match="must not be negative"):
        lint_paths([tmp_path / "p.json"])


def test_the_cli_exits_2_on_bad_options(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from linter.cli import cli

    (tmp_path / ".persona-lint.toml").write_text("[options.PERC008]\nmax-characters = [1]\n")
    (tmp_path / "p.json").write_text(json.dumps(TOOL_PERSONA))
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "p.json")])
    assert result.exit_code == 2, result.output
    assert "options.PERC008.max-characters" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ('[[ignore-at]]\npath = "other/*.json"\ncode = "TOOL999"\npointer = "/x"\nreason = "kept"\n',
         "ignore-at[0]: unknown rule selector 'TOOL999'"),
        ('[per-file-ignores]\n"other/*.json" = ["TOOLX"]\n', "per-file-ignores.'other/*.json': unknown rule selector"),
        ('[per-file-ignores]\n"other/*.json" = ["TOOLX:/layers"]\n',
         "per-file-ignores.'other/*.json': unknown rule selector 'TOOLX'"),
    ],
)
def test_unknown_codes_in_ignores_are_errors_at_load_even_when_no_file_matches(
    tmp_path: Path, text: str, label: str
) -> None:
    config = tmp_path / ".persona-lint.toml"
    config.write_text(text)
    (tmp_path / "p.json").write_text(json.dumps(TOOL_PERSONA))  # not covered by the entry's glob
    clear_caches()
    with pytest.raises(ConfigError) as raised:
        lint_paths([tmp_path / "p.json"])
    assert str(raised.value) == f"{config}: {label}" + str(raised.value).partition(label)[2]
    assert str(raised.value).count(str(config)) == 1


def test_select_empty_means_no_rules(tmp_path: Path) -> None:
    (tmp_path / ".persona-lint.toml").write_text("select = []\n")
    (tmp_path / "p.json").write_text('{"persona_name": "Coach", "voice": "x"}')
    clear_caches()
    assert lint_paths([tmp_path / "p.json"]).diagnostics == ()
    (tmp_path / ".persona-lint.toml").write_text('select = []\nextend-select = ["SCH001"]\n')
    clear_caches()
    assert [d.code for d in lint_paths([tmp_path / "p.json"]).diagnostics] == ["SCH001"]


def test_persona_lint_toml_wins_over_pyproject_beside_it_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.persona-lint]\nignore = ["PIPE"]\n')
    (tmp_path / ".persona-lint.toml").write_text('ignore = ["SCH001"]\n')
    (tmp_path / "p.json").write_text('{"persona_name": "Coach", "voice": "x"}')
    clear_caches()
    result = lint_paths([tmp_path / "p.json"])
    assert [d.code for d in result.diagnostics] == ["PIPE001"]  # .persona-lint.toml applied
    settings = settings_for(str(tmp_path / "p.json"), None)
    assert settings.source == str(tmp_path / ".persona-lint.toml")
    [warning] = settings.warnings
    assert "[tool.persona-lint] section of" in warning and "pyproject.toml" in warning
    assert any("is ignored" in notice for notice in result.notices)


def test_no_warning_when_the_pyproject_beside_has_no_section(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (tmp_path / ".persona-lint.toml").write_text('ignore = ["SCH001"]\n')
    clear_caches()
    assert load(tmp_path / ".persona-lint.toml").warnings == ()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"select = [\xff]\n", r"not valid UTF-8 \(byte 10\)"),
        (b"x = " + b"[" * 5000 + b"]" * 5000 + b"\n", "nested too deeply|invalid TOML"),
        (b"#" * (MAX_CONFIG_BYTES + 1), "larger than 1024 KiB"),
    ],
)
def test_hostile_configuration_files_are_clear_errors(tmp_path: Path, content: bytes, message: str) -> None:
    config = tmp_path / ".persona-lint.toml"
    config.write_bytes(content)
    clear_caches()
    with pytest.raises(ConfigError, match=message) as caught:
        load(config)
    assert str(config) in str(caught.value)


def test_config_on_a_fifo_or_device_is_an_error_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    clear_caches()
    with pytest.raises(ConfigError, match="not a regular file"):
        load(fifo)
    with pytest.raises(ConfigError, match="not a regular file"):
        load(Path("/dev/zero"))


def test_cli_config_fifo_and_dev_zero_exit_2(tmp_path: Path) -> None:
    import subprocess
    import sys

    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    (tmp_path / "p.json").write_text('{"persona_name": "Coach"}')
    for config in (str(fifo), "/dev/zero"):
        done = subprocess.run(
            [sys.executable, "-m", "linter", "check", "--config", config, str(tmp_path / "p.json")],
            capture_output=True, text=True, timeout=60,
        )
        assert done.returncode == 2, done.stderr
        assert "not a regular file" in done.stderr and "Traceback" not in done.stderr


def test_a_huge_discovered_pyproject_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_bytes(b"[tool.persona-lint]\n" + b"#" * MAX_CONFIG_BYTES + b"\n")
    (tmp_path / "p.json").write_text('{"persona_name": "Coach"}')
    clear_caches()
    with pytest.raises(ConfigError, match="larger than"):
        lint_paths([tmp_path / "p.json"])


def test_the_readme_configuration_example_is_accepted(tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    example = section.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "pyproject.toml").write_text(example)
    clear_caches()
    rules = resolve(load(tmp_path / "pyproject.toml"))
    assert rules.by_code["PERC008"].options.max_characters == 10000
    assert "TOOL018" not in rules.by_code
