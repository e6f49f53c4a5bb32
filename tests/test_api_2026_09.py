"""The 2026-09 revisions: evidence in explain and hover, the unknown-key message, PAL inference."""

from __future__ import annotations

import json

from click.testing import CliRunner

from linter import lint_text
from linter.cli import cli
from linter.diagnostic import Position
from linter.lsp.analysis import analyse, hover_text
from linter.tavus import revisions

PERSONA = {"persona_name": "Coach", "system_prompt": "You coach runners."}


def test_the_defaults_are_2026_09_and_pal_2026_09() -> None:
    assert (revisions.DEFAULT, revisions.PAL_DEFAULT) == ("2026-09", "pal-2026-09")
    pal = json.dumps({"pal_name": "Coach", "default_face_id": "r79e1c033f", "system_prompt": "Coach.",
                      "disclosure_type": "always"})
    assert lint_text(pal) == []


def test_explain_prints_the_evidence_of_a_value_or_field() -> None:
    result = CliRunner().invoke(cli, ["explain", "raven-2"])
    assert result.exit_code == 0
    assert "'raven-2' at /layers/perception/perception_model (2026-09, /v2/personas): observed in public code, " \
           "1 project, since 2026-08; thin evidence" in result.stdout
    field = CliRunner().invoke(cli, ["explain", "emotion_recognition"]).stdout
    assert "documented: https://docs.tavus.io/sections/onboarding-guide/eu-ai-act.md" in field
    gemma = CliRunner().invoke(cli, ["explain", "tavus-gemma-4"]).stdout
    assert "observed in public code, 7 projects, since 2026-07" in gemma
    assert "6042888" not in result.stdout + field + gemma  # index ids stay in the data file


def test_explain_still_explains_rules_and_refuses_unknown_names() -> None:
    assert CliRunner().invoke(cli, ["explain", "SCH011"]).stdout.startswith("# SCH011")
    result = CliRunner().invoke(cli, ["explain", "raven-77"])
    assert result.exit_code == 2 and "unknown rule 'raven-77'" in result.stderr


def test_hover_shows_the_evidence_of_the_value_under_the_cursor() -> None:
    text = '{\n  "persona_name": "Coach",\n  "layers": {"perception": {"perception_model": "raven-2"}}\n}\n'
    analysis = analyse("coach.json", text)
    column = text.splitlines()[2].index("raven-2") + 2
    hovered = hover_text(analysis, Position(3, column))
    assert hovered is not None
    assert "Evidence for `raven-2`: observed in public code, 1 project, since 2026-08" in hovered[0]
    key_column = text.splitlines()[2].index("perception_model") + 2
    key = hover_text(analysis, Position(3, key_column))
    assert key is not None and "Evidence for `raven-2`" in key[0]


def test_hover_shows_the_evidence_of_a_field() -> None:
    text = '{\n  "persona_name": "Coach",\n  "layers": {"perception": {"emotion_recognition": "limited"}}\n}\n'
    line = text.splitlines()[2]
    limited = hover_text(analyse("coach.json", text), Position(3, line.index("limited") + 2))
    assert limited is not None and "Evidence for `limited`: observed in public code, 2 projects" in limited[0]
    schema = "https://raw.githubusercontent.com/persona-lint/persona-lint/main/schemas/2026-06/persona.schema.json"
    older = f'{{\n  "$schema": "{schema}",\n  "persona_name": "Coach", "pipeline_mode": "echo"\n}}\n'
    hovered = hover_text(analyse("coach.json", older), Position(3, 5))
    assert hovered is None or "Evidence" not in hovered[0]


def test_an_unknown_key_another_revision_defines_does_not_claim_the_api_ignores_it() -> None:
    body = {**PERSONA, "layers": {"perception": {"emotion_recognition": "full"}}}
    [finding] = lint_text(json.dumps(body), schema_version="2026-06")
    assert finding.code == "SCH001"
    assert finding.message == "property 'emotion_recognition' in 'layers.perception' is not part of revision 2026-06"
    assert "exists from revision 2026-09 on" in (finding.hint or "")
    [typo] = lint_text(json.dumps({**PERSONA, "layers": {"perception": {"emotion_recogniton": "full"}}}))
    assert typo.message.endswith("the API ignores keys it does not know")


def test_pal_interruptibility_on_personas_is_one_finding() -> None:
    body = {**PERSONA, "layers": {"conversational_flow": {"pal_interruptibility": "high"}}}
    assert [d.code for d in lint_text(json.dumps(body))] == ["FLOW008"]
    assert [d.code for d in lint_text(json.dumps(body), schema_version="2026-06")] == ["FLOW008"]


def test_a_key_the_api_returns_does_not_claim_the_api_ignores_it() -> None:
    body = {**PERSONA, "is_published": True, "layers": {"perception": {"screen_tools": []}}}
    findings = lint_text(json.dumps(body))
    assert [d.pointer for d in findings] == ["/is_published", "/layers/perception/screen_tools"]
    for finding in findings:
        assert "ignores" not in finding.message and "not part of revision 2026-09" in finding.message
        assert finding.hint == "public code reads it back from the API; it is not documented as a field you send"
