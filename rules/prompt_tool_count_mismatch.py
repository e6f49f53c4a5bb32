"""TOOL017: a prompt that counts its tools agrees with the tool list."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule
from linter.tavus.mentions import stated_tool_counts
from linter.tavus.tooldefs import declared_names, malformed_lists


@rule(code="TOOL017", name="prompt-tool-count-mismatch", severity="warning", kinds=("persona",))
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """The prompt says how many tools the model has ("you have 4 tools"), and `llm.tools` holds another number.

    Why: a stale count is a sign the prompt and the tool list drifted apart, and the model may
    look for a tool that is gone (reference section 3, X39). Not checked for PALs, whose tools
    can be attached from the tools registry.

    Example: "You have 3 tools" with two entries in `llm.tools`.
    """
    if malformed_lists(persona, ("/layers/llm/tools",)):
        return
    actual = len(declared_names(persona, ("/layers/llm/tools",)))
    for key in ("system_prompt", "context"):
        text = persona.get_str(f"/{key}")
        for count, _offset in stated_tool_counts(text or ""):
            if count != actual:
                tools = f"{count} tool{'s' * (count != 1)}"
                message = f"'{key}' says the model has {tools}, but layers.llm.tools declares {actual}"
                yield Finding(f"/{key}", message, hint="update the count in the prompt, or drop it")
                break
