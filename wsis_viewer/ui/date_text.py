"""Dates as people read them, never more precise than the data.

A year-precision event is stored as 1 January .. 31 December; printing those days would invent
a precision the source does not have, so such dates read "2006 (year only)".
"""

from __future__ import annotations

import datetime as dt

from wsis_viewer.domain.model import Precision, Session
from wsis_viewer.ui.i18n import tr

_CTX = "Dates"
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
DASH = "\u2013"


def month_name(month: int) -> str:
    return tr(_CTX, _MONTHS[month - 1])


def day_text(day: dt.date) -> str:
    return f"{day.day} {month_name(day.month)} {day.year}"


def day_range_text(start: dt.date, end: dt.date) -> str:
    """'10 June 2013', '6–7 June 2013', '30 January – 1 February 2013'."""
    if start == end:
        return day_text(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}{DASH}{end.day} {month_name(end.month)} {end.year}"
    if start.year == end.year:
        return f"{start.day} {month_name(start.month)} {DASH} {day_text(end)}"
    return f"{day_text(start)} {DASH} {day_text(end)}"


def dates_text(start: dt.date, end: dt.date, precision: Precision) -> str:
    """A date range at its precision, saying so when it is coarser than a day."""
    if precision is Precision.YEAR:
        if start.year == end.year:
            return tr(_CTX, "%1 (year only)").replace("%1", str(start.year))
        years = f"{start.year}{DASH}{end.year}"
        return tr(_CTX, "%1 (years only)").replace("%1", years)
    if precision is Precision.MONTH:
        first = f"{month_name(start.month)} {start.year}"
        if (start.year, start.month) == (end.year, end.month):
            return tr(_CTX, "%1 (month only)").replace("%1", first)
        if start.year == end.year:
            months = f"{month_name(start.month)}{DASH}{month_name(end.month)} {end.year}"
        else:
            months = f"{first} {DASH} {month_name(end.month)} {end.year}"
        return tr(_CTX, "%1 (months only)").replace("%1", months)
    return day_range_text(start, end)


def time_text(session: Session) -> str:
    """'09:30–17:30', '14:30', or '' when the source gives no time."""
    if session.time and session.end_time:
        return f"{session.time}{DASH}{session.end_time}"
    return session.time or ""
