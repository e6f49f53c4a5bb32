"""Output formats: each module renders a finished run (a :class:`~linter.runner.LintResult`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from linter.runner import LintResult

Reporter = Callable[[LintResult, TextIO], None]

FORMATS = ("text", "json")


def reporter(name: str) -> Reporter:
    """The render function of an output format (imported only when used)."""
    if name == "json":
        from linter.reporters.json import render
    else:
        from linter.reporters.text import render
    return render
