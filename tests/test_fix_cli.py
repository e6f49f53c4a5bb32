"""`check --fix`, `--unsafe-fixes`, `--diff`, `--show-fixes`, and the library's `fix_text`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter import fix_text, lint_text
from linter.cli import cli
from linter.run import check

SAFE = (
    '{\n  "persona_name": "Coach",\n  "system_prompt": "Help.",\n'
    '  "layers": {"tts": {"tts_emotion_control": "false"}}\n}\n'
)
SAFE_FIXED = SAFE.replace('"false"', "false")
UNSAFE = '{\n  "persona_name": "Coach",\n  "pipeline_mode": "ful",\n  "system_prompt": "Help."\n}\n'


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_findings_with_a_fix_are_marked_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(SAFE + "", encoding="utf-8")
    code, out, _ = run("check", str(path))
    assert code == 0
    assert " PIPE008 [*] 'layers.tts.tts_emotion_control'" in out
    assert out.splitlines()[-1] == "1 fixable with --fix."
    path.write_text(UNSAFE, encoding="utf-8")
    _, out, _ = run("check", str(path))
    assert " SCH004 'pipeline_mode'" in out  # unsafe: not marked without --unsafe-fixes
    assert out.splitlines()[-1] == "1 fixable with --fix --unsafe-fixes."
    _, out, _ = run("check", "--unsafe-fixes", str(path))
    assert " SCH004 [*] 'pipeline_mode'" in out


def test_fix_writes_safe_fixes_and_reports_what_is_left(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(SAFE, encoding="utf-8")
    code, out, _ = run("check", "--fix", "--show-fixes", str(path))
    assert code == 0
    assert path.read_text(encoding="utf-8") == SAFE_FIXED
    assert "Fixed 1 problem in 1 file." in out
    assert "PIPE008 Replace the string 'false' with false (at /layers/tts/tts_emotion_control)" in out
    assert "All checks passed (1 file)." in out
    code, out, _ = run("check", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == SAFE_FIXED and "Fixed" not in out


def test_unsafe_fixes_only_with_the_flag(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(UNSAFE, encoding="utf-8")
    code, _, _ = run("check", "--fix", str(path))
    assert code == 1 and path.read_text(encoding="utf-8") == UNSAFE
    code, out, _ = run("check", "--fix", "--unsafe-fixes", str(path))
    assert code == 0, out
    assert path.read_text(encoding="utf-8") == UNSAFE.replace('"ful"', '"full"')


def test_diff_prints_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(SAFE, encoding="utf-8")
    code, out, err = run("check", "--diff", str(path))
    assert code == 1
    assert path.read_text(encoding="utf-8") == SAFE
    assert f"--- {path}\n+++ {path}\n" in out
    assert '-  "layers": {"tts": {"tts_emotion_control": "false"}}\n' in out
    assert '+  "layers": {"tts": {"tts_emotion_control": false}}\n' in out
    assert "Would fix 1 problem in 1 file." in err
    path.write_text(SAFE_FIXED, encoding="utf-8")
    code, out, err = run("check", "--diff", str(path))
    assert (code, out) == (0, "") and "No fixes available." in err


def test_fix_on_stdin_prints_the_fixed_document() -> None:
    code, out, err = run("check", "--fix", "--stdin-filename", "p.json", "-", stdin=SAFE)
    assert code == 0
    assert out == SAFE_FIXED
    assert "All checks passed" in err


def test_fix_leaves_files_with_syntax_errors_alone(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    broken = SAFE.replace("}\n}", "}\n")  # unbalanced
    path.write_text(broken, encoding="utf-8")
    code, _, _ = run("check", "--fix", "--unsafe-fixes", str(path))
    assert code == 1 and path.read_text(encoding="utf-8") == broken


def test_fix_touches_only_the_files_it_checks(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(SAFE, encoding="utf-8")
    (tmp_path / "b.json").write_text(SAFE, encoding="utf-8")
    run("check", "--fix", str(tmp_path / "a.json"))
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == SAFE_FIXED
    assert (tmp_path / "b.json").read_text(encoding="utf-8") == SAFE


def test_a_file_changed_while_checking_is_not_overwritten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "p.json"
    path.write_text(SAFE, encoding="utf-8")
    original = check.fix_document

    def edit_meanwhile(*args: object, **kwargs: object) -> object:
        outcome = original(*args, **kwargs)  # type: ignore[arg-type]
        path.write_text(SAFE + " ", encoding="utf-8")  # an editor saved the file meanwhile
        return outcome

    monkeypatch.setattr(check, "fix_document", edit_meanwhile)
    code, out, _ = run("check", "--fix", "--show-fixes", str(path))
    assert path.read_text(encoding="utf-8") == SAFE + " "
    assert "not fixed: PIPE008" in out and "changed while persona-lint was checking it" in out
    assert "[string-boolean]" in out and code == 0


def test_a_write_failure_leaves_the_original(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from linter.fix import write

    path = tmp_path / "p.json"
    path.write_text(SAFE, encoding="utf-8")

    def refuse(*_: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(write, "write_text", refuse)
    _, out, _ = run("check", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == SAFE
    assert "not fixed: cannot write it: Permission denied" in out


def test_utf8_bom_and_crlf_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_bytes(b"\xef\xbb\xbf" + SAFE.replace("\n", "\r\n").encode())
    run("check", "--fix", str(path))
    assert path.read_bytes() == b"\xef\xbb\xbf" + SAFE_FIXED.replace("\n", "\r\n").encode()


def test_yaml_comments_survive_fix(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    text = (
        "# my persona\npersona_name: Coach  # shown in the UI\nsystem_prompt: Help.\n"
        "layers:\n  tts:\n    tts_emotion_control: 'false'  # off\n"
    )
    path.write_text(text, encoding="utf-8")
    run("check", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == text.replace("'false'", "false")


def test_fix_text_is_pure_and_reports_applied_and_left() -> None:
    outcome = fix_text(UNSAFE, "p.json", unsafe=True)
    assert outcome.text == UNSAFE.replace('"ful"', '"full"')
    assert [(a.code, a.pointer) for a in outcome.applied] == [("SCH004", "/pipeline_mode")]
    assert outcome.diagnostics == () and lint_text(outcome.text, "p.json") == []
    kept = fix_text(UNSAFE, "p.json")
    assert kept.text == UNSAFE and not kept.applied and [d.code for d in kept.diagnostics] == ["SCH004"]


def test_fix_as_a_real_process(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(SAFE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "linter", "check", "--fix", str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert path.read_text(encoding="utf-8") == SAFE_FIXED
