"""Revision data resolves to the same values however it is stored: snapshots of what rules see."""

from __future__ import annotations

import datetime

import pytest
from snapshots import check, plain

from linter.engine.registry import all_rules
from linter.tavus import revisions
from linter.tavus.facts import _CHANGES, Changes, Facts, facts


def test_which_rules_apply_to_which_revision_matches_the_snapshot(request: pytest.FixtureRequest) -> None:
    matrix = {rule.code: [name for name in revisions.NAMES if rule.applies_to(name)] for rule in all_rules()}
    check(request, "rule-applicability.json", matrix)


def test_every_resolved_fact_of_every_revision_matches_the_snapshot(request: pytest.FixtureRequest) -> None:
    check(request, "facts.json", {name: plain(facts(name)) for name in revisions.NAMES})


def test_a_revisions_changes_may_name_every_fact_but_its_identity() -> None:
    assert set(Changes.__optional_keys__) == set(Facts._fields) - {"revision", "pal"}
    assert not Changes.__required_keys__


def test_every_revision_has_a_facts_entry_that_only_holds_what_changed() -> None:
    assert set(_CHANGES) == set(revisions.NAMES)
    for name in revisions.NAMES:
        base = revisions.previous(name)
        if base is None:
            assert _CHANGES[name] == {}, "the oldest revision is written in full, not as changes"
            continue
        restated = [key for key, value in _CHANGES[name].items() if getattr(facts(base.name), key) == value]
        assert restated == [], f"{name} restates facts it inherits from {base.name}"


def test_a_new_revision_inherits_the_facts_of_the_newest_one_of_its_lineage(monkeypatch: pytest.MonkeyPatch) -> None:
    newest = revisions.newest("persona").name
    after = max(r.date for r in revisions.REVISIONS) + datetime.timedelta(days=1)
    hypothetical = revisions.Revision("hypothetical", "persona", after, "a revision newer than every other")
    monkeypatch.setitem(revisions.BY_NAME, hypothetical.name, hypothetical)
    monkeypatch.setitem(_CHANGES, hypothetical.name, Changes(default_model="tavus-gemma-4"))
    try:
        new, old = facts("hypothetical"), facts(newest)
        assert new == old._replace(revision="hypothetical", default_model="tavus-gemma-4")
        assert facts(revisions.PAL_DEFAULT).pal and not new.pal
    finally:
        facts.cache_clear()
