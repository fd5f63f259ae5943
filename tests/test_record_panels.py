"""The detail panels' content (Qt-free HTML), in both languages, with no dead links."""

from __future__ import annotations

import re

import pytest

from wsis_viewer import paths
from wsis_viewer.domain.dates import format_span
from wsis_viewer.domain.model import Precision
from wsis_viewer.domain.model import RecordType as T
from wsis_viewer.domain.relations import RecordRef, Relations
from wsis_viewer.panels.record_html import RecordPage
from wsis_viewer.store.database import open_database

D = __import__("datetime").date


@pytest.fixture(scope="module")
def rel() -> Relations:
    with open_database(paths.bundled_database()) as store:
        return Relations(store.load())


def all_refs(rel: Relations) -> list[RecordRef]:
    ds = rel.ds
    return ([RecordRef(T.EVENT, x.id) for x in ds.events]
            + [RecordRef(T.DOCUMENT, x.symbol) for x in ds.documents]
            + [RecordRef(T.RESOLUTION, x.id) for x in ds.resolutions]
            + [RecordRef(T.RECOMMENDATION, x.id) for x in ds.recommendations]
            + [RecordRef(T.PERSON, x.id) for x in ds.people]
            + [RecordRef(T.CONTRIBUTOR, x.id) for x in ds.contributors]
            + [RecordRef(T.TOPIC, x.id) for x in ds.topics]
            + [RecordRef(T.FIGURE, x.id) for x in ds.figures])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_link_in_every_panel_resolves(rel: Relations, lang: str) -> None:
    page = RecordPage(rel, lang)
    seen = 0
    for ref in all_refs(rel):
        html = page.render(ref)
        assert "No such record" not in html
        assert "<h3>" in html or ref.type in (T.FIGURE,), ref  # not an empty panel
        for href in re.findall(r'href="([^"]+)"', html):
            href = href.replace("&amp;", "&")
            if href.startswith("record:"):
                target = RecordRef.from_url(href)
                assert target is not None and rel.exists(target), (ref, href)
                seen += 1
            else:
                assert href.startswith(("https://", "http://")), (ref, href)
    assert seen > 200


def test_resolution_panel_lists_history_in_order(rel: Relations) -> None:
    html = RecordPage(rel, "en").render(RecordRef(T.RESOLUTION, "res-c1334"))
    history = html[html.index("<h3>History</h3>"):]
    history = history[:history.index("</ol>")]
    positions = [history.index(x) for x in ("C-11/97", "C-12/101", "C-13/108")]
    assert positions == sorted(positions)
    assert "Council 2011" in history and "Council 2013" in history
    assert "record:recommendation/rec-council-2012" in html  # the recommendation behind it
    assert "Extraordinary meeting of CWG-WSIS" in html  # a later record referring to it


def test_event_panel_shows_sessions_time_room_and_external_link(rel: Relations) -> None:
    html = RecordPage(rel, "en").render(RecordRef(T.EVENT, "cwg-extra-2013"))
    assert "16:45" in html and "Room A" in html and "20 June 2013" in html
    html = RecordPage(rel, "en").render(RecordRef(T.EVENT, "council-2011"))
    assert 'href="https://www.itu.int/council/C2011/pd/highlights/oct11.html"' in html
    assert "Report §2.3.1" in html


def test_panel_language_follows_and_marks_fallback(rel: Relations) -> None:
    zh = RecordPage(rel, "zh").render(RecordRef(T.EVENT, "cwg-22"))
    assert "<h2" in zh and "CWG-WSIS第22次会议" in zh.split("</h2>")[0]
    assert "2013年5月30–31日" in zh
    assert "分两部分举行" in zh  # the Chinese description
    en = RecordPage(rel, "en").render(RecordRef(T.EVENT, "cwg-22"))
    assert "22nd meeting of CWG-WSIS" in en.split("</h2>")[0]
    assert "(our&nbsp;translation)" in en.split("</h2>")[0]


def test_recommendation_panel(rel: Relations) -> None:
    html = RecordPage(rel, "en").render(RecordRef(T.RECOMMENDATION, "rec-4.5.3"))
    assert "record:resolution/res-wsis10-statement" in html
    assert "record:event/cwg-25" in html and "proposed" in html


@pytest.mark.parametrize(("start", "end", "precision", "lang", "expected"), [
    (D(2013, 5, 30), D(2013, 5, 31), Precision.DAY, "en", "30–31 May 2013"),
    (D(2013, 5, 30), D(2013, 6, 10), Precision.DAY, "en", "30 May – 10 June 2013"),
    (D(2013, 5, 30), D(2013, 6, 10), Precision.DAY, "zh", "2013年5月30日 – 6月10日"),
    (D(2013, 1, 1), D(2014, 12, 31), Precision.YEAR, "en", "2013–2014 (year only)"),
    (D(2013, 1, 1), D(2013, 12, 31), Precision.YEAR, "zh", "2013年（仅知年份）"),
    (D(2013, 5, 1), D(2013, 5, 31), Precision.MONTH, "en", "May 2013 (month only)"),
])
def test_format_span(start, end, precision, lang, expected) -> None:
    assert format_span(start, end, precision, lang) == expected


def test_missing_language_falls_back_and_is_marked() -> None:
    from wsis_viewer.domain.model import Bilingual, Dataset

    page = RecordPage(Relations(Dataset()), "zh")
    assert page.text(Bilingual("", "Only English here")) == (
        'Only English here <span style="color:#808080">[only in English]</span>')
    assert RecordPage(Relations(Dataset()), "en").text(Bilingual("只有中文", "")).endswith(
        "[only in 中文]</span>")
