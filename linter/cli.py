"""The ``persona-lint`` command: flags are parsed here, the work is done by plain functions.

Exit codes: 0 no error-level finding, 1 at least one, 2 usage, configuration or internal error.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from linter.config.settings import ConfigError
from linter.engine.registry import RegistryError
from linter.tavus import revisions
from linter.util.version import VERSION as __version__

if TYPE_CHECKING:
    from linter.run.model import Request

EXIT_OK, EXIT_USAGE = 0, 2
OUTPUT_FORMATS = ("auto", "text", "json", "sarif", "github", "junit", "gitlab")
"""``auto`` plus :data:`linter.reporters.FORMATS` (spelled out so ``--help`` imports nothing)."""


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


class _Commands(click.Group):
    """The command group; a reader that stops early (``persona-lint rules | head -1``) ends any
    command quietly with exit 0 (``check`` keeps its findings' exit code, see there)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            _quiet_stdout()
            ctx.exit(EXIT_OK)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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
@click.option("--kind", type=click.Choice(["persona", "patch"]), default=None,
              help="Read every file as a persona or as a JSON Patch body (default: guess from name and content).")
@click.option("--base", type=click.Path(path_type=str), default=None,
              help="Apply each JSON Patch to this persona file and lint the result too.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0,
              help="Worker processes for many files; 0 (the default) uses every CPU, 1 one process.")
@click.option("--fix", is_flag=True, help="Apply safe fixes and write the files; report what is left.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply fixes a person should review.")
@click.option("--diff", is_flag=True, help="Print a unified diff of what --fix would change; write nothing.")
@click.option("--show-fixes", is_flag=True, help="List the fixes --fix applied, per file.")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Report only findings not recorded in this baseline file (docs/baseline.md).")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Record every current finding in this baseline file, then exit 0.")
@click.option("--show-suppressed", is_flag=True,
              help="Also list the findings that suppressions and the baseline silenced.")
@click.option("--respect-gitignore/--no-respect-gitignore", default=True, show_default=True,
              help="Skip what .gitignore files ignore when walking directories.")
@click.option("--force-exclude", is_flag=True,
              help="Apply the configuration's 'exclude' to files named explicitly too (for pre-commit).")
@click.option("--show-settings", is_flag=True,
              help="Print the configuration, revision and rules that apply to each PATH; check nothing.")
def check(
    paths: tuple[str, ...],
    output_format: str,
    schema_version: str | None,
    config: Path | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    stdin_filename: str | None,
    kind: str | None,
    base: str | None,
    output_file: Path | None,
    exit_zero: bool,
    fail_level: str,
    statistics: bool,
    show_source: bool | None,
    jobs: int,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    show_fixes: bool,
    baseline: Path | None,
    write_baseline: Path | None,
    show_suppressed: bool,
    respect_gitignore: bool,
    force_exclude: bool,
    show_settings: bool,
) -> None:
    """Check persona files, directories (recursively) or '-' for standard input."""
    from linter.diagnostic import Severity
    from linter.reporters.deliver import Output, deliver, exit_code
    from linter.reporters.fixes import fixes_summary, print_diffs
    from linter.run.model import Request
    from linter.run.runner import run

    if not paths:
        raise click.UsageError("give at least one PATH (a file, a directory, or '-' for stdin)")
    if stdin_filename is not None and "-" not in paths:
        raise click.UsageError("--stdin-filename names standard input: give '-' among the PATHs")
    excerpts = sys.stdout.isatty() if show_source is None else show_source
    request = Request(
        paths=paths, revision=schema_version, config=config,
        select=_split(select) or None, extend_select=_split(extend_select), ignore=_split(ignore),
        stdin_filename=stdin_filename, jobs=jobs or _cpus(), keep_sources=excerpts,
        kind="patch" if kind == "patch" else "persona" if kind == "persona" else None, base=base,
        fix=("unsafe" if unsafe_fixes else "safe") if fix or diff else None, diff=diff,
        baseline=baseline, use_baseline=write_baseline is None,
        respect_gitignore=respect_gitignore, force_exclude=force_exclude,
    )
    if show_settings:
        _show_settings(paths, request)
    if output_file is not None:  # before the run: --fix writes the files it checks
        _refuse_an_input(output_file, paths)
    try:
        result = run(request)
    except ConfigError as error:
        _fail(str(error))
    for notice in result.notices:
        click.echo(f"persona-lint: warning: {notice}", err=True)
    if output_file is not None:
        _refuse_an_input(output_file, result.paths)  # a file the walks found
    if write_baseline is not None:
        _write_baseline(write_baseline, result.diagnostics)
    output = Output(
        format=output_format, output_file=output_file, statistics=statistics,
        show_source=excerpts,
        fail_level=Severity(fail_level), exit_zero=exit_zero, unsafe_fixes=unsafe_fixes,
        show_suppressed=show_suppressed,
    )
    try:
        if diff:
            sys.exit(print_diffs(result, sys.stdout, sys.stderr))
        fixed_stdin = next((f.text for f in result.fixes if f.text is not None), None)
        if fixed_stdin is not None:  # the fixed document is the output; the report goes to stderr
            sys.stdout.write(fixed_stdin)
            sys.stdout.flush()
        report_to = sys.stderr if "-" in paths and fix else sys.stdout
        code = deliver(result, output, report_to, sys.stderr)
        if show_fixes or fix:
            report_to.write(fixes_summary(result, listed=show_fixes))
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
@click.option("--version", "revision", type=click.Choice(revisions.NAMES), default=None,
              help=f"API revision (default: {revisions.DEFAULT}).")
