"""Hostile input: each file gets a clear finding within bounded time, and the others are still checked."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from click.testing import CliRunner

from linter import lint_text
from linter.cli import cli
from linter.run import check, runner

pytestmark = pytest.mark.slow  # large and pathological inputs

GOOD = '{"persona_name": "Echo", "pipeline_mode": "echo"}\n'
BAD = '{"persona_name": "Echo", "pipeline_mode": "ecko"}\n'
LAUGHS = "persona_name: lol\n" + "".join(
    f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9) if i else ', '.join(['lol'] * 9)}]\n" for i in range(10)
)


def hostile_tree(root: Path) -> dict[str, str]:
    """Write every hostile file; return the code each must get (``""``: must be checked cleanly)."""
    files = {
        "deep.json": ("{\"layers\": " + "[" * 100_000 + "]" * 100_000 + "}", "SYN009"),
        "deep.yaml": ("layers: " + "[" * 100_000 + "]" * 100_000 + "\n", "SYN009"),
        "laughs.yaml": (LAUGHS, "SYN009"),
        "tag.yaml": ("persona_name: !!python/object/apply:os.system ['true']\n", "SYN010"),
        "merge.yaml": ("persona_name: x\nbase: &b {model: m}\nlayers: {llm: {<<: [*b, 3]}}\n", "SYN002"),
        "merge-self.yaml": ("&a <<: *a\n", "SYN002"),
        "nan.json": ('{"persona_name": NaN}', "SYN001"),
        "infinity.json": ('{"persona_name": -Infinity}', "SYN001"),
        "nul.json": ('{"persona_name": "a\x00b", "pipeline_mode": "echo"}', "SYN001"),
        "crlf.json": ('{\r\n  "persona_name": "A",\r\n  "pipeline_mode": "ecko"\r\n}\r\n', "SCH004"),
        "cr.json": ('{\r  "persona_name": "A",\r  "pipeline_mode": "ecko"\r}\r', "SCH004"),
        "good.json": (GOOD, ""),
        "bad.json": (BAD, "SCH004"),
    }
    for name, (text, _) in files.items():
        (root / name).write_text(text, encoding="utf-8", newline="")
    (root / "digits.json").write_text('{"persona_name": "A", "pipeline_mode": "echo", "n": ' + "9" * 400 + "}")
    (root / "utf16.json").write_bytes(GOOD.encode("utf-16"))
    (root / "latin1.json").write_bytes(b'{"persona_name": "Caf\xe9"}')
    with open(root / "huge.json", "wb") as handle:  # 50 MB
        handle.write(b'{"persona_name": "' + b"x" * (50 * 1024 * 1024) + b'"}')
    (root / "long-string.json").write_text(
        '{"persona_name": "A", "system_prompt": "' + "Be kind. " * 120_000 + '", "pipeline_mode": "full"}'
    )
    os.mkfifo(root / "fifo.json")
    (root / "loop").mkdir()
    os.symlink("..", root / "loop" / "parent")
    expected = {name: code for name, (_, code) in files.items()}
    expected.update({"digits.json": "SCH001", "utf16.json": "SYN011", "latin1.json": "SYN006", "huge.json": "SYN009"})
    return expected


def test_every_hostile_file_gets_its_finding_and_nothing_hangs(tmp_path: Path) -> None:
    expected = hostile_tree(tmp_path)
    names = [*sorted(expected), "fifo.json", "loop"]
    result = CliRunner().invoke(cli, ["check", *[str(tmp_path / n) for n in names]], catch_exceptions=False)
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "INT001" not in result.output
    lines = result.stdout.splitlines()
    for name, code in expected.items():
        mine = [line for line in lines if line.startswith(str(tmp_path / name) + ":")]
        if code:
            assert any(f" {code} " in line for line in mine), (name, mine)
        else:
            assert not any(" error " in line for line in mine), (name, mine)
    fifo = [line for line in lines if "fifo.json" in line]
    assert fifo and "SYN008" in fifo[0] and "not a regular file" in fifo[0]
    assert "crlf.json:3:20:" in result.stdout and "cr.json:3:20:" in result.stdout


def test_directory_symlink_loop_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    os.symlink("..", tmp_path / "a" / "up")
    (tmp_path / "a" / "p.json").write_text(BAD)
    result = CliRunner().invoke(cli, ["check", str(tmp_path)])
    assert result.exit_code == 1 and result.stdout.count("SCH004") == 1


def test_unreadable_file_is_reported_and_others_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.json").write_text(GOOD)
    (tmp_path / "b.json").write_text(BAD)
    real_open = open

    def guarded(file: object, *args: object, **kwargs: object) -> object:
        if str(file).endswith("a.json"):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", guarded)
    result = CliRunner().invoke(cli, ["check", str(tmp_path)])
    assert "a.json:1:1: error SYN008 permission denied" in result.stdout
    assert "b.json" in result.stdout and result.exit_code == 1


def test_file_that_disappears_mid_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.json").write_text(GOOD)
    (tmp_path / "b.json").write_text(BAD)
    original = runner.expand

    def vanishing(paths: tuple[str, ...], *args: Any, **kwargs: Any) -> Iterator[object]:
        for item in original(paths, *args, **kwargs):
            if isinstance(item, runner.Target) and item.path.endswith("a.json"):
                os.unlink(item.path)
            yield item

    monkeypatch.setattr(runner, "expand", vanishing)
    result = CliRunner().invoke(cli, ["check", str(tmp_path)])
    assert "a.json:1:1: error SYN008" in result.stdout and "b.json" in result.stdout


def test_file_that_grows_between_stat_and_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Reads are sized by stat; a file written to meanwhile is read on, whole, up to the limit.
    path = tmp_path / "p.json"
    path.write_text('{"persona_name": "A", ')
    def stat_then_append(target: str) -> os.stat_result:
        info = os.stat(target)
        with open(target, "a", encoding="utf-8") as handle:
            handle.write('"pipeline_mode": "ful"}')
        return info

    # Only the reader's stat (not the directory walk's) sees the file before it grows.
    monkeypatch.setattr(check, "os", SimpleNamespace(**{**vars(os), "stat": stat_then_append}))
    result = CliRunner().invoke(cli, ["check", "--select", "SYN,SCH", str(path)])
    assert "SYN001" not in result.output and "SCH004" in result.output, result.output


def test_library_on_hostile_text() -> None:
    assert [d.code for d in lint_text("[" * 100_000, "x.json")] == ["SYN009"]
    assert [d.code for d in lint_text(LAUGHS, "x.yaml")] == ["SYN009"]


def test_yaml_limit_holds_while_composing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Composing stops at the limit: the finding points where it stopped, not at the end of the file."""
    from linter.document import yamlsource

    monkeypatch.setattr(yamlsource, "MAX_YAML_NODES", 1_000)
    text = "persona_name: x\nitems:\n" + "- 1\n" * 5_000
    diagnostics = lint_text(text, "p.yaml")
    assert [d.code for d in diagnostics] == ["SYN009"]
    assert 1_000 <= diagnostics[0].span.start.line <= 1_010


def test_merge_key_bomb_is_not_expanded() -> None:
    """A 586-byte merge-key bomb (PyYAML before 6.0.4 doubled the merged pairs at each level: 2**21 here)."""
    bomb = "a0: &a0 {k: v}\n" + "".join(f"a{i}: &a{i} {{<<: [*a{i - 1}, *a{i - 1}]}}\n" for i in range(1, 22))
    assert len(bomb) < 600
    from linter.document.yamlsource import parse_yaml

    document = parse_yaml("bomb.yaml", bomb)
    assert document.problems == []
    assert document.value["a21"] == {"k": "v"}
