"""PATCH002: a patch item that is not an operation object, or whose ``op`` is not an RFC 6902 operation."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Patch, patch_rule
from linter.tavus.redact import show
from linter.util.closest import closest
from linter.util.patching import OPERATIONS


@patch_rule(code="PATCH002", name="invalid-operation", severity="error")
def check(patch: Patch, options: None) -> Iterator[Finding]:
    """A patch item is not an object, has no `op`, or its `op` is not `add`, `remove`, `replace`,
    `move`, `copy` or `test`.

    Why: RFC 6902 (https://www.rfc-editor.org/rfc/rfc6902#section-4) defines exactly these six
    operations, and the Patch Persona endpoint
    (https://docs.tavus.io/api-reference/personas/patch-persona) documents the same enum; any
    other item makes the API reject the whole patch.
    """
    items = patch.data if isinstance(patch.data, list) else []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            yield Finding(f"/{index}", f"patch item {index} is {show(item)}, not an operation object")
    for operation in patch.operations:
        if "op" not in operation.raw:
            yield Finding(operation.pointer, f"operation {operation.number} has no 'op' member",
                          hint="add \"op\": one of " + ", ".join(OPERATIONS))
        elif operation.op not in OPERATIONS:
            given = operation.raw["op"]
            close = closest(given.lower(), OPERATIONS) if isinstance(given, str) else None
            hint = f"did you mean {close!r}?" if close else "use one of " + ", ".join(OPERATIONS)
            yield Finding(operation.member("op"), f"'op' is {show(given)}; expected one of {', '.join(OPERATIONS)}",
                          hint=hint)
