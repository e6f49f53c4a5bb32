"""Every number and string of every valid persona replaced by values Python's standard functions
refuse or mangle (huge, tiny and non-finite numbers, lone surrogates, deep nesting, long text),
as JSON and as YAML, in UTF-8, UTF-16 and UTF-32, and with the text cut short: every input
ends with findings, never an exception or an INT001 finding.

Runs are sized by the hypothesis profile (``tests/robustness/conftest.py``): ``dev`` (the
default) lints about 2,000 inputs in seconds; ``ci`` (``HYPOTHESIS_PROFILE=ci``, what
``.ci/run`` uses) lints at least 100,000, in parts that pytest-xdist runs side by side. Each
part checks that it linted all its inputs, and one test that the parts add up to the minimum.
"""

from __future__ import annotations

import json
import os
import signal
from collections import Counter
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any, NamedTuple

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import json_values, mutated_personas, persona_values, valid_personas

from linter import lint_text

BATCH = 25
"""Inputs linted per generated example: hypothesis' own cost is paid once for many lints."""
INPUTS: Counter[str] = Counter()
PROFILE = "ci" if os.environ.get("HYPOTHESIS_PROFILE") == "ci" else "dev"
EXAMPLES = {
    "ci": {"fields": 2_000, "generated": 700, "broken": 700},  # 50,000 + 35,000 + 17,500 inputs
    "dev": {"fields": 30, "generated": 10, "broken": 10},  # 750 + 500 + 250
}[PROFILE]
MINIMUM = {"ci": 100_000, "dev": 1_500}[PROFILE]
PART_SIZE = 100

NUMBERS = [
    "1" + "0" * 309,
    "-1" + "0" * 309,
    "1e999",
    "-1e999",
    "5e-324",
    "1e-400",
    "-0",
    "-0.0",
    "18446744073709551616",
    "9" * 4301,
    "1.7976931348623157e308",
    "NaN",
    "Infinity",
    "2.5",
]
YAML_NUMBERS = [
    ".inf",
    "-.inf",
    ".nan",
    "0x" + "f" * 4400,
    "0o" + "7" * 5000,
    "1.0e+999",
    "!!int abc",
    "!!bool maybe",
    "!!float abc",
    "!!null x",
    "1_000",
]
STRINGS = [
    '"\\ud800"',
    '"x \\udfff y"',
    '"\\ud83d\\ude00"',
    '""',
    '"\\u0000"',
    '"' + "x" * 20_000 + '"',
    '"' + "é" * 500 + '"',
    '"{{name}} %s %n \\\\"',
    '"http://user:pass@example.com/v1"',
    '"' + "[" * 250 + "]" * 250 + '"',
]
NESTED = ["[" * 250 + "]" * 250, "[" * 150 + "]" * 150, '{"a":' * 120 + "1" + "}" * 120, "[]", "{}", "null", "true"]
ENCODINGS = ["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-32"]
MARK = "\u2063persona-lint-fuzz\u2063"


def leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], bool]]:
    """Every member (``True`` for a key) and value below ``value``."""
    found: list[tuple[tuple[Any, ...], bool]] = [(path, False)] if path else []
    if isinstance(value, dict):
        for key, child in value.items():
            found.append(((*path, key), True))
            found.extend(leaves(child, (*path, key)))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found.extend(leaves(child, (*path, index)))
    return found


PERSONAS = [json.loads(text) for _, text in valid_personas()]
LEAVES = [leaves(persona) for persona in PERSONAS]
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@pytest.fixture(autouse=True)
def hang_guard() -> Iterator[None]:
    """These tests run for minutes under the ``ci`` profile: :func:`lint` bounds each input."""
    yield


@lru_cache(maxsize=4096)
def template(which: int, leaf: int, as_yaml: bool) -> str:
    """Persona ``which`` as JSON or YAML, with its ``leaf``-th key or value replaced by :data:`MARK`."""
    path, is_key = LEAVES[which][leaf]
    document = json.loads(json.dumps(PERSONAS[which]))
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    if is_key:
        parent[MARK] = parent.pop(path[-1])
    else:
        parent[path[-1]] = MARK
    if as_yaml:
        text = yaml.dump(document, Dumper=DUMPER, allow_unicode=True, width=10**9)
    else:
        text = json.dumps(document, ensure_ascii=False).replace(json.dumps(MARK, ensure_ascii=False), MARK)
    assert text.count(MARK) == 1, text  # the substitution cannot silently miss
    return text


