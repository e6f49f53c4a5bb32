"""persona-lint's built-in rules: one module per rule (see ``linter.registry``)."""

PERSONA_LINT_RULES = True
"""Marks this package as persona-lint's own (``rules`` is also an unrelated PyPI package)."""
