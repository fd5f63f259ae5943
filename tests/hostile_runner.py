"""Run the commands or the window on every case of a hostile corpus, in one process.

    python tests/hostile_runner.py cli|window CASES.json OUT_DIR RESULTS.jsonl [SECONDS]

One process for all cases (starting Qt per case would cost minutes), but every run is bounded:
faulthandler kills the process after SECONDS, and a "start" line written before each run tells
the parent test which case hung or crashed. Each finished run appends one JSON line: exit code,
stdout, stderr, seconds, any exception that escaped (a traceback is a failure), and for the
window what it showed.
"""

from __future__ import annotations

import contextlib
import faulthandler
import io
import json
import os
import sys
import time
import traceback
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SOURCE_DATE_EPOCH", "1400000000")

# What an interpreted payload would leave as a fragment of its own (see hostile_corpus).
INTERPRETED = {"PWN", "Official ITU source", "BIG"}


def _emit(out: io.TextIOBase, **record: Any) -> None:
    out.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.flush()


def run_cli(cases: list[dict[str, str]], out_dir: Path, results: io.TextIOBase,
            seconds: float) -> None:
    from wsis_viewer.cli import main

    for case in cases:
        name, target = case["name"], case["target"]
        commands = {
            "export": ["export", "--db", target, "-o", str(out_dir / f"{name}.json")],
            "screenshot": ["screenshot", str(out_dir / f"{name}.png"), "--db", target,
                           "--select", "cwg-21", "--details", "--search", "<b>PWN</b>"],
            "report": ["report", str(out_dir / f"{name}.pdf"), "--db", target],
        }
        for command, argv in commands.items():
            _emit(results, event="start", case=name, command=command)
            stdout, stderr = io.StringIO(), io.StringIO()
            escaped = None
            t0 = time.perf_counter()
            faulthandler.dump_traceback_later(seconds, exit=True)
            try:
                with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
                    rc: int | None = main(argv)
            except SystemExit as exc:
                rc = exc.code if isinstance(exc.code, int) else 2
            except BaseException:
                rc, escaped = None, traceback.format_exc()
            finally:
                faulthandler.cancel_dump_traceback_later()
            _emit(results, event="done", case=name, command=command, rc=rc,
                  stdout=stdout.getvalue(), stderr=stderr.getvalue(), exception=escaped,
                  seconds=round(time.perf_counter() - t0, 3))


def _interpreted_fragments(html: str) -> list[str]:
    """Fragments of `html` (as Qt renders it) that show a payload as markup: an image, or an
    element whose whole text is a payload's inner text."""
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(html)
    found = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid():
                fmt = fragment.charFormat()
                if fmt.isImageFormat():
                    found.append(f"image {fmt.toImageFormat().name()}")
                elif fragment.text().strip() in INTERPRETED:
                    found.append(f"markup {fragment.text().strip()!r}")
            it += 1
        block = block.next()
    return found


def _collect(errors: list[str]) -> Any:
    """An excepthook that records what escaped a Qt slot (PySide prints and goes on)."""
    return lambda *exc: errors.append("".join(traceback.format_exception(*exc)))


def run_window(cases: list[dict[str, str]], out_dir: Path, results: io.TextIOBase,
               seconds: float) -> None:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

    from wsis_viewer.domain.model import RecordType
    from wsis_viewer.domain.relations import RecordRef
    from wsis_viewer.ui.app import create_app, start_window
    from wsis_viewer.ui.settings import ViewerSettings

    app = create_app(["wsis-viewer"])
    shown: list[str] = []

    def record(_parent: object, title: str, text: str, *_args: object) -> object:
        shown.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Ok

    QMessageBox.warning = staticmethod(record)  # type: ignore[method-assign]
    QMessageBox.critical = staticmethod(record)  # type: ignore[method-assign]
    for case in cases:
        name, target = case["name"], case["target"]
        _emit(results, event="start", case=name, command="window")
        shown.clear()
        escaped = None
        problems: list[str] = []
        t0 = time.perf_counter()
        faulthandler.dump_traceback_later(seconds, exit=True)
        errors: list[str] = []
        old_hook = sys.excepthook
        sys.excepthook = _collect(errors)
        opened = False
        try:
            ini = out_dir / f"{name}.ini"
            settings = ViewerSettings(QSettings(str(ini), QSettings.Format.IniFormat))
            window = start_window(target, "en", settings)
            window.resize(1400, 900)
            window.show()
            app.processEvents()
            window.grab()
            db = window.db
            opened = db is not None and Path(db.path) == Path(target) if "://" not in target \
                else False
            for label in window.findChildren(QLabel):
                text = label.text()
                if label.textFormat() != Qt.TextFormat.PlainText and ("<" in text):
                    problems.append(f"label {label.objectName()!r} shows {text[:80]!r} "
                                    "as rich text")
            if opened:
                rel = window.relations
                kinds = {RecordType.EVENT: rel.events, RecordType.DOCUMENT: rel.documents,
                         RecordType.RESOLUTION: rel.resolutions,
                         RecordType.RECOMMENDATION: rel.recommendations,
                         RecordType.PERSON: rel.people, RecordType.CONTRIBUTOR: rel.contributors,
                         RecordType.TOPIC: rel.topics, RecordType.FIGURE: rel.figures}
                for kind, records in kinds.items():
                    for rid in list(records)[:50]:
                        window.select_record(RecordRef(kind, rid))
                        app.processEvents()
                        html = window.detail.browser.toHtml()
                        if len(html) > 2_000_000:
                            problems.append(f"{kind.value} {rid}: a panel of {len(html)} chars")
                        problems += [f"{kind.value} {rid}: {p}"
                                     for p in _interpreted_fragments(html)]
                        if kind is RecordType.EVENT:
                            problems += [f"tooltip {rid}: {p}" for p in
                                         _interpreted_fragments(window._tooltip(rid))]
                window.grab()
            for message in shown:  # message boxes take rich text: nothing may be markup
                problems += [f"message: {p}" for p in _interpreted_fragments(message)]
            window.close()
            window.deleteLater()
            app.processEvents()
        except BaseException:
            escaped = traceback.format_exc()
        finally:
            faulthandler.cancel_dump_traceback_later()
            sys.excepthook = old_hook
        _emit(results, event="done", case=name, command="window", rc=0 if escaped is None
              else None, opened=opened, messages=list(shown), problems=problems,
              exception=escaped or ("\n".join(errors) if errors else None),
              seconds=round(time.perf_counter() - t0, 3))
    QApplication.processEvents()


def main() -> None:
    mode, cases_file, out_dir, results_file = sys.argv[1:5]
    seconds = float(sys.argv[5]) if len(sys.argv) > 5 else 60.0
    cases = json.loads(Path(cases_file).read_text(encoding="utf-8"))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with open(results_file, "a", encoding="utf-8") as results:
        (run_cli if mode == "cli" else run_window)(cases, out, results, seconds)


if __name__ == "__main__":
    main()
