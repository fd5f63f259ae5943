"""What a screen reader says for a meeting's sittings (domain/spoken_dates.py)."""

from __future__ import annotations

import datetime as dt

from wsis_viewer.domain.model import Precision
from wsis_viewer.domain.spoken_dates import spoken_sittings

D = dt.date


def test_two_single_days_of_one_month_are_said_together() -> None:
    days = [(D(2013, 2, 4), D(2013, 2, 4)), (D(2013, 2, 1), D(2013, 2, 1))]
    assert spoken_sittings(days) == "1 and 4 February 2013"
    assert spoken_sittings(days, lang="zh") == "2013年2月1日和4日"


def test_three_days_and_spans_across_months() -> None:
    three = [(D(2012, 5, d), D(2012, 5, d)) for d in (1, 3, 9)]
    assert spoken_sittings(three) == "1, 3 and 9 May 2012"
    mixed = [(D(2013, 5, 30), D(2013, 6, 1)), (D(2013, 6, 5), D(2013, 6, 5))]
    assert spoken_sittings(mixed) == "30 May – 1 June 2013 and 5 June 2013"
    assert spoken_sittings(mixed, lang="zh") == "2013年5月30日 – 6月1日和2013年6月5日"


def test_one_span_and_imprecise_dates_keep_their_precision() -> None:
    assert spoken_sittings([(D(2014, 10, 20), D(2014, 11, 7))]) == "20 October – 7 November 2014"
    assert spoken_sittings([(D(2013, 1, 1), D(2013, 12, 31))],
                           Precision.YEAR) == "2013 (year only)"
    assert spoken_sittings([]) == ""
