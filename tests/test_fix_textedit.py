"""Edits made on spans: everything outside them stays byte for byte, in JSON and YAML."""

from __future__ import annotations

import json

import pytest
import yaml

from linter.diagnostic import AddMember, Edit, Fix, Hoist, RemoveMember, RenameKey, ReplaceValue
from linter.document.source import parse
from linter.fix.textedit import TextEdit, apply, overlaps, text_edits


def fixed(text: str, *edits: Edit, name: str = "p.json") -> str | None:
    document = parse(name, text.encode("utf-8"))
    made = text_edits(document, Fix("test", "safe", edits))
    return None if made is None else apply(text, list(made))


JSON = '{\n  "a": 1,\n  "b": {"c": "x"},\n  "d": [1, 2]\n}\n'


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (ReplaceValue("/a", False), '{\n  "a": false,\n  "b": {"c": "x"},\n  "d": [1, 2]\n}\n'),
        (ReplaceValue("/b/c", "é\n"), '{\n  "a": 1,\n  "b": {"c": "é\\n"},\n  "d": [1, 2]\n}\n'),
        (RenameKey("/b", "bee"), '{\n  "a": 1,\n  "bee": {"c": "x"},\n  "d": [1, 2]\n}\n'),
        (RemoveMember("/a"), '{\n  "b": {"c": "x"},\n  "d": [1, 2]\n}\n'),
        (RemoveMember("/b"), '{\n  "a": 1,\n  "d": [1, 2]\n}\n'),
        (RemoveMember("/d"), '{\n  "a": 1,\n  "b": {"c": "x"}\n}\n'),
        (RemoveMember("/b/c"), '{\n  "a": 1,\n  "b": {},\n  "d": [1, 2]\n}\n'),
        (RemoveMember("/d/0"), '{\n  "a": 1,\n  "b": {"c": "x"},\n  "d": [2]\n}\n'),
        (AddMember("", "e", True), '{\n  "a": 1,\n  "b": {"c": "x"},\n  "d": [1, 2],\n  "e": true\n}\n'),
        (AddMember("/b", "f", None), '{\n  "a": 1,\n  "b": {"c": "x", "f": null},\n  "d": [1, 2]\n}\n'),
    ],
)
def test_json_edits(edit: Edit, expected: str) -> None:
    assert fixed(JSON, edit) == expected
    assert fixed(JSON.replace("\n", "\r\n"), edit) == expected.replace("\n", "\r\n")


def test_json_add_to_an_empty_object_and_an_indented_value() -> None:
    assert fixed('{"layers": {}}', AddMember("/layers", "llm", {"model": "m"})) == '{"layers": {"llm": {"model": "m"}}}'
    text = '{\n    "a": 1\n}'
    expected = '{\n    "a": 1,\n    "b": {\n        "c": [\n            1\n        ]\n    }\n}'
    assert fixed(text, AddMember("", "b", {"c": [1]})) == expected


def test_hoist_keeps_the_inner_text_dedented() -> None:
    text = '{\n  "data": [\n    {\n      "a": 1,\n      "b": "x"\n    }\n  ],\n  "total_count": 1\n}\n'
    assert fixed(text, Hoist("/data/0")) == '{\n  "a": 1,\n  "b": "x"\n}\n'


YAML = """\
# a comment that stays
persona_name: Coach   # and this one
defaults: &base
  speed: 1
layers:
  tts:
    tts_engine: cartesia      # trailing comment
    tts_emotion_control: "false"
    settings: *base
  llm: {model: tavus-llama, tools: [a, b]}
system_prompt: |
  hello
  world
last: 1
"""


