"""Shared readings of the llm, tts, stt and conversational_flow layers for the LLM/TTS/STT/FLOW rules.

Every answer applies the revision's documented defaults (``linter.facts``): an omitted
``tts_engine`` is Cartesia, an omitted ``stt_engine`` the revision's default engine, and so on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.diagnostic import Applicability, Finding, Fix, JsonValue, RemoveMember, RenameKey, ReplaceValue
from linter.rule import Persona
from linter.tavus.facts import Choice, VoiceFamily
from linter.util import pointer as ptr

HOSTED_PREFIX = "tavus-"
ENGINE_LABELS = {"cartesia": "Cartesia", "elevenlabs": "ElevenLabs", "azure": "Azure", "playht": "PlayHT"}


def is_true(value: object) -> bool:
    """``true``, or the string ``"true"`` Tavus' own examples send for booleans."""
    return value is True or value == "true"


def engine_label(engine: str) -> str:
    return ENGINE_LABELS.get(engine, engine)


def llm_model(persona: Persona) -> str | None:
    """``layers.llm.model`` when it is a non-empty string."""
    model = persona.get_str("/layers/llm/model")
    return model if model else None


def is_hosted(model: str) -> bool:
    """Tavus-hosted names all start with ``tavus-``; anything else is a custom model.

    Source: https://docs.tavus.io/sections/conversational-video-interface/persona/llm
    """
    return model.lower().startswith(HOSTED_PREFIX)


def tts_engine(persona: Persona) -> str | None:
    """The TTS engine in effect: ``tts_engine``, Cartesia when omitted, ``None`` when not a string."""
    engine = persona.get("/layers/tts/tts_engine")
    if engine is None:
        return "cartesia"
    return engine if isinstance(engine, str) else None


def family_of_model(persona: Persona, model: str) -> VoiceFamily | None:
    """The model family a ``tts_model_name`` belongs to, whatever the engine."""
    for family in persona.facts.voice_families:
        if re.fullmatch(family.pattern, model):
            return family
    return None


def engine_families(persona: Persona, engine: str) -> tuple[VoiceFamily, ...]:
    return tuple(f for f in persona.facts.voice_families if f.engine == engine)


def voice_family(persona: Persona) -> VoiceFamily | None:
    """The family whose ``voice_settings`` apply: from the engine and its (default) model.

    ``None`` when it cannot be told: an unknown model name, a model of another engine (TTS001
    reports that), or a Cartesia persona with no model in a revision whose default is unknown.
    """
    engine = tts_engine(persona)
    if engine is None:
        return None
    families = engine_families(persona, engine)
    if len(families) == 1:
        return families[0]
    model = persona.get_str("/layers/tts/tts_model_name")
    if model is None and engine == "cartesia":
        model = persona.facts.default_tts_model
    family = family_of_model(persona, model) if model else None
    return family if family is not None and family.engine == engine else None


def engine_voice_keys(persona: Persona, engine: str) -> frozenset[str] | None:
    """Every ``voice_settings`` key some model of ``engine`` takes; ``None`` when undocumented."""
    keys: set[str] = set()
    for family in engine_families(persona, engine):
        if family.keys is None:
            return None
        keys |= family.keys
    return frozenset(keys) if engine_families(persona, engine) else None


def stt_engine(persona: Persona) -> str | None:
    """The STT engine in effect: ``stt_engine``, the revision's default when omitted."""
    engine = persona.get("/layers/stt/stt_engine")
    if engine is None:
        return persona.facts.default_stt_engine
    return engine if isinstance(engine, str) else None


def turn_detection_model(persona: Persona) -> str | None:
    """The turn-detection model when ``conversational_flow`` is active (any field set), else ``None``."""
    if not persona.facts.has_conversational_flow:
        return None
    flow = persona.layer("conversational_flow")
    if not flow:
        return None
    model = flow.get("turn_detection_model")
    if model is None:
        return persona.facts.default_turn_detection_model
    return model if isinstance(model, str) else None


