"""The detail panels' content (Qt-free HTML), in both languages, with no dead links."""

from __future__ import annotations

import re

import pytest

from wsis_viewer import paths
from wsis_viewer.domain.dates import format_span
from wsis_viewer.domain.model import Precision
from wsis_viewer.domain.model import RecordType as T
from wsis_viewer.domain.relations import RecordRef, Relations
from wsis_viewer.domain.report_text import parse_report_text
from wsis_viewer.panels.record_html import (
    OFFICIAL_DOCUMENT_URL,
    RecordPage,
    highlight,
    source_from_url,
)
from wsis_viewer.store.database import open_database

D = __import__("datetime").date
PARAGRAPHS = set(__import__("tomllib").loads(
    (paths.data_dir() / "sources.toml").read_text(encoding="utf-8"))["report"]["paragraphs"])


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
    seen = paragraphs = 0
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
            elif href.startswith("source:"):
                # Every "§" is a link to a paragraph the report has.
                assert (source_from_url(href) or "x")[1:] in PARAGRAPHS, (ref, href)
                paragraphs += 1
            else:
                assert href.startswith(("https://", "http://")), (ref, href)
        # Every "§" shown is inside a link (to its Source page, or a recommendation's own).
        outside = re.sub(r"<a [^>]*>.*?</a>", "", re.sub(r'title="[^"]*"', "", html))
        assert "§" not in re.sub(r"<[^>]+>", "", outside), (ref, "a § that is not a link")
    assert seen > 200 and paragraphs > 100


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
    assert 'Report <a href="source:2.3.1">§2.3.1</a>' in html


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


# --- provenance on the pages ------------------------------------------------------------------

REPORT = parse_report_text(
    "附件4\n2.3\tCWG-WSIS的成果提交给了理事会各次会议。\n"
    "2.3.1\t理事会2011年会议注意到CWG-WSIS的报告（C11/33号文件）并审议了C11/74号文件（俄罗斯联邦），"
    "通过了第1332号决议（C-11/95号文件）。\n"
    "4.5\tCWG-WSIS第25次会议向理事会提出了以下建议：\n4.5.3\t认可成果。\n")


def test_inferred_links_are_marked_and_stated_ones_quote_the_report(rel: Relations) -> None:
    html = RecordPage(rel, "en").render(RecordRef(T.DOCUMENT, "C12/55"))
    produced = html[html.index("Produced at"):html.index("</table>")]
    assert "font-style:italic;color:#D55E00" in produced
    assert "[inferred" in produced and 'href="source:2.3.2"' in produced
    assert "only meeting between the 2011 and 2012 Council sessions" in produced  # the reason
    considered = html[html.index("<h3>Considered at</h3>"):]
    assert "[inferred" not in considered.split("</ul>")[0]
    assert "理事会2012年会议注意到CWG-WSIS的报告（C12/55号文件）" in considered  # its words
    zh = RecordPage(rel, "zh", translate=lambda t: {"inferred": "推断"}.get(t, t)).render(
        RecordRef(T.DOCUMENT, "C12/55"))
    assert "[推断" in zh and "报告未说明由哪次会议产生" in zh  # the reason in Chinese


def test_texts_say_whether_they_are_the_report_words(rel: Relations) -> None:
    page = RecordPage(rel, "en")
    assert "the report&#x27;s words, <a href=\"source:4.5.3\">§4.5.3</a>" in page.render(
        RecordRef(T.RECOMMENDATION, "rec-4.5.3"))
    assert "our wording, not the report&#x27;s" in page.render(
        RecordRef(T.RECOMMENDATION, "rec-council-2011"))


def test_source_page_with_the_report_text(rel: Relations) -> None:
    html = RecordPage(rel, "en").source_page("§2.3.1", REPORT)
    assert "Report, paragraph" in html and "附件4" not in html
    paragraph = html[html.index('<p style="font-size:large">'):]
    paragraph = paragraph[:paragraph.index("</p>")]
    marked = '<span style="background-color:#FFE08A;color:#000000">'
    assert marked + "理事会2011年会议注意到" in paragraph
    assert "（俄罗斯联邦）" in paragraph
    assert "Quotations the dataset holds from it" in html
    assert "record:document/C11/33" in html and "record:resolution/res-c1332" in html
    assert "Inferences resting on it" in html  # C11/33 → 19th meeting rests on §2.3.1
    assert OFFICIAL_DOCUMENT_URL not in html


def test_source_page_of_a_list_item_shows_its_lead_in(rel: Relations) -> None:
    html = RecordPage(rel, "en").source_page("§4.5.3", REPORT)
    assert "Introduced by §4.5" in html and "提出了以下建议" in html
    assert "认可成果" in html


def test_source_page_without_the_text_links_the_official_document(rel: Relations) -> None:
    html = RecordPage(rel, "en").source_page("§2.2.6", None)
    assert f'href="{OFFICIAL_DOCUMENT_URL}"' in html and "app:choose-report-text" in html
    assert "“非常会议：对经修订的第1334号决议予以跟进”" in html
    assert "record:event/cwg-extra-2013" in html
    assert "No such paragraph" in RecordPage(rel, "en").source_page("§x", None)


def test_highlight_merges_overlapping_quotations() -> None:
    html = highlight("abcdef\nghi", ["bcd", "cde", "zz", "h"])
    assert html == ('a<span style="background-color:#FFE08A;color:#000000">bcde</span>f<br/>'
                    'g<span style="background-color:#FFE08A;color:#000000">h</span>i')


def test_highlight_links_the_report_s_web_addresses() -> None:
    html = highlight("联系人名单如下：\nhttp://www.itu.int/itu-wsis/focal-points_al.html", ["名单"])
    assert '<a href="http://www.itu.int/itu-wsis/focal-points_al.html">' in html
    assert "<br/>" in html and "<a" not in highlight("javascript:alert(1) file:///etc", [])
