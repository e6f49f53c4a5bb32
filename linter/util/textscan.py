"""Regexes tried only where a literal they start with occurs, not at every character.

Python's regex engine finds a pattern's literal prefix quickly, but not when the pattern opens
with a lookbehind, an alternation of words or a case-insensitive class; those are tried at
every character. The prompt and secret scans find where their patterns can start with
``str.find`` and match there: :func:`matches_at` gives what ``finditer`` gives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from linter.util.lazy_regex import LazyPattern


def occurrences(text: str, word: str) -> Iterator[int]:
    """Every offset where ``word`` starts in ``text``, overlapping ones included."""
    index = text.find(word)
    while index >= 0:
        yield index
        index = text.find(word, index + 1)


def run_start(text: str, index: int, chars: frozenset[str]) -> int:
    """Where the run of ``chars`` that ends at ``index`` starts (``index`` when none precedes it)."""
    while index > 0 and text[index - 1] in chars:
        index -= 1
    return index


def run_starts(text: str, indices: Iterable[int], chars: frozenset[str]) -> dict[int, int]:
    """:func:`run_start` of every index, in one pass over ``text``: calling it for each of many
    indices inside one long run ("keykeykey...") walks the run again each time, quadratic."""
    starts: dict[int, int] = {}
    previous, previous_start = -1, 0
    for index in sorted(set(indices)):
        position = index
        while position > 0 and text[position - 1] in chars and position != previous:
            position -= 1
        # Reaching the previous index through run characters means sharing its run's start.
        start = previous_start if position == previous else position
        starts[index] = start
        previous, previous_start = index, start
    return starts


def matches_at(pattern: LazyPattern, text: str, candidates: Iterable[int]) -> Iterator[re.Match[str]]:
    """The matches ``finditer`` finds when it can only match at ``candidates`` (ascending)."""
    end = 0
    for index in candidates:
        if index < end:  # finditer resumes after a match: matches never overlap
            continue
        match = pattern.match(text, index)
        if match is not None:
            end = match.end()
            yield match
