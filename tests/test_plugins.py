"""Plugins: rules from installed packages (entry point group ``persona_lint.rules``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import textwrap
from collections.abc import Iterator
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import cli
from linter.engine import registry, selection

REPO = Path(__file__).resolve().parent.parent
PLUGIN = textwrap.dedent('''
    """Acme's persona rules: a plugin written against the public interface only."""

    from collections.abc import Iterator

    from linter.rule import Finding, Persona, rule


    @rule(code="ACME001", name="acme-guardrails-required", severity="warning")
    def guardrails_required(persona: Persona, options: None) -> Iterator[Finding]:
        """Every Acme persona sets guardrails.

        Why: Acme's platform team reviews every persona that talks to customers.
        """
        if not persona.get("/guardrail_ids"):
            yield Finding("/persona_name", "every Acme persona sets guardrail_ids", target="key")
''')
PERSONA = '{\n  "persona_name": "Coach",\n  "pipeline_mode": "echo"\n}\n'


def _clear() -> None:
    for cached in (registry.all_rules, registry.by_key, registry.origins, registry._plugins, selection.resolve):
        cached.cache_clear()


@pytest.fixture
def plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Acme's plugin importable and announced through a (fake) entry point."""
    (tmp_path / "acme_rules.py").write_text(PLUGIN)
    monkeypatch.syspath_prepend(str(tmp_path))
    yield from _announced(monkeypatch, tmp_path, "acme_rules")


def _announced(monkeypatch: pytest.MonkeyPatch, folder: Path, module: str) -> Iterator[Path]:
    point = EntryPoint("acme", module, registry.ENTRY_POINT_GROUP)

    def entry_points(*, group: str) -> list[EntryPoint]:
        return [point] if group == registry.ENTRY_POINT_GROUP else []

    monkeypatch.setattr("importlib.metadata.entry_points", entry_points)
    _clear()
    yield folder
    sys.modules.pop(module, None)
    _clear()


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_rules_shows_where_each_rule_comes_from(plugin: Path) -> None:
    _, out, _ = run("rules")
    acme = [line for line in out.splitlines() if line.startswith("ACME001")]
    assert acme and acme[0].endswith("Every Acme persona sets guardrails. [plugin acme]")
    rows = {row["code"]: row for row in json.loads(run("rules", "--format", "json")[1])}
    assert rows["ACME001"]["source"] == "acme"  # the fake entry point has no distribution
    assert rows["LLM001"]["source"] == "built-in"


def test_plugin_rules_run_select_ignore_and_take_severities(plugin: Path) -> None:
    (plugin / "p.json").write_text(PERSONA)
    code, out, _ = run("check", "--select", "ACME", str(plugin / "p.json"))
    assert out.splitlines()[0] == (
        f"{plugin / 'p.json'}:2:3: warning ACME001 every Acme persona sets guardrail_ids [acme-guardrails-required]"
    )
    assert code == 0
    (plugin / ".persona-lint.toml").write_text('[severity]\nacme-guardrails-required = "error"\n')
    code, out, _ = run("check", "--select", "ACME", str(plugin / "p.json"))
    assert code == 1 and "error ACME001" in out
    (plugin / ".persona-lint.toml").write_text('[per-file-ignores]\n"p.json" = ["ACME001:/persona_name"]\n')
    code, out, _ = run("check", "--select", "ACME", str(plugin / "p.json"))
    assert "ACME001" not in out and out.rstrip().endswith("1 suppressed.")


def test_explain_and_sarif_metadata_name_the_plugin(plugin: Path) -> None:
    code, out, _ = run("explain", "ACME001")
    assert code == 0 and out.startswith("# ACME001 acme-guardrails-required")
    assert out.rstrip().endswith("Source: plugin acme")
    (plugin / "p.json").write_text(PERSONA)
    _, sarif, _ = run("check", "--format", "sarif", str(plugin / "p.json"))
    rules = {rule["id"]: rule for rule in json.loads(sarif)["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["ACME001"]["properties"]["source"] == "acme" and "helpUri" not in rules["ACME001"]
    assert "source" not in rules["LLM001"]["properties"]


@pytest.mark.parametrize(
    ("code", "needle"),
    [
        ("LLM900", "code LLM900 clashes with the built-in family LLM"),
        ("TOOLX001", "clashes with the built-in family TOOL"),
        ("SY001", "clashes with the built-in family SYN"),
        ("acme1", "is not a prefix of capitals and three digits"),
    ],
)
def test_a_clashing_code_is_an_error_naming_the_plugin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: str, needle: str
) -> None:
    (tmp_path / "clash_rules.py").write_text(PLUGIN.replace("ACME001", code))
    monkeypatch.syspath_prepend(str(tmp_path))
    for _ in _announced(monkeypatch, tmp_path, "clash_rules"):
        with pytest.raises(registry.RegistryError, match="plugin acme") as raised:
            registry.all_rules()
        assert needle in str(raised.value)


def test_a_reused_name_is_an_error_naming_the_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "dup_rules.py").write_text(PLUGIN.replace("acme-guardrails-required", "unknown-property"))
    monkeypatch.syspath_prepend(str(tmp_path))
    for _ in _announced(monkeypatch, tmp_path, "dup_rules"):
        with pytest.raises(registry.RegistryError, match="plugin acme: rule unknown-property is already declared"):
            registry.all_rules()


def test_a_plugin_that_fails_to_import_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "broken_rules.py").write_text("import does_not_exist_anywhere\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    for _ in _announced(monkeypatch, tmp_path, "broken_rules"):
        with pytest.raises(registry.RegistryError) as raised:
            registry.all_rules()
        message = str(raised.value)
        assert message.startswith("plugin acme (entry point 'broken_rules'")
        assert "failed to import: ModuleNotFoundError" in message


def _fresh_venv(tmp_path: Path, plugin_source: str) -> Path:
    """A new virtual environment with persona-lint and Acme's plugin installed, offline.

    persona-lint and its dependencies come from this test run's environment (a .pth line each);
    the plugin is a package folder plus the dist-info an installer writes, whose entry_points.txt
    announces it, which is what ``pip install`` of the plugin would leave behind.
    """
    venv = tmp_path / "fresh"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    found = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    )
    site = Path(found.stdout.strip())
    package = tmp_path / "acme-persona-rules" / "acme_rules"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(plugin_source)
    lines = [sysconfig.get_paths()["purelib"], str(REPO), str(package.parent)]
    (site / "persona_lint_test.pth").write_text("\n".join(lines) + "\n")
    info = site / "acme_persona_rules-1.2.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-persona-rules\nVersion: 1.2.0\n")
    (info / "entry_points.txt").write_text("[persona_lint.rules]\nacme = acme_rules\n")
    return venv


def _cli(venv: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    command = [str(venv / "bin" / "python"), "-m", "linter", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


@pytest.mark.slow
def test_installed_plugin_in_a_fresh_virtual_environment(tmp_path: Path) -> None:
    venv = _fresh_venv(tmp_path, PLUGIN)
    (tmp_path / "p.json").write_text(PERSONA)
    listed = _cli(venv, "rules", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    acme = [line for line in listed.stdout.splitlines() if line.startswith("ACME001")]
    assert acme[0].endswith("[plugin acme (acme-persona-rules 1.2.0)]")
    checked = _cli(venv, "check", "--select", "ACME001", "p.json", cwd=tmp_path)
    assert checked.stdout.splitlines() == [
        "p.json:2:3: warning ACME001 every Acme persona sets guardrail_ids [acme-guardrails-required]",
        "Found 1 problem (1 warning) in 1 of 1 file.",
    ]
    assert checked.returncode == 0


@pytest.mark.slow
def test_broken_plugin_in_a_fresh_virtual_environment_is_exit_2(tmp_path: Path) -> None:
    venv = _fresh_venv(tmp_path, PLUGIN.replace("ACME001", "SEC900"))
    (tmp_path / "p.json").write_text(PERSONA)
    checked = _cli(venv, "check", "p.json", cwd=tmp_path)
    assert checked.returncode == 2
    assert checked.stderr.startswith("persona-lint: error: plugin acme (acme-persona-rules 1.2.0): code SEC900 clashes")
    assert "Traceback" not in checked.stderr
