"""What the window remembers between runs, on top of QSettings.

One class with typed accessors, so keys and value parsing live in one place. The QSettings
object is passed in: the app uses the organisation's default store, tests pass one in a
temporary folder so they never read or write the user's real settings.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from wsis_viewer.domain.date_range import FIRST_DAY, FIRST_YEAR, LAST_DAY, LAST_YEAR
from wsis_viewer.domain.timeline_index import DAY, date_to_x
from wsis_viewer.store.urls import display_url

MAX_RECENT_FILES = 8

ORGANIZATION = "WSIS Timeline Viewer"
APPLICATION = "wsis-viewer"


def normalise_location(path: str) -> str:
    """A file as an absolute path (so one file is one entry); URLs without any password (a
    server's password belongs in libpq's PGPASSFILE or service file, never in our settings)."""
    return display_url(path) if "://" in path else str(Path(path).resolve())


def _as_list(value: object) -> list[str]:
    # An INI file gives back a lone string for a one-item list and None for an empty one.
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list | tuple):
        return [str(v) for v in value if str(v)]
    return []


def _as_int(value: object) -> int | None:
    try:
        return int(str(value))
    except ValueError:
        return None


def _as_float(value: object) -> float | None:
    try:
        return float(str(value))
    except ValueError:
        return None


class ViewerSettings:
    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings()

    def sync(self) -> None:
        self.store.sync()

    # --- window -------------------------------------------------------------------------------

    def geometry(self) -> QByteArray | None:
        value = self.store.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, data: QByteArray) -> None:
        self.store.setValue("window/geometry", data)

    def window_state(self) -> QByteArray | None:
        value = self.store.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window_state(self, data: QByteArray) -> None:
        self.store.setValue("window/state", data)

    # --- language -----------------------------------------------------------------------------

    def language(self) -> str | None:
        """The language chosen in View > Language ("en" or "zh"); None: never chosen, so the
        system locale decides."""
        value = self.store.value("ui/language")
        return str(value) if value in ("en", "zh") else None

    def set_language(self, lang: str) -> None:
        if lang not in ("en", "zh"):
            raise ValueError(f"unknown language {lang!r}")
        self.store.setValue("ui/language", lang)

    # --- view ---------------------------------------------------------------------------------

    def view_range(self) -> tuple[float, float] | None:
        """The saved view, if it is a finite range within the dates the app accepts (with a
        year's margin). Anything else (hand-edited, ±inf, NaN) is forgotten, not applied."""
        raw0, raw1 = self.store.value("view/x0"), self.store.value("view/x1")
        if raw0 is None and raw1 is None:
            return None
        x0, x1 = _as_float(raw0), _as_float(raw1)
        low, high = date_to_x(FIRST_DAY) - 366 * DAY, date_to_x(LAST_DAY) + 366 * DAY
        if x0 is None or x1 is None or not (math.isfinite(x0) and math.isfinite(x1)) \
                or not low <= x0 < x1 <= high or x1 - x0 < DAY / 2:
            self.store.remove("view/x0")
            self.store.remove("view/x1")
            return None
        return x0, x1

    def set_view_range(self, x0: float, x1: float) -> None:
        # Stored as text: INI files would otherwise round-trip floats through QVariant guesses.
        self.store.setValue("view/x0", repr(x0))
        self.store.setValue("view/x1", repr(x1))

    def overview_visible(self) -> bool:
        return str(self.store.value("view/overview", "true")).lower() != "false"

    def set_overview_visible(self, visible: bool) -> None:
        self.store.setValue("view/overview", "true" if visible else "false")

    def include_notes(self) -> bool:
        """File ▸ Export ▸ Include Notes (exports, Copy Image, Print): off until chosen."""
        return str(self.store.value("export/notes", "false")).lower() == "true"

    def set_include_notes(self, on: bool) -> None:
        self.store.setValue("export/notes", "true" if on else "false")

    def hidden_lanes(self) -> set[str]:
        """Lanes the user switched off. Stored as hidden, so lanes new to a database show."""
        return set(_as_list(self.store.value("view/hidden_lanes")))

    def set_hidden_lanes(self, lanes: set[str]) -> None:
        self.store.setValue("view/hidden_lanes", sorted(lanes))

    def year_range(self) -> tuple[int, int] | None:
        raw_first, raw_last = self.store.value("view/year_from"), self.store.value("view/year_to")
        if raw_first is None and raw_last is None:
            return None
        first, last = _as_int(raw_first), _as_int(raw_last)
        if first is None or last is None or not FIRST_YEAR <= first <= last <= LAST_YEAR:
            self.set_year_range(None)  # a broken saved value is forgotten
            return None
        return first, last

    def set_year_range(self, years: tuple[int, int] | None) -> None:
        if years is None:
            self.store.remove("view/year_from")
            self.store.remove("view/year_to")
        else:
            self.store.setValue("view/year_from", years[0])
            self.store.setValue("view/year_to", years[1])

    # --- databases ----------------------------------------------------------------------------

    def last_database(self) -> str | None:
        value = self.store.value("database/last")
        return str(value) if value else None

    def forget_database(self, path: str) -> None:
        """Drop `path` as the last database and from the recent files (it failed to open)."""
        if self.last_database() == path:
            self.store.remove("database/last")
        self.remove_recent_file(path)

    def set_last_database(self, path: str) -> None:
        self.store.setValue("database/last", normalise_location(path))

    def recent_files(self) -> list[str]:
        return _as_list(self.store.value("database/recent"))[:MAX_RECENT_FILES]

    def add_recent_file(self, path: str) -> list[str]:
        """Put `path` first in the recent list (once) and return the new list."""
        key = normalise_location(path)
        recent = [key] + [p for p in self.recent_files() if p != key]
        recent = recent[:MAX_RECENT_FILES]
        self.store.setValue("database/recent", recent)
        return recent

    # --- the report's text -----------------------------------------------------------------

    def report_text_path(self) -> str | None:
        """The report's text file the user chose (Source pages then show whole paragraphs)."""
        value = self.store.value("report/text_file")
        return str(value) if value else None

    def set_report_text_path(self, path: str | None) -> None:
        if path:
            self.store.setValue("report/text_file", normalise_location(path))
        else:
            self.store.remove("report/text_file")

    def remove_recent_file(self, path: str) -> None:
        self.store.setValue("database/recent", [p for p in self.recent_files() if p != path])
