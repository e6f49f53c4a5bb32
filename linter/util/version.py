"""The version of persona-lint, one place for the package, the reports and the language server."""

VERSION = "0.1.0"
