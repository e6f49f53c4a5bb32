"""A deterministic corpus of realistic persona bodies for the benchmark (revision 2026-06).

Each persona has 1 to 8 function tools that its system prompt names, a prompt of 200 to 3,000
characters, and the layers real personas use (llm, tts, stt, often conversational_flow and
perception). About one in five has exactly one mistake, of a kind drawn from :data:`MISTAKES`.
The same ``(count, seed)`` always gives the same bytes.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

GENERATOR_VERSION = "3"
"""Bumped when the generated personas change, so cached corpora are rebuilt."""

INVALID_SHARE = 0.2

_ROLES = (
    ("Acme Support Agent", "a warm and efficient customer-support agent for Acme Home Electronics"),
    ("Harbor Hotel Concierge", "the evening concierge of the Harbor Hotel in Lisbon"),
    ("Interview Coach", "a friendly hiring manager running a mock behavioural interview"),
    ("Clinic Intake Assistant", "the front-desk assistant of a small family clinic"),
    ("Bank Onboarding Guide", "a patient guide who helps new customers open a current account"),
    ("Language Partner", "a relaxed conversation partner for intermediate Spanish learners"),
    ("IT Helpdesk", "the first-line IT helpdesk of a mid-sized software company"),
    ("Sales Coach", "a sales coach who role-plays difficult discovery calls"),
)
_SENTENCES = (
    "Greet the person by name when you know it, and keep every answer short and easy to follow aloud.",
    "Ask one question at a time and wait for the whole answer before you move on.",
    "Never invent prices, dates or policies: say plainly when you do not know something.",
    "If the person sounds upset, acknowledge it in one sentence before you continue.",
    "Avoid lists and markdown; speak in full, natural sentences.",
    "Confirm names, numbers and spellings by reading them back once.",
    "Never ask for passwords, card numbers or other secrets.",
    "Close the conversation by summarising what was agreed and what happens next.",
    "When the person switches language, answer in their language if you can.",
    "Keep a friendly, professional tone, and do not joke about money or health.",
)
_VERBS = ("look_up", "create", "schedule", "cancel", "update", "check", "send", "find", "book", "report")
_NOUNS = ("order", "ticket", "appointment", "invoice", "callback", "account", "booking", "reminder", "refund", "room")
_FIELDS = (
    ("order_id", "string", "The order number the customer reads out, e.g. ACM-104233."),
    ("email", "string", "The email address to send the confirmation to."),
    ("preferred_time", "string", "Date and time the person prefers, in ISO 8601 format."),
    ("party_size", "integer", "How many people the booking is for."),
    ("summary", "string", "One-sentence description of the problem."),
    ("phone_number", "string", "Phone number to call, including the country code."),
    ("urgent", "boolean", "Whether the matter must be handled today."),
    ("amount", "number", "The amount in the account's currency."),
)
_MODELS = ("tavus-gpt-oss", "tavus-gpt-5.2", "tavus-claude-haiku-4.5", "tavus-gemini-3-flash")
_HEX = "0123456789abcdef"


def _tool(rng: random.Random, name: str) -> dict[str, Any]:
    fields = rng.sample(_FIELDS, rng.randint(1, 4))
    properties: dict[str, Any] = {}
    for field_name, kind, description in fields:
        properties[field_name] = {"type": kind, "description": description}
    if rng.random() < 0.3:
        properties["priority"] = {
            "type": "string", "enum": ["low", "normal", "urgent"], "description": "How quickly to act.",
        }
    noun = name.split("_", 1)[1].replace("_", " ")
    return {
        "type": "function",
        "function": {
            "name": name,
            "description": f"Use this to {name.split('_', 1)[0].replace('look', 'look up')} the {noun} for the person.",
            "parameters": {"type": "object", "properties": properties, "required": list(properties)},
        },
    }


def _prompt(rng: random.Random, who: str, tools: list[str]) -> str:
    target = rng.randint(200, 3000)
    parts = [f"You are {who}."]
    for name in tools:
        parts.append(f"When the person needs it, call {name} with the details they gave you.")
    while sum(len(p) + 1 for p in parts) < target:
        parts.append(rng.choice(_SENTENCES))
    return " ".join(parts)[: max(target, len(" ".join(parts[: 1 + len(tools)])))]


def persona(rng: random.Random) -> dict[str, Any]:
    """One valid persona body."""
    title, who = rng.choice(_ROLES)
    names: list[str] = []
    while len(names) < rng.randint(1, 8):
        name = f"{rng.choice(_VERBS)}_{rng.choice(_NOUNS)}"
        if name not in names:
            names.append(name)
    llm: dict[str, Any] = {"model": rng.choice(_MODELS), "speculative_inference": rng.random() < 0.7}
    llm["tools"] = [_tool(rng, name) for name in names]
    if rng.random() < 0.5:
        tts: dict[str, Any] = {"tts_engine": "cartesia", "tts_model_name": "sonic-3", "tts_emotion_control": True}
    else:
        tts = {
            "tts_engine": "elevenlabs", "tts_model_name": "eleven_multilingual_v2",
            "external_voice_id": "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijkl0123") for _ in range(20)),
            "voice_settings": {"stability": 0.45, "similarity_boost": 0.8, "speed": 1.0},
        }
    layers: dict[str, Any] = {"llm": llm, "tts": tts, "stt": {"stt_engine": "tavus-auto"}}
    if rng.random() < 0.5:
        layers["stt"]["hotwords"] = "Acme, SoundBar Max, HomeHub"
    if rng.random() < 0.6:
        layers["conversational_flow"] = {
            "turn_detection_model": "sparrow-1",
            "turn_taking_patience": rng.choice(["low", "medium", "high"]),
            "replica_interruptibility": rng.choice(["low", "medium", "high"]),
        }
    if rng.random() < 0.4:
        layers["perception"] = {
            "perception_model": "raven-1",
            "visual_awareness_queries": ["Is the person looking at the camera?", "Does the person look confused?"],
        }
    return {
        "persona_name": f"{title} {rng.randint(1, 999)}",
        "pipeline_mode": "full",
        "system_prompt": _prompt(rng, who, names),
        "default_replica_id": "r" + "".join(rng.choice(_HEX) for _ in range(10)),
        "layers": layers,
    }


def _typo_key(body: dict[str, Any], rng: random.Random) -> None:
    llm = body["layers"]["llm"]
    llm["speculative_inferance"] = llm.pop("speculative_inference")


def _voice_id(body: dict[str, Any], rng: random.Random) -> None:
    tts = body["layers"]["tts"]
    tts.pop("external_voice_id", None)
    tts["voice_id"] = "21m00Tcm4TlvDq8ikWAM"


def _bad_enum(body: dict[str, Any], rng: random.Random) -> None:
    body["layers"]["tts"]["tts_engine"] = "cartesian" if body["layers"]["tts"]["tts_engine"] == "cartesia" else "eleven"


def _bad_patience(body: dict[str, Any], rng: random.Random) -> None:
    body["layers"]["conversational_flow"] = {"turn_detection_model": "sparrow-1", "turn_taking_patience": "meduim"}


def _wrong_type(body: dict[str, Any], rng: random.Random) -> None:
    body["document_ids"] = "d8a1f3c2b7e4"


def _tools_not_array(body: dict[str, Any], rng: random.Random) -> None:
    llm = body["layers"]["llm"]
    llm["tools"] = llm["tools"][0]


def _missing_prompt(body: dict[str, Any], rng: random.Random) -> None:
    del body["system_prompt"]


def _required_not_in_properties(body: dict[str, Any], rng: random.Random) -> None:
    parameters = body["layers"]["llm"]["tools"][0]["function"]["parameters"]
    parameters["required"] = [*parameters["required"], "customer_reference"]


def _deprecated_model(body: dict[str, Any], rng: random.Random) -> None:
    body["layers"]["llm"]["model"] = "tavus-gpt-4o"


def _bad_pipeline(body: dict[str, Any], rng: random.Random) -> None:
    body["pipeline_mode"] = "ful"


MISTAKES: dict[str, Callable[[dict[str, Any], random.Random], None]] = {
    "typo-key": _typo_key,
    "voice-id-key": _voice_id,
    "bad-enum": _bad_enum,
    "bad-enum-flow": _bad_patience,
    "wrong-type": _wrong_type,
    "tools-not-array": _tools_not_array,
    "missing-system-prompt": _missing_prompt,
    "required-not-in-properties": _required_not_in_properties,
    "deprecated-model": _deprecated_model,
    "bad-pipeline-mode": _bad_pipeline,
}


def generate(index: int, seed: int) -> tuple[dict[str, Any], str | None]:
    """Persona number ``index`` of the corpus and its mistake kind (``None`` when valid)."""
    rng = random.Random(f"{seed}:{index}")
    body = persona(rng)
    if rng.random() >= INVALID_SHARE:
        return body, None
    kind = rng.choice(sorted(MISTAKES))
    MISTAKES[kind](body, rng)
    return body, kind


def write(directory: Path, count: int, seed: int) -> list[Path]:
    """Write ``count`` personas under ``directory`` (100 a folder; reused when already complete)."""
    stamp = directory / ".complete"
    expected = f"{GENERATOR_VERSION} {count} {seed}"
    paths = [directory / f"{i // 100:04d}" / f"persona-{i:06d}.json" for i in range(count)]
    if stamp.is_file() and stamp.read_text() == expected:
        return paths
    for index, path in enumerate(paths):
        path.parent.mkdir(parents=True, exist_ok=True)
        body, _ = generate(index, seed)
        path.write_text(json.dumps(body, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    stamp.write_text(expected)
    return paths
