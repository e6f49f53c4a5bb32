"""Open vocabularies: unknown names warn in the newest revision, stay errors in older ones; editors
still complete every known name; every enum is classified; every known name has evidence."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from linter import Severity, lint_text
from linter.schemas import schemahelp
from linter.schemas import store as schemas
from linter.tavus import revisions
from linter.tavus.evidence import evidence
from linter.tavus.facts import facts
from linter.tavus.vocabularies import ALL, CLOSED, OPEN, Vocabulary, open_in
from linter.util import pointer as ptr

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
NEWEST = (revisions.DEFAULT, revisions.PAL_DEFAULT)
# An older revision of each kind in which the field already existed.
OLDER = {"persona": "2026-06", "pal": "pal-2026-06"}
# A name no revision knows, close to none: an invented model or engine.
UNKNOWN = {
    "/layers/llm/model": "tavus-quasar-9", "/layers/tts/tts_engine": "vocalis", "/layers/stt/stt_engine": "tavus-nova",
    "/layers/perception/perception_model": "raven-9x", "/layers/conversational_flow/turn_detection_model": "heron-1",
    "/disclosure_type": "subtle",
}


def _body(kind: str, vocabulary_pointer: str, value: str) -> dict[str, Any]:
    body: dict[str, Any] = {"system_prompt": "You coach runners.", "pipeline_mode": "full"}
    body.update({"pal_name": "Coach", "default_face_id": "r79e1c033f"} if kind == "pal" else {"persona_name": "Coach"})
    node = body
    tokens = ptr.split(vocabulary_pointer)
    for token in tokens[:-1]:
        node = node.setdefault(token, {})
    node[tokens[-1]] = value
    return body


def _at(diagnostics: list[Any], pointer: str) -> list[tuple[str, Severity]]:
    return [(d.code, d.severity) for d in diagnostics if d.pointer == pointer]


CASES = [
    pytest.param(kind, v, id=f"{kind}:{v.pointer}")
    for v in OPEN for kind in ("persona", "pal") if v.pointer != "/disclosure_type" or kind == "pal"
]


@pytest.mark.parametrize(("kind", "vocabulary"), CASES)
def test_an_unknown_name_is_a_warning_under_the_newest_revision(kind: str, vocabulary: Vocabulary) -> None:
    newest = revisions.newest(kind).name  # type: ignore[arg-type]
    text = json.dumps(_body(kind, vocabulary.pointer, UNKNOWN[vocabulary.pointer]))
    found = _at(lint_text(text, schema_version=newest), vocabulary.pointer)
    assert found == [("SCH011", Severity.WARNING)]


@pytest.mark.parametrize(("kind", "vocabulary"), [c for c in CASES if c.values[1].pointer != "/disclosure_type"])
def test_an_unknown_name_stays_an_error_under_an_older_revision(kind: str, vocabulary: Vocabulary) -> None:
    text = json.dumps(_body(kind, vocabulary.pointer, UNKNOWN[vocabulary.pointer]))
    found = _at(lint_text(text, schema_version=OLDER[kind]), vocabulary.pointer)
    assert len(found) == 1 and found[0][1] is Severity.ERROR and found[0][0] in ("SCH004", "LLM001"), found


def test_disclosure_type_is_not_a_field_of_the_older_pal_revision() -> None:
    text = json.dumps(_body("pal", "/disclosure_type", "always"))
    assert _at(lint_text(text, schema_version="pal-2026-06"), "/disclosure_type") == [("SCH001", Severity.WARNING)]
    assert _at(lint_text(text), "/disclosure_type") == []


def test_a_typo_keeps_its_did_you_mean_and_the_message_says_how_old_the_data_is() -> None:
    text = json.dumps(_body("persona", "/layers/perception/perception_model", "raven-3"))
    [finding] = lint_text(text)
    assert finding.message == "'raven-3' is not a perception model persona-lint knows (its data is from 2026-10)"
    assert finding.hint == "if Tavus added it, update persona-lint; if it is a typo, did you mean 'raven-2'?"


def test_only_the_newest_revision_of_each_kind_is_open() -> None:
    assert [name for name in revisions.NAMES if open_in(name)] == sorted(NEWEST)


@pytest.mark.parametrize("revision", NEWEST)
def test_every_name_the_newest_revisions_know_is_accepted_without_finding(revision: str) -> None:
    kind = revisions.BY_NAME[revision].kind
    for vocabulary in OPEN:
        for name, choice in vocabulary.known(facts(revision)).items():
            if choice.status != "current":
                continue
            found = _at(lint_text(json.dumps(_body(kind, vocabulary.pointer, name)), schema_version=revision),
                        vocabulary.pointer)
            assert not [f for f in found if f[0] in ("SCH004", "SCH011", "LLM001")], (revision, name, found)


# --- editors' view: the published schemas ------------------------------------------------------------


@pytest.mark.parametrize("revision", NEWEST)
def test_the_bundled_newest_schema_accepts_an_unknown_name_and_lists_the_known_ones(revision: str) -> None:
    bundled = schemas.bundle(schemas.persona_uri(revision))
    validator = Draft202012Validator(bundled)
    kind = revisions.BY_NAME[revision].kind
    for vocabulary in OPEN:
        known = vocabulary.known(facts(revision))
        if not known or not schemahelp.at(revision, vocabulary.pointer):
            continue
        unknown = _body(kind, vocabulary.pointer, UNKNOWN[vocabulary.pointer])
        assert not list(validator.iter_errors(unknown)), vocabulary
        where = vocabulary.pointer
        listed = set(schemahelp.enum_values(revision, where)) | set(_examples(revision, where))
        current = {name for name, choice in known.items() if choice.status == "current"}
        assert current <= listed, (revision, vocabulary.pointer, current - listed)


def _examples(revision: str, pointer: str) -> list[Any]:
    return [value for node in schemahelp.at(revision, pointer) for value in node.get("examples", [])]


def test_an_older_schema_still_rejects_an_unknown_name() -> None:
    validator = Draft202012Validator(schemas.bundle(schemas.persona_uri("2026-06")))
    assert list(validator.iter_errors(_body("persona", "/layers/perception/perception_model", "raven-9x")))


def _enums(node: Any, where: str = "") -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        if "enum" in node:
            found.append(where)
        for key, child in node.items():
            if key not in ("examples", "default", "const", "enum"):
                found.extend(_enums(child, f"{where}/{key}"))
    elif isinstance(node, list):
        for child in node:
            found.extend(_enums(child, where))
    return found


def test_every_enum_of_every_schema_is_classified_open_or_closed() -> None:
    names = {v.pointer.rsplit("/", 1)[-1] for v in ALL}
    unclassified = set()
    for path in sorted(SCHEMAS.rglob("*.schema.json")):
        for where in _enums(json.loads(path.read_text(encoding="utf-8"))):
            # The property holding the enum: ".../properties/<name>[/anyOf/0]" or "$defs/<name>".
            inner = where.split("/properties/")[-1] if "/properties/" in where else where.rsplit("/", 2)[-2]
            name = inner.split("/")[0]
            if name not in names:
                unclassified.add(f"{path.relative_to(SCHEMAS)}#{where}")
    assert not unclassified


@pytest.mark.parametrize("revision", NEWEST)
def test_open_vocabularies_are_open_in_the_newest_schemas_and_closed_ones_are_not(revision: str) -> None:
    for vocabulary in OPEN + CLOSED:
        for node in [n for n in schemahelp.at(revision, vocabulary.pointer) if "description" in n]:
            branches = node.get("anyOf", [])
            opened = any(b.get("type") == "string" and "enum" not in b for b in branches) or (
                "enum" not in node and not branches
            )
            assert opened == vocabulary.open, (revision, vocabulary.pointer)


# --- evidence -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("revision", NEWEST)
def test_every_open_vocabulary_value_of_the_newest_revisions_has_evidence(revision: str) -> None:
    kind = revisions.BY_NAME[revision].kind
    missing = [
        (vocabulary.pointer, name)
        for vocabulary in OPEN for name in vocabulary.known(facts(revision))
        if evidence(kind, vocabulary.pointer, name) is None
    ]
    assert not missing


@pytest.mark.parametrize(
    ("kind", "pointer"),
    [("persona", "/greeting"), ("persona", "/layers/perception/emotion_recognition"),
     ("persona", "/layers/conversational_flow/idle_end_behavior"), ("pal", "/disclosure_type"),
     ("pal", "/verbal_disclosure"), ("pal", "/visual_disclosure"), ("pal", "/languages")],
)
def test_every_field_new_in_2026_09_has_evidence_and_its_schema_description_says_it(kind: str, pointer: str) -> None:
    found = evidence(kind, pointer)  # type: ignore[arg-type]
    assert found is not None
    revision = revisions.newest(kind).name  # type: ignore[arg-type]
    description = schemahelp.describe(revision, pointer) or ""
    assert ("Documented: " + found.url if found.kind == "documented" else "bserved in public code") in description


def test_observed_values_cite_public_code_and_documented_ones_a_tavus_page() -> None:
    for (_, _, _), entry in __import__("linter.tavus.evidence", fromlist=["EVIDENCE"]).EVIDENCE.items():
        if entry.kind == "documented":
            assert entry.url.startswith("https://docs.tavus.io/"), entry
        else:
            assert entry.projects >= 1 and entry.ids, entry
            assert entry.describe().startswith("observed in public code, ")
