"""2024-10 -> 2025-03: Raven-0 perception replaces the VQA layer."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.diagnostic import RemoveMember
from linter.tavus.migrations import Action, Custom, Decide, Decision, Step, add_at
from linter.util import pointer as ptr

PERCEPTION = "https://docs.tavus.io/sections/conversational-video-interface/persona/perception"
MODES = "https://docs.tavus.io/sections/conversational-video-interface/quickstart/pipeline-modes"


def _vqa_to_perception(value: Any) -> Iterator[Action]:
    """``vqa.enabled`` becomes ``perception_model`` raven-0 (on) or off; then ``vqa`` goes."""
    vqa = ptr.resolve(value, ["layers", "vqa"], None)
    if vqa is None:
        return
    if not isinstance(vqa, dict) or set(vqa) - {"enabled"}:
        yield Decision("/layers/vqa", "the vqa layer has settings Raven-0 has no field for: "
                                      "configure layers.perception by hand and remove layers.vqa")
        return
    if ptr.resolve(value, ["layers", "perception"], None) is None:
        enabled = vqa.get("enabled") in (True, "true")
        yield from add_at(value, "/layers/perception", {"perception_model": "raven-0" if enabled else "off"})
    else:
        yield RemoveMember("/layers/vqa")


STEP = Step(
    target="2025-03",
    changes=(
        Custom("replace layers.vqa with layers.perception (enabled: raven-0, disabled: off)", PERCEPTION,
               _vqa_to_perception),
        Decide("/pipeline_mode", "the speech-to-speech mode is no longer documented: choose 'full' or 'echo' "
               "and move the sts settings accordingly", MODES, lambda mode: mode == "speech-to-speech"),
    ),
)
