"""Properties of patch linting on generated personas and patches (hypothesis).

- ``--base`` linting finds what linting the patched persona finds (same codes and pointers);
- the patch applier agrees with the ``jsonpatch`` package (RFC 6902) on success, result and failure;
- no patch input, however malformed, makes the linter raise.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import jsonpatch
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter import lint_patch, lint_text
from linter.util.patching import StepError, apply_step, copy_json

TOOL = {"type": "function", "function": {
    "name": "check_in", "description": "Check a visitor in.",
    "parameters": {"type": "object", "properties": {"name": {"type": "string", "description": "Name."}},
                   "required": ["name"]},
}}
OTHER_TOOL = {"type": "function", "function": {"name": "Book Room", "parameters": {"type": "object"}}}
PROMPTS = ("You greet visitors.", "Call check_in when a visitor gives their name.", "")
VALUES: dict[str, st.SearchStrategy[Any]] = {
    "/persona_name": st.sampled_from(["Front desk", "Ada", ""]),
    "/system_prompt": st.sampled_from(PROMPTS),
    "/context": st.sampled_from(PROMPTS),
    "/pipeline_mode": st.sampled_from(["full", "echo", "ful"]),
    "/default_replica_id": st.sampled_from(["rf4e9d9790f0", "r1", "x"]),
    "/layers": st.just({}),
    "/layers/llm": st.just({"model": "tavus-gpt-oss"}),
    "/layers/llm/model": st.sampled_from(["tavus-gpt-oss", "tavus-gpt-4o", "tavus-llama", "my-model"]),
    "/layers/llm/tools": st.sampled_from([[TOOL], [TOOL, TOOL], [OTHER_TOOL], []]),
    "/layers/llm/tools/-": st.sampled_from([TOOL, OTHER_TOOL]),
    "/layers/llm/tools/0": st.sampled_from([TOOL, OTHER_TOOL]),
    "/layers/tts": st.just({"tts_engine": "cartesia"}),
    "/layers/tts/tts_engine": st.sampled_from(["cartesia", "elevenlabs", "playht"]),
    "/layers/tts/tts_emotion_control": st.sampled_from([True, "true", False]),
    "/layers/stt": st.just({"stt_engine": "tavus-auto"}),
    "/layers/stt/hotwords": st.sampled_from(["Tavus", ["Tavus"]]),
    "/layers/perception": st.just({"perception_model": "raven-1"}),
    "/layers/perception/perception_model": st.sampled_from(["raven-1", "raven-0", "off"]),
}
PATHS = sorted(VALUES)


@st.composite
def personas(draw: st.DrawFn) -> dict[str, Any]:
    persona: dict[str, Any] = {"persona_name": draw(VALUES["/persona_name"])}
    if draw(st.booleans()):
        persona["system_prompt"] = draw(VALUES["/system_prompt"])
    layers: dict[str, Any] = {}
    if draw(st.booleans()):
        layers["llm"] = {"model": draw(VALUES["/layers/llm/model"])}
        if draw(st.booleans()):
            layers["llm"]["tools"] = copy.deepcopy(draw(VALUES["/layers/llm/tools"]))
    if draw(st.booleans()):
        layers["tts"] = {"tts_engine": draw(VALUES["/layers/tts/tts_engine"])}
    if layers or draw(st.booleans()):
        persona["layers"] = layers
    return persona


@st.composite
def operations(draw: st.DrawFn) -> dict[str, Any]:
    op = draw(st.sampled_from(["add", "replace", "remove", "copy", "move", "test"]))
    path = draw(st.sampled_from(PATHS))
    operation: dict[str, Any] = {"op": op, "path": path}
    if op in ("copy", "move"):
        operation["from"] = draw(st.sampled_from([p for p in PATHS if not p.endswith("-")]))
    elif op != "remove":
        operation["value"] = copy.deepcopy(draw(VALUES[path]))
    return operation


def applicable(base: dict[str, Any], candidates: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], Any]:
    """The candidates that apply one after the other (by jsonpatch), and the result."""
    kept, document = [], copy.deepcopy(base)
    for operation in candidates:
        if operation["op"] == "test":  # a test that passes: the value there now
            try:
                operation = dict(operation, value=jsonpatch.JsonPointer(operation["path"]).resolve(document))
            except (jsonpatch.JsonPointerException, KeyError, IndexError, TypeError):
                continue
        try:
            document = jsonpatch.apply_patch(document, [operation])
        except (jsonpatch.JsonPatchException, jsonpatch.JsonPointerException, KeyError, IndexError, TypeError):
            continue
        kept.append(operation)
    return kept, document


def pairs(diagnostics: list[Any]) -> set[tuple[str, str]]:
    return {(d.code, d.pointer) for d in diagnostics if not d.code.startswith("PATCH")}


FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(personas(), st.lists(operations(), max_size=6))
def test_base_linting_equals_linting_the_patched_persona(
    base: dict[str, Any], candidates: list[dict[str, Any]],
) -> None:
    patch, result = applicable(base, candidates)
    if not isinstance(result, dict):
        return
    found = lint_patch(json.dumps(patch, indent=2), "p.json", json.dumps(base, indent=2), base_path="b.json")
    assert not [d for d in found if d.code in ("PATCH012", "PATCH013", "INT001")], found
    expected = lint_text(json.dumps(result, indent=2), "r.json")
    assert pairs(found) == pairs(expected)
    for diagnostic in found:  # each finding is in the patch or in the base file
        assert diagnostic.path in ("p.json", "b.json")


@FAST
@given(personas(), st.lists(operations(), max_size=6))
def test_the_applier_agrees_with_jsonpatch(base: dict[str, Any], patch: list[dict[str, Any]]) -> None:
    try:
        expected: Any = jsonpatch.apply_patch(copy.deepcopy(base), patch)
    except (jsonpatch.JsonPatchException, jsonpatch.JsonPointerException, KeyError, IndexError, TypeError):
        expected = StepError
    document: Any = copy_json(base)
    try:
        for operation in patch:
            document = apply_step(document, operation, copy_json(operation.get("value")))
    except StepError:
        document = StepError
    assert document == expected


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=12,
)
MEMBER = st.sampled_from(["op", "path", "from", "value", "vaule"])
LOOSE_OPERATION = st.dictionaries(
    MEMBER,
    st.sampled_from(["add", "remove", "replace", "copy", "move", "test", "", "/", "/-", "/layers/llm/tools/-",
                     "/layers/~", "/layers/llm/tools/00", "layers.llm"]) | JSON,
    max_size=4,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LOOSE_OPERATION | JSON, max_size=5), personas() | JSON)
def test_no_patch_input_crashes_the_linter(patch: list[Any], base: Any) -> None:
    text = json.dumps(patch)
    for diagnostics in (lint_patch(text), lint_patch(text, base=json.dumps(base))):
        assert not [d for d in diagnostics if d.code == "INT001"], diagnostics


@pytest.mark.parametrize("yaml_text", ["- op: add\n  path: /a\n  value: {b: 1}\n", "- 1\n- [x]\n", "op: add\n"])
def test_no_yaml_patch_crashes_the_linter(yaml_text: str) -> None:
    lint_patch(yaml_text, "p.patch.yaml")
