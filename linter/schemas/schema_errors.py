"""Schema errors from either validator, as the one record :mod:`linter.validate` explains.

``jsonschema`` is the reference: every kind of error, ``best_match`` for ``anyOf``/``oneOf``.
``jsonschema-rs`` finds the same errors without importing ``jsonschema`` (150 ms of a cold run
here) and about 40 times faster (19 µs instead of 734 µs for an invalid benchmark persona), so
the errors of the keywords listed in :data:`EXPLAINED`, and ``anyOf`` errors whose branches
failed only on :data:`FLAT` keywords, are read from it; a document with any other kind of error
is explained by ``jsonschema`` alone. tests/test_fast_validation.py proves
both give the same findings.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from linter.util.pointer import resolve

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError


class Failure(NamedTuple):
    """One schema error: the keyword that failed, where, and what the schema says there."""

    keyword: str
    path: tuple[str | int, ...]
    """Where in the document (the instance path from the root)."""
    key: str
    """The last step of the error's own path ("" at the value an ``anyOf`` branch was tried on)."""
    instance: Any
    value: Any
    """The keyword's value in the schema (``validator_value``)."""
    schema: Any
    """The schema object holding the keyword."""
    missing: str | None = None
    """For ``required``: the property that is missing."""
    message: str = ""
    """``jsonschema``'s own message (shown only for keywords without an explanation)."""
    source: ValidationError | None = None
    """``jsonschema``'s error, whose ``context`` ``anyOf``/``oneOf`` explanations read."""
    branches: tuple[Branch, ...] = ()
    """For an ``anyOf`` read from ``jsonschema-rs``: every error of every branch."""


class Branch(NamedTuple):
    """An error inside an ``anyOf`` branch: which branch, which keyword, and whether it is about
    the value the ``anyOf`` applies to (not a member of it)."""

    branch: int
    keyword: str
    at_value: bool

    @property
    def flat(self) -> bool:
        """A :data:`FLAT` error about the value itself."""
        return self.keyword in FLAT and self.at_value


FLAT = frozenset({"type", "enum", "const"})
"""Branch errors that ``jsonschema``'s ``best_match`` is never needed for: when every error of an
``anyOf`` is one of these about the value itself, the explanation is the same whichever it picks."""


EXPLAINED = frozenset({
    "additionalProperties", "required", "type", "enum", "const", "pattern",
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
    "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties",
})
"""Keywords whose ``jsonschema-rs`` errors carry everything an explanation needs."""


def from_jsonschema(error: ValidationError) -> Failure:
    keyword = str(error.validator)
    return Failure(
        keyword=keyword,
        path=tuple(error.absolute_path),
        key=str(error.path[-1]) if error.path else "",
        instance=error.instance,
        value=error.validator_value,
        schema=error.schema,
        missing=_missing_name(error) if keyword == "required" else None,
        message=error.message,
        source=error,
    )


def from_rs(errors: Iterable[Any], bundle: dict[str, Any]) -> list[Failure] | None:
    """``jsonschema-rs`` errors against ``bundle`` (the schema it was built from), or ``None``
    when one of them is of a kind only ``jsonschema`` explains."""
    failures = []
    for error in errors:
        keyword = error.kind.name
        branches = _flat_branches(error) if keyword == "anyOf" else ()
        if keyword not in EXPLAINED and not branches:
            return None
        # The schema path ends with the keyword and runs through the bundle as validated,
        # references already followed (e.g. ["$defs", "2026-06/layers/tts", "properties", ...]).
        holder = resolve(bundle, list(error.schema_path)[:-1])
        if not isinstance(holder, dict) or keyword not in holder:
            return None
        path = tuple(error.instance_path)
        failures.append(Failure(
            keyword=keyword,
            path=path,
            key=str(path[-1]) if path else "",
            instance=error.instance,
            value=holder[keyword],
            schema=holder,
            missing=error.kind.property if keyword == "required" else None,
            branches=branches,
        ))
    return failures


def _flat_branches(error: Any) -> tuple[Branch, ...]:
    """The branch errors of a ``jsonschema-rs`` ``anyOf`` error when all are :data:`FLAT` about
    the value itself, else ``()``."""
    depth, here = len(error.schema_path), list(error.instance_path)
    found = tuple(
        Branch(int(inner.schema_path[depth]), inner.kind.name, list(inner.instance_path) == here)
        for branch in error.kind.context
        for inner in branch
    )
    return found if found and all(b.flat for b in found) else ()


def _missing_name(error: ValidationError) -> str:
    instance = error.instance if isinstance(error.instance, dict) else {}
    required: Any = error.validator_value
    missing = [name for name in required if name not in instance]
    named = [name for name in missing if error.message.startswith(repr(name))]
    return str((named or missing or ["?"])[0])
