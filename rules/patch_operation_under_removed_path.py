"""PATCH011: an operation on a place inside a member an earlier operation removed."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Patch, patch_rule
from linter.util import pointer as ptr


@patch_rule(code="PATCH011", name="operation-under-removed-path", severity="error")
def check(patch: Patch, options: None) -> Iterator[Finding]:
    """An operation's `path` or `from` lies inside an object member that an earlier `remove` (or
    `move` away) deleted, and nothing put back in between.

    Why: operations apply in order (RFC 6902, https://www.rfc-editor.org/rfc/rfc6902#section-3);
    after `{"op": "remove", "path": "/layers/stt"}`, an operation on `/layers/stt/hotwords` has
    nothing to work on, and the API rejects the whole patch. (Array elements are left alone:
    after removing `/tools/0`, `/tools/0` names the next element.)
    """
    removed: dict[str, int] = {}
    for operation in patch.well_formed():
        assert operation.path is not None
        members = [("path", operation.path)]
        if operation.source is not None and operation.op in ("copy", "move"):
            members.append(("from", operation.source))
        for name, place in members:
            gone = next((r for r in removed if place != r and ptr.is_within(place, r)), None)
            if gone is not None:
                yield Finding(
                    operation.member(name),
                    f"{place!r} is inside {gone!r}, which operation {removed[gone]} removed",
                    hint=f"drop this operation, or {'add' if operation.op == 'add' else 'recreate'} "
                         f"{gone!r} before it",
                )
        if operation.op in ("add", "replace", "copy", "move"):
            for path in [r for r in removed if ptr.is_within(operation.path, r) or ptr.is_within(r, operation.path)]:
                del removed[path]
        gone_path = operation.source if operation.op == "move" else operation.path if operation.op == "remove" else None
        if gone_path and not _is_index(gone_path):
            removed[gone_path] = operation.number


def _is_index(path: str) -> bool:
    last = path.rsplit("/", 1)[-1]
    return last == "-" or last.isdigit()
