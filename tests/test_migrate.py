"""`persona-lint migrate`: one declared step per revision boundary, made with span edits."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonpatch
import pytest
from click.testing import CliRunner

from linter import lint_patch, lint_text, migrate_text
from linter.cli import cli
from linter.diagnostic import Severity
from linter.document.source import parse
from linter.fix.migrate import MigrationError, path
from linter.schemas.association import choose_revision
from linter.tavus import revisions
from linter.tavus.migrations import steps

REPO = Path(__file__).resolve().parent.parent


def _cases() -> list[pytest.ParameterSet]:
    """Every persona in the tests and examples with its revision, and each newer target it can move to."""
    found: list[tuple[Path, str]] = []
    for file in sorted(REPO.glob("tests/rules/*/valid/*")) + sorted((REPO / "examples").glob("*.*")):
        if file.is_file() and not file.is_symlink():
            document = parse(str(file), file.read_bytes())
            if isinstance(document.value, dict) and not document.problems:
                found.append((file, choose_revision(document, None, None)))
    docs = REPO / "tests" / "data" / "tavus-docs"
    found += [(docs / e["file"], e["revision"]) for e in json.loads((docs / "manifest.json").read_text())]
    cases = []
    for file, source in found:
        for target in sorted({"2026-06", revisions.DEFAULT, revisions.PAL_DEFAULT}):
            try:
                if path(source, target):
                    cases.append(pytest.param(file, source, target, id=f"{file.relative_to(REPO)}:{target}"))
            except MigrationError:
                continue  # a PAL body does not become a persona; nothing migrates backwards
    return cases


CASES = _cases()

def _text(file: Path) -> str:
    """The file's text as persona-lint reads it (a byte order mark is not part of it)."""
    return parse(file.name, file.read_bytes()).text


def _expected_decisions(value: dict[str, Any], migrated: dict[str, Any], source: str, target: str) -> set[str]:
    """What a person must decide for this body, and why: the cases no documented equivalent covers."""
    crossing = path(source, target)
    layers = value.get("layers") if isinstance(value.get("layers"), dict) else {}
    migrated_layers = migrated.get("layers") if isinstance(migrated.get("layers"), dict) else {}
    flow = migrated_layers.get("conversational_flow")
    flow = flow if isinstance(flow, dict) else {}
    tts = layers.get("tts") if isinstance(layers.get("tts"), dict) else {}
    expected = set()
    if "2025-03" in crossing and value.get("pipeline_mode") == "speech-to-speech":
        expected.add("the speech-to-speech mode is no longer documented")  # no equivalent mode
    if "2026-02" in crossing and tts.get("tts_engine") == "playht":
        expected.add("PlayHT was removed on 2026-01-08")  # no equivalent voice
    if revisions.BY_NAME[target].kind == "pal" and not {"default_replica_id", "default_face_id"} & value.keys():
        expected.add("a PAL needs default_face_id")  # only the owner knows the face
    if revisions.BY_NAME[target].kind == "pal" and flow.get("turn_detection_model") in ("sparrow-0", "time-based",
                                                                                          "timebased"):
        expected.add("PALs document only sparrow-1")
    return expected


def _errors(text: str, name: str, revision: str) -> list[tuple[str, str]]:
    return [(d.code, d.pointer) for d in lint_text(text, name, schema_version=revision) if d.severity is Severity.ERROR]


def test_there_is_a_corpus_of_older_personas() -> None:
    assert len(CASES) > 200
    assert {source for _, source, _ in (c.values for c in CASES)} >= {"2024-10", "2025-03", "2025-08", "2025-12"}


@pytest.mark.parametrize(("file", "source", "target"), CASES)
def test_every_older_persona_migrates_without_a_new_error(file: Path, source: str, target: str) -> None:
    text = _text(file)
    outcome = migrate_text(text, file.name, to=target, source=source)
    before = set(_errors(text, file.name, source))
    decided = [d.pointer for d in outcome.decisions]
    new = [e for e in _errors(outcome.text, file.name, target) if e not in before
           and not any(e[1].startswith(p) for p in decided)]
    assert not new, f"errors the migration left without a decision: {new}"
    expected = _expected_decisions(parse(file.name, file.read_bytes()).value, outcome.value, source, target)
    reported = {reason for reason in expected for d in outcome.decisions if d.message.startswith(reason)}
    assert len(outcome.decisions) == len(reported) and reported == expected, outcome.decisions


