"""What ``persona-lint migrate`` prints: per file what changed and what a person must decide."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from linter.reporters.text import line
from linter.run.migration import FileMigration, Mode


def report(migrations: Iterable[FileMigration], mode: Mode, out: TextIO, err: TextIO) -> int:
    """Print each file's result; 1 when a file failed, a person must decide something, or (``--diff``)
    a file would change; else 0."""
    failed = undecided = changed = files = 0
    for migration in migrations:
        if migration.error is not None:
            failed += 1
            err.write(f"{migration.path}: {migration.error}\n")
            continue
        outcome = migration.outcome
        if outcome is None:
            continue
        files += 1
        changed += outcome.changed
        undecided += bool(migration.decisions)
        out.write(migration.output)
        summary = out if mode == "write" else err  # a diff or a patch on stdout stays clean
        if outcome.changed:
            verb = "migrated" if mode == "write" else "would migrate"
            summary.write(f"{migration.path}: {verb} {outcome.source} -> {outcome.target} "
                          f"({len(outcome.changes)} change{'s' if len(outcome.changes) != 1 else ''})\n")
        summary.writelines(line(d) + "\n" for d in migration.decisions)
    verb = "Migrated" if mode == "write" else "Would migrate"
    left = f"; {undecided} need{'s' if undecided == 1 else ''} a decision (MIG001)" if undecided else ""
    (out if mode == "write" else err).write(f"{verb} {changed} of {files} file{'s' if files != 1 else ''}{left}.\n")
    return 1 if failed or undecided or (mode == "diff" and changed) else 0
