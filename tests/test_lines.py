"""Line starts: every line ending counts (``\r\n``, ``\r``, ``\n``), whichever way they are found."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.diagnostic import Position
from linter.document.lines import LineIndex, split_lines


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a", "é", "\n", "\r", "\r\n", "\u2028", "\x0b", " "]), max_size=30).map("".join))
def test_line_starts_are_after_every_line_ending(text: str) -> None:
    expected = [0, *(m.end() for m in re.finditer(r"\r\n|\r|\n", text))]
    assert list(LineIndex(text)._starts) == expected


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a", "é", "\n", "\r", "\r\n", "\u2028", "\x85", " "]), max_size=30).map("".join))
def test_lines_are_cut_at_every_line_ending_and_only_there(text: str) -> None:
    assert split_lines(text) == re.split(r"\r\n|\r|\n", text)


@pytest.mark.parametrize("count", [10, 60_000])
@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_an_index_of_many_lines_gives_the_same_lines_and_positions(count: int, ending: str) -> None:
    text = ending.join(f"- {i}" for i in range(count)) + ending + "tail"
    index, lines = LineIndex(text), split_lines(text)
    assert len(index) == len(lines)
    for number in (1, 2, count // 2, count, count + 1):
        assert index.line(text, number) == lines[number - 1]
        start = sum(len(line) + len(ending) for line in lines[: number - 1])
        assert index.position(start) == Position(number, 1)
        assert index.offset(Position(number, 1)) == start
