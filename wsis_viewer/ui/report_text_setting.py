"""Where the window finds the report's text: `--report-text FILE`, else the saved setting.

With the text, every Source page shows its paragraph whole with the quoted words highlighted;
without it, a link to the official document. The user can also choose the file from a Source
page ("Choose the report's text file…"); that choice is saved for the next run. A `--report-text`
given on the command line applies to this run only (like `--lang`) and is not saved.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from wsis_viewer.domain.report_text import ReportText, ReportTextError, load_report_text
from wsis_viewer.ui.detail_view import DetailView
from wsis_viewer.ui.settings import ViewerSettings


def resolve_report_text(cli_path: str | None,
                        settings: ViewerSettings) -> tuple[ReportText | None, str | None]:
    """(the loaded text or None, an error line to show or None).

    A file named on the command line that cannot be read is an error the user should see; a
    saved one that has since moved is dropped quietly from the settings.
    """
    if cli_path:
        try:
            return load_report_text(Path(cli_path)), None
        except ReportTextError as exc:
            return None, str(exc)
    saved = settings.report_text_path()
    if saved:
        try:
            return load_report_text(Path(saved)), None
        except ReportTextError:
            settings.set_report_text_path(None)
    return None, None


def install_report_text(detail: DetailView, settings: ViewerSettings,
                        cli_path: str | None) -> str | None:
    """Give `detail` the report's text and remember the user's later choices.

    Returns an error line when `cli_path` could not be used (the caller shows it).
    """
    report, error = resolve_report_text(cli_path, settings)
    detail.set_report_text(report)
    detail.reportTextChosen.connect(settings.set_report_text_path)
    if error is None:
        return None
    return QCoreApplication.translate("App", "Cannot use the report's text: %1").replace(
        "%1", error)
