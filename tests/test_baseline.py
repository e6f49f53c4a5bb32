"""The baseline: write it, only new findings fail, fixed ones are reported stale, lines may move."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import cli

PERSONA = """{
  "persona_name": "Coach",
  "pipeline_mode": "echo",
  "legacy_id": "x",
  "importer": 2
}
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "personas").mkdir()
    (tmp_path / "personas" / "coach.json").write_text(PERSONA)
    code, out, err = run("check", "personas", "--write-baseline", "baseline.json")
    assert code == 0 and out == "" and "wrote 2 findings to the baseline baseline.json" in err
    return tmp_path


def test_written_baseline_is_sorted_and_reviewable(repo: Path) -> None:
    document = json.loads((repo / "baseline.json").read_text())
    assert document["version"] == 1
    entries = document["entries"]
    assert [(e["path"], e["code"], e["pointer"]) for e in entries] == [
        ("personas/coach.json", "SCH001", "/importer"),
        ("personas/coach.json", "SCH001", "/legacy_id"),
    ]
    assert all(len(e["hash"]) == 16 and "unknown property" in e["message"] for e in entries)
    before = (repo / "baseline.json").read_bytes()
    run("check", "personas", "--write-baseline", "baseline.json")
    assert (repo / "baseline.json").read_bytes() == before  # stable: no diff when nothing changed


def test_baselined_findings_pass_and_are_counted(repo: Path) -> None:
    code, out, _ = run("check", "personas", "--baseline", "baseline.json", "--fail-level", "warning")
    assert code == 0
    assert out.splitlines() == ["All checks passed (1 file). 2 suppressed."]


def test_only_a_new_mistake_fails(repo: Path) -> None:
    (repo / "personas" / "new.json").write_text('{"persona_name": "N", "pipeline_mode": "ful"}\n')
    code, out, _ = run("check", "personas", "--baseline", "baseline.json")
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 3, out  # the new finding, the summary, what --fix can fix: the baselined ones stay silent
    assert lines[0].startswith("personas/new.json:1:40: error SCH004 ")
    assert lines[1] == "Found 1 problem (1 error) in 1 of 2 files. 2 suppressed."
    assert lines[2] == "1 fixable with --fix --unsafe-fixes."


def test_fixing_a_baselined_finding_reports_its_entry_stale_without_failing(repo: Path) -> None:
    coach = repo / "personas" / "coach.json"
    coach.write_text(PERSONA.replace('  "legacy_id": "x",\n', ""))
    code, out, _ = run("check", "personas", "--baseline", "baseline.json", "--fail-level", "info")
    assert code == 0, out
    lines = out.splitlines()
    assert len(lines) == 2
    assert " info SUP002 the baseline entry for SCH001 at /legacy_id matches no finding any more" in lines[0]
    assert lines[1] == "Found 1 problem (1 info) in 1 of 1 file. 1 suppressed."


def test_moving_lines_and_reformatting_keep_entries_matched(repo: Path) -> None:
    coach = repo / "personas" / "coach.json"
    value = json.loads(PERSONA)
    reordered = {"importer": 2, "persona_name": "Coach", "legacy_id": "x", "pipeline_mode": "echo"}
    assert reordered == value
    coach.write_text("\n\n" + json.dumps(reordered, indent=8) + "\n")
    code, out, _ = run("check", "personas", "--baseline", "baseline.json", "--fail-level", "info")
    assert (code, out.splitlines()) == (0, ["All checks passed (1 file). 2 suppressed."])


def test_a_changed_value_is_a_new_finding(repo: Path) -> None:
    coach = repo / "personas" / "coach.json"
    coach.write_text(PERSONA.replace('"pipeline_mode": "echo"', '"pipeline_mode": "ful"'))
    code, out, _ = run("check", "personas", "--baseline", "baseline.json")
    assert code == 1 and "SCH004" in out


def test_config_baseline_key_applies_without_the_flag(repo: Path) -> None:
    (repo / ".persona-lint.toml").write_text('baseline = "baseline.json"\n')
    code, out, _ = run("check", "personas", "--fail-level", "warning")
    assert (code, out.splitlines()) == (0, ["All checks passed (1 file). 2 suppressed."])


