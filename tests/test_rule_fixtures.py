"""Every rule's fixture folder: valid files give no finding, invalid ones match their snapshot."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures import RULES_DIR, fixture_files, lint_fixture, render


def _cases(kind: str) -> list[pytest.ParameterSet]:
    cases = []
    for folder in sorted(p for p in RULES_DIR.iterdir() if p.is_dir()):
        for path in fixture_files(folder / kind):
            cases.append(pytest.param(folder.name, path, id=f"{folder.name}/{kind}/{path.name}"))
    return cases


def test_cases_are_found() -> None:
    # Every rule but INT001 and SCH008 has both kinds of fixture (test_registry checks which).
    assert len(_cases("valid")) >= 97 and len(_cases("invalid")) >= 97


@pytest.mark.parametrize(("folder", "path"), _cases("valid"))
def test_valid_fixture_has_no_finding(folder: str, path: Path) -> None:
    report = lint_fixture(path)
    assert render(report) == ""


@pytest.mark.parametrize(("folder", "path"), _cases("invalid"))
def test_invalid_fixture_matches_snapshot(folder: str, path: Path, request: pytest.FixtureRequest) -> None:
    code = folder.split("-", 1)[0]
    report = lint_fixture(path)
    rendered = render(report)
    assert any(d.code == code for d in report.diagnostics), f"{code} not reported:\n{rendered}"
    snapshot = path.with_name(path.name + ".expected")
    if request.config.getoption("--update-snapshots"):
        snapshot.write_text(rendered, encoding="utf-8")
    assert snapshot.is_file(), f"missing snapshot {snapshot.name}: run pytest --update-snapshots"
    assert rendered == snapshot.read_text(encoding="utf-8")


def test_no_two_valid_fixtures_are_byte_identical() -> None:
    # A copy of another rule's valid file tests nothing new: each valid fixture is a near-miss of
    # its own rule (a value at the limit, the right engine for the model, ...).
    import hashlib

    seen: dict[str, str] = {}
    copies = []
    for folder in sorted(p for p in RULES_DIR.iterdir() if p.is_dir()):
        for path in fixture_files(folder / "valid"):
            if path.is_symlink():
                continue  # SYN008's readable link is a link by design
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            relative = f"{folder.name}/valid/{path.name}"
            if digest in seen:
                copies.append((seen[digest], relative))
            seen.setdefault(digest, relative)
    assert len(seen) > 150
    assert not copies, f"byte-identical valid fixtures: {copies}"
