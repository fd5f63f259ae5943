"""Draw the application icon: three coloured bars on three lanes, i.e. a tiny timeline.

Writes, under packaging/icons/:
  hicolor/<N>x<N>/apps/wsis-viewer.png   N = 16, 32, 48, 64, 128, 256 (Linux icon theme sizes)
  hicolor/scalable/apps/wsis-viewer.svg
  wsis-viewer.ico    Windows (PNG-compressed entries, 16-256 px)
  wsis-viewer.icns   macOS (PNG-compressed entries, 16-1024 px)
and resources/icons/wsis-viewer-<N>.png (the same PNGs): the window icon the app sets at
start-up (wsis_viewer/qt/app_icon.py), so X11 gets _NET_WM_ICON even when the icon theme
has no entry for the app (tar.gz, wheel, a source checkout).

One list of shapes drives both the SVG text and the QPainter raster, so the sizes cannot drift
apart. The outputs are committed; run this again only when the design changes:

    QT_QPA_PLATFORM=offscreen python packaging/make_icons.py
"""

from __future__ import annotations

import os
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

OUT = Path(__file__).resolve().parent / "icons"
RUNTIME_ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
NAME = "wsis-viewer"
VIEW = 256  # design grid; every coordinate below is in these units
PNG_SIZES = (16, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns type codes with PNG payloads (the modern, PNG-only variants).
ICNS_TYPES = (("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256),
              ("ic09", 512), ("ic10", 1024), ("ic11", 32), ("ic12", 64), ("ic13", 256),
              ("ic14", 512))


@dataclass(frozen=True)
class Shape:
    x: float
    y: float
    w: float
    h: float
    radius: float
    fill: str
    opacity: float = 1.0


# Slate tile; three faint lanes; one bar per lane in the app's Okabe-Ito lane colours (blue,
# orange, bluish green), offset like events on a timeline. Bars are 36 units tall so they stay
# over two pixels high at 16 px.
SHAPES = (
    Shape(16, 16, 224, 224, 44, "#1E293B"),
    Shape(32, 54, 192, 44, 10, "#FFFFFF", 0.08),
    Shape(32, 106, 192, 44, 10, "#FFFFFF", 0.08),
    Shape(32, 158, 192, 44, 10, "#FFFFFF", 0.08),
    Shape(40, 58, 112, 36, 10, "#0072B2"),
    Shape(100, 110, 116, 36, 10, "#E69F00"),
    Shape(58, 162, 136, 36, 10, "#009E73"),
)


def svg_text() -> str:
    rects = []
    for s in SHAPES:
        opacity = f' fill-opacity="{s.opacity:g}"' if s.opacity < 1 else ""
        rects.append(f'  <rect x="{s.x:g}" y="{s.y:g}" width="{s.w:g}" height="{s.h:g}" '
                     f'rx="{s.radius:g}" fill="{s.fill}"{opacity}/>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{VIEW}" height="{VIEW}" '
            f'viewBox="0 0 {VIEW} {VIEW}">\n'
            "  <title>WSIS Timeline Viewer</title>\n" + "\n".join(rects) + "\n</svg>\n")


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / VIEW, size / VIEW)
    painter.setPen(Qt.PenStyle.NoPen)
    for s in SHAPES:
        colour = QColor(s.fill)
        colour.setAlphaF(s.opacity)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(s.x, s.y, s.w, s.h), s.radius, s.radius)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("PNG encoding failed")
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An ICO of PNG entries (read by Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in images.items():
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def icns_bytes(images: dict[int, bytes]) -> bytes:
    body = b"".join(code.encode() + struct.pack(">I", 8 + len(images[size])) + images[size]
                    for code, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *(s for _, s in ICNS_TYPES)})
    pngs = {size: png_bytes(render(size)) for size in sizes}
    for size in PNG_SIZES:
        path = OUT / "hicolor" / f"{size}x{size}" / "apps" / f"{NAME}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pngs[size])
        RUNTIME_ICONS.mkdir(parents=True, exist_ok=True)
        (RUNTIME_ICONS / f"{NAME}-{size}.png").write_bytes(pngs[size])
    svg = OUT / "hicolor" / "scalable" / "apps" / f"{NAME}.svg"
    svg.parent.mkdir(parents=True, exist_ok=True)
    svg.write_text(svg_text(), encoding="utf-8")
    (OUT / f"{NAME}.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (OUT / f"{NAME}.icns").write_bytes(icns_bytes(pngs))
    print(f"wrote icons under {OUT}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
