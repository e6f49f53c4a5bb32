"""The fast path (jsonschema-rs) agrees with the reference implementation (jsonschema).

persona-lint asks jsonschema-rs for a verdict first, and explains the documents it rejects from
jsonschema-rs's errors where they say enough (linter.schema_errors), else with ``jsonschema``.
A document jsonschema-rs wrongly accepted would lose its findings, and an error read wrongly
would change them. These tests compare the two verdicts on every schema test case, every rule
fixture, every example and test data file, the benchmark corpus and mutations of all of them;
and the findings of ``linter.validate.validate`` (code, place, message, hint) with and without
the fast path, under the document's revision and every other one.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from linter.document.source import parse
from linter.rule import Persona
from linter.schemas import association, schema_errors, validate
from linter.schemas import store as schemas
from linter.tavus import revisions
from linter.tavus.tooldefs import functions

jsonschema_rs = pytest.importorskip("jsonschema_rs")

ROOT = Path(__file__).resolve().parent.parent
PERSONA_FOLDERS = (ROOT / "examples", ROOT / "tests" / "rules", ROOT / "tests" / "data")
ODD_VALUES: tuple[Any, ...] = (
    None, True, 0, -1, 1.5, 10**12, "", "x", "tavus-gpt-4o", [], [1], {}, {"a": 1}, "a" * 5000,
)


def _personas() -> Iterator[tuple[str, Any, str]]:
    """(name, value, revision) of every persona file in the repository and of the benchmark corpus."""
    for folder in PERSONA_FOLDERS:
        for path in sorted(folder.rglob("*")):
            if path.suffix not in (".json", ".yaml", ".yml") or not path.is_file():
                continue
            document = parse(str(path), path.read_bytes())
            if isinstance(document.value, dict):
                value = {k: v for k, v in document.value.items() if k != "$schema"}
                yield str(path.relative_to(ROOT)), value, association.choose_revision(document, None, None)
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import corpus
    finally:
        sys.path.pop(0)
    for index in range(150):
        body, kind = corpus.generate(index, seed=7)
        yield f"corpus #{index} ({kind or 'valid'})", body, revisions.DEFAULT


@cache
def _all_personas() -> tuple[tuple[str, Any, str], ...]:
    return tuple(_personas())


def _mutations(value: Any, rng: random.Random, count: int) -> Iterator[Any]:
    """``count`` copies of ``value``, each with one member deleted, replaced or added."""
    places: list[tuple[Any, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            places.extend((node, key) for key in node)
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            places.extend((node, index) for index in range(len(node)))
            for child in node:
                walk(child)

    for _ in range(count):
        copy = json.loads(json.dumps(value))
        places.clear()
        walk(copy)
        if not places:
            return
        container, key = rng.choice(places)
        action = rng.randrange(3)
        if action == 0:
            del container[key]
        elif action == 1 or isinstance(container, list):
            container[key] = rng.choice(ODD_VALUES)
        else:
            container[key + "_x" if isinstance(key, str) else key] = rng.choice(ODD_VALUES)
        yield copy


def _cases() -> Iterator[tuple[str, str, Any, bool]]:
    for path in sorted((ROOT / "tests" / "schemas").rglob("*.json")):
        for group in json.loads(path.read_text(encoding="utf-8")):
            for case in group["tests"]:
                name = f"{path.relative_to(ROOT)}: {case['description']}"
                yield name, group["schema"]["$ref"], case["data"], case["valid"]


def test_schema_cases_are_found() -> None:
    assert len(list(_cases())) > 100


@pytest.mark.parametrize(("name", "uri", "data", "valid"), [pytest.param(*c, id=c[0]) for c in _cases()])
def test_schema_cases(name: str, uri: str, data: Any, valid: bool) -> None:
    fast = jsonschema_rs.Draft202012Validator(schemas.bundle(uri), offline=True)
    reference = Draft202012Validator(schemas.schema(uri), registry=schemas.registry())
    assert fast.is_valid(data) is reference.is_valid(data) is valid, name


@pytest.mark.slow
def test_personas_and_their_mutations_under_every_revision() -> None:
    rng = random.Random(20260601)
    checked = disagreements = 0
    failures: list[str] = []
    for name, value, revision in _all_personas():
        candidates = [(revision, value)] + [(revision, m) for m in _mutations(value, rng, 8)]
        candidates += [(other, value) for other in revisions.NAMES if other != revision]
        for chosen, candidate in candidates:
            fast = schemas.fast_validator(chosen)
            assert fast is not None
            checked += 1
            if fast.is_valid(candidate) is not schemas.validator(chosen).is_valid(candidate):
                disagreements += 1
                failures.append(f"{name} under {chosen}: {json.dumps(candidate)[:300]}")
    assert not failures, f"{disagreements} of {checked} verdicts differ:\n" + "\n".join(failures[:10])
    assert checked > 3000


@pytest.mark.slow
def test_findings_are_the_same_with_and_without_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(7)
    documents = [
        (candidate, chosen)
        for _, value, revision in _all_personas()
        for candidate in (value, *_mutations(value, rng, 6))
        for chosen in (revision, rng.choice(revisions.NAMES))
    ]
    without, explained_fast = _same_findings_both_ways(documents, monkeypatch, lambda failures: failures is not None)
    invalid = sum(1 for found in without if found)
    assert invalid > 1000 and len(documents) > invalid
    assert explained_fast > 0.9 * invalid  # most invalid documents never need jsonschema


Findings = list[tuple[str, str, str, str | None, str]]


def _same_findings_both_ways(
    documents: list[tuple[Any, str]],
    monkeypatch: pytest.MonkeyPatch,
    counted: Callable[[list[schema_errors.Failure] | None], bool],
) -> tuple[list[Findings], int]:
    """Assert that every document gets the same findings with and without the fast path; return
    them, and how many of the fast path's readings of jsonschema-rs errors were ``counted``."""
    count = 0
    original = schema_errors.from_rs

    def counting(errors: Any, bundle: Any) -> Any:
        nonlocal count
        failures = original(errors, bundle)
        count += counted(failures)
        return failures

    monkeypatch.setattr(schema_errors, "from_rs", counting)
    with_fast = [_findings(v, r) for v, r in documents]
    monkeypatch.setattr(schemas, "fast_validator", lambda revision: None)
    without = [_findings(v, r) for v, r in documents]
    differing = [(d, a, b) for d, a, b in zip(documents, with_fast, without, strict=True) if a != b]
    assert not differing, f"{len(differing)} of {len(documents)} differ; first: {differing[0]}"
    return without, count


