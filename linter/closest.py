"""The "did you mean" lookup behind every hint that suggests a spelling."""

from __future__ import annotations

from collections.abc import Iterable


def closest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The candidate most like ``word`` (``difflib`` ratio at least ``cutoff``), or ``None``."""
    import difflib  # imported here: most runs suggest nothing, and start-up time counts (issue 5)

    found = difflib.get_close_matches(word, list(candidates), n=1, cutoff=cutoff)
    return found[0] if found else None
