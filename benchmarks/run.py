"""Benchmark persona-lint against the JSON-parse floor and check-jsonschema (see benchmarks/README.md).

    python benchmarks/run.py                      # 1,000 and 10,000 files, 5 runs each
    python benchmarks/run.py --files 1000,10000,100000 --runs 3
    python benchmarks/run.py --quick              # 200 files, 3 runs: a minute-free sanity check

Every command runs as a fresh process (a cold start, as in pre-commit and CI); the table shows the
median wall time of the runs, files per second, the peak memory (resident set, summed over the
process and its workers) and the ratios to the floor and to check-jsonschema.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE / ".corpus"
FLOOR = (
    "import json, os, sys\n"
    "for top in sys.argv[1:]:\n"
    "    if os.path.isfile(top):\n"
    "        json.loads(open(top, 'rb').read())\n"
    "        continue\n"
    "    for folder, _, names in os.walk(top):\n"
    "        for name in names:\n"
    "            if name.endswith('.json'):\n"
    "                json.loads(open(os.path.join(folder, name), 'rb').read())\n"
)
"""The parse-only floor: start Python, find every file, read it and ``json.loads`` it."""

_PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass(frozen=True)
class Measure:
    """The runs of one command: wall and CPU times (s), peak memory (MiB) and the exit codes seen."""

    times: tuple[float, ...]
    cpu: tuple[float, ...]
    peak_mib: float
    exit_codes: frozenset[int]

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def _memory(pid: int) -> int:
    """Proportional set size (shared pages split between the processes that share them), else RSS."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    with open(f"/proc/{pid}/statm") as handle:
        return int(handle.read().split()[1]) * _PAGE


def _tree_rss(root: int) -> int:
    """Memory of ``root`` and all its descendants (Linux ``/proc``), 0 once it is gone.

    Forked workers share the parent's pages: summing their RSS would count those pages once per
    process, so this sums PSS where the kernel offers it.
    """
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        try:
            total += _memory(pid)
            with open(f"/proc/{pid}/task/{pid}/children") as handle:
                pending.extend(int(child) for child in handle.read().split())
        except (OSError, ValueError):
            continue
    return total