def _findings(value: Any, revision: str) -> Findings:
    """What the engine shows of each schema finding, in the engine's order (by place, then text)."""
    found = [
        (s.finding.pointer, s.code, s.finding.message, s.finding.hint, s.finding.target)
        for s in validate.validate(value, revision)
    ]
    return sorted(found, key=lambda f: (f[0], f[1], f[2], f[3] or "", f[4]))


@pytest.mark.slow
def test_tool_parameters_against_the_metaschema() -> None:
    fast = schemas.fast_metaschema_check()
    assert fast is not None
    reference = Draft202012Validator(Draft202012Validator.META_SCHEMA)
    rng = random.Random(3)
    failures: list[str] = []
    seen = 0
    for name, value, revision in _all_personas():
        for definition in functions(Persona(value, revision)):
            parameters = definition.parameters
            if not parameters:
                continue
            for candidate in (parameters, *_mutations(parameters, rng, 4)):
                seen += 1
                if fast(candidate) is not reference.is_valid(candidate):
                    failures.append(f"{name} {definition.label}: {json.dumps(candidate)[:300]}")
    assert not failures, "\n".join(failures[:10])
    assert seen > 1000


ADAPTER_CASES: list[tuple[dict[str, Any], Any]] = [
    ({"properties": {"api_key": {"type": "string", "minLength": 10}}}, {"api_key": "short"}),
    ({"required": ["a", "b", "c"], "properties": {"a": {}}}, {"a": 1}),
    ({"properties": {"x": {"enum": [1, 2]}, "y": {"const": "a"}}}, {"x": 3, "y": "b"}),
    ({"additionalProperties": False, "properties": {"a": {}}}, {"a": 1, "b": 2, "c": 3}),
    ({"items": {"minimum": 0, "maximum": 3, "multipleOf": 2}}, [4, -1, 3]),
    ({"items": {"exclusiveMinimum": 0, "exclusiveMaximum": 3}}, [0, 3]),
    ({"properties": {"s": {"pattern": "^a", "maxLength": 2}}}, {"s": "bbb"}),
    ({"minProperties": 2, "properties": {"l": {"minItems": 2, "maxItems": 0}}}, {"l": [1]}),
    ({"maxProperties": 1}, {"a": 1, "b": 2}),
    ({"$defs": {"t": {"type": ["integer", "null"]}}, "properties": {"n": {"items": {"$ref": "#/$defs/t"}}}},
     {"n": [1, "x", None, 2.5]}),
]


