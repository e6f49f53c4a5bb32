"""The README's adoption examples (suppressions, policies, the GitHub Action) do what it says."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from linter.cli import cli

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")


def block(heading: str, language: str) -> str:
    """The first fenced block of ``language`` after ``heading``."""
    after = README.split(heading + "\n", 1)[1]
    return after.split(f"```{language}\n", 1)[1].split("```", 1)[0]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout


def test_yaml_suppression_example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("coach.yaml").write_text(block("### Suppressions in YAML", "yaml"))
    _, out = run("check", "--show-suppressed", "coach.yaml")
    silenced = [line for line in out.splitlines() if "(suppressed" in line]
    assert [(line.split(" ")[2], line.rsplit("(suppressed: ", 1)[1]) for line in silenced] == [
        ("SCH001", "keys our importer reads before sending the body)"),
        ("LLM004", "the endpoint is set at deploy time)"),
        ("SCH001", "read by our importer)"),
    ]
    assert "SUP001" not in out


def test_json_suppression_example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("pyproject.toml").write_text(block("### Suppressions for JSON", "toml"))
    Path("personas").mkdir()
    Path("personas/coach.json").write_text(
        '{"persona_name": "C", "pipeline_mode": "full", "system_prompt": "Hi.",'
        ' "layers": {"llm": {"model": "my-model", "extra": 1}}}\n'
    )
    code, out = run("check", "--show-suppressed", "personas")
    assert code == 0, out
    assert out.splitlines()[-1] == "All checks passed (1 file). 2 suppressed."
    assert "(suppressed: the endpoint is set at deploy time)" in out


def test_policy_configuration_example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("policies").mkdir()
    for name in ("required-guardrails.json", "approved-models.json", "max-tools.json"):
        (tmp_path / "policies" / name).write_text((REPO / "examples" / "policies" / name).read_text())
    Path("pyproject.toml").write_text(block("### Team policies", "toml"))
    Path("p.json").write_text('{"persona_name": "C", "pipeline_mode": "echo"}\n')
    code, out = run("check", "p.json")
    assert code == 1 and "POL001 every persona sets guardrails" in out


def test_github_action_one_line_use_names_real_inputs() -> None:
    snippet = block("## GitHub Actions", "yaml")
    step = yaml.safe_load(snippet)[0]
    assert step["uses"] == "persona-lint/persona-lint@v0.1.0"
    inputs = yaml.safe_load((REPO / "action.yml").read_text())["inputs"]
    listed = snippet.split("# optional; also: ", 1)[1].split("\n", 1)[0].split(", ")
    assert set(step["with"]) | set(listed) == set(inputs)
    assert inputs["format"]["default"] == "github" and inputs["fail-level"]["default"] == "error"
