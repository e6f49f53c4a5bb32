"""Which files a run checks: named files, directories walked recursively, ``-`` for stdin."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

PERSONA_SUFFIXES = (".json", ".yaml", ".yml")
_SKIPPED_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache"}


class Target(NamedTuple):
    """One file to check; ``explicit`` when the user named it (always checked, any suffix)."""

    path: str
    explicit: bool


class Missing(NamedTuple):
    """A named path that does not exist."""

    path: str


class EmptyDirectory(NamedTuple):
    """A named directory holding no persona files."""

    path: str


def expand(paths: tuple[str, ...], exclude: tuple[str, ...] = ()) -> Iterator[Target | Missing | EmptyDirectory]:
    """Every target of ``paths`` in order, directories walked in sorted order, without following links."""
    for given in paths:
        if given == "-":
            yield Target("-", explicit=True)
        elif os.path.isdir(given):
            found = False
            for target in _walk(given, exclude):
                found = True
                yield target
            if not found:
                yield EmptyDirectory(given)
        elif os.path.lexists(given):
            yield Target(given, explicit=True)
        else:
            yield Missing(given)


def _walk(directory: str, exclude: tuple[str, ...]) -> Iterator[Target]:
    for root, dirs, files in os.walk(directory, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED_DIRS and not _excluded(os.path.join(root, d), exclude))
        for name in sorted(files):
            path = os.path.join(root, name)
            if name.lower().endswith(PERSONA_SUFFIXES) and not _excluded(path, exclude):
                yield Target(path, explicit=False)


def _excluded(path: str, patterns: tuple[str, ...]) -> bool:
    if not patterns:
        return False
    posix = Path(path).as_posix()
    return any(fnmatch.fnmatchcase(posix, p) or fnmatch.fnmatchcase(os.path.basename(path), p) for p in patterns)
