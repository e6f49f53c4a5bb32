"""File names are data: they never break a report's format nor reach the terminal raw."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import cli
from linter.reporters.text import quote_path

HOSTILE = "evil\x1b[2J\x1b]0;pwned\x07\x01\nname.json"


@pytest.fixture
def hostile_file(tmp_path: Path) -> Path:
    path = tmp_path / HOSTILE
    path.write_text('{"persona_name": "A", "pipeline_mode": "ecko"}\n')
    return path


def test_junit_is_well_formed_with_control_characters_in_a_file_name(hostile_file: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "--format", "junit", str(hostile_file)])
    assert result.exit_code == 1
    suite = ET.fromstring(result.output.split("\n", 1)[1])
    case = suite.find("testcase")
    assert case is not None and "\\x1b[2J" in case.attrib["name"]
    assert "\x1b" not in result.output and "\x01" not in result.output


@pytest.mark.parametrize("output_format", ["text", "github"])
def test_terminal_formats_escape_control_characters_in_file_names(hostile_file: Path, output_format: str) -> None:
    result = CliRunner().invoke(cli, ["check", "--format", output_format, "--show-source", str(hostile_file)])
    assert result.exit_code == 1
    assert not any(c in result.output for c in "\x1b\x07\x01")
    assert "\\033[2J\\033]0;pwned\\007\\001" in result.output
    if output_format == "text":  # one finding, one line: the newline in the name cannot forge another
        assert result.output.splitlines()[0].startswith('"') and "name.json\":1:" in result.output.splitlines()[0]


def test_paths_are_quoted_as_git_quotes_them() -> None:
    assert quote_path("personas/coach.json") == "personas/coach.json"
    assert quote_path("café/ü.json") == "café/ü.json"
    assert quote_path('a\tb"c\\d\x7f') == '"a\\tb\\"c\\\\d\\177"'
