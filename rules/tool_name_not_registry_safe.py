"""TOOL002: tool names the Tavus tools registry (and its snake_case advice) would refuse."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.tooldefs import OPENAI_NAME, REGISTRY_NAME, SNAKE_CASE, functions


@rule(code="TOOL002", name="tool-name-not-registry-safe", severity="warning")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """A tool name OpenAI accepts but Tavus does not: a dash, a leading digit, or not snake_case.

    Why: OpenAI allows `^[a-zA-Z0-9_-]{1,64}$` (the schema checks that), but Tavus' tool pages ask
    for snake_case and the tools registry requires `^[A-Za-z_][A-Za-z0-9_]{0,63}$`
    (https://docs.tavus.io/sections/conversational-video-interface/persona/llm-tool; the official
    tavus-cli, https://pypi.org/project/tavus-cli/). A name like `get-weather` or `GetWeather` must
    be renamed when the tool moves to the registry.
    """
    for definition in functions(persona):
        name = definition.name
        if name is None or not OPENAI_NAME.fullmatch(name) or SNAKE_CASE.fullmatch(name):
            continue
        if not REGISTRY_NAME.fullmatch(name):
            reason = "contains a dash" if "-" in name else "starts with a digit"
            message = f"tool name {name!r} {reason}; the Tavus tools registry rejects it"
        else:
            message = f"tool name {name!r} is not snake_case, as Tavus asks for tool names"
        yield Finding(definition.at("name"), message, hint=f"use {_snake(name)!r}")


def _snake(name: str) -> str:
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name)
    snake = re.sub(r"[^A-Za-z0-9]+", "_", spaced).lower()
    return f"_{snake}" if snake[:1].isdigit() else snake
