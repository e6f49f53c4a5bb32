"""The forgiving, read-only view of a persona document that rules read."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from functools import lru_cache
from typing import Any, TypeVar

from linter.tavus.facts import Facts, facts
from linter.util import pointer as ptr

T = TypeVar("T")


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

