"""What the schema says about a place in a persona: descriptions, keys and enum values.

Used by the language server for hover and completion, and for the hint on a key another
revision knows. It walks a revision's bundled schema (:func:`linter.schemas.bundled`, whose
references all point inside it) along a JSON Pointer through ``$ref``, ``allOf``/``anyOf``/
``oneOf``/``if``-``then``-``else``, ``properties``, ``patternProperties``,
``additionalProperties`` and ``items``, keeping every branch that could apply.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from linter.schemas import store as schemas
from linter.util import pointer as ptr

_BRANCHES = ("allOf", "anyOf", "oneOf", "then", "else")
_MAX_DEPTH = 64


class Key(NamedTuple):
    """A key the schema allows at some place, for completion."""

    name: str
    description: str | None


def describe(revision: str, pointer: str) -> str | None:
    """The first ``description`` of the schemas that apply at ``pointer`` (``None`` if none says)."""
    for node in at(revision, pointer):
        text = node.get("description")
        if isinstance(text, str) and text.strip():
            return text
    return None


def keys(revision: str, pointer: str) -> list[Key]:
    """The keys the object at ``pointer`` may have, by first appearance."""
    found: dict[str, Key] = {}
    for node in at(revision, pointer):
        properties = node.get("properties")
        if not isinstance(properties, dict):
            continue
        for name, sub in properties.items():
            if name not in found and isinstance(sub, dict):
                description = next(iter(_descriptions(sub)), None)
                found[name] = Key(name, description)
    return list(found.values())


def read_only(revision: str, pointer: str) -> bool:
    """True when the schema marks the value at ``pointer`` ``readOnly`` (a response field)."""
    return any(node.get("readOnly") is True for node in at(revision, pointer))


def enum_values(revision: str, pointer: str) -> list[Any]:
    """Values an ``enum`` or ``const`` allows at ``pointer``, without duplicates."""
    values: list[Any] = []
    for node in at(revision, pointer):
        candidates = node.get("enum", [])
        if "const" in node:
            candidates = [*candidates, node["const"]] if isinstance(candidates, list) else [node["const"]]
        for value in candidates if isinstance(candidates, list) else []:
            if value not in values:
                values.append(value)
    return values


def at(revision: str, pointer: str) -> list[dict[str, Any]]:
    """Every schema object (``$ref`` followed) that applies to the value at ``pointer``."""
    root = schemas.bundled(revision)
    current = list(_expand(root, root, 0))
    for token in ptr.split(pointer):
        current = [node for parent in current for child in _children(parent, token) for node in _expand(child, root, 0)]
        if not current:
            break
    return current


def _children(node: dict[str, Any], token: str) -> Iterator[Any]:
    properties = node.get("properties", {})
    if isinstance(properties, dict) and token in properties:
        yield properties[token]
        return
    matched = False
    for pattern, sub in (node.get("patternProperties") or {}).items():
        if re.search(pattern, token):
            matched = True
            yield sub
    additional = node.get("additionalProperties")
    if not matched and isinstance(additional, dict):
        yield additional
    if token.isdigit():
        prefix = node.get("prefixItems")
        if isinstance(prefix, list) and int(token) < len(prefix):
            yield prefix[int(token)]
        elif isinstance(node.get("items"), dict):
            yield node["items"]


def _expand(node: Any, root: dict[str, Any], depth: int) -> Iterator[dict[str, Any]]:
    if not isinstance(node, dict) or depth > _MAX_DEPTH:
        return
    yield node
    reference = node.get("$ref")
    if isinstance(reference, str) and reference.startswith("#"):
        yield from _expand(ptr.resolve(root, ptr.split(reference[1:])), root, depth + 1)
    for branch in _BRANCHES:
        value = node.get(branch)
        for sub in value if isinstance(value, list) else [value]:
            yield from _expand(sub, root, depth + 1)


def _descriptions(node: dict[str, Any]) -> Iterator[str]:
    text = node.get("description")
    if isinstance(text, str) and text.strip():
        yield text
