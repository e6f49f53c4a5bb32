"""What a run is asked to do, what one file's check reports, and what the whole run found."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from linter.diagnostic import Diagnostic
from linter.engine.suppress import Suppressed
from linter.fix.apply import Applied, Refused


@dataclass(frozen=True, slots=True)
class Request:
    """What to check and how: the command line's options, as plain data."""

    paths: tuple[str, ...]
    revision: str | None = None
    config: Path | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    stdin_filename: str | None = None
    kind: Literal["persona", "patch"] | None = None
    """``--kind``: read every file as a persona or as a JSON Patch body (else each file is guessed)."""
    base: str | None = None
    """``--base``: the persona file every patch applies to (else the configuration's ``bases``)."""
    jobs: int = 1
    """Worker processes for many files (``linter.parallel``); 1 checks everything in this process."""
    keep_sources: bool = True
    """Keep the (masked) text of files with findings, for ``--show-source``; else hold no text at all."""
    fix: Literal["safe", "unsafe"] | None = None
    """Apply fixes (``--fix``; ``unsafe`` with ``--unsafe-fixes``); ``None`` only reports."""
    diff: bool = False
    """With :attr:`fix`: compute what fixing would change (``--diff``) and write nothing."""
    baseline: Path | None = None
    """The baseline file (``--baseline``); ``None`` uses the configured one, if any."""
    use_baseline: bool = True
    """False while ``--write-baseline`` records every current finding."""
    respect_gitignore: bool = True
    """Walks skip what ``.gitignore`` files ignore."""
    force_exclude: bool = False
    """``exclude`` patterns apply to files named explicitly too (pre-commit names every file)."""
    today: date | None = None
    """The day the age of persona-lint's API data is measured against; ``None``: the system's date."""


@dataclass(frozen=True, slots=True)
class FileFixes:
    """What fixing did to one file: the fixes made and refused, and the result for ``-`` or ``--diff``."""

    path: str
    applied: tuple[Applied, ...]
    refused: tuple[Refused, ...] = ()
    diff: str | None = None
    """A unified diff of the change (``--diff``), or ``None``."""
    text: str | None = None
    """The fixed text of standard input (``-``), which goes to standard output."""


@dataclass(frozen=True, slots=True)
class ApiData:
    """Which revision checked a file and how old persona-lint's data of it is (``YYYY-MM``)."""

    revision: str
    data_date: str


@dataclass(frozen=True, slots=True)
class FileReport:
    path: str
    diagnostics: tuple[Diagnostic, ...]
    checked: bool = True
    text: str | None = None
    """The decoded source, kept only when there are diagnostics (for ``--show-source``)."""
    fixes: FileFixes | None = None
    other_texts: tuple[tuple[str, str], ...] = ()
    """Other files the diagnostics point into (a patch's base persona), by path, masked too."""
    suppressed: tuple[Suppressed, ...] = ()
    """What suppressions and the baseline silenced in this file (``--show-suppressed``)."""
    origin: str | None = None
    """The named directory a walked file was found under (``None`` for a named file)."""
    api_data: ApiData | None = None
    """The revision and data date used, for a file with findings about names persona-lint may not know yet."""


@dataclass(frozen=True, slots=True)
class LintResult:
    """All diagnostics of a run (sorted), how many files were checked, and notices for people."""

    diagnostics: tuple[Diagnostic, ...]
    files: int
    notices: tuple[str, ...] = field(default=())
    paths: tuple[str, ...] = ()
    """Every checked file, in order (JUnit reports one test case per file)."""
    sources: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)
    """Source text of the files that have diagnostics, by path (costs nothing for clean files)."""
    fixes: tuple[FileFixes, ...] = ()
    """What ``--fix`` did, one entry per file it changed or would change."""
    suppressed: tuple[Suppressed, ...] = ()
    """Findings a suppression or the baseline silenced (``--show-suppressed`` lists them)."""
    api_data: Mapping[str, ApiData] = field(default_factory=dict, compare=False, hash=False)
    """For files with findings about names persona-lint may not know yet: the revision and data date used."""
