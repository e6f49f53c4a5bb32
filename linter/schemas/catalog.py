"""A SchemaStore-style catalog entry for the persona schemas: one URL per API revision.

SchemaStore's ``catalog.json`` lists, per schema, a ``url`` (the default), ``fileMatch``
globs for editors, and ``versions`` mapping a version name to its URL. Every bundled schema
is published at ``<BASE_URI><revision>/persona.schema.json`` (its ``$id``); its ``$ref`` are
relative, so an editor fetching it over HTTP resolves the layer files next to it.
"""

from __future__ import annotations

from typing import Any

from linter.schemas import store as schemas
from linter.tavus import revisions

FILE_MATCH = (
    "*.persona.json", "*.persona.yaml", "*.persona.yml",
    "*.pal.json", "*.pal.yaml", "*.pal.yml",
    "**/personas/*.json", "**/personas/*.yaml", "**/personas/*.yml",
    "persona.json", "persona.yaml", "persona.yml",
)
"""Names an editor may associate without asking; others can name their revision with ``$schema``."""


def entry() -> dict[str, Any]:
    """The catalog entry (``persona-lint schema --catalog``)."""
    return {
        "name": "Tavus persona (PAL)",
        "description": "Body of a Tavus /v2/personas (or /v2/pals) request, one schema per API revision",
        "fileMatch": list(FILE_MATCH),
        "url": schemas.persona_uri(revisions.DEFAULT),
        "versions": {name: schemas.persona_uri(name) for name in revisions.NAMES},
    }
