"""PATCH004: ``add``, ``replace`` or ``test`` without a ``value``."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Patch, patch_rule


@patch_rule(code="PATCH004", name="missing-value", severity="error")
def check(patch: Patch, options: None) -> Iterator[Finding]:
    """An `add`, `replace` or `test` operation has no `value`.

    Why: RFC 6902 requires `value` for these three operations
    (https://www.rfc-editor.org/rfc/rfc6902#section-4.1); Tavus documents `value` as required
    for every operation but `remove` (https://docs.tavus.io/api-reference/personas/patch-persona).
    To clear a field, `remove` it, or set `"value": null` where the field accepts null.
    """
    for operation in patch.operations:
        if operation.op in ("add", "replace", "test") and not operation.has_value:
            yield Finding(operation.pointer, f"operation {operation.number} ({operation.op}) has no 'value'",
                          hint="add \"value\", or use \"op\": \"remove\" to delete the field")
