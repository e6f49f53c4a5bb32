"""The pre-commit hook: its file pattern, and the real `pre-commit` running it in a git repository.

The end-to-end test uses a `repo: local` hook with `language: system` whose `entry` is this
interpreter's persona-lint: it copies `files` and `types_or` from `.pre-commit-hooks.yaml`, so
the published pattern is what runs. `language: python` (what users get through `repo:` or
`try-repo`) would make pre-commit pip-install this checkout into a fresh environment, which
needs the build backend (hatchling) from a package index; the test stays offline instead.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
HOOKS = REPO / ".pre-commit-hooks.yaml"
GOOD = '{"persona_name": "Echo", "pipeline_mode": "echo"}\n'
BAD = '{\n  "persona_name": "Coach",\n  "pipeline_mode": "ful"\n}\n'

MATCH = [
    "persona.json", "persona.yaml", "persona.yml", "Persona.json", "persona_config.json",
    "configs/persona/coach.json", "personas/a.yaml", "personas/team/b.yml", "pals/p.json", "pal/p.json",
    "create_persona.json", "setup_persona.json", "sales-persona.json", "tavus_persona_payload.json",
    "src/personas.json", "coach.persona.json", "coach.persona.yaml", "coach.pal.json",
    "pal.json", "echo-pal.json", "conversation-coach-pal.json", "pal_config.yaml", "palBody.json",
]
NO_MATCH = [
    "package.json", "tsconfig.json", ".pre-commit-config.yaml", "personal.json", "personality/traits.json",
    "palette.json", "principal.yaml", "paleo.json", "opal.json", "apal.json", "docs/persona.md",
    "presets/layers/llm/x.json", "data/pipeline.json", "persona.txt", "personal/notes.json",
]


def hook() -> dict[str, Any]:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    [found] = [h for h in hooks if h["id"] == "persona-lint"]
    assert isinstance(found, dict)
    return found


def test_hook_definition() -> None:
    found = hook()
    assert found["language"] == "python"
    assert found["entry"] == "persona-lint check"
    assert found["types_or"] == ["json", "yaml"]


@pytest.mark.parametrize("path", MATCH)
def test_pattern_matches_persona_files(path: str) -> None:
    assert re.search(hook()["files"], path), path


@pytest.mark.parametrize("path", NO_MATCH)
def test_pattern_leaves_other_files(path: str) -> None:
    assert not re.search(hook()["files"], path), path


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.slow
def test_real_pre_commit_passes_good_and_fails_bad(tmp_path: Path) -> None:
    pytest.importorskip("pre_commit")
    repo = tmp_path / "repo"
    (repo / "personas").mkdir(parents=True)
    published = hook()
    local = {
        "id": published["id"], "name": published["name"], "files": published["files"],
        "types_or": published["types_or"], "language": "system",
        "entry": f"{shlex.quote(sys.executable)} -m linter check",
    }
    (repo / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump({"repos": [{"repo": "local", "hooks": [local]}]}), encoding="utf-8"
    )
    (repo / "personas" / "coach.json").write_text(GOOD)
    (repo / "package.json").write_text('{"name": "not-a-persona", "version": "1.0.0"}\n')
    git(repo, "init", "-q")
    git(repo, "add", ".")
    environment = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PRE_COMMIT_COLOR": "never"}
    command = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--verbose"]

    passed = subprocess.run(command, cwd=repo, env=environment, capture_output=True, text=True, timeout=300)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "persona-lint" in passed.stdout and "Passed" in passed.stdout
    assert "All checks passed (1 file)" in passed.stdout  # package.json was not handed to the hook

    (repo / "personas" / "coach.json").write_text(BAD)
    git(repo, "add", ".")
    failed = subprocess.run(command, cwd=repo, env=environment, capture_output=True, text=True, timeout=300)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "Failed" in failed.stdout
    assert "personas/coach.json:3:20: error SCH004" in failed.stdout
