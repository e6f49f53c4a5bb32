"""PATCH010: a later operation on the same path undoes an earlier one."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Operation, Patch, patch_rule
from linter.util import pointer as ptr


@patch_rule(code="PATCH010", name="operation-undone", severity="warning")
def check(patch: Patch, options: None) -> Iterator[Finding]:
    """An `add` or `replace` is undone by a later operation on the same path: a `remove`, or
    another `add`/`replace` of the same object member, with nothing reading the value between.

    Why: operations apply in order (RFC 6902, https://www.rfc-editor.org/rfc/rfc6902#section-3),
    so the first operation's value never reaches the persona. It is usually a copy-and-paste
    slip, or two edits to the same field merged without noticing; the second one wins.
    """
    pending: dict[str, Operation] = {}
    for operation in patch.well_formed():
        assert operation.path is not None
        touched = [operation.path] + ([operation.source] if operation.source is not None else [])
        earlier = pending.get(operation.path)
        if earlier is not None and _undoes(earlier, operation):
            verb = "removes" if operation.op == "remove" else "overwrites"
            yield Finding(
                operation.member("path"),
                f"operation {operation.number} ({operation.op}) {verb} what operation {earlier.number} "
                f"({earlier.op}) set at {operation.path!r}",
                hint=f"drop operation {earlier.number}, or this one if it is the slip",
            )
        # Any operation touching a path above or below a pending one reads or changes it.
        for path in list(pending):
            if any(ptr.is_within(path, t) or ptr.is_within(t, path) for t in touched):
                del pending[path]
        if operation.op in ("add", "replace") and not _is_index(operation.path):
            pending[operation.path] = operation


def _undoes(earlier: Operation, later: Operation) -> bool:
    return later.op == "remove" or later.op in ("add", "replace")


def _is_index(path: str) -> bool:
    # An array insert followed by another at the same index inserts twice: nothing is undone.
    last = path.rsplit("/", 1)[-1]
    return last == "-" or last.isdigit()
