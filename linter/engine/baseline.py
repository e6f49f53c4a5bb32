"""The baseline: findings a team has accepted, so that only new ones fail (docs/baseline.md).

An entry is matched by file, code, JSON Pointer and a hash of the finding's message (which names
the offending value), never by line: moving lines or reformatting keeps it matched. Paths are
relative to the baseline file's folder, with forward slashes. Secrets (``SEC``) are never
recorded: a key in clear must leave the file and be rotated, not be accepted.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from linter.config.settings import ConfigError
from linter.diagnostic import Diagnostic
from linter.engine.lint import ALWAYS_REPORTED

FORMAT_VERSION = 1
NOT_RECORDED = ("SEC", "SUP002")
"""Secrets are never accepted; stale-entry notices describe the baseline itself."""


class Entry(NamedTuple):
    path: str
    code: str
    pointer: str
    hash: str
    message: str
    """For people reviewing the file in a diff; matching ignores it (the hash covers it)."""


def fingerprint(diagnostic: Diagnostic) -> str:
    """What the finding is about: its code, pointer and message, hashed (never its position)."""
    digest = hashlib.sha256(f"{diagnostic.code}\0{diagnostic.pointer}\0{diagnostic.message}".encode())
    return digest.hexdigest()[:16]


def relative(path: str, folder: Path) -> str:
    """``path`` as the baseline writes it: relative to ``folder`` when inside it, POSIX slashes."""
    resolved = Path(path).resolve()
    with contextlib.suppress(ValueError):
        return resolved.relative_to(folder.resolve()).as_posix()
    return resolved.as_posix()


def recordable(diagnostic: Diagnostic) -> bool:
    """Whether the baseline may accept a finding: never stdin, secrets, its own notices, or a
    file that cannot be read or parsed (that always fails a run)."""
    return (
        diagnostic.path != "-" and not diagnostic.code.startswith(NOT_RECORDED)
        and diagnostic.code not in ALWAYS_REPORTED
    )


def entries_for(diagnostics: Iterable[Diagnostic], folder: Path) -> list[Entry]:
    """Sorted entries for ``diagnostics``: the same findings always give the same file."""
    found = [
        Entry(relative(d.path, folder), d.code, d.pointer, fingerprint(d), d.message)
        for d in diagnostics if recordable(d)
    ]
    return sorted(found)


def render(entries: list[Entry]) -> str:
    document = {
        "version": FORMAT_VERSION,
        "tool": "persona-lint",
        "entries": [entry._asdict() for entry in entries],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write(path: Path, diagnostics: Iterable[Diagnostic]) -> int:
    """Write the baseline of ``diagnostics`` to ``path`` (atomically); the number of entries."""
    from linter.util.atomic import write_text

    entries = entries_for(diagnostics, path.parent)
    write_text(path, render(entries))
    return len(entries)


def load(path: Path) -> dict[str, tuple[Entry, ...]]:
    """The entries of a baseline file by path; a missing or broken file is a :class:`ConfigError`."""
    try:
        stamp = path.stat().st_mtime_ns
    except OSError as error:
        raise ConfigError(f"baseline {path}: cannot read: {error.strerror or error}") from None
    return _load(path.resolve(), stamp)


@lru_cache(maxsize=4)
def _load(path: Path, stamp: int) -> dict[str, tuple[Entry, ...]]:
    try:
        document: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ConfigError(f"baseline {path}: not a persona-lint baseline: {error}") from None
    if not isinstance(document, dict) or document.get("version") != FORMAT_VERSION:
        raise ConfigError(f"baseline {path}: not a persona-lint baseline (version {FORMAT_VERSION} expected)")
    raw = document.get("entries")
    if not isinstance(raw, list):
        raise ConfigError(f"baseline {path}: 'entries' must be a list")
    by_path: dict[str, list[Entry]] = {}
    for number, item in enumerate(raw):
        fields = Entry._fields
        if not isinstance(item, dict) or not all(isinstance(item.get(key), str) for key in fields):
            raise ConfigError(f"baseline {path}: entries[{number}] needs the strings {', '.join(fields)}")
        entry = Entry(*(item[key] for key in fields))
        by_path.setdefault(entry.path, []).append(entry)
    return {key: tuple(value) for key, value in by_path.items()}


def match(
    diagnostics: list[Diagnostic], entries: tuple[Entry, ...]
) -> tuple[list[Diagnostic], list[Diagnostic], list[Entry]]:
    """New findings, baselined findings, and the entries no finding matched (stale).

    Entries are counted: two identical findings need two entries.
    """
    available = Counter((e.code, e.pointer, e.hash) for e in entries)
    new: list[Diagnostic] = []
    known: list[Diagnostic] = []
    for diagnostic in diagnostics:
        key = (diagnostic.code, diagnostic.pointer, fingerprint(diagnostic))
        if recordable(diagnostic) and available[key] > 0:
            available[key] -= 1
            known.append(diagnostic)
        else:
            new.append(diagnostic)
    stale: list[Entry] = []
    for entry in entries:
        key = (entry.code, entry.pointer, entry.hash)
        if available[key] > 0:
            available[key] -= 1
            stale.append(entry)
    return new, known, stale
