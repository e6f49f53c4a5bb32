"""One generated input through every path a user has: the library, the CLI in every format, the
language server's analysis and its LSP conversion; and what every output must satisfy."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from click.testing import CliRunner

from linter import lint_text
from linter.cli import cli
from linter.lsp.server import _lint
from linter.reporters import FORMATS
from linter.reporters.text import quote_path

EXIT_CODES = (0, 1)
"""The documented exit codes of a run that ends with findings or none (README "Exit codes"):
2 is a usage or internal error, which none of these inputs is."""
INPUTS: Counter[str] = Counter()
"""Inputs checked per test module part, so that a count test can tell a vacuous run."""


def slices(secret: str) -> Iterator[str]:
    yield from (secret[i : i + 12] for i in range(max(1, len(secret) - 11)))


def assert_hidden(output: str, planted: Iterable[str], where: str) -> None:
    for secret in planted:
        for piece in slices(secret):
            assert piece not in output, f"{where}: a 12-character slice of planted {secret[:6]}… printed: {piece!r}"


def raw_controls(output: str) -> list[str]:
    """Characters of ``output`` that a terminal acts on or that reorder or break lines."""
    return sorted({c for c in output if c not in "\n\t" and not c.isprintable()})


@contextlib.contextmanager
def chdir(path: Path) -> Iterator[None]:
    before = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


@contextlib.contextmanager
def hang_guard(seconds: int = 60) -> Iterator[None]:
    """A hang fails the test instead of stalling CI (not a timing assertion: one batch takes a
    fraction of a second). Per batch: a whole test runs for minutes under the ``ci`` profile."""
    def hung(signum: int, frame: object) -> None:
        raise TimeoutError("persona-lint hung on this input")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def check_everywhere(
    files: dict[str, str | bytes], planted: Iterable[str] = (), label: str = "inputs", named: bool = False
) -> None:
    """Lint ``files`` (name to content) through every path and check every output.

    ``planted`` are the secrets the files hold: no 12-character slice of one may appear in any
    output. File names are shown as given (escaped), so they are checked for escaping, not masking;
    ``named``: every file has a finding, so the text output must name each.
    """
    with hang_guard():
        _check_everywhere(files, [secret for secret in planted if secret], label, named)


def _check_everywhere(files: dict[str, str | bytes], planted: list[str], label: str, named: bool) -> None:
    for name, content in files.items():
        text = content if isinstance(content, str) else content.decode("utf-8", "surrogateescape")
        library = lint_text(content, name)
        assert not [d for d in library if d.code == "INT001"], (name, content[:300], library)
        for d in library:
            (d.message + (d.hint or "") + d.pointer).encode("utf-8")
            assert_hidden(f"{d.message} {d.hint} {d.pointer}", planted, "library")
        linted = _lint(name, text, None, "utf-16")  # the server's analysis and its LSP conversion
        assert not [d for d in linted.diagnostics if d.code == "INT001"], (name, text[:300])
        shown = json.dumps([(d.message, d.data) for d in linted.diagnostics], ensure_ascii=False)
        shown.encode("utf-8")  # the server writes UTF-8: a lone surrogate would break the stream
        assert_hidden(shown, planted, "language server")
        INPUTS[label] += 1
    with tempfile.TemporaryDirectory() as folder, chdir(Path(folder)):
        for name, content in files.items():
            Path(name).write_bytes(content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content)
        for output_format in FORMATS:
            run_cli(output_format, list(files), planted, named)


def run_cli(output_format: str, names: list[str], planted: list[str], named: bool) -> None:
    args = ["check", "-j", "1", "--format", output_format, "--show-source", "--", *names]
    result = CliRunner().invoke(cli, args)
    where = f"--format {output_format}"
    assert result.exception is None or isinstance(result.exception, SystemExit), (where, result.exception)
    assert result.exit_code in EXIT_CODES, (where, result.exit_code, result.output[-2000:])
    output = result.output
    assert "Traceback" not in output, (where, output[-2000:])
    assert_hidden(output, planted, where)
    if output_format in ("json", "sarif", "gitlab"):
        json.loads(result.stdout)
    elif output_format == "junit":
        ET.fromstring(result.stdout.encode("utf-8"))
    else:  # these list findings only (SARIF's rule table names INT001 too)
        assert " INT001 " not in output, (where, output[-2000:])
        assert not raw_controls(output), (where, raw_controls(output), output[:2000])
    if output_format == "text" and named:
        for name in names:  # every file is named (each has a finding), escaped as git escapes it
            assert quote_path(name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")) in output, (
                name, output[:2000])
