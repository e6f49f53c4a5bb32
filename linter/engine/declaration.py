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
    since: str
    first_revision: str | None
    last_revision: str | None
    check: CheckFunction | None
    options: type[Options] | None
    module: str

    @property
    def family(self) -> str:
        return self.code.rstrip("0123456789")

    def applies_to(self, revision: str) -> bool:
        if self.first_revision and revisions.order(revision) < revisions.order(self.first_revision):
            return False
        return not (self.last_revision and revisions.order(revision) > revisions.order(self.last_revision))

    def default_options(self) -> Options | None:
        return self.options() if self.options is not None else None


def rule(
    *,
    code: str,
    name: str,
    severity: str,
    since: str = "0.1.0",
    first_revision: str | None = None,
    last_revision: str | None = None,
    options: type[Any] | None = None,
) -> Callable[[CheckFunction], Rule[Any]]:
    """Declare a rule; the function's docstring is its documentation.

    The first docstring line is the summary; the rest (starting with ``Why:``) is the page
    ``persona-lint explain CODE`` prints. ``first_revision``/``last_revision`` bound the API
    revisions the rule applies to.
    """

    def declare(check: CheckFunction) -> Rule[Any]:
        summary, why = split_doc(inspect.getdoc(check) or "")
        return Rule(
            code=code, name=name, severity=Severity(severity), summary=summary, why=why, since=since,
            first_revision=first_revision, last_revision=last_revision, check=check,
            options=options, module=check.__module__,
        )

    return declare


def split_doc(doc: str) -> tuple[str, str]:
    """The first paragraph (joined to one line) and the rest of a docstring."""
    head, _, rest = doc.strip().partition("\n\n")
    return " ".join(head.split()), rest.strip()
