"""The engine: rule failures are contained, schema keywords map to codes, supersession works."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jsonschema import Draft202012Validator

from linter import DEFAULT_REVISION, lint_text
from linter.config.settings import DEFAULT
from linter.diagnostic import Finding, Severity
from linter.document.source import parse
from linter.engine.lint import lint_document
from linter.engine.selection import ActiveRule, RuleSet, resolve
from linter.rule import Persona, rule
from linter.schemas.schema_errors import from_jsonschema
from linter.schemas.validate import _explain

ECHO = '{"persona_name": "Echo", "pipeline_mode": "echo"}'


def test_a_failing_rule_is_reported_and_the_others_still_run() -> None:
    @rule(code="PIPE999", name="always-fails", severity="error")
    def broken(persona: Persona, options: None) -> Iterator[Finding]:
        """Fails.\n\nWhy: test."""
        raise KeyError("secret-value-sk-123")
        yield  # pragma: no cover

    rules = dict(resolve(DEFAULT).by_code)
    rules["PIPE999"] = ActiveRule(broken, Severity.ERROR, None)
    document = parse("p.json", b'{"persona_name": "Echo"}')
    diagnostics = lint_document(document, RuleSet(rules), "2026-06")
    codes = [d.code for d in diagnostics]
    assert "INT001" in codes and "PIPE001" in codes
    internal = next(d for d in diagnostics if d.code == "INT001")
    assert "PIPE999" in internal.message and "secret-value" not in internal.message


def test_unmapped_keywords_become_schema_violation() -> None:
    schema: dict[str, Any] = {"type": "array", "uniqueItems": True}
    error = next(Draft202012Validator(schema).iter_errors([1, 1]))
    [found] = list(_explain(from_jsonschema(error)))
    assert found.code == "SCH008" and "non-unique" in found.finding.message


def test_one_mistake_one_finding_for_a_mistyped_enum() -> None:
    text = '{"persona_name": "A", "pipeline_mode": "echo", "layers": {"perception": {"perception_model": 7}}}'
    codes = [d.code for d in lint_text(text)]
    assert codes.count("SCH003") == 1 and "SCH004" not in codes


def test_schema_annotation_is_not_an_unknown_key_and_picks_the_revision() -> None:
    uri = "https://raw.githubusercontent.com/persona-lint/persona-lint/main/schemas/2024-10/persona.schema.json"
    text = '{"$schema": "%s", "persona_name": "A", "pipeline_mode": "echo", "layers": {"vqa": {"enabled": true}}}'
    assert lint_text(text % uri) == []
    assert "SCH001" in [d.code for d in lint_text(text % uri, schema_version="2026-06")]


def test_yaml_modeline_picks_the_revision() -> None:
    text = (
        "# yaml-language-server: $schema=https://raw.githubusercontent.com/persona-lint/persona-lint/main/"
        "schemas/2024-10/persona.schema.json\n"
        "persona_name: A\npipeline_mode: echo\nlayers:\n  vqa:\n    enabled: true\n"
    )
    assert lint_text(text, "p.yaml") == []


def test_select_and_ignore() -> None:
    text = '{"persona_name": "A", "voice": "x"}'
    assert {d.code for d in lint_text(text)} == {"PIPE001", "SCH001"}
    assert {d.code for d in lint_text(text, select=["SCH"])} == {"SCH001"}
    assert {d.code for d in lint_text(text, ignore=["unknown-property"])} == {"PIPE001"}


def test_a_pal_body_is_checked_as_a_pal_unless_told_otherwise() -> None:
    pal = '{"pal_name": "Notetaker", "default_face_id": "r90bbd427f71", "system_prompt": "Take notes."}'
    assert lint_text(pal) == []
    explicit = lint_text(pal, schema_version="2026-06")
    assert {d.code for d in explicit} == {"SCH001"}
    assert "exists from revision pal-2026-06 on" in (explicit[0].hint or "")


def test_unknown_key_of_an_older_revision_names_that_revision() -> None:
    text = '{"persona_name": "A", "pipeline_mode": "echo", "layers": {"vqa": {"enabled": true}}}'
    [finding] = lint_text(text)
    assert finding.code == "SCH001"
    expected = (
        f"'vqa' belongs to revision 2024-10, not {DEFAULT_REVISION}: remove it or check the file against that revision"
    )
    assert finding.hint == expected


def test_a_tool_list_of_the_wrong_type_is_one_finding() -> None:
    import json

    persona = {
        "persona_name": "A", "system_prompt": "Call `lookup_order`, then call `create_ticket`. You have 2 tools.",
        "layers": {"llm": {"model": "tavus-gpt-oss", "tools": {"type": "function", "function": {"name": "x"}}}},
    }
    assert [d.code for d in lint_text(json.dumps(persona))] == ["SCH003"]
