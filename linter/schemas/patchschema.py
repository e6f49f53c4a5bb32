"""What the revision's schema says about the places a JSON Patch operation names.

A patch path is checked member by member against the schema (an unknown member is the same
``SCH001`` finding an unknown key of a persona gets), and an operation's value is validated as
it would sit in a persona: inside a minimal persona that holds only that value at that path.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from linter.diagnostic import Finding
from linter.schemas import schemahelp
from linter.schemas.validate import SchemaFinding, unknown_key, validate
from linter.util import pointer as ptr


def synthetic(value: Any, tokens: list[str]) -> tuple[Any, str]:
    """A persona holding only ``value`` at ``tokens``, and the pointer of ``value`` in it.

    Array indexes (and ``-``) become index 0 of a one-element array: the schema says the same
    of every element.
    """
    normal = ["0" if _is_index(token) else token for token in tokens]
    document = value
    for token in reversed(normal):
        document = [document] if token == "0" else {token: document}
    return document, ptr.from_parts(normal)


def unknown_member(revision: str, tokens: list[str]) -> SchemaFinding | None:
    """``SCH001`` for the first member of ``tokens`` the schema does not allow, else ``None``.

    A member counts as unknown only where the schema closes the object
    (``additionalProperties: false``), exactly as validation reports it in a persona.
    """
    return _unknown_member(revision, tuple(tokens))


@lru_cache(maxsize=4096)  # keyed by patch paths (user input): bounded for the language server
def _unknown_member(revision: str, path: tuple[str, ...]) -> SchemaFinding | None:
    tokens = list(path)
    for depth, token in enumerate(tokens):
        parent = ptr.from_parts(tokens[:depth])
        nodes = schemahelp.at(revision, synthetic(None, tokens[:depth])[1])
        if not nodes or any(_allows(node, token) for node in nodes):
            if not nodes:
                return None  # a free-form place (headers, extra_body): nothing to say below it
            continue
        if any(node.get("additionalProperties") is False or node.get("unevaluatedProperties") is False
               for node in nodes):
            known = [key.name for key in schemahelp.keys(revision, synthetic(None, tokens[:depth])[1])]
            return unknown_key(parent, token, known, revision)
        return None
    return None


def required_member(revision: str, tokens: list[str]) -> bool:
    """True when the schema requires the member ``tokens`` names in its parent object."""
    if not tokens or _is_index(tokens[-1]):
        return False
    nodes = schemahelp.at(revision, synthetic(None, tokens[:-1])[1])
    return any(isinstance(node.get("required"), list) and tokens[-1] in node["required"] for node in nodes)


def validate_at(value: Any, tokens: list[str], revision: str) -> list[SchemaFinding]:
    """Schema findings of ``value`` placed at ``tokens``, with pointers relative to ``value``.

    Findings about the persona around it (a required sibling that the minimal persona lacks)
    and the unknown-member finding for the path itself (:func:`unknown_member`) are left out.
    """
    document, where = synthetic(value, tokens)
    found = []
    for schema_finding in validate(document, revision):
        finding = schema_finding.finding
        if not ptr.is_within(finding.pointer, where) or (finding.pointer == where and schema_finding.code == "SCH001"):
            continue
        relative = finding._replace(pointer=finding.pointer[len(where):])
        found.append(SchemaFinding(schema_finding.code, relative))
    return found


def _allows(node: dict[str, Any], token: str) -> bool:
    properties = node.get("properties")
    if isinstance(properties, dict) and token in properties:
        return True
    patterns = node.get("patternProperties")
    if isinstance(patterns, dict) and any(re.search(pattern, token) for pattern in patterns):
        return True
    if isinstance(node.get("additionalProperties"), dict):
        return True
    return _is_index(token) and ("items" in node or "prefixItems" in node)


def _is_index(token: str) -> bool:
    return token == "-" or (token.isdigit() and token.isascii())


__all__ = ["Finding", "required_member", "synthetic", "unknown_member", "validate_at"]
