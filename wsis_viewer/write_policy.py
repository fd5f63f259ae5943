"""Where the command-line tools may write, and how a failed write is reported.

An installed copy (a wheel in site-packages, the frozen bundle in /opt or a user's folder) is
not the user's to change: its files belong to pip or dpkg, and a root user's write would
silently alter a package-owned file. So `build-db` without `--output` writes ./wsis.sqlite
there (a source checkout keeps rebuilding db/wsis.sqlite), and no command writes into the
installation folder at all. Operating-system errors (permissions, a full disk, a missing
folder) become one line that names the file, never a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path

from wsis_viewer import paths

DEFAULT_OUTPUT_NAME = "wsis.sqlite"


def default_database_output() -> Path:
    """Where `build-db` writes without --output: the bundled db/ in a source checkout, else
    ./wsis.sqlite in the current folder."""
    if paths.installation_dir() is None:
        return paths.bundled_database()
    return Path.cwd() / DEFAULT_OUTPUT_NAME


def refusal(output: str | Path, *, creates_folders: bool = False) -> str | None:
    """Why `output` cannot or must not be written, or None.

    Checked before any work, so a long render never ends in a failed write: inside the
    installed copy (refused), a folder that is missing (unless the command `creates_folders`),
    a path through a file, a folder the user may not write in.
    """
    target = Path(output).expanduser().resolve()
    installed = paths.installation_dir()
    if installed is not None and (target == installed or installed in target.parents):
        return (f"{output}: will not write into the installed application ({installed}); "
                f"choose a file elsewhere")
    folder = target.parent
    while not folder.exists() and creates_folders and folder != folder.parent:
        folder = folder.parent
    if not folder.exists():
        return f"{output}: the folder {folder} does not exist"
    if not folder.is_dir():
        return f"{output}: {folder} is not a folder"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"{output}: cannot write in {folder}: permission denied"
    return None


def describe_os_error(exc: OSError) -> str:
    """'<file>: <reason>' for the one-line message (strerror without the errno noise)."""
    reason = exc.strerror or str(exc)
    name = exc.filename if exc.filename is not None else ""
    return f"{name}: {reason}" if name else reason
