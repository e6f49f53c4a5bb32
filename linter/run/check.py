"""Checking one file: reading it with limits, its configuration, parsing and linting."""

from __future__ import annotations

import os
import stat
import sys
from functools import lru_cache
from typing import BinaryIO

from linter.config.settings import Settings, settings_for
from linter.document.source import MAX_FILE_BYTES, parse
from linter.engine import lint as engine
from linter.engine import selection
from linter.run.files import Missing, Target
from linter.run.model import ApiData, FileReport, Request
from linter.schemas.association import choose_revision
from linter.tavus.evidence import data_date
from linter.tavus.persona import PERSONA_KEYS
from linter.tavus.secrets import redact_source


def check_item(item: Target | Missing, request: Request, stdin: BinaryIO | None = None) -> FileReport:
    """The report of one file, or of a named path that does not exist."""
    if isinstance(item, Missing):
        rules = selection.resolve(settings_of(request, request.paths[0] if request.paths else "."))
        return FileReport(item.path, tuple(engine.unreadable(item.path, "no such file or directory", rules)))
    return check_target(item, request, stdin)


def check_target(target: Target, request: Request, stdin: BinaryIO | None = None) -> FileReport:
    """Lint one file (or stdin) with the configuration that applies to it."""
    shown = request.stdin_filename or "-" if target.path == "-" else target.path
    settings = settings_of(request, shown)
    data, reason = _read(target.path, stdin)
    if data is None:
        rules = selection.resolve(settings, settings.ignored_for(shown))
        return FileReport(shown, tuple(engine.unreadable(shown, reason, rules)))
    document = parse(shown, data)
    if not target.explicit and isinstance(document.value, dict) and not PERSONA_KEYS & document.value.keys():
        return FileReport(shown, (), checked=False)
    diagnostics = tuple(engine.lint_with_settings(document, settings, request.revision))
    # The kept source feeds --show-source: mask secrets there too (linter.secrets).
    kept = redact_source(document.text, document.value) if diagnostics and request.keep_sources else None
    api_data = None
    if any(d.code in DATA_AGE_CODES for d in diagnostics):
        revision = choose_revision(document, request.revision, settings.schema_version)
        api_data = ApiData(revision, data_date(revision))
    return FileReport(shown, diagnostics, text=kept, api_data=api_data)


DATA_AGE_CODES = frozenset({"SCH009"})
"""Findings about names persona-lint may not know yet: the report says how old its data is."""


def settings_of(request: Request, path: str) -> Settings:
    return _with_flags(settings_for(path, request.config), request.select, request.extend_select, request.ignore)


@lru_cache(maxsize=64)
def _with_flags(
    settings: Settings, select: tuple[str, ...] | None, extend_select: tuple[str, ...], ignore: tuple[str, ...]
) -> Settings:
    # The command line's flags apply to each configuration once per run, not once per file.
    return settings.with_overrides(schema_version=None, select=select, extend_select=extend_select, ignore=ignore)


def _read(path: str, stdin: BinaryIO | None) -> tuple[bytes | None, str]:
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(MAX_FILE_BYTES + 1)
        return data, ""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return None, "not a regular file (a directory, FIFO, socket or device)"
        limit = MAX_FILE_BYTES + 1
        with open(path, "rb") as handle:
            # Sized by stat: asking for the whole limit makes Python allocate 5 MiB for every
            # few-kilobyte persona. A file that grew since is read on, up to the limit.
            data = handle.read(min(info.st_size + 1, limit))
            if info.st_size < len(data) < limit:
                data += handle.read(limit - len(data))
            return data, ""
    except FileNotFoundError:
        return None, "no such file or directory (it may have been removed while checking)"
    except PermissionError:
        return None, "permission denied"
    except OSError as error:
        return None, f"cannot read: {error.strerror or type(error).__name__}"
