"""Configuration: discovery by walking up, validation, select/ignore/severity/per-file-ignores/options."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter import ConfigError, lint_paths
from linter.config.settings import load

BAD = '{"persona_name": "Coach", "voice": "x"}\n'


def codes(path: Path) -> list[str]:
    return [d.code for d in lint_paths([path]).diagnostics]


def test_pyproject_section_is_found_walking_up(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.persona-lint]\nignore = ["SCH001"]\n')
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "p.json").write_text(BAD)
    assert codes(nested / "p.json") == ["PIPE001"]


def test_pyproject_without_section_is_skipped(tmp_path: Path) -> None:
    (tmp_path / ".persona-lint.toml").write_text('select = ["SCH"]\n')
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (inner / "p.json").write_text(BAD)
    assert codes(inner / "p.json") == ["SCH001"]


@pytest.mark.parametrize("header", ['[tool.persona-lint]', '[tool."persona-lint"]', "[ tool . 'persona-lint' ]"])
def test_every_spelling_of_the_section_is_found(tmp_path: Path, header: str) -> None:
    (tmp_path / "pyproject.toml").write_text(f'[project]\nname = "acme-personas"\n{header}\nignore = ["SCH001"]\n')
    (tmp_path / "p.json").write_text(BAD)
    assert codes(tmp_path / "p.json") == ["PIPE001"]


def test_a_pyproject_without_persona_lint_is_not_parsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A Tavus app's pyproject often says "persona" (its name, its packages): only the key
    # persona-lint can open our section, so TOML is parsed only when those bytes are there.
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "acme-personas"\n[tool.personas]\nx = 1\n')
    (tmp_path / "p.json").write_text(BAD)

    def refuse(path: Path) -> None:
        raise AssertionError(f"{path} was parsed")

    monkeypatch.setattr("linter.config.settings._read_toml", refuse)
    assert codes(tmp_path / "p.json") == ["PIPE001", "SCH001"]


def test_severity_and_per_file_ignores(tmp_path: Path) -> None:
    (tmp_path / ".persona-lint.toml").write_text(
        '[severity]\nunknown-property = "error"\n[per-file-ignores]\n"drafts/*.json" = ["PIPE"]\n'
    )
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "p.json").write_text(BAD)
    [finding] = lint_paths([tmp_path / "drafts" / "p.json"]).diagnostics
    assert finding.code == "SCH001" and finding.severity.value == "error"


def test_schema_version_from_config(tmp_path: Path) -> None:
    (tmp_path / ".persona-lint.toml").write_text('schema-version = "2024-10"\n')
    persona = '{"persona_name": "A", "pipeline_mode": "echo", "layers": {"vqa": {"enabled": true}}}'
    (tmp_path / "p.json").write_text(persona)
    assert codes(tmp_path / "p.json") == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('selct = ["A"]', "did you mean 'select'"),
        ('schema-version = "2020-01"', "schema-version"),
        ('[severity]\nSCH001 = "fatal"', "severity.SCH001"),
        ("select = 3", "select must be a list of strings"),
        ("select = [", "invalid TOML"),
    ],
)
def test_bad_configuration_is_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / ".persona-lint.toml"
    config.write_text(text + "\n")
    with pytest.raises(ConfigError, match=message.replace("(", r"\(")) as caught:
        load(config)
    assert str(config) in str(caught.value)


def test_rule_options_are_applied_and_validated(tmp_path: Path) -> None:
    prompt = "Call `notify_id_shown` when the user shows an ID card. " * 30  # about 1,700 characters
    persona = {
        "persona_name": "Front desk", "system_prompt": "Greet visitors.", "pipeline_mode": "full",
        "layers": {"perception": {"perception_model": "raven-1", "visual_tool_prompt": prompt}},
    }
    import json

    (tmp_path / "p.json").write_text(json.dumps(persona))
    assert "PERC008" in codes(tmp_path / "p.json")
    (tmp_path / ".persona-lint.toml").write_text("[options.PERC008]\nmax-characters = 10000\n")
    assert "PERC008" not in codes(tmp_path / "p.json")
    (tmp_path / ".persona-lint.toml").write_text("[options.perception-entry-too-long]\nmax-chars = 10\n")
    with pytest.raises(ConfigError, match="has no option 'max-chars'; known: max-characters"):
        lint_paths([tmp_path / "p.json"])
    (tmp_path / ".persona-lint.toml").write_text('[options.PERC008]\nmax-characters = "many"\n')
    with pytest.raises(ConfigError, match="must be a whole number"):
        lint_paths([tmp_path / "p.json"])
