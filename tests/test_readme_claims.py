"""Every behavioural sentence of the README's "Exit codes", "Configuration", "Editors" and
"Robustness and safety" sections, and the test that proves it.

A sentence added to those sections fails :func:`test_every_sentence_is_mapped` until it is
mapped here, to tests (``file::name``) or, with the reason, to :data:`UNPROVEN` or
:data:`NOT_A_PROMISE`.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SECTIONS = (("Exit codes", 3), ("Configuration", 2), ("Editors", 2), ("Robustness and safety", 2))

CLAIMS: dict[str, tuple[str, ...]] = {
    "re-read on every lint": ("test_lsp_claims.py::test_a_save_lints_again_with_the_configuration_read_afresh",),
    "a file that does not parse gets its syntax error only when its name contains": (
        "test_lsp_claims.py::test_a_broken_file_gets_its_syntax_error_only_when_its_name_says_persona",
    ),
    "(on open, on change after a short pause, and on save)": (
        "test_lsp_claims.py::test_a_save_lints_again_with_the_configuration_read_afresh",
        "test_lsp.py::test_diagnostics_on_open_and_change",
    ),
    # Exit codes
    "| 0 | no error-level finding": (
        "test_cli.py::test_warnings_only_exit_zero",
        "test_reporters.py::test_exit_zero_and_fail_level",
    ),
    "| 1 | at least one error-level finding, including files that cannot be read or parsed": (
        "test_cli.py::test_every_file_is_checked_even_when_some_are_broken",
    ),
    "| 2 | usage or configuration error, or an internal error": (
        "test_cli.py::test_usage_errors_exit_2",
        "test_config.py::test_bad_configuration_is_a_clear_error",
        "test_cli_promises.py::test_conflicting_options_are_usage_errors",
        "test_cli.py::test_foreign_rules_package_message_reaches_the_user",
    ),
    "| 130, 143 | interrupted by Ctrl-C (SIGINT) or SIGTERM": (
        "test_cli_promises.py::test_a_signal_stops_the_run_and_its_workers",
    ),
    "A file that cannot be read or parsed is always reported as an error and always fails the run": (
        "test_cli_promises.py::test_selection_never_hides_an_unreadable_or_broken_file",
        "test_cli_promises.py::test_a_broken_file_fails_the_run_whatever_its_configured_severity",
        "test_suppressions.py::test_nothing_silences_a_file_that_does_not_parse",
        "test_baseline.py::test_a_broken_file_is_never_recorded",
    ),
    "A reader that stops early": (
        "test_cli.py::test_a_reader_that_stops_early_is_not_an_error",
        "test_cli_promises.py::test_every_command_takes_a_closed_pipe_quietly",
    ),
    "exit code stays the findings' one, other commands exit 0": (
        "test_cli_promises.py::test_every_command_takes_a_closed_pipe_quietly",
    ),
    "Every file is checked even when another one cannot be read or parsed": (
        "test_cli.py::test_every_file_is_checked_even_when_some_are_broken",
        "robustness/test_hostile.py::test_every_hostile_file_gets_its_finding_and_nothing_hangs",
    ),
    "A file you name explicitly is always checked": ("test_walks.py::test_a_file_named_explicitly_is_always_linted",),
    "checks the `*.json`, `*.yaml` and `*.yml` files that look like a persona body": (
        "test_walks.py::test_a_walk_skips_what_does_not_look_like_a_persona",
    ),
    "it checks a file whose top level is an object with a persona key": (
        "test_walks.py::test_a_json_patch_body_is_not_skipped",
        "test_walks.py::test_a_broken_persona_is_still_reported_in_a_walk",
    ),
    "it skips other objects (`package.json`), arrays, strings, empty files": (
        "test_walks.py::test_a_walk_skips_what_does_not_look_like_a_persona",
    ),
    "it does not enter hidden folders": (
        "test_walks.py::test_a_walk_skips_build_dist_and_hidden_folders",
        "test_walks.py::test_gitignore_is_honoured_unless_told_otherwise",
    ),
    "`--no-respect-gitignore` turns this off), nor what the configuration's `exclude` names": (
        "test_walks.py::test_gitignore_is_honoured_unless_told_otherwise",
        "test_walks.py::test_exclude_is_relative_to_the_configuration_that_declares_it",
    ),
    "it does not read through file symlinks": ("test_walks.py::test_a_walk_does_not_read_through_a_file_symlink",),
    "A directory in which no file looks like a persona": (
        "test_walks.py::test_a_directory_holding_only_package_json_warns",
        "test_cli.py::test_every_file_is_checked_even_when_some_are_broken",
    ),
    # Configuration
    "In `pyproject.toml` under `[tool.persona-lint]`, or in a `.persona-lint.toml`": (
        "test_config.py::test_every_spelling_of_the_section_is_found",
        "test_config.py::test_pyproject_section_is_found_walking_up",
    ),
    "The nearest one above each checked file applies": (
        "test_config.py::test_pyproject_section_is_found_walking_up",
        "test_config.py::test_pyproject_without_section_is_skipped",
    ),
    "`--config` names one explicitly": ("test_config.py::test_schema_version_from_config",),
    "Unknown keys and bad values are configuration errors (exit 2) naming the file and the key": (
        "test_config.py::test_bad_configuration_is_a_clear_error",
        "test_config.py::test_rule_options_are_applied_and_validated",
    ),
    "`select = []` selects no rules (then `extend-select` adds some)": (
        "test_config_checks.py::test_select_empty_means_no_rules",
    ),
    "Where severity selectors overlap, the most specific wins whatever the order of the keys": (
        "test_config_checks.py::test_the_most_specific_severity_selector_wins_whatever_the_order",
        "test_config_checks.py::test_a_rule_name_is_as_specific_as_its_code",
    ),
    "`persona-lint settings PATH` prints the configuration file, the API revision": (
        "test_show_settings.py::test_settings_names_the_configuration_revision_source_and_rules",
        "test_show_settings.py::test_settings_follow_the_files_schema_key_and_the_command_line",
    ),
    "PAL body or the default) and the rules with their severities that `check` applies to `PATH`": (
        "test_show_settings.py::test_settings_names_the_configuration_revision_source_and_rules",
    ),
    "`persona-lint check --show-settings PATH...` prints the same for each path": (
        "test_show_settings.py::test_check_show_settings_prints_the_settings_of_each_path_and_checks_nothing",
    ),
    "A hint that names the revision a file is checked against says where that revision came from": (
        "test_revision_source.py::test_the_hint_names_the_command_line",
        "test_revision_source.py::test_the_hint_names_the_files_schema_key",
        "test_revision_source.py::test_the_hint_names_the_configuration_file",
    ),
    "The configuration is checked as a whole when it is read, before any file is linted": (
        "test_config_checks.py::test_options_of_a_rule_that_is_not_selected_are_still_checked",
        "test_config_checks.py::test_the_cli_exits_2_on_bad_options",
    ),
    "A configuration file must be a regular UTF-8 file of at most 1 MiB": (
        "test_config_checks.py::test_hostile_configuration_files_are_clear_errors",
        "test_config_checks.py::test_config_on_a_fifo_or_device_is_an_error_not_a_hang",
        "test_config_checks.py::test_cli_config_fifo_and_dev_zero_exit_2",
    ),
    "A path in `bases` is relative to the configuration file, and a `bases` glob also marks its files as patches": (
        "test_patch.py::test_bases_table_in_the_configuration",
        "test_patch.py::test_base_flag_wins_over_the_table_and_a_bases_glob_marks_patches",
    ),
    "`--base` on the command line wins over the table": (
        "test_patch.py::test_base_flag_wins_over_the_table_and_a_bases_glob_marks_patches",
    ),
    "`exclude` patterns are relative to the folder of the configuration file that declares them": (
        "test_walks.py::test_exclude_is_relative_to_the_configuration_that_declares_it",
    ),
    "with `--force-exclude` they apply to files named explicitly too": (
        "test_walks.py::test_force_exclude_applies_exclude_to_files_named_explicitly",
    ),
    # Editors
    "A persona file can name its API revision itself": (
        "test_schema_association.py::test_cli_honours_schema_key_and_modeline",
        "test_schema_association.py::test_cli_schema_version_flag_wins_over_the_file",
        "test_schema_association.py::test_library_honours_schema_key_and_modeline",
    ),
    "persona-lint removes it before validating": (
        "test_schema_association.py::test_cli_honours_schema_key_and_modeline",
    ),
    "Every revision's schema is published at": (
        "test_schemas.py::test_id_matches_path",
        "test_schemas.py::test_schema_files_exist",
    ),
    "These files reference their layer schemas with relative `$ref`": ("test_schemas.py::test_refs_resolve",),
    "For offline use, write a self-contained bundle": (
        "test_cli.py::test_bundle_is_self_contained_and_validates_like_the_registry",
        "test_schema_association.py::test_bundle_output_is_written_atomically",
    ),
    "A SchemaStore-style catalog entry": (
        "test_schema_association.py::test_catalog_has_one_url_per_revision_each_a_bundled_schema_id",
    ),
    "`persona-lint lsp` is a Language Server (stdio) built on pygls": (
        "test_lsp.py::test_diagnostics_on_open_and_change",
    ),
    "It publishes the same diagnostics as `check` while you type": (
        "test_lsp.py::test_diagnostics_on_open_and_change",
    ),
    "Ranges are in the client's position encoding": (
        "test_lsp.py::test_ranges_count_utf16_units_after_an_emoji",
        "test_lsp.py::test_position_conversion_utf16_utf8_utf32",
    ),
    "a result computed for a text the editor has already replaced is dropped": (
        "test_lsp.py::test_rapid_changes_publish_only_the_newest_version",
        "test_lsp_speed.py::test_no_stale_publication_when_edits_come_faster_than_a_lint",
    ),
    "Lints run in a worker process, never on the server's event loop": (
        "test_lsp_speed.py::test_hover_is_answered_while_a_slow_lint_runs",
        "test_lsp_speed.py::test_hover_and_completion_parse_once_and_never_lint",
    ),
    "Completion works from the text before the cursor": (
        "test_lsp_completion.py::test_keys_typed_before_the_cursor_are_not_offered_in_broken_json",
        "test_lsp_completion.py::test_yaml_key_positions_follow_indentation_and_list_items",
        "test_lsp_completion.py::test_completion_over_lsp_in_a_broken_document",
    ),
    "(not the read-only response fields": (
        "test_lsp_completion.py::test_read_only_response_fields_are_not_offered_for_a_request_body",
    ),
    "after a key's colon the values of its enum": (
        "test_lsp_completion.py::test_a_value_position_offers_the_enum",
        "test_lsp_completion.py::test_yaml_value_after_the_colon_offers_engines",
    ),
    "The server reads only what the client sent": (
        "test_lsp_hostile.py::test_hover_and_save_on_unopened_fifo_and_device_never_read_them",
    ),
    "Incremental edits count lines as LSP does": (
        "test_lsp_hostile.py::test_unicode_line_separators_do_not_move_incremental_edits",
        "test_lsp_hostile.py::test_apply_change_splits_lines_as_lsp_does",
    ),
    "U+2028, U+2029 and NEL do not": (
        "test_lsp_hostile.py::test_unicode_line_separators_do_not_move_incremental_edits",
    ),
    "A message larger than 64 MiB or with a `Content-Length` that is not a length is skipped": (
        "test_lsp_hostile.py::test_a_huge_content_length_is_skipped_and_the_server_answers_the_next_request",
        "test_lsp_hostile.py::test_bad_lengths_do_not_desynchronise_the_stream",
        "test_lsp_hostile.py::test_requests_with_invalid_params_get_an_error_response",
    ),
    "A configuration error is shown once as an error message (`window/showMessage`)": (
        "test_lsp_config.py::test_a_configuration_error_is_shown_once_and_linting_goes_on",
    ),
    "A `$schema` that names no bundled revision": (
        "test_schema_key.py::test_an_unrecognised_schema_url_is_a_warning_with_a_hint",
        "test_schema_key.py::test_a_recognised_schema_url_gives_no_finding",
    ),
    "The same holds for a YAML modeline": (
        "test_schema_key.py::test_an_unrecognised_yaml_modeline_is_a_warning_at_its_url",
        "test_schema_key.py::test_a_modeline_is_not_judged_when_the_schema_key_names_the_revision",
    ),
    "Hover on a key or value shows its description": ("test_lsp.py::test_hover_shows_the_schema_description",),
    "Each fix is offered as a quick fix": (
        "test_lsp_fixes.py::test_each_fix_is_a_quick_fix_and_safe_ones_are_preferred",
        "test_lsp_fixes.py::test_fix_all_applies_every_safe_fix",
    ),
    "in a key position it offers the keys the object may still have": (
        "test_lsp.py::test_completion_of_enum_values_and_keys",
        "test_lsp_completion.py::test_typing_a_quote_inside_layers_tts_offers_tts_keys",
    ),
    "Configuration is found by walking up from the document's path": ("test_lsp.py::test_config_found_by_walking_up",),
    "JSON and YAML documents are linted when they look like a persona": (
        "test_lsp.py::test_unrelated_json_gets_no_diagnostics",
    ),
    # Robustness and safety
    "**No crash on any input.**": (
        "robustness/test_fuzz.py::test_arbitrary_bytes_as_json",
        "robustness/test_fuzz.py::test_arbitrary_bytes_as_yaml",
        "robustness/test_fuzz.py::test_arbitrary_json_values",
        "robustness/test_fuzz.py::test_persona_shaped_documents_under_every_revision",
        "robustness/test_fuzz.py::test_mutations_of_valid_personas",
        "robustness/test_fuzz_every_field.py::test_fuzz",
        "test_no_internal_errors.py::test_every_format_reports_every_file_of_a_run_with_refused_inputs",
    ),
    "Every run ends with findings and never with an exception or an internal error": (
        "robustness/test_fuzz_every_field.py::test_fuzz",
        "test_no_internal_errors.py::test_lint_text_reports_each_refused_input_as_a_finding",
    ),
    "`pytest` runs a quick profile": (
        "robustness/test_fuzz_every_field.py::test_the_parts_add_up_to_the_profiles_minimum",
        "robustness/test_fuzz_every_field.py::test_fuzz",
    ),
    "`FUZZ_SCALE=12 pytest tests/robustness/test_fuzz.py` runs its generated cases twelvefold": (
        "robustness/test_fuzz.py::test_persona_shaped_documents_under_every_revision",
        "robustness/test_fuzz.py::test_mutations_of_valid_personas",
    ),
    "CI runs `HYPOTHESIS_PROFILE=ci`, at least 100,000 inputs": (
        "robustness/test_fuzz_every_field.py::test_the_parts_add_up_to_the_profiles_minimum",
        "robustness/test_fuzz_every_field.py::test_fuzz",
    ),
    "A rule that raises is reported as `INT001` naming the rule": (
        "test_engine.py::test_a_failing_rule_is_reported_and_the_others_still_run",
    ),
    "**Hostile input** gets a finding": (
        "robustness/test_hostile.py::test_every_hostile_file_gets_its_finding_and_nothing_hangs",
        "robustness/test_hostile.py::test_directory_symlink_loop_is_not_followed",
        "robustness/test_hostile.py::test_unreadable_file_is_reported_and_others_checked",
        "robustness/test_hostile.py::test_file_that_disappears_mid_run",
        "test_source.py::test_a_lone_surrogate_is_an_encoding_finding_at_its_position",
        "test_source.py::test_a_yaml_tag_its_constructor_refuses_is_a_syntax_finding",
        "test_source.py::test_an_integer_python_cannot_convert_is_a_finding",
    ),
    "**Patterns from the input are never run.**": (
        "robustness/test_regex.py::test_hostile_pattern_is_reported_but_never_matched",
    ),
    "**Secrets are never printed.**": (
        "test_secrets_never_printed.py::test_cli_output_shows_no_secret",
        "test_secrets_never_printed.py::test_report_file_shows_no_secret",
        "test_lsp.py::test_language_server_never_shows_a_secret",
    ),
    "It masks every secret found in the file's parsed values **and keys**": (
        "test_secrets_never_printed.py::test_cli_output_shows_no_secret",
        "test_secrets_never_printed.py::test_library_paths_show_no_secret",
        "test_secrets_in_keys.py::test_numeric_credentials_are_secrets",
    ),
    "Any 8 characters copied from a secret are masked": (
        "test_secrets_never_printed.py::test_redact_masks_truncated_copies",
        "test_secrets_never_printed.py::test_masking_leaves_no_slice_and_keeps_the_rest",
    ),
    "A key with a secret's shape gets `SEC004`": (
        "test_secrets_in_keys.py::test_a_key_with_a_secret_shape_is_reported_at_the_key",
        "test_secrets_in_keys.py::test_a_url_credential_in_a_key_is_reported",
    ),
    "A value is a placeholder, not a secret, only as a whole": (
        "test_secrets_never_printed.py::test_placeholders_are_judged_on_the_whole_value",
        "test_secrets_never_printed.py::test_a_real_key_holding_a_placeholder_word_is_a_secret",
    ),
    "A test lints personas with distinctive fake secrets in all these places through every format": (
        "test_secrets_never_printed.py::test_the_inputs_really_contain_the_secrets",
        "test_secrets_never_printed.py::test_cli_output_shows_no_secret",
        "test_secrets_never_printed.py::test_report_file_shows_no_secret",
    ),
    "What persona-lint cannot know": (
        "test_secrets_in_keys.py::test_a_shapeless_secret_under_an_ordinary_name_cannot_be_known",
        "robustness/test_fuzz_keys_tags_names.py::test_a_shapeless_secret_as_a_key_cannot_be_known",
        "robustness/test_fuzz_keys_tags_names.py::test_a_secret_split_by_a_tag_directive_in_a_file_that_does_not_parse_cannot_be_known",
    ),
    "Generated secrets (`sk-`, `sk-proj-`, `ghp_`, `gsk_` and `AKIA` keys, JWTs) planted as keys": (
        "robustness/test_fuzz_keys_tags_names.py::test_hostile_and_secret_keys_at_any_depth",
        "robustness/test_fuzz_keys_tags_names.py::test_a_planted_key_secret_is_recognised",
        "robustness/test_fuzz_keys_tags_names.py::test_generated_tags_directives_anchors_and_aliases",
        "robustness/test_fuzz_keys_tags_names.py::test_shapeless_secrets_under_credential_names_are_masked",
    ),
    "A secret written with `\\u`, `\\x` or `%XX` escapes where no parser decodes them": (
        "test_secrets_never_printed.py::test_an_escaped_secret_in_a_file_that_does_not_parse_is_masked",
        "test_secrets_never_printed.py::test_a_secret_that_only_a_resolved_yaml_tag_shows_is_masked",
    ),
    "A file name is never masked: one that holds a secret's shape is printed as given": (
        "robustness/test_fuzz_keys_tags_names.py::test_a_file_name_with_a_secret_shape_is_printed_as_given",
        "robustness/test_fuzz_keys_tags_names.py::test_hostile_file_names",
    ),
    "**Hostile keys, tags and file names.** Hypothesis generates keys": (
        "robustness/test_fuzz_keys_tags_names.py::test_hostile_and_secret_keys_at_any_depth",
        "robustness/test_fuzz_keys_tags_names.py::test_generated_tags_directives_anchors_and_aliases",
        "robustness/test_fuzz_keys_tags_names.py::test_hostile_file_names",
        "test_source.py::test_a_tag_on_a_mapping_key_is_refused_as_on_a_value",
        "test_source.py::test_a_yaml_tag_its_constructor_refuses_is_a_syntax_finding",
    ),
    "YAML tags (local, verbatim, secondary, `%TAG` handles, standard tags on values they refuse": (
        "robustness/test_fuzz_keys_tags_names.py::test_generated_tags_directives_anchors_and_aliases",
        "robustness/test_fuzz_keys_tags_names.py::test_hostile_file_names",
    ),
    "Each file goes through the library, the CLI in every format (text with source excerpts) and the language server": (
        "robustness/test_fuzz_keys_tags_names.py::test_hostile_and_secret_keys_at_any_depth",
        "robustness/test_fuzz_keys_tags_names.py::test_generated_tags_directives_anchors_and_aliases",
        "robustness/test_fuzz_keys_tags_names.py::test_hostile_file_names",
    ),
    "`pytest` lints 200 generated files this way, CI's profile 1,260, and a test fails if fewer ran": (
        "robustness/test_fuzz_keys_tags_names.py::test_every_part_ran_the_inputs_its_profile_plans",
    ),
    "**Cost linear in the input.**": (
        "robustness/test_linear.py::test_work_grows_linearly",
        "test_secrets_in_keys.py::test_suggestions_compare_a_bounded_number_of_names",
        "test_linear_helpers.py::test_run_starts_matches_run_start",
        "test_linear_helpers.py::test_is_within_any_matches_is_within",
    ),
    "`tests/robustness/test_linear.py` runs every rule and every output format": (
        "robustness/test_linear.py::test_work_grows_linearly",
        "robustness/test_linear.py::test_time_grows_linearly",
    ),
    "It runs with the slow tier, so plain `pytest` (and CI) runs it": (
        "robustness/test_linear.py::test_the_harness_runs_in_the_slow_tier_without_a_switch",
    ),
    "`pytest tests/robustness/test_linear.py`": (
        "robustness/test_linear.py::test_work_grows_linearly",
        "robustness/test_linear.py::test_time_grows_linearly",
    ),
    "JUnit XML stays well-formed": (
        "test_file_name_escaping.py::test_junit_is_well_formed_with_control_characters_in_a_file_name",
    ),
    "**File names are data.**": (
        "test_file_name_escaping.py::test_terminal_formats_escape_control_characters_in_file_names",
        "test_file_name_escaping.py::test_paths_are_quoted_as_git_quotes_them",
        "test_file_name_escaping.py::test_junit_is_well_formed_with_control_characters_in_a_file_name",
    ),
    "`--output-file` refuses (exit 2) a path that is one of the files checked": (
        "test_output_files.py::test_output_file_that_is_the_input_is_refused",
        "test_output_files.py::test_output_file_reaching_an_input_through_a_link_or_a_directory_is_refused",
        "test_output_files.py::test_output_file_through_a_symlink_replaces_the_target_and_keeps_the_link",
        "test_output_files.py::test_a_fifo_is_written_to_not_replaced",
        "test_output_files.py::test_dev_null_is_written_to_not_replaced",
        "test_output_files.py::test_a_link_to_a_device_is_written_through",
    ),
    "**No network.**": ("robustness/test_safety.py::test_linting_everything_never_touches_the_network",),
    "The whole test suite runs with internet sockets refused": (
        "robustness/test_safety.py::test_the_suite_itself_runs_offline",
    ),
    "**Nothing lost, nothing changed.**": ("robustness/test_safety.py::test_linting_writes_nothing",),
    "What does write (`--output-file`, `schema --output`) writes a temporary file and renames it": (
        "robustness/test_safety.py::test_atomic_write_keeps_the_old_file_when_interrupted",
        "robustness/test_safety.py::test_schema_output_is_written_atomically",
    ),
    "**Concurrency.** Several processes linting the same tree agree byte for byte": (
        "robustness/test_safety.py::test_several_processes_at_once_agree",
        "test_lsp.py::test_rapid_changes_publish_only_the_newest_version",
    ),
}

UNPROVEN: dict[str, str] = {}
"""Claims no test proves yet (owned by the language-server and configuration work)."""

NOT_A_PROMISE = (
    "What persona-lint guarantees, each backed by tests",
    "The limits are in the table below",
    "### Schema association",
    "VS Code (`.vscode/settings.json`)",
    "(Use the published URL",
    "The JSON Schema alone checks types",
    "Neovim (0.11+)",
    "Helix (`languages.toml`)",
    "Emacs (eglot)",
    "VS Code starts language servers only through an extension",
    "### Language server",
    "[tool.persona-lint",
    "| code | meaning |",
    "Install it with the `lsp` extra",
    "`BASE = ",
    "its severity and `source: persona-lint`",
    "instead of the bundle path to follow updates",
    "| head`, `persona-lint rules | head -1`) is not an error",
)
"""Headings, editor set-up instructions and sentence fragments the splitter cuts off."""


def readme_sections() -> list[str]:
    text = re.sub(r"```.*?```", "", (REPO / "README.md").read_text(), flags=re.S)
    found = []
    for title, level in SECTIONS:
        match = re.search(rf"^{'#' * level} {re.escape(title)}\n(.*?)(?=^#{{1,{level}}} )", text, re.S | re.M)
        assert match, title
        found.append(match.group(1))
    return found


def sentences() -> list[str]:
    found = []
    for body in readme_sections():
        for paragraph in re.split(r"\n\s*\n", body):
            joined = " ".join(line.strip() for line in paragraph.splitlines()).strip()
            found.extend(s for s in re.split(r"(?<=[.:;])\s+(?=[A-Z`(*|-])", joined) if s.strip())
    return found


def flat(text: str) -> str:
    return " ".join(text.split())


@cache
def defined_tests(module: str) -> frozenset[str]:
    tree = ast.parse((REPO / "tests" / module).read_text())
    return frozenset(node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef))


@pytest.mark.parametrize("claim", sorted(CLAIMS))
def test_each_claim_is_in_the_readme_and_its_tests_exist(claim: str) -> None:
    readme = flat(" ".join(readme_sections()))
    assert flat(claim) in readme, claim
    for target in CLAIMS[claim]:
        module, name = target.split("::")
        assert name in defined_tests(module), target


def test_every_sentence_is_mapped() -> None:
    known = [flat(c) for c in (*CLAIMS, *UNPROVEN, *NOT_A_PROMISE)]
    unmapped = [s for s in sentences() if not any(k in flat(s) or flat(s) in k for k in known)]
    assert unmapped == [], "map these README sentences to tests in CLAIMS:\n" + "\n".join(unmapped)
