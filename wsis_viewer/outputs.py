"""Files the commands write exist completely or not at all; every outcome has an exit code.

`atomic_output(path)` hands the writer a temporary file next to `path` (same folder, so the
final rename cannot cross file systems; same suffix, since Qt's writers pick the format from it)
and renames it into place only when the writer finished and the file is not empty. Any failure
(the path is a folder, the folder is read-only or missing, the disk is full, Qt's writer
silently wrote nothing) removes the temporary file, leaves whatever was at `path` untouched and
raises OutputError with one line.
"""

from __future__ import annotations

import contextlib
import enum
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


class ExitCode(enum.IntEnum):
    """The documented exit codes of every command (README, docs/security.md)."""

    OK = 0
    BAD_INPUT = 1      # the source files or the command's input data are invalid
    USAGE = 2          # a bad option or argument (argparse uses 2 as well)
    CANNOT_WRITE = 3   # the output could not be written; nothing was left at its path
    DATABASE = 4       # the database cannot be opened or read
    INTERNAL = 70      # a bug in the viewer (EX_SOFTWARE); the message asks to report it


class OutputError(Exception):
    """An output that could not be written (one line, naming the path)."""


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces `path` in one rename."""
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder")
    if path.exists() and not path.is_file():
        # A device, FIFO or socket: renaming over it would replace it (as root, even /dev/…).
        raise OutputError(f"cannot write {path}: not a regular file")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"cannot write {path}: no folder {parent}")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name[:80]}.", suffix=path.suffix[:16],
                                    dir=parent)
        os.close(fd)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {_reason(exc)}") from exc
    tmp = Path(name)
    try:
        try:
            yield tmp
        except OSError as exc:
            raise OutputError(f"cannot write {path}: {_reason(exc)}") from exc
        try:
            size = tmp.stat().st_size
        except OSError as exc:
            raise OutputError(f"cannot write {path}: {_reason(exc)}") from exc
        if size == 0:
            raise OutputError(f"cannot write {path}: nothing was written (disk full or the "
                              "writer failed)")
        try:
            os.chmod(tmp, 0o666 & ~_umask())
            os.replace(tmp, path)
        except OSError as exc:
            raise OutputError(f"cannot write {path}: {_reason(exc)}") from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(path: Path, text: str) -> None:
    """`text` as UTF-8 at `path`, atomically."""
    with atomic_output(path) as tmp, tmp.open("w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
