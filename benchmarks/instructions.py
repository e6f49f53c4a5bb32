"""Instruction counts of persona-lint's hot paths: comparable across minutes, unlike wall time.

    python benchmarks/instructions.py                # cold runs and the cost of a file in process
    python benchmarks/instructions.py --files 1000   # more files for the in-process figure

This machine's speed changes from minute to minute, so two versions are compared either by
interleaved timed runs or by counting instructions, which neighbours cannot change. Counts come
from valgrind (``--tool=cachegrind --cache-sim=no``); they leave out time spent in the kernel
and they weigh every instruction alike, so loading a large extension (jsonschema-rs) or many
small modules costs more wall time than its count suggests: check a change's effect in time too.

Printed: the JSON-parse floor and ``check`` of the benchmark's valid and invalid persona (cold
processes), and the instructions one corpus file costs in one process, as ``check`` runs it
(no source kept) and as ``lint_paths`` does (sources kept for excerpts): the difference between
linting N + 5 and 5 files, so that imports are not counted.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
from run import DEFAULT_CORPUS, FLOOR, compile_bytecode, single_files

IN_PROCESS = """
import os, sys
from linter.run.model import Request
from linter.run.runner import run
files = sorted(os.path.join(d, f) for d, _, names in os.walk(sys.argv[1]) for f in names if f.endswith(".json"))
files = files[: int(sys.argv[2])]
run(Request(paths=tuple(files), keep_sources=sys.argv[3] == "keep"))
"""


def count(command: Sequence[str]) -> float:
    """Millions of instructions ``command`` executes (valgrind's ``I refs``)."""
    done = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", *command],
        capture_output=True, text=True, check=False,
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if found is None:
        raise SystemExit(f"valgrind gave no count for {' '.join(command)}:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", "")) / 1e6


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=500, help="corpus files linted in one process (default: 500)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default: 1)")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: nothing to count", file=sys.stderr)
        return 2
    compile_bytecode()
    valid, invalid = single_files(DEFAULT_CORPUS / "single", args.seed)
    python = sys.executable
    rows = [
        ("JSON-parse floor, 1 file", count([python, "-c", FLOOR, str(valid)])),
        ("check, 1 valid file, cold", count([python, "-m", "linter", "check", "--no-show-source", str(valid)])),
        ("check, 1 invalid file, cold", count([python, "-m", "linter", "check", "--no-show-source", str(invalid)])),
    ]
    folder = DEFAULT_CORPUS / f"n{args.files + 5}-s{args.seed}"
    corpus.write(folder, args.files + 5, args.seed)
    for label, keep in (("a corpus file, as check runs it", "drop"), ("a corpus file, as lint_paths runs it", "keep")):
        few = count([python, "-c", IN_PROCESS, str(folder), "5", keep])
        many = count([python, "-c", IN_PROCESS, str(folder), str(args.files + 5), keep])
        rows.append((label, (many - few) / args.files))
    width = max(len(label) for label, _ in rows)
    for label, millions in rows:
        print(f"{label:<{width}}  {millions:8.2f} M instructions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
