"""The example bodies of Tavus' own docs pages lint without errors under their revision.

Each body, its source URL and its revision are in tests/data/tavus-docs/manifest.json. Where a
docs example really is wrong, KNOWN_ERRORS lists the finding and why (reference section 8).
Warnings are allowed but must be justified too: KNOWN_WARNINGS lists them for the seed example.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from linter import lint_text

DOCS = Path(__file__).parent / "data" / "tavus-docs"
MANIFEST: list[dict[str, Any]] = json.loads((DOCS / "manifest.json").read_text())
SEED = "create-persona-life-coach-raven0-2025.json"

KNOWN_ERRORS: dict[str, dict[tuple[str, str], str]] = {
    "pal-usecase-casting-director.json": {
        ("PIPE001", ""): "the use-case page shows a stored full-pipeline PAL config with the system prompt left "
        "out; creating it as written is rejected (X1, Create Persona page)",
    },
    "custom-stt-onboarding-mert-storyteller.json": {
        ("LLM009", "/layers/llm/base_url"): "the page writes a description ('open-ai-compatible-llm-http-endpoint') "
        "where the URL goes",
        ("TOOL001", "/layers/llm/tools/0"): "the page's tools array holds the placeholder string '<your-tools-here>' "
        "(made valid JSON from an unquoted placeholder), not a tool",
    },
}

KNOWN_WARNINGS: dict[str, dict[tuple[str, str], str]] = {
    SEED: {
        ("PIPE008", "/layers/tts/tts_emotion_control"): "the example sends the string \"false\" for a boolean "
        "(X17, X52; reference section 8.2)",
        ("TTS004", "/layers/tts/playht_user_id"): "playht_user_id is set while tts_engine is cartesia (X14)",
        ("STT002", "/layers/stt/hotwords"): "hotwords only work with tavus-advanced in this era; the example "
        "uses tavus-turbo (X22)",
        ("STT003", "/layers/stt/smart_turn_detection"): "smart_turn_detection only works with tavus-advanced (X23)",
        ("TOOL008", "/layers/llm/tools/0/function/parameters/properties/unit"): "the 'unit' parameter has no "
        "description (X51)",
    },
}


def body(entry: dict[str, Any]) -> str:
    document = json.loads((DOCS / entry["file"]).read_text())
    if "fragment" in entry["file"]:  # a docs page showing one layer: lint it inside a minimal persona
        prompt = "You are a helpful assistant."
        document = {"persona_name": "Docs fragment", "system_prompt": prompt, "layers": document}
    return json.dumps(document, indent=2)


def test_manifest_lists_examples() -> None:
    assert len(MANIFEST) > 10 and all((DOCS / e["file"]).is_file() for e in MANIFEST)


@pytest.mark.parametrize("entry", MANIFEST, ids=lambda e: e["file"])
def test_docs_example_has_no_unexplained_error(entry: dict[str, Any]) -> None:
    assert entry["source_url"].startswith("https://") and entry["revision"]
    diagnostics = lint_text(body(entry), entry["file"], schema_version=entry["revision"])
    errors = {(d.code, d.pointer) for d in diagnostics if d.severity.value == "error"}
    assert errors == set(KNOWN_ERRORS.get(entry["file"], {}))


def test_seed_example_warnings_are_each_justified() -> None:
    [entry] = [e for e in MANIFEST if e["file"] == SEED]
    assert entry["revision"] == "2025-03"
    warnings = {(d.code, d.pointer) for d in lint_text(body(entry), SEED, schema_version="2025-03")
                if d.severity.value == "warning"}
    assert warnings == set(KNOWN_WARNINGS[SEED])
