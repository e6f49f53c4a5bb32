"""persona-lint: lint Tavus persona (PAL) bodies against versioned schemas and semantic rules.

The public API::

    from linter import lint_text, lint_paths, Diagnostic, Severity

Everything else is internal and may change between releases.
"""

from __future__ import annotations

from linter.api import lint_paths, lint_text, load_settings
from linter.config import ConfigError, Settings
from linter.diagnostic import Diagnostic, Position, Severity, Span
from linter.revisions import DEFAULT as DEFAULT_REVISION
from linter.revisions import NAMES as REVISIONS
from linter.runner import LintResult
from linter.schemas import SchemaError

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_REVISION",
    "REVISIONS",
    "ConfigError",
    "Diagnostic",
    "LintResult",
    "Position",
    "SchemaError",
    "Settings",
    "Severity",
    "Span",
    "__version__",
    "lint_paths",
    "lint_text",
    "load_settings",
]
