"""Suppressions and the baseline apply to JSON Patch bodies, and to the base persona's findings a
patch reports, as they do to persona files."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from linter.cli import cli

BASE_YAML = """persona_name: Front desk
pipeline_mode: echo
legacy_id: 7  # persona-lint: disable=SCH001 -- read by our importer
"""


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout


def test_a_pointer_ignore_silences_a_patch_finding_and_an_unused_one_is_reported(tmp_path: Path) -> None:
    patch = tmp_path / "ops.patch.json"
    patch.write_text(json.dumps([{"op": "replace", "path": "/persona_id", "value": "p1"}]))
    (tmp_path / ".persona-lint.toml").write_text(
        '[per-file-ignores]\n"ops.patch.json" = ["PATCH008:/0"]\n\n'
        '[[ignore-at]]\npath = "ops.patch.json"\ncode = "PATCH010"\npointer = "/0"\nreason = "reviewed"\n'
    )
    code, out = run("check", "--show-suppressed", str(patch))
    assert "PATCH008" in out and "(suppressed)" in out
    assert code == 0 and "SUP001" in out and "PATCH010 at /0" in out


def test_a_base_finding_is_silenced_by_the_base_files_own_comment(tmp_path: Path) -> None:
    base = tmp_path / "persona.yaml"
    base.write_text(BASE_YAML)
    patch = tmp_path / "ops.patch.json"
    patch.write_text(json.dumps([{"op": "replace", "path": "/persona_name", "value": "Lobby"}]))
    code, out = run("check", "--show-suppressed", "--base", str(base), str(patch), str(base))
    assert code == 0
    assert "SCH001" in out and "(suppressed: read by our importer)" in out
    assert "SUP001" not in out and out.rstrip().endswith("All checks passed (2 files). 1 suppressed.")


def test_a_patch_base_and_baseline_round_trip(tmp_path: Path) -> None:
    base = tmp_path / "persona.json"
    base.write_text(json.dumps({"persona_name": "Front desk", "pipeline_mode": "echo", "legacy_id": 7}))
    patch = tmp_path / "ops.patch.json"
    renamed = [{"op": "replace", "path": "/persona_name", "value": name} for name in ("Lobby", "Hall")]
    patch.write_text(json.dumps(renamed))
    baseline = tmp_path / "baseline.json"
    args = ("--base", str(base), str(patch))
    assert "PATCH010" in run("check", *args)[1]
    assert run("check", "--write-baseline", str(baseline), *args)[0] == 0
    recorded = {(e["path"], e["code"]) for e in json.loads(baseline.read_text())["entries"]}
    assert recorded == {("ops.patch.json", "PATCH010"), ("persona.json", "SCH001")}
    code, out = run("check", "--baseline", str(baseline), *args)
    assert code == 0 and "2 suppressed" in out and "SUP002" not in out
