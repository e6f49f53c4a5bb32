"""Writing a fixed file back, and showing a fix as a diff."""

from __future__ import annotations

import codecs
import difflib

from linter.util.atomic import write_text

_UNFIXABLE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def unfixable_encoding(original: bytes) -> str | None:
    """Why a file in this encoding is not fixed, or ``None`` for UTF-8: a fix never changes an encoding."""
    if original.startswith(_UNFIXABLE_BOMS):
        return "the file is UTF-16 or UTF-32; persona-lint only fixes UTF-8 files"
    return None


def write_fixed(path: str, original: bytes, text: str) -> str | None:
    """Write ``text`` to ``path`` atomically, keeping a UTF-8 byte order mark; the reason when not.

    Nothing is written when the file changed since it was read (an editor saved it meanwhile), or
    when it is UTF-16/32: a fix is never worth changing a file's encoding.
    """
    encoding = unfixable_encoding(original)
    if encoding is not None:
        return encoding
    try:
        with open(path, "rb") as handle:
            current = handle.read(len(original) + 1)
    except OSError as error:
        return f"cannot read it again before writing: {error.strerror or type(error).__name__}"
    if current != original:
        return "the file changed while persona-lint was checking it"
    bom = codecs.BOM_UTF8.decode("utf-8") if original.startswith(codecs.BOM_UTF8) else ""
    try:
        write_text(path, bom + text)
    except OSError as error:
        return f"cannot write it: {error.strerror or type(error).__name__}"
    return None


def unified_diff(path: str, before: str, after: str) -> str:
    """``before`` -> ``after`` as a unified diff, both sides named ``path`` (as ``ruff --diff`` prints)."""
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True), path, path)
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)
