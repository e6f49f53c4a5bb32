"""PATCH007: the ``-`` array index used where it names nothing."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Patch, patch_rule
from linter.util import pointer as ptr


@patch_rule(code="PATCH007", name="append-index-misused", severity="error")
def check(patch: Patch, options: None) -> Iterator[Finding]:
    """The array index `-` (past the last element) is used other than as the last token of the
    `path` of an `add`, `copy` or `move`.

    Why: `-` names the element after the end of an array (RFC 6901,
    https://www.rfc-editor.org/rfc/rfc6901#section-4); it exists only as the place an `add`
    (or the add half of `copy`/`move`) appends to (RFC 6902,
    https://www.rfc-editor.org/rfc/rfc6902#section-4.1). `replace`, `remove`, `test` and a
    `from` cannot refer to it, and the API rejects the patch.
    """
    for operation in patch.well_formed():
        appends = operation.op in ("add", "copy", "move")
        assert operation.path is not None
        tokens = ptr.split(operation.path)
        if "-" in tokens[:-1] or (tokens and tokens[-1] == "-" and not appends):
            yield Finding(operation.member("path"), _message(operation.op or "", "path"), hint=_hint(operation.op))
        if operation.source is not None and operation.op in ("copy", "move") and "-" in ptr.split(operation.source):
            yield Finding(operation.member("from"), _message(operation.op or "", "from"),
                          hint="name the element by its index, e.g. /layers/llm/tools/0")


def _message(op: str, member: str) -> str:
    return f"'-' in the '{member}' of a '{op}' names no element: it is only the place an 'add' appends to"


def _hint(op: str | None) -> str:
    if op in ("replace", "remove", "test"):
        return "name the element by its index, e.g. /layers/llm/tools/0"
    return "use '-' only as the last token of the path"
