"""Configuration: ``[tool.persona-lint]`` in ``pyproject.toml`` or a ``.persona-lint.toml``.

Found by walking up from each checked file (the nearest one wins), or named with
``--config``. Every key is validated; a bad one is a usage error (exit 2) naming the file.
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from linter.config import adoption
from linter.diagnostic import Severity
from linter.tavus import revisions
from linter.util.closest import closest

CONFIG_FILES = (".persona-lint.toml", "pyproject.toml")
"""In order of precedence within one directory: a ``.persona-lint.toml`` wins over a
``pyproject.toml`` beside it (as ruff's ``.ruff.toml`` wins over its ``pyproject.toml``)."""
MAX_CONFIG_BYTES = 1024 * 1024
"""Largest configuration file read: a real one is a few hundred bytes, and a FIFO, a device or a
huge generated ``pyproject.toml`` must end in an error, not in a hang or an exhausted memory."""
_KEYS = (
    "schema-version", "select", "extend-select", "ignore", "severity", "per-file-ignores",
    "options", "exclude", "patches", "bases", "ignore-old-data", *adoption.ADOPTION_KEYS,
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
    patches: tuple[str, ...] = ()
    """Globs of files that are JSON Patch bodies whatever their name or content."""
    bases: tuple[tuple[str, str], ...] = ()
    """Patch globs and the persona file (relative to the configuration) each applies to."""
    ignore_old_data: bool = False
    """No notice when persona-lint's data of the Tavus API is more than six months old."""
    root: Path | None = None
    source: str | None = None
    adoption: adoption.Adoption = adoption.NO_ADOPTION
    """Pointer ignores, team policies and the baseline (:mod:`linter.config.adoption`)."""
    warnings: tuple[str, ...] = ()

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
        names = self._names(path)
        matched: list[str] = []
        for pattern, codes in self.per_file_ignores:
            if any(fnmatch.fnmatchcase(name, pattern) for name in names):
                matched.extend(codes)
        return tuple(matched)

    def is_patch(self, path: str) -> bool:
        """True when a ``patches`` glob (or a ``bases`` glob) names ``path``."""
        if not (self.patches or self.bases) or path == "-":
            return False
        names = self._names(path)
        globs = self.patches + tuple(glob for glob, _ in self.bases)
        return any(fnmatch.fnmatchcase(name, glob) for name in names for glob in globs)

    def base_for(self, path: str) -> Path | None:
        """The persona file the first matching ``bases`` glob names for the patch at ``path``."""
        if not self.bases or path == "-":
            return None
        names = self._names(path)
        for glob, base in self.bases:
            if any(fnmatch.fnmatchcase(name, glob) for name in names):
                return (self.root or Path.cwd()) / base
        return None

    def _names(self, path: str) -> set[str]:
        # A glob may name the file by its absolute path, its name, or its path below the root.
        candidate = Path(path).resolve()
        names = {candidate.as_posix(), candidate.name}
        if self.root is not None:
            with contextlib.suppress(ValueError):
                names.add(candidate.relative_to(self.root).as_posix())
        return names

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
        if b"persona-lint" not in _read_bytes(pyproject):  # no [tool.persona-lint]: spare parsing TOML
            return False
    except ConfigError:
        return True  # let load() report the unreadable file
    try:
        return "persona-lint" in _read_toml(pyproject).get("tool", {})
    except ConfigError:
        return True  # let load() report the broken file rather than skipping it


def _shadowed(path: Path) -> str | None:
    """A warning when ``path`` (a ``.persona-lint.toml``) hides a ``[tool.persona-lint]`` beside it."""
    beside = path.parent / "pyproject.toml"
    if path.name != ".persona-lint.toml" or not beside.is_file() or not _has_section(beside):
        return None
    return (
        f"{path} is used and the [tool.persona-lint] section of {beside} is ignored "
        "(a .persona-lint.toml wins over a pyproject.toml in the same folder); keep one of them"
    )


@cache
def load(path: Path) -> Settings:
    """Read and validate one configuration file."""
    document = _read_toml(path)
    table = document.get("tool", {}).get("persona-lint", {}) if path.name == "pyproject.toml" else document
    where = f"{path}: [tool.persona-lint]" if path.name == "pyproject.toml" else str(path)
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: must be a table")
    settings = parse_table(table, where, root=path.parent.resolve())
    shadowed = _shadowed(path)
    return replace(settings, warnings=(shadowed,)) if shadowed else settings


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
    try:
        per_file, pointed = adoption.split_per_file(_per_file(table.get("per-file-ignores", {}), where), where)
        adopted = adoption.parse(table, where, root)
    except adoption.AdoptionConfigError as error:
        raise ConfigError(str(error)) from None
    return Settings(
        schema_version=version,
        select=_strings(table, "select", where) if "select" in table else None,
        extend_select=_strings(table, "extend-select", where),
        ignore=_strings(table, "ignore", where),
        severity=_severities(table.get("severity", {}), where),
        per_file_ignores=per_file,
        options=_options(table.get("options", {}), where),
        exclude=_strings(table, "exclude", where),
        patches=_strings(table, "patches", where),
        bases=_bases(table.get("bases", {}), where),
        ignore_old_data=_boolean(table, "ignore-old-data", where),
        root=root,
        source=where,
        adoption=replace(adopted, pointer_ignores=pointed + adopted.pointer_ignores),
    )


def _read_bytes(path: Path) -> bytes:
    """The bytes of a regular file of at most :data:`MAX_CONFIG_BYTES`, or a :class:`ConfigError`."""
    try:
        # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None
    with os.fdopen(descriptor, "rb") as handle:
        try:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                raise ConfigError(f"{path}: cannot read: not a regular file (a directory, FIFO, socket or device)")
            data = handle.read(MAX_CONFIG_BYTES + 1)
        except OSError as error:
            raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{path}: cannot read: larger than {MAX_CONFIG_BYTES // 1024} KiB")
    return data


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # imported here: most runs find no configuration file

    data = _read_bytes(path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: not valid UTF-8 (byte {error.start}); TOML files are UTF-8") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: arrays or tables nested too deeply") from None


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


def _bases(value: Any, where: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise ConfigError(f"{where}: bases must be a table of patch glob = \"persona file\"")
    return tuple(value.items())


def _options(value: Any, where: str) -> tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]:
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise ConfigError(f"{where}: options must hold one table per rule, e.g. [options.PERC008]")
    for key, table in value.items():
        for name, option in table.items():
            if not isinstance(option, (str, int, float, bool)):
                kind = "a list" if isinstance(option, list) else "a table" if isinstance(option, dict) else "a date"
                raise ConfigError(f"{where}: options.{key}.{name} must be a number, a string or a boolean, not {kind}")
    return tuple((key, tuple(sorted(v.items()))) for key, v in value.items())


def build_options(option_type: type[Any], given: Mapping[str, Any], rule_label: str, where: str) -> Any:
    """An instance of a rule's options dataclass from ``kebab-case`` keys, validated."""
    known = {f.name.replace("_", "-"): f for f in fields(option_type)}
    values: dict[str, Any] = {}
    for key, value in given.items():
        if key not in known:
            raise ConfigError(f"{where}: options.{rule_label} has no option {key!r}; known: {', '.join(known)}")
        default = getattr(option_type(), known[key].name)
        if default is not None and not _same_kind(value, default):
            kind = _KIND_NAMES.get(type(default), type(default).__name__)
            raise ConfigError(f"{where}: options.{rule_label}.{key} must be {kind}, not {value!r}")
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
            raise ConfigError(f"{where}: options.{rule_label}.{key} must not be negative, not {value!r}")
        values[known[key].name] = value
    return option_type(**values)


_KIND_NAMES = {bool: "true or false", int: "a whole number", float: "a number", str: "a string"}


def _same_kind(value: Any, default: Any) -> bool:
    # bool is a subclass of int in Python, but `true` is no limit: compare the exact kinds.
    if isinstance(default, bool) or isinstance(value, bool):
        return type(value) is type(default)
    if isinstance(default, float):
        return isinstance(value, (int, float))
    return isinstance(value, type(default))


__all__ = ["ConfigError", "Settings", "field", "load", "settings_for"]
