"""The printed report and portable SVG, read back the way another tool would.

PDFs are read with poppler's pdftotext (the text a reader copies out), SVGs rendered with
librsvg's rsvg-convert under a fontconfig that knows no fonts at all (a machine without the
app's font). Both tools are Debian packages installed by scripts/bootstrap.sh.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage

from wsis_viewer import paths
from wsis_viewer.domain.model import Bilingual, Event, Precision, Session
from wsis_viewer.domain.report_selection import (
    ChoiceError,
    ReportChoice,
    figure_spans,
    parse_sections,
    select_content,
)
from wsis_viewer.domain.short_labels import short_labels
from wsis_viewer.report.scene import build_scene
from wsis_viewer.report.view_spec import ViewSpec
from wsis_viewer.session.loaded_database import LoadedDatabase

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SOURCE_DATE_EPOCH": "1700000000"}
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils not installed (scripts/bootstrap.sh)")
needs_rsvg = pytest.mark.skipif(shutil.which("rsvg-convert") is None,
                                reason="librsvg2-bin not installed (scripts/bootstrap.sh)")


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wsis_viewer", *args], capture_output=True,
                          text=True, env=ENV, check=False, timeout=180)


def pdf_pages(path: Path, layout: bool = False, raw: bool = False) -> list[str]:
    """Page texts; `layout`: columns kept by position; `raw`: in the content's own order
    (what copying a selection gives in most viewers)."""
    mode = ["-layout"] if layout else ["-raw"] if raw else []
    args = ["pdftotext", "-enc", "UTF-8", *mode, str(path), "-"]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1]


@pytest.fixture(scope="module")
def db() -> LoadedDatabase:
    return LoadedDatabase.open(paths.bundled_database())


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("reports")
    out = {}
    for lang in ("en", "zh"):
        path = folder / f"report-{lang}.pdf"
        proc = cli("report", str(path), "--lang", lang)
        assert proc.returncode == 0, proc.stderr
        out[lang] = path
    return out


# --- what goes in (Qt-free) -------------------------------------------------------------------


def _event(eid: str, day: dt.date, lane: str = "council") -> Event:
    return Event(id=eid, kind="council-session", lane=lane, title=_bi(eid), start=day,
                 end=day, precision=Precision.DAY, sessions=(Session(day, day),))


def _bi(text: str) -> Bilingual:
    return Bilingual(zh=text, en=text)


def test_sparse_years_are_pooled_and_empty_years_named() -> None:
    evs = [_event(f"a{i}", dt.date(2011, 3, i + 1)) for i in range(4)]
    evs += [_event("b", dt.date(2012, 5, 1)), _event("c", dt.date(2015, 5, 1))]
    spans, empty = figure_spans(evs, dt.date(2010, 1, 1), dt.date(2016, 12, 31))
    # 2011 has four events; 2012 (one) joins it; 2015 (one) has nothing before it in reach
    # but joins the figure before it; 2010, 2013-2014 and 2016 are named as empty.
    assert [(s.start.year, s.end.year) for s in spans] == [(2011, 2015)] or \
        [(s.start.year, s.end.year) for s in spans] == [(2011, 2012), (2015, 2015)]
    assert (2010, 2010) in empty and (2016, 2016) in empty
    assert all(s.events > 0 for s in spans)


def test_bundled_years_get_no_near_empty_figure(db: LoadedDatabase) -> None:
    choice = ReportChoice(dt.date(2010, 1, 1), dt.date(2015, 12, 31))
    content = select_content(db.dataset, choice)
    spans, _empty = figure_spans(content.events, choice.start, choice.end)
    assert all(s.events >= 3 for s in spans)
    assert (spans[-1].start.year, spans[-1].end.year) == (2014, 2015)  # 2015 has one event


def test_sections_and_lanes_select_records(db: LoadedDatabase) -> None:
    assert parse_sections("documents, events") == ("events", "documents")
    with pytest.raises(ChoiceError, match="--sections: unknown section"):
        parse_sections("events,pictures")
    choice = ReportChoice(dt.date(2013, 1, 1), dt.date(2013, 12, 31), lanes=frozenset({"council"}))
    content = select_content(db.dataset, choice)
    assert {e.lane for e in content.events} == {"council"}
    assert {d.symbol for d in content.documents} >= {"C13/85", "C13/66"}
    assert "C11/33" not in {d.symbol for d in content.documents}


def test_short_labels_keep_meeting_numbers_and_stay_unique() -> None:
    titles = ["21st meeting of CWG-WSIS", "22nd meeting of CWG-WSIS", "Council 2013",
              "Council 2014", "Council 2010", "Council 2010, extraordinary session"]
    lanes = ["cwg", "cwg", "council", "council", "council", "council"]
    alts = short_labels(titles, lanes, "en")
    assert alts[0][-1] == "21" and alts[1][-1] == "22"
    assert alts[2] == ("2013",)
    # the extraordinary session is not one of the series "Council ####": no bare year for it
    assert alts[4] == ("2010",) and alts[5] == ()
    # a short label two events of one lane would share is given to neither
    twins = short_labels(["WSIS Forum 2011: venue", "WSIS Forum 2011: themes"], ["c", "c"], "en")
    assert twins == [(), ()]
    zh = short_labels(["CWG-WSIS第21次会议", "CWG-WSIS第22次会议"], ["c", "c"], "zh")
    assert zh[0] == ("CWG-WSIS 21", "21")


# --- labels in figures ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("years", "select", "size"), [
    ((2010, 2015), None, (1050, 640)), ((2013, 2013), None, (1050, 640)),
    ((2014, 2015), None, (1050, 640)), ((2010, 2015), None, (700, 500)),
    ((2011, 2013), "res-c1334", (900, 560))])
def test_figure_labels_never_collide_and_keep_numbers(qapp, db: LoadedDatabase, lang: str,
                                                      years: tuple[int, int], select: str | None,
                                                      size: tuple[int, int]) -> None:
    """Item labels, the period's labels and a chain's elapsed-time labels, as drawn."""
    from wsis_viewer.qt.i18n import app_language
    from wsis_viewer.report.render import render_png

    spec = ViewSpec(start=dt.date(years[0], 1, 1), end=dt.date(years[1], 12, 31), lang=lang,
                    width=size[0], height=size[1], caption_date=dt.date(2024, 1, 1),
                    select=select)
    with app_language(lang):
        scene = build_scene(db, spec)
        try:
            render_png(scene.view, spec.width, spec.height, 1.0)
            drawn = list(scene.timeline._item.drawn_labels)
        finally:
            scene.view.close()
    assert len(drawn) >= 5
    for k, (a, text_a) in enumerate(drawn):
        for b, text_b in drawn[k + 1:]:
            overlap = a.intersected(b)
            assert overlap.width() < 1 or overlap.height() < 1, (text_a, text_b)
    texts = [t for _r, t in drawn]
    if select:
        assert any(re.match(r"^\+\d", t) for t in texts), texts  # the chain's elapsed times
    if years == (2010, 2015) and size[0] > 1000:
        # the whole-period figure: meetings keep their numbers, never "CWG-WSIS…"
        assert not any(t.startswith("CWG-WSIS…") or t == "CWG-WSIS…" for t in texts)
        assert sum(bool(re.fullmatch(r"(CWG-WSIS )?\d\d", t)) for t in texts) >= 3, texts


# --- the PDF ---------------------------------------------------------------------------------


@needs_poppler
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_document_symbol_is_in_the_report(db: LoadedDatabase, reports: dict[str, Path],
                                                lang: str) -> None:
    # (a long symbol may wrap in its column: compare without white space)
    text = re.sub(r"\s+", "", "".join(pdf_pages(reports[lang])))
    for d in db.dataset.documents:
        assert re.sub(r"\s+", "", d.symbol) in text, d.symbol
    assert "WG-WSIS-22/39" in text and "C13/85" in text


@needs_poppler
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_headings_never_end_a_page_and_no_page_is_near_empty(reports: dict[str, Path],
                                                             lang: str) -> None:
    pages = pdf_pages(reports[lang])
    heads = ["Events", "Documents", "Recommendations and the resolutions they led to",
             "Resolution histories", "Sources"] if lang == "en" else \
        ["活动", "文件", "建议及其促成的决议", "决议沿革", "来源"]
    furniture = re.compile(r"^(Page \d+ of \d+|第\d+页，共\d+页|.*data version \w+"
                           r"|.*数据版本 \w+|ITU's work on the World Summit.*"
                           r"|国际电联关于信息社会世界峰会的工作.*)$")
    for n, page in enumerate(pages, 1):
        lines = [x.strip() for x in page.splitlines() if x.strip()]
        body = [x for x in lines if not furniture.match(x)]
        # (the running header and the page number do not count)
        assert len(body) >= 8 and len("".join(body)) > 60, f"page {n} is nearly empty: {body}"
        if n > 2:  # text pages: the last line before the footer is never a heading
            assert body[-1] not in heads, f"heading {body[-1]!r} ends page {n}"
    # and a heading is followed on its page by content
    for n, page in enumerate(pages[2:], 3):
        lines = [x.strip() for x in page.splitlines() if x.strip()]
        for h in heads:
            if h in lines[:-1]:
                rest = lines[lines.index(h) + 1:]
                assert len(rest) >= 3, f"{h!r} on page {n} has nothing after it"


@needs_poppler
def test_report_reads_cleanly(reports: dict[str, Path]) -> None:
    pages = pdf_pages(reports["en"], layout=True)
    text = "\f".join(pages)
    # A table row reads as one line, in column order, by position and in content order.
    for mode_text in (text, "\f".join(pdf_pages(reports["en"], raw=True))):
        row = next(x for x in mode_text.splitlines() if x.strip().startswith("C13/85"))
        assert re.search(r"C13/85\s+Contribution from the Republic of Poland on WSIS "
                         r"indicators\*\s+Republic of Poland\s+Council 2013 — considered", row), row
    assert "official" in text and "2010–2014" in text  # no ligature gaps, no figure dashes
    # page numbers "n of N" and the running header on every page
    for n, page in enumerate(pages, 1):
        assert f"Page {n} of {len(pages)}" in page
        assert "data version" in page
    # repeated table header: every page holding document rows shows the header row
    for page in pages:
        if re.search(r"^\s*WG-WSIS-2\d/\d+\s", page, re.M):
            assert re.search(r"Symbol\s+Title\s+Submitted by", page)


@needs_poppler
def test_one_language_at_a_time(reports: dict[str, Path]) -> None:
    zh = "".join(pdf_pages(reports["zh"], layout=True))
    # English-only submitters are marked; the English column names are not used
    assert re.search(r"Republic of Poland†", zh)
    assert "Submitted by" not in zh and "Symbol" not in zh and "提交方" in zh
    assert "† 仅有英文" in zh
    en = "".join(pdf_pages(reports["en"], layout=True))
    assert "波兰" not in en  # no Chinese in the English report's tables
    assert "Contribution from the Republic of Poland on WSIS indicators*" in en


def test_pdf_metadata(reports: dict[str, Path]) -> None:
    for lang, code in (("en", "en"), ("zh", "zh-CN")):
        reader = PdfReader(reports[lang])
        meta = reader.metadata
        assert meta is not None and meta.title and meta.author and meta.subject
        assert reader.trailer["/Root"]["/Lang"] == code
        assert len(reader.outline) >= 5  # bookmarks: title, contents, figures, sections


@needs_poppler
def test_sections_lanes_and_dates_are_chosen_and_stated(tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    proc = cli("report", str(out), "--sections", "documents,events", "--lanes", "council",
               "--from", "2013", "--to", "2013")
    assert proc.returncode == 0, proc.stderr
    pages = pdf_pages(out)
    title = " ".join(pages[0].split())
    assert "Sections: Events, Documents" in title and "Lanes: Council" in title
    assert "1 January – 31 December 2013" in title
    text = "".join(pages)
    assert "C13/85" in text and "C11/33" not in text and "Resolution histories" not in text
    bad = cli("report", str(tmp_path / "x.pdf"), "--sections", "pictures")
    assert bad.returncode == 2 and "--sections: unknown section(s) pictures" in bad.stderr
    bad = cli("report", str(tmp_path / "x.pdf"), "--lanes", "moon")
    assert bad.returncode == 2 and "--lanes: unknown lane(s) moon" in bad.stderr


# --- SVG without the app's font ---------------------------------------------------------------


def _no_fonts_env(tmp_path: Path) -> dict[str, str]:
    conf = tmp_path / "fonts.conf"
    conf.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
                    f"<fontconfig><dir>{tmp_path / 'none'}</dir>"
                    f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>")
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


def _gray(path: Path) -> np.ndarray:
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_Grayscale8)
    arr = np.frombuffer(image.constBits(), dtype=np.uint8)
    return arr.reshape(image.height(), image.bytesPerLine())[:, :image.width()].astype(int)


@needs_rsvg
def test_chinese_svg_renders_without_the_font(qapp, tmp_path: Path) -> None:
    """rsvg-convert with no fonts at all: the paths SVG matches Qt's own picture; the same
    view with text left as text (the font mode, which librsvg cannot load) does not — the
    control that shows this test sees tofu."""
    view = ("--lang", "zh", "--from", "2013", "--to", "2013", "--size", "900x500")
    reference = tmp_path / "qt.png"
    assert cli("screenshot", str(reference), *view).returncode == 0
    env = _no_fonts_env(tmp_path)
    scores = {}
    for mode in ("paths", "font"):
        svg = tmp_path / f"{mode}.svg"
        proc = cli("screenshot", str(svg), *view, "--svg-text", mode)
        assert proc.returncode == 0, proc.stderr
        png = tmp_path / f"{mode}.png"
        subprocess.run(["rsvg-convert", "-w", "900", "-h", "500", "-o", str(png), str(svg)],
                       check=True, env=env)
        a, b = _gray(png), _gray(reference)
        ink = (b < 128)  # where Qt drew text and lines
        scores[mode] = float((np.abs(a - b)[ink] > 96).mean())
    assert scores["paths"] < 0.03, scores  # measured 0.7 %
    assert scores["font"] > 10 * scores["paths"], scores  # measured 72 %: tofu


def test_font_mode_embeds_every_used_glyph(tmp_path: Path) -> None:
    import base64
    import io
    import xml.etree.ElementTree as ET

    from fontTools.ttLib import TTFont

    svg = tmp_path / "font.svg"
    proc = cli("screenshot", str(svg), "--lang", "zh", "--from", "2013", "--to", "2013",
               "--svg-text", "font")
    assert proc.returncode == 0, proc.stderr
    root = ET.parse(svg).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    chars = {c for t in root.iter(f"{ns}text") for c in "".join(t.itertext())}
    assert "理" in chars
    style = "".join(s.text or "" for s in root.iter(f"{ns}style"))
    fonts = re.findall(r"base64,([A-Za-z0-9+/=]+)", style)
    assert fonts
    covered: set[int] = set()
    for data in fonts:
        covered |= set(TTFont(io.BytesIO(base64.b64decode(data))).getBestCmap())
    assert {ord(c) for c in chars if not c.isspace()} <= covered


def test_short_labels_skip_lanes_of_thousands() -> None:
    """Synthetic lanes of thousands get none (bounded cost of the first frame)."""
    from types import SimpleNamespace

    from wsis_viewer.timeline.label_fit import MAX_LANE_EVENTS, LabelFit

    n = MAX_LANE_EVENTS + 1
    titles = [f"{i % 90 + 1}th meeting of CWG-WSIS" for i in range(n)] + [
        "21st meeting of CWG-WSIS", "22nd meeting of CWG-WSIS"]
    lanes = np.array([0] * n + [1, 1], dtype=np.int32)
    ix = SimpleNamespace(lane=lanes, title_en=titles, title_zh=[""] * len(titles))
    alts = LabelFit._compute(ix, "en")  # type: ignore[arg-type]
    assert all(a == () for a in alts[:n])
    assert alts[n][-1] == "21" and alts[n + 1][-1] == "22"


@needs_poppler
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_table_rows_never_run_over_a_page_foot(reports: dict[str, Path], lang: str) -> None:
    """After a (repeated) header row the next line starts a row; it is never the rest of a
    row from the page before (a continuation line starts in a later column)."""
    header = re.compile(r"^\s*(Dates\s+Event|Symbol\s+Title|Ref\s+Recommendation"
                        r"|日期\s+活动|文号\s+标题|段落\s+建议)")
    checked = 0
    for n, page in enumerate(pdf_pages(reports[lang], layout=True), 1):
        lines = [x for x in page.splitlines() if x.strip()]
        for k, line in enumerate(lines[:-1]):
            if header.match(line):
                nxt = lines[k + 1]
                assert len(nxt) - len(nxt.lstrip()) <= 2, f"page {n} starts mid-row: {nxt!r}"
                checked += 1
    assert checked >= 5  # three tables, some over several pages


@needs_poppler
def test_inferred_links_are_marked_and_stated_only_leaves_them_out(
        db: LoadedDatabase, reports: dict[str, Path], tmp_path: Path) -> None:
    from wsis_viewer.domain.model import claim_for

    # a document whose producing meeting is our inference (the report does not say which)
    doc = next(d for d in db.dataset.documents if d.event
               and (c := claim_for(d.claims, "event", d.event)) is not None and c.inferred)
    stated = next(d for d in db.dataset.documents if d.event
                  and (c := claim_for(d.claims, "event", d.event)) is not None
                  and not c.inferred)
    symbols = [d.symbol for d in db.dataset.documents]

    def row_of(text: str, symbol: str) -> str:
        """A table row in content order: from its symbol to the next row's (cells wrap)."""
        lines = text.splitlines()
        k = next(i for i, x in enumerate(lines) if x.startswith(symbol + " "))
        end = next((j for j in range(k + 1, len(lines))
                    if any(lines[j].startswith(s + " ") for s in symbols)), len(lines))
        return " ".join(lines[k:end])

    raw = "\n".join(pdf_pages(reports["en"], raw=True))
    assert "(inferred)" in row_of(raw, doc.symbol)
    assert "(inferred)" not in row_of(raw, stated.symbol)
    assert "（推断）" in "".join(pdf_pages(reports["zh"]))
    out = tmp_path / "stated.pdf"
    proc = cli("report", str(out), "--stated-only", "--sections", "documents,recommendations")
    assert proc.returncode == 0, proc.stderr
    text = "\n".join(pdf_pages(out, raw=True))
    assert "(inferred)" not in text
    assert "Only what the report states" in text
    event = db.events_by_id[doc.event].title.en  # type: ignore[index]
    assert event not in row_of(text, doc.symbol)


