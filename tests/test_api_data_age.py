"""How old persona-lint's API data is: ``versions``, the report lines, the stale-data notice."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import cli
from linter.run import age, runner
from linter.run.model import Request
from linter.run.runner import run
from linter.tavus.evidence import data_date, newest_date

UNKNOWN_MODEL = json.dumps(
    {"persona_name": "Coach", "system_prompt": "Coach.", "layers": {"perception": {"perception_model": "raven-3"}}}
) + "\n"
CLEAN = '{"persona_name": "Coach", "system_prompt": "You coach runners."}\n'
NEWEST = age.newest_data()
YEAR, MONTH = (int(part) for part in NEWEST.split("-"))
SIX_MONTHS_LATER = date(YEAR + (MONTH + 6 - 1) // 12, (MONTH + 6 - 1) % 12 + 1, 28)
SEVEN_MONTHS_LATER = date(YEAR + (MONTH + 7 - 1) // 12, (MONTH + 7 - 1) % 12 + 1, 1)


@pytest.fixture
def notice_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(age.ENV_IGNORE, raising=False)


def test_each_revision_has_a_data_date_the_newest_from_its_evidence() -> None:
    assert data_date("2026-09") == newest_date("persona") == "2026-10"
    assert data_date("pal-2026-09") == newest_date("pal") == "2026-10"
    assert data_date("2026-06") == "2026-06" and data_date("2024-10") == "2024-10"


def test_versions_prints_each_revisions_data_date() -> None:
    lines = CliRunner().invoke(cli, ["versions"]).stdout.splitlines()
    by_name = {line.split()[0]: line for line in lines}
    assert "data from 2026-10" in by_name["2026-09"] and "data from 2026-10" in by_name["pal-2026-09"]
    assert "data from 2026-06" in by_name["2026-06"] and "data from 2025-12" in by_name["2025-12"]


def test_months_between() -> None:
    assert age.months_between("2026-10", date(2027, 4, 30)) == 6
    assert age.months_between("2026-10", date(2027, 5, 1)) == 7
    assert age.months_between("2026-10", date(2026, 10, 31)) == 0


@pytest.mark.usefixtures("notice_on")
def test_the_notice_appears_only_after_six_months(tmp_path: Path) -> None:
    persona = tmp_path / "p.json"
    persona.write_text(CLEAN)
    assert run(Request(paths=(str(persona),), today=SIX_MONTHS_LATER)).notices == ()
    [notice] = run(Request(paths=(str(persona),), today=SEVEN_MONTHS_LATER)).notices
    assert f"data of the Tavus API is from {NEWEST}" in notice and "update persona-lint" in notice
    assert "ignore-old-data" in notice and age.ENV_IGNORE in notice


@pytest.mark.usefixtures("notice_on")
def test_the_configuration_key_turns_the_notice_off(tmp_path: Path) -> None:
    (tmp_path / ".persona-lint.toml").write_text("ignore-old-data = true\n")
    persona = tmp_path / "p.json"
    persona.write_text(CLEAN)
    assert run(Request(paths=(str(persona),), today=SEVEN_MONTHS_LATER)).notices == ()


@pytest.mark.usefixtures("notice_on")
def test_the_environment_variable_turns_the_notice_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    persona = tmp_path / "p.json"
    persona.write_text(CLEAN)
    monkeypatch.setenv(age.ENV_IGNORE, "1")
    assert run(Request(paths=(str(persona),), today=SEVEN_MONTHS_LATER)).notices == ()


def test_a_bad_configuration_value_is_refused(tmp_path: Path) -> None:
    (tmp_path / ".persona-lint.toml").write_text('ignore-old-data = "yes"\n')
    persona = tmp_path / "p.json"
    persona.write_text(CLEAN)
    result = CliRunner().invoke(cli, ["check", str(persona)])
    assert result.exit_code == 2 and "ignore-old-data must be true or false" in result.stderr


@pytest.mark.usefixtures("notice_on")
def test_check_prints_one_line_on_standard_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Later(date):
        @classmethod
        def today(cls) -> Later:
            return cls(SEVEN_MONTHS_LATER.year, SEVEN_MONTHS_LATER.month, SEVEN_MONTHS_LATER.day)

    monkeypatch.setattr(runner, "date", Later)
    for name in ("a.json", "b.json"):
        (tmp_path / name).write_text(CLEAN)
    result = CliRunner().invoke(cli, ["check", "-j1", str(tmp_path)])
    assert result.exit_code == 0
    assert len(result.stderr.splitlines()) == 1 and "update persona-lint" in result.stderr
    assert "update" not in result.stdout


def test_text_report_names_revision_and_data_date_for_open_vocabulary_findings(tmp_path: Path) -> None:
    (tmp_path / "unknown.json").write_text(UNKNOWN_MODEL)
    (tmp_path / "clean.json").write_text(CLEAN)
    out = CliRunner().invoke(cli, ["check", "-j1", "--no-show-source", str(tmp_path)]).stdout
    line = f"{tmp_path / 'unknown.json'}: checked against revision 2026-09; persona-lint's data of it is from 2026-10"
    assert line in out.splitlines()
    assert "clean.json: checked" not in out


def test_json_report_has_an_api_data_field(tmp_path: Path) -> None:
    (tmp_path / "unknown.json").write_text(UNKNOWN_MODEL)
    (tmp_path / "clean.json").write_text(CLEAN)
    document = json.loads(CliRunner().invoke(cli, ["check", "-j1", "--format", "json", str(tmp_path)]).stdout)
    assert document["api_data"] == [
        {"path": str(tmp_path / "unknown.json"), "revision": "2026-09", "data_date": "2026-10"}
    ]
    assert [f["code"] for f in document["findings"]] == ["SCH011"]


def test_workers_carry_the_api_data(tmp_path: Path) -> None:
    for index in range(3):
        (tmp_path / f"u{index}.json").write_text(UNKNOWN_MODEL)
    result = run(Request(paths=(str(tmp_path),), jobs=2))
    assert {used.revision for used in result.api_data.values()} == {"2026-09"} and len(result.api_data) == 3
