"""The bundled JSON Schemas: where they live, an offline registry, validators, bundles."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urldefrag, urljoin

from linter.tavus import revisions

if TYPE_CHECKING:
    from jsonschema.protocols import Validator
    from referencing import Registry

BASE_URI = "https://raw.githubusercontent.com/persona-lint/persona-lint/main/schemas/"
"""Prefix of every bundled schema's ``$id`` (``<BASE_URI><revision>/<file>``)."""




class SchemaError(LookupError):
    """A revision or layer that does not exist; the message says which ones do."""


def schema_root() -> Path:
    """The installed schemas (inside the wheel) or, in a checkout, the top-level folder."""
    package = Path(__file__).resolve().parent.parent  # the installed or checked-out `linter`
    packaged = package / "_schemas"
    return packaged if packaged.is_dir() else package.parent / "schemas"


def persona_uri(revision: str) -> str:
    check_revision(revision)
    return f"{BASE_URI}{revision}/persona.schema.json"


def check_revision(revision: str) -> None:
    if revision not in revisions.BY_NAME:
        raise SchemaError(f"unknown revision {revision!r}; known: {', '.join(revisions.NAMES)}")


@cache
def all_schemas() -> dict[str, dict[str, Any]]:
    """Every bundled schema document by its ``$id``."""
    root = schema_root()
    uris = (BASE_URI + path.relative_to(root).as_posix() for path in sorted(root.glob("**/*.schema.json")))
    return {uri: schema(uri) for uri in uris}


@cache
def schema(uri: str) -> dict[str, Any]:
    """The bundled schema whose ``$id`` is ``uri``.

    Read from the file its ``$id`` names (tests/test_schemas.py holds every ``$id`` to its path):
    checking one persona reads the few files of its revision, not all of them.
    """
    relative = uri.removeprefix(BASE_URI) if uri.startswith(BASE_URI) else ""
    path = schema_root() / relative
    if not relative.endswith(".schema.json") or ".." in relative.split("/") or not path.is_file():
        raise SchemaError(f"no bundled schema {uri}")
    found: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return found


def layer_uri(revision: str, layer: str) -> str:
    """The ``$id`` of ``layer``'s schema in ``revision``, found through the persona schema."""
    root = persona_uri(revision)
    layers = schema(root)["properties"]["layers"].get("properties", {})
    if layer not in layers:
        known = ", ".join(sorted(layers))
        raise SchemaError(f"revision {revision} has no layer {layer!r}; its layers: {known}")
    return urljoin(root, str(layers[layer]["$ref"]))


@cache
def registry() -> Registry[Any]:
    """All bundled schemas as a :class:`referencing.Registry` that never touches the network."""
    from referencing import Registry, Resource
    from referencing.exceptions import NoSuchResource
    from referencing.jsonschema import DRAFT202012

    def refuse(uri: str) -> Resource[Any]:
        raise NoSuchResource(ref=uri)  # type: ignore[call-arg]  # offline: only bundled schemas resolve

    resources = [
        (uri, Resource.from_contents(doc, default_specification=DRAFT202012)) for uri, doc in all_schemas().items()
    ]
    return Registry(retrieve=refuse).with_resources(resources).crawl()  # type: ignore[call-arg]


@cache
def fast_validator(revision: str) -> Any:
    """``revision``'s ``jsonschema_rs`` validator (built from :func:`bundled`), or ``None``
    without jsonschema-rs.

    Its verdicts come in microseconds without importing ``jsonschema``, and its errors explain
    most invalid documents (:mod:`linter.schema_errors`). The test suite proves it agrees with
    :func:`validator` (tests/test_fast_validation.py).
    """
    fast = _jsonschema_rs()
    return fast.Draft202012Validator(bundled(revision), offline=True) if fast is not None else None


@cache
def bundled(revision: str) -> dict[str, Any]:
    """``revision``'s persona schema with every reference inlined (:func:`bundle`), built once."""
    return bundle(persona_uri(revision))


@cache
def fast_metaschema_check() -> Callable[[Any], bool] | None:
    """A yes/no check of a schema against the 2020-12 metaschema (jsonschema-rs), or ``None``."""
    fast = _jsonschema_rs()
    if fast is None:
        return None
    metaschema = {"$schema": METASCHEMA_URI, "$ref": METASCHEMA_URI}
    is_valid: Callable[[Any], bool] = fast.validator_for(metaschema, offline=True).is_valid
    return is_valid


def _jsonschema_rs() -> Any:
    """The ``jsonschema_rs`` module, imported on first use, or ``None`` where it is not installed
    (an optional speed-up: jsonschema alone gives the same answers)."""
    try:
        import jsonschema_rs
    except ImportError:
        return None
    return jsonschema_rs


METASCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"


@cache
def validator(revision: str) -> Validator:
    """The ``jsonschema`` validator of a revision's persona schema, built once per process."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema(persona_uri(revision)), registry=registry())


def bundle(uri: str) -> dict[str, Any]:
    """``uri``'s schema with every schema it references inlined under ``$defs``.

    The result has no external ``$ref`` (each points into ``#/$defs/...``) so any editor or
    validator can use it offline, as check-jsonschema and VS Code expect.
    """
    names: dict[str, str] = {}
    pending = [uri]
    while pending:
        current = pending.pop()
        if current in names:
            continue
        names[current] = "" if current == uri else current.removeprefix(BASE_URI).removesuffix(".schema.json")
        pending.extend(_references(schema(current), current))
    root: dict[str, Any] = _rewrite(schema(uri), uri, uri, names)
    defs = root.setdefault("$defs", {})
    for other, name in sorted(names.items()):
        if other != uri:
            embedded = _rewrite(schema(other), other, uri, names)
            embedded.pop("$schema", None)
            embedded.pop("$id", None)
            defs[name] = embedded
    return root


def _references(node: Any, base: str) -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                target = urldefrag(urljoin(base, value)).url
                if target != base:
                    found.append(target)
            else:
                found.extend(_references(value, base))
    elif isinstance(node, list):
        for item in node:
            found.extend(_references(item, base))
    return found


def _rewrite(node: Any, base: str, root: str, names: dict[str, str]) -> Any:
    if isinstance(node, dict):
        result = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                target, fragment = urldefrag(urljoin(base, value))
                name = names[target]
                prefix = "" if not name else "/$defs/" + name.replace("~", "~0").replace("/", "~1")
                result[key] = "#" + prefix + fragment
            else:
                result[key] = _rewrite(value, base, root, names)
        return result
    if isinstance(node, list):
        return [_rewrite(item, base, root, names) for item in node]
    return node
