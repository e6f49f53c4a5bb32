"""PIPE003: the LiveKit transport works only in echo mode."""

from __future__ import annotations

from collections.abc import Iterator

from linter.diagnostic import Finding
from linter.rule import Persona, rule


@rule(code="PIPE003", name="livekit-needs-echo", severity="error", since="2025-03")
def check(persona: Persona, options: None) -> Iterator[Finding]:
    """`layers.transport.transport_type: "livekit"` requires `pipeline_mode: "echo"`.

    Why: with the LiveKit Agents avatar integration, your LiveKit agent does the listening and
    thinking and Tavus only renders the replica, so the persona must be created in echo mode
    (reference section 3, X4; section 2.6; Tavus LiveKit integration page).

    Example: `{"pipeline_mode": "full", "layers": {"transport": {"transport_type": "livekit"}}}`.
    """
    if persona.get("/layers/transport/transport_type") != "livekit" or persona.pipeline_mode == "echo":
        return
    yield Finding(
        "/layers/transport/transport_type",
        f"the LiveKit transport needs pipeline_mode 'echo', and this persona uses {persona.pipeline_mode!r}"
        + ("" if persona.has("/pipeline_mode") else " (the default)"),
        hint="set \"pipeline_mode\": \"echo\"",
    )
