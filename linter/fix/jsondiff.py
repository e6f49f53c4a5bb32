"""The RFC 6902 JSON Patch that turns one JSON value into another.

Members that differ are replaced, removed or added where they differ (objects are compared
member by member, arrays and scalars as wholes), so the patch touches only what changed and
applying it to the first value gives exactly the second.
"""

from __future__ import annotations

from typing import Any

from linter.util import pointer as ptr


def diff(before: Any, after: Any, at: str = "") -> list[dict[str, Any]]:
    """The operations that make ``before`` equal to ``after`` (types compared too: ``1`` is not ``True``)."""
    if _same(before, after):
        return []
    if isinstance(before, dict) and isinstance(after, dict):
        operations: list[dict[str, Any]] = []
        for key in before:
            if key not in after:
                operations.append({"op": "remove", "path": ptr.join(at, key)})
        for key, value in after.items():
            where = ptr.join(at, key)
            if key in before:
                operations.extend(diff(before[key], value, where))
            else:
                operations.append({"op": "add", "path": where, "value": value})
        return operations
    return [{"op": "replace", "path": at, "value": after}]


def _same(a: Any, b: Any) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)