@pytest.mark.parametrize(("file", "source", "target"), CASES)
def test_migrating_twice_changes_nothing(file: Path, source: str, target: str) -> None:
    once = migrate_text(_text(file), file.name, to=target, source=source)
    again = migrate_text(once.text, file.name, to=target, source=target)
    assert again.text == once.text and not again.changes


@pytest.mark.parametrize(("file", "source", "target"), [c for c in CASES if c.values[0].suffix == ".json"])
def test_the_emitted_patch_gives_exactly_the_migrated_document(file: Path, source: str, target: str) -> None:
    text = _text(file)
    original = json.loads(text)
    outcome = migrate_text(text, file.name, to=target, source=source)
    patch = outcome.patch(original)
    without = {k: v for k, v in original.items() if k != "$schema"}
    migrated = {k: v for k, v in json.loads(outcome.text).items() if k != "$schema"}
    assert jsonpatch.apply_patch(without, patch) == migrated
    if patch:  # what is emitted is a PATCH body persona-lint itself accepts as one
        findings = lint_patch(json.dumps(patch), "migration.patch.json", schema_version=target)
        assert not [d for d in findings if d.code.startswith("PATCH") and d.severity is Severity.ERROR]


def test_every_revision_but_the_oldest_has_a_step() -> None:
    oldest = min(revisions.REVISIONS, key=lambda r: r.date).name
    assert set(steps()) == set(revisions.NAMES) - {oldest}
    for step in steps().values():
        for change in step.changes:
            assert change.source.startswith("https://docs.tavus.io/"), change


def test_the_migration_path_goes_one_boundary_at_a_time() -> None:
    assert path("2025-03", "2025-12") == ["2025-08", "2025-12"]
    assert path("2026-03", revisions.PAL_DEFAULT)[-1] == revisions.PAL_DEFAULT
    assert path("2026-06", "2026-06") == []
    with pytest.raises(MigrationError, match="forward only"):
        path("2026-06", "2025-03")
    with pytest.raises(MigrationError, match="unknown revision"):
        path("bogus", "2026-06")


SPARROW_0 = {
    "persona_name": "Desk",
    "system_prompt": "Help.",
    "context": "Opens at 9.",
    "layers": {
        "llm": {"model": "tavus-llama-4"},
        "stt": {"stt_engine": "tavus-turbo", "participant_pause_sensitivity": "high",
                "participant_interrupt_sensitivity": "verylow", "smart_turn_detection": True},
        "perception": {"perception_model": "basic", "ambient_awareness_queries": ["Is a badge shown?"]},
    },
}


def test_the_documented_mappings() -> None:
    outcome = migrate_text(json.dumps(SPARROW_0, indent=2), "p.json", to="2026-06", source="2025-08")
    value: Any = json.loads(outcome.text)
    assert value["system_prompt"] == "Help.\n\nOpens at 9." and "context" not in value
    assert value["layers"]["llm"]["model"] == "tavus-gpt-oss"
    assert value["layers"]["stt"] == {"stt_engine": "tavus-parakeet"}
    assert value["layers"]["conversational_flow"] == {  # Sparrow-0's scales run the other way
        "turn_taking_patience": "low", "replica_interruptibility": "high", "turn_detection_model": "sparrow-1",
    }
    perception = {"perception_model": "raven-1", "visual_awareness_queries": ["Is a badge shown?"]}
    assert value["layers"]["perception"] == perception
    assert outcome.changes[0].revision == "2025-12"
    assert not outcome.decisions


def test_a_persona_becomes_a_pal() -> None:
    body = {"persona_name": "Coach", "default_replica_id": "r1", "system_prompt": "x",
            "layers": {"conversational_flow": {"replica_interruptibility": "low"}}}
    value = json.loads(migrate_text(json.dumps(body), "p.json", to="pal-2026-06", source="2026-06").text)
    assert value == {"pal_name": "Coach", "default_face_id": "r1", "system_prompt": "x",
                     "layers": {"conversational_flow": {"pal_interruptibility": "low"}}}
    missing = migrate_text('{"persona_name": "Coach", "system_prompt": "x"}', "p.json", to="pal-2026-06")
    assert [d.pointer for d in missing.decisions] == [""] and "default_face_id" in missing.decisions[0].message


def test_both_names_set_is_a_decision_not_a_guess() -> None:
    body = {"persona_name": "A", "system_prompt": "x", "layers": {"perception": {
        "perception_tool_prompt": "old", "visual_tool_prompt": "new"}}}
    outcome = migrate_text(json.dumps(body), "p.json", to="2026-02", source="2025-12")
    assert json.loads(outcome.text) == body
    assert [d.pointer for d in outcome.decisions] == ["/layers/perception/perception_tool_prompt"]


