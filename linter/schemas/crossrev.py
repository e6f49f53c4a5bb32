"""Which revisions define a key: the hint for an unknown key that another revision knows.

An unknown ``vqa`` layer in a 2026 persona, or ``pal_name`` in a ``/v2/personas`` body, is not a
typo: it belongs to another API revision, and saying which one is the useful fix.
"""

from __future__ import annotations

from functools import lru_cache

from linter.schemas import schemahelp
from linter.tavus import revisions
from linter.util.pointer import escape, split


@lru_cache(maxsize=4096)  # keyed by user input: bounded for the long-lived language server
def defines(revision: str, parent: str, key: str) -> bool:
    """True when ``revision``'s persona schema has property ``key`` in the object at ``parent``.

    ``parent`` is a pointer whose array indexes are all ``0`` (see :func:`normalized`), so that
    one answer serves every element of a list.
    """
    nodes = schemahelp.at(revision, parent)
    return any(isinstance(node.get("properties"), dict) and key in node["properties"] for node in nodes)


def normalized(pointer: str) -> str:
    return "".join("/0" if token.isdigit() else "/" + escape(token) for token in split(pointer))


def other_revisions_hint(parent: str, key: str, revision: str) -> str | None:
    """A hint naming the revisions where ``key`` exists under ``parent``, or ``None``."""
    place = normalized(parent)
    having = [name for name in revisions.NAMES if name != revision and defines(name, place, key)]
    if not having:
        return None
    newer = [name for name in having if revisions.newer(name, revision)]
    older = [name for name in having if name not in newer]
    if older and not newer:
        span = older[0] if len(older) == 1 else f"{older[0]} to {older[-1]}"
        return f"'{key}' belongs to revision {span}, not {revision}: remove it or check the file against that revision"
    first = newer[0]
    return f"'{key}' exists from revision {first} on; this file is checked against {revision} (see --schema-version)"
