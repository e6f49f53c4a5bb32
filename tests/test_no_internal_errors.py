"""Inputs Python's standard functions refuse (huge numbers, lone surrogates, YAML tags with
values their constructor rejects, file names that are not UTF-8) end as findings at their
position, in every output format: never an internal error, an INT001 finding or a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from linter import lint_text
from linter.tavus.redact import number, show

HUGE = 10**309
"""An integer Python's ``float()`` (and so ``:g``) refuses: OverflowError."""


def persona_with(temperature: str, speed: str) -> str:
    return (
        '{"persona_name": "x", "system_prompt": "y", "layers": {"llm": {"model": "tavus-gpt-oss", '
        f'"extra_body": {{"temperature": {temperature}}}}}, "tts": {{"tts_engine": "cartesia", '
        f'"voice_settings": {{"speed": {speed}}}}}}}}}'
    )


def test_an_integer_beyond_a_float_is_reported_out_of_range_not_int001() -> None:
    found = {d.code: d.message for d in lint_text(persona_with(str(HUGE), str(-HUGE)), "n.json")}
    assert "INT001" not in found
    assert found["LLM007"].startswith("extra_body.temperature is 1.00000e+309, outside")
    assert found["TTS003"].startswith("speed is -1.00000e+309, outside")


def test_numbers_are_shown_whatever_their_size() -> None:
    assert number(1.5) == "1.5" and number(HUGE) == "1.00000e+309" and number(-HUGE) == "-1.00000e+309"
    assert "4,000 digits" in number(16**5000) and "4,000 digits" in show(16**5000)


CASES = {
    "number.json": persona_with(str(HUGE), "1e999").encode(),
    "surrogate.json": b'{"persona_name": "x", "pipeline_mode": "\\ud800"}',
    "surrogate-key.json": b'{"persona_name": "x", "\\ud800": 1}',
    "bool.yaml": b"persona_name: x\nn: !!bool maybe\n",
    "int.yaml": b"persona_name: x\nn: !!int abc\n",
    "float.yaml": b"persona_name: x\nn: !!float abc\n",
    "hex.yaml": b"persona_name: x\nlayers: {llm: {tools: [{type: function, function: {name: f, parameters: "
    b"{type: object, properties: {a: {type: string, maxLength: 0x" + b"f" * 4400 + b"}}}}}]}}\n",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_lint_text_reports_each_refused_input_as_a_finding(name: str) -> None:
    diagnostics = lint_text(CASES[name], name)
    assert diagnostics and not any(d.code == "INT001" for d in diagnostics)
    assert any(d.code.startswith(("SYN", "LLM")) for d in diagnostics)


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github", "junit", "gitlab"])
def test_every_format_reports_every_file_of_a_run_with_refused_inputs(tmp_path: Path, output_format: str) -> None:
    names = []
    for name, data in CASES.items():
        (tmp_path / name).write_bytes(data)
        names.append(name)
    odd = os.fsdecode(b"caf\xe9.json")  # a file name that is not valid UTF-8
    (tmp_path / odd).write_bytes(CASES["surrogate.json"])
    names.append(odd)
    result = subprocess.run(
        [sys.executable, "-m", "linter", "check", "--format", output_format, *names],
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
    )
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 1, stderr
    assert "internal error" not in stderr and "Traceback" not in stderr
    out = result.stdout.decode("utf-8")
    assert "INT001 " not in out and '"ruleId": "INT001"' not in out and '"check_name": "INT001"' not in out
    assert '"code": "INT001"' not in out and "title=INT001" not in out
    for name in CASES:
        assert name in out, (name, out[:2000])
    assert any(shown in out for shown in ("caf\\xe9.json", "caf\\\\xe9.json", "caf%5Cxe9.json"))
    if output_format in ("json", "sarif", "gitlab"):
        json.loads(out)


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_language_server_analysis_reports_each_refused_input(name: str) -> None:
    pytest.importorskip("pygls")
    from linter.lsp.analysis import analyse

    # Named persona-*: the server shows a broken file's syntax error when its name says persona.
    analysis = analyse(f"/tmp/persona-{name}", CASES[name].decode("utf-8"))
    assert analysis.diagnostics and not any(d.code == "INT001" for d in analysis.diagnostics)


def test_the_language_server_analysis_takes_a_lone_surrogate_in_the_editor_text() -> None:
    pytest.importorskip("pygls")
    from linter.lsp.analysis import analyse

    analysis = analyse("/tmp/persona.json", '{"persona_name": "x\ud800"}')
    assert [d.code for d in analysis.diagnostics] == ["SYN006"]
