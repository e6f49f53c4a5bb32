"""PIPE010: `botN` conferencing usernames are reserved."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.util.lazy_regex import LazyPattern

_RESERVED = LazyPattern(r"bot\d+", re.IGNORECASE)


@rule(code="PIPE010", name="reserved-conferencing-username", severity="error", kinds=("pal",))
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`layers.conferencing.username` must not be a reserved `botN` name.

    Why: the PAL meetings page reserves the usernames `bot` followed by digits (case-insensitive);
    the API rejects them (reference section 2.6; section 3, X44). The pattern itself (letters,
    digits, `.`, `_`, `-`) is checked by the schema.

    Example: `{"layers": {"conferencing": {"username": "bot7"}}}`.
    """
    username = persona.get_str("/layers/conferencing/username")
    if username is not None and _RESERVED.fullmatch(username):
        yield Finding("/layers/conferencing/username", f"conferencing username {username!r} is reserved (botN names)",
                      hint="pick a name for your PAL, such as 'acme-helper'")
