"""Codes the adoption features report: suppressions and the baseline (``SUP``), team policies (``POL``).

Like the engine's own codes they have no check function; they are selected, ignored and given a
severity like any rule.
"""

from __future__ import annotations

from typing import Any

from linter.engine.builtin_codes import _code
from linter.engine.declaration import Rule

UNUSED_SUPPRESSION = "SUP001"
STALE_BASELINE = "SUP002"
POLICY_VIOLATION = "POL001"

ADOPTION_CODES: tuple[Rule[Any], ...] = (
    _code(UNUSED_SUPPRESSION, "unused-suppression", "warning", """A suppression silences nothing.

Why: a `# persona-lint: disable=...` comment or an `ignore-at` entry that no longer matches a
finding hides nothing today but would silently hide a new mistake tomorrow; remove it (ruff's
RUF100 works the same way). A comment naming a secrets code (`SEC`) is reported too: secrets in
clear cannot be silenced inline; move the key out of the file and rotate it.""",
          fix="safe: removes a YAML comment that silences nothing (its whole line when it stands alone)"),
    _code(STALE_BASELINE, "stale-baseline-entry", "info", """A baseline entry no longer matches a finding.

Why: the finding it recorded was fixed (or changed), so the entry can go and the baseline
shrinks; `persona-lint check --write-baseline FILE` rewrites it. Stale entries never make the
exit code 1, whatever `--fail-level` says."""),
    _code(POLICY_VIOLATION, "policy-violation", "error", """A persona breaks one of the team's policy schemas.

Why: the team declared the rule in a JSON Schema listed under `policy-schemas` in its
configuration. The message is the schema's `x-message`, `title` or `description` and the hint
names the policy file and the location in it that failed."""),
)
