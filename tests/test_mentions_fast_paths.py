"""The fast paths of linter.mentions give exactly what the plain regex scans give.

``mentions`` starts its scan at the name's first word, and ``_finditer`` tries a pattern only
where a match can begin; both lean on ASCII case folding. The oracles below are the plain
definitions (``re.search`` / ``finditer`` over the whole text), run on generated prompts that
mix ASCII with the characters ``re.IGNORECASE`` folds specially (long s, Kelvin sign, dotless i).
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter import lint_text
from linter.tavus import mentions as m

LONG_S, KELVIN, DOTLESS_I = "\u017f", "\u212a", "\u0131"
"""Characters ``re.IGNORECASE`` matches to ASCII letters (s, k, i) although ``str.lower`` keeps them apart."""

WORDS = [
    "call", "Call", "CALLED", "calling", "recall", "invoke", "Invoking", "trigger", "triggers", "use", "using",
    "USED", "misuse", "the", "a", "your", "tool", "tools", "function", "Functions", "lookup_order", "Lookup_Order",
    "lookup order", "check-room", "_hidden", "TOOL_RESULT", "`get_x`", "`x_y()`", "a_b(", "x.call_y",
    "calllookup_x", LONG_S, KELVIN, DOTLESS_I, "é", "(", ")", ".", ",", "\n", "  ", "_", "-", "you have", "You can use",
    "these", "the following", "3", "two", "a single", "exactly", "you have two functions", "You can use 3 tool",
    "these two tools", f"you have two function{LONG_S}", f"{DOTLESS_I}nvoke lookup_order",
    f"u{LONG_S}e the check_room tool", f"tr{DOTLESS_I}gger `get_x`", f"invo{KELVIN}e x_y", "caLL a_b",
    "x_y` tools", "`x_y `tool", "a_b_(", ".a_b(", "é_x tool", "a_b\x1ftool", "_ (", "stool", "functional", "a_b\t(",
    "get\tweather", "GET__-weather", "get\x1fweather", "k s", "a1 b2", "x-", "x_", "_x",
    "café", "naïve", "\xa0", "\u3000", "ツール", "\u2028", "Ünï_x tool", "call\xa0lookup_order", "lookup\u3000order",
    "é_x(", "get\u2009weather tool", "ÉCALL a_b", "x_y\xa0`tool",
    "the following three tools", "The  following 2 functions", "THESE 4 TOOLS", "you've got 3 tools",
]
NAMES = [
    "lookup_order", "_private_tool", "__", "-x-", "get-weather", "a", "K_s", "check_room", f"{LONG_S}k", "call", "x",
    "Get-Weather_", "a1_b2", "x-", "_x", "get weather", "a.b",
]
prompts = st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join) | st.lists(
    st.sampled_from([*"abcklosu_- ()`.\n\x1f\xa0é", "tool", "\u3000", LONG_S, KELVIN, DOTLESS_I]), max_size=40
).map("".join)
SETTINGS = settings(max_examples=400, deadline=None)


def plain_mentions(text: str, name: str) -> bool:
    if not name:
        return False
    spellings = {re.escape(name)}
    if "_" in name.strip("_") or "-" in name:
        spellings.add(r"[\s_-]+".join(re.escape(part) for part in re.split(r"[_-]+", name.strip("_-"))))
    # Names are ASCII: the classes around them are case-sensitive even under IGNORECASE.
    pattern = r"(?-i:(?<![A-Za-z0-9_]))(?:" + "|".join(spellings) + r")(?-i:(?![A-Za-z0-9_]))"
    return re.search(pattern, text, re.IGNORECASE) is not None


@SETTINGS
@given(prompts, st.sampled_from(NAMES) | st.text(alphabet=f"abk_-{LONG_S}", min_size=1, max_size=6))
def test_mentions_agrees_with_a_whole_text_search(text: str, name: str) -> None:
    assert m.mentions(text, name) == plain_mentions(text, name)
    assert m.mentions(text + " " + name.upper(), name) == plain_mentions(text + " " + name.upper(), name)


def test_mentions_agrees_on_every_word_and_name() -> None:
    for name in NAMES:
        for word in WORDS:
            for text in (word, f"a {word}.", f"x{word}", f"{word}_", word.upper()):
                assert m.mentions(text, name) == plain_mentions(text, name), (text, name)


@SETTINGS
@given(prompts)
def test_candidate_scan_agrees_with_finditer(text: str) -> None:
    for pattern, starts in ((m._AFTER_CALL, m._CALL_WORDS), (m._AFTER_CALL_BACKTICKED, m._CALL_WORDS),
                            (m._AFTER_USE, m._USE_WORDS)):
        fast = [match.span(1) for match in m._finditer(pattern, text, text.lower(), starts)]
        assert fast == [match.span(1) for match in pattern.finditer(text)], pattern.pattern
    for pattern, ends in ((m._BEFORE_PAREN, ("(",)), (m._BEFORE_KIND, m._KIND_WORDS)):
        fast = [match.span(1) for match in m._finditer_before(pattern, text, text.lower(), ends)]
        assert fast == [match.span(1) for match in pattern.finditer(text)], pattern.pattern


def plain_counts(text: str) -> list[tuple[int, int]]:
    expected = []
    for match in m._TOOL_COUNT.finditer(text):
        word = (match.group(1) or match.group(2)).lower()
        count = int(word) if word.isdigit() else m._NUMBER_WORDS.get(" ".join(word.split()))
        if count is not None:
            expected.append((count, match.start()))
    return expected


def test_stated_counts_agree_on_every_word() -> None:
    for word in WORDS:
        for text in (word, f"x {word} y", f"{word}. {word}"):
            assert m.stated_tool_counts(text) == plain_counts(text), text


@SETTINGS
@given(prompts)
def test_stated_counts_are_the_plain_scans(text: str) -> None:
    # Skipping prompts without "tool"/"function" and trying the pattern only after "you"/"the".
    assert m.stated_tool_counts(text) == plain_counts(text)


def test_did_you_mean_is_worked_out_for_at_most_max_suggested_distinct_names(monkeypatch: pytest.MonkeyPatch) -> None:
    from linter.tavus import mentions

    asked: list[str] = []

    def counted(word: str, candidates: object, cutoff: float = 0.6) -> str:
        asked.append(word)
        return "lookup_order"

    monkeypatch.setattr(mentions, "closest", counted)
    names = [f"lookup_ordr_{i}" for i in range(mentions.MAX_SUGGESTED + 50)]
    text = " ".join(f"call {name}." for name in names)
    found = mentions.undeclared_references(text, ["lookup_order"])
    assert len(found) == len(names) and len(asked) == mentions.MAX_SUGGESTED
    assert [u.close for u in found[: mentions.MAX_SUGGESTED]] == ["lookup_order"] * mentions.MAX_SUGGESTED
    assert {u.close for u in found[mentions.MAX_SUGGESTED :]} == {None}


def test_many_findings_on_one_long_value_scan_it_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from linter.document import model

    scans: list[int] = []
    real = model.value_end

    def counted(text: str, start: int) -> int:
        scans.append(start)
        return real(text, start)

    monkeypatch.setattr(model, "value_end", counted)
    prompt = " ".join(f"call lookup_ordr_{i}." for i in range(300))
    persona = {"persona_name": "x", "pipeline_mode": "full", "system_prompt": prompt,
               "layers": {"llm": {"model": "tavus-gpt-oss"}}}
    found = [d for d in lint_text(json.dumps(persona), "p.json") if d.code == "TOOL016"]
    assert len(found) == 300 and len({d.span for d in found}) == 1
    assert len(scans) == len(set(scans))
