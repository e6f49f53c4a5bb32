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
    if requested:
        return requested
    return declared_revision(document) or configured or inferred_revision(document) or revisions.DEFAULT


_PAL_ONLY_KEYS = ("pal_name", "default_face_id", "pal_id")


def inferred_revision(document: Document) -> str | None:
    """The newest PAL revision for a body that can only be a PAL (``pal_name``, ``default_face_id``)."""
    value = document.value
    if isinstance(value, dict) and any(key in value for key in _PAL_ONLY_KEYS):
        return revisions.PAL_DEFAULT
    return None


def declared_revision(document: Document) -> str | None:
    """The revision a file names through ``$schema`` or YAML's language-server modeline."""
    declared = document.value.get("$schema") if isinstance(document.value, dict) else None
    if not isinstance(declared, str) and document.format == "yaml":
        modeline = _MODELINE.search(document.text[:4096])
        declared = modeline.group(1) if modeline else None
    if not isinstance(declared, str):
        return None
    match = _DECLARED.match(declared) or re.search(r"(?:^|/)((?:pal-)?\d{4}-\d{2})(?:/|\.)", declared)
    return match.group(1) if match and match.group(1) in revisions.BY_NAME else None
