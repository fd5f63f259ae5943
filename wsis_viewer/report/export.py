"""Write one picture of the timeline to a file, in the format its suffix names."""

from __future__ import annotations

from pathlib import Path

from wsis_viewer.qt.i18n import app_language
from wsis_viewer.report.render import render_png, write_pdf, write_svg
from wsis_viewer.report.scene import build_scene, headless_app
from wsis_viewer.report.view_spec import ViewSpec
from wsis_viewer.session.loaded_database import LoadedDatabase


def export_view(db: LoadedDatabase, spec: ViewSpec, out: Path, fmt: str, *,
                svg_text: str = "paths") -> None:
    """Write the picture in spec.lang: its translators are installed while it is drawn.
    `svg_text`: how an SVG carries its text ("paths" or "font", see svg_text)."""
    headless_app()
    with app_language(spec.lang):
        _export(db, spec, out, fmt, svg_text)


def _export(db: LoadedDatabase, spec: ViewSpec, out: Path, fmt: str, svg_text: str) -> None:
    scene = build_scene(db, spec)
    try:
        title = scene.view.windowTitle() or "WSIS timeline"
        if fmt == "png":
            image = render_png(scene.view, spec.width, spec.height, spec.scale)
            if not image.save(str(out), "PNG"):
                raise OSError(0, "the PNG writer failed", str(out))
        elif fmt == "svg":
            write_svg(scene.view, out, spec.width, spec.height, title, svg_text)
        else:
            write_pdf(scene.view, out, spec.width, spec.height, title)
    finally:
        scene.view.close()
        scene.view.deleteLater()
