"""Module-level patterns compile on first use, behave as ``re`` patterns, and all compile."""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator
from typing import Any

import pytest

import linter
import rules
from linter.util.lazy_regex import LazyPattern


def _patterns_in(value: Any) -> Iterator[LazyPattern]:
    if isinstance(value, LazyPattern):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _patterns_in(item)


def _module_patterns() -> list[tuple[str, LazyPattern]]:
    found: list[tuple[str, LazyPattern]] = []
    for package in (linter, rules):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if info.name.endswith("__main__"):
                continue
            module = importlib.import_module(info.name)
            for name, value in vars(module).items():
                found.extend((f"{info.name}.{name}", pattern) for pattern in _patterns_in(value))
    return found


MODULE_PATTERNS = _module_patterns()


def test_module_patterns_are_found() -> None:
    # The secret shapes (a tuple of pairs) and the tool-name patterns at least.
    names = {name for name, _ in MODULE_PATTERNS}
    assert "linter.tavus.tooldefs.OPENAI_NAME" in names
    assert sum(name == "linter.tavus.secrets.TOKEN_SHAPES" for name in names) == 1
    assert len(MODULE_PATTERNS) > 30


@pytest.mark.parametrize(("name", "pattern"), MODULE_PATTERNS, ids=[name for name, _ in MODULE_PATTERNS])
def test_every_module_pattern_compiles(name: str, pattern: LazyPattern) -> None:
    # Compiling late must not hide a broken pattern until the one file that reaches it.
    assert isinstance(re.compile(pattern.pattern, pattern.flags), re.Pattern)


def test_nothing_is_compiled_before_first_use() -> None:
    pattern = LazyPattern(r"(unbalanced")
    assert pattern.pattern == "(unbalanced"
    with pytest.raises(re.error):
        pattern.search("text")


def test_calls_give_what_re_gives_and_bind_the_compiled_methods() -> None:
    source, flags = r"(?P<key>[a-z]+)=(\d+)", re.IGNORECASE
    text = "A=1, bb=22; CCC=333"
    expected = re.compile(source, flags)
    lazy = LazyPattern(source, flags)
    assert lazy.search(text, 3) is not None
    assert lazy.search(text, 3).span() == expected.search(text, 3).span()  # type: ignore[union-attr]
    assert "search" in vars(lazy)  # later calls go straight to the compiled pattern
    assert lazy.match(text).group(0) == expected.match(text).group(0)  # type: ignore[union-attr]
    assert lazy.fullmatch("x=9") is not None and lazy.fullmatch(text) is None
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in expected.finditer(text)]
    assert lazy.findall(text) == expected.findall(text)
    assert lazy.sub("-", text, 2) == expected.sub("-", text, 2)
    assert lazy.split(text) == expected.split(text)
