"""How much of one record any view shows: long texts are elided, long lists cut.

A database may hold a title of a megabyte or an event with a million sittings (the store
accepts values up to `store.safe_open.MAX_VALUE_BYTES`). Panels, tooltips, labels and the report
show the first part and say how much was left out, so no view builds a page of megabytes or
freezes the window laying it out. The limits are far above anything in the real dataset.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

MAX_TITLE_CHARS = 400      # a title or label line (timeline label, tooltip, list cell)
MAX_TEXT_CHARS = 20_000    # a description, a recommendation's text, a note
MAX_LISTED = 200           # items of one list in a panel or the report (sittings, links …)
MAX_TOOLTIP_SITTINGS = 12  # sittings listed in a tooltip


def elide(text: str, limit: int = MAX_TITLE_CHARS) -> str:
    """`text` cut to `limit` characters, ending in '…' when cut."""
    return text if len(text) <= limit else text[:max(limit - 1, 0)] + "…"


def first(items: Sequence[T], limit: int = MAX_LISTED) -> tuple[Sequence[T], int]:
    """(the first `limit` items, how many more there are)."""
    if len(items) <= limit:
        return items, 0
    return items[:limit], len(items) - limit
