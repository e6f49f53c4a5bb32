"""Team policies: JSON Schemas a team writes, applied with ``jsonschema`` on top of the revision's schema.

Each failure is a ``POL001`` finding at the failing value. Its message is the ``x-message``,
``title`` or ``description`` of the failing subschema (else of the policy's root, else the
validator's own words); its hint names the policy file and the location in it that failed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from referencing.exceptions import Unresolvable

from linter.config.adoption import Policy, covers
from linter.config.settings import ConfigError
from linter.diagnostic import Finding
from linter.util import pointer as ptr

_TEXT_KEYS = ("title", "description")
_COMBINATORS = frozenset({"anyOf", "oneOf", "allOf", "not", "if", "then", "else"})


@lru_cache(maxsize=64)
def _validator(schema_text: str) -> Any:
    from jsonschema.validators import validator_for
    from referencing import Registry

    schema = json.loads(schema_text)
    # An empty registry: a policy's $ref may point within the policy only, never to the network.
    return validator_for(schema)(schema, registry=Registry())


def findings(value: dict[str, Any], policies: tuple[Policy, ...], path: str, root: Path | None) -> Iterator[Finding]:
    """The failures of every policy that covers ``path``, in schema order."""
    for policy in policies:
        if not covers(policy.covers, path, root):
            continue
        validator = _validator(policy.schema_text)
        shown = _shown_path(policy.path, root)
        try:
            errors = sorted(validator.iter_errors(value), key=lambda e: (list(map(str, e.path)), e.message))
        except Unresolvable as missing:
            raise ConfigError(
                f"policy-schemas: {policy.path}: cannot resolve the $ref {missing.ref!r}: a policy's $ref "
                "may only point within the policy itself (persona-lint never fetches schemas)"
            ) from None
        for error in errors:
            where = ptr.from_parts(error.absolute_path)
            target = "key" if error.validator in ("required", "additionalProperties") and where else "value"
            message = _message(error, validator.schema)
            location = ptr.from_parts(error.absolute_schema_path)
            yield Finding(where, message, target=target, hint=f"policy {shown}#{location}")


def _message(error: Any, root: Any) -> str:
    """The team's ``x-message`` as written; a ``title`` or ``description`` with what failed."""
    for schema in (error.schema, root):
        if isinstance(schema, dict) and isinstance(schema.get("x-message"), str) and schema["x-message"].strip():
            return " ".join(schema["x-message"].split())
    text = _text(error.schema) or _text(root)
    if text is None:
        return str(error.message)
    if error.validator in _COMBINATORS:  # jsonschema's words would repeat the whole value
        return text
    return f"{text.rstrip('.')}: {error.message}"


def _text(schema: Any) -> str | None:
    if not isinstance(schema, dict):
        return None
    for key in _TEXT_KEYS:
        if isinstance(schema.get(key), str) and schema[key].strip():
            return " ".join(str(schema[key]).split())
    return None


def _shown_path(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.resolve().relative_to(root).as_posix()
        except ValueError:
            pass
    return path.as_posix()
