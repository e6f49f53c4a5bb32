"""Which API revision a document is checked against."""

from __future__ import annotations

import re

from linter.document.model import Document
from linter.schemas import store as schemas
from linter.tavus import revisions
from linter.util.lazy_regex import LazyPattern

_DECLARED = LazyPattern(re.escape(schemas.BASE_URI) + r"([^/]+)/")
_MODELINE = LazyPattern(r"^#\s*yaml-language-server:\s*\$schema=(\S+)", re.MULTILINE)


def choose_revision(document: Document, requested: str | None, configured: str | None) -> str:
    """``--schema-version``, the file's own ``$schema``, the configuration, a PAL body, the newest."""
    return chosen_with_source(document, requested, configured)[0]


def chosen_with_source(
    document: Document, requested: str | None, configured: str | None, config_name: str | None = None
) -> tuple[str, str]:
    """The revision :func:`choose_revision` picks, and where it came from, in words for a hint."""
    if requested:
        return requested, "set by --schema-version"
    declared = declared_revision(document)
    if declared:
        return declared, "named by the file's $schema"
    if configured:
        return configured, f"set by schema-version in {config_name or 'the configuration'}"
    inferred = inferred_revision(document)
    if inferred:
        return inferred, "chosen for a PAL body (pal_name, default_face_id or pal_id); see --schema-version"
    return revisions.DEFAULT, "the default; see --schema-version, $schema or schema-version in the configuration"


_PAL_ONLY_KEYS = ("pal_name", "default_face_id", "pal_id")


def inferred_revision(document: Document) -> str | None:
    """The newest PAL revision for a body that can only be a PAL (``pal_name``, ``default_face_id``),
    or a JSON Patch with an operation on one of those fields."""
    value = document.value
    if isinstance(value, dict) and any(key in value for key in _PAL_ONLY_KEYS):
        return revisions.PAL_DEFAULT
    if isinstance(value, list) and any(_patches_pal_key(item) for item in value):
        return revisions.PAL_DEFAULT
    return None


def _patches_pal_key(operation: object) -> bool:
    path = operation.get("path") if isinstance(operation, dict) else None
    tokens = path.split("/") if isinstance(path, str) else []
    return len(tokens) > 1 and tokens[1] in _PAL_ONLY_KEYS


def modeline(document: Document) -> re.Match[str] | None:
    """A YAML file's ``# yaml-language-server: $schema=<url>`` comment (group 1 is the URL).

    Only the first 4 KiB are searched: the modeline is a header, and a long file's comments
    are not scanned for one.
    """
    return _MODELINE.search(document.text[:4096]) if document.format == "yaml" else None


def declared_schema(document: Document) -> str | None:
    """What a file names as its schema: the ``$schema`` key, else YAML's language-server modeline."""
    declared = document.value.get("$schema") if isinstance(document.value, dict) else None
    if isinstance(declared, str):
        return declared
    found = modeline(document)
    return found.group(1) if found else None


def declared_revision(document: Document) -> str | None:
    """The revision a file names through ``$schema`` or YAML's language-server modeline."""
    declared = declared_schema(document)
    if declared is None:
        return None
    match = _DECLARED.match(declared) or re.search(r"(?:^|/)((?:pal-)?\d{4}-\d{2})(?:/|\.)", declared)
    return match.group(1) if match and match.group(1) in revisions.BY_NAME else None
