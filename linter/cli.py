"""The ``persona-lint`` command: flags are parsed here, the work is done by plain functions.

Exit codes: 0 no error-level finding, 1 at least one, 2 usage, configuration or internal error.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from linter.config.settings import ConfigError
from linter.engine.registry import RegistryError
from linter.tavus import revisions
from linter.util.version import VERSION as __version__

EXIT_USAGE = 2
OUTPUT_FORMATS = ("auto", "text", "json", "sarif", "github", "junit", "gitlab")
"""``auto`` plus :data:`linter.reporters.FORMATS` (spelled out so ``--help`` imports nothing)."""


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="persona-lint")
def cli() -> None:
    """Lint Tavus persona (PAL) JSON and YAML files."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--format", "output_format", type=click.Choice(OUTPUT_FORMATS), default="text", show_default=True,
              help="Output format; 'auto' is 'github' inside GitHub Actions, else 'text'.")
@click.option("--output-file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the report to this file (atomically); the terminal still gets text.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--fail-level", type=click.Choice(["error", "warning", "info"]), default="error", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--statistics", is_flag=True, help="Show how many findings each code has instead of listing them.")
@click.option("--show-source/--no-show-source", default=None,
              help="Show the source line with a caret under each finding (default: on a terminal).")
@click.option("--schema-version", type=click.Choice(revisions.NAMES), default=None,
              help=f"API revision (default: the file's $schema, the configuration, or {revisions.DEFAULT}).")
@click.option("--config", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Use this configuration file instead of searching for one.")
@click.option("--select", multiple=True, help="Only these rules: codes, names or families (comma-separated).")
@click.option("--extend-select", multiple=True, help="Rules to enable on top of the selection.")
@click.option("--ignore", multiple=True, help="Rules to disable: codes, names or families.")
@click.option("--stdin-filename", default=None, help="Name to report for '-' (also picks JSON or YAML).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0,
              help="Worker processes for many files; 0 (the default) uses every CPU, 1 one process.")
def check(
    paths: tuple[str, ...],
    output_format: str,
    schema_version: str | None,
    config: Path | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    stdin_filename: str | None,
    output_file: Path | None,
    exit_zero: bool,
    fail_level: str,
    statistics: bool,
    show_source: bool | None,
    jobs: int,
) -> None:
    """Check persona files, directories (recursively) or '-' for standard input."""
    from linter.diagnostic import Severity
    from linter.reporters.deliver import Output, deliver, exit_code
    from linter.run.model import Request
    from linter.run.runner import run

    if not paths:
        raise click.UsageError("give at least one PATH (a file, a directory, or '-' for stdin)")
    excerpts = sys.stdout.isatty() if show_source is None else show_source
    request = Request(
        paths=paths, revision=schema_version, config=config,
        select=_split(select) or None, extend_select=_split(extend_select), ignore=_split(ignore),
        stdin_filename=stdin_filename, jobs=jobs or _cpus(), keep_sources=excerpts,
    )
    try:
        result = run(request)
    except ConfigError as error:
        _fail(str(error))
    for notice in result.notices:
        click.echo(f"persona-lint: warning: {notice}", err=True)
    output = Output(
        format=output_format, output_file=output_file, statistics=statistics,
        show_source=excerpts,
        fail_level=Severity(fail_level), exit_zero=exit_zero,
    )
    try:
        code = deliver(result, output, sys.stdout, sys.stderr)
    except BrokenPipeError:
        # The reader stopped early (`persona-lint check . | head`): not a failure of this run. As
        # Python's docs advise, standard output goes to devnull so the flush at exit cannot fail.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = exit_code(result, output.fail_level, output.exit_zero)
    except OSError as error:
        target = output_file if output_file is not None else "standard output"
        _fail(f"cannot write {target}: {error.strerror or type(error).__name__}")
    sys.exit(code)


@cli.command()
@click.option("--version", "revision", type=click.Choice(revisions.NAMES), default=revisions.DEFAULT,
              show_default=True, help="API revision.")
@click.option("--layer", default=None, help="Print one layer's schema (llm, tts, stt, perception, ...).")
@click.option("--bundle", is_flag=True, help="Inline every $ref into $defs: one self-contained file.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file (atomically) instead of standard output.")
@click.option("--catalog", is_flag=True, help="Print a SchemaStore-style catalog entry (one URL per revision).")
def schema(revision: str, layer: str | None, bundle: bool, output: Path | None, catalog: bool) -> None:
    """Print the JSON Schema of a revision (or of one of its layers)."""
    from linter.schemas import store as schemas
    from linter.util.atomic import write_text

    try:
        uri = schemas.layer_uri(revision, layer) if layer else schemas.persona_uri(revision)
        document: Any = schemas.bundle(uri) if bundle else schemas.schema(uri)
    except schemas.SchemaError as error:
        _fail(str(error))
    if catalog:
        from linter.schemas.catalog import entry

        document = entry()
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        write_text(output, text)
        click.echo(f"wrote {output}", err=True)


@cli.command()
def lsp() -> None:
    """Run the language server on standard input and output (needs the 'lsp' extra: pygls)."""
    try:
        from linter.lsp.server import serve
    except ImportError as error:
        _fail(f"the language server needs pygls: pip install 'persona-lint[lsp]' ({error})")
    serve()


@cli.command()
def versions() -> None:
    """List the API revisions (persona bodies, then PAL bodies, each oldest first): how new
    persona-lint's data of each is and what changed in it."""
    from linter.tavus.evidence import data_date

    width = max(len(name) for name in revisions.NAMES)
    for revision in revisions.REVISIONS:
        marker = " (default)" if revision.name == revisions.DEFAULT else ""
        dated = f"data from {data_date(revision.name)}"
        click.echo(f"{revision.name:<{width}}  {dated}  {revision.summary}{marker}")


@cli.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_rules(output_format: str) -> None:
    """List every rule: code, name, default severity and summary."""
    from linter.engine.registry import all_rules

    rules = all_rules()
    if output_format == "json":
        rows = [
            {"code": r.code, "name": r.name, "severity": r.severity.value, "summary": r.summary,
             "kinds": list(r.kinds), "since": r.since,
             "revisions": [name for name in revisions.NAMES if r.applies_to(name)]}
            for r in rules
        ]
        click.echo(json.dumps(rows, indent=2))
        return
    for r in rules:
        click.echo(f"{r.code:<8} {r.name:<40} {r.severity.value:<8} {r.summary}")


@cli.command()
@click.argument("rule", metavar="RULE|NAME")
def explain(rule: str) -> None:
    """Print the documentation page of a rule (by code or name), or where a field or value's facts come from."""
    from linter.engine.registry import by_key
    from linter.engine.ruledocs import page

    found = by_key().get(rule) or by_key().get(rule.upper())
    if found is not None:
        click.echo(page(found), nl=False)
        return
    from linter.tavus.evidence import explain_value

    facts = explain_value(rule)
    if not facts:
        _fail(f"unknown rule {rule!r} (nor a field or value persona-lint has evidence for); "
              "'persona-lint rules' lists the rules")
    click.echo(facts, nl=False)


def _cpus() -> int:
    from linter.run.parallel import default_jobs

    return default_jobs()


def _fail(message: str) -> Any:
    click.echo(f"persona-lint: error: {message}", err=True)
    sys.exit(EXIT_USAGE)


def main() -> None:
    """Console entry point: never lets a traceback reach the user."""
    try:
        cli.main(prog_name="persona-lint", standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("persona-lint: interrupted", err=True)
        sys.exit(130)
    except RegistryError as error:  # an installation problem the user can fix: say which
        click.echo(f"persona-lint: error: {error}", err=True)
        sys.exit(EXIT_USAGE)
    except Exception as error:  # a bug: report it plainly, exit 2
        click.echo(f"persona-lint: internal error: {type(error).__name__}; please report it", err=True)
        sys.exit(EXIT_USAGE)


if __name__ == "__main__":
    main()
