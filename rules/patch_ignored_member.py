"""PATCH006: an operation member the operation does not use."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Patch, patch_rule
from linter.util.closest import closest
from linter.util.patching import OPERATIONS

_USED = {
    "add": ("op", "path", "value"), "replace": ("op", "path", "value"), "test": ("op", "path", "value"),
    "remove": ("op", "path"), "copy": ("op", "path", "from"), "move": ("op", "path", "from"),
}
_KNOWN = ("op", "path", "value", "from")


@patch_rule(code="PATCH006", name="ignored-operation-member", severity="warning")
def check(patch: Patch, options: None) -> Iterator[Finding]:
    """An operation has a member its operation does not use (an unknown member, a `value` on
    `remove`, a `from` on `replace`).

    Why: RFC 6902 says members not defined for the operation are ignored
    (https://www.rfc-editor.org/rfc/rfc6902#section-4), so a misspelt `vaule` or a `value` on a
    `move` silently does nothing: the patch does something other than what it reads as.
    """
    for operation in patch.operations:
        if operation.op not in OPERATIONS:
            continue
        used = _USED[operation.op]
        for name in operation.raw:
            if name in used:
                continue
            if name in _KNOWN:
                message = f"'{name}' is ignored by a '{operation.op}' operation"
                hint = f"remove it; '{operation.op}' uses only " + ", ".join(f"'{u}'" for u in used)
            else:
                message = f"unknown member {name!r} in operation {operation.number}; it is ignored"
                close = closest(name, used)
                hint = f"did you mean {close!r}?" if close else "remove it"
            yield Finding(operation.member(name), message, target="key", hint=hint)
