"""Finding credentials written in clear in a persona, and keeping them out of every output.

One walk over the document (:func:`find_secrets`) feeds the ``SEC`` rules and the engine's
safety net (:func:`redact_diagnostics`), which masks every detected secret in every message
and hint whatever rules are selected. Placeholders (``<api-key>``, ``${VAR}``,
``your-api-key``, ...) are not secrets: :func:`is_placeholder` is the one test for them.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Any, Literal, NamedTuple
from urllib.parse import parse_qsl, urlsplit

from linter.diagnostic import Diagnostic
from linter.tavus.redact import MASK
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
    regex, tried at every character of every string, was half the secret walk over a persona's
    2 to 3 kB of text; most strings (types, names) are too short to try at all."""
    return len(text) >= _SHORTEST_TOKEN and (
        "sk-" in text or "sk_" in text or "hf_" in text or "AIza" in text or "AKIA" in text or "eyJ" in text
        or "xox" in text or "-----BEGIN" in text or ("_" in text and _GITHUB_START.search(text) is not None)
    )
_URL = LazyPattern(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s\"'<>]+")
_LETTERS = frozenset(string.ascii_letters)
_SCHEME_CHARS = frozenset(string.ascii_letters + string.digits + "+.-")
_PLACEHOLDER_WORDS = ("changeme", "change-me", "change_me", "replace-me", "replace_me", "replaceme",
                      "placeholder", "example", "dummy", "redacted", "process.env", "os.environ", "getenv")
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


def is_placeholder(value: str) -> bool:
    """True for values that stand for a secret without being one (``<api-key>``, ``${KEY}``, ...)."""
    text = value.strip()
    lowered = text.lower()
    if len(set(text)) <= 1:  # empty, or one repeated character ("xxxx", "****", "0000")
        return True
    if (text.startswith("<") and text.endswith(">")) or "${" in text or "{{" in text:
        return True
    if _SHELL_VAR.fullmatch(text) or _ENV_NAME.fullmatch(text):
        return True
    if lowered.startswith("your") or "xxx" in text or "XXX" in text or "***" in text:
        return True
    if "..." in text or "…" in text or text == "TODO" or "TODO" in text.split():
        return True
    if lowered in _DUMMY_VALUES:
        return True
    if any(word in lowered for word in _PLACEHOLDER_WORDS):
        return True
    # Words that name a secret instead of being one: "api-key", "my secret token", "insert key here".
    return bool(_WORDS_ONLY.fullmatch(text)) and any(w in lowered for w in ("key", "token", "secret", "password"))


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
        for name, child in node.items():
            if isinstance(child, (dict, list)):
                _walk(child, (trail, name), str(name), hits)
            elif isinstance(child, str):
                named = str(name)
                if in_headers or is_secret_name(named) or "://" in child or may_hold_token(child):
                    _add_hits(child, (trail, name), named, in_headers, hits)
    else:
        for index, child in enumerate(node):
            if isinstance(child, (dict, list)):
                _walk(child, (trail, index), "", hits)
            elif isinstance(child, str) and ("://" in child or may_hold_token(child)):
                _add_hits(child, (trail, index), "", False, hits)


def _add_hits(text: str, trail: _Trail, key: str, in_headers: bool, hits: list[SecretHit]) -> None:
    found = list(_string_hits(text, key, in_headers))
    if found:
        where = _pointer(trail)
        hits.extend(SecretHit(where, kind, name, secret) for kind, name, secret in found)


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


def literals(value: Any) -> frozenset[str]:
    """The secret strings of ``value`` that outputs must never show (with their JSON-escaped forms)."""
    found: set[str] = set()
    for hit in find_secrets(value):
        found.add(hit.secret)
        escaped = json.dumps(hit.secret, ensure_ascii=False)[1:-1]
        found.add(escaped)
        credential = _AUTH_SCHEME.sub("", hit.secret.strip())
        found.add(credential)
    return frozenset(s for s in found if len(s) >= _MIN_SECRET)


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


