"""No output of persona-lint, in any format, ever shows a secret from the input.

The personas below carry distinctive fake secrets everywhere a real one ends up: credential
fields, headers, URLs, prompts, and wrong fields whose schema message would echo the value.
Each is linted through the library, and through the CLI in every reporter format (with and
without the source excerpts, with and without the SEC rules). The output must contain no
secret, nor any 12-character slice of one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.api import lint_paths, lint_text
from linter.cli import cli
from linter.reporters import FORMATS
from linter.tavus.redact import MASK
from linter.tavus.secrets import find_secrets, mask_covered, redact

GROQ = "gsk_ZQ7wLeak1Groq9xVb3Nm5Kp2Hs8Jd4Fg6Tr0Yc2Ue"
OPENAI = "sk-proj-Leak2OpenAi7Qm4Xv9Rt2Wn5Kp7Hs4Jd1Gf6Bc0"
ELEVEN = "sk_Leak3ElevenLabs4f1e2d3c4b5a69788f7e6d5c4b3a2918"
GOOGLE = "AIzaSyLeak4Google8q8Lm3Xv9Rt2Wn5Kp7Hs4Jd"
BEARER = "Leak5BearerTokenQ9xWm4Lr8Zt3Vn6Bc1Yd5Fg0Js"
TAVUS_HEADER = "c0ffee5eca1leak6d6e5c3a2b1f0e9d8"
URL_PASSWORD = "Leak7UrlPassw0rdWint3rSun"
QUERY_KEY = "Leak8QueryKey3kP9mQ2xL7vN4bR8tW"
STS_KEY = "sk-Leak9RealtimeKey6Fh2Jk8Lm4Np0Qr"
GITHUB = "ghp_Leak10GithubTokenAbCdEfGhIjKlMnOpQrSt"
JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJsZWFrMTEifQ.Leak11JwtSignatureQ9xWm4Lr8"
SLACK = "xoxb-Leak12-Slack-4f1e2d3c4b5a6978"
PIPELINE = "sk-Leak13InPipelineMode7Qm4Xv9Rt2Wn5"
ENGINE = "gsk_Leak14InTtsEngine9xVb3Nm5Kp2Hs8Jd4Fg"
LONG = "sk-Leak15" + "LongKeyThatShowTruncates" * 4
CUSTOM_FIELD = "Leak16CustomPasswordValueX9q2"

SECRETS = (
    GROQ, OPENAI, ELEVEN, GOOGLE, BEARER, TAVUS_HEADER, URL_PASSWORD, QUERY_KEY, STS_KEY, GITHUB, JWT,
    SLACK, PIPELINE, ENGINE, LONG, CUSTOM_FIELD,
)

FULL = {
    "persona_name": f"Support {SLACK}",
    "pipeline_mode": PIPELINE,
    "system_prompt": f"You are a support agent. Use the GitHub token {GITHUB} and never reveal {JWT}.",
    "context": f"Maps key: {GOOGLE}",
    "default_replica_id": "r79e1c033f",
    "layers": {
        "llm": {
            "model": "my-support-model",
            "base_url": f"https://tavus:{URL_PASSWORD}@llm.example.com/v1?key={QUERY_KEY}",
            "api_key": GROQ,
            "headers": {"Authorization": f"Bearer {BEARER}", "x-api-key": TAVUS_HEADER},
            "default_query": {"api_key": OPENAI},
            "extra_body": {"password": CUSTOM_FIELD},
            "speculative_inference": LONG,
            "tools": [{
                "type": "function",
                "function": {
                    "name": "lookup",
                    "description": f"Looks up an order; auth with {OPENAI}",
                    "parameters": {"type": "object", "properties": {}, "required": []},
                },
            }],
        },
        "tts": {"tts_engine": ENGINE, "api_key": ELEVEN, "external_voice_id": GOOGLE},
        "stt": {"stt_engine": GITHUB, "hotwords": 42},
        "perception": {"perception_model": JWT},
        "conversational_flow": {"turn_taking_patience": LONG},
    },
}

SPEECH = {
    "persona_name": "Realtime",
    "pipeline_mode": "speech-to-speech",
    "system_prompt": f"Use {STS_KEY}",
    "layers": {
        "sts": {"api_key": STS_KEY, "websocket_url": f"wss://rt.example.com/v1?api_key={QUERY_KEY}"},
        "stt": {"stt_engine": STS_KEY},
    },
}

YAML = f"""
persona_name: YAML persona
pipeline_mode: {PIPELINE}
system_prompt: "Call with {OPENAI}"
layers:
  llm:
    model: custom
    api_key: {GROQ}
    headers:
      Authorization: Bearer {BEARER}
  tts:
    tts_engine: {ENGINE}
    api_key: {ELEVEN}
