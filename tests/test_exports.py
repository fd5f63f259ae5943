"""Screenshots and the PDF report, read back: sizes, pixels, SVG text, PDF text and pages.

The CLI runs in subprocesses (the real headless path, with its own QApplication); the pixel
test renders in-process so it can ask the view where an item is.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage

from wsis_viewer import paths
from wsis_viewer.domain.timeline_index import date_to_x
from wsis_viewer.report.render import render_png
from wsis_viewer.report.scene import build_scene
from wsis_viewer.report.view_spec import SpecError, ViewSpec, build_spec, parse_date_bound
from wsis_viewer.session.loaded_database import LoadedDatabase
from wsis_viewer.timeline.colors import lane_colour
from wsis_viewer.timeline.layout import LaneLayout

GOLDEN = Path(__file__).parent / "golden"
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SOURCE_DATE_EPOCH": "1700000000"}


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wsis_viewer", *args], capture_output=True,
                          text=True, env=ENV, check=False, timeout=120)


def as_array(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    ptr = image.constBits()
    arr = np.frombuffer(ptr, dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    # RGB32 is B, G, R, A in memory on little-endian machines; copy, since the buffer belongs
    # to `image`, which is freed when this function returns.
    bgra = arr[:, : image.width() * 4].reshape(image.height(), image.width(), 4)
    return bgra[:, :, 2::-1].copy()


def load_png(path: Path) -> np.ndarray:
    image = QImage(str(path))
    assert not image.isNull(), path
    return as_array(image)


# --- options -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "end", "expected"), [
    ("2012", False, dt.date(2012, 1, 1)), ("2012", True, dt.date(2012, 12, 31)),
    ("2012-02", True, dt.date(2012, 2, 29)), ("2013-12", True, dt.date(2013, 12, 31)),
    ("2013-06-10", False, dt.date(2013, 6, 10)),
])
def test_date_bounds(text: str, end: bool, expected: dt.date) -> None:
    assert parse_date_bound(text, end=end, option="--from") == expected


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"from_": "2012-13"}, "--from"), ({"to": "last year"}, "--to"),
    ({"from_": "2014", "to": "2012"}, "before"), ({"size": "big"}, "--size"),
    ({"scale": 9.0}, "--scale"),
])
def test_bad_view_options(kwargs: dict[str, object], message: str) -> None:
    base: dict[str, object] = {"from_": None, "to": None, "lanes": None, "select": None,
                               "search": None, "details": False, "lang": "en",
                               "theme": "light", "size": "1600x900", "scale": 1.0}
    with pytest.raises(SpecError, match=message):
        build_spec(**{**base, **kwargs})  # type: ignore[arg-type]


def test_cli_rejects_bad_options_without_traceback(tmp_path: Path) -> None:
    proc = cli("screenshot", str(tmp_path / "x.gif"))
    assert proc.returncode == 2 and "unknown picture format" in proc.stderr
    proc = cli("screenshot", str(tmp_path / "x.png"), "--select", "no-such-thing")
    assert proc.returncode == 2 and "--select" in proc.stderr and "Traceback" not in proc.stderr
    proc = cli("screenshot", str(tmp_path / "x.png"), "--lanes", "council,moon")
    assert proc.returncode == 2 and "moon" in proc.stderr
    assert not (tmp_path / "x.png").exists()


# --- pictures --------------------------------------------------------------------------------


def test_png_size_content_and_determinism(tmp_path: Path) -> None:
    a, b = tmp_path / "a.png", tmp_path / "b.png"
    args = ("--from", "2012-01", "--to", "2013-12", "--select", "res-c1334", "--scale", "2",
            "--size", "1200x700")
    assert cli("screenshot", str(a), *args).returncode == 0
    assert cli("screenshot", str(b), *args).returncode == 0
    assert a.read_bytes() == b.read_bytes()  # the same inputs give the same picture
    pixels = load_png(a)
    assert pixels.shape[:2] == (1400, 2400)
    colours = np.unique(pixels.reshape(-1, 3), axis=0)
    assert len(colours) > 50  # not blank


def test_selected_meeting_drawn_where_expected(qapp) -> None:
    db = LoadedDatabase.open(paths.bundled_database())
    spec = ViewSpec(start=dt.date(2013, 5, 20), end=dt.date(2013, 6, 25), select="cwg-22",
                    lanes=frozenset({"cwg-wsis"}), width=1000, height=500,
                    caption_date=dt.date(2024, 1, 1))
    scene = build_scene(db, spec)
    try:
        image = render_png(scene.view, spec.width, spec.height, 1.0)
        pixels = as_array(image)
        index = db.index
        i = index.index_of("cwg-22")
        assert i is not None
        lane = int(index.lane[i])
        layout = LaneLayout.build(index.lane_rows, [lane])
        y = float(layout.top[lane]) + (int(index.row[i]) + 0.5) * float(layout.pitch()[lane])
        plot = scene.timeline.layout().itemAt(0).widget()
        vb = plot.getPlotItem().getViewBox()

        def pixel(day: dt.date) -> tuple[int, int]:
            p = plot.mapTo(scene.view, plot.mapFromScene(vb.mapViewToScene(
                QPointF(date_to_x(day) + 43200, y))))
            return p.x(), p.y()

        blue = np.array(QColor(lane_colour(lane)).getRgb()[:3])

        def near_blue(x: int, y0: int) -> bool:
            patch = pixels[y0 - 3:y0 + 4, x - 2:x + 3].reshape(-1, 3).astype(int)
            return bool((np.abs(patch - blue).sum(axis=1) < 60).any())

        # Both sittings are drawn in the lane colour; the gap between them and the days after
        # the meeting are not.
        assert near_blue(*pixel(dt.date(2013, 5, 30)))
        assert near_blue(*pixel(dt.date(2013, 6, 10)))
        assert not near_blue(*pixel(dt.date(2013, 6, 20)))
        assert scene.timeline.selected() == "cwg-22"
    finally:
        scene.view.close()


def test_svg_parses_and_contains_labels(tmp_path: Path) -> None:
    out = tmp_path / "view.svg"
    proc = cli("screenshot", str(out), "--from", "2013", "--to", "2013")
    assert proc.returncode == 0, proc.stderr
    root = ET.parse(out).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    # Text as glyph outlines by default (--svg-text paths), each path labelled with its text.
    assert not list(root.iter(f"{ns}text"))
    labels = {p.get("aria-label", "").strip() for p in root.iter(f"{ns}path")}
    assert "Council 2013" in labels
    assert "21st meeting of CWG-WSIS" in labels
    # --svg-text font keeps real <text> elements
    proc = cli("screenshot", str(out), "--from", "2013", "--to", "2013", "--svg-text", "font")
    assert proc.returncode == 0, proc.stderr
    root = ET.parse(out).getroot()
    texts = {"".join(t.itertext()).strip() for t in root.iter(f"{ns}text")}
    assert "Council 2013" in texts


def test_pdf_view_and_chinese(tmp_path: Path) -> None:
    out = tmp_path / "view.pdf"
    proc = cli("screenshot", str(out), "--lang", "zh", "--from", "2013", "--to", "2013",
               "--theme", "dark")
    assert proc.returncode == 0, proc.stderr
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "理事会2013年会议" in text


def test_details_panel_in_screenshot(tmp_path: Path) -> None:
    out = tmp_path / "details.svg"
    proc = cli("screenshot", str(out), "--select", "1334", "--details", "--from", "2011",
               "--to", "2013")
    assert proc.returncode == 0, proc.stderr
    svg = out.read_text(encoding="utf-8")
    assert "History" in svg and "C-13/108" in svg


# --- the PDF report ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_report(tmp_path: Path, lang: str) -> None:
    out = tmp_path / f"report-{lang}.pdf"
    proc = cli("report", str(out), "--lang", lang, "--from", "2012", "--to", "2013")
    assert proc.returncode == 0, proc.stderr
    assert "page 1/" in proc.stderr  # progress lines
    reader = PdfReader(out)
    # title + contents + whole period + 2012 + 2013, then the text pages
    assert len(reader.pages) >= 5 + 3
    # pypdf returns the spaces between words as tabs or newlines: compare word sequences.
    pages = [" ".join(p.extract_text().split()) for p in reader.pages]
    if lang == "zh":
        squeezed = ["".join(p.split()) for p in pages]  # CJK extraction may split words
        assert "目录" in squeezed[1] and "决议沿革" in "".join(squeezed)
        assert "CWG-WSIS第22次会议" in "".join(squeezed)
        assert "理事会2013年会议" in squeezed[4]  # the 2013 figure
    else:
        assert "Contents" in pages[1]
        assert "22nd meeting of CWG-WSIS" in "".join(pages)
        assert "Council 2012" in pages[3]  # the 2012 figure
    assert f"of {len(reader.pages)}" in pages[-1] or f"共{len(reader.pages)}页" in pages[-1]
    fonts = {str(f) for p in reader.pages for f in (p.get("/Resources", {}).get("/Font", {})
                                                     or {}).values()}
    assert fonts  # fonts are embedded objects, not references to system fonts


def test_report_contents_point_at_their_pages(tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    assert cli("report", str(out)).returncode == 0
    reader = PdfReader(out)
    pages = [p.extract_text() for p in reader.pages]
    contents = pages[1].replace("\t", " ")
    for heading in ("Events", "Resolution histories", "Sources"):
        line = next(x for x in contents.splitlines() if x.strip() == heading)
        number = contents.splitlines()[contents.splitlines().index(line) + 1].strip()
        assert heading in pages[int(number) - 1].replace("\t", " "), heading


# --- golden images ----------------------------------------------------------------------------

GOLDEN_VIEWS = {
    "overview-2010-2015": ("--from", "2010", "--to", "2015", "--size", "1200x700"),
    "chain-1334-zh": ("--from", "2011-06", "--to", "2013-08", "--select", "res-c1334",
                      "--lang", "zh", "--size", "1200x700"),
}


@pytest.mark.parametrize("name", sorted(GOLDEN_VIEWS))
def test_golden_images(tmp_path: Path, name: str) -> None:
    """Compared with tolerances (anti-aliasing may differ by a level or two across builds of
    the same Qt); regenerate with UPDATE_GOLDEN=1 after an intended change, and look at them."""
    out = tmp_path / f"{name}.png"
    proc = cli("screenshot", str(out), *GOLDEN_VIEWS[name])
    assert proc.returncode == 0, proc.stderr
    golden = GOLDEN / f"{name}.png"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        golden.write_bytes(out.read_bytes())
    assert golden.exists(), f"missing {golden}; run with UPDATE_GOLDEN=1"
    new, old = load_png(out).astype(int), load_png(golden).astype(int)
    assert new.shape == old.shape
    diff = np.abs(new - old).max(axis=2)
    assert (diff > 40).mean() < 0.002, f"{(diff > 40).mean():.4%} of pixels differ"
    assert diff.mean() < 1.5


# --- the detail panel beside the picture ------------------------------------------------------


@pytest.mark.parametrize(("height", "expect"),
                         [(1800, "fits"), (900, "grows"), (420, "continued")])
def test_details_panel_is_never_cut_mid_line(qapp, height: int, expect: str) -> None:
    """`screenshot --details`: the image grows to show the whole panel (up to twice its
    height); beyond that the panel ends on a whole paragraph with "…continued"."""
    db = LoadedDatabase.open(paths.bundled_database())
    spec = ViewSpec(select="res-c1334", details=True, width=1400, height=height)
    scene = build_scene(db, spec)
    try:
        view = scene.view
        browser = view.details
        assert browser is not None
        render_png(view, spec.width, view.height(), 1.0)
        doc = browser.document()
        shown = browser.viewport().height()
        assert doc.size().height() <= shown + 1, "the panel is cut"
        continued = "continued" in doc.toPlainText()
        if expect == "fits":
            assert view.height() == height and not continued
        elif expect == "grows":
            assert height < view.height() <= 2 * height and not continued
        else:  # too long even for twice the height: said so, after a whole paragraph
            assert view.height() == 2 * height and continued
            assert doc.lastBlock().text().strip().endswith("continued")
    finally:
        scene.view.close()


def test_no_label_is_clipped_at_the_left_edge(qapp) -> None:
    """Arrow labels and marker labels stay inside the plot; item labels of items that begin
    before the view start at its left edge, whole."""
    db = LoadedDatabase.open(paths.bundled_database())
    spec = ViewSpec(start=dt.date(2013, 6, 1), end=dt.date(2014, 12, 31), select="res-c1334",
                    width=900, height=600)
    scene = build_scene(db, spec)
    try:
        render_png(scene.view, spec.width, spec.height, 1.0)
        item = scene.timeline._item
        vb = scene.timeline._vb
        plot = vb.sceneBoundingRect()
        left = scene.timeline._plot.mapFromScene(plot.topLeft()).x()
        for edge in item.placed_edges:
            if edge.box is not None:
                assert edge.box.left() >= left - 0.5, edge.text
    finally:
        scene.view.close()
