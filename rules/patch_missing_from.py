"""PATCH005: ``copy`` or ``move`` without ``from``."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Patch, patch_rule


@patch_rule(code="PATCH005", name="missing-from", severity="error")
def check(patch: Patch, options: None) -> Iterator[Finding]:
    """A `copy` or `move` operation has no `from`.

    Why: RFC 6902 requires `from`, the pointer to the value to copy or move
    (https://www.rfc-editor.org/rfc/rfc6902#section-4.4). The Tavus docs never mention `from`
    (https://docs.tavus.io/api-reference/personas/patch-persona), which makes it easy to forget.
    """
    for operation in patch.operations:
        if operation.op in ("copy", "move") and "from" not in operation.raw:
            yield Finding(operation.pointer, f"operation {operation.number} ({operation.op}) has no 'from'",
                          hint="add \"from\": the JSON Pointer of the value to " + operation.op)
