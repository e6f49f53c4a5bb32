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
from linter.tavus.patch import Patch
from linter.tavus.persona import Persona

Options = TypeVar("Options")
CheckFunction = Callable[[Persona, Any], Iterator[Finding]]
PatchCheckFunction = Callable[[Patch, Any], Iterator[Finding]]

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
    "PATCH": "JSON Patch bodies",
    "MIG": "migration between API revisions",
    "INT": "internal errors",
    "SUP": "suppressions and baseline",
    "POL": "team policies",
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
    patch_check: PatchCheckFunction | None = None
    """The check of a ``PATCH`` rule, which reads a patch document instead of a persona."""
    fix: str | None = None
    """What the rule's fix does, after its applicability: ``"safe: writes the boolean"``; ``None``: no fix."""

    @property
    def fix_applicability(self) -> str:
        """``safe``, ``unsafe``, ``safe or unsafe`` (it depends on the finding) or ``none``."""
        return self.fix.partition(": ")[0] if self.fix else "none"

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
    fix: str | None = None,
) -> Callable[[CheckFunction], Rule[Any]]:
    """Declare a rule; the function's docstring is its documentation.

    The first docstring line is the summary; the rest (starting with ``Why:``) is the page
    ``persona-lint explain CODE`` prints. The rule applies to the API revisions of ``kinds``
    (``"persona"``, ``"pal"``; default both) dated on or after revision ``since`` (default: all),
    so a new revision of those kinds gets the rule without touching it. ``added`` is the
    persona-lint version that introduced the rule. ``fix`` says what the rule's fix does, after its
    applicability (``"safe: ..."``, ``"unsafe: ..."`` or ``"safe or unsafe: ..."``).
    """
    _check_scope(code, kinds, since)
    check_fix(code, fix)

    def declare(check: CheckFunction) -> Rule[Any]:
        summary, why = split_doc(inspect.getdoc(check) or "")
        return Rule(
            code=code, name=name, severity=Severity(severity), summary=summary, why=why, added=added,
            kinds=tuple(kinds), since=since, check=check, options=options, module=check.__module__, fix=fix,
        )

    return declare


FIX_APPLICABILITIES = ("safe", "unsafe", "safe or unsafe")


def check_fix(code: str, fix: str | None) -> None:
    """Refuse a fix description that does not start with its applicability."""
    if fix is not None and fix.partition(": ")[0] not in FIX_APPLICABILITIES:
        raise ValueError(f"rule {code}: fix must start with one of {FIX_APPLICABILITIES} and ': ', not {fix!r}")


def patch_rule(
    *, code: str, name: str, severity: str, added: str = "0.1.0", options: type[Any] | None = None,
) -> Callable[[PatchCheckFunction], Rule[Any]]:
    """Declare a rule on JSON Patch bodies; documented like :func:`rule`."""

    def declare(check: PatchCheckFunction) -> Rule[Any]:
        summary, why = split_doc(inspect.getdoc(check) or "")
        return Rule(
            code=code, name=name, severity=Severity(severity), summary=summary, why=why, added=added,
            kinds=revisions.KINDS, since=None, check=None, options=options,
            module=check.__module__, patch_check=check,
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
