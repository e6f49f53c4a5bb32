"""Speed machinery: worker processes give the same result as one process; the benchmark runs.

The timings themselves are benchmark targets (benchmarks/README.md), never asserted here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import cli
from linter.run import parallel
from linter.run.model import Request
from linter.run.runner import run

pytestmark = pytest.mark.slow  # subprocesses, worker pools and the benchmark script

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
try:
    import corpus
finally:
    sys.path.pop(0)


def _write_corpus(folder: Path, count: int) -> None:
    for index in range(count):
        body, _ = corpus.generate(index, seed=11)
        (folder / f"p{index:04d}.json").write_text(json.dumps(body, indent=2))
    (folder / "broken.json").write_text('{"persona_name": "x",')
    (folder / "empty").mkdir()


def test_workers_give_the_same_result_as_one_process(tmp_path: Path) -> None:
    _write_corpus(tmp_path, parallel.THRESHOLD + 30)
    paths = (str(tmp_path), str(tmp_path / "missing.json"), str(tmp_path / "empty"))
    alone = run(Request(paths=paths, jobs=1))
    together = run(Request(paths=paths, jobs=2))
    assert together == alone
    assert together.sources == alone.sources
    assert alone.files == parallel.THRESHOLD + 32  # the personas, the broken file, the missing path
    assert {d.code for d in alone.diagnostics} >= {"SYN001", "SYN008", "SCH001"}
    assert alone.notices and alone.notices == together.notices


def test_jobs_option(tmp_path: Path) -> None:
    _write_corpus(tmp_path, 5)
    outputs = [CliRunner().invoke(cli, ["check", "--jobs", jobs, str(tmp_path)]) for jobs in ("0", "1", "2")]
    assert {result.exit_code for result in outputs} == {1}
    assert len({result.output for result in outputs}) == 1
    assert CliRunner().invoke(cli, ["check", "--jobs", "-1", str(tmp_path)]).exit_code == 2


def test_benchmark_runs_on_a_tiny_corpus(tmp_path: Path) -> None:
    command = [
        sys.executable, str(ROOT / "benchmarks" / "run.py"), "--files", "20", "--runs", "1",
        "--corpus-dir", str(tmp_path), "--no-check-jsonschema",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr + result.stdout
    table = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    works = {line.split("|")[1].strip() for line in table[1:]}
    assert works == {"1 valid file, cold", "1 invalid file, cold", "20 files, one command"}
    assert len(list(tmp_path.glob("n20-s1/*/*.json"))) == 20


def test_no_source_is_kept_unless_excerpts_are_shown(tmp_path: Path) -> None:
    _write_corpus(tmp_path, 30)
    kept = run(Request(paths=(str(tmp_path),)))
    dropped = run(Request(paths=(str(tmp_path),), keep_sources=False))
    assert kept.sources and not dropped.sources
    assert dropped.diagnostics == kept.diagnostics
