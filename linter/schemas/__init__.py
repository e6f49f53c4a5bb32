"""The bundled JSON Schemas: an offline ``referencing.Registry``, validators, and how findings are made.

``registry()`` and ``validator(revision)`` are public API (README, "Library").
"""

from linter.schemas.store import SchemaError, registry, validator

__all__ = ["SchemaError", "registry", "validator"]
