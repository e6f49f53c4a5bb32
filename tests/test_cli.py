"""The command line, through click's runner and once as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from linter import lint_paths
from linter.cli import cli
from linter.tavus import revisions

REPO = Path(__file__).resolve().parent.parent
GOOD = '{"persona_name": "Echo", "pipeline_mode": "echo"}\n'
BAD = '{\n  "persona_name": "Coach",\n  "pipeline_mode": "ful"\n}\n'


def run(*args: str, stdin: str | bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_examples_are_clean() -> None:
    code, out, _ = run("check", str(REPO / "examples"))
    assert code == 0, out
    assert out.startswith("All checks passed")


def test_finding_line_format_and_exit_code(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text(BAD)
    code, out, _ = run("check", str(tmp_path / "bad.json"))
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith(f"{tmp_path / 'bad.json'}:3:20: error SCH004 ")
    assert first.endswith("[invalid-value]")
    assert out.splitlines()[-1] == "Found 1 problem (1 error) in 1 of 1 file."


def test_warnings_only_exit_zero(tmp_path: Path) -> None:
    (tmp_path / "p.json").write_text('{"persona_name": "Echo", "pipeline_mode": "echo", "voice": "x"}')
    code, out, _ = run("check", str(tmp_path / "p.json"))
    assert code == 0 and "warning SCH001" in out


def test_every_file_is_checked_even_when_some_are_broken(tmp_path: Path) -> None:
    (tmp_path / "a-empty.json").write_bytes(b"")
    (tmp_path / "b-latin1.json").write_bytes(b'{"persona_name": "Caf\xe9"}')
    (tmp_path / "c-array.json").write_text("[]")
    (tmp_path / "d-multi.yaml").write_text("persona_name: A\npipeline_mode: echo\n---\nx: 1\n")
    (tmp_path / "e-bom.json").write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    (tmp_path / "f-bad.json").write_text(BAD)
    (tmp_path / "empty-dir").mkdir()
    code, out, err = run("check", str(tmp_path), str(tmp_path / "missing.json"), str(tmp_path / "empty-dir"))
    assert code == 1
    lines = out.splitlines()
    expected = [
        ("a-empty.json:1:1:", "SYN005"),
        ("b-latin1.json:1:22:", "SYN006"),
        ("c-array.json:1:1:", "SYN004"),
        ("d-multi.yaml:4:1:", "SYN007"),
        ("f-bad.json:3:20:", "SCH004"),
        ("missing.json:1:1:", "SYN008"),
    ]
    for (where, code_), text in zip(expected, lines, strict=False):
        assert where in text and code_ in text, text
    assert not any("e-bom.json" in text for text in lines)
    assert "no persona files" in err and "empty-dir" in err
    assert "Traceback" not in out + err


def test_stdin_and_json_format() -> None:
    code, out, _ = run("check", "--format", "json", "--stdin-filename", "persona.json", "-", stdin=BAD)
    assert code == 1
    report = json.loads(out)
    assert report["version"] == 1
    [finding] = report["findings"]
    assert finding == {
        "path": "persona.json", "code": "SCH004", "name": "invalid-value", "severity": "error",
        "message": finding["message"], "pointer": "/pipeline_mode",
        "start": {"line": 3, "column": 20}, "end": {"line": 3, "column": 25}, "hint": "did you mean 'full'?",
    }


def test_library_gives_the_same_findings_as_the_cli(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text(BAD)
    _, out, _ = run("check", "--format", "json", str(tmp_path))
    cli_findings = json.loads(out)["findings"]
    library = lint_paths([tmp_path]).diagnostics
    assert [(f["code"], f["pointer"], f["start"]["line"]) for f in cli_findings] == [
        (d.code, d.pointer, d.span.start.line) for d in library
    ]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("check")[0] == 2
    assert run("check", "--schema-version", "1999-01", "x.json")[0] == 2
    code, _, err = run("check", "--select", "NOPE", str(REPO / "examples"))
    assert code == 2 and "NOPE" in err
    (tmp_path / ".persona-lint.toml").write_text('selct = ["TOOL"]\n')
    (tmp_path / "p.json").write_text(GOOD)
    code, _, err = run("check", str(tmp_path / "p.json"))
    assert code == 2 and "did you mean 'select'" in err


@pytest.mark.parametrize("revision", ["2024-10", "2025-12", "2026-06", "pal-2026-06"])
def test_bundle_is_self_contained_and_validates_like_the_registry(revision: str, tmp_path: Path) -> None:
    target = tmp_path / "bundle.json"
    code, _, _ = run("schema", "--version", revision, "--bundle", "--output", str(target))
    assert code == 0
    bundle = json.loads(target.read_text())
    Draft202012Validator.check_schema(bundle)
    assert "raw.githubusercontent" not in json.dumps({k: v for k, v in bundle.items() if k != "$id"})
    validator = Draft202012Validator(bundle)  # no registry: every $ref must be local
    for example in sorted((REPO / "examples").glob("*.json")):
        document = json.loads(example.read_text())
        if revision == "2026-06":
            assert validator.is_valid(document), example.name
        list(validator.iter_errors(document))  # resolves every reference it meets


def test_schema_layer_and_versions() -> None:
    code, out, _ = run("schema", "--version", "2025-03", "--layer", "perception")
    assert code == 0 and "raven-0" in out
    code, _, err = run("schema", "--version", "2024-10", "--layer", "perception")
    assert code == 2 and "vqa" in err
    code, out, _ = run("versions")
    assert code == 0 and len(out.splitlines()) == len(revisions.NAMES) and "(default)" in out


def test_rules_and_explain() -> None:
    code, out, _ = run("rules")
    assert code == 0 and "PIPE001" in out and "SCH001" in out
    code, out, _ = run("explain", "prompt-required-in-full-pipeline")
    assert code == 0 and out.startswith("# PIPE001 prompt-required-in-full-pipeline")
    assert run("explain", "NOPE999")[0] == 2


def test_real_process(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text(BAD)
    done = subprocess.run(
        [sys.executable, "-m", "linter", "check", str(tmp_path / "bad.json")],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 1 and "SCH004" in done.stdout and done.stderr == ""


def test_a_reader_that_stops_early_is_not_an_error(tmp_path: Path) -> None:
    """``persona-lint check . | head -1``: the closed pipe is not reported as a write error."""
    (tmp_path / "bad.json").write_text(BAD)
    process = subprocess.Popen(
        [sys.executable, "-m", "linter", "check", str(tmp_path / "bad.json")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # long before the report is written: the interpreter is still starting
    errors = process.stderr.read()
    assert process.wait(timeout=60) == 1  # the findings' exit code, as if the reader had read it all
    assert errors == ""


def test_foreign_rules_package_message_reaches_the_user(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from linter import cli as cli_module
    from linter.engine.registry import RegistryError

    def broken(*args: object, **kwargs: object) -> None:
        raise RegistryError("the 'rules' package at /x is not persona-lint's")

    monkeypatch.setattr(cli_module.cli, "main", broken)
    with pytest.raises(SystemExit) as exited:
        cli_module.main()
    assert exited.value.code == 2
    assert "is not persona-lint's" in capsys.readouterr().err
