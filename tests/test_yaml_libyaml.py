"""YAML parsed with libyaml (PyYAML's C parser) gives what the Python parser gives.

``linter.yamlsource`` composes with libyaml when PyYAML has it and the text cannot nest deep
enough to overflow the C stack, and falls back to the Python parser for everything else
(including every text libyaml rejects, so syntax messages keep their wording). The oracle
is the Python-only parse: same value, problems (code, message, span, pointer) and positions.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.document import yamlsource
from linter.document.yamlsource import parse_yaml

ROOT = Path(__file__).parent.parent
YAML_FILES = sorted(
    p for pattern in ("tests/**/*.yaml", "tests/**/*.yml", "examples/*.yaml") for p in ROOT.glob(pattern) if p.is_file()
)

pytestmark = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML was built without libyaml")


def test_yaml_files_are_found() -> None:
    assert len(YAML_FILES) > 20 and any(p.parent.name == "examples" for p in YAML_FILES)


def _outcome(text: str) -> tuple[Any, ...]:
    document = parse_yaml("p.yaml", text)
    locations = document._locations
    assert locations is not None
    return document.value, document.problems, locations.keys, locations.values, locations.duplicates


def _python_only(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, ...]:
    with monkeypatch.context() as patch:
        patch.setattr(yamlsource, "_compose_with_libyaml", lambda text: None)
        return _outcome(text)


def test_libyaml_is_used_for_an_ordinary_persona(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = yaml.CSafeLoader

    def spy(text: str) -> Any:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(yaml, "CSafeLoader", spy)
    parse_yaml("p.yaml", "persona_name: x\nlayers:\n  llm: {model: tavus-llama}\n")
    assert len(calls) == 1


@pytest.mark.parametrize("path", YAML_FILES, ids=[str(p.relative_to(ROOT)) for p in YAML_FILES])
def test_every_yaml_fixture_parses_the_same(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    assert _outcome(text) == _python_only(text, monkeypatch)


PIECES = [
    "persona_name: ", "x", "héllo 😀", '"quoted: ☃"', "'single'", "\n", "  ", "- ", "[", "]", "{", "}", ", ",
    "layers:\n  llm:\n    model: ", "tools:\n  - type: function\n", "&a ", "*a", "<<: *a\n", "!!str ",
    "!!python/name:x ", "? ", ": ", "|\n  block ünï\n", ">\n  folded\n", "---\n", "...\n", "yes", "null", "1.5",
    "0x1F", "#c\n", "\t", "%", "key: value\n", "key: value\n", "\x00", "@", "\r\n", "\ufeff", "\x85", "\u2028",
    "'it''s'", '"esc \\u00e9 \\t"', "2001-12-14", "~", "-1", ".inf", "=",
]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_generated_yaml_parses_the_same(text: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert _outcome(text) == _python_only(text, monkeypatch)


@pytest.mark.slow
def test_deep_nesting_never_reaches_the_c_composer(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str) -> Any:
        raise AssertionError("libyaml must not compose this text")

    monkeypatch.setattr(yaml, "CSafeLoader", refuse)
    document = parse_yaml("deep.yaml", "layers: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert [p.code for p in document.problems] == ["SYN009"]


JSON_FILES = sorted(p for p in ROOT.glob("tests/rules/*/*/*.json") if p.is_file())


@pytest.mark.slow
def test_every_json_fixture_dumped_as_yaml_parses_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    compared = 0
    for path in JSON_FILES:
        try:
            value = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
        for flow, unicode in ((False, True), (None, False)):  # block and mixed styles, escapes
            text = yaml.safe_dump(value, default_flow_style=flow, allow_unicode=unicode, width=60)
            assert _outcome(text) == _python_only(text, monkeypatch), (path, flow, unicode)
            compared += 1
    assert compared > 300
