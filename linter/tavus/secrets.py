"""Finding credentials written in clear in a persona, and keeping them out of every output.

One walk over the document's keys and values (:func:`find_secrets`) feeds the ``SEC`` rules
and the masking of every output (:mod:`linter.tavus.masking`), whatever rules are selected;
:func:`text_literals` finds secrets in raw text, for files that do not parse. Placeholders (``<api-key>``, ``${VAR}``,
``your-api-key``, ...) are not secrets: :func:`is_placeholder` is the one test for them.
"""

from __future__ import annotations

import itertools
import json
import re
import string
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, Literal, NamedTuple
from urllib.parse import parse_qsl, urlsplit

from linter.util import pointer as ptr
from linter.util.lazy_regex import LazyPattern
from linter.util.textscan import matches_at, occurrences, run_start, run_starts

Kind = Literal["field", "header", "url", "token"]
"""Where a secret sits: a credential-named field, an HTTP header, a URL, or free text."""

_SECRET_WORDS = frozenset({
    "secret", "token", "password", "passwd", "pwd", "authorization", "auth", "credential",
    "credentials", "bearer", "apikey", "jwt", "cookie",
})
_KEY_OWNERS = frozenset({"api", "private", "access", "secret", "client", "subscription", "account", "signing"})
_QUERY_SECRETS = frozenset({"key", "sig", "signature"})
_AUTH_SCHEME = LazyPattern(r"^(?:bearer|basic|token|apikey|key)\s+", re.IGNORECASE)

TOKEN_SHAPES: tuple[tuple[str, LazyPattern], ...] = tuple(
    (label, LazyPattern(r"(?<![A-Za-z0-9_-])" + pattern))
    for label, pattern in (
        ("an OpenAI or Anthropic API key", r"sk-(?:proj-|ant-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}"),
        ("a provider secret key (sk_...)", r"sk_(?:car_|live_|test_)?[A-Za-z0-9]{20,}"),
        ("a Groq API key", r"gsk_[A-Za-z0-9]{20,}"),
        ("a Google API key", r"AIza[0-9A-Za-z_-]{30,}"),
        ("a Slack token", r"xox[abposr]-[A-Za-z0-9-]{10,}"),
        ("a GitHub token", r"(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}"),
        ("a Hugging Face token", r"hf_[A-Za-z0-9]{30,}"),
        ("an AWS access key", r"AKIA[0-9A-Z]{16}"),
        ("a JSON Web Token", r"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"),
        ("a private key", r"-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----"),
    )
)
_SHAPE_STARTS: tuple[tuple[str, ...], ...] = (
    ("sk-",), ("sk_",), ("gsk_",), ("AIza",), ("xox",), ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
    ("hf_",), ("AKIA",), ("eyJ",), ("-----BEGIN",),
)
"""What each of :data:`TOKEN_SHAPES` (same order) starts with: a shape is tried only there. Their
leading lookbehind keeps the regex engine from searching for the literal itself, so ``finditer``
tried every shape at every character: 70 µs per shape over 2 kB of text."""
_GITHUB_START = LazyPattern(r"gh[pousr]_|github_pat_")


_SHORTEST_TOKEN = 15
"""No string of :data:`TOKEN_SHAPES` is shorter (``xox?-`` and ten more characters)."""


def may_hold_token(text: str) -> bool:
    """Whether ``text`` is long enough for one of :data:`TOKEN_SHAPES` and one can start in it (a
    superset: other strings skip all ten). Substring tests, not one regex of alternatives: that
    regex, tried at every character of every string, would be half the secret walk over a persona's
    2 to 3 kB of text; most strings (types, names) are too short to try at all. A one-character
    test (``memchr``, several times faster than a substring search) guards the starts that hold
    that character, so prose without ``-``, ``_``, ``A`` or ``J`` costs four quick scans."""
    return len(text) >= _SHORTEST_TOKEN and (
        (("-" in text or "_" in text) and (
            "sk-" in text or "sk_" in text or "hf_" in text or "-----BEGIN" in text
            or ("_" in text and _GITHUB_START.search(text) is not None)
        ))
        or ("A" in text and ("AIza" in text or "AKIA" in text))
        or ("J" in text and "eyJ" in text)
        or "xox" in text
    )
