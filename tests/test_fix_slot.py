"""The fix slot: immutable, typed fixes a finding may carry onto its diagnostic."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from linter.config.settings import DEFAULT
from linter.diagnostic import Diagnostic, Severity
from linter.document.source import parse
from linter.engine.lint import lint_document
from linter.engine.selection import ActiveRule, RuleSet, resolve
from linter.rule import AddMember, Finding, Fix, Persona, RemoveMember, RenameKey, ReplaceValue, rule

RENAME = Fix("rename 'sytem_prompt' to 'system_prompt'", "safe", (RenameKey("/sytem_prompt", "system_prompt"),))


def test_finding_and_diagnostic_have_no_fix_by_default() -> None:
    assert Finding("/a", "message").fix is None
    assert Diagnostic.__dataclass_fields__["fix"].default is None


def test_fixes_and_edits_are_immutable() -> None:
    edits = (
        ReplaceValue("/pipeline_mode", "full"),
        RenameKey("/sytem_prompt", "system_prompt"),
        RemoveMember("/layers/llm/tools/0"),
        AddMember("/layers/llm", "model", "tavus-llama"),
    )
    fix = Fix("several", "unsafe", edits)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fix.title = "other"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        edits[0].value = "echo"  # type: ignore[misc]
    with pytest.raises(AttributeError):  # slots: no stray attributes
        object.__setattr__(edits[2], "extra", 1)


def test_an_edit_with_an_object_value_still_hashes_and_compares() -> None:
    one = Fix("t", "safe", (AddMember("", "layers", {"llm": {"model": "m"}}),))
    same = Fix("t", "safe", (AddMember("", "layers", {"llm": {"model": "m"}}),))
    other = Fix("t", "safe", (AddMember("", "layers", {"llm": {"model": "n"}}),))
    assert one == same and hash(one) == hash(same) and one != other


@pytest.mark.parametrize(
    ("make", "error"),
    [
        (lambda: ReplaceValue("layers/llm", 1), ValueError),
        (lambda: RenameKey("", "x"), ValueError),
        (lambda: RemoveMember(""), ValueError),
        (lambda: AddMember("layers", "k", 1), ValueError),
        (lambda: Fix("t", "maybe", ()), ValueError),  # type: ignore[arg-type]
        (lambda: Fix("t", "safe", [RemoveMember("/a")]), TypeError),  # type: ignore[arg-type]
        (lambda: Fix("t", "safe", ("remove /a",)), TypeError),  # type: ignore[arg-type]
    ],
)
def test_a_malformed_fix_is_refused_where_it_is_built(make: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        make()  # type: ignore[operator]


def test_the_engine_carries_a_findings_fix_onto_its_diagnostic() -> None:
    @rule(code="PIPE001", name="prompt-typo-with-fix", severity="error")
    def check(persona: Persona, options: None) -> Iterator[Finding]:
        """Test.\n\nWhy: test."""
        if persona.get("/sytem_prompt") is not None:
            yield Finding("/sytem_prompt", "typo", target="key", fix=RENAME)

    rules = dict(resolve(DEFAULT).by_code)
    rules["PIPE001"] = ActiveRule(check, Severity.ERROR, None)
    document = parse("p.json", b'{"persona_name": "Echo", "pipeline_mode": "echo", "sytem_prompt": "x"}')
    fixed = [d for d in lint_document(document, RuleSet(rules), "2026-06") if d.code == "PIPE001"]
    assert [d.fix for d in fixed] == [RENAME]
    others = [d for d in lint_document(document, RuleSet(rules), "2026-06") if d.code != "PIPE001"]
    assert others and all(d.fix is None for d in others)
