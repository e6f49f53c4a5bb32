"""What a run is asked to do, what one file's check reports, and what the whole run found."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
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
    respect_gitignore: bool = True
    """Walks skip what ``.gitignore`` files ignore."""
    force_exclude: bool = False
    """``exclude`` patterns apply to files named explicitly too (pre-commit names every file)."""


@dataclass(frozen=True, slots=True)
class FileReport:
    path: str
    diagnostics: tuple[Diagnostic, ...]
    checked: bool = True
    text: str | None = None
    """The decoded source, kept only when there are diagnostics (for ``--show-source``)."""
    origin: str | None = None
    """The named directory a walked file was found under (``None`` for a named file)."""


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
