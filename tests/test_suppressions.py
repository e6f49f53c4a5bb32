"""Suppressions: YAML comments, CODE:/pointer ignores, ignore-at with reasons, and how they are reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter import lint_text
from linter.cli import cli

HEAD = "persona_name: Helper\npipeline_mode: echo\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def codes(text: str, path: str = "p.yaml") -> list[tuple[str, int]]:
    return [(d.code, d.span.start.line) for d in lint_text(text, path)]


def test_same_line_comment_silences_that_line_only() -> None:
    text = HEAD + "legacy_a: 1  # persona-lint: disable=SCH001 -- importer key\nlegacy_b: 2\n"
    assert codes(text) == [("SCH001", 4)]


def test_own_line_comment_silences_the_next_line() -> None:
    text = HEAD + "# persona-lint: disable=SCH001 -- importer key\n\nlegacy_a: 1\nlegacy_b: 2\n"
    assert codes(text) == [("SCH001", 6)]


def test_disable_file_in_first_comment_block_silences_the_file() -> None:
    text = "# a persona\n# persona-lint: disable-file=SCH001 -- importer keys\n" + HEAD + "a: 1\nb: 2\n"
    assert codes(text) == []


@pytest.mark.parametrize("selector", ["SCH001", "unknown-property", "SCH", "SCH001, PIPE"])
def test_codes_names_and_families_are_accepted(selector: str) -> None:
    assert codes(HEAD + f"legacy: 1  # persona-lint: disable={selector}\n") == []


def test_unused_comment_is_reported_at_the_comment() -> None:
    text = HEAD + "conversational_context: hi  # persona-lint: disable=SCH004 -- fine\n"
    found = lint_text(text, "p.yaml")
    unused = [d for d in found if d.code == "SUP001"]
    assert [(d.span.start.line, d.span.start.column) for d in unused] == [(3, 29)]
    assert "silences nothing" in unused[0].message


def test_a_comment_for_rules_that_did_not_run_is_not_called_unused() -> None:
    text = HEAD + "legacy: 1  # persona-lint: disable=TOOL001\n"
    assert [d.code for d in lint_text(text, "p.yaml", select=["SCH", "SUP"])] == ["SCH001"]


def test_secrets_cannot_be_silenced_inline() -> None:
    text = (
        "persona_name: A\npipeline_mode: full\nsystem_prompt: Be brief.\nlayers:\n  llm:\n    model: m\n"
        "    base_url: https://api.example.com/v1\n"
        "    api_key: gsk_4fR8kT2mQ9xW7vB3nL6pY1sD5hJ0cZ8aE2uI4oK7  # persona-lint: disable=SEC\n"
    )
    found = {d.code: d for d in lint_text(text, "p.yaml")}
    assert "SEC001" in found
    assert "cannot be silenced inline" in found["SUP001"].message


def test_json_pointer_ignore_covers_the_pointer_and_below_only(tmp_path: Path) -> None:
    (tmp_path / ".persona-lint.toml").write_text('[per-file-ignores]\n"p.json" = ["SCH001:/layers/llm"]\n')
    (tmp_path / "p.json").write_text(
        '{"persona_name": "A", "pipeline_mode": "echo", "extra": 1,\n'
        ' "layers": {"llm": {"model": "tavus-gpt-oss", "extra_llm": 1, "deep": {"x": 1}}}}\n'
    )
    code, out, _ = run("check", str(tmp_path / "p.json"))
    assert "unknown property 'extra'" in out
    assert "extra_llm" not in out and "'deep'" not in out
    assert "Found 2 problems (2 warnings) in 1 of 1 file. 2 suppressed." in out.splitlines()  # extra_llm, deep
    assert code == 0


def test_ignore_at_gives_a_reason_shown_with_show_suppressed(tmp_path: Path) -> None:
    (tmp_path / ".persona-lint.toml").write_text(
        '[[ignore-at]]\npath = "p.json"\ncode = "SCH001"\npointer = "/extra"\nreason = "read by our importer"\n'
    )
    (tmp_path / "p.json").write_text('{"persona_name": "A", "pipeline_mode": "echo", "extra": 1}\n')
    code, out, _ = run("check", "--show-suppressed", str(tmp_path / "p.json"))
    lines = out.splitlines()
    assert lines[0].endswith("[unknown-property] (suppressed: read by our importer)")
    assert lines[-1] == "All checks passed (1 file). 1 suppressed."
    assert code == 0
    _, plain, _ = run("check", str(tmp_path / "p.json"))
    assert plain.splitlines() == ["All checks passed (1 file). 1 suppressed."]


def test_unused_ignore_at_entry_is_reported(tmp_path: Path) -> None:
    (tmp_path / ".persona-lint.toml").write_text(
        '[[ignore-at]]\npath = "p.json"\ncode = "SCH001"\npointer = "/gone"\nreason = "old importer key"\n'
    )
    (tmp_path / "p.json").write_text('{"persona_name": "A", "pipeline_mode": "echo"}\n')
    _, out, _ = run("check", str(tmp_path / "p.json"))
    assert "warning SUP001 the configuration's ignore-at[0] entry (SCH001 at /gone) silences nothing" in out


@pytest.mark.parametrize(
    ("toml", "needle"),
    [
        ('[[ignore-at]]\npath = "p.json"\ncode = "SCH001"\npointer = "/x"\n', "ignore-at[0]: reason must be a string"),
        ('[[ignore-at]]\npath = "p.json"\ncode = "SCH001"\npointer = "/x"\nreason = " "\n', "reason must say why"),
        ('[[ignore-at]]\npath = "p.json"\ncode = "S"\npointer = "x"\nreason = "r"\n', "must be empty or start"),
        ('[[ignore-at]]\nfile = "p.json"\n', "ignore-at[0]: unknown key 'file'"),
        ('ignore-at = "x"\n', "ignore-at must be a list of tables"),
        ('[per-file-ignores]\n"p.json" = ["SCH001:x"]\n', "must be empty or start with '/'"),
        ('[[ignore-at]]\npath = "p.json"\ncode = "NOPE9"\npointer = "/x"\nreason = "r"\n', "selector 'NOPE9'"),
    ],
)
def test_bad_suppression_configuration_is_exit_2_naming_file_and_key(tmp_path: Path, toml: str, needle: str) -> None:
    (tmp_path / ".persona-lint.toml").write_text(toml)
    (tmp_path / "p.json").write_text('{"persona_name": "A", "pipeline_mode": "echo"}\n')
    code, _, err = run("check", str(tmp_path / "p.json"))
    assert code == 2
    assert str(tmp_path / ".persona-lint.toml") in err and needle in err


def test_sarif_marks_suppressed_results_in_source_and_external(tmp_path: Path) -> None:
    (tmp_path / ".persona-lint.toml").write_text('[per-file-ignores]\n"p.json" = ["SCH001:/extra"]\n')
    (tmp_path / "p.json").write_text('{"persona_name": "A", "pipeline_mode": "echo", "extra": 1}\n')
    (tmp_path / "q.yaml").write_text(HEAD + "legacy: 1  # persona-lint: disable=SCH001 -- importer key\n")
    _, out, _ = run("check", "--format", "sarif", str(tmp_path))
    results = json.loads(out)["runs"][0]["results"]
    kinds = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].rsplit("/", 1)[-1]: r["suppressions"]
             for r in results}
    assert kinds == {
        "p.json": [{"kind": "external", "status": "accepted"}],
        "q.yaml": [{"kind": "inSource", "status": "accepted", "justification": "importer key"}],
    }


def test_json_report_counts_and_lists_suppressed(tmp_path: Path) -> None:
    (tmp_path / "q.yaml").write_text(HEAD + "legacy: 1  # persona-lint: disable=SCH001 -- importer key\n")
    _, out, _ = run("check", "--format", "json", str(tmp_path / "q.yaml"))
    report = json.loads(out)
    assert report["summary"]["suppressed"] == 1 and report["findings"] == []
    assert report["suppressed"][0]["code"] == "SCH001"
    assert report["suppressed"][0]["suppression"] == {"kind": "inSource", "justification": "importer key"}


def test_suppressed_findings_never_fail_the_run(tmp_path: Path) -> None:
    (tmp_path / "q.yaml").write_text(HEAD + "layers:\n  llm:\n    model: tavus-llama  # persona-lint: disable=LLM003\n")
    code, out, _ = run("check", str(tmp_path / "q.yaml"))
    assert code == 0, out


def test_own_line_comments_stack_over_other_comments() -> None:
    text = HEAD + "# persona-lint: disable=SCH001 -- importer key\n# another comment\nlegacy_a: 1\n"
    assert codes(text) == []


def test_unused_per_file_ignores_pointer_entries_are_not_reported(tmp_path: Path) -> None:
    (tmp_path / ".persona-lint.toml").write_text('[per-file-ignores]\n"*.json" = ["SCH001:/gone"]\n')
    (tmp_path / "p.json").write_text('{"persona_name": "A", "pipeline_mode": "echo"}\n')
    code, out, _ = run("check", str(tmp_path / "p.json"))
    assert (code, out.splitlines()) == (0, ["All checks passed (1 file)."])


def test_yaml_personas_can_use_the_configuration_forms_too(tmp_path: Path) -> None:
    (tmp_path / ".persona-lint.toml").write_text(
        '[per-file-ignores]\n"p.yaml" = ["SCH001:/a"]\n'
        '[[ignore-at]]\npath = "p.yaml"\ncode = "SCH001"\npointer = "/b"\nreason = "importer"\n'
    )
    (tmp_path / "p.yaml").write_text(HEAD + "a: 1\nb: 2\n")
    code, out, _ = run("check", str(tmp_path / "p.yaml"))
    assert (code, out.splitlines()) == (0, ["All checks passed (1 file). 2 suppressed."])


def test_a_broken_file_reports_no_unused_suppression() -> None:
    text = HEAD + "legacy: 1  # persona-lint: disable=SCH001\nbroken: [\n"
    assert [d.code for d in lint_text(text, "p.yaml")] == ["SYN002"]


def test_nothing_silences_a_file_that_does_not_parse(tmp_path: Path) -> None:
    # A broken file fails the run whatever the selection says; a comment or an ignore-at cannot either.
    text = "# persona-lint: disable-file=SYN002 -- generated\n" + HEAD + "broken: [\n"
    assert [d.code for d in lint_text(text, "p.yaml")] == ["SYN002"]
    (tmp_path / "p.json").write_text('{"persona_name": "A",}')
    (tmp_path / ".persona-lint.toml").write_text(
        '[[ignore-at]]\npath = "p.json"\ncode = "SYN001"\npointer = ""\nreason = "generated"\n'
    )
    code, out, _ = run("check", str(tmp_path / "p.json"))
    assert code == 1 and "SYN001" in out


def test_the_language_server_applies_suppressions(tmp_path: Path) -> None:
    from linter.lsp.analysis import analyse

    (tmp_path / "p.yaml").write_text("")
    text = HEAD + "legacy_a: 1  # persona-lint: disable=SCH001 -- importer key\nlegacy_b: 2\n"
    found = analyse(str(tmp_path / "p.yaml"), text)
    assert [(d.code, d.span.start.line) for d in found.diagnostics] == [("SCH001", 4)]


def test_the_language_server_still_lints_when_the_baseline_is_missing(tmp_path: Path) -> None:
    from linter.lsp.analysis import analyse

    (tmp_path / ".persona-lint.toml").write_text('baseline = "nowhere.json"\n')
    (tmp_path / "p.yaml").write_text("")
    found = analyse(str(tmp_path / "p.yaml"), HEAD + "legacy: 1\n")
    assert [d.code for d in found.diagnostics] == ["SCH001"]