_URL = LazyPattern(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s\"'<>]+")
_LETTERS = frozenset(string.ascii_letters)
_SCHEME_CHARS = frozenset(string.ascii_letters + string.digits + "+.-")
_PLACEHOLDER_MARKS = frozenset({
    "changeme", "replaceme", "placeholder", "example", "dummy", "redacted", "your", "yours", "my", "fake",
    "sample", "insert", "todo", "tbd", "here", "xxx", "change", "replace", "fill", "put", "secret",
})
"""Words that say "put the real value here" when a value is made of them (with filler)."""
_PLACEHOLDER_STARTS = frozenset({"your", "my", "insert", "put", "fill", "enter", "add"})
_PLACEHOLDER_WORDS = _PLACEHOLDER_MARKS | _PLACEHOLDER_STARTS | frozenset({
    "me", "api", "key", "keys", "token", "access", "the", "a", "an", "in", "with", "value", "goes", "own",
    "real", "actual", "sk", "proj", "pat", "password", "pass", "auth", "bearer", "test", "live", "id", "client",
    "openai", "groq", "google", "github", "elevenlabs", "cartesia", "anthropic", "tavus", "llm", "provider",
})
_DUMMY_VALUES = frozenset({
    "test", "testing", "none", "null", "nil", "n/a", "na", "unused", "fake",
    "not-needed", "not_needed", "notneeded", "not-required", "not_required",
})
"""Whole values that stand in for a key no service issues (proxies that check none, local servers)."""
_WORDS_ONLY = LazyPattern(r"[A-Za-z]+(?:[ _.-][A-Za-z]+)*")
_ENV_NAME = LazyPattern(r"\$?[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+")
_SHELL_VAR = LazyPattern(r"\$[A-Za-z_][A-Za-z0-9_]*|\$\([^)]*\)|%[A-Za-z_][A-Za-z0-9_]*%")


class SecretHit(NamedTuple):
    """One credential found in clear: where, what kind, its name, and the literal to mask."""

    pointer: str
    kind: Kind
    name: str  # the field, header or query parameter name; for tokens, what the shape looks like
    secret: str
    in_key: bool = False
    """The secret is (in) the member's key, not its value: ``pointer`` names that member."""


def is_placeholder(value: str) -> bool:
    """True for values that stand for a secret without being one (``<api-key>``, ``${KEY}``, ...).

    Judged on the whole value, or on what follows a key prefix (``sk-proj-XXXX``): a real key
    is random text that may hold ``XXX`` or ``example`` by chance (about 1 in 800 OpenAI project
    keys holds ``XXX``), so a substring of letters never makes a placeholder. Characters no
    issued key holds (``*``, ``...``, ``${``, ``{{``, ``<>``, code such as ``process.env``) do.
    """
    text = value.strip()
    lowered = text.lower()
    if len(set(text)) <= 1:  # empty, or one repeated character ("xxxx", "****", "0000")
        return True
    if (text.startswith("<") and text.endswith(">")) or "${" in text or "{{" in text:
        return True
    if _SHELL_VAR.fullmatch(text) or _ENV_NAME.fullmatch(text):
        return True
    if "***" in text or "..." in text or "…" in text or "TODO" in text.split():
        return True
    if lowered in _DUMMY_VALUES or any(code in lowered for code in _CODE_WORDS):
        return True
    if _placeholder_words(lowered) or _placeholder_words(_KEY_PREFIX.sub("", lowered)):
        return True
    # Words that name a secret instead of being one: "api-key", "my secret token", "insert key here".
    return bool(_WORDS_ONLY.fullmatch(text)) and any(w in lowered for w in ("key", "token", "secret", "password"))


