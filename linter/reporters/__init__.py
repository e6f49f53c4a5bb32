"""Output formats: each module renders a finished run (a :class:`~linter.runner.LintResult`)."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Mapping
from typing import TextIO

from linter.diagnostic import Diagnostic
from linter.run.model import LintResult

Reporter = Callable[[LintResult, TextIO], None]

FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab")


def message_with_hint(diagnostic: Diagnostic) -> str:
    """``message (hint)``, or the message alone: how every output but JSON words a finding."""
    return f"{diagnostic.message} ({diagnostic.hint})" if diagnostic.hint else diagnostic.message


def reporter(name: str) -> Reporter:
    """The render function of an output format (imported only when used)."""
    module = name if name in FORMATS else "text"
    imported = importlib.import_module(f"linter.reporters.{module}")
    render: Reporter = imported.render
    return render


def resolve(name: str, environ: Mapping[str, str] | None = None) -> str:
    """``auto`` is ``github`` inside GitHub Actions (``GITHUB_ACTIONS=true``), else ``text``."""
    if name != "auto":
        return name
    environment = os.environ if environ is None else environ
    return "github" if environment.get("GITHUB_ACTIONS") == "true" else "text"
