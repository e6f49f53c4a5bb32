"""Suppressions: YAML comments and configured JSON Pointer ignores silence findings, with a reason.

- ``# persona-lint: disable=CODE[,CODE...] -- reason`` at the end of a line silences those codes
  on that line; on a line of its own, on the next line that is not blank or a comment.
- ``# persona-lint: disable-file=CODE[,...] -- reason`` in the file's first comment block
  silences those codes in the whole file.
- ``per-file-ignores`` entries ``CODE:/pointer`` and ``ignore-at`` entries silence a code at a
  JSON Pointer and below.

Codes, names and families are accepted, as in ``--ignore``. Secrets (``SEC``) are never
silenced by a comment: the key must leave the file and be rotated. A comment or ``ignore-at``
entry that silences nothing is reported as ``SUP001``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from linter.config.adoption import PointerIgnore, covers
from linter.config.settings import ConfigError, Settings
from linter.diagnostic import Diagnostic, Span
from linter.engine.selection import matching
from linter.util import pointer as ptr

IN_SOURCE, EXTERNAL = "inSource", "external"
"""SARIF 2.1.0 suppression kinds (section 3.35.2): a comment in the file, or configuration and baseline."""
SECRETS_FAMILY = "SEC"
MISPLACED = -1

_DIRECTIVE = re.compile(
    r"(?:^|\s)#\s*persona-lint:\s*(?P<kind>disable-file|disable)\s*=\s*(?P<codes>[^\s,][^#]*?)"
    r"(?:\s+--\s*(?P<reason>.*?))?\s*$"
)


class Suppressed(NamedTuple):
    """A finding that was silenced, how (a SARIF kind) and why."""

    diagnostic: Diagnostic
    kind: str
    justification: str | None


class Directive(NamedTuple):
    """One ``# persona-lint: disable...`` comment."""

    line: int
    """The line the comment is on (1-based)."""
    target: int | None
    """The line it silences; ``None`` for the whole file, :data:`MISPLACED` for a ``disable-file``
    below the first comment block, and 0 for a comment with no line after it."""
    selectors: tuple[str, ...]
    reason: str | None
    span: Span


def directives(text: str) -> Iterator[Directive]:
    """Every suppression comment of a YAML text, with the line it applies to."""
    from linter.diagnostic import Position

    lines = text.splitlines()
    in_first_block = True
    pending: list[tuple[int, re.Match[str]]] = []
    for number, content in enumerate(lines, start=1):
        stripped = content.strip()
        is_comment = stripped.startswith("#")
        if stripped and not is_comment and stripped != "---":
            in_first_block = False
        found = _DIRECTIVE.search(content) if "persona-lint" in content else None
        if found is not None:
            start = found.start() + (1 if found.group(0)[0].isspace() else 0)
            span = Span(Position(number, start + 1), Position(number, len(content.rstrip()) + 1))
            selectors = tuple(s.strip() for s in found.group("codes").split(",") if s.strip())
            reason = found.group("reason") or None
            if found.group("kind") == "disable-file":
                yield Directive(number, None if in_first_block else MISPLACED, selectors, reason, span)
                continue
            if is_comment:
                pending.append((number, found))
                continue
            yield Directive(number, number, selectors, reason, span)
        if stripped and not is_comment and pending:
            for comment_line, match in pending:
                yield _own_line(comment_line, match, lines[comment_line - 1], number)
            pending.clear()
    for comment_line, match in pending:  # nothing follows: it applies to no line
        yield _own_line(comment_line, match, lines[comment_line - 1], 0)


def _own_line(comment_line: int, match: re.Match[str], content: str, target: int) -> Directive:
    from linter.diagnostic import Position

    start = match.start() + (1 if match.group(0)[0].isspace() else 0)
    span = Span(Position(comment_line, start + 1), Position(comment_line, len(content.rstrip()) + 1))
    selectors = tuple(s.strip() for s in match.group("codes").split(",") if s.strip())
    return Directive(comment_line, target, selectors, match.group("reason") or None, span)


class Unused(NamedTuple):
    """A suppression that silenced nothing: where to report it and what to say."""

    span: Span | None
    pointer: str
    message: str
    removal: tuple[int, int] | None = None
    """Offsets of the text whose removal takes the comment out (a fix), when it silences nothing."""


def codes_of(selector: str) -> frozenset[str] | None:
    """The codes a selector names, or ``None`` when it names no rule."""
    try:
        return frozenset(rule.code for rule in matching(selector))
    except ConfigError:
        return None


