"""The fast tier (`pytest -m "not slow"`) and the full suite (plain `pytest`) are both real.

`slow` is registered in pyproject.toml and `--strict-markers` makes a misspelled marker an error;
property-based tests are slow wherever they are (tests/conftest.py marks them).
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from typing import Any

import pytest
from fixtures import REPO, mark_property_tests_slow
from hypothesis import given
from hypothesis import strategies as st


def test_slow_is_registered_and_markers_are_strict() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    options = config["tool"]["pytest"]["ini_options"]
    assert any(marker.startswith("slow:") for marker in options["markers"])
    assert "--strict-markers" in options["addopts"].split()
    assert "-m" not in options["addopts"].split()  # plain `pytest` runs every tier
    assert " -n auto " in f' {options["addopts"]} '  # every core (README: "Both tiers run on every core")
    assert any(dep.startswith("pytest-xdist") for dep in config["project"]["optional-dependencies"]["test"])


class _Item:
    def __init__(self, obj: Any) -> None:
        self.obj = obj
        self.markers: list[str] = []

    def add_marker(self, marker: Any) -> None:
        self.markers.append(marker.name)


@given(st.integers())
def _a_property(value: int) -> None:
    assert isinstance(value, int)


def _a_plain_test() -> None:
    pass


def test_property_tests_are_marked_slow() -> None:
    prop, plain = _Item(_a_property), _Item(_a_plain_test)
    mark_property_tests_slow([prop, plain])
    assert prop.markers == ["slow"] and plain.markers == []


@pytest.mark.slow
def test_the_fast_tier_leaves_out_the_slow_tests() -> None:
    command = [sys.executable, "-m", "pytest", "--collect-only", "-p", "no:cacheprovider", "-m", "not slow"]
    listed = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300).stdout
    assert "tests/test_registry.py::" in listed and "tests/test_rule_fixtures.py::" in listed
    for slow in ("test_fuzz.py::", "test_lsp.py::", "test_speed.py::", "test_real_process",
                 "test_line_starts_are_after_every_line_ending", "test_tool_parameters_against_the_metaschema",
                 "test_lsp_speed.py::test_change_to_diagnostics", "test_lsp_hostile.py::test_bad_lengths",
                 "test_lsp_completion.py::test_completion_over_lsp_in_a_broken_document"):
        assert slow not in listed, slow
