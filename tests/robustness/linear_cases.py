"""Adversarial documents that grow with ``n``, for the linear-cost harness (test_linear.py).

Each case repeats a literal some scan looks for (tool words, tool names, ``key``, secret
prefixes, ``Bearer ``, ``://``, ``{{``, ``_``, digits), or multiplies what the engine handles
per item (empty objects, findings, secrets, schema claims). ``n`` is the number of repetitions.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, NamedTuple

SECRET = "sk-proj-Q7vR2mZpL9xWc4TnB8yKd3HsF6gJ1aE5uN0iO2qVt7Rw"


class Case(NamedTuple):
    name: str
    make: Callable[[int], str]
    path: str  # names the format (JSON or YAML)
    unit: int  # repetitions at 1x: big enough that fixed costs do not dominate
    in_c: bool = False  # much of its work is inside C (regexes, string searches, libyaml), unseen by line counts


def _persona(**extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "persona_name": "x", "pipeline_mode": "full", "system_prompt": "Help.",
        "layers": {"llm": {"model": "tavus-gpt-4o", "tools": _tools(3)}},
    }
    body.update(extra)
    return body


def _tools(count: int, name: str = "lookup_order") -> list[dict[str, Any]]:
    return [
        {"type": "function", "function": {
            "name": f"{name}_{index}", "description": "Looks it up.",
            "parameters": {"type": "object", "properties": {"q": {"type": "string", "description": "q"}},
                           "required": ["q"]},
        }}
        for index in range(count)
    ]


def _prompt(text: str) -> Callable[[int], str]:
    return lambda n: json.dumps(_persona(system_prompt="_ " + text * n))


LITERALS = ("tool", "tool ", "call ", "function", "key", "key=", "sk-", "sk-proj-", "Bearer ", "://", "a://",
            "{{", "_", "`", "`a_b` ", "a_b(", "9", "lookup_order_1 ", "ghp_", "eyJ", "api_key: ")

CASES: tuple[Case, ...] = (
    *(Case(f"prompt of {literal!r}", _prompt(literal), "p.json", 1500, True) for literal in LITERALS),
    *(Case(f"key of {literal!r}", (lambda lit: lambda n: json.dumps(_persona(**{lit * n: 1})))(literal),
           "p.json", 1500, True) for literal in ("key", "sk-", "_", "tool", "9")),
    Case("empty tool objects", lambda n: json.dumps(_persona(layers={"llm": {"tools": [{}] * n}})), "p.json", 300),
    Case("secrets in a prompt and unknown keys",
         lambda n: json.dumps(_persona(
             system_prompt=" ".join(f"sk-{index:024d}Zq" for index in range(n)),
             **{f"unknown_{index}": 1 for index in range(n)})), "p.json", 150),
    Case("secret keys", lambda n: json.dumps(_persona(**{f"sk-{index:030d}": 1 for index in range(n)})), "p.json", 150),
    Case("undeclared tools near declared names",
         lambda n: json.dumps(_persona(system_prompt=" ".join(f"call lookup_ordr_{i}" for i in range(n)),
                                       layers={"llm": {"tools": _tools(50)}})), "p.json", 60),
    Case("undeclared tools, many declared",
         lambda n: json.dumps(_persona(system_prompt=" ".join(f"call tool_{i}" for i in range(n)),
                                       layers={"llm": {"tools": _tools(n)}})), "p.json", 200),
    Case("declared tools named in the prompt",
         lambda n: json.dumps(_persona(system_prompt=" ".join(f"call lookup_order_{i}." for i in range(n)),
                                       layers={"llm": {"tools": _tools(n)}})), "p.json", 300),
    Case("required names missing from properties",
         lambda n: json.dumps(_persona(layers={"llm": {"tools": [{"type": "function", "function": {
             "name": "a_b", "description": "d", "parameters": {
                 "type": "object", "properties": {f"p{i}": {"type": "string"} for i in range(n)},
                 "required": [f"q{i}" for i in range(n)]}}}]}})), "p.json", 100),
    Case("YAML comment of 'key'", lambda n: "persona_name: x\npipeline_mode: ecko\n# " + "key" * n + "\n",
         "p.yaml", 1500, True),
    Case("YAML values", lambda n: "persona_name: x\npipeline_mode: echo\nitems:\n" + "- 1\n" * n, "p.yaml", 1200,
         True),
    Case("YAML unknown keys", lambda n: "persona_name: x\npipeline_mode: echo\n" + "".join(
        f"k{i}: {SECRET}{i}\n" for i in range(n)), "p.yaml", 100),
)

WARM_UP = (
    Case("warm-up JSON", lambda n: json.dumps(_persona(
        system_prompt="Call `warm_up` and use the warm_tool tool with sk-warmwarmwarmwarmwarmwarm0",
        unknown_warm=1, layers={"llm": {"tools": [{}, *_tools(2, "warm")]}})), "warm.json", 1),
    Case("warm-up YAML", lambda n: "persona_name: x\npipeline_mode: ecko\n# key\nunknown: 1\n", "warm.yaml", 1),
)
