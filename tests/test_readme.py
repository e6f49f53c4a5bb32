"""The README's example output is what persona-lint really prints."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from linter.cli import cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_broken_persona_example_output_is_current() -> None:
    block = README.split("A broken persona:", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    command, *expected = block.rstrip("\n").split("\n")[2:]  # skip the "$ printf" line and its "|" line
    assert command.startswith("coach.json:")
    printed = re.search(r"printf '(.*?)' \\", block)
    assert printed is not None
    stdin = printed.group(1).encode().decode("unicode_escape")
    result = CliRunner().invoke(cli, ["check", "--stdin-filename", "coach.json", "-"], input=stdin)
    assert result.stdout.splitlines() == [command, *expected]
