"""PIPE011: an ID that does not look like the kind of Tavus ID its field holds."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.known_mistakes import ID_FIELDS, IdField
from linter.tavus.redact import show
from linter.tavus.secrets import is_placeholder
from linter.util import pointer as ptr
from linter.util.lazy_regex import LazyPattern

_ID_CHARACTERS = LazyPattern(r"[A-Za-z0-9_]+")


@rule(code="PIPE011", name="id-shape", severity="info")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """An ID field holds a value shaped unlike that kind of Tavus ID (replica `r…`, document `d…`, …).

    Why: Tavus IDs carry a one-letter kind prefix in every example (replica `r79e1c033f`, persona
    `p…`, document `d…`, objectives `o…`, guardrail `g…`, pronunciation dictionary `pd_…`); a value
    with another prefix or with spaces or dashes is usually a name, a UUID from another system, or
    an ID of the wrong kind (examples on
    https://docs.tavus.io/api-reference/personas/create-persona). The prefixes are a convention seen
    in examples, not a documented constraint, hence an info. Empty values and placeholders such as
    `<replica-id>` are left alone.
    """
    for field in ID_FIELDS:
        for where, value in _values(persona, field):
            if not isinstance(value, str) or _fits(value, field.prefix) or is_placeholder(value):
                continue
            yield Finding(
                where,
                f"'{ptr.display(where)}' is {show(value)}, which does not look like a {field.kind} ID",
                hint=f"{field.kind} IDs start with {field.prefix!r} followed by letters and digits",
            )


def _values(persona: Persona, field: IdField) -> Iterator[tuple[str, object]]:
    if field.pointer.endswith("/*"):
        array = field.pointer[:-2]
        for index, item in enumerate(persona.get_list(array)):
            yield ptr.join(array, index), item
    elif persona.has(field.pointer):
        yield field.pointer, persona.get(field.pointer)


def _fits(value: str, prefix: str) -> bool:
    return value.startswith(prefix) and len(value) > len(prefix) and bool(_ID_CHARACTERS.fullmatch(value))
