"""Which revisions define a key: the hint for an unknown key that another revision knows.

An unknown ``vqa`` layer in a 2026 persona, or ``pal_name`` in a ``/v2/personas`` body, is not a
typo: it belongs to another API revision, and saying which one is the useful fix.
"""

from __future__ import annotations

from functools import cache
from typing import Any
from urllib.parse import urldefrag, urljoin

from linter import revisions, schemas
from linter.pointer import split


@cache
def members(revision: str) -> frozenset[tuple[str, str]]:
    """``(parent pattern, key)`` for every property the revision's persona schema defines.

    Patterns are pointers with array indexes written ``*``: ``("/layers/llm/tools/*", "type")``.
    """
    found: set[tuple[str, str]] = set()
    seen: set[tuple[str, str, str]] = set()
    root = schemas.persona_uri(revision)
    _walk(schemas.schema(root), root, "", found, seen)
    return frozenset(found)


def _walk(node: Any, base: str, pattern: str, found: set[tuple[str, str]], seen: set[tuple[str, str, str]]) -> None:
    if not isinstance(node, dict):
        return
    reference = node.get("$ref")
    if isinstance(reference, str):
        target, fragment = urldefrag(urljoin(base, reference))
        if (target, fragment, pattern) not in seen:
            seen.add((target, fragment, pattern))
            resolved: Any = schemas.schema(target)
            for token in split(fragment):
                resolved = resolved.get(token, {}) if isinstance(resolved, dict) else {}
            _walk(resolved, target, pattern, found, seen)
    for key, child in node.get("properties", {}).items():
        found.add((pattern, key))
        _walk(child, base, f"{pattern}/{key}", found, seen)
    if isinstance(node.get("items"), dict):
        _walk(node["items"], base, f"{pattern}/*", found, seen)
    for keyword in ("anyOf", "oneOf", "allOf"):
        for branch in node.get(keyword, ()):
            _walk(branch, base, pattern, found, seen)


def pattern_of(pointer: str) -> str:
    return "".join("/*" if token.isdigit() else "/" + token for token in split(pointer))


def other_revisions_hint(parent: str, key: str, revision: str) -> str | None:
    """A hint naming the revisions where ``key`` exists under ``parent``, or ``None``."""
    place = (pattern_of(parent), key)
    having = [name for name in revisions.NAMES if name != revision and place in members(name)]
    if not having:
        return None
    newer = [name for name in having if revisions.order(name) > revisions.order(revision)]
    older = [name for name in having if name not in newer]
    if older and not newer:
        span = older[0] if len(older) == 1 else f"{older[0]} to {older[-1]}"
        return f"'{key}' belongs to revision {span}, not {revision}: remove it or check the file against that revision"
    first = newer[0]
    return f"'{key}' exists from revision {first} on; this file is checked against {revision} (see --schema-version)"
