"""Revisions are data: dated, of a kind, selected by rules by kind and date, listed from one place."""

from __future__ import annotations

import datetime
import itertools
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_schemas import NEWEST, VERSIONS

from linter.cli import cli
from linter.engine.registry import all_rules
from linter.engine.ruledocs import scope
from linter.rule import Finding, Persona, rule
from linter.tavus import revisions
from linter.tavus.facts import _CHANGES
from linter.tavus.revisions import KINDS, NAMES, REVISIONS, Revision

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")
CONTRACT = (REPO / "schemas" / "CONTRACT.md").read_text(encoding="utf-8")
KNOWN = ("2024-10", "2025-03", "2025-08", "2025-12", "2026-02", "2026-03", "2026-06", "pal-2026-06")
"""Revisions that exist as this is written: expectations below name them, and stay true when a
newer revision is added."""
PERSONA_NAMES = [r.name for r in REVISIONS if r.kind == "persona"]
PAL_NAMES = [r.name for r in REVISIONS if r.kind == "pal"]


def _check(persona: Persona, options: None) -> Iterator[Finding]:
    """Test rule.\n\nWhy: test."""
    yield from ()


def _applicability() -> dict[str, list[str]]:
    return {r.code: sorted(name for name in revisions.BY_NAME if r.applies_to(name)) for r in all_rules()}


def _listed(text: str) -> list[str]:
    """The revision names written in backquotes in ``text``, in order, each once."""
    return list(dict.fromkeys(re.findall(r"`((?:pal-)?\d{4}-\d{2})`", text)))


# --- the data -----------------------------------------------------------------------------------


def test_each_revision_carries_its_kind_endpoint_and_date() -> None:
    assert {r.kind for r in REVISIONS} == set(KINDS)
    for revision in REVISIONS:
        assert revision.endpoint == {"persona": "/v2/personas", "pal": "/v2/pals"}[revision.kind]
        assert revision.pal == (revision.kind == "pal")
        # The name is the month of the newest change the revision includes.
        assert revision.name.removeprefix("pal-") == revision.date.strftime("%Y-%m"), revision.name
        if revision.merges:
            assert revision.date == max(datetime.date.fromisoformat(day) for day in revision.merges), revision.name
    assert revisions.BY_NAME["pal-2026-06"].endpoint == "/v2/pals"
    assert revisions.BY_NAME["2026-06"].date == datetime.date(2026, 6, 3)


def test_revisions_are_listed_by_kind_oldest_first_and_no_two_of_a_kind_share_a_date() -> None:
    assert [r.kind for r in REVISIONS] == sorted((r.kind for r in REVISIONS), key=KINDS.index)
    for kind in KINDS:
        dates = [r.date for r in REVISIONS if r.kind == kind]
        assert dates == sorted(set(dates)), kind
    assert tuple(r.name for r in REVISIONS) == NAMES


def test_the_defaults_are_the_newest_revision_of_each_kind() -> None:
    assert max((r for r in REVISIONS if r.kind == "persona"), key=lambda r: r.date).name == revisions.DEFAULT
    assert max((r for r in REVISIONS if r.kind == "pal"), key=lambda r: r.date).name == revisions.PAL_DEFAULT


def test_which_is_newer_never_depends_on_list_position(monkeypatch: pytest.MonkeyPatch) -> None:
    before = _applicability()
    lineage = {name: revisions.previous(name) for name in NAMES}
    monkeypatch.setattr(revisions, "BY_NAME", dict(reversed(revisions.BY_NAME.items())))
    assert _applicability() == before
    assert {name: revisions.previous(name) for name in NAMES} == lineage
    assert revisions.newest("persona").name == revisions.DEFAULT
    assert revisions.newer("2026-06", "2024-10") and not revisions.newer("2024-10", "2026-06")


def test_each_revision_builds_on_the_previous_one_of_its_lineage() -> None:
    assert revisions.previous(NAMES[0]) is None
    for older, newer in itertools.pairwise(PERSONA_NAMES):
        assert revisions.previous(newer) == revisions.BY_NAME[older]
    # The first PAL revision is a renamed persona body: it builds on the newest persona revision before it.
    assert revisions.previous(PAL_NAMES[0]) == revisions.BY_NAME["2026-06"]


# --- rules select revisions by kind and date ------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_every_rule_of_the_newest_revision_applies_to_a_newer_one(kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    latest = revisions.newest(kind)  # type: ignore[arg-type]
    after = max(r.date for r in REVISIONS) + datetime.timedelta(days=1)
    hypothetical = Revision(f"hypothetical-{kind}", kind, after, "a revision newer than every other")  # type: ignore[arg-type]
    monkeypatch.setitem(revisions.BY_NAME, hypothetical.name, hypothetical)
    assert revisions.newest(kind) is hypothetical  # type: ignore[arg-type]
    applied = [r for r in all_rules() if r.applies_to(latest.name)]
    assert len(applied) > 50
    dropped = [r.code for r in applied if not r.applies_to(hypothetical.name)]
    assert dropped == [], f"these rules would silently stop applying to a new {kind} revision"


def test_persona_only_rules_keep_applying_to_a_newer_persona_revision(monkeypatch: pytest.MonkeyPatch) -> None:
    hypothetical = Revision("2027-01", "persona", datetime.date(2027, 1, 4), "hypothetical")
    monkeypatch.setitem(revisions.BY_NAME, hypothetical.name, hypothetical)
    by_code = {r.code: r for r in all_rules()}
    for code in ("TOOL016", "TOOL017", "PERC001"):
        assert by_code[code].kinds == ("persona",)
        assert by_code[code].applies_to("2027-01") and not by_code[code].applies_to("pal-2026-06"), code


