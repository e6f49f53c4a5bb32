"""Generated hostile keys, YAML tags and file names, each linted through the library, the CLI in
every format (text with source excerpts) and the language server: no exception, no ``INT001``,
a documented exit code, no 12-character slice of a planted secret in any output, well-formed
JSON and XML reports, and no raw control character in text and GitHub output.

Sized by the hypothesis profile (``tests/robustness/conftest.py``); each fuzz test fails when
it ran fewer inputs than the profile plans.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hostile_harness import INPUTS, check_everywhere
from hostile_strategies import (
    SHAPES,
    YAML_KEYS,
    credential_members,
    dump_json,
    file_names,
    hostile_text,
    json_string,
    known_secrets,
    seeds,
    shapeless_secrets,
    yaml_string,
)
from hypothesis import Phase, given, settings
from hypothesis import strategies as st
from strategies import valid_personas

from linter import lint_text
from linter.cli import cli

PROFILE = "ci" if os.environ.get("HYPOTHESIS_PROFILE") == "ci" else "dev"
BATCH = 4
"""Files per generated example: the CLI's fixed cost is paid once for several."""
EXAMPLES = {
    "ci": {"keys": 120, "tags": 120, "names": 50, "shapeless": 25},  # 1,260 inputs, each in 8 paths
    "dev": {"keys": 20, "tags": 15, "names": 10, "shapeless": 5},  # 200 inputs
}[PROFILE]
MARK = "\u2063persona-lint-key\u2063"
NO_SHRINK = (Phase.explicit, Phase.reuse, Phase.generate)
"""Shrinking a batch of CLI runs takes minutes: a failure is reported as generated."""
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@pytest.fixture(autouse=True)
def hang_guard() -> Iterator[None]:
    """These tests run for minutes under the ``ci`` profile: :func:`check_everywhere` guards each batch."""
    yield


@cache
def personas() -> list[dict[str, Any]]:
    return [json.loads(text) for _, text in valid_personas()]


def _objects(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path] if isinstance(value, dict) else []
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in children:
        found.extend(_objects(child, (*path, key)))
    return found


def with_mark(which: int, pick: int, as_yaml: bool) -> tuple[str, list[str]]:
    """Persona ``which`` with a member ``MARK: 1`` added to one of its objects, and that object's keys."""
    document = json.loads(json.dumps(personas()[which]))
    objects = _objects(document)
    parent = document
    for step in objects[pick % len(objects)]:
        parent = parent[step]
    siblings = list(parent) or ["persona_name"]
    parent[MARK] = 1
    if as_yaml:
        return yaml.dump(document, Dumper=DUMPER, allow_unicode=True, width=10**9), siblings
    return dump_json(document), siblings


KEY_KINDS = ("hostile", "hostile", "secret", "duplicate", "yaml-only")


@st.composite
def hostile_keys(draw: st.DrawFn) -> tuple[str, str, list[str]]:
    """(file name, text, planted secrets): a valid persona with one hostile key at any depth."""
    which = draw(st.integers(min_value=0, max_value=len(personas()) - 1))
    as_yaml = draw(st.booleans())
    text, siblings = with_mark(which, draw(st.integers(min_value=0, max_value=10**6)), as_yaml)
    kind = draw(st.sampled_from(KEY_KINDS))
    mode = draw(st.integers(min_value=0, max_value=3))
    planted: list[str] = []
    if kind == "secret":
        secret = draw(known_secrets)
        key = draw(st.sampled_from([secret, f"{secret}", f"x {secret} y", f"https://u:{secret}@h.example.com"]))
        planted.append(secret)
    elif kind == "duplicate":
        key = siblings[draw(st.integers(min_value=0, max_value=len(siblings) - 1))]
    else:
        key = draw(hostile_text)
    if kind == "yaml-only" and as_yaml:
        literal = draw(st.sampled_from(YAML_KEYS))
    elif as_yaml:
        literal = yaml_string(key, mode)
    else:
        literal = json_string(key, mode)
    if as_yaml and "\n" in literal:  # a key over several lines must be explicit (``? key``)
        line = next(line for line in text.splitlines() if MARK in line)
        indent = " " * line.index(MARK)
        text = text.replace(f"{MARK}: 1", "? " + literal.replace("\n", "\n" + indent) + f"\n{indent}: 1")
    else:
        text = text.replace(json.dumps(MARK, ensure_ascii=False) if not as_yaml else MARK, literal)
    assert MARK not in text
    return ("persona.yaml" if as_yaml else "persona.json"), text, planted


@settings(max_examples=EXAMPLES["keys"], deadline=None, phases=NO_SHRINK)
@given(st.lists(hostile_keys(), min_size=BATCH, max_size=BATCH))
def test_hostile_and_secret_keys_at_any_depth(inputs: list[tuple[str, str, list[str]]]) -> None:
    files: dict[str, str | bytes] = {f"{index}-{name}": text for index, (name, text, _) in enumerate(inputs)}
    check_everywhere(files, [secret for _, _, planted in inputs for secret in planted], label="keys")


