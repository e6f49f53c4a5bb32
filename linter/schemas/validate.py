"""Schema validation: schema errors turned into one precise finding per mistake.

Codes follow the JSON Schema keyword that failed (``SCH`` family, documented in
``linter/builtin_codes.py``). ``anyOf``/``oneOf`` failures report the branch that best explains
the value (``jsonschema.exceptions.best_match``), or a single type message when every branch
disagrees only on type. The errors come from ``jsonschema-rs`` where it says all that is needed,
else from ``jsonschema`` (:mod:`linter.schema_errors`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from linter.diagnostic import Finding, Fix, RenameKey, ReplaceValue
from linter.schemas import store as schemas
from linter.schemas.crossrev import other_revisions_hint
from linter.tavus.evidence import READ_BACK
from linter.tavus.redact import show
from linter.util import pointer as ptr
from linter.util.closest import closest

if TYPE_CHECKING:
    from linter.schemas.schema_errors import Failure

_RANGE = {
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
    "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties",
}
_TYPE_NAMES = {
    "object": "an object", "array": "an array", "string": "a string", "integer": "an integer",
    "number": "a number", "boolean": "a boolean", "null": "null",
}


class SchemaFinding(NamedTuple):
    code: str
    finding: Finding


def validate(value: Any, revision: str) -> list[SchemaFinding]:
    """Every schema finding of ``value`` under ``revision``'s persona schema.

    A value of the wrong type gets that one finding: its enum, pattern or range errors would
    only restate the same mistake.
    """
    fast = schemas.fast_validator(revision)
    if fast is not None and fast.is_valid(value):  # most personas are valid
        return []
    from linter.schemas.schema_errors import from_jsonschema, from_rs  # only invalid documents need them

    failures = from_rs(fast.iter_errors(value), schemas.bundled(revision)) if fast is not None else None
    if failures is None:
        failures = [from_jsonschema(error) for error in schemas.validator(revision).iter_errors(value)]
    found = [finding for failure in failures for finding in _explain(failure, revision)]
    mistyped = {f.finding.pointer for f in found if f.code == "SCH003"}
    return [f for f in found if f.code == "SCH003" or f.code in _NOT_VALUE or f.finding.pointer not in mistyped]


_NOT_VALUE = {"SCH001", "SCH002"}


def _explain(error: Failure, revision: str | None = None) -> Iterator[SchemaFinding]:
    keyword = error.keyword
    where = ptr.from_parts(error.path)
    key = error.key
    if keyword in ("additionalProperties", "unevaluatedProperties"):
        yield from _unknown_properties(error, where, revision)
    elif keyword == "required":
        missing = error.missing
        yield SchemaFinding(
            "SCH002",
            Finding(where, f"missing required property {missing!r}{_at(where)}", target="key"),
        )
    elif keyword in ("anyOf", "oneOf"):
        yield from _variants(error, where, key, revision)
    elif keyword == "type":
        expected = _expected_types(error.value)
        message = f"{_name(where)} must be {expected}, not {show(error.instance, key)}"
        yield SchemaFinding("SCH003", Finding(where, message))
    elif keyword in ("enum", "const"):
        yield SchemaFinding("SCH004", _invalid_value(error, where, key))
    elif keyword in _RANGE:
        yield SchemaFinding("SCH005", Finding(where, _range_message(error, where, key)))
    elif keyword in ("pattern", "format"):
        rule = f"pattern {error.value}" if keyword == "pattern" else f"format {error.value!r}"
        message = f"{_name(where)} is {show(error.instance, key)}, which does not match the {rule}"
        yield SchemaFinding("SCH006", Finding(where, message))
    else:
        yield SchemaFinding("SCH008", Finding(where, f"{_name(where)}: {_short(error.message)}"))


def _unknown_properties(error: Failure, where: str, revision: str | None) -> Iterator[SchemaFinding]:
    instance = error.instance if isinstance(error.instance, dict) else {}
    schema: Any = error.schema if isinstance(error.schema, dict) else {}
    known = list(schema.get("properties", {}))
    patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
    for name in instance:
        if name in known or any(p.search(name) for p in patterns):
            continue
        yield unknown_key(where, name, known, revision)


def unknown_key(where: str, name: str, known: list[str], revision: str | None) -> SchemaFinding:
    """The ``SCH001`` finding for key ``name`` of the object at ``where`` (persona or patch path)."""
    member = ptr.join(where, name)
    hint = other_revisions_hint(where, name, revision) if revision else None
    close = closest(name, known) if hint is None else None
    where_text = f"in {_name(where)}" if where else "at the top level"
    if hint is not None or member in READ_BACK:
        # A key of another revision, or one public code reads back from the API, is an API
        # field: whether this API version ignores it in a body is not known, so the message
        # does not say so.
        message = f"property {name!r} {where_text} is not part of revision {revision}"
        if hint is None:
            hint = "public code reads it back from the API; it is not documented as a field you send"
    else:
        message = f"unknown property {name!r} {where_text}; the API ignores keys it does not know"
    hint = hint or (f"did you mean {close!r}?" if close else None)
    fix = None
    if close:  # a near miss of a known key: likely, not certain (the engine drops it where the key exists)
        fix = Fix(f"Rename {name!r} to {close!r}", "unsafe", (RenameKey(member, close),))
    return SchemaFinding("SCH001", Finding(member, message, target="key", hint=hint, fix=fix))


def _variants(error: Failure, where: str, key: str, revision: str | None) -> Iterator[SchemaFinding]:
    from linter.schemas.schema_errors import FLAT, Branch, from_jsonschema

    reference = list(error.source.context or ()) if error.source is not None else []
    branches = error.branches or tuple(
        Branch(int(b.schema_path[0]), str(b.validator), not b.relative_path) for b in reference
    )
    options: Any = error.value
    mistyped = {b.branch for b in branches if b.keyword == "type" and b.at_value}
    if branches and isinstance(options, list) and len(mistyped) == len(options):
        wanted = [branch.get("type") for branch in options if isinstance(branch, dict)]
        message = f"{_name(where)} must be {_expected_types(wanted)}, not {show(error.instance, key)}"
        yield SchemaFinding("SCH003", Finding(where, message))
        return
    best = None
    if reference and not all(b.flat for b in branches):
        from jsonschema.exceptions import best_match

        best = best_match(reference)
    if best is None or (best.validator in FLAT and not best.relative_path):
        forms = " or ".join(_describe(branch) for branch in options) if isinstance(options, list) else "another form"
        message = f"{_name(where)} is {show(error.instance, key)}; expected {forms}"
        yield SchemaFinding("SCH007", Finding(where, message))
        return
    yield from _explain(from_jsonschema(best), revision)


def _describe(branch: Any) -> str:
    if isinstance(branch, dict) and "enum" in branch:
        return "one of " + ", ".join(show(value) for value in branch["enum"])
    if isinstance(branch, dict) and "const" in branch:
        return show(branch["const"])
    if isinstance(branch, dict) and "type" in branch:
        return _expected_types(branch["type"])
    return "another form"


def _invalid_value(error: Failure, where: str, key: str) -> Finding:
    given: Any = error.value
    allowed: list[Any] = list(given) if error.keyword == "enum" else [given]
    shown = ", ".join(show(a) for a in allowed)
    message = f"{_name(where)} is {show(error.instance, key)}; expected one of {shown}"
    hint = fix = None
    if isinstance(error.instance, str):
        candidates = [a for a in allowed if isinstance(a, str)]
        lowered = [a for a in candidates if a.lower() == error.instance.lower()]
        close = lowered[0] if lowered else closest(error.instance, candidates)
        if close:
            hint = f"did you mean {close!r}?"
            # Only the letter case differs: the intended value is certain. A near miss is a guess.
            fix = Fix(f"Replace {error.instance!r} with {close!r}", "safe" if lowered else "unsafe",
                      (ReplaceValue(where, close),))
    return Finding(where, message, hint=hint, fix=fix)


def _range_message(error: Failure, where: str, key: str) -> str:
    limit = error.value
    value = error.instance
    keyword = error.keyword
    if keyword in ("minItems", "maxItems", "minLength", "maxLength", "minProperties", "maxProperties"):
        unit = {"Items": "items", "Length": "characters", "Properties": "properties"}[keyword[3:]]
        size = len(value) if hasattr(value, "__len__") else value
        bound = "at least" if keyword.startswith("min") else "at most"
        return f"{_name(where)} has {size} {unit}; {bound} {limit} allowed"
    words = {
        "minimum": "below the minimum", "maximum": "above the maximum",
        "exclusiveMinimum": "not above", "exclusiveMaximum": "not below",
        "multipleOf": "not a multiple of",
    }
    return f"{_name(where)} is {show(value, key)}, {words[keyword]} {limit}"


def _expected_types(value: Any) -> str:
    names: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        for name in item if isinstance(item, list) else [item]:
            if name not in names:
                names.append(name)
    words = [_TYPE_NAMES.get(n, n) for n in names]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _name(where: str) -> str:
    return f"'{ptr.display(where)}'" if where else "the persona"


def _at(where: str) -> str:
    return f" in {_name(where)}" if where else ""


def _short(message: str, limit: int = 160) -> str:
    return message if len(message) <= limit else message[: limit - 1] + "…"
