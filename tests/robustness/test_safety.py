"""No network, nothing changed, atomic writes, and several processes at once."""

from __future__ import annotations

import hashlib
import os
import socket
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from linter import lint_paths, lint_text
from linter.cli import cli
from linter.reporters import FORMATS
from linter.util import atomic

pytestmark = pytest.mark.slow  # lints the whole corpus, in every format and in subprocesses

REPO = Path(__file__).resolve().parents[2]
CORPUS = [REPO / "examples", REPO / "tests" / "rules", REPO / "tests" / "data"]
REMOTE_REF = """{
  "persona_name": "Remote",
  "$schema": "https://evil.example/persona.schema.json",
  "system_prompt": "Call `fetch_weather` when asked about the weather.",
  "layers": {"llm": {"model": "tavus-gpt-oss", "tools": [{"type": "function", "function": {
    "name": "fetch_weather", "description": "Weather for a city.",
    "parameters": {"type": "object", "properties": {"city": {"$ref": "https://evil.example/city.json"}},
                   "required": ["city"], "$defs": {"x": {"$ref": "http://169.254.169.254/latest"}}}}}]}}
}"""


def tree_digest(root: Path) -> dict[str, tuple[str, int]]:
    digest = {}
    for path in sorted(root.rglob("*")):
        if ".venv" in path.parts or "__pycache__" in path.parts or ".pytest_cache" in path.parts:
            continue
        if path.is_file() and not path.is_symlink():
            digest[str(path)] = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mode)
    return digest


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    attempts: list[Any] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(args)
        raise OSError("network disabled by the test")

    for name in ("socket", "create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse)
    return attempts


def test_linting_everything_never_touches_the_network(no_network: list[Any]) -> None:
    result = lint_paths(CORPUS)
    assert result.files > 100
    assert not any(d.code == "INT001" for d in result.diagnostics)
    diagnostics = lint_text(REMOTE_REF, "remote.json")
    assert not any(d.code == "INT001" for d in diagnostics)
    remote = sorted(d.pointer for d in diagnostics if d.code == "TOOL022")  # reported, not followed
    assert remote == [
        "/layers/llm/tools/0/function/parameters/$defs/x/$ref",
        "/layers/llm/tools/0/function/parameters/properties/city/$ref",
    ]
    assert no_network == []


@pytest.mark.parametrize("output_format", FORMATS)
def test_linting_writes_nothing(tmp_path: Path, output_format: str) -> None:
    before = tree_digest(REPO / "tests")
    examples_before = tree_digest(REPO / "examples")
    result = CliRunner().invoke(cli, ["check", "--format", output_format, *map(str, CORPUS)])
    assert result.exit_code == 1, result.output  # the corpus holds errors: the run reached its report
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "PIPE001" in result.output  # findings were reported, in this format
    assert tree_digest(REPO / "tests") == before
    assert tree_digest(REPO / "examples") == examples_before


def test_atomic_write_keeps_the_old_file_when_interrupted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "schema.json"
    target.write_text("old")
    os.chmod(target, 0o640)

    def crash(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_text(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["schema.json"]  # no temporary file left behind
    monkeypatch.undo()
    atomic.write_text(target, "new")
    assert target.read_text() == "new" and stat.S_IMODE(target.stat().st_mode) == 0o640


def test_schema_output_is_written_atomically(tmp_path: Path) -> None:
    target = tmp_path / "bundle.json"
    result = CliRunner().invoke(cli, ["schema", "--bundle", "--output", str(target)])
    assert result.exit_code == 0 and target.read_text().startswith("{")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bundle.json"]


def test_several_processes_at_once_agree(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "linter", "check", "--format", "json", *map(str, CORPUS)]
    processes = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    outputs = [p.communicate(timeout=120) for p in processes]
    assert all(p.returncode in (0, 1) for p in processes)
    assert len({out for out, _ in outputs}) == 1
    assert all(b"Traceback" not in err for _, err in outputs)


def test_the_suite_itself_runs_offline() -> None:
    with pytest.raises(AssertionError, match="network connection"):
        socket.create_connection(("127.0.0.1", 9), timeout=1)