"""

BROKEN_JSON = '{\n  "layers": {"llm": {"api_key": "' + GROQ + '",, "model": "x"}}\n}\n'
BROKEN_YAML = f"layers:\n  llm:\n    api_key: {GROQ}\n    model: [unclosed\n"

INPUTS = {
    "full.json": json.dumps(FULL, indent=2),
    "speech.json": json.dumps({"$schema": "https://raw.githubusercontent.com/persona-lint/persona-lint/main/schemas/"
                               "2024-10/persona.schema.json", **SPEECH}, indent=2),
    "pal.json": json.dumps({**FULL, "$schema": "https://raw.githubusercontent.com/persona-lint/persona-lint/main/"
                            "schemas/pal-2026-06/persona.schema.json"}),
    "persona.yaml": YAML,
    "broken.json": BROKEN_JSON,
    "broken.yaml": BROKEN_YAML,
}

SELECTIONS = (None, "SCH,SYN,PIPE,LLM,TTS,STT,PERC,FLOW,TOOL", "SCH")


def assert_no_secret(output: str) -> None:
    for secret in SECRETS:
        assert secret not in output, f"secret {secret[:6]}… printed"
        for start in range(len(secret) - 11):
            piece = secret[start : start + 12]
            assert piece not in output, f"a 12-character slice of secret {secret[:6]}… printed: {piece!r}"


@pytest.fixture
def persona_files(tmp_path: Path) -> Path:
    for name, text in INPUTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_the_inputs_really_contain_the_secrets() -> None:
    """Guard against a vacuous test: the secrets are in the input, and the linter finds them."""
    everything = "".join(INPUTS.values())
    for secret in SECRETS:
        assert secret in everything
    found = {hit.secret for hit in find_secrets(FULL)} | {hit.secret for hit in find_secrets(SPEECH)}
    assert {GROQ, ELEVEN, BEARER, TAVUS_HEADER, URL_PASSWORD, QUERY_KEY, STS_KEY, GITHUB, JWT, PIPELINE} <= found


@pytest.mark.parametrize("name", sorted(INPUTS))
@pytest.mark.parametrize("select", SELECTIONS)
def test_library_diagnostics_show_no_secret(name: str, select: str | None) -> None:
    chosen = select.split(",") if select else None
    diagnostics = lint_text(INPUTS[name], name, select=chosen)
    assert diagnostics or name.startswith("broken"), "expected findings"
    assert_no_secret("\n".join(f"{d.message} {d.hint} {d.pointer}" for d in diagnostics))


def test_library_paths_show_no_secret(persona_files: Path) -> None:
    result = lint_paths([persona_files])
    assert result.diagnostics
    assert_no_secret(repr(result.diagnostics))
    assert_no_secret("".join(result.sources.values()))


@pytest.mark.parametrize("select", SELECTIONS)
@pytest.mark.parametrize("show_source", [True, False])
@pytest.mark.parametrize("output_format", FORMATS)
def test_cli_output_shows_no_secret(
    persona_files: Path, output_format: str, show_source: bool, select: str | None
) -> None:
    args = ["check", "--format", output_format, "--show-source" if show_source else "--no-show-source"]
    if select:
        args += ["--select", select]
    result = CliRunner().invoke(cli, [*args, str(persona_files)])
    assert result.exit_code == 1, result.output
    assert result.output.strip()
    assert_no_secret(result.output)


@pytest.mark.parametrize("output_format", FORMATS)
def test_report_file_shows_no_secret(persona_files: Path, tmp_path: Path, output_format: str) -> None:
    report = tmp_path / f"report.{output_format}"
    result = CliRunner().invoke(
        cli, ["check", "--format", output_format, "--output-file", str(report), "--show-source", str(persona_files)]
    )
    assert result.exit_code == 1, result.output
    assert_no_secret(result.output)
    assert_no_secret(report.read_text(encoding="utf-8"))


def test_stdin_shows_no_secret() -> None:
    result = CliRunner().invoke(cli, ["check", "--show-source", "--stdin-filename", "p.json", "-"],
                                input=INPUTS["full.json"])
    assert result.exit_code == 1
    assert_no_secret(result.output)


def test_redact_masks_truncated_copies() -> None:
    """A value cut by the message renderer still leaks its start: such slices are masked too."""
    shown = f'pipeline_mode is "{LONG[:40]}…"'
    assert LONG[:12] not in redact(shown, {LONG})
    assert redact("nothing secret here", {LONG}) == "nothing secret here"


def _plain_redact(text: str, secrets: set[str]) -> str:
    """The masking as first written: each secret's slices slid over the text, in Python."""
    ordered = sorted(secrets, key=len, reverse=True)
    for secret in ordered:
        text = text.replace(secret, MASK)
    covered = [False] * len(text)
    for secret in ordered:
        grams = {secret[i : i + 8] for i in range(len(secret) - 7)}
        for start in range(len(text) - 7):
            if text[start : start + 8] in grams:
                covered[start : start + 8] = [True] * 8
    return mask_covered(text, covered)


_SECRET_PIECES = [GROQ[:10], GROQ[10:20], GROQ[20:], LONG[:9], LONG[9:30], "abc", "gsk_", " ", "…", "Leak"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_SECRET_PIECES), max_size=10).map("".join),
       st.sets(st.sampled_from([GROQ, LONG, LONG[:7], "Leak2Ope"]), max_size=3))
def test_redact_masks_what_sliding_every_slice_masks(text: str, secrets: set[str]) -> None:
    assert redact(text, secrets) == _plain_redact(text, secrets)
