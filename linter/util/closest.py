"""The "did you mean" lookup behind every hint that suggests a spelling."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache


def closest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The candidate most like ``word`` (``difflib`` ratio at least ``cutoff``), or ``None``."""
    return _closest(word, tuple(candidates), cutoff)


@lru_cache(maxsize=1024)
def _closest(word: str, candidates: tuple[str, ...], cutoff: float) -> str | None:
    # 0.1 to 0.4 ms a lookup among a layer's twenty keys, and a repository repeats its mistakes
    # (the same unknown key in every persona), so each answer is kept.
    import difflib  # imported here: most runs suggest nothing, and start-up time counts (issue 5)

    found = difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)
    return found[0] if found else None
