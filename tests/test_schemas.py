"""Self-contained checks of the JSON Schemas in ``schemas/`` (no import of ``linter``).

* every ``schemas/**/*.schema.json`` is a valid draft 2020-12 schema whose ``$id`` matches its path;
* every ``$ref`` resolves through an offline ``referencing.Registry``;
* the contract's structural rules hold (descriptions on properties, bare layer ``$ref``s);
* every case of ``tests/schemas/**/*.json`` (JSON-Schema-Test-Suite shape) validates as expected;
* ``examples/`` validate against the newest persona revision, ``tests/data/pal-example.json``
  against the PAL revision.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
CASES = Path(__file__).resolve().parent / "schemas"
EXAMPLES = ROOT / "examples"
PAL_EXAMPLE = Path(__file__).resolve().parent / "data" / "pal-example.json"
BASE = "https://raw.githubusercontent.com/persona-lint/persona-lint/main/schemas/"
# One folder per revision; tests/test_revisions.py checks both against linter/tavus/revisions.py.
VERSIONS = sorted(path.parent.name for path in SCHEMAS.glob("*/persona.schema.json"))
NEWEST = max(name for name in VERSIONS if not name.startswith("pal-"))  # YYYY-MM names sort by date
NEWEST_PAL = max(name for name in VERSIONS if name.startswith("pal-"))
# Keywords whose values are data, not subschemas: never look for "$ref" inside them.
DATA_KEYWORDS = {"examples", "default", "const", "enum"}

SCHEMA_FILES = sorted(SCHEMAS.rglob("*.schema.json"))
CASE_FILES = sorted(CASES.rglob("*.json"))


def test_parametrized_lists_are_not_empty() -> None:
    # An empty list would make the parametrized tests below pass without running once.
    assert len(SCHEMA_FILES) >= 8 * 2 and len(CASE_FILES) >= 8
    assert len(list(_cases())) > 100 and len(EXAMPLE_FILES) >= 3


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _no_network(uri: str) -> Resource[Any]:
    raise NoSuchResource(ref=uri)


def _build_registry() -> tuple[Registry[Any], dict[str, Any]]:
    by_id: dict[str, Any] = {}
    for path in SCHEMA_FILES:
        contents = _load(path)
        by_id[contents["$id"]] = contents
    registry: Registry[Any] = Registry(retrieve=_no_network).with_resources(
        (uri, DRAFT202012.create_resource(contents)) for uri, contents in by_id.items()
    )
    return registry.crawl(), by_id


REGISTRY, BY_ID = _build_registry()


def _walk_refs(node: Any, pointer: str = "") -> Iterator[tuple[str, str]]:
    """Yield (json-pointer, $ref) for every $ref in schema positions."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield pointer or "/", value
            elif key in DATA_KEYWORDS:
                continue
            elif key in ("properties", "$defs", "patternProperties", "dependentSchemas"):
                if isinstance(value, dict):
                    for name, sub in value.items():
                        yield from _walk_refs(sub, f"{pointer}/{key}/{name}")
            else:
                yield from _walk_refs(value, f"{pointer}/{key}")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _walk_refs(item, f"{pointer}/{i}")


