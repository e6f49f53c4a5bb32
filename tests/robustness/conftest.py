from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))


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
