"""The raw-text secret scan (masking ``--show-source`` excerpts) tries pairs only at candidate words.

The oracle is the plain scan: ``finditer`` of the pair pattern over the whole text. The fast
scan must find every secret the plain one finds (it may find more in odd texts: a pair inside
another pair's value), and the same on real-looking personas.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.tavus import secrets

FIXTURES = Path(__file__).parent / "rules"


def plain_literals(text: str) -> frozenset[str]:
    found = {literal for _, literal in secrets.token_shapes(text)}
    found.update(literal for _, literal in secrets.url_credentials(text))
    for match in secrets._ASSIGNMENT.finditer(text):
        if secrets.is_secret_name(match.group(1)) and not secrets.is_placeholder(match.group(2)):
            found.add(match.group(2))
    return frozenset(s for s in found if len(s) >= secrets.MIN_SECRET)


PIECES = [
    "api_key", "apiKey", "API_KEY", "token", "access_token", "max_tokens", "password", "passwd", "monkey",
    "author", "Authorization", "bearer", "Bearer ", "x-api-key", "client_secret", "keyword", "my.api_key",
    ":", "=", ": ", " = ", '"', "'", ",", "}", "]", "{", "\n", " ", "sk-live-abcdefgh12345678", "hunter2hunter2",
    "<your-key>", "${KEY}", "value123", "\u017fecret", "\u212aEY", "\u0130", "\u0131", "é", "-", ".", "_",
]
texts = st.lists(st.sampled_from(PIECES), max_size=25).map("".join)


@settings(max_examples=600, deadline=None)
@given(texts)
def test_the_fast_scan_finds_every_secret_the_plain_scan_finds(text: str) -> None:
    assert plain_literals(text) <= secrets.text_literals(text)


def test_on_every_fixture_the_fast_scan_misses_nothing() -> None:
    # It finds more in YAML, where "headers:" swallowed the nested "x-api-key: ..." line as
    # its value in the plain scan (SEC003's api-key-header.yaml).
    paths = [p for p in FIXTURES.rglob("*") if p.suffix in {".json", ".yaml", ".yml"} and p.is_file()]
    assert len(paths) > 300
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert plain_literals(text) <= secrets.text_literals(text), path


@pytest.mark.slow
def test_key_chars_are_what_the_key_class_matches() -> None:
    key_class = re.compile(r"[A-Za-z0-9_.-]", re.IGNORECASE)
    matched = {chr(c) for c in range(sys.maxunicode + 1) if key_class.fullmatch(chr(c))}
    assert matched == secrets._KEY_CHARS


def test_every_secret_name_holds_a_candidate_word() -> None:
    for word in {*secrets._SECRET_WORDS, "key"}:
        assert any(candidate in word for candidate in secrets._NAME_WORDS), word


TOKEN_START = re.compile(r"sk[-_]|gsk_|AIza|xox|gh[pousr]_|github_pat_|hf_|AKIA|eyJ|-----BEGIN")
"""Where a key shape can start, as one regex: the oracle of :func:`secrets.may_hold_token`."""
TOKEN_PIECES = ["s", "k", "sk", "g", "gh", "p", "o", "u", "r", "h", "f", "x", "xo", "github", "pat", "_", "-",
                "AI", "za", "AK", "IA", "ey", "J", "-----", "BEGIN", " ", "e", "a", "\u0130", "é"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(TOKEN_PIECES), max_size=12).map("".join))
def test_may_hold_token_is_the_token_start_regex(text: str) -> None:
    long_enough = len(text) >= secrets._SHORTEST_TOKEN
    assert secrets.may_hold_token(text) == (long_enough and TOKEN_START.search(text) is not None)


def test_every_start_a_shape_is_tried_at_lets_the_walk_try_it() -> None:
    # may_hold_token spells the starts out for speed; a start added to _SHAPE_STARTS alone
    # would never be reached by the secret walk.
    for starts in secrets._SHAPE_STARTS:
        for start in starts:
            assert secrets.may_hold_token(f"x {start}" + "x" * secrets._SHORTEST_TOKEN), start


SHAPE_PIECES = [
    "sk-", "sk_", "gsk_", "AIza", "xoxb-", "xoxz-", "ghp_", "ghx_", "gho_", "github_pat_", "hf_", "AKIA", "eyJ", ".",
    "-----BEGIN ", "RSA ", "PRIVATE KEY-----", "abcdefghij", "0123456789", "ABCDEFGHIJKLMNOP", "_", "-", " ", "x",
    "proj-", "live_", "\u0130", "é",
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(SHAPE_PIECES), max_size=14).map("".join))
def test_shapes_tried_at_their_starts_match_what_finditer_matches(text: str) -> None:
    plain = [(label, m.span()) for label, pattern in secrets.TOKEN_SHAPES for m in pattern.finditer(text)]
    assert [(label, m.span()) for label, m in secrets._shape_matches(text)] == plain


URL_PIECES = [
    "http", "s", "://", "a", "Z", "1", "+", ".", "-", " ", '"', "<", ">", "'", "/", ":", "x", "é", "\u0130", "@",
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(URL_PIECES), max_size=14).map("".join))
def test_urls_tried_at_their_schemes_match_what_finditer_matches(text: str) -> None:
    plain = [m.span() for m in secrets._URL.finditer(text)]
    assert [m.span() for m in secrets._url_matches(text)] == plain


def test_no_token_shape_is_shorter_than_the_walk_assumes() -> None:
    for label, pattern in secrets.TOKEN_SHAPES:
        shortest = re._parser.parse(pattern.pattern).getwidth()[0]  # type: ignore[attr-defined]
        # The lookbehind is zero-width; every shape needs at least this many characters.
        assert shortest >= secrets._SHORTEST_TOKEN, label


def test_may_hold_token_on_every_shape_and_fixture() -> None:
    for literal in ("gsk_x", "ghr_x", "github_pat_x", "-----BEGIN", "AIza", "eyJ", "sk-", "hf_", "xox", "AKIA"):
        assert secrets.may_hold_token(f"a {literal}{'x' * 20} b"), literal
    for path in FIXTURES.rglob("*.*"):
        if not path.is_file():  # a dangling link fixture
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        assert secrets.may_hold_token(text) == (TOKEN_START.search(text) is not None and len(text) >= 15), path


def _placeholder_words_by_split(body: str) -> bool:
    """The plain form of ``secrets._placeholder_words``: split, then judge every word."""
    words = [w for w in re.split(r"[\s_.:/-]+", body) if w]
    if not words:
        return True
    if words[0] in secrets._PLACEHOLDER_STARTS and len(words) > 1:
        return True
    filler = secrets._FILLER.fullmatch
    return all(w in secrets._PLACEHOLDER_WORDS or filler(w) for w in words) and (
        words[0] in secrets._PLACEHOLDER_STARTS or any(w in secrets._PLACEHOLDER_MARKS or filler(w) for w in words)
    )


@settings(max_examples=2_000, deadline=None)
@given(st.lists(st.sampled_from(["your", "key", "here", "api", "xxx", "***", "abc", "sk", "my", "token", "-", "_",
                                 " ", ".", "/", ":", "0000", "insert", "example", "\n"]), max_size=12).map("".join))
def test_placeholder_words_read_one_at_a_time_judge_as_the_split_does(body: str) -> None:
    assert secrets._placeholder_words(body) == _placeholder_words_by_split(body)


def test_a_megabyte_token_is_judged_by_its_opening_words() -> None:
    assert secrets._placeholder_words("sk-" * 1_000_000) is False
    assert secrets._placeholder_words("your-" + "sk-" * 1_000_000) is True
    assert secrets._placeholder_words("xxxx-" * 100) is True  # filler typed by a person
    assert secrets._placeholder_words("xxxx-" * 1_000) is False  # 5,000 characters: not typed as a stand-in
