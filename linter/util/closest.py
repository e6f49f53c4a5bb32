"""The "did you mean" lookup behind every hint that suggests a spelling."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from itertools import islice

MAX_CANDIDATES = 100
"""Candidates compared per lookup (the first ones given): a lookup costs candidates x length²,
and a document that repeats a mistake for every one of thousands of declared names must not
cost their product. Every list persona-lint suggests from is shorter (Tavus allows 50 tools)."""
MAX_LENGTH = 128
"""Longer words get no suggestion and longer candidates are never suggested: a suggestion is for
a typo in a name, and comparing two long strings costs the product of their lengths."""


def closest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The candidate most like ``word`` (``difflib`` ratio at least ``cutoff``), or ``None``."""
    if len(word) > MAX_LENGTH:
        return None
    return _closest(word, tuple(islice(candidates, MAX_CANDIDATES)), cutoff)


@lru_cache(maxsize=1024)
def _closest(word: str, candidates: tuple[str, ...], cutoff: float) -> str | None:
    # 0.1 to 0.4 ms a lookup among a layer's twenty keys, and a repository repeats its mistakes
    # (the same unknown key in every persona), so each answer is kept.
    import difflib  # imported here: most runs suggest nothing, and start-up time counts (issue 5)

    short = [candidate for candidate in candidates if len(candidate) <= MAX_LENGTH]
    found = difflib.get_close_matches(word, short, n=1, cutoff=cutoff)
    return found[0] if found else None
