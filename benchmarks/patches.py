"""What a JSON Patch body costs in process, alone and applied to its base persona.

    python benchmarks/patches.py                 # 500 corpus personas, a patch each
    python benchmarks/patches.py --files 2000

Each corpus persona (``corpus.py``) gets a patch of the kinds public repositories keep: switch
the LLM model, replace the whole tool list (the persona's own tools, last one renamed), set
``tts_emotion_control``, and remove ``context``. Three lines are printed, each the median over
runs of the milliseconds per file, all with ``lint_text``/``lint_patch`` (parse, schema, rules,
positions of findings):

* ``persona``: the base persona alone, for scale;
* ``patch alone``: the patch, checked operation by operation;
* ``patch --base``: the patch applied to its persona and the result linted with every rule.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

from linter import lint_patch, lint_text


def patch_for(body: dict[str, Any]) -> list[dict[str, Any]]:
    """A patch of the usual kinds for one corpus persona."""
    operations: list[dict[str, Any]] = [{"op": "replace", "path": "/layers/llm/model", "value": "tavus-gpt-oss"}]
    tools = body.get("layers", {}).get("llm", {}).get("tools")
    if isinstance(tools, list) and tools and all(isinstance(t, dict) for t in tools):
        renamed = json.loads(json.dumps(tools))
        function = renamed[-1].get("function")
        if isinstance(function, dict) and isinstance(function.get("name"), str):
            function["name"] += "_v2"
        operations.append({"op": "replace", "path": "/layers/llm/tools", "value": renamed})
    operations.append({"op": "add", "path": "/layers/tts/tts_emotion_control", "value": True})
    if "context" in body:
        operations.append({"op": "remove", "path": "/context"})
    return operations


def timed(files: list[tuple[str, str]], lint: Callable[[str, str], object], runs: int) -> float:
    for path, text in files[:20]:  # first use: validators, patterns, fact tables
        lint(text, path)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        for path, text in files:
            lint(text, path)
        times.append((time.perf_counter() - started) / len(files))
    return statistics.median(times) * 1000


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=500, help="personas, one patch each (default: 500)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each line; the median is shown (default: 3)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default: 1)")
    args = parser.parse_args(argv)
    bodies = [corpus.generate(index, args.seed)[0] for index in range(args.files)]
    personas = {f"p{i}.json": json.dumps(b, indent=2) for i, b in enumerate(bodies)}
    patches = [(f"p{i}.patch.json", json.dumps(patch_for(b), indent=2)) for i, b in enumerate(bodies)]
    bases = {f"p{i}.patch.json": personas[f"p{i}.json"] for i in range(len(bodies))}
    lines = {
        "persona": timed(list(personas.items()), lambda text, path: lint_text(text, path), args.runs),
        "patch alone": timed(patches, lambda text, path: lint_patch(text, path), args.runs),
        "patch --base": timed(
            patches, lambda text, path: lint_patch(text, path, bases[path], base_path="p.json"), args.runs
        ),
    }
    for label, milliseconds in lines.items():
        print(f"{label:<14} {milliseconds:6.2f} ms a file")
    return 0


if __name__ == "__main__":
    sys.exit(main())
