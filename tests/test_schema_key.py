"""The `$schema` key the README recommends: accepted by every published schema, and reported
when it names no bundled revision."""

from __future__ import annotations

import pytest

from linter import lint_text
from linter.schemas import store
from linter.tavus import revisions


@pytest.mark.parametrize("revision", revisions.NAMES)
def test_every_published_persona_schema_allows_the_schema_key(revision: str) -> None:
    body = {"$schema": f"{store.BASE_URI}{revision}/persona.schema.json"}
    validator = store.validator(revision)  # the plain jsonschema validator editors and check-jsonschema use
    errors = [e.message for e in validator.iter_errors(body) if "$schema" in e.message]
    assert errors == []
    assert validator.schema["properties"]["$schema"]["type"] == "string"


@pytest.mark.parametrize(
    ("declared", "says"),
    [
        ("./.vscode/persona.schema.json", "is a local path"),
        (f"{store.BASE_URI}2026-6/persona.schema.json", "names no bundled persona-lint schema"),
        ("https://example.com/persona.json", "names no bundled persona-lint schema"),
    ],
)
def test_an_unrecognised_schema_url_is_a_warning_with_a_hint(declared: str, says: str) -> None:
    text = f'{{"$schema": "{declared}", "persona_name": "Coach", "pipeline_mode": "echo"}}'
    [finding] = lint_text(text, "p.json")
    assert finding.code == "SCH009" and finding.severity.value == "warning" and says in finding.message
    assert finding.pointer == "/$schema" and finding.hint is not None and "2026-06/persona.schema.json" not in declared
    assert f"{store.BASE_URI}<revision>/persona.schema.json" in finding.hint


def test_a_recognised_schema_url_gives_no_finding() -> None:
    text = f'{{"$schema": "{store.BASE_URI}2025-03/persona.schema.json", "persona_name": "C", "pipeline_mode": "echo"}}'
    assert lint_text(text, "p.json") == []


@pytest.mark.parametrize(
    ("declared", "says"),
    [
        ("./.vscode/persona.schema.json", "is a local path"),
        (f"{store.BASE_URI}2026-13/persona.schema.json", "names no bundled persona-lint schema"),
    ],
)
def test_an_unrecognised_yaml_modeline_is_a_warning_at_its_url(declared: str, says: str) -> None:
    text = f"# yaml-language-server: $schema={declared}\npersona_name: Coach\npipeline_mode: echo\n"
    [finding] = lint_text(text, "p.yaml")
    assert finding.code == "SCH009" and finding.severity.value == "warning" and says in finding.message
    assert (finding.span.start.line, finding.span.start.column) == (1, 33)
    assert (finding.span.end.line, finding.span.end.column) == (1, 33 + len(declared))
    assert finding.hint is not None and "schema-version in the configuration" in finding.hint


def test_a_modeline_is_not_judged_when_the_schema_key_names_the_revision() -> None:
    text = (f"# yaml-language-server: $schema=./local.json\n$schema: {store.BASE_URI}2025-03/persona.schema.json\n"
            "persona_name: Coach\npipeline_mode: echo\n")
    assert lint_text(text, "p.yaml") == []
    recognised = f"# yaml-language-server: $schema={store.BASE_URI}2025-03/persona.schema.json\npersona_name: C\n"
    assert lint_text(recognised + "pipeline_mode: echo\n", "p.yaml") == []
