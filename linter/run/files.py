"""Which files a run checks: named files, directories walked recursively, ``-`` for stdin.

A walk skips, without a word: folders that hold no personas by convention (``build``,
``dist``, ``node_modules``, virtual environments, hidden folders such as ``.git`` or
``.vscode``), whatever ``.gitignore`` files ignore (as git and ruff do; ``respect_gitignore``
off turns that off), ``exclude`` patterns of the configuration, and file symlinks (a walk never
reads through a link; a file named explicitly is read as given). Which walked files look like
a persona is decided after parsing (:func:`linter.run.check.looks_lintable`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

PERSONA_SUFFIXES = (".json", ".yaml", ".yml")
SKIPPED_DIRS = frozenset({"node_modules", "venv", "__pycache__", "build", "dist", "site-packages"})
"""Folder names a walk never enters (hidden folders, ``.git`` and ``.venv`` among them, neither)."""


class Target(NamedTuple):
    """One file to check; ``explicit`` when the user named it (always checked, any suffix);
    ``origin`` the named directory a walked file was found under."""

    path: str
    explicit: bool
    origin: str | None = None


class Missing(NamedTuple):
    """A named path that does not exist."""

    path: str


class EmptyDirectory(NamedTuple):
    """A named directory holding no persona files."""

    path: str


Excluded = Callable[[str], bool]
"""Whether the configuration that applies to a path excludes it."""


def expand(
    paths: tuple[str, ...],
    excluded: Excluded = lambda path: False,
    *,
    respect_gitignore: bool = True,
    force_exclude: bool = False,
) -> Iterator[Target | Missing | EmptyDirectory]:
    """Every target of ``paths`` in order, each file once, directories walked in sorted order."""
    # A file named explicitly is checked as named, even when a walk also finds it.
    seen = {_key(p) for p in paths if p != "-" and os.path.lexists(p) and not os.path.isdir(p)}
    named: set[str] = set()
    for given in paths:
        if given == "-":
            yield Target("-", explicit=True)
        elif os.path.isdir(given):
            found = False
            for target in _walk(given, excluded, respect_gitignore):
                found = True
                if _first_time(target.path, seen):
                    yield target
            if not found:
                yield EmptyDirectory(given)
        elif os.path.lexists(given):
            if not (force_exclude and excluded(given)) and _first_time(given, named):
                yield Target(given, explicit=True)
        else:
            yield Missing(given)


def _key(path: str) -> str:
    return os.path.normcase(os.path.abspath(path))


def _first_time(path: str, seen: set[str]) -> bool:
    key = _key(path)
    if key in seen:
        return False
    seen.add(key)
    return True


def _walk(directory: str, excluded: Excluded, respect_gitignore: bool) -> Iterator[Target]:
    ignores = _Gitignores(directory) if respect_gitignore else None
    for root, dirs, files in os.walk(directory, followlinks=False):
        dirs[:] = sorted(
            d for d in dirs
            if not d.startswith(".") and d not in SKIPPED_DIRS
            and not excluded(os.path.join(root, d))
            and not (ignores and ignores.ignored(os.path.join(root, d), is_dir=True))
        )
        for name in sorted(files):
            path = os.path.join(root, name)
            if (
                name.lower().endswith(PERSONA_SUFFIXES)
                and not os.path.islink(path)
                and not excluded(path)
                and not (ignores and ignores.ignored(path, is_dir=False))
            ):
                yield Target(path, explicit=False, origin=directory)


class _Gitignores:
    """The ``.gitignore`` files that apply under a walked directory: those of its folders and
    those above it up to the repository's root (the folder holding ``.git``)."""

    def __init__(self, directory: str) -> None:
        self._top = _repository_root(os.path.abspath(directory))

    def ignored(self, path: str, *, is_dir: bool) -> bool:
        absolute = os.path.abspath(path)
        verdict = False
        # git reads every .gitignore from the top down; a deeper file (and a later line) wins.
        for folder in self._folders_above(absolute):
            spec = _spec(folder)
            if spec is None:
                continue
            relative = os.path.relpath(absolute, folder).replace(os.sep, "/")
            result = spec.check_file(relative + "/" if is_dir else relative)
            if result.include is not None:
                verdict = result.include
        return verdict

    def _folders_above(self, absolute: str) -> list[str]:
        folders = []
        folder = os.path.dirname(absolute)
        while True:
            folders.append(folder)
            if folder == self._top or os.path.dirname(folder) == folder:
                break
            folder = os.path.dirname(folder)
        return folders[::-1]


def _repository_root(directory: str) -> str:
    """The nearest folder at or above ``directory`` holding ``.git``; ``directory`` when none does."""
    folder = directory
    while True:
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return directory
        folder = parent


@cache
def _spec(folder: str) -> GitIgnoreSpec | None:
    try:
        with open(os.path.join(folder, ".gitignore"), encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return None
    from pathspec import GitIgnoreSpec  # imported only where a .gitignore exists

    return GitIgnoreSpec.from_lines(lines)


def clear_caches() -> None:
    """Forget the ``.gitignore`` files read so far (each run reads them afresh)."""
    _spec.cache_clear()
