"""How a rule is declared: its identity, documentation, scope and check.

A rule is a pure function of the parsed persona: no I/O, no positions, no severities. It
yields :class:`~linter.diagnostic.Finding` objects; the engine stamps code, severity and
position. Rules run even when the schema failed, so they read through
:class:`~linter.tavus.persona.Persona`'s getters, which never raise.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from typing import Any, Generic, NamedTuple, TypeVar

from linter.diagnostic import Finding, Severity
from linter.tavus import revisions
from linter.tavus.persona import Persona

Options = TypeVar("Options")
CheckFunction = Callable[[Persona, Any], Iterator[Finding]]

FAMILIES = {
    "SYN": "file and syntax",
    "SCH": "schema",
    "PIPE": "persona level and pipeline mode",
    "LLM": "LLM layer",
    "TTS": "TTS layer",
    "STT": "STT layer",
    "PERC": "perception layer",
    "FLOW": "conversational flow layer",
    "TOOL": "function tools",
    "SEC": "secrets",
    "INT": "internal errors",
}


class Rule(NamedTuple, Generic[Options]):
    """A rule's identity, documentation and check. ``check`` is ``None`` for engine-made codes."""

    code: str
    name: str
    severity: Severity
    summary: str
    why: str
    added: str
    kinds: tuple[revisions.Kind, ...]
    since: str | None
    check: CheckFunction | None
    options: type[Options] | None
    module: str

    @property
    def family(self) -> str:
        return self.code.rstrip("0123456789")

    def applies_to(self, revision: str) -> bool:
        """Whether the rule runs on a body of ``revision``: by its kind and date, never its position."""
        return revisions.selects(revision, self.kinds, self.since)

    def default_options(self) -> Options | None:
        return self.options() if self.options is not None else None


def rule(
    *,
    code: str,
    name: str,
    severity: str,
    kinds: tuple[revisions.Kind, ...] = revisions.KINDS,
    since: str | None = None,
    added: str = "0.1.0",
    options: type[Any] | None = None,
) -> Callable[[CheckFunction], Rule[Any]]:
    """Declare a rule; the function's docstring is its documentation.

    The first docstring line is the summary; the rest (starting with ``Why:``) is the page
    ``persona-lint explain CODE`` prints. The rule applies to the API revisions of ``kinds``
    (``"persona"``, ``"pal"``; default both) dated on or after revision ``since`` (default: all),
    so a new revision of those kinds gets the rule without touching it. ``added`` is the
    persona-lint version that introduced the rule.
    """
    _check_scope(code, kinds, since)

    def declare(check: CheckFunction) -> Rule[Any]:
        summary, why = split_doc(inspect.getdoc(check) or "")
        return Rule(
            code=code, name=name, severity=Severity(severity), summary=summary, why=why, added=added,
            kinds=tuple(kinds), since=since, check=check, options=options, module=check.__module__,
        )

    return declare


def _check_scope(code: str, kinds: tuple[str, ...], since: str | None) -> None:
    # A typo here would silently switch the rule off for every revision: refuse it where it is made.
    if not kinds or any(kind not in revisions.KINDS for kind in kinds):
        raise ValueError(f"rule {code}: kinds must be a non-empty tuple of {revisions.KINDS}, not {kinds!r}")
    if since is not None and since not in revisions.BY_NAME:
        raise ValueError(f"rule {code}: since={since!r} is not a revision; known: {', '.join(revisions.NAMES)}")


def split_doc(doc: str) -> tuple[str, str]:
    """The first paragraph (joined to one line) and the rest of a docstring."""
    head, _, rest = doc.strip().partition("\n\n")
    return " ".join(head.split()), rest.strip()
