"""PATCH008: an operation on a field the API sets itself (``persona_id``, ``created_at``, ...)."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Patch, patch_rule
from linter.tavus.patch import READ_ONLY_FIELDS
from linter.util import pointer as ptr


@patch_rule(code="PATCH008", name="read-only-field", severity="error")
def check(patch: Patch, options: None) -> Iterator[Finding]:
    """An operation changes a read-only field: `persona_id`, `pal_id`, `created_at`,
    `updated_at` or `conferencing_email`.

    Why: the API sets these fields and returns them (Get Persona,
    https://docs.tavus.io/api-reference/personas/get-persona); they are not part of the persona
    you send, and the persona to patch is named by the URL, not by the body. A patch that copies
    a GET response's fields back does not change them.
    """
    for operation in patch.well_formed():
        if operation.op == "test":
            continue  # reading a read-only field is fine
        assert operation.path is not None
        tokens = ptr.split(operation.path)
        if tokens and tokens[0] in READ_ONLY_FIELDS:
            yield Finding(
                operation.member("path"),
                f"'{tokens[0]}' is read-only: the API sets it and a patch cannot change it",
                hint="remove this operation", supersedes_schema=True,
            )
