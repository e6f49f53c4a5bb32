"""What users read (rule pages, messages, hints) cites public sources, never the maintainers' notes.

The notes in ``../shared/reference/`` number their sections, candidate rules (``X30``), sources
(``[S35]``) and open questions; users never see them, so a citation of that kind is a dead end.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from fixtures import REPO, RULES_DIR

from linter.engine.registry import all_rules
from linter.engine.ruledocs import page

INTERNAL = re.compile(
    r"\bsection \d"  # "reference section 2.5"
    r"|\[S\d"  # "[S35]", "[S8e]"
    r"|(?-i:\bX\d+\b)"  # "X30", a candidate rule of the notes
    r"|\bopen question"
    r"|\(reference\b|\breference:|\breference (?:section|\d)|\bthe reference's\b"
    r"|tavus-persona-api|tavus-cli-facts|cli-facts|late-2026-sightings",
    re.IGNORECASE,
)


@pytest.mark.parametrize(
    "text",
    [
        "(reference section 2.5, section 3, X30, open question 7)",
        "Tavus' tool pages [S8e]",
        "(tavus-cli-facts)",
        "(reference: 'Pipeline mode', X1)",
        "see X47",
        "the reference's rule of thumb",
    ],
)
def test_the_pattern_finds_internal_citations(text: str) -> None:
    assert INTERNAL.search(text), text


@pytest.mark.parametrize(
    "text",
    [
        "shorten it: keep instructions, drop reference material",
        "a local `#/...` reference",
        "https://docs.tavus.io/sections/conversational-video-interface/persona/tts",
        r'"(?:[^"\\\x00-\x1f])*"',
    ],
)
def test_the_pattern_leaves_public_wording_alone(text: str) -> None:
    assert not INTERNAL.search(text), text


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_rule_page_cites_only_public_sources(rule: object) -> None:
    text = page(rule).partition("\n## Examples\n")[0]  # type: ignore[arg-type]  # the examples are fixtures
    found = INTERNAL.search(text)
    assert found is None, f"{rule.code}: internal citation {found.group()!r}"  # type: ignore[attr-defined]


def _non_doc_strings(path: Path) -> list[tuple[int, str]]:
    """String literals of a module other than docstrings: message templates, hints, names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


SOURCES = sorted([*(REPO / "linter").rglob("*.py"), *(REPO / "rules").glob("*.py")])


def test_sources_were_found() -> None:
    assert len(SOURCES) > 100 and any(p.name == "prompt_too_long.py" for p in SOURCES)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(REPO)))
def test_message_and_hint_literals_cite_only_public_sources(path: Path) -> None:
    bad = [(line, text) for line, text in _non_doc_strings(path) if INTERNAL.search(text)]
    assert not bad, f"internal citation in a string users may see: {bad}"


def test_rendered_messages_and_hints_cite_only_public_sources() -> None:
    snapshots = sorted(RULES_DIR.glob("*/invalid/*.expected"))
    assert len(snapshots) > 150
    lines = [(p.name, line) for p in snapshots for line in p.read_text(encoding="utf-8").splitlines()]
    bad = [(name, line) for name, line in lines if INTERNAL.search(line)]
    assert not bad, f"internal citation in a rendered finding: {bad}"
