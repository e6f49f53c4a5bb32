"""``--output-file`` never loses a file: not an input, not a device, not a link."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import cli
from linter.util.atomic import write_text

PERSONA = '{"persona_name": "A", "pipeline_mode": "ecko"}\n'


def test_output_file_that_is_the_input_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("p.json").write_text(PERSONA)
    result = CliRunner().invoke(cli, ["check", "--format", "json", "--output-file", "p.json", "p.json"])
    assert result.exit_code == 2
    assert "is an input file" in result.output
    assert Path("p.json").read_text() == PERSONA


def test_output_file_that_is_the_input_is_refused_before_fix_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    fixable = '{"persona_name": "A", "system_prompt": "x", "layers": {"tts": {"tts_emotion_control": "false"}}}\n'
    Path("p.json").write_text(fixable)
    result = CliRunner().invoke(cli, ["check", "--fix", "--format", "json", "--output-file", "p.json", "p.json"])
    assert result.exit_code == 2 and "is an input file" in result.output
    assert Path("p.json").read_text() == fixable  # neither fixed nor replaced by the report


def test_output_file_reaching_an_input_through_a_link_or_a_directory_is_refused(tmp_path: Path) -> None:
    (tmp_path / "personas").mkdir()
    persona = tmp_path / "personas" / "p.json"
    persona.write_text(PERSONA)
    (tmp_path / "link.json").symlink_to(persona)
    for output in (tmp_path / "link.json", tmp_path / "personas" / ".." / "personas" / "p.json"):
        result = CliRunner().invoke(cli, ["check", "--format", "json", "--output-file", str(output),
                                          str(tmp_path / "personas")])
        assert result.exit_code == 2, result.output
        assert persona.read_text() == PERSONA
    assert (tmp_path / "link.json").is_symlink()


def test_output_file_through_a_symlink_replaces_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    (tmp_path / "p.json").write_text(PERSONA)
    report = tmp_path / "reports" / "report.json"
    report.parent.mkdir()
    report.write_text("old")
    link = tmp_path / "latest.json"
    link.symlink_to(report)
    args = ["check", "--format", "json", "--output-file", str(link), str(tmp_path / "p.json")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert link.is_symlink() and link.resolve() == report.resolve()
    assert json.loads(report.read_text())["summary"]["errors"] == 1


def test_a_fifo_is_written_to_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()))
    reader.start()
    write_text(fifo, "the report\n")
    reader.join(10)
    assert received == ["the report\n"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_dev_null_is_written_to_not_replaced(tmp_path: Path) -> None:
    (tmp_path / "p.json").write_text(PERSONA)
    before = os.stat("/dev/null")
    args = ["check", "--format", "sarif", "--output-file", "/dev/null", str(tmp_path / "p.json")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    assert not list(Path("/dev").glob(".null.*.tmp"))


def test_a_link_to_a_device_is_written_through(tmp_path: Path) -> None:
    link = tmp_path / "out"
    link.symlink_to("/dev/null")
    write_text(link, "x")
    assert link.is_symlink() and not list(tmp_path.glob(".*.tmp"))
