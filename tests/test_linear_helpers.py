"""The one-pass helpers behind the linear scans give the answers of the plain ones."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from linter.util import pointer as ptr
from linter.util.textscan import run_start, run_starts

CHARS = frozenset("ab_")


@given(st.text(alphabet="ab_ -"), st.lists(st.integers(min_value=0, max_value=40)))
def test_run_starts_matches_run_start(text: str, indices: list[int]) -> None:
    valid = [i for i in indices if i <= len(text)]
    assert run_starts(text, valid, CHARS) == {i: run_start(text, i, CHARS) for i in valid}


@given(st.lists(st.sampled_from(["", "/a", "/a/b", "/a/b/0", "/c", "/a~1b", "/ab"]), max_size=4),
       st.sampled_from(["", "/a", "/a/b", "/a/b/0", "/a/bc", "/ab/c", "/c/d", "/a~1b/x"]))
def test_is_within_any_matches_is_within(claims: list[str], pointer: str) -> None:
    assert ptr.is_within_any(pointer, set(claims)) == any(ptr.is_within(pointer, c) for c in claims)
