"""The GitHub Action (action.yml): its steps' shell commands, run as a GitHub runner would run them.

persona-lint is already installed in this test environment, so the install step must see it and
install nothing (no network); the lint step must print workflow-command annotations.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
EXPRESSION = re.compile(r"\$\{\{\s*(inputs|github)\.([\w-]+)\s*\}\}")
CONDITION = re.compile(r"^inputs\.([\w-]+) != ''$")
BAD = '{\n  "persona_name": "Coach",\n  "pipeline_mode": "ful"\n}\n'
WARN = '{"persona_name": "Echo", "pipeline_mode": "echo", "voice": "x"}\n'


def _expand(text: str, inputs: dict[str, str], github: dict[str, str]) -> str:
    return EXPRESSION.sub(lambda m: (inputs if m.group(1) == "inputs" else github)[m.group(2)], text)


def _inputs(given: dict[str, str]) -> dict[str, str]:
    declared = ACTION["inputs"]
    unknown = set(given) - set(declared)
    assert not unknown, f"the action has no input {unknown}"
    return {name: given.get(name, str(spec.get("default", ""))) for name, spec in declared.items()}


def run_action(workspace: Path, **given: str) -> list[tuple[str, subprocess.CompletedProcess[str] | None]]:
    """Run every ``run`` step of the composite action in order, stopping at the first failure."""
    inputs = _inputs(given)
    temp = workspace.parent / "runner-temp"
    temp.mkdir(exist_ok=True)
    github = {"action_ref": "v0.1.0", "action_path": str(REPO), "workspace": str(workspace)}
    base_env = {
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "HOME": str(workspace.parent), "GITHUB_ACTIONS": "true", "CI": "true",
        "GITHUB_WORKSPACE": str(workspace), "GITHUB_ACTION_PATH": str(REPO), "GITHUB_ACTION_REF": "v0.1.0",
        "GITHUB_PATH": str(temp / "path.txt"), "GITHUB_ENV": str(temp / "env.txt"), "RUNNER_TEMP": str(temp),
    }
    results: list[tuple[str, subprocess.CompletedProcess[str] | None]] = []
    for step in ACTION["runs"]["steps"]:
        condition = step.get("if")
        if condition is not None:
            match = CONDITION.match(condition)
            assert match, f"the test does not understand the condition {condition!r}"
            if inputs[match.group(1)] == "":
                continue
        if "uses" in step:
            results.append((step["name"], None))  # another action (the SARIF upload): not run here
            continue
        assert step["shell"] == "bash"
        env = base_env | {key: _expand(str(value), inputs, github) for key, value in step.get("env", {}).items()}
        assert "${{" not in step["run"], "scripts read inputs through env only (no injection through inputs)"
        done = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=workspace, env=env,
                              capture_output=True, text=True, timeout=120)
        results.append((step["name"], done))
        if done.returncode != 0:
            break
    return results


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    if shutil.which("bash") is None:
        pytest.skip("bash is needed to run the action's steps")
    root = tmp_path / "workspace"
    (root / "personas").mkdir(parents=True)
    (root / "personas" / "bad.json").write_text(BAD)
    (root / "personas" / "warn.json").write_text(WARN)
    return root


def _step(results: list[tuple[str, Any]], name: str) -> subprocess.CompletedProcess[str]:
    found = dict(results)[name]
    assert found is not None
    return found  # type: ignore[no-any-return]


def test_default_inputs_print_annotations_and_fail_on_errors(workspace: Path) -> None:
    results = run_action(workspace, paths="personas")
    assert [name for name, _ in results] == ["Install persona-lint", "Lint"]
    install = _step(results, "Install persona-lint")
    assert install.returncode == 0 and "persona-lint 0.1.0 is already installed" in install.stdout
    lint = _step(results, "Lint")
    assert lint.returncode == 1
    lines = lint.stdout.splitlines()
    assert lines[0].startswith("::error file=personas/bad.json,line=3,col=20,endLine=3,endColumn=25,"
                               "title=SCH004 invalid-value::'pipeline_mode' is \"ful\"")
    assert lines[1].startswith("::warning file=personas/warn.json,line=1,col=51,")
    assert lines[-1] == "Found 2 problems (1 error, 1 warning) in 2 of 2 files."


def test_fail_level_and_paths_on_several_lines(workspace: Path) -> None:
    (workspace / "personas" / "bad.json").unlink()
    (workspace / "more").mkdir()
    (workspace / "more" / "warn.json").write_text(WARN)
    results = run_action(workspace, paths="personas/warn.json\nmore\n")
    assert _step(results, "Lint").returncode == 0
    results = run_action(workspace, paths="personas/warn.json\nmore\n", **{"fail-level": "warning"})
    lint = _step(results, "Lint")
    assert lint.returncode == 1 and lint.stdout.count("::warning file=") == 2


def test_sarif_file_is_written_before_the_upload_step(workspace: Path) -> None:
    results = run_action(workspace, paths="personas", **{"sarif-file": "out/persona-lint.sarif"})
    assert [name for name, _ in results] == ["Install persona-lint", "Write SARIF", "Upload SARIF", "Lint"]
    assert _step(results, "Write SARIF").returncode == 0
    assert '"version": "2.1.0"' in (workspace / "out" / "persona-lint.sarif").read_text()
    upload = next(step for step in ACTION["runs"]["steps"] if step["name"] == "Upload SARIF")
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert _step(results, "Lint").returncode == 1


def test_schema_version_input_is_passed_on(workspace: Path) -> None:
    (workspace / "personas" / "bad.json").unlink()
    (workspace / "personas" / "warn.json").unlink()
    (workspace / "personas" / "llama.json").write_text(
        '{"persona_name": "A", "pipeline_mode": "full", "system_prompt": "Hi.",'
        ' "layers": {"llm": {"model": "tavus-llama"}}}'
    )
    old = _step(run_action(workspace, paths="personas", **{"schema-version": "2025-03"}), "Lint")
    new = _step(run_action(workspace, paths="personas"), "Lint")
    assert "LLM003" not in old.stdout and "LLM003" in new.stdout


@pytest.mark.parametrize(
    ("version", "ref", "installed"),
    [("v9.9.9", "v0.1.0", "persona-lint==9.9.9"), ("", "main", str(REPO))],
    ids=["version-input", "action-ref"],
)
def test_what_is_not_installed_is_installed_with_pip(
    workspace: Path, tmp_path: Path, version: str, ref: str, installed: str
) -> None:
    """Checked without the network: a stub pip records what the install step asks for. With no
    ``version`` input, persona-lint is installed from the action's own checkout (its ref)."""
    stub = tmp_path / "stub-bin"
    stub.mkdir()
    (stub / "python3").write_text(
        '#!/bin/bash\n# stands in for "python3 -m venv DIR": makes DIR/bin/pip a recorder\n'
        'mkdir -p "$3/bin"; printf \'#!/bin/bash\\necho "pip $*" >> "%s"\\n\' "$RUNNER_TEMP/pip.log" > "$3/bin/pip"\n'
        'chmod +x "$3/bin/pip"\n'
    )
    (stub / "python3").chmod(0o755)
    step = next(step for step in ACTION["runs"]["steps"] if step["name"] == "Install persona-lint")
    temp = tmp_path / "runner-temp"
    temp.mkdir(exist_ok=True)
    env = {"PATH": f"{stub}{os.pathsep}/usr/bin{os.pathsep}/bin", "RUNNER_TEMP": str(temp),
           "GITHUB_PATH": str(temp / "path.txt"), "PERSONA_LINT_VERSION": version,
           "PERSONA_LINT_ACTION_REF": ref, "PERSONA_LINT_ACTION_PATH": str(REPO)}
    done = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=workspace, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert (temp / "pip.log").read_text().split()[-1] == installed
    assert (temp / "path.txt").read_text().strip() == f"{temp}/persona-lint-venv/bin"