_KEY_PREFIX = LazyPattern(r"^[A-Za-z]+[-_](?:[a-z]+[-_])?")
"""A key shape's prefix (``sk-``, ``sk-proj-``, ``gsk_``, ``ghp_``): what follows it is judged."""
_CODE_WORDS = ("process.env", "os.environ", "getenv(", "import.meta.env")
"""Code that reads a secret from the environment: no issued key holds ``.`` or ``(``."""
_FILLER = LazyPattern(r"(?:x+|\*+|0+|#+|_+|-+|\.+)", re.IGNORECASE)


_WORD = LazyPattern(r"[^\s_.:/-]+")
_MAX_PLACEHOLDER = 1_000
"""Longest text judged word by word: a placeholder is typed by a person, and a hostile token of
megabytes made of placeholder-like words (``sk-sk-sk-...``) would be read to its end."""


def _placeholder_words(body: str) -> bool:
    """Whether ``body`` (lowered) is words that ask for a value (``your-base-url``) or only
    placeholder words and filler (``api-key-here``, ``xxxxxxxx``); ``abcXXXdef`` is neither.

    Words are read one at a time and the first that is neither ends the walk; past
    :data:`_MAX_PLACEHOLDER` characters only the opening (``your-...``) is read."""
    words = (match.group(0) for match in _WORD.finditer(body))
    first = next(words, None)
    if first is None:
        return True
    second = next(words, None)
    if first in _PLACEHOLDER_STARTS and second is not None:  # "your-base-url", "insert_key_here"
        return True
    if len(body) > _MAX_PLACEHOLDER:
        return False
    marked = first in _PLACEHOLDER_STARTS
    for word in itertools.chain((first,) if second is None else (first, second), words):
        filler = bool(_FILLER.fullmatch(word))
        if not (word in _PLACEHOLDER_WORDS or filler):
            return False
        marked = marked or filler or word in _PLACEHOLDER_MARKS
    return marked


@lru_cache(maxsize=4096)
def is_secret_name(name: str) -> bool:
    """Field, header or parameter names whose value is a credential (``api_key``, ``x-api-key``, ...).

    The last word decides: ``access_token`` is a secret, ``token_type`` and ``max_tokens`` are not.
    """
    words = [w for w in re.split(r"[^a-z0-9]+", re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()) if w]
    if not words:
        return False
    if words[-1] in _SECRET_WORDS:
        return True
    return words[-1] == "key" and len(words) > 1 and words[-2] in _KEY_OWNERS


def token_shapes(text: str) -> Iterator[tuple[str, str]]:
    """Every well-known key shape in ``text`` (label, literal) that is not a placeholder."""
    if not may_hold_token(text):
        return
    for label, match in _shape_matches(text):
        literal = match.group(0)
        body = re.sub(r"^[A-Za-z]+[-_](?:[a-z]+[-_])?", "", literal)
        if not is_placeholder(literal) and not is_placeholder(body):
            yield label, literal


def _shape_matches(text: str) -> Iterator[tuple[str, re.Match[str]]]:
    """``finditer`` of every shape in turn, tried only where the shape's start occurs."""
    for (label, pattern), starts in zip(TOKEN_SHAPES, _SHAPE_STARTS, strict=True):
        candidates = sorted(index for start in starts for index in occurrences(text, start))
        for match in matches_at(pattern, text, candidates):
            yield label, match


def url_credentials(text: str) -> Iterator[tuple[str, str]]:
    """Credentials carried by URLs in ``text``: (``"password"`` or the query parameter, literal)."""
    if "://" not in text:
        return
    for match in _url_matches(text):
        try:
            parts = urlsplit(match.group(0))
            password = parts.password
        except ValueError:
            continue
        if password and not is_placeholder(password):
            yield "password", password
        for name, value in parse_qsl(parts.query, keep_blank_values=False):
            if (is_secret_name(name) or name.lower() in _QUERY_SECRETS) and not is_placeholder(value):
                yield name, value