_MIN_SECRET = 4
_SLICE = 8
"""Any run of this many characters copied from a secret is masked (truncated values leak prefixes)."""


def redact(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every secret, and every slice of one of at least 8 characters, masked."""
    ordered = sorted(secrets, key=len, reverse=True)
    for secret in ordered:
        text = text.replace(secret, MASK)
    # Most messages hold no slice at all: asking ``in`` for each slice is a C search, where
    # sliding a window over the text in Python cost 40 µs a message.
    grams = {gram for secret in ordered for gram in _slices(secret) if gram in text}
    if not grams:
        return text
    covered = [False] * len(text)
    for start in range(len(text) - _SLICE + 1):
        if text[start : start + _SLICE] in grams:
            covered[start : start + _SLICE] = [True] * _SLICE
    return mask_covered(text, covered)


def mask_covered(text: str, covered: list[bool]) -> str:
    """``text`` with each run of covered characters replaced by one mask."""
    pieces: list[str] = []
    for index, char in enumerate(text):
        if not covered[index]:
            pieces.append(char)
        elif index == 0 or not covered[index - 1]:
            pieces.append(MASK)
    return "".join(pieces)


@lru_cache(maxsize=256)
def _slices(secret: str) -> tuple[str, ...]:
    """Every run of :data:`_SLICE` characters of ``secret`` (none for shorter secrets)."""
    return tuple({secret[i : i + _SLICE] for i in range(len(secret) - _SLICE + 1)})


def redact_diagnostics(diagnostics: list[Diagnostic], value: Any) -> list[Diagnostic]:
    """The engine's safety net: ``diagnostics`` with every secret of ``value`` masked."""
    secrets = literals(value) if diagnostics else frozenset()
    if not secrets:
        return diagnostics
    masked = []
    for diagnostic in diagnostics:
        message = redact(diagnostic.message, secrets)
        hint = redact(diagnostic.hint, secrets) if diagnostic.hint else diagnostic.hint
        unchanged = message == diagnostic.message and hint == diagnostic.hint
        masked.append(diagnostic if unchanged else replace(diagnostic, message=message, hint=hint))
    return masked


def redact_source(text: str, value: Any) -> str:
    """``text`` (a file's source) with every secret starred out, same length, so that excerpts
    (``--show-source``) keep their columns and show no secret.

    Secrets come from the parsed ``value`` and, for files that did not parse, from the text.
    """
    found = literals(value) | _text_literals(text)
    for secret in sorted(found, key=len, reverse=True):
        text = text.replace(secret, "*" * len(secret))
    return text


_ASSIGNMENT = LazyPattern(
    r"""["']?(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]+)["']?\s*[:=]\s*["']?(?:(?:bearer|basic|token)\s+)?([^"'\s,}\]]+)""",
    re.IGNORECASE,
)
"""A ``key: value`` or ``key = value`` pair; the key is a whole word (the lookbehind)."""
_KEY_CHARS = frozenset(string.ascii_letters + string.digits + "_.-\u0130\u0131\u017f\u212a")
"""What ``[A-Za-z0-9_.-]`` matches under IGNORECASE (ASCII, and four letters it folds to ASCII)."""
_NAME_WORDS = ("secret", "token", "pass", "pwd", "auth", "credential", "bearer", "key", "jwt", "cookie")
"""Every name :func:`is_secret_name` accepts holds one of these once lowered."""


def _text_literals(text: str) -> frozenset[str]:
    """Secrets visible in raw text (``api_key: ...`` pairs, URL credentials, key shapes)."""
    found = {literal for _, literal in token_shapes(text)}
    found.update(literal for _, literal in url_credentials(text))
    for match in _assignments(text):
        if is_secret_name(match.group(1)) and not is_placeholder(match.group(2)):
            found.add(match.group(2))
    return frozenset(s for s in found if len(s) >= _MIN_SECRET)
