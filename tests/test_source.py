"""Parsing and positions: every line ending, encodings, syntax errors located exactly."""

from __future__ import annotations

from random import Random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.diagnostic import START_OF_FILE, Position
from linter.document.source import parse


def start(path: str, data: bytes, pointer: str, target: str = "value") -> Position:
    return parse(path, data).span(pointer, target).start


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_positions_are_right_for_every_line_ending(newline: str) -> None:
    text = newline.join(['{', '  "persona_name": "A",', '  "layers": {"tts": {"tts_engine": "x"}}', "}"])
    data = text.encode()
    assert start("p.json", data, "/persona_name", "key") == Position(2, 3)
    assert start("p.json", data, "/layers/tts/tts_engine") == Position(3, 36)


def test_columns_count_characters_not_bytes() -> None:
    data = '{"persona_name": "Café 😀", "pipeline_mode": "echo"}'.encode()
    assert start("p.json", data, "/pipeline_mode") == Position(1, 45)


def test_missing_pointer_falls_back_to_nearest_ancestor_key() -> None:
    data = b'{\n  "layers": {\n    "tts": {}\n  }\n}'
    assert start("p.json", data, "/layers/tts/voice_settings/speed") == Position(3, 5)


def test_yaml_positions() -> None:
    data = b"persona_name: A\nlayers:\n  tts:\n    tts_engine: x\n"
    assert start("p.yaml", data, "/layers/tts/tts_engine", "key") == Position(4, 5)
    assert start("p.yaml", data, "/layers/tts/tts_engine") == Position(4, 17)


@pytest.mark.parametrize(
    ("data", "code", "position"),
    [
        (b'{"a": 1,}', "SYN001", Position(1, 9)),
        (b'{"a": 1\r\n "b": 2}', "SYN001", Position(2, 2)),
        (b'{"a": "x\x00"}', "SYN001", Position(1, 7)),
        (b"", "SYN005", Position(1, 1)),
        (b'{"a": "\xff"}', "SYN006", Position(1, 8)),
        (b'{"a": 1, "a": 2}', "SYN003", Position(1, 10)),
        (b"[" * 1000 + b"]" * 1000, "SYN009", Position(1, 201)),
        (b'{"a": Infinity}', "SYN001", Position(1, 7)),
    ],
)
def test_json_problems_are_located(data: bytes, code: str, position: Position) -> None:
    problems = parse("p.json", data).problems
    assert [(p.code, p.span.start) for p in problems] == [(code, position)]


def test_byte_order_marks_are_understood() -> None:
    for encoding in ("utf-8-sig", "utf-16", "utf-32"):
        document = parse("p.json", '{"persona_name": "Zoë"}'.encode(encoding))
        assert document.value == {"persona_name": "Zoë"}, encoding
        # RFC 8259, section 8.1: a body sent over HTTP must be UTF-8; a UTF-16/32 file is a warning.
        expected = [] if encoding == "utf-8-sig" else [("SYN011", START_OF_FILE)]
        assert [(p.code, p.span) for p in document.problems] == expected, encoding


def test_huge_numbers_do_not_crash() -> None:
    document = parse("p.json", b'{"a": 1' + b"0" * 400 + b"}")
    assert document.problems == [] and document.value["a"] == 10**400


def test_a_number_beyond_a_double_is_a_finding_at_its_position() -> None:
    # Python reads 1e400 as infinity, which no JSON encoder can write back (RFC 8259, section 6).
    [problem] = parse("p.json", b'{"a": 1,\n "b": 1e400}').problems
    assert (problem.code, problem.span.start.line, problem.span.start.column) == ("SYN009", 2, 7)
    assert "1e400" in problem.message


@pytest.mark.parametrize("digits", [4301, 20_000])
def test_an_integer_python_cannot_convert_is_a_finding(digits: int) -> None:
    [problem] = parse("p.json", b'{"a":\n ' + b"9" * digits + b"}").problems
    assert (problem.code, problem.span.start.line, problem.span.start.column) == ("SYN009", 2, 2)
    [problem] = parse("p.yaml", b"a:\n  0x" + b"f" * digits + b"\n").problems
    assert (problem.code, problem.span.start.line) == ("SYN009", 2)
    [problem] = parse("p.yaml", b"a:\n  " + b"9" * digits + b"\n").problems
    assert (problem.code, problem.span.start.line) == ("SYN009", 2)


