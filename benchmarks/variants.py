"""What a persona costs in process when it is unlike the benchmark corpus in three common ways.

    python benchmarks/variants.py                # 500 personas of each variant
    python benchmarks/variants.py --files 2000

The corpus (``corpus.py``) writes JSON and draws tool names from a shared catalogue, so every
name recurs across files. Real repositories also hold YAML personas, personas whose tools
are their own, and personas with many findings (public persona files average two to four,
with keys and URLs in clear), where positions, masking and hints cost what a clean file never
pays. Each variant lints the same personas with ``lint_text`` (parse, schema, every
rule, positions of findings) and prints the median over runs of the milliseconds per file:

* ``corpus JSON``: as the benchmark writes them;
* ``unique tool names``: every tool renamed ``<name>_f<index>``, in the tools and the prompt;
* ``YAML``: the same personas written as YAML (block style);
* ``many findings``: each persona with mistakes seen in public files: a key in clear (its own
  per file) for a custom LLM, a link in the prompt, ``context``, ``voice_id``, two unknown
  top-level keys, and no ``description`` on the first tool's parameters (about seven findings a
  file; the public files have two to four, some over twenty).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

from linter import lint_text


def _renamed(body: dict[str, Any], index: int) -> dict[str, Any]:
    text = json.dumps(body)
    tools = body.get("layers", {}).get("llm", {}).get("tools")
    names = {t["function"]["name"] for t in tools if isinstance(t, dict) and isinstance(t.get("function"), dict)
             and isinstance(t["function"].get("name"), str)} if isinstance(tools, list) else set()
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(r"(?<![A-Za-z0-9_])" + re.escape(name) + r"(?![A-Za-z0-9_])", f"{name}_f{index}", text)
    result: dict[str, Any] = json.loads(text)
    return result


def _with_findings(body: dict[str, Any], index: int) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(json.dumps(body))
    key = "".join("abcdefghijklmnopqrstuvwxyz0123456789"[(index * 7 + k * 13) % 36] for k in range(48))
    result["system_prompt"] = f"{result.get('system_prompt', '')}\nOur policies: https://example.com/help/{index}."
    result["context"] = "Opening hours are 9 to 5 on weekdays."
    result["disclosure_mode"] = "always"
    result["greeting_text"] = "Hi there!"
    layers = result.setdefault("layers", {})
    layers["llm"] = {**layers.get("llm", {}), "model": "llama-3.3-70b-versatile",
                     "base_url": "https://api.groq.com/openai/v1", "api_key": f"gsk_{key}"}
    tts = layers.setdefault("tts", {})
    if "external_voice_id" in tts:
        tts["voice_id"] = tts.pop("external_voice_id")
    tools = layers["llm"].get("tools")
    if isinstance(tools, list) and tools:  # about 2% of the corpus has a broken list
        for schema in tools[0].get("function", {}).get("parameters", {}).get("properties", {}).values():
            schema.pop("description", None)
    return result


def variants(count: int, seed: int) -> dict[str, list[tuple[str, str]]]:
    """``(path, text)`` pairs of every variant: the path's suffix picks the parser."""
    bodies = [corpus.generate(index, seed)[0] for index in range(count)]
    return {
        "corpus JSON": [("p.json", json.dumps(b, indent=2, ensure_ascii=False)) for b in bodies],
        "unique tool names": [
            ("p.json", json.dumps(_renamed(b, i), indent=2, ensure_ascii=False)) for i, b in enumerate(bodies)
        ],
        "YAML": [("p.yaml", yaml.safe_dump(b, sort_keys=False, allow_unicode=True)) for b in bodies],
        "many findings": [
            ("p.json", json.dumps(_with_findings(b, i), indent=2, ensure_ascii=False)) for i, b in enumerate(bodies)
        ],
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=500, help="personas of each variant (default: 500)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each variant; the median is shown (default: 3)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default: 1)")
    args = parser.parse_args(argv)
    for label, files in variants(args.files, args.seed).items():
        for path, text in files[:20]:  # first use: validators, patterns, fact tables
            lint_text(text, path)
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            for path, text in files:
                lint_text(text, path)
            times.append((time.perf_counter() - started) / len(files))
        print(f"{label:<18} {statistics.median(times) * 1000:6.2f} ms a file")
    return 0


if __name__ == "__main__":
    sys.exit(main())