@click.option("--layer", default=None, help="Print one layer's schema (llm, tts, stt, perception, ...).")
@click.option("--bundle", is_flag=True, help="Inline every $ref into $defs: one self-contained file.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file (atomically) instead of standard output.")
@click.option("--catalog", is_flag=True, help="Print a SchemaStore-style catalog entry (one URL per revision).")
def schema(revision: str | None, layer: str | None, bundle: bool, output: Path | None, catalog: bool) -> None:
    """Print the JSON Schema of a revision (or of one of its layers)."""
    from linter.schemas import store as schemas
    from linter.util.atomic import write_text

    if catalog and (revision is not None or layer is not None or bundle):
        raise click.UsageError("--catalog lists every revision: it takes no --version, --layer or --bundle")
    revision = revision or revisions.DEFAULT
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
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--to", "target", type=click.Choice(revisions.NAMES), default=revisions.DEFAULT, show_default=True,
              help="The API revision to migrate to.")
@click.option("--from", "source", type=click.Choice(revisions.NAMES), default=None,
              help="The revision the files are in (default: chosen as `check` chooses it).")
@click.option("--diff", is_flag=True, help="Print a unified diff of the migration; write nothing.")
@click.option("--emit-patch", is_flag=True,
              help="Print the RFC 6902 JSON Patch that performs the migration (for PATCH /v2/personas/{id}); "
                   "write nothing. One file only.")
@click.option("--config", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Use this configuration file instead of searching for one.")
def migrate(
    paths: tuple[str, ...], target: str, source: str | None, diff: bool, emit_patch: bool, config: Path | None
) -> None:
    """Rewrite persona files for a newer API revision, keeping their formatting."""
    from linter.reporters.migration import report
    from linter.run.migration import MigrationRequest, Mode, migrate_paths

    if not paths:
        raise click.UsageError("give at least one PATH (a file or a directory)")
    if diff and emit_patch:
        raise click.UsageError("--diff and --emit-patch cannot be combined")
    if emit_patch and (len(paths) != 1 or Path(paths[0]).is_dir()):
        raise click.UsageError("--emit-patch takes exactly one persona file")
    mode: Mode = "patch" if emit_patch else "diff" if diff else "write"
    request = MigrationRequest(paths=paths, to=target, source=source, mode=mode, config=config)
    try:
        sys.exit(report(migrate_paths(request), mode, sys.stdout, sys.stderr))
    except ConfigError as error:
        _fail(str(error))
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)


@cli.command()
def lsp() -> None:
    """Run the language server on standard input and output (needs the 'lsp' extra: pygls)."""
    try:
        from linter.lsp.server import serve
    except ImportError as error:
        _fail(f"the language server needs pygls: pip install 'persona-lint[lsp]' ({error})")
    serve()


