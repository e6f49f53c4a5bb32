"""PATCH003: ``path`` (or ``from``) missing, not a string, or not an RFC 6901 JSON Pointer."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Patch, patch_rule
from linter.tavus.redact import show
from linter.util import pointer as ptr
from linter.util.patching import OPERATIONS


@patch_rule(code="PATCH003", name="invalid-pointer", severity="error")
def check(patch: Patch, options: None) -> Iterator[Finding]:
    """An operation's `path` (or the `from` of `copy`/`move`) is missing, not a string, or not a
    JSON Pointer.

    Why: every operation needs a `path` (RFC 6902, https://www.rfc-editor.org/rfc/rfc6902#section-4),
    written as an RFC 6901 JSON Pointer (https://www.rfc-editor.org/rfc/rfc6901#section-3): empty
    for the whole document or starting with `/`, with `~` only in `~0` (for `~`) and `~1` (for
    `/`). A dotted path such as `layers.llm.model` is not a pointer; the API rejects the patch.
    """
    for operation in patch.operations:
        if operation.op not in OPERATIONS:
            continue
        members = ("path", "from") if operation.op in ("copy", "move") else ("path",)
        for name in members:
            if name not in operation.raw:
                if name == "path":  # a missing 'from' is PATCH005
                    yield Finding(operation.pointer, f"operation {operation.number} ({operation.op}) has no 'path'",
                                  hint="add \"path\": a JSON Pointer such as \"/layers/llm/model\"")
                continue
            given = operation.raw[name]
            if not isinstance(given, str):
                yield Finding(operation.member(name), f"'{name}' is {show(given)}, not a JSON Pointer string")
                continue
            reason = ptr.syntax_error(given)
            if reason:
                yield Finding(operation.member(name), f"'{name}' {show(given)} is not a JSON Pointer: {reason}",
                              hint=_hint(given))


def _hint(given: str) -> str | None:
    if given and not given.startswith("/") and "~" not in given:
        return f"write \"/{given.replace('.', '/')}\""
    return None
