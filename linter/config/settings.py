"""Configuration: ``[tool.persona-lint]`` in ``pyproject.toml`` or a ``.persona-lint.toml``.

Found by walking up from each checked file (the nearest one wins), or named with
``--config``. Every key is validated; a bad one is a usage error (exit 2) naming the file.
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from linter.diagnostic import Severity
from linter.tavus import revisions
from linter.util.closest import closest

CONFIG_FILES = (".persona-lint.toml", "pyproject.toml")
_KEYS = (
    "schema-version", "select", "extend-select", "ignore", "severity", "per-file-ignores",
    "options", "exclude", "ignore-old-data",
)


class ConfigError(ValueError):
    """A configuration problem; the message names the file and the key."""


@dataclass(frozen=True, slots=True)
class Settings:
    """What the user configured, before it is resolved against the rule set."""

    schema_version: str | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    options: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()
    exclude: tuple[str, ...] = ()
    ignore_old_data: bool = False
    """No notice when persona-lint's data of the Tavus API is more than six months old."""
    root: Path | None = None
    source: str | None = None

    def with_overrides(
        self,
        *,
        schema_version: str | None = None,
        select: tuple[str, ...] | None = None,
        extend_select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
    ) -> Settings:
        """Command-line flags on top of the file: ``--select`` replaces, the others add."""
        return replace(
            self,
            schema_version=schema_version or self.schema_version,
            select=select if select is not None else self.select,
            extend_select=self.extend_select + extend_select,
            ignore=self.ignore + ignore,
        )

    def ignored_for(self, path: str) -> tuple[str, ...]:
        """Selectors that ``per-file-ignores`` turns off for ``path``."""
        if not self.per_file_ignores or path == "-":
            return ()
        candidate = Path(path).resolve()
        names = {candidate.as_posix(), candidate.name}
        if self.root is not None:
            with contextlib.suppress(ValueError):
                names.add(candidate.relative_to(self.root).as_posix())
        matched: list[str] = []
        for pattern, codes in self.per_file_ignores:
            if any(fnmatch.fnmatchcase(name, pattern) for name in names):
                matched.extend(codes)
        return tuple(matched)

    def options_for(self, keys: tuple[str, ...]) -> Mapping[str, Any]:
        merged: dict[str, Any] = {}
        for key, values in self.options:
            if key in keys:
                merged.update(values)
        return MappingProxyType(merged)


DEFAULT = Settings()


def clear_caches() -> None:
    """Forget configuration files read so far: each run (and each language-server lint) starts
    fresh, so edits to a configuration file are seen and no state outlives a call."""
    load.cache_clear()
    _find_in.cache_clear()
    _settings_in.cache_clear()


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start`` (a directory)."""
    return _find_in(start.resolve())


@cache
def _find_in(directory: Path) -> Path | None:
    for name in CONFIG_FILES:
        candidate = directory / name
        if candidate.is_file() and (name != "pyproject.toml" or _has_section(candidate)):
            return candidate
    return None if directory.parent == directory else _find_in(directory.parent)


def _has_section(pyproject: Path) -> bool:
    try:
        if b"persona-lint" not in pyproject.read_bytes():  # no [tool.persona-lint]: spare parsing TOML
            return False
    except OSError:
        return True  # let load() report the unreadable file
    try:
        return "persona-lint" in _read_toml(pyproject).get("tool", {})
    except ConfigError:
        return True  # let load() report the broken file rather than skipping it


@cache
def load(path: Path) -> Settings:
    """Read and validate one configuration file."""
    document = _read_toml(path)
    table = document.get("tool", {}).get("persona-lint", {}) if path.name == "pyproject.toml" else document
    where = f"{path}: [tool.persona-lint]" if path.name == "pyproject.toml" else str(path)
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: must be a table")
    return parse_table(table, where, root=path.parent.resolve())


def settings_for(file_path: str, explicit: Path | None) -> Settings:
    """The settings that apply to ``file_path`` (``-`` is read as the current directory)."""
    if explicit is not None:
        return load(explicit)
    return _settings_in("" if file_path == "-" else os.path.dirname(file_path))


@cache
def _settings_in(directory: str) -> Settings:
    # Files of one directory share their settings: resolving the path and searching upwards
    # once per directory, not once per file, is what keeps many-file runs cheap.
    found = find_config(Path(directory) if directory else Path.cwd())
    return load(found) if found is not None else DEFAULT


def parse_table(table: Mapping[str, Any], where: str, root: Path | None = None) -> Settings:
    unknown = [key for key in table if key not in _KEYS]
    if unknown:
        close = closest(unknown[0], _KEYS)
        hint = f"; did you mean {close!r}?" if close else f"; known keys: {', '.join(_KEYS)}"
        raise ConfigError(f"{where}: unknown key {unknown[0]!r}{hint}")
    version = table.get("schema-version")
    if version is not None and version not in revisions.BY_NAME:
        raise ConfigError(f"{where}: schema-version {version!r} is not one of {', '.join(revisions.NAMES)}")
    return Settings(
        schema_version=version,
        select=_strings(table, "select", where) if "select" in table else None,
        extend_select=_strings(table, "extend-select", where),
        ignore=_strings(table, "ignore", where),
        severity=_severities(table.get("severity", {}), where),
        per_file_ignores=_per_file(table.get("per-file-ignores", {}), where),
        options=_options(table.get("options", {}), where),
        exclude=_strings(table, "exclude", where),
        ignore_old_data=_boolean(table, "ignore-old-data", where),
        root=root,
        source=where,
    )


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # imported here: most runs find no configuration file

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None


def _strings(table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: {key} must be a list of strings")
    return tuple(value)


def _boolean(table: Mapping[str, Any], key: str, where: str) -> bool:
    value = table.get(key, False)
    if not isinstance(value, bool):
        raise ConfigError(f"{where}: {key} must be true or false, not {value!r}")
    return value


def _severities(value: Any, where: str) -> tuple[tuple[str, Severity], ...]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: severity must be a table of rule = \"error\"|\"warning\"|\"info\"")
    result = []
    for key, level in value.items():
        try:
            result.append((key, Severity(level)))
        except ValueError:
            raise ConfigError(f"{where}: severity.{key} = {level!r}; use \"error\", \"warning\" or \"info\"") from None
    return tuple(result)


def _per_file(value: Any, where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: per-file-ignores must be a table of glob = [codes]")
    return tuple((glob, _strings(value, glob, f"{where}: per-file-ignores")) for glob in value)


def _options(value: Any, where: str) -> tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]:
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise ConfigError(f"{where}: options must hold one table per rule, e.g. [options.TOOL010]")
    return tuple((key, tuple(sorted(v.items()))) for key, v in value.items())


def build_options(option_type: type[Any], given: Mapping[str, Any], rule_label: str, where: str) -> Any:
    """An instance of a rule's options dataclass from ``kebab-case`` keys, validated."""
    known = {f.name.replace("_", "-"): f for f in fields(option_type)}
    values: dict[str, Any] = {}
    for key, value in given.items():
        if key not in known:
            raise ConfigError(f"{where}: options.{rule_label} has no option {key!r}; known: {', '.join(known)}")
        default = getattr(option_type(), known[key].name)
        if default is not None and not isinstance(value, type(default)):
            kind = type(default).__name__
            raise ConfigError(f"{where}: options.{rule_label}.{key} must be {kind}, not {value!r}")
        values[known[key].name] = value
    return option_type(**values)


__all__ = ["ConfigError", "Settings", "field", "load", "settings_for"]
