"""Team policies: the example policies, per-glob coverage, messages, broken policy schemas."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from linter.cli import cli

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples" / "policies"
TOOL = {"type": "function", "function": {"name": "lookup", "description": "Look it up.",
                                         "parameters": {"type": "object", "properties": {}}}}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def persona(**extra: Any) -> dict[str, Any]:
    return {"persona_name": "Coach", "pipeline_mode": "full", "system_prompt": "Be brief.",
            "guardrail_ids": ["g12345"], "layers": {"llm": {"model": "tavus-gpt-oss"}}} | extra


def check_with(tmp_path: Path, policy: str, body: dict[str, Any]) -> tuple[int, list[str]]:
    shutil.copy(EXAMPLES / policy, tmp_path / policy)
    (tmp_path / ".persona-lint.toml").write_text(f'policy-schemas = ["{policy}"]\n')
    (tmp_path / "p.json").write_text(json.dumps(body, indent=2) + "\n")
    code, out, err = run("check", "--select", "POL", str(tmp_path / "p.json"))
    assert err == ""
    return code, [line.split(": ", 1)[1] for line in out.splitlines()[:-1]]


def test_example_required_guardrails(tmp_path: Path) -> None:
    assert check_with(tmp_path, "required-guardrails.json", persona()) == (0, [])
    body = persona()
    del body["guardrail_ids"]
    code, lines = check_with(tmp_path, "required-guardrails.json", body | {"guardrail_tags": []})
    assert code == 1
    assert lines == [
        "error POL001 every persona sets guardrails: add a non-empty 'guardrail_ids' or 'guardrail_tags' "
        "(policy required-guardrails.json#/anyOf) [policy-violation]"
    ]


def test_example_approved_models(tmp_path: Path) -> None:
    assert check_with(tmp_path, "approved-models.json", persona()) == (0, [])
    code, lines = check_with(tmp_path, "approved-models.json", persona(layers={"llm": {"model": "tavus-gpt-4o"}}))
    assert code == 1
    assert lines[0].startswith("error POL001 use an approved LLM (tavus-gpt-oss or tavus-gpt-5.2)")
    assert lines[0].endswith(
        "(policy approved-models.json#/properties/layers/properties/llm/properties/model/enum) [policy-violation]"
    )


def test_example_max_tools(tmp_path: Path) -> None:
    five = persona(layers={"llm": {"model": "tavus-gpt-oss", "tools": [TOOL] * 5}})
    assert check_with(tmp_path, "max-tools.json", five) == (0, [])
    six = persona(layers={"llm": {"model": "tavus-gpt-oss", "tools": [TOOL] * 6}})
    code, lines = check_with(tmp_path, "max-tools.json", six)
    assert code == 1 and len(lines) == 1
    assert lines[0].startswith("error POL001 at most 5 LLM tools")


def test_finding_is_at_the_failing_value(tmp_path: Path) -> None:
    (tmp_path / "pol.json").write_text(json.dumps({"properties": {"persona_name": {"maxLength": 3}},
                                                   "title": "Short names"}))
    (tmp_path / ".persona-lint.toml").write_text('policy-schemas = ["pol.json"]\n')
    (tmp_path / "p.json").write_text('{\n  "pipeline_mode": "echo",\n  "persona_name": "Coach"\n}\n')
    _, out, _ = run("check", str(tmp_path / "p.json"))
    assert f"{tmp_path / 'p.json'}:3:19: error POL001 Short names: 'Coach' is too long" in out


def test_policies_per_persona_glob(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "required-guardrails.json", tmp_path / "g.json")
    (tmp_path / ".persona-lint.toml").write_text('[policy-schemas]\n"prod/*" = ["g.json"]\n')
    for folder in ("prod", "drafts"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "p.json").write_text('{"persona_name": "A", "pipeline_mode": "echo"}')
    _, out, _ = run("check", str(tmp_path))
    assert "prod/p.json:1:1: error POL001" in out and "drafts" not in out


@pytest.mark.parametrize(
    ("files", "toml", "needle"),
    [
        ({"bad.json": '{"type": 3}'}, 'policy-schemas = ["bad.json"]', "not a valid JSON Schema at /type"),
        ({"bad.json": "{"}, 'policy-schemas = ["bad.json"]', "bad.json: not valid JSON"),
        ({"bad.json": "[1]"}, 'policy-schemas = ["bad.json"]', "a JSON Schema is an object or a boolean"),
        ({}, 'policy-schemas = ["policies/*.json"]', "'policies/*.json' matches no file"),
        ({}, "policy-schemas = 3", "policy-schemas must be a list of schema globs"),
    ],
)
def test_a_broken_policy_is_a_configuration_error(
    tmp_path: Path, files: dict[str, str], toml: str, needle: str
) -> None:
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    (tmp_path / ".persona-lint.toml").write_text(toml + "\n")
    (tmp_path / "p.json").write_text('{"persona_name": "A", "pipeline_mode": "echo"}')
    code, _, err = run("check", str(tmp_path / "p.json"))
    assert code == 2 and str(tmp_path / ".persona-lint.toml") in err and needle in err


def test_policy_findings_can_be_ignored_and_given_a_severity(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "required-guardrails.json", tmp_path / "g.json")
    (tmp_path / ".persona-lint.toml").write_text('policy-schemas = ["g.json"]\n[severity]\nPOL001 = "warning"\n')
    (tmp_path / "p.json").write_text('{"persona_name": "A", "pipeline_mode": "echo"}')
    code, out, _ = run("check", str(tmp_path / "p.json"))
    assert code == 0 and "warning POL001" in out
    code, out, _ = run("check", "--ignore", "POL", str(tmp_path / "p.json"))
    assert "POL001" not in out


def test_a_policy_ref_resolves_within_the_policy_and_never_fetches(tmp_path: Path) -> None:
    (tmp_path / ".persona-lint.toml").write_text('policy-schemas = ["pol.json"]\n')
    (tmp_path / "p.json").write_text('{"persona_name": "Coach", "pipeline_mode": "echo"}')
    (tmp_path / "pol.json").write_text(json.dumps({
        "$defs": {"short": {"maxLength": 3, "x-message": "short names only"}},
        "properties": {"persona_name": {"$ref": "#/$defs/short"}},
    }))
    code, out, _ = run("check", str(tmp_path / "p.json"))
    # jsonschema's schema path leaves the $ref step out: the location is the keyword reached through it.
    assert code == 1 and "error POL001 short names only (policy pol.json#/properties/persona_name/maxLength)" in out
    (tmp_path / "pol.json").write_text('{"properties": {"persona_name": {"$ref": "https://example.com/x.json"}}}')
    code, _, err = run("check", str(tmp_path / "p.json"))
    assert code == 2
    assert f"{tmp_path / 'pol.json'}: cannot resolve the $ref 'https://example.com/x.json'" in err
