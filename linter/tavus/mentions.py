"""Which tools a prompt talks about: the one place TOOL016-018 and PERC001-003 read prompts.

Precision matters more than recall: prompts say "call the user", "use the phone" and
"function" in plain English, and a false warning costs more than a missed one. So a word
counts as a *tool reference* only in tool-ish context:

* a backticked snake_case identifier near a tool word (`` named `lookup_order` `` in a sentence
  about a tool, "call ..."), a backticked call (`` `lookup_order()` ``), or any backticked
  identifier right after a calling verb; a backticked field name in a sentence that never
  speaks of tools or calls (`` the context holds `account_id` ``) is not a tool;
* a snake_case word (it must contain an underscore) after ``call``/``invoke``/``trigger``
  (``call lookup_order``), after ``use``/``using`` when ``tool``/``function`` follows
  (``use the get_roster tool``), before ``(`` (``final_ask()``), or before ``tool``/``function``
  (``the notify_resident tool``).

ALL_CAPS words (``TOOL_RESULT``, ``SYSTEM_NOTE``) are markers, never tool names.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

from linter.util.closest import closest
from linter.util.lazy_regex import LazyPattern
from linter.util.textscan import matches_at, occurrences, run_starts

# Names are ASCII identifiers, so their classes are case-sensitive groups ``(?-i:...)`` even
# in IGNORECASE patterns (which fold only the words around them). That also spares compiling
# each class under IGNORECASE, which costs about 0.2 ms at every start (and per tool name in
# :func:`_mention`), and keeps the four non-ASCII letters IGNORECASE would fold into
# ``[A-Za-z]`` (dotless i, dotted I, long s, Kelvin sign) out of names.
_IDENT = r"(?-i:[A-Za-z_][A-Za-z0-9_]*)"
_SNAKE = r"(?-i:[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|_[A-Za-z0-9_]+)"
_NOT_NAME_BEFORE = r"(?-i:(?<![A-Za-z0-9_]))"
_NOT_NAME_AFTER = r"(?-i:(?![A-Za-z0-9_]))"
_CALL_VERB = r"\b(?:call(?:s|ed|ing)?|invok(?:e|es|ed|ing)|trigger(?:s|ed|ing)?)"
_USE_VERB = r"\b(?:use|uses|using|used)"
_ARTICLE = r"(?:\s+(?:the|a|an|your|this|that))?"
_KIND = r"(?:tool|function)s?\b"
_TOOL_WORD = LazyPattern(r"\b(?:tools?|functions?|call(?:s|ed|ing)?|invok(?:e|es|ed|ing)|trigger(?:s|ed|ing)?)\b", re.I)
_NEAR = 100
"""How far (characters) a tool word may be from a backticked name for the name to count."""

_BACKTICKED = LazyPattern(r"`\s*(" + _IDENT + r")\s*(\([^`]*\))?\s*`")
_AFTER_CALL = LazyPattern(_CALL_VERB + _ARTICLE + r"\s+`?(" + _SNAKE + r")\b", re.IGNORECASE)
_AFTER_CALL_BACKTICKED = LazyPattern(_CALL_VERB + _ARTICLE + r"\s+`(" + _IDENT + r")`", re.IGNORECASE)
_AFTER_USE = LazyPattern(_USE_VERB + _ARTICLE + r"\s+`?(" + _SNAKE + r")`?\s+" + _KIND, re.IGNORECASE)
_BEFORE_PAREN = LazyPattern(r"(?<![\w.])(" + _SNAKE + r")\(")
_BEFORE_KIND = LazyPattern(r"(?<![\w.])(" + _SNAKE + r")`?\s+" + _KIND, re.IGNORECASE)

_NOT_TOOLS = frozenset({"snake_case", "camel_case", "kebab_case"})
_NUMBER_WORDS = {
    "no": 0, "zero": 0, "one": 1, "a single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_COUNT = r"(\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_TOOL_COUNT = LazyPattern(
    r"\byou\s+(?:have|'ve\s+got|can\s+(?:use|call))\s+(?:access\s+to\s+)?(?:exactly\s+|only\s+)?"
    + _COUNT + r"\s+(?:(?-i:[A-Za-z-]+)\s+)?(?:tools?|functions?)\b"
    + r"|\b(?:these|the\s+following)\s+" + _COUNT + r"\s+(?:tools?|functions?)\b",
    re.IGNORECASE,
)


class Mention(NamedTuple):
    """A name a prompt refers to as a tool, and the prompt text around it (for messages)."""

    name: str
    offset: int


def tool_references(text: str, ignore: Iterable[str] = ()) -> list[Mention]:
    """Names ``text`` refers to as tools, first occurrence first, each name once.

    ``ignore`` holds names that are known not to be tools here (parameter names of the
    declared tools, for example: "`order_id`" in a prompt is then a field, not a tool).
    """
    return list(_tool_references(text, frozenset(ignore)))


@lru_cache(maxsize=64)
def _tool_references(text: str, skipped: frozenset[str]) -> tuple[Mention, ...]:
    # Cached: several rules (TOOL016-018, PERC001-003) read the same prompt.
    found: dict[str, int] = {}

    def add(name: str, offset: int) -> None:
        if name.isupper() or name in skipped or name.lower() in _NOT_TOOLS:
            return
        found[name] = min(offset, found.get(name, offset))

    backticks, underscores = "`" in text, "_" in text
    for match in _BACKTICKED.finditer(text) if backticks else ():
        name, call = match.group(1), match.group(2)
        near = text[max(0, match.start() - _NEAR) : match.end() + _NEAR]
        if call is not None or ("_" in name.strip("_") and _TOOL_WORD.search(near)):
            add(name, match.start(1))
    # Skip the scans that cannot match (each needs its literal words): a prompt is scanned by
    # several rules' helpers on every file, and most prompts say neither "tool" nor "function".
    lowered = _lower(text)
    calls = _contains(text, lowered, _CALL_WORDS)
    kinds = _contains(text, lowered, _KIND_WORDS)
    wanted = (
        (_AFTER_CALL, underscores and calls, _finditer, _CALL_WORDS),
        (_AFTER_CALL_BACKTICKED, backticks and calls, _finditer, _CALL_WORDS),
        (_AFTER_USE, underscores and kinds and _contains(text, lowered, _USE_WORDS), _finditer, _USE_WORDS),
        (_BEFORE_PAREN, underscores and "(" in text, _finditer_before, ("(",)),
        (_BEFORE_KIND, underscores and kinds, _finditer_before, _KIND_WORDS),
    )
    for pattern, possible, scan, words in wanted:
        if possible:
            for match in scan(pattern, text, lowered, words):
                add(match.group(1), match.start(1))
    return tuple(Mention(name, offset) for name, offset in sorted(found.items(), key=lambda item: item[1]))


_CALL_WORDS = ("call", "invok", "trigger")
_KIND_WORDS = ("tool", "function")
_USE_WORDS = ("us",)
_COUNT_WORDS = ("you", "the")
"""Every stated tool count begins with "you", "these" or "the following"."""


def _finditer(pattern: LazyPattern, text: str, lowered: str, starts: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, tried only where one of ``starts`` begins when ``starts`` are the
    words every match begins with: ``re.IGNORECASE`` finds them as ``lowered`` does (see
    :func:`_lower_finds_ascii`), and a regex tried at every character of a long prompt is the slow part."""
    if not starts or not _lower_finds_ascii(text):
        yield from pattern.finditer(text)
        return
    yield from matches_at(pattern, text, sorted(index for word in starts for index in occurrences(lowered, word)))


