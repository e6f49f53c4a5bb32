"""Writing a file so that a crash leaves the old file or the new one, never half of one."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def write_text(path: str | Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path``.

    A regular file (or a new one) is replaced atomically, keeping an existing file's mode. A
    symbolic link is followed: the file it points to is replaced and the link stays. Anything
    else (``/dev/null``, a FIFO, a terminal, ``/dev/stdout``) is written to directly: renaming
    a file over it would replace the device itself when run as root.
    """
    target = Path(os.path.realpath(path))
    try:
        info: os.stat_result | None = target.stat()
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        with open(target, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        return
    mode = stat.S_IMODE(info.st_mode) if info is not None else None
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def same_file(first: str | Path, second: str | Path) -> bool:
    """Whether two paths name one file (through links, ``..`` or hard links); ``False`` when
    either does not exist."""
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False