def _url_matches(text: str) -> Iterator[re.Match[str]]:
    """``_URL.finditer(text)``, tried only at the first letter of the scheme before each ``://``
    (its leading class kept the engine trying it at every character: 0.5 ms for 14 kB)."""
    candidates = []
    for index in occurrences(text, "://"):
        start = run_start(text, index, _SCHEME_CHARS)
        while start < index and text[start] not in _LETTERS:
            start += 1
        if start < index:
            candidates.append(start)
    return matches_at(_URL, text, candidates)


def header_secret(name: str, value: str) -> str | None:
    """The credential in a header value (the part after ``Bearer``), or ``None``."""
    credential = _AUTH_SCHEME.sub("", value.strip())
    if is_placeholder(credential):
        return None
    if is_secret_name(name) or any(True for _ in token_shapes(value)):
        return credential
    return None


def find_secrets(value: Any) -> list[SecretHit]:
    """Every credential written in clear anywhere in ``value`` (any JSON value)."""
    global _last
    last = _last
    if last is not None and last[0] is value:  # the SEC rules and the engine ask about one document
        return list(last[1])
    hits: list[SecretHit] = []
    if isinstance(value, (dict, list)):
        _walk(value, None, "", hits)
    elif isinstance(value, str):
        _add_hits(value, None, "", False, hits)
    _last = (value, tuple(hits))
    return hits


_last: tuple[Any, tuple[SecretHit, ...]] | None = None
"""The last document :func:`find_secrets` walked and its hits (documents are never mutated)."""

_Trail = tuple[Any, str | int] | None
"""The path to a node as ``(parent trail, key or index)``, root ``None``: this walk runs over
every document, and most nodes hold no secret, so their JSON Pointer is built only on a hit."""


def _walk(node: dict[str, Any] | list[Any], trail: _Trail, key: str, hits: list[SecretHit]) -> None:
    if isinstance(node, dict):
        in_headers = key.lower() == "headers"
        # Most keys and values are short words ("type", "string"): the length test inline spares
        # them a call to may_hold_token, the busiest function of this walk.
        for name, child in node.items():
            named = name if type(name) is str else str(name)
            if "://" in named or (len(named) >= _SHORTEST_TOKEN and may_hold_token(named)):
                _add_key_hits(named, (trail, name), hits)  # a key pasted where a name belongs
            if isinstance(child, str):
                if (in_headers or is_secret_name(named) or "://" in child
                        or (len(child) >= _SHORTEST_TOKEN and may_hold_token(child))):
                    _add_hits(child, (trail, name), named, in_headers, hits)
            elif isinstance(child, (dict, list)):
                _walk(child, (trail, name), named, hits)
            elif isinstance(child, (int, float)) and not isinstance(child, bool) and is_secret_name(named):
                # A numeric credential ("password: 12345678", a PIN) is one in clear all the same.
                digits = json.dumps(child)
                if len(digits) >= MIN_SECRET and not is_placeholder(digits):
                    hits.append(SecretHit(_pointer((trail, name)), "field", named, digits))
    else:
        for index, child in enumerate(node):
            if isinstance(child, (dict, list)):
                _walk(child, (trail, index), "", hits)
            elif isinstance(child, str) and (
                "://" in child or (len(child) >= _SHORTEST_TOKEN and may_hold_token(child))
            ):
                _add_hits(child, (trail, index), "", False, hits)


def _add_hits(text: str, trail: _Trail, key: str, in_headers: bool, hits: list[SecretHit]) -> None:
    found = list(_string_hits(text, key, in_headers))
    if found:
        where = _pointer(trail)
        hits.extend(SecretHit(where, kind, name, secret) for kind, name, secret in found)