def measure(command: Sequence[str], runs: int) -> Measure:
    """Run ``command`` ``runs`` times; output goes to /dev/null (it is still produced and written)."""
    times: list[float] = []
    cpu: list[float] = []
    peak = 0
    codes: set[int] = set()
    for _ in range(runs):
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        sampled = [0]
        done = threading.Event()

        def sample(pid: int = process.pid, box: list[int] = sampled, stop: threading.Event = done) -> None:
            while not stop.wait(0.005):
                box[0] = max(box[0], _tree_rss(pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        times.append(time.perf_counter() - started)
        cpu.append(usage.ru_utime + usage.ru_stime)  # the command and the workers it waited for
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        codes.add(process.returncode)
        # ru_maxrss (KiB on Linux) is the largest single process; the sampler sums concurrent workers.
        peak = max(peak, usage.ru_maxrss * 1024, sampled[0])
    return Measure(tuple(times), tuple(cpu), peak / 2**20, frozenset(codes))


def compile_bytecode() -> None:
    """Write the ``.pyc`` files a wheel install would have (an editable checkout may have none)."""
    import importlib.util

    folders = []
    for package in ("linter", "rules"):
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.submodule_search_locations:
            folders.extend(spec.submodule_search_locations)
    subprocess.run([sys.executable, "-m", "compileall", "-q", *folders], check=False, stdout=subprocess.DEVNULL)


def persona_lint_command() -> list[str]:
    script = Path(sys.executable).parent / "persona-lint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "linter"]


CJS_VENV = HERE.parent / ".venv-cjs"
"""Where the README installs check-jsonschema: a virtualenv of its own (see ``check_jsonschema_command``)."""


def check_jsonschema_command(explicit: str | None = None) -> list[str] | None:
    """check-jsonschema from ``explicit``, ``.venv-cjs``, this environment or ``PATH``.

    Its own virtualenv is preferred: installed beside persona-lint, it brings jsonschema's
    optional format checkers (idna, rfc3339-validator, ...), which jsonschema then imports,
    adding about 30 ms to persona-lint's cold runs on invalid files.
    """
    candidates = [explicit] if explicit else [
        str(CJS_VENV / "bin" / "check-jsonschema"), str(Path(sys.executable).parent / "check-jsonschema"),
    ]
    for candidate in candidates:
        if Path(candidate).exists():
            if Path(candidate).parent == Path(sys.executable).parent:
                print("note: check-jsonschema shares persona-lint's environment, which slows persona-lint's "
                      "invalid-file runs; see benchmarks/README.md", file=sys.stderr)
            return [candidate]
    found = None if explicit else shutil.which("check-jsonschema")  # a given PATH that is missing is not replaced
    return [found] if found else None


def single_files(directory: Path, seed: int) -> tuple[Path, Path]:
    """The first valid persona and the first one with a schema mistake (an unknown key)."""
    directory.mkdir(parents=True, exist_ok=True)
    valid = invalid = None
    index = 0
    while valid is None or invalid is None:
        body, kind = corpus.generate(index, seed)
        if kind is None and valid is None:
            valid = directory / "valid.json"
            valid.write_text(json.dumps(body, indent=2) + "\n")
        elif kind == "voice-id-key" and invalid is None:
            invalid = directory / "invalid.json"
            invalid.write_text(json.dumps(body, indent=2) + "\n")
        index += 1
    return valid, invalid


@dataclass(frozen=True)
class Row:
    work: str
    tool: str
    files: int
    result: Measure


def _format_table(rows: list[Row]) -> str:
    lines = [
        "| work | tool | median (s) | CPU (s) | files/s | peak memory (MiB) | x floor | check-jsonschema / this |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    by_work: dict[str, dict[str, Row]] = {}
    for row in rows:
        by_work.setdefault(row.work, {})[row.tool] = row
    for row in rows:
        floor = by_work[row.work].get("json.loads floor")
        reference = by_work[row.work].get("check-jsonschema")
        median = row.result.median
        versus_floor = f"{median / floor.result.median:.1f}" if floor else "-"
        versus_cjs = f"{reference.result.median / median:.1f}" if reference and row.tool == "persona-lint" else "-"
        lines.append(
            f"| {row.work} | {row.tool} | {median:.3f} | {statistics.median(row.result.cpu):.3f} | "
            f"{row.files / median:,.0f} | "
            f"{row.result.peak_mib:.0f} | {versus_floor} | {versus_cjs} |"
        )
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as handle:
            cpu = next(line.split(":", 1)[1].strip() for line in handle if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", default="1000,10000", help="corpus sizes, comma-separated (default: 1000,10000)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each command; the median is shown (default: 5)")
    parser.add_argument("--quick", action="store_true", help="200 files, 3 runs")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default: 1)")
    parser.add_argument("--corpus-dir", type=Path, default=None, help=f"where corpora go (default: {DEFAULT_CORPUS})")
    parser.add_argument("--no-check-jsonschema", action="store_true", help="skip check-jsonschema even if installed")
    parser.add_argument("--check-jsonschema", default=None, metavar="PATH",
                        help=f"the check-jsonschema to compare with (default: {CJS_VENV.name}/bin, then PATH)")
    parser.add_argument("--cjs-max-files", type=int, default=10_000,
                        help="skip check-jsonschema above this many files (it needs minutes; default: 10000)")
    parser.add_argument("--extra", action="append", default=[],
                        help="more persona-lint arguments for every run (e.g. --extra=--jobs=1)")
    args = parser.parse_args(argv)
    sizes = [200] if args.quick else [int(size) for size in args.files.split(",") if size.strip()]
    runs = 3 if args.quick and args.runs == 5 else args.runs
    root = args.corpus_dir or DEFAULT_CORPUS
    lint = [*persona_lint_command(), "check", "--no-show-source", *args.extra]
    cjs = None if args.no_check_jsonschema else check_jsonschema_command(args.check_jsonschema)
    python = [sys.executable, "-c", FLOOR]

    compile_bytecode()
    with tempfile.TemporaryDirectory() as scratch:
        bundle = Path(scratch) / "persona.bundle.json"
        subprocess.run([*persona_lint_command(), "schema", "--bundle", "--output", str(bundle)],
                       check=True, stderr=subprocess.DEVNULL)
        cjs_base = [*cjs, "--schemafile", str(bundle)] if cjs else None
        valid, invalid = single_files(root / "single", args.seed)
        rows: list[Row] = []
        for work, path in (("1 valid file, cold", valid), ("1 invalid file, cold", invalid)):
            rows.append(Row(work, "persona-lint", 1, measure([*lint, str(path)], runs)))
            rows.append(Row(work, "json.loads floor", 1, measure([*python, str(path)], runs)))
            if cjs_base:
                rows.append(Row(work, "check-jsonschema", 1, measure([*cjs_base, str(path)], runs)))
        for size in sizes:
            directory = root / f"n{size}-s{args.seed}"
            print(f"generating {size:,} personas in {directory} ...", file=sys.stderr, flush=True)
            paths = corpus.write(directory, size, args.seed)
            work = f"{size:,} files, one command"
            print(f"running {work} ...", file=sys.stderr, flush=True)
            rows.append(Row(work, "persona-lint", size, measure([*lint, str(directory)], runs)))
            rows.append(Row(work, "json.loads floor", size, measure([*python, str(directory)], runs)))
            if cjs_base and size <= args.cjs_max_files:
                slow_runs = max(1, min(runs, 3 if size <= 1000 else 1))
                rows.append(Row(work, "check-jsonschema", size, measure([*cjs_base, *map(str, paths)], slow_runs)))

    broken = [row for row in rows if row.tool == "persona-lint" and row.result.exit_codes - {0, 1}]
    print(f"\nmachine: {machine()}; median of {runs} runs (check-jsonschema: fewer on big corpora)\n")
    print(_format_table(rows))
    for row in broken:
        print(f"\npersona-lint exited {sorted(row.result.exit_codes)} on {row.work!r}: usage or internal error")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