@pytest.mark.parametrize(
    ("edit", "changed", "into"),
    [
        (ReplaceValue("/layers/tts/tts_emotion_control", False), 'tts_emotion_control: "false"',
         "tts_emotion_control: false"),
        (ReplaceValue("/layers/llm/model", "tavus-gpt-oss"), "model: tavus-llama", "model: tavus-gpt-oss"),
        (ReplaceValue("/persona_name", "Two words: yes"), "persona_name: Coach", 'persona_name: "Two words: yes"'),
        (RenameKey("/persona_name", "pal_name"), "persona_name: Coach", "pal_name: Coach"),
        (RemoveMember("/layers/tts/tts_engine"), "    tts_engine: cartesia      # trailing comment\n", ""),
        (RemoveMember("/last"), "last: 1\n", ""),
        (RemoveMember("/layers/llm/tools/0"), "tools: [a, b]", "tools: [b]"),
        (RemoveMember("/layers/llm/tools/1"), "tools: [a, b]", "tools: [a]"),
        (AddMember("/layers/tts", "speed", 2), "    settings: *base\n", "    settings: *base\n    speed: 2\n"),
        (AddMember("/layers/llm", "speculative_inference", True), "{model: tavus-llama, tools: [a, b]}",
         "{model: tavus-llama, tools: [a, b], speculative_inference: true}"),
        (ReplaceValue("/system_prompt", "hi"), "system_prompt: |\n  hello\n  world\n", 'system_prompt: hi\n'),
        (ReplaceValue("/layers/tts", {"tts_engine": "azure"}), (
            '  tts:\n    tts_engine: cartesia      # trailing comment\n    tts_emotion_control: "false"\n'
            '    settings: *base\n'), '  tts: {"tts_engine": "azure"}\n'),
    ],
)
def test_yaml_edits_keep_everything_else(edit: Edit, changed: str, into: str) -> None:
    assert YAML.count(changed) == 1
    expected = YAML.replace(changed, into)
    assert fixed(YAML, edit, name="p.yaml") == expected
    assert fixed(YAML.replace("\n", "\r\n"), edit, name="p.yaml") == expected.replace("\n", "\r\n")
    yaml.safe_load(expected)


def test_yaml_removing_the_only_member_leaves_an_empty_mapping() -> None:
    assert fixed("a: 1\nlayers:\n  perception:\n    x: 1\n", RemoveMember("/layers/perception"), name="p.yaml") == (
        "a: 1\nlayers: {}\n"
    )


def test_yaml_edits_that_cannot_be_made_on_spans_are_left_out() -> None:
    text = "items:\n- name: a\n  value: 1\n- name: b\n"
    assert fixed(text, RemoveMember("/items/0/name"), name="p.yaml") is None  # shares its line with '- '
    assert fixed("a: 1\n", ReplaceValue("/a", float("nan")), name="p.yaml") is None
    assert fixed("a: 1\n", Hoist("/a"), name="p.yaml") is None


def test_an_edit_on_an_absent_place_is_left_out() -> None:
    assert fixed(JSON, ReplaceValue("/nope", 1)) is None
    assert fixed(JSON, RenameKey("/d/0", "x")) is None
    assert fixed(JSON, AddMember("", "a", 2)) is None  # exists: a ReplaceValue's job
    assert fixed("[1", ReplaceValue("/0", 2)) is None  # does not parse


def test_edits_of_one_fix_that_overlap_are_left_out() -> None:
    assert fixed(JSON, ReplaceValue("/b", 1), ReplaceValue("/b/c", 2)) is None


def test_overlaps() -> None:
    taken = [TextEdit(5, 10, "x")]
    assert overlaps(TextEdit(9, 12, ""), taken)
    assert overlaps(TextEdit(5, 5, "y"), taken)
    assert overlaps(TextEdit(7, 7, "y"), taken)
    assert not overlaps(TextEdit(10, 12, ""), taken)
    assert not overlaps(TextEdit(0, 5, ""), taken)


def test_fixed_json_round_trips() -> None:
    result = fixed(JSON, RemoveMember("/a"))
    assert result is not None and json.loads(result) == {"b": {"c": "x"}, "d": [1, 2]}