@lru_cache(maxsize=16)
def _lower(text: str) -> str:
    # Each rule that reads prompts asks about the same one or two, once per declared tool.
    return text.lower()


_FOLDED_INTO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")
"""The only characters besides ASCII letters that ``re.IGNORECASE`` matches to ASCII letters
(dotted I, dotless i, long s, Kelvin sign); the first and the last are also the only ones whose
``lower()`` is longer or ASCII."""


def _lower_finds_ascii(text: str) -> bool:
    """Whether ASCII words occur in ``_lower(text)`` exactly where ``re.IGNORECASE`` finds them in
    ``text``, at the same offsets: any text without :data:`_FOLDED_INTO_ASCII` (most non-English
    prompts too)."""
    return text.isascii() or not any(letter in text for letter in _FOLDED_INTO_ASCII)


_NAME_CHARACTERS = frozenset(string.ascii_letters + string.digits + "_")


def _finditer_before(pattern: LazyPattern, text: str, lowered: str, ends: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for the patterns that are a whole name (a run of name
    characters after no word character), then whitespace (``\\s``, which is ``str.isspace``) and
    backticks, then one of ``ends``.

    Such a match starts where the name run before an occurrence of ``ends`` starts, so only
    those places are tried: the plain scan tries the pattern at every letter of the prompt
    (0.14 ms for a 1.5 kB prompt that says "tool" somewhere).
    """
    if not _lower_finds_ascii(text):
        yield from pattern.finditer(text)
        return
    before_gaps = set()
    for word in ends:
        for index in occurrences(lowered, word):
            start = index
            while start > 0 and (text[start - 1] == "`" or text[start - 1].isspace()):
                start -= 1
            before_gaps.add(start)
    yield from matches_at(pattern, text, sorted(set(run_starts(text, before_gaps, _NAME_CHARACTERS).values())))


def _contains(text: str, lowered: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``words`` as ``re.IGNORECASE`` would find it."""
    if _lower_finds_ascii(text):
        return any(word in lowered for word in words)
    return re.search("|".join(words), text, re.IGNORECASE) is not None


class Undeclared(NamedTuple):
    """A tool reference that matches no declared tool, and the declared name it resembles."""

    mention: Mention
    close: str | None


def undeclared_references(text: str, declared: Sequence[str], ignore: Iterable[str] = ()) -> list[Undeclared]:
    """The tool references in ``text`` that name none of ``declared`` (see :func:`tool_references`)."""
    return list(_undeclared(text, tuple(declared), frozenset(ignore)))


MAX_SUGGESTED = 200
"""Most distinct undeclared names of one text that get a "did you mean": each costs a comparison
with every declared name (about 10 ms among 50 similar names), so a hostile prompt of 100,000
made-up names would take minutes; a real prompt names a handful."""


@lru_cache(maxsize=16)
def _undeclared(text: str, declared: tuple[str, ...], ignore: frozenset[str]) -> tuple[Undeclared, ...]:
    # Cached: TOOL016 and TOOL018 ask about the same prompt, and each suggestion costs a comparison
    # with every declared name.
    found: list[Undeclared] = []
    for mention in tool_references(text, ignore):  # one mention per name
        if not is_declared(mention.name, declared):
            within = len(found) < MAX_SUGGESTED
            found.append(Undeclared(mention, closest(mention.name, declared, cutoff=0.75) if within else None))
    return tuple(found)


def misspelled(text: str, declared: Sequence[str], ignore: Iterable[str] = ()) -> set[str]:
    """Declared names that ``text`` refers to only under a near spelling (``lookup_orders``).

    The undeclared-tool rules report those references; the not-mentioned rules skip the names.
    """
    return {u.close for u in undeclared_references(text, declared, ignore) if u.close}


def mentions(text: str, name: str) -> bool:
    """Whether ``text`` names the tool ``name`` anywhere, as a whole word.

    Lenient on purpose (it decides whether to *skip* an advice): case is ignored, and
    ``lookup order`` counts for ``lookup_order``. The definition is :func:`_mention`'s pattern;
    for names made of ``[A-Za-z0-9_-]`` (every valid tool name) in texts where lowering finds what
    IGNORECASE finds (:func:`_lower_finds_ascii`) the same answer comes from string searches,
    without compiling a pattern for each new tool name (0.3 ms).
    """
    if not name:
        return False
    spelled = _spellings(name)
    if spelled is None or not _lower_finds_ascii(text):
        return _mention(name).search(text) is not None
    lowered = _lower(text)
    exact, parts = spelled
    return _has_word(lowered, exact) or (parts is not None and _has_joined(lowered, parts))


@lru_cache(maxsize=1024)
def _mention(name: str) -> re.Pattern[str]:
    """The whole-word, case-blind pattern of ``name`` and, when it has ``_`` or ``-`` inside,
    of its words joined by any run of spaces, ``_`` and ``-``."""
    spellings = {re.escape(name)}
    if _splits(name):
        spellings.add(r"[\s_-]+".join(re.escape(part) for part in re.split(r"[_-]+", name.strip("_-"))))
    return re.compile(_NOT_NAME_BEFORE + "(?:" + "|".join(spellings) + ")" + _NOT_NAME_AFTER, re.IGNORECASE)


def _splits(name: str) -> bool:
    return "_" in name.strip("_") or "-" in name


@lru_cache(maxsize=1024)
def _spellings(name: str) -> tuple[str, tuple[str, ...] | None] | None:
    """``name`` lowered and its words lowered (``None`` when it has no joined spelling), or
    ``None`` when only the pattern can answer: characters outside ``[A-Za-z0-9_-]``, or nothing
    but ``_`` and ``-`` (whose joined spelling is empty)."""
    core = name.strip("_-")
    if not core or not name.isascii() or not all(c in _NAME_CHARACTERS or c == "-" for c in name):
        return None
    parts = tuple(part.lower() for part in re.split(r"[_-]+", core)) if _splits(name) else None
    return name.lower(), parts


def _has_word(lowered: str, word: str) -> bool:
    return any(_is_whole(lowered, index, index + len(word)) for index in occurrences(lowered, word))


def _has_joined(lowered: str, parts: tuple[str, ...]) -> bool:
    """Whether ``parts`` occur in order, each after a run of ``[\\s_-]``, as a whole word.
    A part is letters and digits, which no separator is, so each run is taken whole."""
    first, rest = parts[0], parts[1:]
    for index in occurrences(lowered, first):
        end = index + len(first)
        for part in rest:
            after = end
            while after < len(lowered) and (lowered[after] in "_-" or lowered[after].isspace()):
                after += 1
            if after == end or not lowered.startswith(part, after):
                break
            end = after + len(part)
        else:
            if _is_whole(lowered, index, end):
                return True
    return False


def _is_whole(text: str, start: int, end: int) -> bool:
    return (start == 0 or text[start - 1] not in _NAME_CHARACTERS) and (
        end == len(text) or text[end] not in _NAME_CHARACTERS
    )


def stated_tool_counts(text: str) -> list[tuple[int, int]]:
    """Every tool count ``text`` states ("you have 4 tools"), as ``(count, offset)`` pairs."""
    counts: list[tuple[int, int]] = []
    lowered = _lower(text)
    if not _contains(text, lowered, _KIND_WORDS):  # every count is of "tools" or "functions"
        return counts
    for match in _finditer(_TOOL_COUNT, text, lowered, _COUNT_WORDS):
        word = (match.group(1) or match.group(2)).lower()
        count = int(word) if word.isdigit() else _NUMBER_WORDS.get(" ".join(word.split()))
        if count is not None:
            counts.append((count, match.start()))
    return counts


def is_declared(name: str, declared: Iterable[str]) -> bool:
    """``name`` is one of ``declared``, ignoring case (the model copes with ``Lookup_Order``)."""
    names = declared if isinstance(declared, tuple) else tuple(declared)
    return name.lower() in _lowered_set(names)


@lru_cache(maxsize=16)
def _lowered_set(declared: tuple[str, ...]) -> frozenset[str]:
    # Built once per tool list: a prompt naming thousands of tools asks about every one.
    return frozenset(other.lower() for other in declared)
