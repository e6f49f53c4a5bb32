"""Large personas for the language server's speed tests: realistic shape, any size."""

from __future__ import annotations

import json


def big_persona(size: int, pipeline_mode: str = "full") -> str:
    """A persona of at least ``size`` bytes: up to 45 tools that the prompt mentions, long
    descriptions, every parameter required; no finding but the prompt's length."""
    tools: list[dict[str, object]] = []
    mentions: list[str] = []
    words = "The customer reads the number from the letter; confirm it back before calling. "
    count = 45
    per_tool = max(200, size // count)
    for i in range(count):
        name = f"lookup_record_{i}"
        properties = {
            f"field_{j}": {"type": "string", "description": f"Field {j} of the record. " + words}
            for j in range(max(1, per_tool // 400))
        }
        tools.append({
            "type": "function",
            "function": {
                "name": name,
                "description": "Look up a customer record by its number. " + words * 2,
                "parameters": {"type": "object", "properties": properties, "required": sorted(properties)},
            },
        })
        mentions.append(f"Call `{name}` when the customer asks about record set {i}.")
    body = {
        "persona_name": "Records desk",
        "pipeline_mode": pipeline_mode,
        "system_prompt": " ".join(mentions),
        "layers": {"llm": {"model": "tavus-gpt-oss", "tools": tools}},
    }
    text = json.dumps(body, indent=2)
    while len(text) < size:  # pad with more prompt text, which every lint reads
        body["system_prompt"] = str(body["system_prompt"]) + " Be brief and kind." * 200
        text = json.dumps(body, indent=2)
    return text


def slow_persona(size: int, pipeline_mode: str = "full") -> str:
    """A persona of at least ``size`` bytes with hundreds of findings: more tools than Tavus
    allows, each with a parameter left out of ``required``; a slow lint, for tests that need one."""
    count = 10
    while True:
        text = _slow_body(count, pipeline_mode)
        if len(text) >= size:
            return text
        count = max(count + 1, int(count * size / len(text)) + 1)


def _slow_body(count: int, pipeline_mode: str) -> str:
    tools = [
        {"type": "function", "function": {
            "name": f"lookup_record_{i}", "description": "Look up a customer record by its number. " * 3,
            "parameters": {"type": "object", "properties": {
                "record_id": {"type": "string", "description": "The record number the customer reads out."},
                "reason": {"type": "string", "enum": ["billing", "support", "sales"], "description": "Why"},
            }, "required": ["record_id"]},
        }}
        for i in range(count)
    ]
    prompt = " ".join(f"Call `lookup_record_{i}` when the customer asks about record set {i}." for i in range(count))
    body = {
        "persona_name": "Coach", "pipeline_mode": pipeline_mode, "system_prompt": prompt,
        "layers": {"llm": {"model": "tavus-gpt-oss", "tools": tools}},
    }
    return json.dumps(body, indent=2)
