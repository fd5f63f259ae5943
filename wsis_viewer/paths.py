"""Where the bundled resources and database live: the one place that knows.

From a source checkout they sit at the repository's top level (resources/, db/); in an
installed wheel hatchling maps them to wsis_viewer/_bundled/; in a PyInstaller build the spec
puts them in the same `_bundled` folder inside the package. Every other module asks here.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def _root() -> Path:
    bundled = _PACKAGE_DIR / "_bundled"
    if (bundled / "resources").is_dir():
        return bundled
    return _PACKAGE_DIR.parent  # source checkout


def resources_dir() -> Path:
    return _root() / "resources"


def data_dir() -> Path:
    """The human-edited TOML source files of the dataset."""
    return resources_dir() / "data"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def icons_dir() -> Path:
    return resources_dir() / "icons"


def export_schema_path() -> Path:
    return resources_dir() / "schema" / "export.schema.json"


def bundled_database() -> Path:
    return _root() / "db" / "wsis.sqlite"


def app_icon_files() -> list[Path]:
    """The application icon at every size shipped (resources/icons/wsis-viewer-<N>.png)."""
    return sorted(icons_dir().glob("wsis-viewer-*.png"))


def installation_dir() -> Path | None:
    """The folder of an installed copy (a wheel's package folder, a frozen bundle's folder);
    None in a source checkout, where db/ is the maintainers' to rebuild."""
    if _root() == _PACKAGE_DIR.parent:
        return None
    if getattr(sys, "frozen", False):  # PyInstaller: the folder with the executable
        return Path(sys.executable).resolve().parent
    return _PACKAGE_DIR