@pytest.mark.parametrize(("schema", "instance"), ADAPTER_CASES)
def test_both_adapters_read_the_same_failure(schema: dict[str, Any], instance: Any) -> None:
    def record(failure: schema_errors.Failure) -> tuple[Any, ...]:
        fields = (failure.keyword, failure.path, failure.key, failure.instance, failure.value, failure.schema)
        return (*fields, failure.missing)

    fast = schema_errors.from_rs(jsonschema_rs.Draft202012Validator(schema).iter_errors(instance), schema)
    assert fast is not None
    reference = [schema_errors.from_jsonschema(e) for e in Draft202012Validator(schema).iter_errors(instance)]
    assert sorted(map(record, fast), key=repr) == sorted(map(record, reference), key=repr)
    assert {failure.keyword for failure in fast} <= schema_errors.EXPLAINED


def test_other_keywords_are_left_to_jsonschema() -> None:
    # An anyOf is read from jsonschema-rs only when every branch failed on a type, enum or const
    # of the value itself; here a branch failed inside the value, which best_match must weigh.
    schema = {"properties": {"x": {"anyOf": [{"type": "string"}, {"properties": {"a": {"type": "integer"}}}]}}}
    errors = jsonschema_rs.Draft202012Validator(schema).iter_errors({"x": {"a": "b"}})
    assert schema_errors.from_rs(errors, schema) is None
    one_of = {"properties": {"x": {"oneOf": [{"type": "string"}, {"type": "integer"}]}}}
    assert schema_errors.from_rs(jsonschema_rs.Draft202012Validator(one_of).iter_errors({"x": []}), one_of) is None


def test_a_flat_anyof_is_read_from_jsonschema_rs() -> None:
    schema = {"properties": {"x": {"anyOf": [{"type": "string", "enum": ["a"]}, {"type": "integer"}]}}}
    failures = schema_errors.from_rs(jsonschema_rs.Draft202012Validator(schema).iter_errors({"x": 1.5}), schema)
    assert failures is not None and [f.keyword for f in failures] == ["anyOf"]
    assert sorted(failures[0].branches) == [(0, "enum", True), (0, "type", True), (1, "type", True)]


LENIENT_BOOLEANS = (
    ("llm", "speculative_inference"), ("tts", "tts_emotion_control"), ("vqa", "enabled"),
    ("vqa", "enable_vision"), ("stt", "smart_turn_detection"), ("tts", "voice_settings", "use_speaker_boost"),
)
"""Places whose schema is an ``anyOf`` (a boolean or the strings "true"/"false") in some revision."""


@pytest.mark.slow
def test_anyof_errors_read_from_jsonschema_rs_give_the_reference_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    base = {"persona_name": "A", "system_prompt": "Hi.", "layers": {"llm": {"model": "tavus-gpt-oss"}}}
    documents: list[tuple[Any, str]] = []
    for *layer_path, field in LENIENT_BOOLEANS:
        for odd in (*ODD_VALUES, "yes", "True", "1", ["true"]):
            value = json.loads(json.dumps(base))
            node = value["layers"]
            for step in layer_path:
                node = node.setdefault(step, {})
            node[field] = odd
            documents.extend((value, revision) for revision in revisions.NAMES)
    without, read_fast = _same_findings_both_ways(
        documents, monkeypatch, lambda failures: failures is not None and any(f.keyword == "anyOf" for f in failures)
    )
    assert read_fast > 100  # the anyOf errors themselves came from jsonschema-rs
    codes = {finding[1] for found in without for finding in found}
    assert {"SCH003", "SCH007"} <= codes
