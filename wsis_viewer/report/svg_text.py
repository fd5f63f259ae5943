"""SVG text that renders anywhere: glyphs as paths, or the used glyphs embedded as a font.

QSvgGenerator writes <text font-family="Noto Sans SC WSIS"> and relies on the viewer having
that font: on a machine without it (most machines, without any CJK font many) Chinese becomes
empty boxes. Two ways out, chosen with `--svg-text`:

* "paths" (default): every <text> becomes a <path> of its glyph outlines, drawn by Qt with the
  same font the layout used, so it looks the same in every renderer (browsers, rsvg, Inkscape,
  office suites). The text stays in an aria-label for search and screen readers.
* "font": the text stays text, and an @font-face holds a subset of the bundled font (only the
  characters used, made with fontTools) as a data: URL. Browsers honour it; renderers
  without CSS web fonts (librsvg, for one) fall back to the viewer's fonts.

QSvgGenerator also writes font sizes in points into a pixel-unit document (a 9 pt label as
font-size="9" where the layout used 12 px); both modes give the size the layout used.
"""

from __future__ import annotations

import base64
import contextlib
import io
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QPainterPath

from wsis_viewer import paths

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
MODES = ("paths", "font")
PT_TO_PX = 96 / 72  # QSvgGenerator's points, in the pixels of the widget it renders
FONT_FILES = {400: "NotoSansSC-WSIS-subset.otf", 700: "NotoSansSC-WSIS-subset-Bold.otf"}

ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)


def _q(tag: str) -> str:
    return f"{{{SVG_NS}}}{tag}"


def _weight(el: ET.Element) -> int:
    w = el.get("font-weight", "400")
    return 700 if w in ("bold", "bolder") or (w.isdigit() and int(w) >= 600) else 400


def _px_sizes(root: ET.Element) -> None:
    for el in root.iter():
        size = el.get("font-size")
        if size:
            with contextlib.suppress(ValueError):
                el.set("font-size", f"{float(size) * PT_TO_PX:.3f}".rstrip("0").rstrip("."))


def _path_data(path: QPainterPath) -> str:
    out: list[str] = []
    i, n = 0, path.elementCount()
    while i < n:
        e = path.elementAt(i)
        if e.isMoveTo():
            out.append(f"M{e.x:.2f} {e.y:.2f}")
            i += 1
        elif e.isLineTo():
            out.append(f"L{e.x:.2f} {e.y:.2f}")
            i += 1
        else:  # a cubic: this element and the next two (CurveToDataElement)
            c2, end = path.elementAt(i + 1), path.elementAt(i + 2)
            out.append(f"C{e.x:.2f} {e.y:.2f} {c2.x:.2f} {c2.y:.2f} {end.x:.2f} {end.y:.2f}")
            i += 3
    return "".join(out)


def text_to_paths(svg: str) -> str:
    """Every <text> of `svg` (QSvgGenerator's flat output) as a <path> of its outlines."""
    root = ET.fromstring(svg)
    for parent in list(root.iter()):
        for k, el in enumerate(list(parent)):
            if el.tag != _q("text"):
                continue
            text = "".join(el.itertext())
            font = QFont(el.get("font-family", "Sans").split(",")[0].strip().strip("'\""))
            font.setPointSizeF(float(el.get("font-size", "9")))
            font.setWeight(QFont.Weight.Bold if _weight(el) == 700 else QFont.Weight.Normal)
            font.setItalic(el.get("font-style") == "italic")
            qpath = QPainterPath()
            qpath.addText(QPointF(float(el.get("x", "0")), float(el.get("y", "0"))), font, text)
            new = ET.Element(_q("path"), {
                "d": _path_data(qpath), "fill": el.get("fill", "#000"),
                "fill-opacity": el.get("fill-opacity", "1"), "stroke": "none",
                "aria-label": text, "role": "img"})
            if el.get("transform"):
                new.set("transform", el.get("transform", ""))
            parent.remove(el)
            parent.insert(k, new)
    return _serialise(root)


def embed_font(svg: str, fonts_dir: Path | None = None) -> str:
    """`svg` with an @font-face holding only the glyphs its <text> elements use."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    root = ET.fromstring(svg)
    used: defaultdict[int, set[str]] = defaultdict(set)
    family = "Noto Sans SC WSIS"
    for el in root.iter(_q("text")):
        used[_weight(el)].update("".join(el.itertext()))
        family = el.get("font-family", family).split(",")[0].strip().strip("'\"")
    _px_sizes(root)
    folder = fonts_dir or paths.fonts_dir()
    rules = []
    for weight, chars in sorted(used.items()):
        file = folder / FONT_FILES[weight]
        if not file.exists():
            file = folder / FONT_FILES[400]
        font = TTFont(file)
        options = subset.Options()
        options.name_IDs = ["*"]  # keep the licence and copyright names (OFL)
        options.notdef_outline = True
        sub = subset.Subsetter(options)
        sub.populate(text="".join(sorted(chars)))
        sub.subset(font)
        buf = io.BytesIO()
        font.save(buf)
        data = base64.b64encode(buf.getvalue()).decode("ascii")
        rules.append(f'@font-face {{ font-family: "{family}"; font-weight: {weight}; '
                     f'src: url(data:font/otf;base64,{data}) format("opentype"); }}')
    if rules:
        defs = ET.Element(_q("defs"))
        style = ET.SubElement(defs, _q("style"), {"type": "text/css"})
        style.text = "\n".join(rules)
        root.insert(0, defs)
    return _serialise(root)


def _serialise(root: ET.Element) -> str:
    return ET.tostring(root, encoding="unicode", xml_declaration=True)


def finish_svg(svg: str, mode: str) -> str:
    if mode == "paths":
        return text_to_paths(svg)
    if mode == "font":
        return embed_font(svg)
    raise ValueError(f"--svg-text: {mode!r} is not one of {', '.join(MODES)}")
