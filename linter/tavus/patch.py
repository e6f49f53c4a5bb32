"""The read-only view of a JSON Patch body that patch rules (``PATCH`` family) read."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.document.patch import Operation, operations
from linter.tavus.facts import Facts, facts
from linter.util import pointer as ptr
from linter.util.patching import OPERATIONS

READ_ONLY_FIELDS = ("persona_id", "pal_id", "created_at", "updated_at", "conferencing_email")
"""Fields the API sets and returns but never takes as input: ``persona_id``, ``created_at`` and
``updated_at`` in https://docs.tavus.io/api-reference/personas/get-persona, ``pal_id`` and
``conferencing_email`` in the Create PAL response."""


class Patch:
    """A patch document, its operations and the revision it is read under."""

    __slots__ = ("data", "facts", "operations", "revision")

    def __init__(self, data: Any, revision: str) -> None:
        self.data: Any = data
        self.revision = revision
        self.facts: Facts = facts(revision)
        self.operations: tuple[Operation, ...] = tuple(operations(data))

    def well_formed(self) -> Iterator[Operation]:
        """Operations with a known ``op`` and a ``path`` (and ``from``, where used) that are pointers."""
        for operation in self.operations:
            if operation.op not in OPERATIONS or operation.path is None or ptr.syntax_error(operation.path):
                continue
            if operation.op in ("copy", "move") and (operation.source is None or ptr.syntax_error(operation.source)):
                continue
            yield operation
