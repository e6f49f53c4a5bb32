"""What a run is asked to do, what one file's check reports, and what the whole run found."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from linter.diagnostic import Diagnostic


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
    jobs: int = 1
    """Worker processes for many files (``linter.parallel``); 1 checks everything in this process."""
    keep_sources: bool = True
    """Keep the (masked) text of files with findings, for ``--show-source``; else hold no text at all."""
    today: date | None = None
    """The day the age of persona-lint's API data is measured against; ``None``: the system's date."""


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
    api_data: Mapping[str, ApiData] = field(default_factory=dict, compare=False, hash=False)
    """For files with findings about names persona-lint may not know yet: the revision and data date used."""
