"""RFC 6902 JSON Patch applied to plain JSON values one operation at a time, with provenance.

Written here rather than taken from the ``jsonpatch`` package because linting needs two things
that package does not give: the operation and member (``path``, ``from``, ``value``) each
failure is about, and, for every place in the result, where its value came from (the base
document or an operation's ``value``), so that findings on the result point into the right file.
Both come from applying the same steps to a *shadow* tree whose leaves are :class:`Origin`
markers. The tests check the result against ``jsonpatch`` on generated patches.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from linter.util import pointer as ptr

OPERATIONS = ("add", "remove", "replace", "move", "copy", "test")


class Origin(NamedTuple):
    """Where a value of the result came from: ``source`` is ``"base"`` or ``"patch"``."""

    source: str
    pointer: str


class StepError(Exception):
    """An operation that cannot be applied; ``member`` is the member of the operation to blame."""

    def __init__(self, member: str, message: str) -> None:
        super().__init__(message)
        self.member = member
        self.message = message


class _ShadowDict(dict[str, Any]):
    __slots__ = ("origin",)
    origin: Origin


class _ShadowList(list[Any]):
    __slots__ = ("origin",)
    origin: Origin


def shadow(value: Any, source: str, pointer: str) -> Any:
    """``value``'s shape with every node marked by where it is in ``source``."""
    if isinstance(value, dict):
        marks = ((k, shadow(v, source, ptr.join(pointer, k))) for k, v in value.items())
        node: _ShadowDict | _ShadowList = _ShadowDict(marks)
    elif isinstance(value, list):
        node = _ShadowList(shadow(v, source, ptr.join(pointer, i)) for i, v in enumerate(value))
    else:
        return Origin(source, pointer)
    node.origin = Origin(source, pointer)
    return node


def origin_at(tree: Any, tokens: list[str]) -> tuple[Origin, list[str]]:
    """The origin of the deepest node of a shadow ``tree`` along ``tokens``, and the tokens left."""
    node = tree
    for depth, token in enumerate(tokens):
        child = ptr.resolve(node, [token], _MISSING)
        if child is _MISSING:
            return _origin_of(node), tokens[depth:]
        node = child
    return _origin_of(node), []


def _origin_of(node: Any) -> Origin:
    if isinstance(node, Origin):
        return node
    found: Origin = node.origin
    return found


_MISSING = object()


def copy_json(value: Any) -> Any:
    """A deep copy of plain JSON data (or of a shadow tree, keeping its marks)."""
    if isinstance(value, _ShadowDict | _ShadowList):
        marked: _ShadowDict | _ShadowList = (
            _ShadowDict((k, copy_json(v)) for k, v in value.items()) if isinstance(value, _ShadowDict)
            else _ShadowList(copy_json(v) for v in value)
        )
        marked.origin = value.origin
        return marked
    if isinstance(value, dict):
        return {k: copy_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [copy_json(v) for v in value]
    return value


def json_equal(left: Any, right: Any) -> bool:
    """Equality as RFC 6902 ``test`` defines it: ``true`` is not ``1``, ``1`` is ``1.0``."""
    if isinstance(left, bool) or isinstance(right, bool):
        return type(left) is type(right) and left == right
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(json_equal(v, right[k]) for k, v in left.items())
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(json_equal(a, b) for a, b in zip(left, right, strict=True))
    if isinstance(left, int | float) and isinstance(right, int | float):
        return left == right
    return type(left) is type(right) and bool(left == right)


def apply_step(document: Any, operation: Mapping[str, Any], value: Any, copy: Callable[[Any], Any] = copy_json) -> Any:
    """``document`` after one well-formed operation (``value`` stands for its ``value``).

    ``document`` is changed in place where possible; the returned value is the new document
    (a different object when the operation replaces the root). Raises :class:`StepError`.
    """
    op = operation["op"]
    path = ptr.split(operation["path"])
    if op == "test":
        if not json_equal(_get(document, path, "path"), value):
            raise StepError("value", "the test failed: the value at the path differs")
        return document
    if op == "add":
        return _add(document, path, value)
    if op == "remove":
        return _remove(document, path)
    if op == "replace":
        _get(document, path, "path")
        return _add(_remove(document, path), path, value) if path else value
    source = ptr.split(operation["from"])
    if op == "move":
        if len(path) > len(source) and path[: len(source)] == source:
            raise StepError("path", "a value cannot be moved into one of its own children")
        moved = _get(document, source, "from")
        return _add(_remove(document, source), path, moved)
    return _add(document, path, copy(_get(document, source, "from")))  # copy


def _get(document: Any, tokens: list[str], member: str) -> Any:
    node = document
    for depth, token in enumerate(tokens):
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and _index(token, len(node) - 1) is not None:
            node = node[int(token)]
        else:
            where = ptr.from_parts(tokens[: depth + 1])
            raise StepError(member, f"nothing at {where!r} to {_verb(member)}")
    return node


def _add(document: Any, tokens: list[str], value: Any) -> Any:
    if not tokens:
        return value
    parent = _get(document, tokens[:-1], "path")
    last = tokens[-1]
    if isinstance(parent, dict):
        parent[last] = value
    elif isinstance(parent, list):
        index = len(parent) if last == "-" else _index(last, len(parent))
        if index is None:
            raise StepError("path", f"index {last!r} is not between 0 and {len(parent)} (or '-')")
        parent.insert(index, value)
    else:
        raise StepError("path", f"{ptr.from_parts(tokens[:-1]) or 'the root'!r} is not an object or an array")
    return document


def _remove(document: Any, tokens: list[str]) -> Any:
    if not tokens:
        raise StepError("path", "the whole document cannot be removed")
    parent = _get(document, tokens[:-1], "path")
    last = tokens[-1]
    if isinstance(parent, dict) and last in parent:
        del parent[last]
    elif isinstance(parent, list) and _index(last, len(parent) - 1) is not None:
        del parent[int(last)]
    else:
        raise StepError("path", f"nothing at {ptr.from_parts(tokens)!r} to remove or replace")
    return document


def _index(token: str, highest: int) -> int | None:
    # RFC 6901 section 4: an array index is "0" or digits without a leading zero.
    if not token.isdigit() or not token.isascii() or (len(token) > 1 and token[0] == "0"):
        return None
    index = int(token)
    return index if 0 <= index <= highest else None


def _verb(member: str) -> str:
    return {"from": "copy or move", "value": "test"}.get(member, "change")