def test_secrets_are_never_baselined(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.json").write_text(
        '{"persona_name": "A", "pipeline_mode": "full", "system_prompt": "Be brief.", "layers": {"llm": '
        '{"model": "m", "base_url": "https://api.example.com/v1",'
        ' "api_key": "gsk_4fR8kT2mQ9xW7vB3nL6pY1sD5hJ0cZ8aE2uI4oK7"}}}'
    )
    run("check", "p.json", "--write-baseline", "b.json")
    assert "SEC" not in (tmp_path / "b.json").read_text()
    code, out, _ = run("check", "p.json", "--baseline", "b.json")
    assert code == 1 and "SEC001" in out


@pytest.mark.parametrize(
    ("content", "needle"),
    [(None, "cannot read"), ("{", "not a persona-lint baseline"), ('{"version": 9}', "version 1 expected"),
     ('{"version": 1, "entries": [{"path": 1}]}', "entries[0] needs the strings")],
)
def test_a_missing_or_broken_baseline_is_exit_2(tmp_path: Path, content: str | None, needle: str) -> None:
    (tmp_path / "p.json").write_text('{"persona_name": "A", "pipeline_mode": "echo"}')
    if content is not None:
        (tmp_path / "b.json").write_text(content)
    code, _, err = run("check", str(tmp_path / "p.json"), "--baseline", str(tmp_path / "b.json"))
    assert code == 2 and "b.json" in err and needle in err


def test_baseline_and_suppressions_work_with_worker_processes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from linter.run.parallel import THRESHOLD

    monkeypatch.chdir(tmp_path)
    (tmp_path / "personas").mkdir()
    count = THRESHOLD + 2
    for number in range(count):
        (tmp_path / "personas" / f"p{number:03}.json").write_text(PERSONA)
    run("check", "personas", "--write-baseline", "b.json", "-j", "2")
    assert len(json.loads((tmp_path / "b.json").read_text())["entries"]) == 2 * count
    code, out, _ = run("check", "personas", "--baseline", "b.json", "-j", "2", "--fail-level", "warning")
    assert (code, out.splitlines()) == (0, [f"All checks passed ({count} files). {2 * count} suppressed."])


def test_a_file_broken_since_is_not_called_stale(repo: Path) -> None:
    (repo / "personas" / "coach.json").write_text(PERSONA.replace('"importer": 2', '"importer": 2,'))
    code, out, _ = run("check", "personas", "--baseline", "baseline.json")
    assert code == 1 and "SYN001" in out and "SUP002" not in out


def test_a_broken_file_is_never_recorded(repo: Path) -> None:
    (repo / "personas" / "coach.json").write_text(PERSONA.replace('"importer": 2', '"importer": 2,'))
    assert run("check", "personas", "--write-baseline", "broken.json")[0] == 0
    assert "SYN001" not in (repo / "broken.json").read_text()
    code, out, _ = run("check", "personas", "--baseline", "broken.json")
    assert code == 1 and "SYN001" in out


def test_rewriting_in_place_keeps_every_current_finding(repo: Path) -> None:
    (repo / ".persona-lint.toml").write_text('baseline = "baseline.json"\n')
    before = (repo / "baseline.json").read_text()
    code, _, _ = run("check", "personas", "--baseline", "baseline.json", "--write-baseline", "baseline.json")
    assert code == 0 and (repo / "baseline.json").read_text() == before


def test_a_missing_configured_baseline_names_the_configuration_key(tmp_path: Path) -> None:
    (tmp_path / ".persona-lint.toml").write_text('baseline = "nowhere.json"\n')
    (tmp_path / "p.json").write_text('{"persona_name": "A", "pipeline_mode": "echo"}')
    code, _, err = run("check", str(tmp_path / "p.json"))
    assert code == 2
    assert err.startswith(f"persona-lint: error: {tmp_path / '.persona-lint.toml'}: key 'baseline': baseline ")
    assert "nowhere.json: cannot read" in err
