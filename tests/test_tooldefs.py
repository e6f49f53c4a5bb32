"""Tool-definition helpers: the catastrophic-backtracking scan and the schema walk."""

from __future__ import annotations

import pytest

from linter.tavus.tooldefs import nested_quantifier, schema_nodes


@pytest.mark.parametrize(
    "pattern",
    ["(a+)+", "(.*)*", r"^(\w+\s?)*$", "((a)+)+", "(a{2,})+", "((a+))+", r"(?P<word>\s*\w+)*", "(x+x+)+y"],
)
def test_nested_unbounded_quantifiers_are_found(pattern: str) -> None:
    assert nested_quantifier(pattern)


@pytest.mark.parametrize(
    "pattern",
    [
        r"^ACM-\d{6}$", "(ab)+", r"([a-z]+\.)?x", r"^(?:ACM-\d{6},)*ACM-\d{6}$", r"\(a+\)+", "[(a+)]+",
        "(a{2})+", r"^(\+\d{1,3})?\d{10}$", "(?:a|b)*c", r"[\]+]+", "",
    ],
)
def test_linear_patterns_are_not_reported(pattern: str) -> None:
    assert not nested_quantifier(pattern)


def test_schema_walk_follows_keywords_not_property_names() -> None:
    schema = {
        "type": "object",
        "properties": {
            "pattern": {"type": "string", "description": "a fabric pattern"},
            "tags": {"type": "array", "items": {"type": "string", "pattern": "^[a-z]+$"}},
        },
        "anyOf": [{"required": ["pattern"]}],
    }
    pointers = [where for where, _node in schema_nodes(schema, "/p")]
    assert pointers == ["/p", "/p/properties/pattern", "/p/properties/tags", "/p/properties/tags/items", "/p/anyOf/0"]
