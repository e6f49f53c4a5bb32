"""Property: a clean persona with one fixable mistake injected is restored exactly by `--fix`."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from linter import fix_text, lint_text

pytestmark = pytest.mark.slow

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CLEAN = [
    json.loads(p.read_text(encoding="utf-8")) if p.suffix == ".json" else yaml.safe_load(p.read_text(encoding="utf-8"))
    for p in sorted(EXAMPLES.glob("*.*"))
]
assert len(CLEAN) >= 6


def _booleans(value: Any, at: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Places of the boolean fields PIPE008 knows (`tts_emotion_control`, `speculative_inference`)."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, bool) and key in ("tts_emotion_control", "speculative_inference"):
                found.append((*at, key))
            found += _booleans(item, (*at, key))
    return found


def _set(value: dict[str, Any], place: tuple[str, ...], new: Any) -> None:
    for key in place[:-1]:
        value = value[key]
    value[place[-1]] = new


Injection = Callable[[dict[str, Any]], bool]


def string_boolean(persona: dict[str, Any]) -> bool:
    places = _booleans(persona)
    if places:
        value = persona
        for key in places[0]:
            value = value[key]
        _set(persona, places[0], "true" if value else "false")
    return bool(places)


def capitalised_mode(persona: dict[str, Any]) -> bool:
    mode = persona.get("pipeline_mode")
    if mode in ("full", "echo"):
        persona["pipeline_mode"] = mode.capitalize()
        return True
    return False


def legacy_perception_name(persona: dict[str, Any]) -> bool:
    perception = persona.get("layers", {}).get("perception", {})
    for new, old in (("visual_tool_prompt", "perception_tool_prompt"), ("visual_tools", "perception_tools"),
                     ("visual_awareness_queries", "ambient_awareness_queries")):
        if new in perception and old not in perception:
            # Same position in the object: the dump keeps key order, and so must the fix.
            items = [(old if key == new else key, item) for key, item in perception.items()]
            perception.clear()
            perception.update(items)
            return True
    return False


INJECTIONS: list[Injection] = [string_boolean, capitalised_mode, legacy_perception_name]


def _dump(value: Any, as_yaml: bool, indent: int) -> str:
    if as_yaml:
        return yaml.safe_dump(value, sort_keys=False, allow_unicode=True, indent=indent, width=100_000)
    return json.dumps(value, indent=indent, ensure_ascii=False) + "\n"


@settings(max_examples=60, deadline=None)
@given(
    base=st.sampled_from(CLEAN),
    injection=st.sampled_from(INJECTIONS),
    as_yaml=st.booleans(),
    indent=st.sampled_from([2, 4]),
    crlf=st.booleans(),
)
def test_fix_restores_an_injected_mistake(
    base: dict[str, Any], injection: Injection, as_yaml: bool, indent: int, crlf: bool
) -> None:
    broken = copy.deepcopy(base)
    if not injection(broken):
        return
    name = "persona.yaml" if as_yaml else "persona.json"
    clean_text = _dump(base, as_yaml, indent)
    broken_text = _dump(broken, as_yaml, indent)
    if crlf:
        clean_text, broken_text = clean_text.replace("\n", "\r\n"), broken_text.replace("\n", "\r\n")
    assert lint_text(clean_text, name) == [] and lint_text(broken_text, name) != []
    outcome = fix_text(broken_text, name)
    assert outcome.text == clean_text, (injection.__name__, outcome.refused)
    assert outcome.diagnostics == ()