YAML = """\
# yaml-language-server: $schema=https://raw.githubusercontent.com/persona-lint/persona-lint/main/schemas/2025-03/persona.schema.json
persona_name: Old   # shown in the UI
system_prompt: Help.
layers:
  stt:
    stt_engine: tavus-advanced  # the engine
    participant_pause_sensitivity: high
  vqa:
    enabled: true
"""


def test_yaml_keeps_comments_and_names_the_new_revision(tmp_path: Path) -> None:
    file = tmp_path / "p.yaml"
    file.write_text(YAML.replace("2025-03", "2024-10"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["migrate", str(file)])
    assert result.exit_code == 0, result.output
    migrated = file.read_text(encoding="utf-8")
    assert migrated == (
        "# yaml-language-server: $schema=https://raw.githubusercontent.com/persona-lint/persona-lint/main/schemas/"
        f"{revisions.DEFAULT}/persona.schema.json\n"
        "persona_name: Old   # shown in the UI\n"
        "system_prompt: Help.\n"
        "layers:\n"
        "  stt:\n"
        "    stt_engine: tavus-advanced  # the engine\n"
        "  perception:\n"
        "    perception_model: raven-0\n"
        "  conversational_flow:\n"
        "    turn_taking_patience: low\n"
    )
    assert f"migrated 2024-10 -> {revisions.DEFAULT}" in result.output
    again = CliRunner().invoke(cli, ["migrate", str(file)])
    assert again.exit_code == 0 and file.read_text(encoding="utf-8") == migrated
    assert "Migrated 0 of 1 file." in again.output


def test_diff_and_emit_patch_write_nothing(tmp_path: Path) -> None:
    file = tmp_path / "p.json"
    text = json.dumps(SPARROW_0, indent=2) + "\n"
    file.write_text(text, encoding="utf-8")
    diff = CliRunner().invoke(cli, ["migrate", "--from", "2025-08", "--diff", str(file)])
    assert diff.exit_code == 1 and diff.stdout.startswith(f"--- {file}\n+++ {file}\n")
    assert '-      "model": "tavus-llama-4"' in diff.stdout and '+      "model": "tavus-gpt-oss"' in diff.stdout
    emitted = CliRunner().invoke(cli, ["migrate", "--from", "2025-08", "--emit-patch", str(file)])
    assert emitted.exit_code == 0
    patch = json.loads(emitted.stdout)
    assert {"op": "replace", "path": "/layers/llm/model", "value": "tavus-gpt-oss"} in patch
    assert file.read_text(encoding="utf-8") == text


def test_usage_errors_and_files_that_cannot_migrate(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text('{"persona_name": "A", "system_prompt": "x"}', encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"persona_name": ', encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["migrate"]).exit_code == 2
    assert runner.invoke(cli, ["migrate", "--diff", "--emit-patch", str(tmp_path / "a.json")]).exit_code == 2
    assert runner.invoke(cli, ["migrate", "--emit-patch", str(tmp_path)]).exit_code == 2
    broken = runner.invoke(cli, ["migrate", str(tmp_path / "broken.json")])
    assert broken.exit_code == 1 and "does not parse as a persona" in broken.stderr
    backwards = runner.invoke(cli, ["migrate", "--from", "2026-06", "--to", "2025-03", str(tmp_path / "a.json")])
    assert backwards.exit_code == 1 and "forward only" in backwards.stderr


def test_what_needs_a_person_is_reported_with_its_position(tmp_path: Path) -> None:
    file = tmp_path / "p.json"
    body = '{\n  "persona_name": "A",\n  "system_prompt": "x",\n  "layers": {"tts": {"tts_engine": "playht"}}\n}\n'
    file.write_text(body, encoding="utf-8")
    result = CliRunner().invoke(cli, ["migrate", "--from", "2025-08", str(file)])
    assert result.exit_code == 1
    assert f"{file}:4:22: warning MIG001 PlayHT was removed on 2026-01-08" in result.output
    assert "at the step to 2026-02" in result.output and "need" in result.output.splitlines()[-1]


def test_migrate_text_rejects_what_does_not_parse() -> None:
    with pytest.raises(MigrationError):
        migrate_text("[1, 2]", "p.json", to="2026-06")
    with pytest.raises(MigrationError, match="unknown revision"):
        migrate_text("{}", "p.json", to="2099-01")
