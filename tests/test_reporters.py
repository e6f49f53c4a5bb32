"""Every output format, checked the way its consumer reads it (SARIF schema, JUnit XSD, CI parsers)."""

from __future__ import annotations

import io
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from jsonschema import validators

from linter.cli import OUTPUT_FORMATS, cli
from linter.diagnostic import Diagnostic, Position, Severity, Span
from linter.engine.registry import all_rules
from linter.reporters import FORMATS, reporter, resolve
from linter.reporters.deliver import Output, deliver, exit_code
from linter.reporters.github import annotation
from linter.reporters.gitlab import issues
from linter.reporters.sarif import artifact_uri, document
from linter.reporters.source import SourceExcerpts
from linter.run.model import LintResult, Request
from linter.run.runner import run

DATA = Path(__file__).parent / "data"
BAD = '{\n  "persona_name": "Coach",\n  "pipeline_mode": "ful"\n}\n'
GOOD = '{"persona_name": "Echo", "pipeline_mode": "echo"}\n'
WARN = '{"persona_name": "Echo", "pipeline_mode": "echo", "voice": "x"}\n'


def sarif_validator() -> Any:
    schema = json.loads((DATA / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def lint(tmp_path: Path, files: dict[str, str]) -> LintResult:
    for name, text in files.items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return run(Request(paths=tuple(str(tmp_path / name) for name in files)))


SPAN = Span(Position(2, 3), Position(2, 8))


def diagnostic(path: str = "p.json", message: str = "m", severity: Severity = Severity.ERROR,
               span: Span = SPAN, code: str = "SCH004") -> Diagnostic:
    return Diagnostic(path, span, code, "invalid-value", severity, message, "/pipeline_mode", "use 'full'")


# ---------------------------------------------------------------- SARIF

def test_sarif_validates_against_the_official_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = lint(tmp_path, {"dir with space/bad.json": BAD, "warn.json": WARN, "good.json": GOOD})
    log = document(result)
    sarif_validator().validate(log)
    run_ = log["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in all_rules()]
    by_id = {r["id"]: r for r in rules}
    sch004 = by_id["SCH004"]
    assert sch004["name"] == "invalid-value"
    assert sch004["helpUri"].endswith("/docs/rules/SCH004.md")
    assert sch004["shortDescription"]["text"] and sch004["help"]["text"]
    assert sch004["defaultConfiguration"]["level"] == "error"
    results = run_["results"]
    assert {r["ruleId"] for r in results} == {"SCH004", "SCH001"}
    error = next(r for r in results if r["ruleId"] == "SCH004")
    assert rules[error["ruleIndex"]]["id"] == "SCH004"
    assert error["level"] == "error"
    location = error["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "dir%20with%20space/bad.json"
    assert location["region"] == {"startLine": 3, "startColumn": 20, "endLine": 3, "endColumn": 25}
    warning = next(r for r in results if r["ruleId"] == "SCH001")
    assert warning["level"] == "warning"


def test_sarif_clean_run_and_every_level_validate(tmp_path: Path) -> None:
    validator = sarif_validator()
    validator.validate(document(lint(tmp_path, {"good.json": GOOD})))
    info = LintResult((diagnostic(severity=Severity.INFO, path=str(tmp_path / "x.yaml")),), 1)
    log = document(info)
    validator.validate(log)
    assert log["runs"][0]["results"][0]["level"] == "note"


def test_sarif_columns_count_code_points_not_utf16_units(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    # "😀" is one code point but two UTF-16 units: columns count it once.
    text = '{"persona_name": "😀", "pipeline_mode": "ful"}'
    result = lint(tmp_path, {"p.json": text})
    region = document(result)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    start = text.index('"ful"') + 1
    assert (region["startColumn"], region["endColumn"]) == (start, start + 5) == (40, 45)


def test_artifact_uri_is_relative_with_forward_slashes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert artifact_uri(str(tmp_path / "a" / "b.json")) == "a/b.json"
    assert artifact_uri("a/b c.json") == "a/b%20c.json"
    assert artifact_uri("/elsewhere/p.json").startswith("file:///elsewhere/p.json")
    assert artifact_uri("-") == "stdin"


# ---------------------------------------------------------------- wording shared by the formats

def test_every_format_words_a_finding_as_message_then_hint_in_parentheses() -> None:
    from dataclasses import replace

    from linter.reporters import message_with_hint
    from linter.reporters.sarif import result as sarif_result
    from linter.reporters.text import line

    hinted = diagnostic(message="'ful' is not one of 'full', 'echo'")
    bare = replace(hinted, hint=None)
    assert message_with_hint(hinted) == "'ful' is not one of 'full', 'echo' (use 'full')"
    assert message_with_hint(bare) == "'ful' is not one of 'full', 'echo'"
    for finding in (hinted, bare):
        worded = message_with_hint(finding)
        assert line(finding) == f"p.json:2:3: error SCH004 {worded} [invalid-value]"
        assert annotation(finding).endswith(f"::{worded}")
        assert issues(LintResult((finding,), 1))[0]["description"] == f"SCH004 {worded}"
        assert sarif_result(finding, None)["message"]["text"] == worded


# ---------------------------------------------------------------- GitHub

def test_github_annotation_shape_and_escaping() -> None:
    line = annotation(diagnostic(path="a,b:c.json", message="50% done\r\nnext"))
    assert line == (
        "::error file=a%2Cb%3Ac.json,line=2,col=3,endLine=2,endColumn=8,title=SCH004 invalid-value"
        "::50%25 done%0D%0Anext (use 'full')"
    )
    assert annotation(diagnostic(severity=Severity.WARNING)).startswith("::warning ")
    assert annotation(diagnostic(severity=Severity.INFO)).startswith("::notice ")


def test_format_auto_picks_github_in_actions() -> None:
    assert resolve("auto", {"GITHUB_ACTIONS": "true"}) == "github"
    assert resolve("auto", {}) == "text"
    assert resolve("sarif", {"GITHUB_ACTIONS": "true"}) == "sarif"
    assert set(OUTPUT_FORMATS) == {"auto", *FORMATS}


def test_cli_format_auto(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "bad.json").write_text(BAD)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    out = CliRunner().invoke(cli, ["check", "--format", "auto", str(tmp_path / "bad.json")]).stdout
    assert out.startswith(f"::error file={tmp_path / 'bad.json'},line=3,col=20,")
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    out = CliRunner().invoke(cli, ["check", "--format", "auto", str(tmp_path / "bad.json")]).stdout
    assert out.startswith(f"{tmp_path / 'bad.json'}:3:20: error SCH004")


# ---------------------------------------------------------------- JUnit

def junit_xml(result: LintResult) -> str:
    buffer = io.StringIO()
    reporter("junit")(result, buffer)
    return buffer.getvalue()


def test_junit_validates_against_the_ant_xsd_and_parses_like_a_ci(tmp_path: Path) -> None:
    xmlschema = pytest.importorskip("xmlschema")
    result = lint(tmp_path, {"bad.json": BAD, "good.json": GOOD, "warn.json": WARN})
    text = junit_xml(result)
    xmlschema.XMLSchema(str(DATA / "junit" / "JUnit.xsd")).validate(io.StringIO(text))
    suite = ET.fromstring(text.encode("utf-8"))
    assert suite.tag == "testsuite"
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "1", "0")
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert set(cases) == {str(tmp_path / n) for n in ("bad.json", "good.json", "warn.json")}
    failure = cases[str(tmp_path / "bad.json")].find("failure")
    assert failure is not None and failure.get("type") == "SCH004"
    assert f"{tmp_path / 'bad.json'}:3:20: error SCH004" in (failure.text or "")
    assert cases[str(tmp_path / "good.json")].find("failure") is None
    assert cases[str(tmp_path / "warn.json")].find("failure") is None  # warnings do not fail a test case
    assert "warning SCH001" in (suite.findtext("system-out") or "")


def test_junit_clean_run_validates(tmp_path: Path) -> None:
    xmlschema = pytest.importorskip("xmlschema")
    text = junit_xml(lint(tmp_path, {"good.json": GOOD}))
    xmlschema.XMLSchema(str(DATA / "junit" / "JUnit.xsd")).validate(io.StringIO(text))
    assert ET.fromstring(text.encode()).get("failures") == "0"


# ---------------------------------------------------------------- GitLab

def test_gitlab_code_quality(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = lint(tmp_path, {"sub/bad.json": BAD, "warn.json": WARN})
    found = issues(result)
    assert {i["severity"] for i in found} == {"critical", "minor"}
    error = next(i for i in found if i["check_name"] == "SCH004")
    assert error["location"] == {"path": "sub/bad.json", "lines": {"begin": 3, "end": 3}}
    assert error["description"].startswith("SCH004 ")
    assert len({i["fingerprint"] for i in found}) == len(found)
    again = issues(lint(tmp_path, {"sub/bad.json": "\n\n" + BAD, "warn.json": WARN}))
    assert [i["fingerprint"] for i in again] == [i["fingerprint"] for i in found]  # survives moving lines


def test_gitlab_fingerprint_never_holds_the_value() -> None:
    secret = "sk-live-0123456789abcdef"
    first = diagnostic(message=f"key {secret}")
    second = diagnostic(message="other message")
    [a], [b] = issues(LintResult((first,), 1)), issues(LintResult((second,), 1))
    assert a["fingerprint"] == b["fingerprint"] and secret not in a["fingerprint"]
    twice = issues(LintResult((first, first), 1))
    assert twice[0]["fingerprint"] != twice[1]["fingerprint"]


# ---------------------------------------------------------------- CLI flags

def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_output_file_gets_the_report_and_terminal_gets_text(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text(BAD)
    target = tmp_path / "report.sarif"
    target.write_text("old")
    target.chmod(0o640)
    code, out, _ = invoke("check", "--format", "sarif", "--output-file", str(target), str(tmp_path / "bad.json"))
    assert code == 1
    assert out.startswith(f"{tmp_path / 'bad.json'}:3:20: error SCH004")
    sarif_validator().validate(json.loads(target.read_text()))
    assert oct(target.stat().st_mode & 0o777) == oct(0o640)  # replaced atomically, mode kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json", "report.sarif"]


def test_output_file_write_failure_leaves_the_old_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "bad.json").write_text(BAD)
    target = tmp_path / "report.json"
    target.write_text("old")

    def refuse(*_: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    code, _, err = invoke("check", "--format", "json", "--output-file", str(target), str(tmp_path / "bad.json"))
    assert code == 2 and "cannot write" in err
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json", "report.json"]


def test_exit_zero_and_fail_level(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text(BAD)
    (tmp_path / "warn.json").write_text(WARN)
    assert invoke("check", str(tmp_path / "bad.json"), "--exit-zero")[0] == 0
    assert invoke("check", str(tmp_path / "warn.json"))[0] == 0
    assert invoke("check", str(tmp_path / "warn.json"), "--fail-level", "warning")[0] == 1
    assert invoke("check", str(tmp_path / "warn.json"), "--fail-level", "info")[0] == 1
    assert invoke("check", str(tmp_path / "warn.json"), "--fail-level", "warning", "--exit-zero")[0] == 0
    info = LintResult((diagnostic(severity=Severity.INFO),), 1)
    assert [exit_code(info, level) for level in Severity] == [1, 0, 0]


def test_statistics_count_per_code(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(BAD)
    (tmp_path / "b.json").write_text(BAD)
    (tmp_path / "c.json").write_text(WARN)
    code, out, _ = invoke("check", "--statistics", str(tmp_path))
    assert code == 1
    assert out.splitlines() == [
        "2  SCH004  error    invalid-value",
        "1  SCH001  warning  unknown-property",
        "Found 3 problems (2 errors, 1 warning) in 3 of 3 files.",
    ]
    code, out, err = invoke("check", "--statistics", "--format", "json", str(tmp_path))
    assert json.loads(out)["summary"]["errors"] == 2 and err.startswith("2  SCH004")


# ---------------------------------------------------------------- --show-source

def test_show_source_draws_a_caret_under_the_span(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text(BAD)
    _, out, _ = invoke("check", "--show-source", str(tmp_path / "bad.json"))
    assert out.splitlines()[1:4] == [
        "  |",
        '3 |   "pipeline_mode": "ful"',
        "  |                    ^^^^^",
    ]
    _, plain, _ = invoke("check", "--no-show-source", str(tmp_path / "bad.json"))
    _, default, _ = invoke("check", str(tmp_path / "bad.json"))  # not a terminal: off
    assert "^" not in plain and plain == default


def test_show_source_handles_wide_characters_tabs_and_long_lines() -> None:
    text = '{\n\t"persona_name": "日本", "pipeline_mode": "x"\n}'
    excerpts = SourceExcerpts({"p.json": text})
    column = text.splitlines()[1].index('"x"') + 1  # "x" and its quotes, after two wide characters
    span = Span(Position(2, column), Position(2, column + 3))
    lines = excerpts.excerpt(diagnostic(span=span))
    assert lines[1] == '2 | \t"persona_name": "日本", "pipeline_mode": "x"'
    assert lines[2] == "  | \t" + " " * (len('"persona_name": "') + 4 + len('", "pipeline_mode": ')) + "^^^"
    long = '{"system_prompt": "' + "a" * 5000 + '", "pipeline_mode": "x"}'
    column = long.index('"x"') + 1
    span = Span(Position(1, column), Position(1, column + 3))
    shown = SourceExcerpts({"p.json": long}).excerpt(diagnostic(span=span))
    assert len(shown[1]) < 130 and shown[1].startswith("1 | …")
    assert shown[2].index("^") == shown[1].index('"x"')
    assert SourceExcerpts({}).excerpt(diagnostic()) == []


def test_sources_are_kept_only_for_files_with_findings(tmp_path: Path) -> None:
    result = lint(tmp_path, {"bad.json": BAD, "good.json": GOOD})
    assert set(result.sources) == {str(tmp_path / "bad.json")}
    assert result.paths == (str(tmp_path / "bad.json"), str(tmp_path / "good.json"))


def test_deliver_text_to_a_stream(tmp_path: Path) -> None:
    result = lint(tmp_path, {"bad.json": BAD})
    out, err = io.StringIO(), io.StringIO()
    assert deliver(result, Output(show_source=True), out, err) == 1
    assert "^^^^^" in out.getvalue() and err.getvalue() == ""