def test_a_rule_declares_its_revisions_by_kind_and_since() -> None:
    def applicable(**scope_args: object) -> list[str]:
        declared = rule(code="PIPE998", name="scoped", severity="info", **scope_args)(_check)  # type: ignore[arg-type]
        return [name for name in KNOWN if declared.applies_to(name)]

    assert applicable() == list(KNOWN)
    assert applicable(kinds=("persona",)) == list(KNOWN[:-1])
    assert applicable(kinds=("pal",)) == ["pal-2026-06"]
    assert applicable(since="2025-12") == ["2025-12", "2026-02", "2026-03", "2026-06", "pal-2026-06"]
    assert applicable(kinds=("persona",), since="2026-03") == ["2026-03", "2026-06"]


@pytest.mark.parametrize(
    "scope_args", [{"kinds": ("personas",)}, {"kinds": ()}, {"since": "2025-13"}, {"since": "pal"}]
)
def test_a_misdeclared_scope_is_refused_where_the_rule_is_declared(scope_args: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="PIPE998"):
        rule(code="PIPE998", name="scoped", severity="info", **scope_args)  # type: ignore[arg-type]


def test_rule_pages_say_which_revisions_a_rule_applies_to() -> None:
    by_code = {r.code: r for r in all_rules()}
    assert scope(by_code["PIPE001"]) == "all"
    assert scope(by_code["TOOL016"]) == "persona bodies (/v2/personas)"
    assert scope(by_code["TOOL019"]) == "PAL bodies (/v2/pals)"
    assert scope(by_code["FLOW001"]) == "2025-12 and later"
    declared = rule(code="PIPE998", name="scoped", severity="info", kinds=("pal",), since="2026-06")(_check)
    assert scope(declared) == "PAL bodies (/v2/pals), 2026-06 and later"


def test_the_rules_json_lists_kinds_since_and_revisions() -> None:
    result = CliRunner().invoke(cli, ["rules", "--format", "json"])
    rows = {row["code"]: row for row in json.loads(result.stdout)}
    assert rows["TOOL016"]["kinds"] == ["persona"] and rows["TOOL016"]["since"] is None
    assert rows["TOOL016"]["revisions"] == PERSONA_NAMES
    assert rows["FLOW005"]["since"] == "2026-06"
    assert [name for name in rows["FLOW005"]["revisions"] if name in KNOWN] == ["2026-06", "pal-2026-06"]
    assert rows["SCH001"]["revisions"] == list(NAMES)


# --- every other list of revisions matches revisions.py -------------------------------------------


def test_the_versions_command_lists_every_revision_oldest_first() -> None:
    lines = CliRunner().invoke(cli, ["versions"]).stdout.splitlines()
    assert [line.split()[0] for line in lines] == list(NAMES)
    for line, revision in zip(lines, REVISIONS, strict=True):
        assert revision.summary in line
        assert line.endswith("(default)") == (revision.name == revisions.DEFAULT)


def test_the_readme_lists_exactly_the_revisions() -> None:
    section = " ".join(README.split("### API revisions", 1)[1].split("The revision of a file is", 1)[0].split())
    assert _listed(section) == list(NAMES)
    assert f"`{revisions.DEFAULT}` (the default: the newest `/v2/personas` body)" in section
    published = re.search(r"one of `persona-lint versions` \((.*?)\)", README, re.DOTALL)
    assert published is not None
    assert _listed(published.group(1)) == [PERSONA_NAMES[0], revisions.DEFAULT, *PAL_NAMES]


def test_the_schema_contract_lists_exactly_the_revisions() -> None:
    sentence = CONTRACT.split("One folder per Tavus API revision:", 1)[1].split("\n- ", 1)[0]
    assert _listed(sentence) == list(NAMES)


def test_every_revision_has_a_schema_folder_and_nothing_else_does() -> None:
    folders = {path.parent.name for path in (REPO / "schemas").glob("*/persona.schema.json")}
    assert folders == set(NAMES)
    assert sorted(VERSIONS) == sorted(NAMES) and NEWEST == revisions.DEFAULT


def test_every_revision_has_a_schema_folder_a_facts_entry_and_a_versions_summary() -> None:
    versions = CliRunner().invoke(cli, ["versions"]).stdout.splitlines()
    for revision in REVISIONS:
        assert (REPO / "schemas" / revision.name / "persona.schema.json").is_file(), revision.name
        assert revision.name in _CHANGES, f"{revision.name} has no entry in linter/tavus/facts.py's _CHANGES"
        assert revision.summary.strip(), f"{revision.name} has no summary"
        assert any(line.split()[0] == revision.name and revision.summary in line for line in versions)


def test_the_update_guide_names_files_that_exist() -> None:
    guide = (REPO / "docs" / "updating-the-api-data.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:linter|tests|schemas|docs)/[\w./-]+\.(?:py|md|json))`", guide))
    assert {"linter/tavus/revisions.py", "linter/tavus/facts.py", "schemas/CONTRACT.md"} <= named
    example = "2027-01"  # the guide's example revision: its files are the ones to create
    assert [path for path in sorted(named) if example not in path and not (REPO / path).is_file()] == []
    assert "`_CHANGES`" in guide and "`Changes(" in guide
