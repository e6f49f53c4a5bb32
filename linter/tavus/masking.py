"""The one place secrets are masked: every diagnostic field and the kept source text pass here.

A :class:`Masker` is built once per document from every secret the document holds, found in
its parsed keys and values (:func:`linter.tavus.secrets.find_secrets`), in its raw text (so
a file that does not parse, a YAML alias name or tag, and a comment are covered too) and in
the messages of its syntax problems (a YAML tag as resolved). Where a
secret is written with escapes (JSON ``\\u0032``, YAML ``\\x78`` or a backslash-newline
continuation), the raw text differs from the parsed value: the raw form of that key or value
is a secret too; and the raw text is also read with its ``\\u``, ``\\x`` and ``%XX`` escapes
decoded, for escapes no parser decoded (a file that does not parse, a YAML tag).

Masking costs time linear in the text masked, whatever the number of secrets: every run of
:data:`SLICE` characters copied from a secret is looked up in one set.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from linter.diagnostic import Diagnostic
from linter.document.model import Document
from linter.tavus.redact import MASK
from linter.tavus.secrets import (
    MIN_SECRET,
    SecretHit,
    credential_forms,
    find_secrets,
    text_literals,
    token_shapes,
    url_credentials,
)
from linter.util import pointer as ptr
from linter.util.lazy_regex import LazyPattern

SLICE = 8
"""Any run of this many characters copied from a secret is masked (truncated values leak prefixes)."""


class Masker:
    """Masks every secret of one document, and every :data:`SLICE`-character slice of one."""

    __slots__ = ("_grams", "_short", "_short_lengths")

    def __init__(self, secrets: Iterable[str]) -> None:
        grams: set[str] = set()
        short: set[str] = set()
        for secret in secrets:
            if len(secret) >= SLICE:
                grams.update(secret[i : i + SLICE] for i in range(len(secret) - SLICE + 1))
            elif len(secret) >= MIN_SECRET:
                short.add(secret)
        self._grams = frozenset(grams)
        self._short = frozenset(short)
        self._short_lengths = tuple(sorted({len(s) for s in short}, reverse=True))

    def __bool__(self) -> bool:
        return bool(self._grams or self._short)

    def covered(self, text: str) -> list[bool] | None:
        """Which characters of ``text`` belong to a secret, or ``None`` when none does."""
        if not self or not text:
            return None
        grams, short, lengths = self._grams, self._short, self._short_lengths
        covered: list[bool] | None = None
        reach = 0  # the first character not yet covered by a match found so far
        for start in range(len(text)):
            end = 0
            if grams and text[start : start + SLICE] in grams:
                end = start + SLICE
            else:
                for length in lengths:
                    if text[start : start + length] in short:
                        end = start + length
                        break
            if end:
                if covered is None:
                    covered = [False] * len(text)
                for index in range(max(start, reach), end):
                    covered[index] = True
                reach = max(reach, end)
        return covered

    def mask(self, text: str) -> str:
        """``text`` with each run of secret characters replaced by one :data:`MASK`."""
        covered = self.covered(text)
        if covered is None:
            return text
        pieces: list[str] = []
        for index, char in enumerate(text):
            if not covered[index]:
                pieces.append(char)
            elif index == 0 or not covered[index - 1]:
                pieces.append(MASK)
        return "".join(pieces)

    def star(self, text: str) -> str:
        """``text`` with every secret character starred out, line breaks kept: same length and
        same lines, so that source excerpts keep their positions."""
        covered = self.covered(text)
        if covered is None:
            return text
        return "".join("*" if covered[i] and c not in "\r\n" else c for i, c in enumerate(text))


def document_masker(document: Document) -> Masker:
    """The masker of ``document`` (built once: the engine and the source excerpts share it)."""
    global _last
    last = _last
    if last is not None and last[0] is document:
        return last[1]
    masker = Masker(document_secrets(document))
    _last = (document, masker)
    return masker


_last: tuple[Document, Masker] | None = None


def document_secrets(document: Document) -> set[str]:
    """Every secret of ``document``: parsed keys and values, their raw forms, the raw text, and
    the text of its syntax problems (a YAML tag is shown resolved: ``%41`` escapes decoded and a
    ``%TAG`` prefix joined to its suffix, so a secret it holds is in none of the others)."""
    found: set[str] = set(text_literals(document.text))
    for problem in document.problems:  # shapes only: a message's own "'password': YAML ..." is no pair
        found.update(literal for _, literal in token_shapes(problem.message))
        found.update(literal for _, literal in url_credentials(problem.message))
    if "\\" in document.text or "%" in document.text:
        # A secret written with escapes where no parser decodes it (a file that does not parse,
        # a YAML tag's %XX, a comment): its unescaped form is a secret, and every 8 characters of
        # its raw form between the escapes are masked with it.
        unescaped = _ESCAPE.sub(_unescape, document.text)
        if unescaped != document.text:
            found.update(text_literals(unescaped))
    hits = find_secrets(document.value) if document.value is not None else []
    for hit in hits:
        for form in credential_forms(hit.secret):
            found.add(form)
            found.add(json.dumps(form, ensure_ascii=False)[1:-1])
            found.add(ptr.escape(form))
    found.update(_raw_forms(document, hits))
    return {secret for secret in found if len(secret) >= MIN_SECRET}


_ESCAPE = LazyPattern(r"\\u([0-9A-Fa-f]{4})|\\x([0-9A-Fa-f]{2})|%([0-9A-Fa-f]{2})")
"""One character written as a JSON ``\\u`` escape, a YAML ``\\x`` escape or a URI ``%XX`` escape."""


def _unescape(match: re.Match[str]) -> str:
    return chr(int(match.group(match.lastindex or 0), 16))


def _raw_forms(document: Document, hits: list[SecretHit]) -> set[str]:
    """The raw text of each key or value holding a secret, where it differs from the parsed text
    (escapes, continuations): the secret is not in the raw text as such, so its raw form is."""
    forms: set[str] = set()
    seen: set[tuple[str, str]] = set()
    for hit in hits:
        target = "key" if hit.in_key else "value"
        if (hit.pointer, target) in seen:
            continue
        seen.add((hit.pointer, target))
        raw = _raw(document, hit.pointer, target)
        if raw is not None and raw.strip("\"'") != _parsed(document.value, hit):
            forms.add(raw.strip("\"'"))
    return forms


def _parsed(value: Any, hit: SecretHit) -> str:
    if hit.in_key:
        return ptr.split(hit.pointer)[-1]
    found = ptr.resolve(value, ptr.split(hit.pointer))
    return found if isinstance(found, str) else json.dumps(found)


def _raw(document: Document, pointer: str, target: str) -> str | None:
    try:
        span = document.span(pointer, target)
    except Exception:  # positions are best effort; a failure must not hide the findings
        return None
    start, end = document.lines.offset(span.start), document.lines.offset(span.end)
    return document.text[start:end] if end > start else None


def mask_diagnostics(diagnostics: list[Diagnostic], document: Document) -> list[Diagnostic]:
    """``diagnostics`` with every secret of ``document`` masked in message, hint and pointer."""
    if not diagnostics:
        return diagnostics
    masker = document_masker(document)
    if not masker:
        return diagnostics
    masked = []
    for diagnostic in diagnostics:
        message = masker.mask(diagnostic.message)
        hint = masker.mask(diagnostic.hint) if diagnostic.hint else diagnostic.hint
        pointer = masker.mask(diagnostic.pointer)
        fix = diagnostic.fix
        if fix is not None and masker.mask(fix.title) != fix.title:  # --show-fixes prints titles
            fix = replace(fix, title=masker.mask(fix.title))
        unchanged = (
            message == diagnostic.message and hint == diagnostic.hint and pointer == diagnostic.pointer
            and fix is diagnostic.fix
        )
        masked.append(
            diagnostic if unchanged else replace(diagnostic, message=message, hint=hint, pointer=pointer, fix=fix)
        )
    return masked


def masked_source(document: Document) -> str:
    """The text of ``document`` with every secret starred out (for ``--show-source``)."""
    return document_masker(document).star(document.text)
