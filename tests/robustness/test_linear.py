"""Cost grows linearly with the input: every rule and every output path, on adversarial inputs.

Each case (linear_cases.py) is checked at 1x and 4x its size, through the whole run (parse,
schema, every rule, masking) and every output format (text with source excerpts, JSON, SARIF,
GitHub, JUnit, GitLab). Work is counted, not timed: the Python lines executed (``sys.settrace``),
which does not depend on the machine's load. Linear work gives a 4x/1x ratio a bit under 4 (a
fixed part does not grow); quadratic work gives 16. The bound, 6, leaves room for growth such as
``n log n`` sorting and fails on anything quadratic.

The cases whose work is much inside C code (regexes, string searches, libyaml), which line
counting cannot see, are also compared in CPU time at 4 times their sizes. Both tests are in the
slow tier; together they take about a minute of CPU on a 2-core machine.
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from linear_cases import CASES, WARM_UP, Case

from linter.reporters import FORMATS, reporter
from linter.reporters.text import render as render_text
from linter.run.model import Request
from linter.run.runner import run

MAX_RATIO = 6.0
pytestmark = pytest.mark.slow
IN_C = tuple(case for case in CASES if case.in_c)


def _everything(path: Path) -> None:
    result = run(Request(paths=(str(path),), jobs=1, keep_sources=True))
    render_text(result, io.StringIO(), show_source=True)
    for name in FORMATS:
        reporter(name)(result, io.StringIO())


def _lines_run(path: Path) -> int:
    count = 0

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        count += 1
        return tracer

    sys.settrace(tracer)
    try:
        _everything(path)
    finally:
        sys.settrace(None)
    return count


def _write(case: Case, scale: int, folder: Path) -> Path:
    path = folder / f"{scale}-{case.path}"
    path.write_text(case.make(case.unit * scale), encoding="utf-8")
    return path


def _warm_up(folder: Path) -> None:
    """Compile patterns and import modules on other documents: the cases' own answers must not
    be cached before they are counted."""
    for case in WARM_UP:
        _everything(_write(case, 1, folder))


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_work_grows_linearly(case: Case, tmp_path: Path) -> None:
    _warm_up(tmp_path)
    counts = {scale: _lines_run(_write(case, scale, tmp_path)) for scale in (1, 4)}
    ratio = counts[4] / counts[1]
    assert ratio < MAX_RATIO, f"{case.name}: Python lines run at 1x, 4x: {counts} (4x/1x = {ratio:.1f})"


@pytest.mark.parametrize("case", IN_C, ids=[case.name for case in IN_C])
def test_time_grows_linearly(case: Case, tmp_path: Path) -> None:
    big = case._replace(unit=case.unit * 4)
    _warm_up(tmp_path)
    times = {}
    for scale in (1, 4):
        path = _write(big, scale, tmp_path)
        best = float("inf")
        for _ in range(3):  # the least of three: other work on the machine only adds time
            started = time.process_time()
            _everything(path)
            best = min(best, time.process_time() - started)
        times[scale] = best
    ratio = times[4] / max(times[1], 1e-3)
    assert ratio < MAX_RATIO, f"{case.name}: CPU seconds at 1x, 4x: {times} (4x/1x = {ratio:.1f})"


def test_the_harness_runs_in_the_slow_tier_without_a_switch() -> None:
    assert pytestmark.name == "slow"
    for test in (test_work_grows_linearly, test_time_grows_linearly):
        assert not [mark for mark in getattr(test, "pytestmark", []) if mark.name in ("skip", "skipif")]
    assert IN_C and len(IN_C) < len(CASES)
