"""Rule documentation pages, built from rule metadata alone (``explain`` and ``docs/rules/``)."""

from __future__ import annotations

from dataclasses import MISSING, fields
from pathlib import Path
from typing import Any

from linter.engine.declaration import FAMILIES, Rule
from linter.tavus import revisions

DOCS_URL = "https://github.com/persona-lint/persona-lint/blob/main/docs/rules/{code}.md"

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "rules"
"""The rules' fixture folders in a source checkout; an installed wheel has none, and pages then show no examples."""

INLINE_LINES = 60
"""A fixture longer than this is linked from the page, not copied into it."""


def url(rule: Rule[Any]) -> str:
    """Where a rule's page is published (used by SARIF and the language server)."""
    return DOCS_URL.format(code=rule.code)


def page(rule: Rule[Any], fixtures: Path = FIXTURES) -> str:
    """The Markdown page of ``rule``, its examples taken from its fixture folder under ``fixtures``."""
    lines = [
        f"# {rule.code} {rule.name}",
        "",
        f"- Family: {rule.family} ({FAMILIES.get(rule.family, '')})",
        f"- Default severity: {rule.severity.value}",
        f"- API revisions: {scope(rule)}",
        f"- Since: persona-lint {rule.added}",
        f"- Fix: {rule.fix or 'none'}",
        "",
        rule.summary,
        "",
    ]
    if rule.why:
        lines += [rule.why, ""]
    if rule.options is not None:
        lines += ["## Options", "", f"Set in `[tool.persona-lint.options.{rule.code}]`:", ""]
        for option in fields(rule.options):
            default = option.default if option.default is not MISSING else None
            doc = option.metadata.get("doc", "")
            lines.append(f"- `{option.name.replace('_', '-')}` (default `{default!r}`): {doc}")
        lines.append("")
    lines += examples(fixtures / f"{rule.code}-{rule.name}")
    return "\n".join(lines)


def scope(rule: Rule[Any]) -> str:
    """The revisions ``rule`` applies to, in words: ``all``, ``PAL bodies (/v2/pals)``, ``2025-12 and later``."""
    words = [] if set(rule.kinds) == set(revisions.KINDS) else [
        " and ".join(f"{_KIND_WORDS[kind]} bodies ({revisions.ENDPOINTS[kind]})" for kind in rule.kinds)
    ]
    if rule.since is not None:
        words.append(f"{rule.since} and later")
    return ", ".join(words) or "all"


_KIND_WORDS = {"persona": "persona", "pal": "PAL"}


def examples(folder: Path) -> list[str]:
    """Markdown for the shortest invalid fixture (with its findings) and the shortest valid one.

    The examples are the files the test suite checks, so a page never shows an example the rule
    does not report as shown.
    """
    invalid = _shortest(folder / "invalid")
    valid = _shortest(folder / "valid")
    if invalid is None and valid is None:
        return []
    lines = ["## Examples", ""]
    if invalid is not None:
        snapshot = invalid.with_name(invalid.name + ".expected")
        lines += [f"Reported ({_link(folder, invalid)}):", "", *_show(invalid)]
        if snapshot.is_file():
            lines += ["```text", snapshot.read_text(encoding="utf-8").rstrip("\n"), "```", ""]
    if valid is not None:
        lines += [f"Not reported ({_link(folder, valid)}):", "", *_show(valid)]
    return lines


def _shortest(folder: Path) -> Path | None:
    """The fixture in ``folder`` with the fewest bytes (then by name), ignoring snapshots and dotfiles."""
    if not folder.is_dir():
        return None
    candidates = [
        p for p in folder.iterdir() if p.is_file() and not p.name.endswith(".expected") and not p.name.startswith(".")
    ]
    return min(candidates, key=lambda p: (p.stat().st_size, p.name), default=None)


def _link(folder: Path, fixture: Path) -> str:
    """A link from ``docs/rules/`` to the fixture in the repository."""
    relative = f"{folder.name}/{fixture.parent.name}/{fixture.name}"
    return f"[`{fixture.name}`](../../tests/rules/{relative})"


def _show(fixture: Path) -> list[str]:
    """The fixture as a fenced block, or nothing when it is long, empty or not printable text."""
    try:
        text = fixture.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return []
    printable = all(c.isprintable() or c in "\n\t" for c in text)
    if not text.strip() or not printable or text.count("\n") > INLINE_LINES or "```" in text:
        return []
    language = "yaml" if fixture.suffix in {".yaml", ".yml"} else "json"
    return [f"```{language}", text.rstrip("\n"), "```", ""]


def write_all(directory: Path) -> list[Path]:
    """Regenerate ``docs/rules/``: one page per rule plus an index."""
    from linter.engine.registry import all_rules

    directory.mkdir(parents=True, exist_ok=True)
    written = []
    index = ["# Rules", "", "| Code | Name | Severity | Summary |", "|---|---|---|---|"]
    for rule in all_rules():
        target = directory / f"{rule.code}.md"
        target.write_text(page(rule), encoding="utf-8")
        written.append(target)
        index.append(f"| [{rule.code}]({rule.code}.md) | {rule.name} | {rule.severity.value} | {rule.summary} |")
    (directory / "README.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    return written
