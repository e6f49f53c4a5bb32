"""Plain-JSON snapshots of revision data (rule applicability, resolved facts) for tests."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"


def plain(value: Any) -> Any:
    """``value`` as JSON-ready data: named tuples by field, sets sorted, mappings by sorted key."""
    if hasattr(value, "_asdict"):
        return {key: plain(item) for key, item in value._asdict().items()}
    if isinstance(value, Mapping):
        return {str(key): plain(value[key]) for key in sorted(value)}
    if isinstance(value, (set, frozenset)):
        return sorted(plain(item) for item in value)
    if isinstance(value, (tuple, list)):
        return [plain(item) for item in value]
    return value


def check(request: pytest.FixtureRequest, name: str, actual: Any) -> None:
    """Compare ``actual`` to ``tests/data/<name>``; ``--update-snapshots`` rewrites it."""
    path = DATA / name
    text = json.dumps(actual, indent=1, sort_keys=True) + "\n"
    if request.config.getoption("--update-snapshots"):
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"missing snapshot {name}: run pytest --update-snapshots"
    assert json.loads(path.read_text(encoding="utf-8")) == actual
