"""How a rule is declared, and the forgiving view of a persona that rules read.

A rule is a pure function of the parsed persona: no I/O, no positions, no severities. It
yields :class:`~linter.diagnostic.Finding` objects; the engine stamps code, severity and
position. Rules run even when the schema failed, so they read through :class:`Persona`'s
getters, which never raise.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Hashable, Iterator
from functools import lru_cache
from typing import Any, Generic, NamedTuple, TypeVar

from linter import pointer as ptr
from linter import revisions
from linter.diagnostic import Finding, Severity
from linter.facts import Facts, facts

Options = TypeVar("Options")
T = TypeVar("T")
CheckFunction = Callable[["Persona", Any], Iterator[Finding]]

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


class Persona:
    """A read-only, forgiving view of a persona document and the revision it is read under."""

    __slots__ = ("_memo", "_values", "data", "facts", "revision")

    def __init__(self, data: Any, revision: str) -> None:
        self.data: Any = data
        self.revision = revision
        self.facts: Facts = facts(revision)
        self._memo: dict[Hashable, Any] = {}
        self._values: dict[str, Any] = {}

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, once per persona: what several rules derive (tool lists, walks) is shared."""
        try:
            found: T = self._memo[key]
        except KeyError:
            found = self._memo[key] = compute()
        return found

    def get(self, pointer: str, default: Any = None) -> Any:
        """The value at ``pointer``, or ``default`` when any step is missing or of another type."""
        # Rules read about 140 pointers a file, most of them several times (every layer rule
        # asks for its layer): each is walked once per persona.
        try:
            found = self._values[pointer]
        except KeyError:
            found = self._values[pointer] = ptr.resolve(self.data, _tokens(pointer), _ABSENT)
        return default if found is _ABSENT else found

    def has(self, pointer: str) -> bool:
        return self.get(pointer, _ABSENT) is not _ABSENT

    def get_str(self, pointer: str) -> str | None:
        value = self.get(pointer)
        return value if isinstance(value, str) else None

    def get_dict(self, pointer: str) -> dict[str, Any]:
        value = self.get(pointer)
        return value if isinstance(value, dict) else {}

    def get_list(self, pointer: str) -> list[Any]:
        value = self.get(pointer)
        return value if isinstance(value, list) else []

    def layer(self, name: str) -> dict[str, Any]:
        """``layers.<name>`` as a dict (empty when absent or not an object)."""
        return self.get_dict(f"/layers/{name}")

    def has_layer(self, name: str) -> bool:
        return isinstance(self.get(f"/layers/{name}"), dict)

    @property
    def pipeline_mode(self) -> str:
        """The pipeline mode, ``full`` when omitted (the documented default)."""
        mode = self.get("/pipeline_mode")
        return mode if isinstance(mode, str) else "full"

    @property
    def prompt(self) -> str:
        """``system_prompt`` and ``context`` together: everything the LLM is told."""
        parts = (self.get_str("/system_prompt"), self.get_str("/context"))
        return "\n".join(part for part in parts if part)

    def tool_lists(self) -> Iterator[tuple[str, list[Any]]]:
        """Every tool array present: ``llm.tools`` and the perception tool arrays, with pointers."""
        for where in TOOL_LIST_POINTERS:
            tools = self.get(where)
            if isinstance(tools, list):
                yield where, tools

    def tools(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Every tool object (``{"type": "function", "function": {...}}``) with its pointer."""
        for where, tools in self.tool_lists():
            for index, tool in enumerate(tools):
                if isinstance(tool, dict):
                    yield ptr.join(where, index), tool


_ABSENT = object()


@lru_cache(maxsize=4096)
def _tokens(pointer: str) -> tuple[str, ...]:
    # Rules read the same few hundred pointers on every file: split each once.
    return tuple(ptr.split(pointer))


PERSONA_KEYS = frozenset({
    "persona_name", "pal_name", "system_prompt", "pipeline_mode", "context", "default_replica_id",
    "default_face_id", "layers", "persona_id", "pal_id", "document_ids", "document_tags",
    "objectives_id", "guardrails_id", "guardrail_ids", "guardrail_tags", "greeting",
})
"""Top-level keys of every revision: a walked JSON file with none of them is not a persona."""


TOOL_LIST_POINTERS = (
    "/layers/llm/tools",
    "/layers/perception/perception_tools",
    "/layers/perception/visual_tools",
    "/layers/perception/audio_tools",
)


def tool_name(tool: dict[str, Any]) -> str | None:
    """The tool's ``function.name`` (or a flat ``name``), when it is a string."""
    function = tool.get("function")
    name = function.get("name") if isinstance(function, dict) else tool.get("name")
    return name if isinstance(name, str) else None
