"""How a path is shown in every output format: the same text for text, JSON, SARIF, GitHub,
JUnit and GitLab."""

from __future__ import annotations

import os


def display_path(path: str) -> str:
    """``path`` relative to the working directory when it is inside it (``./x.json`` and an
    absolute path to it both show as ``x.json``), else absolute; characters that are not valid
    UTF-8 (a file name in another encoding, read by Python as surrogate escapes) become
    backslash escapes, so the name can be printed and written in any format."""
    if path == "-":
        return path
    try:
        absolute = os.path.abspath(path)
        relative = os.path.relpath(absolute)
    except (OSError, ValueError):  # no working directory, or another drive on Windows
        relative = path
    shown = relative if not relative.startswith(os.pardir) else absolute
    if os.sep != "/":
        shown = shown.replace(os.sep, "/")
    return printable(shown)


def printable(text: str) -> str:
    """``text`` with every lone surrogate written as a backslash escape (``\\xff`` for an
    undecodable byte of a file name), so that it encodes as UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogateescape" if _only_escapes(text) else "backslashreplace")
        return raw.decode("utf-8", "backslashreplace")
    return text


def _only_escapes(text: str) -> bool:
    return all(not "\ud800" <= c <= "\udfff" or "\udc80" <= c <= "\udcff" for c in text)
