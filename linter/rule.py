"""The interface a rule is written against, for built-in and third-party rules alike.

``rule`` declares a check, ``Finding`` is what it yields (with an optional ``Fix`` made of
``ReplaceValue``, ``RenameKey``, ``RemoveMember``, ``AddMember`` and ``Hoist`` edits), ``Persona`` is what it reads, and
``Facts`` (``persona.facts``) is what persona-lint knows about the revision being checked.
``patch_rule`` declares a check on a JSON Patch body, which reads a ``Patch`` (its ``Operation``
values) instead of a ``Persona``.
docs/writing-rules.md documents each of them.
"""

from linter.diagnostic import (
    AddMember,
    Applicability,
    Edit,
    Finding,
    Fix,
    Hoist,
    JsonValue,
    RemoveMember,
    RemoveText,
    RenameKey,
    ReplaceValue,
)
from linter.document.patch import Operation
from linter.engine.declaration import FAMILIES, Rule, patch_rule, rule
from linter.tavus.facts import Choice, Facts, VoiceFamily
from linter.tavus.patch import Patch
from linter.tavus.persona import PERSONA_KEYS, TOOL_LIST_POINTERS, Persona

__all__ = [
    "FAMILIES", "PERSONA_KEYS", "TOOL_LIST_POINTERS", "AddMember", "Applicability", "Choice", "Edit", "Facts",
    "Finding", "Fix", "Hoist", "JsonValue", "Operation", "Patch", "Persona", "RemoveMember", "RemoveText", "RenameKey",
    "ReplaceValue", "Rule", "VoiceFamily", "patch_rule", "rule",
]
