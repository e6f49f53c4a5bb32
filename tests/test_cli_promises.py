"""Command-line promises: selection never hides a broken file, closed pipes, signals, usage
errors, JUnit agreeing with the exit code, the library's revision check, the README's rev."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter import lint_text
from linter.cli import cli
from linter.tavus import revisions

REPO = Path(__file__).resolve().parent.parent
BAD = '{\n  "persona_name": "Coach",\n  "pipeline_mode": "ful"\n}\n'
WARN_ONLY = '{"persona_name": "Echo", "pipeline_mode": "echo", "layers": {"tts": {"voice_id": "a"}}}\n'


def invoke(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("selection", [["--select", "SCH"], ["--ignore", "SYN"], ["--select", "TOOL003"]])
def test_selection_never_hides_an_unreadable_or_broken_file(tmp_path: Path, selection: list[str]) -> None:
    (tmp_path / "broken.json").write_text('{"persona_name": ')
    (tmp_path / "empty.yaml").write_text("")
    code, out, _ = invoke(
        "check",
        *selection,
        str(tmp_path / "nonexistent.json"),
        str(tmp_path / "broken.json"),
        str(tmp_path / "empty.yaml"),
    )
    assert code == 1
    assert "SYN008" in out and "SYN001" in out and "SYN005" in out
    assert "All checks passed" not in out


def test_a_broken_file_fails_the_run_whatever_its_configured_severity(tmp_path: Path) -> None:
    (tmp_path / ".persona-lint.toml").write_text('[severity]\nSYN = "info"\n')
    (tmp_path / "broken.json").write_text('{"persona_name": ')
    code, out, _ = invoke("check", str(tmp_path / "broken.json"))
    assert code == 1 and "error SYN001" in out


@pytest.mark.parametrize(
    "command",
    [
        ["rules"],
        ["versions"],
        ["rules", "--format", "json"],
        ["explain", "SCH001"],
        ["schema", "--bundle"],
        ["schema", "--catalog"],
        ["check", "examples"],
    ],
)
def test_every_command_takes_a_closed_pipe_quietly(command: list[str]) -> None:
    # `| head -c 1` closes the pipe early; done twice, since which write meets it varies.
    for _ in range(2):
        result = subprocess.run(
            f'{sys.executable} -m linter {" ".join(command)} | head -c 1 >/dev/null; echo "${{PIPESTATUS[0]}}"',
            shell=True,
            executable="/bin/bash",
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.stdout.strip() == "0", (command, result.stdout, result.stderr)
        assert result.stderr == "", (command, result.stderr)


def test_lint_text_rejects_an_unknown_revision_naming_the_valid_ones() -> None:
    with pytest.raises(ValueError, match="bogus") as raised:
        lint_text("{}", schema_version="bogus")
    assert all(name in str(raised.value) for name in revisions.NAMES)


def junit_failures(out: str) -> list[ET.Element]:
    return ET.fromstring(out).findall("testcase/failure")


def test_junit_says_how_many_more_errors_in_words(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text(
        '{"persona_name": "x", "pipeline_mode": "ful", "layers": {"tts": {"tts_engine": "nope"}, '
        '"stt": {"stt_engine": "nope"}}}'
    )
    # 2026-06: its engine names are closed (from 2026-09 an unknown engine is a warning, SCH011)
    _, out, _ = invoke("check", "--format", "junit", "--schema-version", "2026-06", str(tmp_path / "bad.json"))
    [failure] = junit_failures(out)
    assert re.search(r"; and \d+ more errors$", failure.get("message", "")), failure.get("message")
    assert "(and" not in failure.get("message", "")


def test_junit_failures_agree_with_the_fail_level(tmp_path: Path) -> None:
    (tmp_path / "warn.json").write_text(WARN_ONLY)
    code, out, _ = invoke("check", "--format", "junit", str(tmp_path / "warn.json"))
    assert code == 0 and junit_failures(out) == []
    code, out, _ = invoke("check", "--format", "junit", "--fail-level", "warning", str(tmp_path / "warn.json"))
    assert code == 1 and len(junit_failures(out)) == 1
    assert ET.fromstring(out).get("failures") == "1"
    output = tmp_path / "report.xml"
    code, _, _ = invoke(
        "check",
        "--format",
        "junit",
        "--fail-level",
        "warning",
        "--output-file",
        str(output),
        str(tmp_path / "warn.json"),
    )
    assert code == 1 and len(junit_failures(output.read_text())) == 1


@pytest.mark.parametrize(
    "args",
    [
        ["schema", "--catalog", "--version", "2025-12"],
        ["schema", "--catalog", "--layer", "llm"],
        ["schema", "--catalog", "--bundle"],
        ["check", "--stdin-filename", "x.json", "examples"],
    ],
)
def test_conflicting_options_are_usage_errors(args: list[str]) -> None:
    code, out, err = invoke(*args)
    assert code == 2 and out == "" and "Error" in err


def test_schema_version_alone_still_prints_the_schema() -> None:
    code, out, _ = invoke("schema", "--version", "2025-12")
    assert code == 0 and '"$id"' in out and "2025-12" in out


def start_slow_run(tmp_path: Path) -> subprocess.Popen[bytes]:
    for index in range(3000):
        (tmp_path / f"p{index}.json").write_text(BAD)
    return subprocess.Popen(
        [sys.executable, "-m", "linter", "check", "-j", "2", "--format", "json", str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc")
@pytest.mark.parametrize(("signum", "expected"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_stops_the_run_and_its_workers(tmp_path: Path, signum: int, expected: int) -> None:
    process = start_slow_run(tmp_path)
    deadline = time.monotonic() + 30
    while not children(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = children(process.pid)
    assert workers, "the run never started its workers"
    os.kill(process.pid, signum)
    _, err = process.communicate(timeout=30)
    assert process.returncode == expected, err
    assert b"Traceback" not in err and b"Aborted" not in err
    time.sleep(0.5)
    alive = [w for w in workers if Path(f"/proc/{w}").exists() and "Z" not in _state(w)]
    assert alive == []


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def test_the_readme_pre_commit_rev_is_the_package_version() -> None:
    # The tag itself is made on main when the release is cut; this keeps the README in step.
    version = tomllib.loads((REPO / "pyproject.toml").read_text())["project"].get("version")
    if version is None:
        from linter.util.version import VERSION as version
    revs = re.findall(r"^\s*rev:\s*(\S+)", (REPO / "README.md").read_text(), re.MULTILINE)
    assert revs == [f"v{version}"]
