"""Rule documentation pages, built from rule metadata alone (``explain`` and ``docs/rules/``)."""

from __future__ import annotations

from dataclasses import MISSING, fields
from pathlib import Path
from typing import Any

from linter.engine.declaration import FAMILIES, Rule
from linter.tavus import revisions

DOCS_URL = "https://github.com/persona-lint/persona-lint/blob/main/docs/rules/{code}.md"


def url(rule: Rule[Any]) -> str:
    """Where a rule's page is published (used by SARIF and the language server)."""
    return DOCS_URL.format(code=rule.code)


def page(rule: Rule[Any]) -> str:
    """The Markdown page of ``rule``."""
    lines = [
        f"# {rule.code} {rule.name}",
        "",
        f"- Family: {rule.family} ({FAMILIES.get(rule.family, '')})",
        f"- Default severity: {rule.severity.value}",
        f"- API revisions: {scope(rule)}",
        f"- Since: persona-lint {rule.added}",
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
