"""Pictures of a ViewState: to a file in the format its suffix names, to an image, or painted
onto any painter (a printer). The window's File ▸ Export, Copy Image and Print and the headless
`wsis-viewer screenshot` all come through here, so one state gives one picture."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage, QPainter

from wsis_viewer.domain.view_state import ViewState
from wsis_viewer.qt.i18n import app_language, current_language
from wsis_viewer.report.render import render_png, settle, write_pdf, write_svg
from wsis_viewer.report.scene import Scene, build_scene, headless_app
from wsis_viewer.report.view_spec import RenderOptions, ViewSpec, options_of
from wsis_viewer.session.loaded_database import LoadedDatabase


@contextmanager
def _scene(db: LoadedDatabase, request: ViewSpec | ViewState,
           options: RenderOptions | None) -> Iterator[Scene]:
    headless_app()
    lang = request.lang
    # The picture's words (caption, legend) in its data language; a window already showing
    # that language keeps its translators (pseudo-localisation included).
    # Dates are worded while painting, so the language stays installed until the picture is
    # drawn.
    same = current_language() == lang or (lang == "en" and current_language() == "pseudo")
    with ExitStack() as stack:
        if not same:
            stack.enter_context(app_language(lang))
        scene = build_scene(db, request, options)
        try:
            yield scene
        finally:
            scene.view.close()
            scene.view.deleteLater()


def export_view(db: LoadedDatabase, request: ViewSpec | ViewState, out: Path, fmt: str,
                options: RenderOptions | None = None, *, svg_text: str = "paths") -> None:
    """Write the picture of `request` to `out` as png, svg or pdf. `svg_text`: how an SVG
    carries its text ("paths" or "font", see svg_text)."""
    if isinstance(request, ViewSpec):
        options = options or options_of(request)
    options = options or RenderOptions()
    with _scene(db, request, options) as scene:
        view = scene.view
        title = view.windowTitle() or "WSIS timeline"
        width, height = options.width, view.height()
        if fmt == "png":
            image = render_png(view, width, height, options.scale)
            if not image.save(str(out), "PNG"):  # type: ignore[call-overload]
                raise OSError(0, "the PNG writer failed", str(out))
        elif fmt == "svg":
            write_svg(view, out, width, height, title, svg_text)
        else:
            write_pdf(view, out, width, height, title)


def render_image(db: LoadedDatabase, state: ViewState, options: RenderOptions) -> QImage:
    with _scene(db, state, options) as scene:
        return render_png(scene.view, options.width, scene.view.height(), options.scale)


def paint_fitted(db: LoadedDatabase, state: ViewState, options: RenderOptions,
                 painter: QPainter, page: QRect) -> None:
    """The picture scaled to fit `page` (keeping its proportions) on any painter."""
    with _scene(db, state, options) as scene:
        view = scene.view
        settle(view)
        factor = min(page.width() / view.width(), page.height() / view.height())
        painter.save()
        try:
            painter.scale(factor, factor)
            view.render(painter, QPoint(0, 0))
        finally:
            painter.restore()