def lint(data: str | bytes, name: str) -> None:
    def hung(signum: int, frame: object) -> None:
        raise TimeoutError("persona-lint hung on this input")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)  # a hang fails the test instead of stalling CI (not a timing assertion)
    try:
        diagnostics = lint_text(data, name)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    INPUTS["inputs"] += 1
    failed = [d.message for d in diagnostics if d.code == "INT001"]
    assert not failed, (failed, data[:300])
    for d in diagnostics:
        d.message.encode("utf-8")  # printable in every format
        (d.hint or "").encode("utf-8")


substitution = st.tuples(
    st.integers(min_value=0, max_value=len(PERSONAS) - 1),
    st.integers(min_value=0, max_value=10**6),
    st.booleans(),
    st.sampled_from(NUMBERS + STRINGS + NESTED + YAML_NUMBERS),
    st.sampled_from(ENCODINGS),
    st.integers(min_value=0, max_value=20),
)


def _every_field(batch: list[tuple[int, int, bool, str, str, int]]) -> None:
    for which, pick, as_yaml, literal, encoding, cut in batch:
        candidates = LEAVES[which]
        leaf = pick % len(candidates)
        _, is_key = candidates[leaf]
        if literal in YAML_NUMBERS and not as_yaml:
            literal = NUMBERS[pick % len(NUMBERS)]
        if is_key:
            literal = literal if literal.startswith('"') else json.dumps(literal)
        text = template(which, leaf, as_yaml).replace(MARK, literal)
        if cut == 0:  # now and then, broken: the text stops in the middle
            text = text[: pick % (len(text) + 1)]
        lint(text.encode(encoding), "fuzz.yaml" if as_yaml else "fuzz.json")


def _generated(values: list[Any], encoding: str) -> None:
    for value in values:
        document = value if isinstance(value, dict) else {"layers": value}
        lint(json.dumps(document).encode(encoding), "gen.json")
        lint(yaml.dump(document, Dumper=DUMPER, allow_unicode=True).encode(encoding), "gen.yaml")


def _broken(texts: list[str]) -> None:
    for text in texts:
        lint(text, "mutated.json")


class Run(NamedTuple):
    """One fuzz test: the property, its strategies, its examples and the inputs each example lints."""

    name: str
    check: Callable[..., None]
    strategies: tuple[st.SearchStrategy[Any], ...]
    examples: int
    per_example: int


RUNS = [
    Run("every_field", _every_field, (st.lists(substitution, min_size=BATCH, max_size=BATCH),),
        EXAMPLES["fields"], BATCH),
    Run("generated", _generated, (st.lists(json_values() | persona_values(), min_size=BATCH, max_size=BATCH),
                                  st.sampled_from(ENCODINGS)), EXAMPLES["generated"], 2 * BATCH),
    Run("broken", _broken, (st.lists(mutated_personas(), min_size=BATCH, max_size=BATCH),), EXAMPLES["broken"], BATCH),
]
PARTS = [(run, part) for run in RUNS for part in range(max(1, run.examples // PART_SIZE))]
"""Each run cut in parts of about :data:`PART_SIZE` examples, so that pytest-xdist spreads them."""


def test_the_parts_add_up_to_the_profiles_minimum() -> None:
    planned = sum(run.examples // max(1, run.examples // PART_SIZE) * run.per_example for run, _ in PARTS)
    assert planned >= MINIMUM, (PROFILE, planned)


@pytest.mark.slow
@pytest.mark.parametrize(("run", "part"), PARTS, ids=[f"{run.name}-{part}" for run, part in PARTS])
def test_fuzz(run: Run, part: int) -> None:
    """Every input of this part is linted without an exception or an INT001 finding, and the part
    lints as many inputs as planned (it cannot pass having linted nothing)."""
    examples = run.examples // max(1, run.examples // PART_SIZE)
    linted: list[int] = []

    def counted(drawn: tuple[Any, ...]) -> None:
        before = INPUTS["inputs"]
        run.check(*drawn)
        linted.append(INPUTS["inputs"] - before)

    settings(max_examples=examples, deadline=None, database=None)(given(st.tuples(*run.strategies))(counted))()
    assert sum(linted) >= examples * run.per_example, (run.name, len(linted), sum(linted))