@pytest.mark.parametrize(("text", "kind"), [
    ("n: !!bool maybe", "bool"), ("n: !!int abc", "int"), ("n: !!float abc", "float"),
    ("n: !!int ''", "int"), ("n: !!float ''", "float"), ("n: !!int", "int"), ("n: !<tag:yaml.org,2002:float>", "float"),
])
def test_a_yaml_tag_its_constructor_refuses_is_a_syntax_finding(text: str, kind: str) -> None:
    [problem] = parse("p.yaml", f"persona_name: x\n{text}\n".encode()).problems
    assert (problem.code, problem.span.start.line, problem.span.start.column) == ("SYN002", 2, 4)
    assert f"not a valid !!{kind}" in problem.message


@pytest.mark.parametrize("key", ["!local x", "!!python/object/apply:os.system x", "!<tag:e.com,1:k> x", "!!set x"])
def test_a_tag_on_a_mapping_key_is_refused_as_on_a_value(key: str) -> None:
    document = parse("p.yaml", f"persona_name: x\n{key}: 1\n".encode())
    [problem] = document.problems
    assert (problem.code, problem.span.start.line, problem.span.start.column) == ("SYN010", 2, 1)
    assert document.value == {"persona_name": "x", "x": 1}


@pytest.mark.parametrize("text", ["n: .inf", "n: -.inf", "n: .nan", "n: 1.0e+999"])
def test_a_yaml_float_json_cannot_hold_is_a_finding(text: str) -> None:
    [problem] = parse("p.yaml", f"persona_name: x\n{text}\n".encode()).problems
    assert (problem.code, problem.span.start.line) == ("SYN002", 2)


@pytest.mark.parametrize(("text", "line", "column"), [
    ('{"persona_name": "x",\n "pipeline_mode": "\\ud800"}', 2, 19),
    ('{"persona_name": "x",\n "\\udc00": 1}', 2, 2),
    ('persona_name: x\npipeline_mode: "\\ud800"\n', 2, 16),
])
def test_a_lone_surrogate_is_an_encoding_finding_at_its_position(text: str, line: int, column: int) -> None:
    name = "p.yaml" if text.startswith("persona_name") else "p.json"
    [problem] = parse(name, text.encode()).problems
    assert (problem.code, problem.span.start.line, problem.span.start.column) == ("SYN006", line, column)
    problem.message.encode("utf-8")  # printable: the surrogate itself is not in the message


def test_a_surrogate_pair_is_one_character_not_a_finding() -> None:
    document = parse("p.json", b'{"persona_name": "x \\ud83d\\ude00"}')
    assert document.problems == [] and document.value == {"persona_name": "x \U0001F600"}


def test_yaml_timestamps_stay_strings() -> None:
    assert parse("p.yaml", b"persona_name: 2026-06-01\n").value == {"persona_name": "2026-06-01"}


def _all_pointers(value: object, prefix: str = "") -> list[str]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _all_pointers(child, prefix + "/" + key.replace("~", "~0").replace("/", "~1"))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _all_pointers(child, f"{prefix}/{index}")
    return found


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=4), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(_json, st.sampled_from([0, 2]), st.sampled_from(["\n", "\r\n"]), st.text("ab/~0", max_size=3))
def test_path_lookup_agrees_with_the_full_scan(value: object, indent: int, newline: str, missing: str) -> None:
    import json

    text = json.dumps({"root": value}, indent=indent or None).replace("\n", newline)
    fast = parse("p.json", text.encode())
    slow = parse("p.json", text.encode())
    slow._located()  # forces the full scanner
    for pointer in [*_all_pointers(fast.value), "/root/" + missing, "/nope/1"]:
        for target in ("key", "value"):
            assert fast.span(pointer, target) == slow.span(pointer, target), (pointer, target)


@settings(max_examples=300, deadline=None)
@given(_json, st.randoms(use_true_random=False))
def test_path_lookups_in_any_order_agree_with_the_full_scan(value: object, random: Random) -> None:
    # One document answers many lookups, resuming inside containers that earlier ones walked.
    import json

    text = json.dumps({"root": value, "after": [1]}, indent=1)
    fast = parse("p.json", text.encode())
    slow = parse("p.json", text.encode())
    slow._located()  # forces the full scanner
    pointers = [*_all_pointers(fast.value), "/root/nope", "/root/0/x", "/after/1"]
    lookups = [(pointer, target) for pointer in pointers for target in ("key", "value")] * 2
    random.shuffle(lookups)
    for pointer, target in lookups:
        assert fast.span(pointer, target) == slow.span(pointer, target), (pointer, target)


