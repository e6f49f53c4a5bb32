"""Showing values from the input in messages without ever showing a secret."""

from __future__ import annotations

import json
import re
from typing import Any

from linter.util.lazy_regex import LazyPattern

_SECRET_KEY = LazyPattern(
    r"(api[_-]?key|apikey|secret|token|password|passwd|authorization|auth|credential|private[_-]?key|bearer)",
    re.IGNORECASE,
)
MASK = "****"


def is_secret_key(name: str) -> bool:
    """Keys whose values may be credentials (``api_key``, ``Authorization``, ``x-api-token``, ...).

    Deliberately broader than :func:`linter.secrets.is_secret_name`, which decides SEC findings:
    masking a harmless value in a message costs nothing, reporting it as a secret would be a
    false error.
    """
    return bool(_SECRET_KEY.search(name))


def mask(secret: str) -> str:
    """A secret as it may be shown: its length and nothing of its content."""
    return f"{MASK} ({len(secret)} characters)"


def show(value: Any, key: str = "", limit: int = 60) -> str:
    """A short, JSON-like rendering of ``value`` for a message; secrets masked, long text cut."""
    if key and is_secret_key(key) and isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return mask(value if isinstance(value, str) else json.dumps(value))  # numeric credentials too
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return f"an array of {len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, int) and value.bit_length() > 14_000:  # str() refuses it
        return number(value)
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…\""


def number(value: float) -> str:
    """``value`` as ``:g`` shows it, for any size of integer (``:g`` converts to a float, which
    overflows above about 1.8e308; ``str`` refuses more than 4,300 digits)."""
    try:
        return f"{value:g}"
    except OverflowError:
        pass
    if isinstance(value, int) and value.bit_length() > 14_000:
        return ("-" if value < 0 else "") + "a number of more than 4,000 digits"
    digits = str(abs(value))
    return f"{'-' if value < 0 else ''}{digits[0]}.{digits[1:6]}e+{len(digits) - 1}"
