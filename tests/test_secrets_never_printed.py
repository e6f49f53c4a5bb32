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
from linter.tavus.masking import Masker
from linter.tavus.redact import MASK
from linter.tavus.secrets import find_secrets, is_placeholder

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

KEY_AS_KEY = "sk-proj-Leak17KeyAsKey2mZpL9xWc4TnB8yKd3HsF6gJ1aE5"
ALIAS = "sk-proj-Leak18YamlAlias9xWc4TnB8yKd3HsF6gJ1aE5uN0"
TAG = "ghp_Leak19YamlTag4TnB8yKd3HsF6gJ1aE5uN0iO"
COMMENT = "gsk_Leak20InAComment4TnB8yKd3HsF6gJ1aE5"
JSON_ESCAPED = "sk-proj-Leak21Escaped2mZpL9xWc4TnB8yKd3HsF6gJ1"
YAML_ESCAPED = "sk-proj-Leak22Escaped9xWc4TnB8yKd3HsF6gJ1aE5u"
CONTINUED = "sk-proj-Leak23ContinuedLine8yKd3HsF6gJ1aE5uN0i"
WITH_XXX = "gsk_Leak24RealKeyXXXWith8yKd3HsF6gJ1aE5uN"
NUMERIC = "98765432109876543210"
UNPARSABLE = "sk-proj-Leak25Unparsable4TnB8yKd3HsF6gJ1aE5uN"
URL_KEY = "Leak26PasswordInAKey9xWc"

SECRETS = (
    GROQ, OPENAI, ELEVEN, GOOGLE, BEARER, TAVUS_HEADER, URL_PASSWORD, QUERY_KEY, STS_KEY, GITHUB, JWT,
    SLACK, PIPELINE, ENGINE, LONG, CUSTOM_FIELD, KEY_AS_KEY, ALIAS, TAG, COMMENT, JSON_ESCAPED, YAML_ESCAPED,
    CONTINUED, WITH_XXX, NUMERIC, UNPARSABLE, URL_KEY,
)


def _escape_json(secret: str) -> str:
    """``secret`` with its 20th character written as a JSON ``\\u`` escape."""
    return secret[:19] + f"\\u{ord(secret[19]):04x}" + secret[20:]


def _escape_yaml(secret: str) -> str:
    """``secret`` with its 20th character written as a YAML ``\\x`` escape."""
    return secret[:19] + f"\\x{ord(secret[19]):02x}" + secret[20:]


KEYS_JSON = (
    '{"persona_name": "Keys", "pipeline_mode": "echo", "' + KEY_AS_KEY + '": 1, "'
    + _escape_json(JSON_ESCAPED) + '": {"' + f"https://u:{URL_KEY}@h.example.com" + '": 2},'
    ' "layers": {"llm": {"api_key": ' + NUMERIC + ', "model": "m", "base_url": "https://x.example.com"},'
    ' "tts": {"api_key": "' + WITH_XXX + '"}}}'
)
KEYS_YAML = (
    "persona_name: Keys\n"
    "pipeline_mode: echo\n"
    f"# old key: {COMMENT}\n"
    f'"{_escape_yaml(YAML_ESCAPED)}": 1\n'
    f'system_prompt: "use {CONTINUED[:25]}\\\n  {CONTINUED[25:]}"\n'
    "layers:\n  tts:\n    password: 12345678\n"
)
ALIAS_YAML = f"persona_name: *{ALIAS}\npipeline_mode: echo\n"
TAG_YAML = f"persona_name: !{TAG} x\npipeline_mode: echo\n"
UNPARSABLE_JSON = '{"persona_name": "x", "pipeline_mode": "echo", "' + UNPARSABLE + '": '


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
    "keys.json": KEYS_JSON,
    "keys.yaml": KEYS_YAML,
    "broken-alias.yaml": ALIAS_YAML,
    "broken-tag.yaml": TAG_YAML,
    "broken-unparsable.json": UNPARSABLE_JSON,
}

SELECTIONS = (None, "SCH,SYN,PIPE,LLM,TTS,STT,PERC,FLOW,TOOL", "SCH")


def assert_no_secret(output: str) -> None:
    assert "12345678" not in output, "the YAML numeric password printed"
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
        if secret in (JSON_ESCAPED, YAML_ESCAPED, CONTINUED):  # written with an escape: not in the raw text
            assert secret not in everything and secret[25:] in everything
        else:
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
    assert LONG[:12] not in Masker({LONG}).mask(shown)
    assert Masker({LONG}).mask("nothing secret here") == "nothing secret here"


_SECRET_PIECES = [GROQ[:10], GROQ[10:20], GROQ[20:], LONG[:9], LONG[9:30], "abc", "gsk_", " ", "…", "Leak"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_SECRET_PIECES), max_size=10).map("".join),
       st.sets(st.sampled_from([GROQ, LONG, LONG[:7], "Leak2Ope"]), max_size=3))