def test_leading_zero_is_not_an_array_index() -> None:
    document = parse("p.json", b'{"root": [1, 2]}')
    assert document.span("/root/00", "key") == document.span("/root", "key")


def _nested(depth: int) -> str:
    """Objects and arrays in turn, ``depth`` deep, with scalars and shallow siblings on the way."""
    text = "[1]"
    for level in range(1, depth):
        text = f'{{"k": {text}, "s": "x", "e": {{}}}}' if level % 2 else f'["x", {text}, [], 2]'
    return text


@pytest.mark.parametrize(("depth", "too_deep"), [(1, False), (2, False), (200, False), (201, True), (450, True)])
def test_json_nesting_over_200_levels_is_a_limit_finding(depth: int, too_deep: bool) -> None:
    document = parse("p.json", _nested(depth).encode())
    assert [p.code for p in document.problems] == (["SYN009"] if too_deep else [])
    assert (document.value is None) == too_deep


def test_many_shallow_brackets_are_not_deep() -> None:
    # More brackets than the limit, none of them nested more than three deep.
    text = '{"tools": [' + ", ".join('{"a": [1, {"b": []}]}' for _ in range(500)) + "]}"
    document = parse("p.json", text.encode())
    assert document.problems == [] and len(document.value["tools"]) == 500


def _tools(items: str, count: int) -> bytes:
    return ('{"persona_name": "x", "layers": {"llm": {"tools": [' + ",".join([items] * count) + "]}}}").encode()


@pytest.mark.parametrize(
    ("data", "too_many"),
    [
        (_tools("{}", 100_001), True),  # 5 MiB of these cost 10 GB of schema findings without the limit
        (_tools("{}", 99_990), False),
        (_tools("1", 100_001), True),
        (_tools('"a"', 99_990), False),
        (_tools('"a, b: [c"', 40_000), False),  # punctuation inside strings is not a value
        (('{"persona_name": "x", "layers": {"llm": {"tools": [' + ",".join(['{"a": [1, 2]}'] * 25_001)
          + "]}}}").encode(), True),  # 25,001 tools of 4 values each
    ],
)
def test_a_json_file_over_100000_values_is_a_limit_finding(data: bytes, too_many: bool) -> None:
    from linter.document.jsonpos import MAX_VALUES

    document = parse("p.json", data)
    limit = [p for p in document.problems if p.code == "SYN009"]
    assert bool(limit) == too_many
    if too_many:
        assert document.value is None and limit[0].message == f"the JSON file holds more than {MAX_VALUES:,} values"
    else:
        assert isinstance(document.value, dict) and document.problems == []


def test_parsing_stops_once_the_objects_alone_pass_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    import linter.document.source as source

    made: list[int] = []
    real_dict = dict

    class Counted(real_dict):  # type: ignore[type-arg]
        def __init__(self, *args: object) -> None:
            made.append(1)
            super().__init__(*args)

    monkeypatch.setattr(source, "dict", Counted, raising=False)
    source.parse_json("p.json", _tools("{}", 300_000).decode())
    assert len(made) <= source.MAX_VALUES


@pytest.mark.parametrize(
    ("text", "code", "message"),
    [
        ("persona_name: !!str [1]\n", "SYN010", "YAML tag '!!str' is for a scalar value, but it tags a sequence"),
        ("persona_name: !!int {a: 1}\n", "SYN010", "YAML tag '!!int' is for a scalar value, but it tags a mapping"),
        ("persona_name: !!seq x\n", "SYN010", "YAML tag '!!seq' is for a collection, but it tags a scalar value"),
        ("persona_name: !a%FFb x\n", "SYN002", "the %XX escapes in a tag do not spell UTF-8 text"),
    ],
)
def test_yaml_tag_problems_say_what_is_wrong_in_words(text: str, code: str, message: str) -> None:
    [problem] = parse("p.yaml", text.encode()).problems
    assert (problem.code, problem.message) == (code, message)
    assert problem.span.start.line == 1
