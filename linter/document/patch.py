"""Whether a document is a JSON Patch (RFC 6902) body rather than a persona, and its operations.

``PATCH /v2/personas/{persona_id}`` (https://docs.tavus.io/api-reference/personas/patch-persona)
takes an array of operations such as ``{"op": "replace", "path": "/layers/llm/model", "value":
"tavus-gpt-oss"}``. A file is read as a patch when the user says so (``--kind patch``, a
``patches`` glob of the configuration), when its name ends in ``.patch.json``/``.patch.yaml``,
or when its root is an array of objects with an ``op`` member.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal, NamedTuple

from linter.util import pointer as ptr

Kind = Literal["persona", "patch"]
KINDS: tuple[Kind, ...] = ("persona", "patch")
PATCH_SUFFIXES = (".patch.json", ".patch.yaml", ".patch.yml")


def named_as_patch(path: str) -> bool:
    """True for ``*.patch.json``, ``*.patch.yaml`` and ``*.patch.yml`` (any case)."""
    return path.lower().endswith(PATCH_SUFFIXES)


def looks_like_patch(value: Any) -> bool:
    """A non-empty array of objects, at least one of them with an ``op`` member."""
    return (
        isinstance(value, list) and bool(value)
        and all(isinstance(item, dict) for item in value)
        and any("op" in item for item in value)
    )


def kind_of(path: str, value: Any, forced: Kind | None = None, configured: bool = False) -> Kind:
    """What a document is: ``forced`` (``--kind``) first, then configuration, name and content."""
    if forced is not None:
        return forced
    return "patch" if configured or named_as_patch(path) or looks_like_patch(value) else "persona"


class Operation(NamedTuple):
    """One member of a patch array, read forgivingly: a missing or mistyped member is ``None``."""

    number: int
    op: str | None
    path: str | None
    source: str | None
    """The ``from`` member."""
    has_value: bool
    value: Any
    raw: dict[str, Any]

    @property
    def pointer(self) -> str:
        """Where the operation is in the patch document."""
        return f"/{self.number}"

    def member(self, name: str) -> str:
        """Where a member of the operation is in the patch document."""
        return ptr.join(self.pointer, name)


def operations(value: Any) -> Iterator[Operation]:
    """The objects of a patch array as :class:`Operation` values (other items are skipped)."""
    if not isinstance(value, list):
        return
    for index, item in enumerate(value):
        if isinstance(item, dict):
            yield Operation(
                index, _text(item.get("op")), _text(item.get("path")), _text(item.get("from")),
                "value" in item, item.get("value"), item,
            )


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None
