"""Codes the engine itself reports: file and syntax (``SYN``), schema (``SCH``), internal (``INT``).

They are documented and configured like rules (select, ignore, severity), but have no check
function: the parser and the schema validator produce them.
"""

from __future__ import annotations

from typing import Any

from linter.diagnostic import Severity
from linter.engine.declaration import Rule, check_fix, split_doc
from linter.tavus import revisions


def _code(code: str, name: str, severity: str, doc: str, fix: str | None = None) -> Rule[Any]:
    summary, why = split_doc(doc)
    check_fix(code, fix)
    return Rule(
        code=code, name=name, severity=Severity(severity), summary=summary, why=why, added="0.1.0",
        kinds=revisions.KINDS, since=None, check=None, options=None, module=__name__, fix=fix,
    )


BUILTIN: tuple[Rule[Any], ...] = (
    _code("SYN001", "invalid-json", "error", """The file is not valid JSON.

Why: the Tavus API accepts only a JSON body; a syntax error (a trailing comma, a comment,
single quotes, `NaN`) means the request is never sent or is rejected. The position is where
the parser stopped."""),
    _code("SYN002", "invalid-yaml", "error", """The file is not valid YAML, or uses YAML that has no JSON equivalent.

Why: YAML personas are converted to the JSON body; a YAML syntax error, or a mapping used as a
key, cannot be converted."""),
    _code("SYN003", "duplicate-key", "error", """An object has the same key twice.

Why: JSON parsers keep only the last value without a word, so the first one is silently
lost; that is almost never what the author meant."""),
    _code("SYN004", "root-not-object", "error", """The document's root is not a JSON object.

Why: a persona body is an object (`{"persona_name": ...}`); an array, string or number at
the root is rejected by the API."""),
    _code("SYN005", "empty-file", "error", """The file is empty.

Why: an empty file is not a persona; it is usually a file saved half-written."""),
    _code("SYN006", "invalid-encoding", "error", """The file is not valid UTF-8 (or UTF-16/32 with a byte order mark).

Why: JSON must be Unicode text; the position is the first byte that cannot be decoded."""),
    _code("SYN007", "multiple-yaml-documents", "error", """A YAML file holds more than one document (`---`).

Why: a persona file is one persona; persona-lint checks the first document only, so the
others would go unchecked."""),
    _code("SYN008", "unreadable-file", "error", """The file cannot be read (missing, no permission, not a regular file).

Why: a path you asked to be checked was not checked; the message says why."""),
    _code("SYN009", "limit-exceeded", "error", """The file exceeds a safety limit (size, nesting, YAML aliases).

Why: persona bodies are a few kilobytes and a dozen levels deep; these limits keep the linter
fast and safe on hostile input. The README lists the limits."""),
    _code("SYN010", "unsupported-yaml-tag", "error", """A YAML tag that constructs objects (such as `!!python/object`).

Why: a persona is plain JSON data; such tags have no JSON meaning and are never executed by
persona-lint."""),
    _code("SYN011", "not-utf8", "warning", """The file is UTF-16 or UTF-32 (with a byte-order mark), not UTF-8.

Why: JSON exchanged between systems must be UTF-8 (RFC 8259,
https://www.rfc-editor.org/rfc/rfc8259#section-8.1); an HTTP client that sends the file's bytes
as the body sends something the API cannot read. persona-lint decodes the file and checks it
all the same. Save it as UTF-8."""),
    _code("SCH001", "unknown-property", "warning", """A key that the revision's schema does not define.

Why: the Tavus API ignores keys it does not know, so a typo such as `voice_id` for
`external_voice_id` silently does nothing. The hint names the closest known key.""",
    fix="unsafe: renames the key to the closest known one, when there is one"),
    _code("SCH002", "missing-property", "error", """A property the schema requires is missing.

Why: the API rejects the body (for example a PAL without `default_face_id`)."""),
    _code("SCH003", "wrong-type", "error", """A value has the wrong JSON type.

Why: the API validates types; a number where a string is expected is rejected or misread."""),
    _code("SCH004", "invalid-value", "error", """A value is not one of the values the revision allows.

Why: enumerated fields (engines, models, modes) accept only listed values; the hint names the
closest allowed value.""",
    fix="safe or unsafe: writes the allowed value the hint names (safe when only the letter case differs)"),
    _code("SCH005", "out-of-range", "error", """A number, string length or array size is outside its documented limits.

Why: the API rejects values outside the documented range (for example more than 50
`guardrail_ids`)."""),
    _code("SCH006", "bad-format", "error", """A string does not match the required pattern or format.

Why: patterned fields (tool names, conferencing usernames) are validated by the API."""),
    _code("SCH007", "no-matching-variant", "error", """A value matches none of the shapes a field accepts.

Why: fields that accept several shapes (`anyOf`/`oneOf`) reject values matching none; the
message reports the closest shape."""),
    _code("SCH008", "schema-violation", "error", """Any other schema constraint (unique items, dependent fields, ...).

Why: the value breaks a constraint stated in the revision's schema."""),
    _code("SCH009", "unknown-schema-url", "warning", """`$schema` (key or YAML modeline) names no bundled schema.

Why: persona-lint reads the API revision from a `$schema` URL of the form
`https://raw.githubusercontent.com/persona-lint/persona-lint/main/schemas/<revision>/persona.schema.json`,
in the `$schema` key or in the modeline that the YAML language server reads
(https://github.com/redhat-developer/yaml-language-server#using-inlined-schema); any other value
(a typo, a local path such as `./.vscode/persona.schema.json`) is not a revision, so the file is
checked as if it named none. The hint names the URL to use; a modeline may keep a local path
for the editor while the configuration's `schema-version` names the revision."""),
    _code("PATCH001", "patch-not-array", "error", """A patch body is not a JSON Patch array (a merge-style object, say).

Why: `PATCH /v2/personas/{persona_id}` takes an RFC 6902 array of operations
(https://docs.tavus.io/api-reference/personas/patch-persona); a plain object of changed
fields (an RFC 7386 merge patch, as some scripts send) is rejected with "Invalid JSON patch
format". Write each changed field as an operation: `{"op": "add", "path": "/layers/llm/model",
"value": ...}` (`add` also replaces a member that exists) and `{"op": "remove", "path": ...}`
for a field set to null. The hint names the operations the body stands for.""",
    fix="unsafe: writes the object as the add and remove operations it stands for (merge-patch semantics)"),
    _code("PATCH009", "remove-required-property", "error", """A `remove` deletes a required property.

Why: the patched persona must still be valid (the API checks the result against the persona
schema, https://docs.tavus.io/api-reference/personas/patch-persona): removing
`default_face_id` from a PAL, or `function` from a tool, leaves a body the API rejects."""),
    _code("PATCH012", "target-missing", "error", """With `--base`, an operation names a place the persona lacks.

Why: RFC 6902 makes `replace`, `remove`, `test` and the `from` of `copy`/`move` fail when
their target does not exist, and `add` fail when the parent does not
(https://www.rfc-editor.org/rfc/rfc6902#section-4); one failing operation rejects the whole
patch. Operations after it are not applied, so the result is not linted."""),
    _code("PATCH013", "test-failed", "error", """With `--base`, a `test` operation fails on the persona.

Why: a failing `test` makes the API reject the whole patch (RFC 6902,
https://www.rfc-editor.org/rfc/rfc6902#section-4.6); values compare as JSON (the string
`"true"` is not `true`). Operations after it are not applied, so the result is not linted."""),
    _code("INT001", "internal-error", "error", """persona-lint failed while checking this file (a bug).

Why: the failing rule is named so that it can be reported; every other rule still ran."""),
    _code("MIG001", "migration-needs-decision", "warning", """`migrate` left something for a person to decide.

Why: most changes between API revisions have one documented equivalent (a renamed field, a
replaced model), and `migrate` makes them. Some do not: a removed TTS engine has no equivalent
voice, a field set under both its old and new names has two values, a YAML block cannot be
rewritten without reformatting. `migrate` leaves the file's value as it is there, names the
revision boundary and says what to decide. Only `migrate` reports this code; `persona-lint check`
then reports the value under the new revision."""),
)
