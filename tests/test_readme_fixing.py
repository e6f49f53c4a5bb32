"""The README's "Fixing and migrating" section: its example runs as shown, its promises hold."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import cli
from linter.diagnostic import START_OF_FILE, Diagnostic, Fix, ReplaceValue, Severity, Span
from linter.document.source import parse
from linter.engine.registry import all_rules
from linter.engine.ruledocs import page
from linter.fix.apply import MAX_ROUNDS, fix_document

REPO = Path(__file__).resolve().parent.parent
SECTION = (REPO / "README.md").read_text(encoding="utf-8").split("## Fixing and migrating", 1)[1].split("\n## ", 1)[0]


def _session() -> list[tuple[str, list[str]]]:
    """The example's commands (after `$ `) and the lines each printed."""
    block = SECTION.split("```sh\n", 1)[1].split("```", 1)[0]
    steps: list[tuple[str, list[str]]] = []
    for line in block.rstrip("\n").split("\n"):
        if line.startswith("$ "):
            steps.append((line[2:], []))
        else:
            steps[-1][1].append(line)
    return steps


def test_the_example_session_runs_as_shown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    steps = _session()
    assert [command for command, _ in steps] == [
        "cat coach.json", "persona-lint check coach.json", "persona-lint check --fix coach.json", "cat coach.json",
    ]
    (tmp_path / "coach.json").write_text("\n".join(steps[0][1]) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for command, printed in steps[1:3]:
        result = CliRunner().invoke(cli, command.split()[1:])
        assert result.stdout.splitlines() == printed, command
    assert (tmp_path / "coach.json").read_text(encoding="utf-8").splitlines() == steps[3][1]


def test_rule_pages_and_the_rules_command_say_which_fix_a_rule_has() -> None:
    for rule in all_rules():
        assert f"- Fix: {rule.fix or 'none'}\n" in page(rule)
    listed = CliRunner().invoke(cli, ["rules"]).stdout
    assert re.search(r"^PIPE008 .* \[\*\] ", listed, re.MULTILINE)  # safe
    assert re.search(r"^LLM002 .* \[!\] ", listed, re.MULTILINE)  # unsafe only
    assert re.search(r"^TOOL004 +duplicate-tool-name +error +`?[A-Z]", listed, re.MULTILINE)  # none


def test_a_fix_that_would_add_an_error_is_refused_and_its_finding_says_why(tmp_path: Path) -> None:
    file = tmp_path / "p.json"
    text = (
        '{"persona_name": "x", "system_prompt": "y",\n'
        ' "layers": {"tts": {"tts_engin": "cartesia", "tts_engine": "elevenlabs"}}}\n'
    )
    file.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--fix", "--unsafe-fixes", str(file)])
    assert file.read_text(encoding="utf-8") == text  # the rename would make a duplicate key
    assert "SCH001 unknown property 'tts_engin'" in result.stdout
    assert "not fixed: it would add an error-level finding" in result.stdout


def test_fixing_stops_after_ten_rounds() -> None:
    document = parse("p.json", b'{"n": 0}')
    rounds = []

    def endless(d: object) -> list[Diagnostic]:  # a rule whose fix always finds more to do
        value = json.loads(d.text)  # type: ignore[attr-defined]
        rounds.append(value["n"])
        fix = Fix("count", "safe", (ReplaceValue("/n", value["n"] + 1),))
        return [Diagnostic("p.json", START_OF_FILE, "PIPE008", "x", Severity.WARNING, "m", "/n", None, fix)]

    outcome = fix_document(document, endless)
    assert MAX_ROUNDS == 10 and len(outcome.applied) == 10 and json.loads(outcome.text) == {"n": 10}
    assert isinstance(START_OF_FILE, Span)


def test_utf16_files_are_left_alone(tmp_path: Path) -> None:
    file = tmp_path / "p.json"
    data = '{"persona_name": "x", "system_prompt": "y", "layers": {"tts": {"tts_emotion_control": "false"}}}'
    file.write_bytes(b"\xff\xfe" + data.encode("utf-16-le"))
    result = CliRunner().invoke(cli, ["check", "--fix", "--show-fixes", str(file)])
    assert file.read_bytes() == b"\xff\xfe" + data.encode("utf-16-le")
    assert "persona-lint only fixes UTF-8 files" in result.stdout


def test_a_secret_in_clear_has_no_fix() -> None:
    from fixtures import RULES_DIR, fixture_files, lint_fixture

    seen = 0
    for folder in RULES_DIR.glob("SEC*"):
        for path in fixture_files(folder / "invalid"):
            for d in lint_fixture(path).diagnostics:
                if d.code.startswith("SEC"):
                    seen += 1
                    assert d.fix is None
    assert seen > 5


def test_migrate_updates_a_json_schema_key(tmp_path: Path) -> None:
    file = tmp_path / "p.json"
    old = "https://raw.githubusercontent.com/persona-lint/persona-lint/main/schemas/2025-12/persona.schema.json"
    file.write_text(json.dumps({"$schema": old, "persona_name": "A", "system_prompt": "x"}), encoding="utf-8")
    CliRunner().invoke(cli, ["migrate", "--to", "2026-06", str(file)])
    assert json.loads(file.read_text(encoding="utf-8"))["$schema"] == old.replace("2025-12", "2026-06")


def test_the_upgrade_recipe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    persona = json.loads((REPO / "tests/data/tavus-docs/create-persona-life-coach-raven0-2025.json").read_text())
    (tmp_path / "persona.json").write_text(json.dumps(persona, indent=2), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    migrate = ["migrate", "--from", "2025-03", "--to", "2026-06", "--emit-patch", "persona.json"]
    emitted = CliRunner().invoke(cli, migrate)
    (tmp_path / "upgrade.patch.json").write_text(emitted.stdout, encoding="utf-8")
    checked = CliRunner().invoke(cli, ["check", "--format", "json", "--base", "persona.json", "upgrade.patch.json"])
    findings = json.loads(checked.stdout)["findings"]
    assert not [f for f in findings if f["code"].startswith("PATCH")]
    assert all(f["path"] == "persona.json" for f in findings if f["severity"] == "error")  # the docs' own mistakes
