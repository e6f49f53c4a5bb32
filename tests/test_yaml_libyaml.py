"""YAML parsed with libyaml (PyYAML's C parser) gives what the Python parser gives.

``linter.yamlsource`` composes with libyaml when PyYAML has it and the text cannot nest deep
enough to overflow the C stack, and falls back to the Python parser for everything else
(including every text libyaml rejects, so syntax messages keep their wording). The oracle
is the Python-only parse: same value, problems (code, message, span, pointer) and positions.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, ClassVar

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
    text = "persona_name: x\nlayers:\n  llm: {model: tavus-llama}\n"
    document = parse_yaml("p.yaml", text)
    assert calls == [text, text]  # one pass over its events for the limits, one to compose
    assert document.value == {"persona_name": "x", "layers": {"llm": {"model": "tavus-llama"}}}


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


class _SpyLoader(yaml.CSafeLoader):  # type: ignore[misc]
    """libyaml's loader, recording every text whose nodes it composes."""

    composed: ClassVar[list[str]] = []

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

    def get_node(self) -> Any:
        _SpyLoader.composed.append(self.text)
        return super().get_node()


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setattr(yaml, "CSafeLoader", _SpyLoader)
    _SpyLoader.composed = []
    return _SpyLoader.composed


def _first_problem(text: str) -> tuple[str, int, int]:
    problem = parse_yaml("p.yaml", text).problems[0]
    return problem.code, problem.span.start.line, problem.span.start.column


DEEP = {  # every one nests 100,000 levels; the first node deeper than 200 levels is at line 2
    "flow": "persona_name: x\nlayers: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "block": "persona_name: x\nl:\n" + "".join(" " * i + "-\n" for i in range(100_000)),
    "compact": "persona_name: x\nl:\n" + "- " * 100_000 + "x\n",
}


@pytest.mark.slow
@pytest.mark.parametrize("shape", DEEP)
def test_deep_nesting_never_reaches_the_c_composer(shape: str, spy: list[str]) -> None:
    text = DEEP[shape]
    document = parse_yaml("deep.yaml", text)
    assert spy == []
    assert [p.code for p in document.problems] == ["SYN009"]
    assert document.problems[0].message == "nesting is deeper than 200 levels"
    offset = text.index("\n") + 1  # where the 201st level starts, as the builder reports it
    expected = {"flow": offset + len("layers: ") + 200, "block": offset + 3 + sum(i + 2 for i in range(200)) + 200,
                "compact": offset + 3 + 400}[shape]
    start = document.problems[0].span.start
    assert (start.line, start.column) == (text.count("\n", 0, expected) + 1, expected - text.rfind("\n", 0, expected))


def test_limit_on_values_stops_before_libyaml_composes(spy: list[str]) -> None:
    text = "persona_name: x\nitems:\n" + "- 1\n" * 200_000
    assert _first_problem(text) == ("SYN009", 100_001, 3)  # the 100,002nd value: root, x, items, 99,999 items
    assert spy == []


def test_a_long_flow_collection_within_the_limits_is_composed_by_libyaml(spy: list[str]) -> None:
    text = "items: [" + "1, " * 50_000 + "1]\n"
    document = parse_yaml("p.yaml", text)
    assert spy == [text] and document.problems == []
    assert document.value == {"items": [1] * 50_001}


def test_an_anchor_name_used_again_in_a_later_document_is_composed_by_libyaml(spy: list[str]) -> None:
    text = "a: &a 1\n---\nb: &a 2\n"
    document = parse_yaml("p.yaml", text)
    assert spy == [text, text] and document.value == {"a": 1}
    assert [p.code for p in document.problems] == ["SYN007"]


HOSTILE = {  # the shapes of benchmarks/hostile.py, smaller: each either passes a lowered limit or not
    "long plain scalar": "persona_name: x\nsystem_prompt: " + "a,b " * 20_000 + "\n",
    "long quoted scalar": 'persona_name: x\nsystem_prompt: "' + "a,[{ " * 20_000 + '"\n',
    "long comment": "persona_name: x\n# " + "-:,[{ " * 20_000 + "\n",
    "dash lines": "persona_name: x\nitems:\n" + "- 1\n" * 5_000,
    "flow nesting": "persona_name: x\nlayers: " + "[" * 300 + "]" * 300 + "\n",
    "flow nesting, unclosed": "persona_name: x\nlayers: " + "[" * 5_000,
    "block nesting": "persona_name: x\nl:\n" + "".join(" " * i + "- \n" for i in range(300)),
    "anchors": "persona_name: x\nitems:\n" + "".join(f"- &a{i} x\n" for i in range(5_000)),
    "aliases": "persona_name: x\nitems:\n- &a x\n" + "- *a\n" * 5_000,
    "aliases then a duplicate anchor": "a: &a x\nb: [" + "*a, " * 5_000 + "&a y]\n",
    "alias before its anchor": "a: [" + "1, " * 5_000 + "*z]\n",
    "flow mapping": "persona_name: x\nm: {" + "".join(f"k{i}: 1, " for i in range(5_000)) + "}\n",
    "flow keys without values": "m: {" + "k, " * 5_000 + "}\n",
    "complex keys": "m:\n" + "? [a]\n: 1\n" * 2_000,
    "two documents": "a: 1\n---\n" + "- 1\n" * 5_000 + "---\nc: [\n",
    "syntax error at the end": "persona_name: x\nsystem_prompt: " + "a,b " * 20_000 + "\n]\n",
}


@pytest.mark.parametrize("limits", [(1_000, 200, 250), (7, 2, 4)], ids=["limits", "lowered limits"])
@pytest.mark.parametrize("shape", HOSTILE)
def test_hostile_yaml_parses_the_same(
    shape: str, limits: tuple[int, int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    nodes, depth, compose_depth = limits
    monkeypatch.setattr(yamlsource, "MAX_YAML_NODES", nodes)
    monkeypatch.setattr(yamlsource, "MAX_DEPTH", depth)
    monkeypatch.setattr(yamlsource, "_COMPOSE_MAX_DEPTH", compose_depth)
    text = HOSTILE[shape]
    assert _outcome(text) == _python_only(text, monkeypatch)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_generated_yaml_parses_the_same_at_lowered_limits(text: str) -> None:
    """The limits pass over libyaml's events stops where the Python composer stops."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(yamlsource, "MAX_YAML_NODES", 4)
        monkeypatch.setattr(yamlsource, "MAX_DEPTH", 1)
        monkeypatch.setattr(yamlsource, "_COMPOSE_MAX_DEPTH", 2)
        assert _outcome(text) == _python_only(text, monkeypatch)


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
