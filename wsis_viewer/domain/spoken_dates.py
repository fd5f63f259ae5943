"""Dates as a screen reader should say them: every sitting of a meeting, grouped.

A meeting that sat on 1 and 4 February 2013 is drawn as two diamonds joined by a line; a
sighted user sees both days at once. Its accessible name must say the same, so the sittings
are spoken as "1 and 4 February 2013" (not "1 February 2013 – 4 February 2013", which claims
the days between). Qt-free: the timeline's accessible children and the tests use it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from wsis_viewer.domain.dates import MONTHS_EN, format_span
from wsis_viewer.domain.model import Precision

Span = tuple[dt.date, dt.date]  # first and last day, inclusive


def _join(parts: Sequence[str], lang: str) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    if lang == "zh":
        return "、".join(parts[:-1]) + "和" + parts[-1]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def spoken_sittings(sittings: Sequence[Span], precision: Precision = Precision.DAY,
                    lang: str = "en", translate: Callable[[str], str] | None = None) -> str:
    """'1 and 4 February 2013', '2013年2月1日和4日', '30 May – 1 June 2013 and 5 June 2013'.

    Month- and year-precision dates are said with their precision note (format_span); only
    day-precision sittings are listed one by one.
    """
    spans = sorted(sittings)
    if not spans:
        return ""
    if precision is not Precision.DAY or len(spans) == 1:
        return format_span(spans[0][0], spans[-1][1], precision, lang, translate)
    first = spans[0][0]
    single_days = all(a == b for a, b in spans)
    same_month = all((d.year, d.month) == (first.year, first.month) for s in spans for d in s)
    if single_days and same_month:
        days = [str(a.day) for a, _ in spans]
        if lang == "zh":
            return f"{first.year}年{first.month}月" + _join([f"{d}日" for d in days], lang)
        return f"{_join(days, lang)} {MONTHS_EN[first.month - 1]} {first.year}"
    return _join([format_span(a, b, precision, lang, translate) for a, b in spans], lang)
