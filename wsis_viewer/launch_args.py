"""The window's positional argument as the desktop hands it over.

The desktop entry uses `Exec=wsis-viewer %u`, so a file manager may pass a database as a
path or as a `file://` URI, and a browser or another app may pass a `wsis-viewer:` link (the
entry registers x-scheme-handler/wsis-viewer). Qt-free, so it is testable on its own.
"""

from __future__ import annotations

import sys
from urllib.parse import unquote, urlsplit

LINK_SCHEME = "wsis-viewer"


def database_argument(arg: str | None) -> str | None:
    """A local path for a `file://` URI; None for a `wsis-viewer:` link (not a database);
    anything else (a path, an SQLAlchemy URL) unchanged."""
    if arg is None:
        return None
    parts = urlsplit(arg)
    if parts.scheme == "file" and parts.netloc in ("", "localhost"):
        return unquote(parts.path)
    if parts.scheme == LINK_SCHEME:
        # A link to a record is followed by cli.main (domain/app_links.py) before this is
        # asked; one that names no record opens the window as usual, not as a file name.
        print(f"wsis-viewer: {arg}: not a link to a record "
              f"({LINK_SCHEME}:record/<kind>/<id>); opening the window", file=sys.stderr)
        return None
    return arg
