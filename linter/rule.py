"""The interface a rule is written against, for built-in and third-party rules alike.

``rule`` declares a check, ``Finding`` is what it yields (with an optional ``Fix`` made of
``ReplaceValue``, ``RenameKey``, ``RemoveMember`` and ``AddMember`` edits), ``Persona`` is what it reads, and
``Facts`` (``persona.facts``) is what persona-lint knows about the revision being checked.
docs/writing-rules.md documents each of them.
"""

from linter.diagnostic import (
    AddMember,
    Applicability,
    Edit,
    Finding,
    Fix,
    JsonValue,
    RemoveMember,
    RenameKey,
    ReplaceValue,
)
from linter.engine.declaration import FAMILIES, Rule, rule
from linter.tavus.facts import Choice, Facts, VoiceFamily
from linter.tavus.persona import PERSONA_KEYS, TOOL_LIST_POINTERS, Persona

__all__ = [
    "FAMILIES", "PERSONA_KEYS", "TOOL_LIST_POINTERS", "AddMember", "Applicability", "Choice", "Edit", "Facts",
    "Finding", "Fix", "JsonValue", "Persona", "RemoveMember", "RenameKey", "ReplaceValue", "Rule", "VoiceFamily",
    "rule",
]
