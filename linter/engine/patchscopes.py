"""Which persona rules can judge a patch value on its own, and at what depth.

A rule reads some part of a persona. When an operation supplies that whole part (its path is
the part or one of its ancestors), the rule sees on the value exactly what it would see in the
patched persona, so it runs on the value alone. Rules that compare across parts (a prompt
against the tool list, the pipeline mode against a layer) are not listed: only ``--base``,
which lints the patched persona, can judge them.

A scope is a JSON Pointer pattern where ``*`` stands for any array index; ``ANYWHERE`` means
the rule judges every string on its own (the secrets checks).
"""

from __future__ import annotations

from functools import lru_cache

from linter.tavus.known_mistakes import ID_FIELDS, LENIENT_BOOLEANS
from linter.tavus.persona import TOOL_LIST_POINTERS

ANYWHERE = "**"
_TOOL = tuple(f"{where}/*" for where in TOOL_LIST_POINTERS)
_PERCEPTION_TOOL = tuple(f"{where}/*" for where in TOOL_LIST_POINTERS if "perception" in where)


def _layer(name: str) -> tuple[str, ...]:
    return (f"/layers/{name}",)


SCOPES: dict[str, tuple[str, ...]] = {
    # One tool definition at a time.
    **{code: _TOOL for code in (
        "TOOL001", "TOOL002", "TOOL003", "TOOL005", "TOOL006", "TOOL007", "TOOL008", "TOOL009",
        "TOOL010", "TOOL011", "TOOL013", "TOOL014", "TOOL015", "TOOL021", "TOOL022",
    )},
    "PERC010": _PERCEPTION_TOOL,
    # A whole tool list.
    **{code: TOOL_LIST_POINTERS for code in ("TOOL004", "TOOL012", "TOOL019")},
    # A whole layer.
    **{code: _layer("llm") for code in (
        "LLM001", "LLM002", "LLM003", "LLM004", "LLM005", "LLM006", "LLM007", "LLM009",
    )},
    **{code: _layer("tts") for code in (
        "TTS001", "TTS002", "TTS003", "TTS004", "TTS005", "TTS006", "TTS008", "TTS009", "TTS010",
    )},
    **{code: _layer("stt") for code in ("STT001", "STT002", "STT003", "STT004", "STT006")},
    **{code: _layer("perception") for code in (
        "PERC004", "PERC005", "PERC006", "PERC007", "PERC008", "PERC009", "PERC011",
    )},
    **{code: _layer("conversational_flow") for code in (
        "FLOW001", "FLOW002", "FLOW003", "FLOW004", "FLOW005", "FLOW006",
    )},
    # One field at a time.
    "PIPE008": tuple(field.pointer for field in LENIENT_BOOLEANS),
    "PIPE011": tuple(field.pointer for field in ID_FIELDS),
    "PIPE010": ("/layers/conferencing/username",),
    # Every string on its own.
    **{code: (ANYWHERE,) for code in ("SEC001", "SEC002", "SEC003", "SEC004")},
}


@lru_cache(maxsize=1024)  # keyed by patch paths (user input): bounded for the language server
def rules_for(where: str) -> frozenset[str]:
    """The codes of the rules that can judge a value at ``where`` (indexes written ``0``) alone."""
    tokens = where.split("/")[1:] if where else []
    return frozenset(code for code, scopes in SCOPES.items() if any(covers(tokens, scope) for scope in scopes))


def covers(tokens: list[str], scope: str) -> bool:
    """True when a value at ``tokens`` (indexes written ``0``) holds all of ``scope``."""
    if scope == ANYWHERE:
        return True
    wanted = scope.split("/")[1:]
    if len(tokens) > len(wanted):
        return False
    return all(token == want or (want == "*" and token == "0") for token, want in zip(tokens, wanted, strict=False))