def test_a_planted_key_secret_is_recognised() -> None:
    """Guard against a vacuous leak check: every generated shape is found as a key, raw and escaped."""
    for kind, shape in SHAPES.items():
        secret = shape(7)
        for mode in range(3):
            text = '{"persona_name": "A", "pipeline_mode": "echo", ' + json_string(secret, mode) + ": 1}"
            found = [d for d in lint_text(text, "k.json") if d.code == "SEC004"]
            assert found and secret[:8] not in found[0].message, (kind, mode, found)


TAG_HANDLES = ("!", "!!", "!e!", "!<tag:example.com,2000:", "!<!", "!<tag:yaml.org,2002:")
STANDARD = ("str", "int", "float", "bool", "null", "map", "seq", "binary", "timestamp", "set", "omap", "pairs",
            "merge", "value", "python/object/apply:os.system", "python/name:os.system")
NODES = ("x", '"quoted"', "''", "[1, 2]", "{a: 1}", "", "abc", "maybe", "1e999", "0x" + "f" * 50, "[*undefined]",
         "{? [1]: 2}", "2001-13-99", "%%%", "aGk=")
PARSED_NODES = ("x", '"quoted"', "''", "[1, 2]", "{a: 1}", "", "abc", "{? [1]: 2}", "2001-13-99", "aGk=")


def _percent_escape(text: str, at: int) -> str:
    return text[:at] + "".join(f"%{byte:02X}" for byte in text[at].encode()) + text[at + 1 :]


