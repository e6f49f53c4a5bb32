"""The configuration keys a team needs to adopt persona-lint in an existing repository.

- ``per-file-ignores`` entries written ``CODE:/json/pointer`` silence ``CODE`` at that JSON
  Pointer and everything under it (JSON has no comments, so this is how a JSON finding is
  silenced precisely); plain ``CODE`` entries stay in :class:`~linter.config.settings.Settings`.
- ``ignore-at``: a list of tables ``{path, code, pointer, reason}``, the same with a reason.
- ``policy-schemas``: JSON Schemas the team writes, for every persona (a list of globs) or per
  persona glob (a table of ``persona-glob = [schema globs]``).
- ``baseline``: the baseline file that ``check`` applies unless ``--baseline`` names another.

Every value is checked here, once, when the file is loaded; a bad one is a :class:`ConfigError`
naming the file and the key (exit 2).
"""

from __future__ import annotations

import contextlib
import fnmatch
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ADOPTION_KEYS = ("ignore-at", "policy-schemas", "baseline")


class AdoptionConfigError(ValueError):
    """A bad adoption key; :mod:`linter.config.settings` re-raises it as its ``ConfigError``."""


@dataclass(frozen=True, slots=True)
class PointerIgnore:
    """Silence the rules ``selector`` names at ``pointer`` (and below) in files matching ``glob``."""

    glob: str
    selector: str
    pointer: str
    reason: str | None
    origin: str
    """Which entry it is, for messages: ``ignore-at[2]`` (no file path: baselines hash the message)."""
    report_unused: bool
    """``ignore-at`` entries that silence nothing are reported; glob-wide ``per-file-ignores`` are not."""


@dataclass(frozen=True, slots=True)
class Policy:
    """One team policy schema and the personas it covers."""

    path: Path
    schema_text: str
    """The schema as canonical JSON: settings stay hashable, the engine parses it once."""
    covers: str
    """A glob of persona paths, relative to the configuration's folder (``*`` for all)."""


@dataclass(frozen=True, slots=True)
class Adoption:
    pointer_ignores: tuple[PointerIgnore, ...] = ()
    policies: tuple[Policy, ...] = ()
    baseline: Path | None = None


NO_ADOPTION = Adoption()


def split_per_file(
    per_file: tuple[tuple[str, tuple[str, ...]], ...], where: str
) -> tuple[tuple[tuple[str, tuple[str, ...]], ...], tuple[PointerIgnore, ...]]:
    """Plain ``per-file-ignores`` entries, and the ``CODE:/pointer`` ones as :class:`PointerIgnore`."""
    plain: list[tuple[str, tuple[str, ...]]] = []
    pointed: list[PointerIgnore] = []
    for glob, entries in per_file:
        codes = []
        for entry in entries:
            selector, colon, pointer = entry.partition(":")
            if not colon:
                codes.append(entry)
                continue
            _check_pointer(pointer, f"{where}: per-file-ignores.{glob!r}: {entry!r}")
            pointed.append(PointerIgnore(glob, selector.strip(), pointer, None, f"per-file-ignores.{glob!r}", False))
        plain.append((glob, tuple(codes)))
    return tuple(plain), tuple(pointed)


def parse(table: Mapping[str, Any], where: str, root: Path | None) -> Adoption:
    """The adoption keys of one configuration table (``root`` is the configuration's folder)."""
    base = root or Path.cwd()
    return Adoption(
        pointer_ignores=_ignore_at(table.get("ignore-at", []), where),
        policies=_policies(table.get("policy-schemas", []), where, base),
        baseline=_baseline(table.get("baseline"), where, base),
    )


def covers(glob: str, path: str, root: Path | None) -> bool:
    """Whether a configuration glob matches ``path``: its name, its path relative to ``root`` or absolute."""
    if path == "-":
        return glob in ("*", "**")
    candidate = Path(path).resolve()
    names = {candidate.as_posix(), candidate.name, path}
    if root is not None:
        with contextlib.suppress(ValueError):
            names.add(candidate.relative_to(root).as_posix())
    return any(fnmatch.fnmatchcase(name, glob) for name in names)


