"""Public persona and PAL bodies of July to October 2026 lint without a false error.

Each body, its source (a public code file, by index id), date, endpoint and revision are in
tests/data/public-2026/manifest.json; tests/data/public-2026/README.md explains every error that
remains, each a real mistake of the body.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from linter import Severity, lint_text
from linter.schemas import store as schemas
from linter.tavus import revisions

DATA = Path(__file__).parent / "data" / "public-2026"
MANIFEST: list[dict[str, Any]] = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))

REAL_ERRORS: dict[str, set[tuple[str, str]]] = {
    # tavus-llama was removed on 2025-12-18; the project's own default would be rejected.
    "b08-tactik-negotiator-pal.json": {("LLM003", "/layers/llm/model")},
}
NOT_SCHEMA_VALID: dict[str, str] = {
    # /v2/personas documents replica_interruptibility; FLOW008 reports the PAL name (a warning).
    "b10-maya-persona-fallback.json": "pal_interruptibility in a /v2/personas body",
    "b12-mock-interviewer-persona.json": "pal_interruptibility in a /v2/personas body",
}


def _text(entry: dict[str, Any]) -> str:
    return (DATA / entry["file"]).read_text(encoding="utf-8")


def test_every_body_names_its_source_endpoint_and_a_newest_revision() -> None:
    assert len(MANIFEST) >= 15
    for entry in MANIFEST:
        assert entry["source"].startswith("public code file, index id ") and entry["index_ids"], entry
        assert entry["endpoint"].split()[1] in ("/v2/personas", "/v2/pals"), entry
        kind = revisions.BY_NAME[entry["revision"]].kind
        assert entry["revision"] == revisions.newest(kind).name
        assert entry["endpoint"].split()[1] == revisions.ENDPOINTS[kind] or "type comment" in entry["endpoint"]


@pytest.mark.parametrize("entry", MANIFEST, ids=lambda e: e["file"])
def test_no_error_but_the_real_mistakes(entry: dict[str, Any]) -> None:
    diagnostics = lint_text(_text(entry), entry["file"])
    assert {d.path for d in diagnostics} <= {entry["file"]}
    errors = {(d.code, d.pointer) for d in diagnostics if d.severity is Severity.ERROR}
    assert errors == REAL_ERRORS.get(entry["file"], set())
    # The revision chosen without --schema-version is the one the manifest names.
    assert lint_text(_text(entry), entry["file"], schema_version=entry["revision"]) == diagnostics


@pytest.mark.parametrize("entry", MANIFEST, ids=lambda e: e["file"])
def test_the_newest_schema_validates_every_body_of_the_newest_era(entry: dict[str, Any]) -> None:
    validator = Draft202012Validator(schemas.bundle(schemas.persona_uri(entry["revision"])))
    errors = [error.message for error in validator.iter_errors(json.loads(_text(entry)))]
    assert bool(errors) == (entry["file"] in NOT_SCHEMA_VALID), errors


def test_the_june_revisions_gave_false_errors_on_these_bodies() -> None:
    older = {"persona": "2026-06", "pal": "pal-2026-06"}
    false_errors = 0
    for entry in MANIFEST:
        kind = revisions.BY_NAME[entry["revision"]].kind
        found = lint_text(_text(entry), entry["file"], schema_version=older[kind])
        real = REAL_ERRORS.get(entry["file"], set())
        false_errors += sum(1 for d in found if d.severity is Severity.ERROR and (d.code, d.pointer) not in real)
    assert false_errors >= 8  # sparrow-2 and tavus-auto (SCH004), tavus-gemma-4 and gpt-5.6 (LLM001) in June
