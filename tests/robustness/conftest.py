from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

sys.path.insert(0, str(Path(__file__).parent))

# Hypothesis profiles: "dev" (the default) is quick; "ci" (HYPOTHESIS_PROFILE=ci, set by .ci/run)
# runs test_fuzz_every_field.py at 100,000 inputs. Both leave hypothesis' deadline off: a lint's
# time depends on the machine, and a hang is caught by the guards below.
_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
settings.register_profile("dev", deadline=None, suppress_health_check=_QUIET)
settings.register_profile("ci", deadline=None, suppress_health_check=_QUIET, print_blob=True)
settings.load_profile("ci" if os.environ.get("HYPOTHESIS_PROFILE") == "ci" else "dev")


@pytest.fixture(autouse=True)
def hang_guard() -> Iterator[None]:
    """A hang fails the test instead of stalling CI (not a timing assertion: 60 s is generous)."""
    def hung(signum: int, frame: object) -> None:
        raise TimeoutError("persona-lint hung on this input")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
