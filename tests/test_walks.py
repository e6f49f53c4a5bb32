"""Directory walks: what looks like a persona is linted, the rest is skipped silently; named
files are always linted; .gitignore, build/, dist/, hidden folders, exclude and symlinks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter import lint_paths
from linter.cli import cli

GOOD = '{"persona_name": "Echo", "pipeline_mode": "echo"}\n'
BAD = '{\n  "persona_name": "Coach",\n  "pipeline_mode": "ful"\n}\n'
NOT_PERSONAS = {
    "array.json": "[1, 2]",
    "string.json": '"just a string"',
    "empty.json": "",
    "empty.yaml": "",
    "tsconfig.json": '{\n  // comments are not JSON\n  "compilerOptions": {"strict": true,},\n}\n',
    ".vscode/settings.json": '{\n  // editor settings\n  "json.schemas": [],\n}\n',
    ".pre-commit-hooks.yaml": "- id: persona-lint\n  name: persona-lint\n  entry: persona-lint check\n",
    "package.json": '{"name": "x", "version": "1.0.0"}',
    "binary.json": "\udcff\udcfe",
}


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8", "surrogateescape"))


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_a_walk_skips_what_does_not_look_like_a_persona(tmp_path: Path) -> None:
    write(tmp_path, NOT_PERSONAS | {"persona.json": GOOD})
    result = lint_paths([tmp_path])
    assert result.diagnostics == () and result.files == 1 and result.notices == ()


def test_a_broken_persona_is_still_reported_in_a_walk(tmp_path: Path) -> None:
    write(tmp_path, {"broken.json": '{"persona_name": "x",}', "broken.yaml": "persona_name: [x\n"})
    codes = sorted((Path(d.path).name, d.code) for d in lint_paths([tmp_path]).diagnostics)
    assert codes == [("broken.json", "SYN001"), ("broken.yaml", "SYN002")]


def test_a_json_patch_body_is_not_skipped(tmp_path: Path) -> None:
    write(tmp_path, {"ops.json": '[{"op": "replace", "path": "/persona_name", "value": "x"}]'})
    assert lint_paths([tmp_path]).files == 1


@pytest.mark.parametrize("name", sorted(NOT_PERSONAS))
def test_a_file_named_explicitly_is_always_linted(tmp_path: Path, name: str) -> None:
    write(tmp_path, {name: NOT_PERSONAS[name]})
    result = lint_paths([tmp_path / name])
    assert result.files == 1 and result.diagnostics, name


def test_a_directory_holding_only_package_json_warns(tmp_path: Path) -> None:
    write(tmp_path, {"package.json": NOT_PERSONAS["package.json"]})
    code, out, err = invoke("check", str(tmp_path))
    assert code == 0 and "no persona files" in err and str(tmp_path) in err
    assert out.startswith("All checks passed (0 files)")


@pytest.mark.parametrize("folder", ["build", "dist", ".hidden", "node_modules"])
def test_a_walk_skips_build_dist_and_hidden_folders(tmp_path: Path, folder: str) -> None:
    write(tmp_path, {f"{folder}/bad.json": BAD, "good.json": GOOD})
    assert lint_paths([tmp_path]).files == 1
    assert lint_paths([tmp_path / folder]).files == 1  # a folder named explicitly is walked


def test_gitignore_is_honoured_unless_told_otherwise(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(
        tmp_path,
        {
            ".gitignore": "generated/\n*.local.json\n",
            "personas/.gitignore": "draft-*.json\n!draft-keep.json\n",
            "generated/bad.json": BAD,
            "personas/x.local.json": BAD,
            "personas/draft-1.json": BAD,
            "personas/draft-keep.json": BAD,
            "personas/good.json": GOOD,
        },
    )
    flagged = {Path(d.path).name for d in lint_paths([tmp_path / "personas"]).diagnostics}
    assert flagged == {"draft-keep.json"}
    code, out, _ = invoke("check", "--no-respect-gitignore", str(tmp_path))
    assert code == 1 and out.count("SCH004") == 4


def test_a_walk_does_not_read_through_a_file_symlink(tmp_path: Path) -> None:
    secret = tmp_path / "secret.json"
    secret.write_text(BAD)
    (tmp_path / "personas").mkdir()
    (tmp_path / "personas" / "good.json").write_text(GOOD)
    os.symlink(secret, tmp_path / "personas" / "evil.json")
    result = lint_paths([tmp_path / "personas"])
    assert result.files == 1 and result.diagnostics == ()
    named = lint_paths([tmp_path / "personas" / "evil.json"])  # named: read as given
    assert [d.code for d in named.diagnostics] == ["SCH004"]


def test_lint_paths_takes_one_path_as_a_string(tmp_path: Path) -> None:
    write(tmp_path, {"a/bad.json": BAD})
    assert [d.code for d in lint_paths(str(tmp_path / "a")).diagnostics] == ["SCH004"]
    assert [d.code for d in lint_paths(tmp_path / "a").diagnostics] == ["SCH004"]


def test_a_file_named_twice_is_linted_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, {"bad.json": BAD})
    monkeypatch.chdir(tmp_path)
    result = lint_paths(["bad.json", "./bad.json", str(tmp_path / "bad.json"), "."])
    assert result.files == 1 and [d.path for d in result.diagnostics] == ["bad.json"]


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github", "junit", "gitlab"])
def test_every_format_shows_paths_relative_to_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output_format: str
) -> None:
    write(tmp_path, {"sub/bad.json": BAD})
    monkeypatch.chdir(tmp_path)
    for typed in ("./sub/bad.json", str(tmp_path / "sub" / "bad.json"), "sub/../sub/bad.json"):
        _, out, _ = invoke("check", "--format", output_format, typed)
        assert "sub/bad.json" in out and "./sub" not in out and str(tmp_path) not in out, (typed, out)


def exclude_project(tmp_path: Path) -> Path:
    project = tmp_path / "proj"
    write(
        project,
        {
            "pyproject.toml": '[tool.persona-lint]\nexclude = ["fixtures/*"]\n',
            "fixtures/bad.json": BAD,
            "personas/good.json": GOOD,
            "nested/.persona-lint.toml": 'exclude = ["old-*.json"]\n',
            "nested/old-bad.json": BAD,
            "nested/fixtures/bad.json": BAD,
        },
    )
    return project


@pytest.mark.parametrize("where", ["tmp", "project", "nested"])
def test_exclude_is_relative_to_the_configuration_that_declares_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    project = exclude_project(tmp_path)
    monkeypatch.chdir({"tmp": tmp_path, "project": project, "nested": project / "nested"}[where])
    diagnostics = lint_paths([project]).diagnostics
    flagged = sorted(Path(d.path).resolve().relative_to(project.resolve()).as_posix() for d in diagnostics)
    # proj/fixtures/ is excluded by proj/pyproject.toml; proj/nested/ has its own configuration,
    # whose pattern applies there (and proj's 'fixtures/*' does not reach proj/nested/fixtures).
    assert flagged == ["nested/fixtures/bad.json"]


def test_force_exclude_applies_exclude_to_files_named_explicitly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = exclude_project(tmp_path)
    monkeypatch.chdir(project)
    code, out, _ = invoke("check", "fixtures/bad.json")
    assert code == 1 and "SCH004" in out
    code, out, _ = invoke("check", "--force-exclude", "fixtures/bad.json", "personas/good.json")
    assert code == 0 and out.startswith("All checks passed (1 file)")


def test_a_broken_file_with_only_generic_keys_is_skipped(tmp_path: Path) -> None:
    # 'context' and 'layers' are persona keys, but other files use them too: a broken workflow
    # or Docker Compose file is not reported as a persona.
    write(tmp_path, {"compose.yaml": "services:\n  web:\n    build:\n      context: .\n    ports: [80\n"})
    assert lint_paths([tmp_path]).files == 0
