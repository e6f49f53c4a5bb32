"""How old persona-lint's data of the Tavus API is, and the one-line notice when it is too old.

Tavus changes the persona body every month or two; a linter whose data is half a year behind
reports new names as unknown. As Browserslist does when its data ages, ``check`` then suggests an
update once per run. ``ignore-old-data = true`` in the configuration or the environment variable
:data:`ENV_IGNORE` turns the notice off.
"""

from __future__ import annotations

import os
from datetime import date

from linter.tavus import evidence

ENV_IGNORE = "PERSONA_LINT_IGNORE_OLD_DATA"
MAX_AGE_MONTHS = 6


def months_between(month: str, today: date) -> int:
    """Whole months from ``month`` (``YYYY-MM``) to ``today``'s month."""
    year, number = (int(part) for part in month.split("-")[:2])
    return (today.year - year) * 12 + today.month - number


def newest_data() -> str:
    """The month of the newest fact persona-lint has, over every body kind."""
    return max(evidence.newest_date("persona"), evidence.newest_date("pal"))


def old_data_notice(today: date, ignore: bool = False) -> str | None:
    """The notice to print when the data is more than six months older than ``today``, else ``None``."""
    if ignore or os.environ.get(ENV_IGNORE, "").strip() not in ("", "0", "false"):
        return None
    newest = newest_data()
    if months_between(newest, today) <= MAX_AGE_MONTHS:
        return None
    return (
        f"persona-lint's data of the Tavus API is from {newest}, more than {MAX_AGE_MONTHS} months old: "
        f"update persona-lint (pip install -U persona-lint); to silence this, set ignore-old-data = true "
        f"or {ENV_IGNORE}=1"
    )