def _walk_properties(node: Any, pointer: str = "") -> Iterator[tuple[str, Any]]:
    """Yield (json-pointer, property schema) for every entry of every ``properties``."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in DATA_KEYWORDS:
                continue
            if key == "properties" and isinstance(value, dict):
                for name, sub in value.items():
                    yield f"{pointer}/properties/{name}", sub
                    yield from _walk_properties(sub, f"{pointer}/properties/{name}")
            else:
                yield from _walk_properties(value, f"{pointer}/{key}")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _walk_properties(item, f"{pointer}/{i}")


def _validator(uri: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": uri}, registry=REGISTRY)


# ---------------------------------------------------------------------------
# schema files
# ---------------------------------------------------------------------------


def test_schema_files_exist() -> None:
    for version in VERSIONS:
        assert (SCHEMAS / version / "persona.schema.json").is_file(), version
    assert len(BY_ID) == len(SCHEMA_FILES), "duplicate $id"


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=_rel)
def test_metaschema(path: Path) -> None:
    schema = _load(path)
    assert schema.get("$schema") == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=_rel)
def test_id_matches_path(path: Path) -> None:
    assert _load(path)["$id"] == BASE + path.relative_to(SCHEMAS).as_posix()


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=_rel)
def test_refs_resolve(path: Path) -> None:
    schema = _load(path)
    resolver = REGISTRY.resolver(base_uri=schema["$id"])
    refs = list(_walk_refs(schema))
    for pointer, ref in refs:
        try:
            resolved = resolver.lookup(ref)
        except Exception as exc:  # pragma: no cover - failure path
            pytest.fail(f"{_rel(path)}#{pointer}: $ref {ref!r} does not resolve: {exc}")
        assert isinstance(resolved.contents, dict), f"{pointer}: {ref} is not a schema object"


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=_rel)
def test_every_property_has_description(path: Path) -> None:
    schema = _load(path)
    for pointer, sub in _walk_properties(schema):
        if pointer.startswith("/properties/layers/properties/"):
            continue  # bare $ref by contract; the layer file carries the description
        assert isinstance(sub, dict) and sub.get("description"), f"{pointer} lacks a description"


@pytest.mark.parametrize("version", VERSIONS)
def test_layers_are_bare_refs(version: str) -> None:
    persona = _load(SCHEMAS / version / "persona.schema.json")
    layers = persona["properties"]["layers"]["properties"]
    assert layers, version
    resolver = REGISTRY.resolver(base_uri=persona["$id"])
    for name, sub in layers.items():
        assert list(sub) == ["$ref"], f"layers.{name} must be a bare $ref"
        target = resolver.lookup(sub["$ref"])
        assert str(target.contents["$id"]).endswith(f"/layers/{name}.schema.json"), name


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=_rel)
def test_every_schema_file_has_cases(path: Path) -> None:
    rel = path.relative_to(SCHEMAS)
    stem = rel.name.removesuffix(".schema.json")
    case_file = CASES / rel.parts[0] / f"{stem}.json"
    assert case_file.is_file(), f"missing {case_file.relative_to(ROOT)}"


# ---------------------------------------------------------------------------
# test-suite cases
# ---------------------------------------------------------------------------


def _cases() -> Iterator[Any]:
    for path in CASE_FILES:
        for group in _load(path):
            for case in group["tests"]:
                case_id = (
                    f"{path.relative_to(CASES).as_posix()}: {group['description']}: "
                    f"{case['description']}"
                )
                yield pytest.param(group["schema"], case["data"], case["valid"], id=case_id)


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.relative_to(CASES).as_posix())
def test_case_file_shape(path: Path) -> None:
    groups = _load(path)
    assert isinstance(groups, list) and groups
    valid = invalid = 0
    for group in groups:
        assert set(group) == {"description", "schema", "tests"}
        ref = group["schema"]["$ref"]
        assert ref in BY_ID or ref.split("#")[0] in BY_ID, f"unknown schema {ref}"
        for case in group["tests"]:
            assert set(case) == {"description", "data", "valid"}
            valid += case["valid"] is True
            invalid += case["valid"] is False
    assert valid >= 3 and invalid >= 3, f"{path.name}: {valid} valid / {invalid} invalid"


@pytest.mark.parametrize(("schema", "data", "valid"), list(_cases()))
def test_case(schema: dict[str, Any], data: Any, valid: bool) -> None:
    validator = Draft202012Validator(schema, registry=REGISTRY)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in validator.iter_errors(data)]
    assert (not errors) == valid, errors or "expected at least one error"


# ---------------------------------------------------------------------------
# examples
# ---------------------------------------------------------------------------

EXAMPLE_FILES = sorted(
    p for p in EXAMPLES.rglob("*") if p.suffix in {".json", ".yaml", ".yml"} and p.is_file()
    and p.parent.name != "policies"  # team policy schemas, not personas: tests/test_policies.py
)


def _load_any(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    return json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=_rel)
def test_examples_valid_under_newest(path: Path) -> None:
    validator = _validator(f"{BASE}{NEWEST}/persona.schema.json")
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in validator.iter_errors(_load_any(path))]
    assert not errors


def test_pal_example_valid() -> None:
    validator = _validator(f"{BASE}{NEWEST_PAL}/persona.schema.json")
    errors = [e.message for e in validator.iter_errors(_load(PAL_EXAMPLE))]
    assert not errors