@cli.command()
@click.argument("path", type=click.Path(path_type=str))
@click.option("--config", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Use this configuration file instead of searching for one.")
@click.option("--schema-version", type=click.Choice(revisions.NAMES), default=None,
              help="API revision, as for check.")
def settings(path: str, config: Path | None, schema_version: str | None) -> None:
    """Show the configuration file, revision (and its source) and rules that apply to PATH."""
    from linter.run.model import Request

    _show_settings((path,), Request(paths=(path,), revision=schema_version, config=config))


def _show_settings(paths: tuple[str, ...], request: Request) -> NoReturn:
    """Print what ``check`` would apply to each path (``settings`` and ``check --show-settings``), exit 0."""
    from linter.run.show_settings import describe

    try:
        blocks = ["\n".join(describe(path, request)) for path in paths]
    except ConfigError as error:
        _fail(str(error))
    click.echo("\n\n".join(blocks))
    sys.exit(0)


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
    """List every rule: code, name, default severity, summary, and where it comes from."""
    from linter.engine.registry import BUILT_IN, all_rules, origin

    rules = all_rules()
    if output_format == "json":
        rows = [
            {"code": r.code, "name": r.name, "severity": r.severity.value, "summary": r.summary,
             "kinds": list(r.kinds), "since": r.since, "fix": r.fix_applicability,
             "revisions": [name for name in revisions.NAMES if r.applies_to(name)], "source": origin(r)}
            for r in rules
        ]
        click.echo(json.dumps(rows, indent=2))
        return
    for r in rules:
        source = origin(r)
        suffix = f" [plugin {source}]" if source != BUILT_IN else ""
        mark = _FIX_MARKS[r.fix_applicability]
        click.echo(f"{r.code:<8} {r.name:<40} {r.severity.value:<8} {mark:<3} {r.summary}{suffix}")


_FIX_MARKS = {"safe": "[*]", "unsafe": "[!]", "safe or unsafe": "[*]", "none": ""}
"""The fix column of ``rules``: ``[*]`` a fix ``--fix`` may apply, ``[!]`` one only ``--unsafe-fixes`` applies."""


@cli.command()
@click.argument("rule", metavar="RULE|NAME")
def explain(rule: str) -> None:
    """Print the documentation page of a rule (by code or name), or where a field or value's facts come from."""
    from linter.engine.registry import BUILT_IN, by_key, origin
    from linter.engine.ruledocs import page

    found = by_key().get(rule) or by_key().get(rule.upper())
    if found is not None:
        click.echo(page(found), nl=False)
        if origin(found) != BUILT_IN:
            click.echo(f"Source: plugin {origin(found)}")
        return
    from linter.tavus.evidence import explain_value

    facts = explain_value(rule)
    if not facts:
        _fail(f"unknown rule {rule!r} (nor a field or value persona-lint has evidence for); "
              "'persona-lint rules' lists the rules")
    click.echo(facts, nl=False)


def _write_baseline(path: Path, diagnostics: tuple[Any, ...]) -> None:
    from linter.engine.baseline import write

    try:
        count = write(path, diagnostics)
    except OSError as error:
        _fail(f"cannot write {path}: {error.strerror or type(error).__name__}")
    click.echo(f"persona-lint: wrote {count} finding{'s' if count != 1 else ''} to the baseline {path}", err=True)
    sys.exit(EXIT_OK)


def _cpus() -> int:
    from linter.run.parallel import default_jobs

    return default_jobs()


def _refuse_an_input(output_file: Path, paths: tuple[str, ...]) -> None:
    """Exit 2 when the report would overwrite a file being checked."""
    from linter.util.atomic import same_file

    for path in paths:
        if path != "-" and same_file(output_file, path):
            _fail(f"--output-file {output_file} is an input file ({path}); it would be overwritten")


def _fail(message: str) -> Any:
    click.echo(f"persona-lint: error: {message}", err=True)
    sys.exit(EXIT_USAGE)


class _Signalled(BaseException):
    """SIGINT or SIGTERM arrived: a BaseException that click does not turn into "Aborted!"
    (exit 1), so that the run stops (worker processes with it) and exits 128 + the signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _on_signal(signum: int, frame: object) -> None:
    raise _Signalled(signum)


def _quiet_stdout() -> None:
    # The reader closed the pipe (`persona-lint rules | head -1`): as Python's docs advise,
    # standard output goes to devnull so that the flush at exit cannot fail again.
    with contextlib.suppress(OSError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def main() -> None:
    """Console entry point: never lets a traceback reach the user.

    Exit codes: those of the command; 2 for usage errors; 130 on Ctrl-C and 143 on SIGTERM
    (128 + the signal, as shells report them); a closed standard output is not an error.
    """
    for stream in (sys.stdout, sys.stderr):
        # A name or value that is not valid Unicode is printed escaped, never an encoding error.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    signal.signal(signal.SIGINT, _on_signal)
    signal.signal(signal.SIGTERM, _on_signal)
    try:
        code = cli.main(prog_name="persona-lint", standalone_mode=False)
        sys.stdout.flush()
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except click.Abort:
        sys.exit(130)
    except _Signalled as signalled:
        click.echo("persona-lint: interrupted", err=True)
        sys.exit(128 + signalled.signum)
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(EXIT_OK)
    except RegistryError as error:  # an installation problem the user can fix: say which
        click.echo(f"persona-lint: error: {error}", err=True)
        sys.exit(EXIT_USAGE)
    except Exception as error:  # a bug: report it plainly, exit 2
        click.echo(f"persona-lint: internal error: {type(error).__name__}; please report it", err=True)
        sys.exit(EXIT_USAGE)
    sys.exit(code if isinstance(code, int) else EXIT_OK)


if __name__ == "__main__":
    main()