def stt_turn_taking_overridden(persona: Persona) -> str | None:
    """The turn-detection model that overrides the STT layer's Sparrow-0 settings, if any."""
    model = turn_detection_model(persona)
    return model if model in persona.facts.overriding_turn_models else None


def status_finding(pointer: str, what: str, choice: Choice, value: object) -> Finding:
    """A finding for a deprecated or removed ``value``: ``what``, the table's note, the replacement.

    The replacement is an unsafe fix: the documented successor answers, but voices, timing or
    behaviour change, so a person should try it.
    """
    why = f" ({choice.note})" if choice.note else ""
    if not choice.replacement:
        return Finding(pointer, what + why)
    fix = replace_value(pointer, value, choice.replacement)
    return Finding(pointer, what + why, hint=f"use {choice.replacement!r}", fix=fix)


def remove_member(pointer: str, applicability: Applicability = "unsafe") -> Fix:
    """A fix that removes the member at ``pointer``."""
    return Fix(f"Remove '{ptr.display(pointer)}'", applicability, (RemoveMember(pointer),))


def rename_key(pointer: str, new_key: str, applicability: Applicability = "safe") -> Fix:
    """A fix that renames the member at ``pointer`` to ``new_key``, keeping its value."""
    return Fix(f"Rename '{ptr.split(pointer)[-1]}' to '{new_key}'", applicability, (RenameKey(pointer, new_key),))


def replace_value(pointer: str, old: object, new: JsonValue, applicability: Applicability = "unsafe") -> Fix:
    """A fix that writes ``new`` where ``old`` is."""
    return Fix(f"Replace {old!r} with {new!r}", applicability, (ReplaceValue(pointer, new),))


def custom_base_url(persona: Persona) -> str | None:
    """``llm.base_url`` when a custom (non-hosted) model will call it, else ``None``."""
    model = llm_model(persona)
    base_url = persona.get_str("/layers/llm/base_url")
    if model is None or is_hosted(model) or not base_url or not base_url.strip():
        return None
    return base_url


def has_http_scheme(url: str) -> bool:
    return re.match(r"https?://", url.strip(), re.IGNORECASE) is not None


def family_label(persona: Persona, family: VoiceFamily) -> str:
    """``Cartesia sonic-3``, ``ElevenLabs``: the engine, plus the model family when it has several."""
    label = engine_label(family.engine)
    return f"{label} {family.name}" if len(engine_families(persona, family.engine)) > 1 else label


def selected_label(persona: Persona, family: VoiceFamily) -> str:
    """The selected family's label, saying so when it comes from the revision's default model."""
    label = family_label(persona, family)
    if family.engine == "cartesia" and persona.get("/layers/tts/tts_model_name") is None:
        return f"{label} (the default model)"
    return label


def hosted_model_status(persona: Persona, status: str, phrase: str) -> Iterator[Finding]:
    """LLM002/LLM003: the hosted model when its status in the revision is ``status``."""
    model = llm_model(persona)
    choice = persona.facts.hosted_models.get(model) if model else None
    if choice is not None and choice.status == status:
        what = f"hosted model {model!r} {phrase} in revision {persona.revision}"
        yield status_finding("/layers/llm/model", what, choice, model)


def guide_only_levels(persona: Persona, layer: str, fields: tuple[str, ...], documented: str) -> Iterator[Finding]:
    """STT004/FLOW002: ``verylow``/``superlow`` values that only guide pages use, with the closest API value."""
    levels = persona.facts.guide_only_levels
    values = persona.layer(layer)
    for field in fields:
        value = values.get(field)
        if isinstance(value, str) and value in levels:
            yield Finding(
                f"/layers/{layer}/{field}",
                f"{field} {value!r} {documented}",
                hint=f"use {levels[value]!r}",
                fix=replace_value(f"/layers/{layer}/{field}", value, levels[value]),
            )