def _add_key_hits(name: str, trail: _Trail, hits: list[SecretHit]) -> None:
    found = [("url", label, literal) for label, literal in url_credentials(name)]
    found += [("token", label, literal) for label, literal in token_shapes(name)
              if not any(literal in other or other in literal for _, _, other in found)]
    if found:
        where = _pointer(trail)
        hits.extend(SecretHit(where, kind, label, literal, in_key=True) for kind, label, literal in found)  # type: ignore[arg-type]


def _pointer(trail: _Trail) -> str:
    tokens: list[str | int] = []
    while trail is not None:
        trail, token = trail
        tokens.append(token)
    return ptr.from_parts(reversed(tokens))


def _string_hits(text: str, key: str, in_headers: bool) -> Iterator[tuple[Kind, str, str]]:
    if in_headers:
        credential = header_secret(key, text)
        if credential:
            yield "header", key, credential
        return
    if key and is_secret_name(key):
        if not is_placeholder(_AUTH_SCHEME.sub("", text.strip())):
            yield "field", key, text
        return
    in_urls = []
    for name, literal in url_credentials(text):
        in_urls.append(literal)
        yield "url", name, literal
    for label, literal in token_shapes(text):
        if not any(literal in found or found in literal for found in in_urls):
            yield "token", label, literal


def credential_forms(secret: str) -> tuple[str, str]:
    """A secret as found, and without an ``Authorization`` scheme (``Bearer abc`` and ``abc``)."""
    return secret, _AUTH_SCHEME.sub("", secret.strip())


def _assignments(text: str) -> Iterator[re.Match[str]]:
    """The :data:`_ASSIGNMENT` pairs of ``text`` whose key may name a secret.

    Tried only at the words that hold one of :data:`_NAME_WORDS`: a regex tried at every
    character of a 5 kB persona took about 1 ms. This finds every pair ``finditer`` finds with
    such a key, and more in odd texts (a pair inside another pair's value): for masking, more
    is the safe side.
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter lowered to two (dotted I): offsets would drift
        yield from _ASSIGNMENT.finditer(text)
        return
    found = (index for word in _NAME_WORDS for index in occurrences(lowered, word))
    starts = set(run_starts(text, found, _KEY_CHARS).values())
    for start in sorted(starts):
        match = _ASSIGNMENT.match(text, start)
        if match is not None:
            yield match


MIN_SECRET = 4
"""Shorter strings are never treated as secrets (they would mask common words)."""


_ASSIGNMENT = LazyPattern(
    r"""["']?(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]+)["']?\s*[:=]\s*["']?(?:(?:bearer|basic|token)\s+)?([^"'\s,}\]]{1,256})""",
    re.IGNORECASE,
)
"""A ``key: value`` or ``key = value`` pair; the key is a whole word (the lookbehind). The value is
read up to 256 characters: every start is tried (:func:`_assignments`), and an unbounded value
made ``key=key=...`` quadratic. So in raw text only, a longer value is a secret in its first 256
characters (parsed values are found whole)."""
_KEY_CHARS = frozenset(string.ascii_letters + string.digits + "_.-\u0130\u0131\u017f\u212a")
"""What ``[A-Za-z0-9_.-]`` matches under IGNORECASE (ASCII, and four letters it folds to ASCII)."""
_NAME_WORDS = ("secret", "token", "pass", "pwd", "auth", "credential", "bearer", "key", "jwt", "cookie")
"""Every name :func:`is_secret_name` accepts holds one of these once lowered."""


def text_literals(text: str) -> frozenset[str]:
    """Secrets visible in raw text (``api_key: ...`` pairs, URL credentials, key shapes)."""
    found = {literal for _, literal in token_shapes(text)}
    found.update(literal for _, literal in url_credentials(text))
    for match in _assignments(text):
        if is_secret_name(match.group(1)) and not is_placeholder(match.group(2)):
            found.add(match.group(2))
    return frozenset(s for s in found if len(s) >= MIN_SECRET)
