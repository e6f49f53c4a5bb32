"""Line starts: every line ending counts (``\r\n``, ``\r``, ``\n``), whichever way they are found."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.document.lines import LineIndex, split_lines


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a", "é", "\n", "\r", "\r\n", "\u2028", "\x0b", " "]), max_size=30).map("".join))
def test_line_starts_are_after_every_line_ending(text: str) -> None:
    expected = [0, *(m.end() for m in re.finditer(r"\r\n|\r|\n", text))]
    assert LineIndex(text)._starts == expected


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a", "é", "\n", "\r", "\r\n", "\u2028", "\x85", " "]), max_size=30).map("".join))
def test_lines_are_cut_at_every_line_ending_and_only_there(text: str) -> None:
    assert split_lines(text) == re.split(r"\r\n|\r|\n", text)
