"""TTS003: a ``voice_settings`` value outside what the selected engine and model take."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.facts import VoiceFamily
from linter.tavus.redact import number, show
from rules._layers import engine_families, engine_label, selected_label, tts_engine, voice_family


@rule(code="TTS003", name="voice-setting-out-of-range", severity="warning")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A `voice_settings` `speed`, `volume` or `emotion` value is outside what the engine and model take.

    Why: ElevenLabs `speed` is 0.7-1.2 (a 2025 API page said 0.0-1.0, so only values outside 0.0-1.2
    are reported); Cartesia Sonic-1 `speed` is -1.0..1.0 or a legacy word (`slowest`, `slow`,
    `normal`, `fast`, `fastest`; sonic-2 takes them too); Cartesia sonic-3 `speed` is 0.6-1.5 and
    `volume` 0.5-2.0; `emotion` entries are `name` or `name:level` with the names `anger`,
    `positivity`, `surprise`, `sadness`, `curiosity` and the levels Tavus (`low`, `medium`, `high`)
    or Cartesia (`lowest`, `highest`) document. Numbers sent as strings (`"0.9"`) are not documented
    (https://docs.tavus.io/sections/conversational-video-interface/persona/tts,
    https://docs.cartesia.ai/build-with-cartesia/sonic-3/volume-speed-emotion).
    """
    settings = persona.get_dict("/layers/tts/voice_settings")
    engine = tts_engine(persona)
    if not settings or engine is None:
        return
    family = voice_family(persona)
    if family is None:
        family = _any_model(persona, engine)
    if family.keys == frozenset() or (family.keys is None and family.name):
        return  # Azure: TTS002 reports every key; PlayHT: no keys documented
    if family.keys is None or "speed" in family.keys:  # None: the union for an unknown model
        yield from _speed(persona, family, settings.get("speed"))
    if family.volume is not None:
        yield from _number(persona, family, "volume", settings.get("volume"), family.volume, "")
    if family.emotions:
        yield from _emotions(family, settings.get("emotion"))


def _speed(persona: Persona, family: VoiceFamily, value: Any) -> Iterator[Finding]:
    where = "/layers/tts/voice_settings/speed"
    if isinstance(value, str) and _numeric(value):
        yield Finding(where, f"speed is the string {show(value)}; send a number", hint=f"use {number(float(value))}")
    elif isinstance(value, str) and value not in family.speed_words:
        label = _label(persona, family)
        if family.speed_text:
            takes = f"a number {family.speed_text}"
        elif family.speed_words:
            takes = "a number or one of " + ", ".join(sorted(family.speed_words))
        else:
            takes = "a number"
        legacy = " (a legacy Cartesia Sonic-1 word)" if value in _all_words(persona) else ""
        yield Finding(where, f"speed is {show(value)}{legacy}; {label} takes {takes}", hint="use a number such as 1.0")
    elif family.speed is not None:
        yield from _number(persona, family, "speed", value, family.speed, family.speed_text)


def _number(
    persona: Persona, family: VoiceFamily, key: str, value: Any, bounds: tuple[float, float], text: str
) -> Iterator[Finding]:
    where = f"/layers/tts/voice_settings/{key}"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return  # other types, and numbers sent as strings for volume: the schema's type error
    low, high = bounds
    if not low <= value <= high:
        shown = text or f"{low:.1f}-{high:.1f}"
        yield Finding(where, f"{key} is {number(value)}, outside the {shown} that {_label(persona, family)} takes")


def _emotions(family: VoiceFamily, value: Any) -> Iterator[Finding]:
    if not isinstance(value, list):
        return
    for index, entry in enumerate(value):
        if not isinstance(entry, str):
            continue
        name, _, level = entry.partition(":")
        problem = None
        if name.strip() not in family.emotions:
            problem = f"{name.strip()!r} is not an emotion name; use one of {', '.join(sorted(family.emotions))}"
        elif level and level.strip() not in family.emotion_levels:
            problem = f"{level.strip()!r} is not an emotion level; use one of low, medium, high (or lowest, highest)"
        if problem:
            yield Finding(f"/layers/tts/voice_settings/emotion/{index}", f"emotion entry {show(entry)}: {problem}")


def _any_model(persona: Persona, engine: str) -> VoiceFamily:
    """What every model of ``engine`` accepts, for an unknown or unstated model: no ranges."""
    families = engine_families(persona, engine)
    return VoiceFamily(
        engine, "", "", None,
        speed_words=frozenset(w for f in families for w in f.speed_words),
        emotions=frozenset(e for f in families for e in f.emotions),
        emotion_levels=frozenset(e for f in families for e in f.emotion_levels),
    )


def _label(persona: Persona, family: VoiceFamily) -> str:
    return selected_label(persona, family) if family.name else engine_label(family.engine)


def _all_words(persona: Persona) -> frozenset[str]:
    return frozenset(w for f in persona.facts.voice_families for w in f.speed_words)


def _numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
