"""Time and peak memory of `persona-lint check` on hostile files just under the 5 MiB limit.

    python benchmarks/hostile.py                    # every shape, one run each
    python benchmarks/hostile.py --runs 3           # the least of three runs
    python benchmarks/hostile.py --only yaml        # shapes whose name contains "yaml"
    python benchmarks/hostile.py --size 1000000     # smaller files (bytes)

Each file is checked by a fresh process (`persona-lint check FILE`, source excerpts on, report to
/dev/null). The table shows the wall time, the CPU time (user + system) and the peak resident set
(``ru_maxrss`` of the process). The shapes: YAML that stresses the parser (long scalars and
comments full of indicators, many small values, deep nesting, anchors and aliases, tabs and
byte-order marks, which PyYAML's Python parser reads), many empty tool objects, and every
adversarial case of ``tests/robustness/linear_cases.py`` grown to the size.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "robustness"))

from linear_cases import CASES  # noqa: E402
from run import persona_lint_command  # noqa: E402

from linter.document.jsonpos import MAX_VALUES  # noqa: E402
from linter.document.source import MAX_FILE_BYTES  # noqa: E402


def _fill(head: str, unit: str, tail: str = "") -> Callable[[int], str]:
    """``head``, ``unit`` as often as fits in ``size`` bytes, ``tail``."""
    return lambda size: head + unit * ((size - len(head.encode()) - len(tail.encode())) // len(unit.encode())) + tail


def _numbered(head: str, line: Callable[[int], str]) -> Callable[[int], str]:
    def make(size: int) -> str:
        parts, used, index = [head], len(head), 0
        while True:
            piece = line(index)
            if used + len(piece) > size:
                return "".join(parts)
            parts.append(piece)
            used += len(piece)
            index += 1
    return make


def _grown(make: Callable[[int], str]) -> Callable[[int], str]:
    """A linear case at the largest ``n`` whose text fits (its size grows about linearly with ``n``)."""
    def grown(size: int) -> str:
        n = max(1, size // max(1, len(make(1000).encode())) * 1000)
        while len(make(n).encode()) > size:
            n = n * 9 // 10
        return make(n)
    return grown


YAML_SHAPES: dict[str, Callable[[int], str]] = {
    "yaml: long plain scalar": _fill("persona_name: x\nsystem_prompt: ", "a,b ", "\n"),
    "yaml: long quoted scalar": _fill('persona_name: x\nsystem_prompt: "', "a,[{ ", '"\n'),
    "yaml: long comment": _fill("persona_name: x\n# ", "-:,[{ ", "\n"),
    "yaml: '- 1' lines": _fill("persona_name: x\nitems:\n", "- 1\n"),
    "yaml: flow mapping": _numbered("persona_name: x\nm: {", lambda i: f"k{i}: 1, "),
    "yaml: deep flow nesting": _fill("persona_name: x\nlayers: ", "["),
    "yaml: deep block nesting": _numbered("persona_name: x\nl:\n", lambda i: " " * min(i, 100_000) + "-\n"),
    "yaml: compact nesting": _fill("persona_name: x\nl:\n", "- ", "x\n"),
    "yaml: many anchors": _numbered("persona_name: x\nitems:\n", lambda i: f"- &a{i} x\n"),
    "yaml: many aliases": _fill("persona_name: x\nitems:\n- &a x\n", "- *a\n"),
    "yaml: syntax error at the end": _fill("persona_name: x\nsystem_prompt: ", "a,b ", "\n]\n"),
    "yaml: tab, then '- 1' lines": _fill("persona_name: x\t\nitems:\n", "- 1\n"),
    "yaml: tab in a quoted scalar": _fill('persona_name: "x\t"\nsystem_prompt: "', "a,[{ ", '"\n'),
    "yaml: long comment with tabs": _fill("persona_name: x\n# ", "-:\t[{ ", "\n"),
    "yaml: BOM, long plain scalar": _fill("\ufeffpersona_name: x\nsystem_prompt: ", "a,b ", "\n"),
}
JSON_SHAPES: dict[str, Callable[[int], str]] = {
    "json: empty tools": _fill('{"persona_name":"x","layers":{"llm":{"tools":[{}', ",{}", "]}}}"),
    # The most values the limit lets through, each with two schema findings (whatever the size asked).
    "json: empty tools under the value limit": lambda size: (
        '{"persona_name":"x","layers":{"llm":{"tools":[' + ",".join(["{}"] * (MAX_VALUES - 10)) + "]}}}"
    ),
}
SHAPES = {**YAML_SHAPES, **JSON_SHAPES, **{f"linear: {case.name}": _grown(case.make) for case in CASES}}
SUFFIX = {name: ".yaml" if name.startswith("yaml") else ".json" for name in SHAPES}
SUFFIX.update({f"linear: {case.name}": Path(case.path).suffix for case in CASES})


def measure(path: Path) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds, peak RSS in bytes and the exit code of one check of ``path``."""
    started = time.perf_counter()
    command = [*persona_lint_command(), "check", str(path)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    assert process.stderr is not None
    if b"Traceback" in process.stderr.read():
        raise SystemExit(f"{path.name}: persona-lint failed with a traceback")
    process.stderr.close()
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=1, help="runs per shape; the least time and memory are shown")
    parser.add_argument("--only", default="", help="only the shapes whose name contains this text")
    parser.add_argument("--size", type=int, default=MAX_FILE_BYTES - 1,
                        help="file size in bytes (default: just under 5 MiB)")
    options = parser.parse_args()
    print("| shape | size | exit | wall s | CPU s | peak RSS MB |\n|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for index, (name, make) in enumerate(SHAPES.items()):
            if options.only not in name:
                continue
            path = Path(folder) / f"shape-{index}{SUFFIX[name]}"
            path.write_text(make(options.size), encoding="utf-8")
            runs = [measure(path) for _ in range(options.runs)]
            wall, cpu, rss = (min(run[i] for run in runs) for i in range(3))
            size = path.stat().st_size
            print(f"| {name} | {size / 2**20:.2f} MiB | {runs[0][3]} | {wall:.2f} | {cpu:.2f} | {rss / 1e6:.0f} |",
                  flush=True)
            path.unlink()


if __name__ == "__main__":
    main()
