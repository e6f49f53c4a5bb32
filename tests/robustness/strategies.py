"""Hypothesis strategies that reach deep into persona-lint: persona-shaped documents and mutations."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[2]


@cache
def vocabulary() -> tuple[list[str], list[Any]]:
    """Every property name and enum value in the bundled schemas, so that rules are exercised."""
    keys: set[str] = set()
    values: list[Any] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            keys.update(k for k in node.get("properties", {}) if isinstance(k, str))
            values.extend(v for v in node.get("enum", []) if v not in values)
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    for path in sorted((REPO / "schemas").glob("**/*.schema.json")):
        walk(json.loads(path.read_text()))
    return sorted(keys), values


@cache
def valid_personas() -> list[tuple[str, str]]:
    """Every example and valid fixture: (file name, text)."""
    found = sorted((REPO / "examples").glob("*.json")) + sorted((REPO / "tests" / "rules").glob("*/valid/*.json"))
    personas = []
    for path in found:
        try:
            text = path.read_bytes().decode("utf-8")
            json.loads(text)
        except ValueError:  # the BOM and UTF-16 fixtures: fuzzed through bytes elsewhere
            continue
        personas.append((path.name, text))
    return personas


scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40)
)


def json_values() -> st.SearchStrategy[Any]:
    return st.recursive(
        scalars,
        lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5),
        max_leaves=30,
    )


def persona_values() -> st.SearchStrategy[Any]:
    """JSON built from the schemas' own words: keys and enum values the rules look at."""
    keys, enum_values = vocabulary()
    leaf = scalars | st.sampled_from(enum_values) | st.just("tavus-gpt-4o") | st.just("call `lookup_order` now")
    key = st.sampled_from(keys) | st.text(max_size=10)
    return st.recursive(
        leaf,
        lambda children: st.lists(children, max_size=4) | st.dictionaries(key, children, max_size=6),
        max_leaves=40,
    )


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            found.extend(_paths(v, (*prefix, k)))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found.extend(_paths(v, (*prefix, i)))
    return found


@st.composite
def mutated_personas(draw: st.DrawFn) -> str:
    """A valid persona with one structural mutation: deleted, retyped, renamed key or truncated text."""
    _, text = draw(st.sampled_from(valid_personas()))
    operation = draw(st.sampled_from(["delete", "retype", "rename", "truncate", "duplicate", "splice"]))
    if operation == "truncate":
        return text[: draw(st.integers(min_value=0, max_value=len(text)))]
    if operation == "splice":
        at = draw(st.integers(min_value=0, max_value=len(text)))
        return text[:at] + draw(st.sampled_from(['"', "{", "}", ",", "\x00", "\r", "]", ":", "\\u12"])) + text[at:]
    document = json.loads(text)
    paths = [p for p in _paths(document) if p]
    if not paths:
        return text
    path = draw(st.sampled_from(paths))
    parent: Any = document
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if operation == "delete":
        del parent[last]
    elif operation == "retype":
        parent[last] = draw(persona_values())
    elif operation == "rename" and isinstance(parent, dict):
        keys, _ = vocabulary()
        parent[draw(st.sampled_from(keys))] = parent.pop(last)
    elif operation == "duplicate" and isinstance(parent, dict):
        rendered = json.dumps(document, indent=2)
        member = json.dumps(last) + ": " + json.dumps(parent[last])
        return rendered.replace("{", "{" + member + ",", 1)
    return json.dumps(document, indent=2)
