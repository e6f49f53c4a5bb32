"""The library: the same findings as the command line, as typed values, with no printing."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from linter.config.settings import DEFAULT, Settings, load
from linter.diagnostic import Diagnostic
from linter.document.model import Document, Format
from linter.document.source import parse
from linter.engine import lint as engine
from linter.fix.apply import FixOutcome, fix_document
from linter.fix.migrate import MigrationOutcome, migrate_document
from linter.run.model import LintResult, Request
from linter.run.runner import run
from linter.schemas.association import choose_revision
from linter.tavus import revisions


def lint_text(
    text: str | bytes,
    path: str = "-",
    *,
    schema_version: str | None = None,
    format: Format | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    settings: Settings | None = None,
) -> list[Diagnostic]:
    """Lint one persona given as text; ``path`` only names it in diagnostics (and picks JSON/YAML).

    >>> [d.code for d in lint_text('{"pipeline_mode": "echo", "persona_name": "Echo"}')]
    []
    """
    _check_revision(schema_version)
    # surrogatepass: a lone surrogate in ``text`` reaches the parser, which reports it (SYN006).
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    return engine.lint_with_settings(parse(path, data, format), _settings(settings, select, ignore), schema_version)


def fix_text(
    text: str,
    path: str = "-",
    *,
    unsafe: bool = False,
    schema_version: str | None = None,
    format: Format | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    settings: Settings | None = None,
) -> FixOutcome:
    """Apply the fixes of one persona's findings (``unsafe`` ones too when asked); no I/O.

    The outcome has the fixed ``text`` (``text`` itself when nothing applied), the fixes
    ``applied`` and ``refused`` (with reasons), and the ``diagnostics`` left on the fixed text.

    >>> body = '{"pipeline_mode": "echo", "persona_name": "E", "layers": {"tts": {"tts_emotion_control": "true"}}}'
    >>> fix_text(body).text == body.replace('"true"', 'true')
    True
    """
    _check_revision(schema_version)
    chosen = _settings(settings, select, ignore)

    def lint(document: Document) -> list[Diagnostic]:
        return engine.lint_with_settings(document, chosen, schema_version)

    return fix_document(parse(path, text.encode("utf-8", "surrogatepass"), format), lint, unsafe=unsafe)


def migrate_text(
    text: str,
    path: str = "-",
    *,
    to: str = revisions.DEFAULT,
    source: str | None = None,
    format: Format | None = None,
    settings: Settings | None = None,
) -> MigrationOutcome:
    """Move one persona to API revision ``to`` (from ``source``, else chosen as ``check`` chooses it);
    no I/O. The outcome has the migrated ``text``, the ``changes`` made, the ``decisions`` left to a
    person, and ``patch(original)`` the RFC 6902 JSON Patch that performs the migration.

    Raises :class:`~linter.fix.migrate.MigrationError` when there is no path between the revisions
    or the text does not parse as a persona.
    """
    document = parse(path, text.encode("utf-8", "surrogatepass"), format)
    configured = (settings or DEFAULT).schema_version
    return migrate_document(document, source or choose_revision(document, None, configured), to)


def _settings(settings: Settings | None, select: Iterable[str] | None, ignore: Iterable[str]) -> Settings:
    return (settings or DEFAULT).with_overrides(
        select=tuple(select) if select is not None else None, ignore=tuple(ignore)
    )


def lint_patch(
    text: str | bytes,
    path: str = "-",
    base: str | bytes | None = None,
    *,
    base_path: str = "base.json",
    schema_version: str | None = None,
    format: Format | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    settings: Settings | None = None,
) -> list[Diagnostic]:
    """Lint one JSON Patch body (``PATCH /v2/personas/{id}``) given as text.

    With ``base`` (the persona's text, named ``base_path`` in diagnostics), the patch is applied
    and the result is linted with every rule too.

    >>> [d.code for d in lint_patch('[{"op": "replace", "path": "/layers/llm/modle", "value": "x"}]')]
    ['SCH001']
    """
    _check_revision(schema_version)
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    chosen = _settings(settings, select, ignore)
    persona = None
    if base is not None:
        persona = parse(base_path, base.encode("utf-8", "surrogatepass") if isinstance(base, str) else base)
    document = parse(path, data, format)
    return engine.lint_with_settings(document, chosen, schema_version, kind="patch", base=persona)


def lint_paths(
    paths: str | Path | Iterable[str | Path],
    *,
    schema_version: str | None = None,
    config: str | Path | None = None,
    select: Iterable[str] | None = None,
    extend_select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> LintResult:
    """Lint files and directories (recursively); configuration is found next to each file.

    ``paths`` is one path or several: ``lint_paths("personas/")`` lints that directory.
    """
    _check_revision(schema_version)
    named = [paths] if isinstance(paths, str | Path) else paths
    request = Request(
        paths=tuple(str(p) for p in named),
        revision=schema_version,
        config=Path(config) if config is not None else None,
        select=tuple(select) if select is not None else None,
        extend_select=tuple(extend_select),
        ignore=tuple(ignore),
    )
    return run(request)


def _check_revision(schema_version: str | None) -> None:
    if schema_version is not None and schema_version not in revisions.BY_NAME:
        raise ValueError(f"unknown schema_version {schema_version!r}; valid revisions: {', '.join(revisions.NAMES)}")


def load_settings(path: str | Path) -> Settings:
    """Read a ``pyproject.toml`` or ``.persona-lint.toml``, validated."""
    return load(Path(path))
