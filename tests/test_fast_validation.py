"""The fast validity checks (jsonschema-rs) agree with the reference implementation (jsonschema).

persona-lint asks jsonschema-rs for a verdict first and runs ``jsonschema`` only on the documents
it rejects, so a document jsonschema-rs wrongly accepted would lose its findings. These tests
compare the two verdicts on every schema test case, every rule fixture, every example and test
data file, the benchmark corpus and mutations of all of them; and the findings of
``linter.validate.validate`` with and without the fast path.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from linter import engine, revisions, schemas, validate
from linter.rule import Persona
from linter.source import parse
from linter.tooldefs import functions

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
                yield str(path.relative_to(ROOT)), value, engine.choose_revision(document, None, None)
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


@pytest.mark.parametrize(("name", "uri", "data", "valid"), [pytest.param(*c, id=c[0]) for c in _cases()])
def test_schema_cases(name: str, uri: str, data: Any, valid: bool) -> None:
    fast = jsonschema_rs.Draft202012Validator(schemas.bundle(uri), offline=True)
    reference = Draft202012Validator(schemas.schema(uri), registry=schemas.registry())
    assert fast.is_valid(data) is reference.is_valid(data) is valid, name


def test_personas_and_their_mutations_under_every_revision() -> None:
    rng = random.Random(20260601)
    checked = disagreements = 0
    failures: list[str] = []
    for name, value, revision in _all_personas():
        candidates = [(revision, value)] + [(revision, m) for m in _mutations(value, rng, 8)]
        candidates += [(other, value) for other in revisions.NAMES if other != revision]
        for chosen, candidate in candidates:
            fast = schemas.fast_check(chosen)
            assert fast is not None
            checked += 1
            if fast(candidate) is not schemas.validator(chosen).is_valid(candidate):
                disagreements += 1
                failures.append(f"{name} under {chosen}: {json.dumps(candidate)[:300]}")
    assert not failures, f"{disagreements} of {checked} verdicts differ:\n" + "\n".join(failures[:10])
    assert checked > 3000


def test_findings_are_the_same_with_and_without_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(7)
    documents = [(v, r) for _, value, r in _all_personas() for v in (value, *_mutations(value, rng, 2))]
    with_fast = [_findings(v, r) for v, r in documents]
    monkeypatch.setattr(schemas, "fast_check", lambda revision: None)
    without = [_findings(v, r) for v, r in documents]
    assert with_fast == without
    assert any(with_fast) and not all(with_fast)


def _findings(value: Any, revision: str) -> list[tuple[str, str, str]]:
    return [(s.code, s.finding.pointer, s.finding.message) for s in validate.validate(value, revision)]


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
