"""What ``--fix``, ``--diff`` and ``--show-fixes`` print: fixed counts, fixable counts, diffs."""

from __future__ import annotations

from typing import TextIO

from linter.diagnostic import Diagnostic
from linter.run.model import LintResult


def marker(diagnostic: Diagnostic, unsafe: bool) -> str:
    """``[*] `` before the message of a finding ``--fix`` (with ``unsafe``: ``--unsafe-fixes``) fixes."""
    fix = diagnostic.fix
    return "[*] " if fix is not None and (unsafe or fix.applicability == "safe") else ""


def fixable_line(diagnostics: tuple[Diagnostic, ...], unsafe: bool) -> str:
    """How many findings ``--fix`` would fix, and how many more ``--unsafe-fixes`` would ("" if none)."""
    safe = sum(1 for d in diagnostics if d.fix is not None and d.fix.applicability == "safe")
    more = sum(1 for d in diagnostics if d.fix is not None and d.fix.applicability == "unsafe")
    if unsafe or not safe:
        total = safe + more if unsafe else more
        return f"{total} fixable with --fix --unsafe-fixes." if total else ""
    extra = f" ({more} more with --unsafe-fixes)" if more else ""
    return f"{safe} fixable with --fix{extra}."


def fixes_summary(result: LintResult, *, listed: bool) -> str:
    """``Fixed N problems in M files.``, and with ``listed`` each fix and each refused fix."""
    applied = sum(len(f.applied) for f in result.fixes)
    changed = sum(1 for f in result.fixes if f.applied)
    lines = []
    if applied:
        lines.append(f"Fixed {_count(applied, 'problem')} in {_count(changed, 'file')}.")
    if listed:
        for fixes in result.fixes:
            if not fixes.applied and not fixes.refused:
                continue
            lines.append(f"- {fixes.path}:")
            lines.extend(f"    {a.code} {a.title} (at {a.pointer or '/'})" for a in fixes.applied)
            lines.extend(f"    not fixed: {r.code} {r.title}: {r.reason}" for r in fixes.refused)
        if not applied:
            lines.append("No fixes applied.")
    return "".join(line + "\n" for line in lines)


def print_diffs(result: LintResult, out: TextIO, err: TextIO) -> int:
    """Every file's diff on ``out``, a count on ``err``; 1 when there is a diff, else 0."""
    diffs = [f for f in result.fixes if f.diff]
    for fixes in diffs:
        out.write(fixes.diff or "")
    fixed = sum(len(f.applied) for f in diffs)
    if diffs:
        err.write(f"Would fix {_count(fixed, 'problem')} in {_count(len(diffs), 'file')}.\n")
    else:
        err.write("No fixes available.\n")
    return 1 if diffs else 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
