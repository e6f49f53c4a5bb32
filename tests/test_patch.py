"""JSON Patch bodies: recognised, checked alone and against their base persona, everywhere."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from linter import fix_text, lint_patch, lint_paths, lint_text
from linter.cli import cli
from linter.document.patch import kind_of, looks_like_patch, named_as_patch
from linter.tavus import revisions
from linter.util.pointer import syntax_error

DATA = Path(__file__).parent / "data" / "patch"
DOCS_EXAMPLE = DATA / "tavus-docs-patch-persona.json"
SOURCE = json.loads((DATA / "source.json").read_text())

BASE = {
    "persona_name": "Front desk",
    "system_prompt": "You greet visitors. Call check_in when a visitor gives their name.",
    "layers": {
        "llm": {
            "model": "tavus-gpt-oss",
            "tools": [{"type": "function", "function": {
                "name": "check_in", "description": "Check a visitor in.",
                "parameters": {"type": "object", "properties": {"name": {"type": "string", "description": "Name."}},
                               "required": ["name"]},
            }}],
        },
        "tts": {"tts_engine": "cartesia"},
    },
}
NEW_TOOL = {"type": "function", "function": {
    "name": "book_room", "description": "Book a meeting room.",
    "parameters": {"type": "object", "properties": {"room": {"type": "string", "description": "Room."}},
                   "required": ["room"]},
}}


def run(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)
    return result.exit_code, result.stdout


def codes(diagnostics: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(d.code, d.pointer) for d in diagnostics]


# Recognising a patch -------------------------------------------------------------------------

def test_a_patch_is_recognised_by_content_name_configuration_and_flag() -> None:
    operations = [{"op": "remove", "path": "/context"}]
    assert looks_like_patch(operations) and not looks_like_patch([]) and not looks_like_patch([{"name": "x"}])
    assert named_as_patch("ops/switch.PATCH.json") and named_as_patch("a.patch.yaml") and not named_as_patch("a.json")
    assert kind_of("a.json", operations) == "patch"
    assert kind_of("a.json", {"persona_name": "x"}) == "persona"
    assert kind_of("a.json", {"persona_name": "x"}, configured=True) == "patch"
    assert kind_of("a.patch.json", operations, forced="persona") == "persona"


def test_a_patch_body_is_no_longer_root_not_object(tmp_path: Path) -> None:
    target = tmp_path / "ops.json"
    target.write_text('[{"op": "replace", "path": "/layers/llm/model", "value": "tavus-gpt-oss"}]')
    code, out = run("check", str(target))
    assert code == 0 and "SYN004" not in out and out.startswith("All checks passed")


def test_kind_flag_overrides_the_guess(tmp_path: Path) -> None:
    target = tmp_path / "ops.json"
    target.write_text('[{"op": "replace", "path": "/persona_name", "value": "Ada"}]')
    code, out = run("check", "--kind", "persona", str(target))
    assert code == 1 and "SYN004" in out
    persona = tmp_path / "persona.json"
    persona.write_text('{"persona_name": "Ada", "pipeline_mode": "echo"}')
    code, out = run("check", "--kind", "patch", str(persona))
    assert code == 1 and "PATCH001" in out


def test_a_merge_style_body_is_an_error_whose_hint_lists_the_operations(tmp_path: Path) -> None:
    target = tmp_path / "switch.patch.json"
    target.write_text('{"layers": {"llm": {"model": "tavus-gpt-oss"}, "stt": {"hotwords": null}}}')
    [finding] = lint_paths([target]).diagnostics
    assert finding.code == "PATCH001" and finding.severity.value == "error"
    assert finding.hint is not None and finding.hint.endswith("(an unsafe fix: check each operation)")
    assert '{"op": "add", "path": "/layers/llm/model", "value": ...}' in finding.hint
    assert '{"op": "remove", "path": "/layers/stt/hotwords"}' in finding.hint
    assert finding.fix is not None and finding.fix.applicability == "unsafe"
    fixed = fix_text(target.read_text(), target.name, unsafe=True)
    assert json.loads(fixed.text) == [
        {"op": "add", "path": "/layers/llm/model", "value": "tavus-gpt-oss"},
        {"op": "remove", "path": "/layers/stt/hotwords"},
    ]
    assert not [d for d in fixed.diagnostics if d.code.startswith("PATCH")]


def test_a_directory_walk_includes_patch_documents(tmp_path: Path) -> None:
    (tmp_path / "ops").mkdir()
    (tmp_path / "ops" / "switch.json").write_text('[{"op": "replace", "path": "/layers/llm/modle", "value": "x"}]')
    (tmp_path / "ops" / "notes.json").write_text('{"unrelated": true}')
    result = lint_paths([tmp_path])
    assert result.paths == (str(tmp_path / "ops" / "switch.json"),)
    assert codes(list(result.diagnostics)) == [("SCH001", "/0/path")]


def test_patches_glob_in_the_configuration(tmp_path: Path) -> None:
    (tmp_path / ".persona-lint.toml").write_text('patches = ["ops/*.json"]\n')
    (tmp_path / "ops").mkdir()
    (tmp_path / "ops" / "merge.json").write_text('{"persona_name": "Ada"}')
    assert [d.code for d in lint_paths([tmp_path / "ops" / "merge.json"]).diagnostics] == ["PATCH001"]


def test_yaml_patch_files(tmp_path: Path) -> None:
    target = tmp_path / "switch.patch.yaml"
    target.write_text("- op: replace\n  path: /layers/tts/tts_emotion_control\n  value: 'true'\n")
    [finding] = lint_paths([target]).diagnostics
    assert (finding.code, finding.pointer) == ("PIPE008", "/0/value")
    assert (finding.span.start.line, finding.span.start.column) == (3, 10)


# Each operation alone ------------------------------------------------------------------------

def test_pointer_syntax() -> None:
    assert syntax_error("") is None and syntax_error("/a~0b~1c") is None
    assert syntax_error("a/b") is not None and syntax_error("/a~2") is not None and syntax_error("/a~") is not None


def test_unknown_path_is_the_persona_warning_with_did_you_mean_and_revision_hint() -> None:
    text = json.dumps([
        {"op": "replace", "path": "/layers/llm/modle", "value": "x"},
        {"op": "add", "path": "/layers/vqa", "value": {}},
    ])
    first, second = lint_patch(text)
    assert (first.code, first.pointer, first.hint) == ("SCH001", "/0/path", "did you mean 'model'?")
    [in_persona] = [d for d in lint_text('{"layers": {"llm": {"modle": "x"}}}') if d.code == "SCH001"]
    assert first.message == in_persona.message
    assert second.code == "SCH001" and second.hint is not None and "belongs to revision 2024-10" in second.hint


def test_value_is_validated_against_the_schema_at_its_path_and_located_inside_it() -> None:
    text = (
        '[{"op": "replace", "path": "/layers/llm/tools/0",\n'
        '  "value": {"type": "function", "function": {"name": 1}}}]'
    )
    found = [d for d in lint_patch(text) if d.code.startswith("SCH")]
    assert [(d.code, d.pointer, d.span.start.line) for d in found] == [("SCH003", "/0/value/function/name", 2)]


def test_an_enum_value_the_revision_lacks() -> None:
    [finding] = lint_patch('[{"op": "replace", "path": "/pipeline_mode", "value": "ful"}]')
    assert (finding.code, finding.pointer, finding.hint) == ("SCH004", "/0/value", "did you mean 'full'?")


def test_tool_rules_run_on_a_replaced_tool_list() -> None:
    duplicate = [NEW_TOOL, NEW_TOOL]
    text = json.dumps([{"op": "replace", "path": "/layers/llm/tools", "value": duplicate}])
    assert ("TOOL004", "/0/value/1/function/name") in codes(lint_patch(text))


def test_cross_field_rules_do_not_run_on_a_value_alone() -> None:
    # The prompt is not in the patch: whether it mentions the tool is for --base to say.
    text = json.dumps([{"op": "add", "path": "/layers/llm/tools/-", "value": NEW_TOOL}])
    assert lint_patch(text) == []


def test_secrets_are_checked_in_every_value() -> None:
    key = "sk-proj-" + "Ab3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF"
    text = json.dumps([{"op": "replace", "path": "/layers/llm/api_key", "value": key}])
    found = lint_patch(text)
    assert [d.code for d in found if d.code.startswith("SEC")] == ["SEC001"]
    assert all(key not in (d.message + (d.hint or "")) for d in found)


def test_read_only_field_is_one_finding_not_also_an_unknown_key() -> None:
    assert codes(lint_patch('[{"op": "replace", "path": "/created_at", "value": "2026"}]')) == [
        ("PATCH008", "/0/path")
    ]


def test_remove_of_a_required_field_in_a_pal() -> None:
    text = '[{"op": "remove", "path": "/default_face_id"}]'
    assert codes(lint_patch(text, schema_version="pal-2026-06")) == [("PATCH009", "/0/path")]


def test_select_and_ignore_apply_to_patch_codes() -> None:
    text = '[{"op": "update", "path": "/persona_name", "value": "Ada", "vaule": 1}]'
    assert {d.code for d in lint_patch(text)} == {"PATCH002"}
    text = '[{"op": "replace", "path": "/persona_name", "value": "Ada", "vaule": 1}]'
    assert [d.code for d in lint_patch(text, select=["PATCH"])] == ["PATCH006"]
    assert lint_patch(text, ignore=["PATCH006"]) == []


# With the base persona -----------------------------------------------------------------------

def write_pair(tmp_path: Path, operations: list[dict[str, object]]) -> tuple[Path, Path]:
    base = tmp_path / "persona.json"
    base.write_text(json.dumps(BASE, indent=2))
    patch = tmp_path / "add-tool.patch.json"
    patch.write_text(json.dumps(operations, indent=2))
    return base, patch


def test_base_finds_what_only_the_patched_persona_shows_and_points_into_the_patch(tmp_path: Path) -> None:
    base, patch = write_pair(tmp_path, [{"op": "add", "path": "/layers/llm/tools/-", "value": NEW_TOOL}])
    assert run("check", str(patch))[0] == 0  # alone, the new tool is fine
    code, out = run("check", "--base", str(base), str(patch))
    assert code == 0 and "TOOL018" in out
    [finding] = lint_patch(patch.read_text(), str(patch), base.read_text(), base_path=str(base))
    assert (finding.code, finding.path, finding.pointer) == ("TOOL018", str(patch), "/layers/llm/tools/1/function/name")
    assert finding.span.start.line == 8  # "name": "book_room" inside the operation's value


def test_findings_on_unchanged_parts_point_into_the_base_file(tmp_path: Path) -> None:
    base, patch = write_pair(tmp_path, [{"op": "replace", "path": "/layers/tts/tts_engine", "value": "elevenlabs"}])
    broken = dict(BASE, layers=dict(BASE["layers"], llm={"model": "tavus-gpt-oss", "temperature": 0.3}))  # type: ignore[arg-type]
    base.write_text(json.dumps(broken, indent=2))
    found = lint_patch(patch.read_text(), str(patch), base.read_text(), base_path=str(base))
    assert [(d.code, d.path, d.pointer) for d in found if d.code == "SCH001"] == [
        ("SCH001", str(base), "/layers/llm/temperature")
    ]


def test_a_missing_target_or_failed_test_is_an_error_at_the_operation(tmp_path: Path) -> None:
    base, patch = write_pair(tmp_path, [
        {"op": "test", "path": "/layers/llm/model", "value": "tavus-gpt-oss"},
        {"op": "replace", "path": "/layers/stt/stt_engine", "value": "tavus-auto"},
    ])
    [missing] = lint_patch(patch.read_text(), str(patch), base.read_text(), base_path=str(base))
    assert (missing.code, missing.pointer) == ("PATCH012", "/1/path")
    failing = [{"op": "test", "path": "/layers/llm/model", "value": "tavus-llama-4"}]
    [failed] = lint_patch(json.dumps(failing), "p.json", base.read_text(), base_path=str(base))
    assert (failed.code, failed.pointer) == ("PATCH013", "/0/value")


def test_bases_table_in_the_configuration(tmp_path: Path) -> None:
    _, patch = write_pair(tmp_path, [{"op": "add", "path": "/layers/llm/tools/-", "value": NEW_TOOL}])
    (tmp_path / ".persona-lint.toml").write_text('[bases]\n"*.patch.json" = "persona.json"\n')
    assert [d.code for d in lint_paths([patch]).diagnostics] == ["TOOL018"]


def test_an_unreadable_base_is_reported_and_the_patch_still_checked(tmp_path: Path) -> None:
    patch = tmp_path / "ops.json"
    patch.write_text('[{"op": "replace", "path": "/layers/llm/modle", "value": "x"}]')
    code, out = run("check", "--base", str(tmp_path / "missing.json"), str(patch))
    assert code == 1 and "SYN008" in out and "the base persona" in out and "SCH001" in out


def test_every_output_format_renders_patch_findings(tmp_path: Path) -> None:
    base, patch = write_pair(tmp_path, [{"op": "add", "path": "/layers/llm/tools/-", "value": NEW_TOOL}])
    for output in ("json", "sarif", "github", "junit", "gitlab"):
        code, out = run("check", "--format", output, "--base", str(base), str(patch))
        assert code == 0 and "TOOL018" in out, output
    code, out = run("check", "--show-source", "--base", str(base), str(patch))
    assert '"name": "book_room"' in out  # the excerpt comes from the patch file


def test_no_traceback_on_hostile_patches() -> None:
    for text in ("[1, 2]", "[{}]", '[{"op": 1, "path": 2}]', '[{"op": "move", "from": "/a", "path": "/a/b"}]',
                 '[{"op": "add", "path": "/layers/llm/tools/01", "value": {}}]', '"x"', "[[]]"):
        lint_patch(text)
        lint_patch(text, base='{"layers": {"llm": {"tools": []}}}')


# The Tavus docs' own example -----------------------------------------------------------------

def test_docs_patch_persona_example() -> None:
    assert SOURCE["source_url"] == "https://docs.tavus.io/api-reference/personas/patch-persona"
    found = lint_patch(DOCS_EXAMPLE.read_text(), DOCS_EXAMPLE.name, schema_version=SOURCE["revision"])
    assert [(d.code, d.severity.value, d.pointer) for d in found] == [("PIPE008", "warning", "/4/value")]
    assert "is the string 'true', not a boolean" in found[0].message


def test_an_invalid_from_is_reported() -> None:
    text = '[{"op": "copy", "from": "layers.llm.tools", "path": "/layers/perception/visual_tools"}]'
    assert codes(lint_patch(text)) == [("PATCH003", "/0/from")]


def test_a_layer_value_gets_that_layers_rules_and_an_id_field_its_rule() -> None:
    text = json.dumps([
        {"op": "replace", "path": "/layers/tts", "value": {"tts_engine": "cartesia", "playht_user_id": "u1"}},
        {"op": "replace", "path": "/default_replica_id", "value": "p1234567890"},
    ])
    assert codes(lint_patch(text)) == [("TTS004", "/0/value/playht_user_id"), ("PIPE011", "/1/value")]


def test_base_flag_wins_over_the_table_and_a_bases_glob_marks_patches(tmp_path: Path) -> None:
    write_pair(tmp_path, [])
    (tmp_path / "ops").mkdir()
    patch = tmp_path / "ops" / "tools.json"  # no .patch suffix, and an object: only the table says patch
    patch.write_text('{"persona_name": "Ada"}')
    (tmp_path / ".persona-lint.toml").write_text('[bases]\n"ops/*.json" = "persona.json"\n')
    assert [d.code for d in lint_paths([patch]).diagnostics] == ["PATCH001"]
    patch.write_text(json.dumps([{"op": "add", "path": "/layers/llm/tools/-", "value": NEW_TOOL}]))
    assert [d.code for d in lint_paths([patch]).diagnostics] == ["TOOL018"]
    other = tmp_path / "other.json"
    other.write_text(json.dumps(dict(BASE, system_prompt="You greet visitors. Use book_room and check_in.")))
    code, out = run("check", "--base", str(other), str(patch))
    assert code == 0 and out.startswith("All checks passed")


def test_language_server_analysis_of_a_patch() -> None:
    from linter.diagnostic import Position
    from linter.lsp.analysis import analyse, completions, hover_text

    text = '[{"op": "replace", "path": "/layers/llm/mod", "value": "x"}]'
    analysis = analyse("/tmp/ops.json", text)
    assert analysis.is_patch and [d.code for d in analysis.diagnostics] == ["SCH001"]
    offered = [label for label, _, _ in completions(analysis, Position(1, 32))]
    assert "/layers/llm/model" in offered and "/layers/llm/tools" in offered
    hover = hover_text(analyse("/tmp/ops.json", text.replace("/mod", "/model")), Position(1, 32))
    assert hover is not None and hover[0].startswith(f"`/layers/llm/model` ({revisions.DEFAULT})")


def _readme_block(marker: str) -> str:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    return readme.split(marker, 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]


def test_readme_broken_patch_example_output_is_current() -> None:
    import re

    block = _readme_block("A broken patch:")
    expected = block.rstrip("\n").split("\n")[2:]
    printed = re.search(r"printf '(.*?)' \\", block)
    assert printed is not None
    stdin = printed.group(1).encode().decode("unicode_escape")
    result = CliRunner().invoke(cli, ["check", "--stdin-filename", "switch.patch.json", "-"], input=stdin)
    assert result.stdout.splitlines() == expected


def test_readme_base_example_output_is_current() -> None:
    import os

    block = _readme_block("passes alone, but not on its persona:")
    command, *expected = block.rstrip("\n").split("\n")
    args = command.split()[2:]  # after "$ .venv/bin/persona-lint"
    previous = os.getcwd()
    os.chdir(Path(__file__).resolve().parent.parent)
    try:
        assert run("check", args[-1])[1].startswith("All checks passed")  # alone it passes
        assert run(*args)[1].splitlines() == expected
    finally:
        os.chdir(previous)


def test_bad_patches_or_bases_configuration_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / ".persona-lint.toml").write_text('bases = ["persona.json"]\n')
    (tmp_path / "ops.json").write_text("[]")
    code, _ = run("check", str(tmp_path / "ops.json"))
    assert code == 2
    (tmp_path / ".persona-lint.toml").write_text("patches = [1]\n")
    assert run("check", str(tmp_path / "ops.json"))[0] == 2


def test_no_secret_of_the_patch_or_base_reaches_a_message(tmp_path: Path) -> None:
    key = "sk-proj-" + "Zx3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF"
    base, patch = write_pair(tmp_path, [{"op": "add", "path": "/layers/llm/api_key", "value": key},
                                        {"op": "add", "path": "/layers/llm/base_url", "value": f"{key}.example"}])
    found = lint_patch(patch.read_text(), str(patch), base.read_text(), base_path=str(base))
    assert found and all(key not in d.message + (d.hint or "") for d in found)
    _, out = run("check", "--show-source", "--base", str(base), str(patch))
    assert key not in out


def test_a_patch_of_pal_only_fields_is_read_as_a_pal_body() -> None:
    text = '[{"op": "replace", "path": "/pal_name", "value": "Anna"}, {"op": "remove", "path": "/default_face_id"}]'
    assert codes(lint_patch(text)) == [("PATCH009", "/1/path")]  # pal_name is known: no SCH001
    assert ("SCH001", "/0/path") in codes(lint_patch(text, schema_version="2026-06"))


def test_with_base_the_patch_takes_the_base_personas_revision(tmp_path: Path) -> None:
    pal = '{"pal_name": "Anna", "default_face_id": "rf4e9d9790f0", "system_prompt": "Hi.", "layers": {}}'
    persona = '{"persona_name": "Anna", "system_prompt": "Hi.", "layers": {}}'
    text = '[{"op": "add", "path": "/disclosure_type", "value": "always"}]'  # a PAL-only field
    assert lint_patch(text, "p.json", pal, base_path="pal.json") == []
    assert codes(lint_patch(text, "p.json", persona, base_path="persona.json")) == [
        ("SCH001", "/disclosure_type")
    ]


def test_a_base_finding_is_reported_once_however_many_patches_share_the_base(tmp_path: Path) -> None:
    base, _ = write_pair(tmp_path, [{"op": "replace", "path": "/persona_name", "value": "Desk"}])
    base.write_text(json.dumps(dict(BASE, voice="x"), indent=2))  # SCH001 in the base itself
    (tmp_path / "second.patch.json").write_text('[{"op": "replace", "path": "/persona_name", "value": "Hall"}]')
    _, out = run("check", "--base", str(base), str(tmp_path))
    assert out.count("SCH001") == 1, out


def test_an_operation_inside_a_removed_member_is_one_finding_with_base(tmp_path: Path) -> None:
    base, patch = write_pair(tmp_path, [{"op": "remove", "path": "/layers/tts"},
                                        {"op": "add", "path": "/layers/tts/tts_engine", "value": "cartesia"}])
    found = lint_patch(patch.read_text(), str(patch), base.read_text(), base_path=str(base))
    assert codes(found) == [("PATCH011", "/1/path")]


def test_a_perception_layer_value_gets_the_prompt_without_tools_rule() -> None:
    layer = {"perception_model": "raven-1", "visual_tool_prompt": "Call a tool when you see a badge."}
    text = json.dumps([{"op": "replace", "path": "/layers/perception", "value": layer}])
    assert codes(lint_patch(text)) == [("PERC011", "/0/value/visual_tool_prompt")]
    whole = dict(layer, visual_tools=[{"type": "function", "function": {
        "name": "badge_seen", "description": "A badge is in view.",
        "parameters": {"type": "object", "properties": {}}}}])
    assert codes(lint_patch(json.dumps([{"op": "replace", "path": "/layers/perception", "value": whole}]))) == []