def test_masking_leaves_no_slice_and_keeps_the_rest(text: str, secrets: set[str]) -> None:
    masker = Masker(secrets)
    masked, starred = masker.mask(text), masker.star(text)
    for secret in secrets:
        pieces = [secret] if len(secret) < 8 else [secret[i : i + 8] for i in range(len(secret) - 7)]
        assert not any(piece in masked or piece in starred for piece in pieces)
    assert len(starred) == len(text)  # same length: excerpts keep their columns
    assert all(shown in ("*", kept) for shown, kept in zip(starred, text, strict=True))
    assert Masker(set()).mask(text) == text


@pytest.mark.parametrize("value", [
    "your-api-key", "YOUR_API_KEY", "your-base-url", "sk-xxxxxxxxxxxxxxxx", "sk-proj-XXXXXXXXXXXXXXXX", "<api-key>",
    "${GROQ_API_KEY}", "{{ api_key }}", "changeme", "replace-me", "sk-...", "sk-***", "REDACTED", "api key here",
    "process.env.GROQ_API_KEY", "xxxx-xxxx-xxxx", "sk-your-key-here", "test", "not-needed",
])
def test_placeholders_are_judged_on_the_whole_value(value: str) -> None:
    assert is_placeholder(value)


@pytest.mark.parametrize("value", [WITH_XXX, "sk-proj-Q7vR2mexampleZpL9xWc4TnB8yKd3", "gsk_8Jd4dummyFg6Tr0Yc2UeZQ7wLe",
                                   "abcXXXdef1234567890", "a1b2c3d4e5f6redacted7890"])
def test_a_real_key_holding_a_placeholder_word_is_a_secret(value: str) -> None:
    assert not is_placeholder(value)
    assert find_secrets({"layers": {"tts": {"api_key": value}}})


TAG_ESCAPED = "sk-proj-Leak27TagEscape8yKd3HsF6gJ1aE5uN0iOq"
TAG_SPLIT = "ghp_Leak28TagPrefixAndSuffix4TnB8yKd3Hs"


@pytest.mark.parametrize("text", [
    f"persona_name: !{TAG_ESCAPED[:4]}%{ord(TAG_ESCAPED[4]):02X}{TAG_ESCAPED[5:]} x\npipeline_mode: echo\n",
    f"persona_name: !<tag:e.com,1:{TAG_ESCAPED[:9]}%{ord(TAG_ESCAPED[9]):02X}{TAG_ESCAPED[10:]}> x\n",
    f"%TAG !e! tag:e.com,1:{TAG_SPLIT[:6]}\n---\npersona_name: !e!{TAG_SPLIT[6:]} x\npipeline_mode: echo\n",
])
@pytest.mark.parametrize("output_format", FORMATS)
def test_a_secret_that_only_a_resolved_yaml_tag_shows_is_masked(tmp_path: Path, text: str, output_format: str) -> None:
    """A tag's ``%XX`` escapes and its ``%TAG`` prefix make a secret the raw text does not hold."""
    (tmp_path / "tagged.yaml").write_text(text)
    assert TAG_ESCAPED not in text and TAG_SPLIT not in text
    diagnostics = lint_text(text, "tagged.yaml")
    assert [d.code for d in diagnostics] == ["SYN010"] and MASK in diagnostics[0].message
    result = CliRunner().invoke(cli, ["check", "--format", output_format, "--show-source", str(tmp_path)])
    assert result.exit_code == 1, result.output
    for secret in (TAG_ESCAPED, TAG_SPLIT):
        for start in range(len(secret) - 11):
            assert secret[start : start + 12] not in result.output, (output_format, result.output)


def test_a_syntax_message_naming_a_credential_key_is_not_masked() -> None:
    """Syntax messages are read for secrets by shape only: their own words are no ``key: value``."""
    text = "persona_name: x\npipeline_mode: echo\npassword: 1\npassword: 2\n"
    [finding] = [d for d in lint_text(text, "dup.yaml") if d.code == "SYN003"]
    assert finding.message == "duplicate key 'password': YAML loaders keep only the last one"


ESCAPED_UNPARSED = "AKIAQ7LEAK29ESCAPED4"


@pytest.mark.parametrize("text", [
    f"persona_name: !<tag:e.com,1:{ESCAPED_UNPARSED[:-1]}%{ord(ESCAPED_UNPARSED[-1]):02X}> %%%\n",
    '{"persona_name": "A", "x": "' + ESCAPED_UNPARSED[:-1] + f"\\u{ord(ESCAPED_UNPARSED[-1]):04x}" + '",, }',
    f'persona_name: "{ESCAPED_UNPARSED[:-1]}\\x{ord(ESCAPED_UNPARSED[-1]):02x}" [unclosed\n',
])
def test_an_escaped_secret_in_a_file_that_does_not_parse_is_masked(tmp_path: Path, text: str) -> None:
    """No parser decodes these escapes, so the raw text is read with them decoded as well."""
    name = "broken.yaml" if text.startswith("persona") else "broken.json"
    (tmp_path / name).write_text(text)
    assert ESCAPED_UNPARSED not in text
    result = CliRunner().invoke(cli, ["check", "--format", "text", "--show-source", str(tmp_path)])
    assert result.exit_code == 1 and " SYN00" in result.output, result.output
    assert ESCAPED_UNPARSED[:12] not in result.output, result.output
