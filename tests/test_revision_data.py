"""Revision data resolves to the same values however it is stored: snapshots of what rules see."""

from __future__ import annotations

import pytest
from snapshots import check, plain

from linter.engine.registry import all_rules
from linter.tavus import revisions
from linter.tavus.facts import facts


def test_which_rules_apply_to_which_revision_matches_the_snapshot(request: pytest.FixtureRequest) -> None:
    matrix = {rule.code: [name for name in revisions.NAMES if rule.applies_to(name)] for rule in all_rules()}
    check(request, "rule-applicability.json", matrix)


def test_every_resolved_fact_of_every_revision_matches_the_snapshot(request: pytest.FixtureRequest) -> None:
    check(request, "facts.json", {name: plain(facts(name)) for name in revisions.NAMES})
