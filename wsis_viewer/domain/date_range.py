"""The range of dates the application accepts, in source files, databases and arguments.

Every date outside it is refused where it comes in (source check, database open, command-line
arguments, saved view settings), so the drawing code never meets a date it cannot turn into a
coordinate and back (Python's `date` ends at 9999-12-31; the timeline adds a day to an event's
last day). Wide enough for any history of the WSIS process and what it refers to.
"""

from __future__ import annotations

import datetime as dt

FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2099, 12, 31)
FIRST_YEAR = FIRST_DAY.year
LAST_YEAR = LAST_DAY.year


def in_range(day: dt.date) -> bool:
    return FIRST_DAY <= day <= LAST_DAY


def describe() -> str:
    """'1900-01-01 to 2099-12-31', for messages."""
    return f"{FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"