@st.composite
def tagged_yaml(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A YAML persona whose members carry generated tags, directives, anchors and aliases."""
    secret = draw(known_secrets)
    split = draw(st.integers(min_value=1, max_value=len(secret) - 1))
    suffix = draw(st.one_of(
        st.sampled_from(STANDARD),
        st.just(secret),
        st.just(_percent_escape(secret, split)),
        st.sampled_from(["a%1B%5B31m", "a%E2%80%AE", "a%FF", "a%0A%0D", "a%00", "x%25", "%E2%80%A8"]),
        st.text(alphabet="abc-_.~:/;,&=+$#", max_size=12),
    ))
    handle = draw(st.sampled_from(TAG_HANDLES))
    directive = ""
    if handle == "!e!":
        prefixes = ["tag:example.com,2000:", "!", "tag:yaml.org,2002:", "tag:e.com,1:" + secret[:split]]
        prefix = draw(st.sampled_from(prefixes))
        directive = f"%TAG !e! {prefix}\n"
    # A secret split between a %TAG prefix and a suffix exists only once the tag is resolved: such
    # a file parses (what persona-lint cannot know is a split secret in a file that does not).
    split_secret = directive.endswith(secret[:split] + "\n")
    if split_secret:
        suffix = secret[split:]
    if draw(st.booleans()):
        extra = ["%TAG ! tag:e.com,2000:\n", "%YAML 1.1\n", "%FOO bar\n"] + ([] if split_secret else ["%YAML 9.9\n"])
        directive += draw(st.sampled_from(extra))
    tag = handle + suffix + (">" if handle.startswith("!<") else "")
    node = draw(st.sampled_from(PARSED_NODES if split_secret else NODES))
    # The secret also sits raw in at most one other place: masking must not depend on a raw copy.
    elsewhere = draw(st.sampled_from(["", "", "anchor", "comment"] + ([] if split_secret else ["alias"])))
    anchor = f"&{secret} " if elsewhere == "anchor" else draw(st.sampled_from(["", "&a "]))
    alias = f"*{secret}" if elsewhere == "alias" else "echo"
    comment = f"# {secret}\n" if elsewhere == "comment" else ""
    member = draw(st.sampled_from(["persona_name", "pipeline_mode", "context", "layers", "x"]))
    body = (f"persona_name: A\npipeline_mode: {alias}\n{member}: {anchor}{tag} {node}\n"
            f"system_prompt: Hello\n{comment}")
    text = (directive + "---\n" + body) if directive else body
    return text, [secret]


@settings(max_examples=EXAMPLES["tags"], deadline=None, phases=NO_SHRINK)
@given(st.lists(tagged_yaml(), min_size=BATCH, max_size=BATCH))
def test_generated_tags_directives_anchors_and_aliases(inputs: list[tuple[str, list[str]]]) -> None:
    files: dict[str, str | bytes] = {f"{index}-tagged.yaml": text for index, (text, _) in enumerate(inputs)}
    check_everywhere(files, [secret for _, planted in inputs for secret in planted], label="tags")


@st.composite
def named_files(draw: st.DrawFn) -> tuple[str, str, str]:
    """(hostile file name, content with a finding, the secret the name holds)."""
    name, secret = draw(file_names())
    if name.endswith(".patch.json"):
        content = json.dumps([{"op": "replace", "path": "/pipeline_mode", "value": "ecko"}])
    elif name.endswith(".json"):
        content = json.dumps({"persona_name": "A", "pipeline_mode": "ecko"})
    else:
        content = "persona_name: A\npipeline_mode: ecko\n"
    return name, content, secret


@settings(max_examples=EXAMPLES["names"], deadline=None, phases=NO_SHRINK)
@given(st.lists(named_files(), min_size=BATCH, max_size=BATCH, unique_by=lambda item: item[0]))
def test_hostile_file_names(inputs: list[tuple[str, str, str]]) -> None:
    check_everywhere({name: content for name, content, _ in inputs}, label="names", named=True)


@settings(max_examples=EXAMPLES["shapeless"], deadline=None, phases=NO_SHRINK)
@given(st.lists(st.tuples(shapeless_secrets, seeds), min_size=BATCH, max_size=BATCH))
def test_shapeless_secrets_under_credential_names_are_masked(inputs: list[tuple[str, int]]) -> None:
    files: dict[str, str | bytes] = {}
    for index, (secret, seed) in enumerate(inputs):
        layer = {"model": "m", **credential_members(secret), "max_tokens": "many"}
        persona = {"persona_name": "A", "pipeline_mode": "full", "system_prompt": 7, "layers": {"llm": layer}}
        files[f"{index}-llm.json" if seed % 2 else f"{index}-llm.yaml"] = (
            dump_json(persona) if seed % 2 else yaml.dump(persona, Dumper=DUMPER))
    check_everywhere(files, [secret.removeprefix("Bearer ") for secret, _ in inputs], label="shapeless")


@given(shapeless_secrets)
@settings(max_examples=20, deadline=None)
def test_a_shapeless_secret_as_a_key_cannot_be_known(secret: str) -> None:
    """What the README says persona-lint cannot know: a key with no known shape is a name like any other."""
    text = json.dumps({"persona_name": "A", "pipeline_mode": "echo", secret: 1, "voice_id": secret})
    messages = " ".join(d.message for d in lint_text(text, "k.json"))
    assert secret in messages
    INPUTS["cannot-know"] += 1


def test_a_secret_split_by_a_tag_directive_in_a_file_that_does_not_parse_cannot_be_known() -> None:
    """What the README says persona-lint cannot know: the tag is never resolved, so neither half
    is a secret's shape."""
    secret = SHAPES["github"](11)
    text = f"%TAG !e! tag:e.com,1:{secret[:6]}\n---\npersona_name: !e!{secret[6:]} x: y\n"
    [finding] = lint_text(text, "split.yaml")
    assert finding.code == "SYN002"
    result = CliRunner().invoke(cli, ["check", "--show-source", "--stdin-filename", "split.yaml", "-"], input=text)
    assert result.exit_code == 1 and secret[6:] in result.output


def test_a_file_name_with_a_secret_shape_is_printed_as_given(tmp_path: Path) -> None:
    secret = SHAPES["project"](5)
    (tmp_path / f"{secret}\x1b.json").write_text('{"persona_name": "A", "pipeline_mode": "ecko"}')
    for output_format in ("text", "json"):
        result = CliRunner().invoke(cli, ["check", "--format", output_format, str(tmp_path)])
        assert result.exit_code == 1 and secret in result.output and "\x1b" not in result.output


PLANNED = {name: count * (BATCH if name != "cannot-know" else 1) for name, count in
           {"keys": EXAMPLES["keys"], "tags": EXAMPLES["tags"], "names": EXAMPLES["names"],
            "shapeless": EXAMPLES["shapeless"], "cannot-know": 20}.items()}
PART_OF = {
    "test_hostile_and_secret_keys_at_any_depth": "keys",
    "test_generated_tags_directives_anchors_and_aliases": "tags",
    "test_hostile_file_names": "names",
    "test_shapeless_secrets_under_credential_names_are_masked": "shapeless",
    "test_a_shapeless_secret_as_a_key_cannot_be_known": "cannot-know",
}


@pytest.fixture(autouse=True)
def ran_as_planned(request: pytest.FixtureRequest) -> Iterator[None]:
    """Each fuzz test checks that it ran every input its profile plans, in the process that ran
    it (pytest-xdist runs tests in several): a test that linted nothing cannot pass."""
    part = PART_OF.get(request.node.name)
    before = INPUTS[part] if part else 0
    yield
    if part is not None:
        assert INPUTS[part] - before >= PLANNED[part], (PROFILE, part, INPUTS[part] - before, PLANNED[part])


def test_every_part_ran_the_inputs_its_profile_plans() -> None:
    assert set(PART_OF.values()) == set(PLANNED)
    assert all(callable(globals().get(name)) for name in PART_OF)