def test_a_heading_at_a_page_foot_moves_to_the_next_page(qapp) -> None:
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QTextDocument

    from wsis_viewer.report.pagination import (
        first_split_row,
        headings,
        keep_headings_with_next,
        tables_in_order,
    )

    page_h = 400.0

    def table_page(doc: QTextDocument) -> int:
        cell = tables_in_order(doc)[0].cellAt(0, 0).firstCursorPosition().block()
        return int(doc.documentLayout().blockBoundingRect(cell).top() // page_h)

    for filler in range(5, 30):  # the filler length that leaves the heading alone at the foot
        doc = QTextDocument()
        rows = "".join(f"<tr><td>r{i}</td><td>{'words ' * 80}</td></tr>" for i in range(12))
        doc.setHtml("".join(f"<p>line {i}</p>" for i in range(filler))
                    + "<h1>Heading</h1><table border='1'><thead><tr><th>a</th><th>b</th></tr>"
                    + f"</thead>{rows}</table>")
        doc.setPageSize(QSizeF(500, page_h))
        if table_page(doc) > headings(doc, page_h)[0].page:
            break
    else:
        pytest.fail("no filler length strands the heading; adjust the test")
    assert keep_headings_with_next(doc, page_h) == 1
    assert headings(doc, page_h)[0].page == table_page(doc) == 1
    # and a row running over a page foot is found (the report cuts the table there)
    assert first_split_row(doc, page_h) is not None


@needs_poppler
def test_recommendations_are_quoted_in_full(db: LoadedDatabase, reports: dict[str, Path]) -> None:
    for lang in ("en", "zh"):
        text = re.sub(r"\s+", "", "".join(pdf_pages(reports[lang], raw=True)))
        for m in db.dataset.recommendations:
            words = re.sub(r"\s+", "", m.text.get(lang))
            assert words[-20:] in text, (lang, m.ref)