def _check_pointer(pointer: str, where: str) -> None:
    if pointer and not pointer.startswith("/"):
        raise AdoptionConfigError(f"{where}: the JSON Pointer must be empty or start with '/' (RFC 6901)")


def _ignore_at(value: Any, where: str) -> tuple[PointerIgnore, ...]:
    shape = 'a list of tables {path = "...", code = "...", pointer = "/...", reason = "..."}'
    if not isinstance(value, list):
        raise AdoptionConfigError(f"{where}: ignore-at must be {shape}")
    entries = []
    for number, item in enumerate(value):
        label = f"{where}: ignore-at[{number}]"
        if not isinstance(item, dict):
            raise AdoptionConfigError(f"{label} must be a table: {shape}")
        unknown = sorted(set(item) - {"path", "code", "pointer", "reason"})
        if unknown:
            raise AdoptionConfigError(f"{label}: unknown key {unknown[0]!r}; known keys: path, code, pointer, reason")
        for key in ("path", "code", "pointer", "reason"):
            if not isinstance(item.get(key), str):
                raise AdoptionConfigError(f"{label}: {key} must be a string (every entry gives a reason)")
        if not item["reason"].strip():
            raise AdoptionConfigError(f"{label}: reason must say why the finding is accepted")
        _check_pointer(item["pointer"], f"{label}: pointer {item['pointer']!r}")
        origin = f"ignore-at[{number}]"
        entries.append(PointerIgnore(item["path"], item["code"], item["pointer"], item["reason"], origin, True))
    return tuple(entries)


def _policies(value: Any, where: str, base: Path) -> tuple[Policy, ...]:
    if isinstance(value, list):
        table: dict[str, Any] = {"*": value}
    elif isinstance(value, dict):
        table = value
    else:
        raise AdoptionConfigError(
            f"{where}: policy-schemas must be a list of schema globs, or a table of persona-glob = [schema globs]"
        )
    policies: list[Policy] = []
    for covered, patterns in table.items():
        if isinstance(patterns, str):
            patterns = [patterns]
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            raise AdoptionConfigError(f"{where}: policy-schemas.{covered!r} must be a list of schema globs")
        for pattern in patterns:
            matched = sorted(base.glob(pattern)) if not Path(pattern).is_absolute() else [Path(pattern)]
            matched = [path for path in matched if path.is_file()]
            if not matched:
                raise AdoptionConfigError(f"{where}: policy-schemas: {pattern!r} matches no file under {base}")
            policies.extend(Policy(path, _policy_text(path, where), covered) for path in matched)
    return tuple(policies)


def _policy_text(path: Path, where: str) -> str:
    from jsonschema.exceptions import SchemaError
    from jsonschema.validators import validator_for

    label = f"{where}: policy-schemas: {path}"
    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise AdoptionConfigError(f"{label}: cannot read: {error.strerror or error}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise AdoptionConfigError(f"{label}: not valid JSON: {error}") from None
    if not isinstance(schema, (dict, bool)):
        raise AdoptionConfigError(f"{label}: a JSON Schema is an object or a boolean")
    try:
        validator_for(schema).check_schema(schema)  # type: ignore[arg-type]  # booleans are schemas too
    except SchemaError as error:
        at = "/" + "/".join(str(part) for part in error.path) if error.path else "the root"
        raise AdoptionConfigError(f"{label}: not a valid JSON Schema at {at}: {error.message}") from None
    return json.dumps(schema, sort_keys=True)


def _baseline(value: Any, where: str, base: Path) -> Path | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise AdoptionConfigError(f"{where}: baseline must be the path of a baseline file (a string)")
    return base / value