def apply_comments(
    diagnostics: list[Diagnostic], text: str, enabled: frozenset[str]
) -> tuple[list[Diagnostic], list[Suppressed], list[Unused]]:
    """Silence what the YAML comments of ``text`` name; report the comments that silence nothing."""
    kept: list[Diagnostic] = []
    silenced: list[Suppressed] = []
    unused: list[Unused] = []
    # A comment on the finding's line is used before a file-wide one, so each can be judged unused.
    ordered = sorted(directives(text), key=lambda d: d.target is None)
    parsed = [(d, [codes_of(s) for s in d.selectors]) for d in ordered]
    used: set[int] = set()
    for diagnostic in diagnostics:
        hit = None
        if not diagnostic.code.startswith(SECRETS_FAMILY):
            for index, (directive, code_sets) in enumerate(parsed):
                line_matches = directive.target is None or directive.target == diagnostic.span.start.line
                if line_matches and any(codes and diagnostic.code in codes for codes in code_sets):
                    hit = index
                    break
        if hit is None:
            kept.append(diagnostic)
            continue
        used.add(hit)
        silenced.append(Suppressed(diagnostic, IN_SOURCE, parsed[hit][0].reason))
    for index, (directive, code_sets) in enumerate(parsed):
        named = ", ".join(directive.selectors)
        unknown = [s for s, codes in zip(directive.selectors, code_sets, strict=True) if codes is None]
        secret = [s for s, codes in zip(directive.selectors, code_sets, strict=True)
                  if codes and all(c.startswith(SECRETS_FAMILY) for c in codes)]
        if unknown:
            message = f"the suppression names {unknown[0]!r}, which is not a code, a name or a family"
        elif secret:
            message = (f"secrets in clear cannot be silenced inline ({secret[0]}): move the key out of the file "
                       "and rotate it")
        elif directive.target == MISPLACED:
            message = f"'disable-file={named}' is below the file's first comment block and silences nothing: move it up"
        elif index in used:
            continue
        elif not any(codes and codes & enabled for codes in code_sets):
            continue  # none of its rules ran (--select, ignore): it cannot be judged unused
        else:
            # No line number in the message: a baseline hashes it, and lines move.
            if directive.target is None:
                message = f"'disable-file={named}' silences nothing in this file: remove it"
            elif directive.target == directive.line:
                message = f"'disable={named}' silences nothing on its line: remove it"
            else:
                message = f"'disable={named}' silences nothing on the line below it: remove it"
            unused.append(Unused(directive.span, "", message, _removal(text, directive)))
            continue
        unused.append(Unused(directive.span, "", message))
    return kept, silenced, unused


def _removal(text: str, directive: Directive) -> tuple[int, int]:
    """The comment alone, or its whole line when nothing else is on it."""
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    line_start, next_start = starts[directive.line - 1], starts[directive.line]
    content = text[line_start:next_start]
    comment = directive.span.start.column - 1
    before = content[:comment].rstrip()
    if not before:
        return line_start, next_start
    end_of_content = len(content.rstrip("\r\n"))
    return line_start + len(before), line_start + end_of_content


def apply_pointer_ignores(
    diagnostics: list[Diagnostic], settings: Settings, path: str, enabled: frozenset[str]
) -> tuple[list[Diagnostic], list[Suppressed], list[Unused]]:
    """Silence what ``per-file-ignores`` ``CODE:/pointer`` entries and ``ignore-at`` entries cover."""
    entries = [e for e in settings.adoption.pointer_ignores if covers(e.glob, path, settings.root)]
    if not entries:
        return diagnostics, [], []
    code_sets = [_entry_codes(entry, settings.source or "configuration") for entry in entries]
    kept: list[Diagnostic] = []
    silenced: list[Suppressed] = []
    used: set[int] = set()
    for diagnostic in diagnostics:
        hit = next(
            (i for i, (entry, codes) in enumerate(zip(entries, code_sets, strict=True))
             if diagnostic.code in codes and ptr.is_within(diagnostic.pointer, entry.pointer)),
            None,
        )
        if hit is None:
            kept.append(diagnostic)
        else:
            used.add(hit)
            silenced.append(Suppressed(diagnostic, EXTERNAL, entries[hit].reason))
    unused = [
        Unused(None, entry.pointer,
               f"the configuration's {entry.origin} entry ({entry.selector} at {entry.pointer or '(root)'}) "
               "silences nothing in this file: remove it")
        for i, (entry, codes) in enumerate(zip(entries, code_sets, strict=True))
        if entry.report_unused and i not in used and codes & enabled
    ]
    return kept, silenced, unused


def _entry_codes(entry: PointerIgnore, where: str) -> frozenset[str]:
    codes = codes_of(entry.selector)
    if codes is None:
        raise ConfigError(f"{where}: {entry.origin}: {entry.selector!r} is not a code, a name or a family")
    return codes
