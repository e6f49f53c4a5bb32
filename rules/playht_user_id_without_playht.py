"""TTS004: ``playht_user_id`` while the engine is not PlayHT."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from rules._layers import engine_label, remove_member, tts_engine


@rule(code="TTS004", name="playht-user-id-without-playht", severity="warning", fix="safe: removes playht_user_id")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`playht_user_id` is set but `tts_engine` is not `playht`.

    Why: `playht_user_id` is a PlayHT credential and only meaningful with `tts_engine: "playht"`;
    with any other engine it is ignored
    (https://docs.tavus.io/sections/conversational-video-interface/persona/tts). Tavus' own 2025
    create-persona example pairs it with Cartesia.
    """
    engine = tts_engine(persona)
    if engine is None or engine == "playht" or not persona.has("/layers/tts/playht_user_id"):
        return
    removed = persona.facts.tts_engines.get("playht")
    gone = " (PlayHT itself was removed on 2026-01-08)" if removed and removed.status == "removed" else ""
    yield Finding(
        "/layers/tts/playht_user_id",
        f"playht_user_id only applies to PlayHT; the engine here is {engine_label(engine)}{gone}",
        target="key",
        hint="remove playht_user_id",
        fix=remove_member("/layers/tts/playht_user_id", "safe"),
    )
