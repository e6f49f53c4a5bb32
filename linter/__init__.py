"""persona-lint: lint Tavus persona (PAL) bodies against versioned schemas and semantic rules.

The public API::

    from linter import lint_text, lint_patch, lint_paths, Diagnostic, Severity

Everything else is internal and may change between releases.
"""

from __future__ import annotations

from linter.api import fix_text, lint_patch, lint_paths, lint_text, load_settings, migrate_text
from linter.config.settings import ConfigError, Settings
from linter.diagnostic import Diagnostic, Position, Severity, Span
from linter.run.model import LintResult
from linter.schemas.store import SchemaError
from linter.tavus.revisions import DEFAULT as DEFAULT_REVISION
from linter.tavus.revisions import NAMES as REVISIONS
from linter.util.version import VERSION

__version__ = VERSION

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
    "fix_text",
    "lint_patch",
    "lint_paths",
    "lint_text",
    "load_settings",
    "migrate_text",
]
