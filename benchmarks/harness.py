"""Time the timeline on one synthetic database: load, first frame, frames, search, memory.

What is measured, honestly:
* load_s: opening as the window does (`ui.main_window.open_for_window`): `LoadedDatabase.open`
  (open_database + the timeline cache, or `Store.timeline_columns` +
  `TimelineIndex.from_columns` without one; parts in load_parts_s), with every value checked
  for a file of up to 20,000 events; a bigger file's values are checked after the first frame,
  in the background (check_values_s, timed separately). The window reads no whole Dataset.
  Nothing is indexed: search uses the FTS5 tables `build-db` (and `synthetic.generate`)
  write into the database. Generating the database is not timed.
  `timeline_source` says whether the timeline came from the database's precomputed cache
  (store/timeline_cache.py) or was computed from the rows (a database without a cache).
* cold_load_s: the same call first, right after evicting the file from the page cache
  (fsync + posix_fadvise DONTNEED; None where unavailable); load_s is the warm open after it.
* first_frame_s: set_data on a shown 1600×900 widget until its first synchronous repaint ends;
  open_to_first_frame_s = load_s + first_frame_s.
* search_ready_s: from the start of loading until search can answer; with the index in the
  database that is when loading and the first frame are done (no build remains).
* check_values_s: `LoadedDatabase.check_values` (the background check of a big file).
* list_records_s: `LoadedDatabase.list_records`, the lists' records the window reads at open
  (in the background above 20,000 events).
* around_ms / around_max_ms: `records_around` of one event (what a selection reads), median
  and slowest over 9 events spread over the timeline.
* dataset_s (only with `--dataset`, as it raises peak memory): reading the full Dataset
  (`Store.load`), which only the reports, the JSON export and the Events and Documents tables
  read now.
* frames: `viewport().repaint()` of the
  QGraphicsView, which paints synchronously into the offscreen backing store (every item:
  lanes, axes, overview is a separate widget and not included). Each frame first changes
  something:
  frame_full_ms  – whole period, the range nudged by ±0.1 % per frame (raster image rebuilt:
                   the range is part of its cache key);
  frame_month_ms – May 2013, the item's state bumped per frame (as a selection does). Drawn
                   as vectors (10k, 100k) everything is painted again; drawn as a raster
                   (1M: more than RASTER_THRESHOLD sessions in the month) the image is kept,
                   as nothing it shows changed, so this is then the cost of a selection, not
                   of a raster rebuild (frame_pan_ms is that);
  frame_pan_ms   – May 2013 panned by 2 % of the range per frame (axis and items recomputed,
                   raster image rebuilt).
  Each is the median of `frames` frames, plus the 95th percentile over all of them.
* search_ms / search_max_ms / search_slowest_query: the results list's query
  (`db.search.search(q, limit=50)`, ranked hits of every kind), median of 5 runs per query,
  then the median and the slowest over SEARCH_QUERIES.
* highlight_ms / highlight_max_ms: every matching event id for the timeline's highlight
  (`db.find(q)`), same method; a query matching every event returns every id.
* peak_rss_mb: the process's peak resident set size (VmHWM; see `peak_rss_mb`).
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import statistics
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Symbols three ways, numbers, words, a place, Chinese of two and more characters, a rare
# two-character word and a query that matches nothing (the slowest kinds of lookup).
SEARCH_QUERIES = ("C13/1", "C-13/1", "c13 1", "1334", "第22次", "council 2012", "wsis forum",
                  "resolution 10", "cwg-wsis/12", "Busan", "会议", "釜山", "zzzz nothing")


def peak_rss_mb() -> float:
    """This process's peak resident set size, in MB: VmHWM, which starts afresh at exec.

    Not getrusage's ru_maxrss: Linux carries it over an exec from the forked parent's pages,
    so a harness started right after generating a million-event database (1.9 GB in the
    parent) reported 1.9 GB of its own."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except (OSError, ValueError, IndexError):
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 2)


def drop_page_cache(path: Path) -> bool:
    """Ask the kernel to forget the file's cached pages (posix_fadvise DONTNEED after an
    fsync, so none is dirty); False where that is not available."""
    if not hasattr(os, "posix_fadvise"):
        return False
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    except OSError:
        return False
    finally:
        os.close(fd)
    return True


def run(path: Path | str, frames: int = 30, with_dataset: bool = False,
        use_cache: bool = True) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from wsis_viewer.domain.model import RecordType
    from wsis_viewer.domain.timeline_index import date_to_x
    from wsis_viewer.session.loaded_database import SYNC_DATASET_LIMIT, LoadedDatabase
    from wsis_viewer.timeline import TimelineWidget

    app = QApplication.instance() or QApplication([])
    cold_load_s = None
    # The file's pages evicted: what a first open after boot costs (files only, not servers).
    def open_as_the_window_does() -> Any:
        """ui.main_window.open_for_window: a big file's values are checked after the first
        frame, in the background (timed below as check_values_s)."""
        db = LoadedDatabase.open(path, use_cache=use_cache, check_values=False)
        if db.counts.get("events", 0) <= SYNC_DATASET_LIMIT:
            db.check_values()
        return db

    if isinstance(path, Path) and drop_page_cache(path):
        t0 = time.perf_counter()
        open_as_the_window_does().close()
        cold_load_s = time.perf_counter() - t0
    t0 = time.perf_counter()  # warm: the file's pages cached (by the cold open, or generating)
    db = open_as_the_window_does()
    load_s = time.perf_counter() - t0
    index = db.index

    widget = TimelineWidget()
    widget.resize(1600, 900)
    widget.show()
    app.processEvents()
    viewport = widget._plot.viewport()
    item = widget._item
    t = time.perf_counter()
    widget.set_data(index, {lane.id: lane.label_en for lane in db.lanes})
    viewport.repaint()
    first_frame_s = time.perf_counter() - t
    app.processEvents()
    # Search is answered by the database's own FTS5 index: nothing is built at start-up. A
    # team server's published index is fetched on a thread of its own (store/server_search.py)
    # while the first frame is drawn: ready once that is in.
    wait = getattr(db.search, "wait", None)
    if wait is not None:
        wait()
    search_ready_s = time.perf_counter() - t0
    # What the window reads next, in the background for a big file: every value checked,
    # the lists' records, and the records around a selection (median over 9 events).
    t = time.perf_counter()
    db.check_values()
    check_values_s = time.perf_counter() - t
    t = time.perf_counter()
    db.list_records()
    list_records_s = time.perf_counter() - t
    around = []
    for i in range(9):
        event_id = db.event_ids[(len(index) - 1) * i // 8] if len(index) else None
        if event_id is None:
            break
        t = time.perf_counter()
        db.records_around([(RecordType.EVENT, event_id)])
        around.append(time.perf_counter() - t)
    dataset_s = None
    if with_dataset:  # what the window's detail panel and status bar read (not lazily, yet)
        t = time.perf_counter()
        _ = db.dataset
        dataset_s = time.perf_counter() - t
    db.close()

    def frame(change: Any) -> float:
        before = item.paint_count
        t = time.perf_counter()
        change()
        viewport.repaint()
        elapsed = time.perf_counter() - t
        if item.paint_count == before:
            raise RuntimeError("repaint() did not paint the timeline item")
        return elapsed

    widget.fit_all()
    app.processEvents()
    full0, full1 = widget.view_range()
    span = full1 - full0
    full = [frame(lambda k=k: widget.set_view_range(full0 + (k % 2) * span * 1e-3, full1))
            for k in range(frames)]
    m0, m1 = date_to_x(dt.date(2013, 5, 1)), date_to_x(dt.date(2013, 6, 1))
    widget.set_view_range(m0, m1)
    app.processEvents()
    month = [frame(item.changed) for _ in range(frames)]
    step = (m1 - m0) * 0.02
    pan = [frame(lambda k=k: widget.set_view_range(m0 + k * step, m1 + k * step))
           for k in range(frames)]
    everything = sorted(full + month + pan)
    p95 = everything[min(len(everything) - 1, round(0.95 * (len(everything) - 1)))]

    search_samples = []  # the results list: ranked hits of every kind (50, as the dock asks)
    highlight_samples = []  # every matching event id, for the timeline's highlight
    for q in SEARCH_QUERIES:
        runs, highlight = [], []
        for _ in range(5):
            t = time.perf_counter()
            db.search.search(q, limit=50)
            runs.append(time.perf_counter() - t)
            t = time.perf_counter()
            db.find(q)
            highlight.append(time.perf_counter() - t)
        search_samples.append(statistics.median(runs))
        highlight_samples.append(statistics.median(highlight))
    widget.close()
    return {
        "events": len(index),
        "sessions": len(index.s_event),
        "load_s": round(load_s, 3),
        "timeline_source": db.timeline_source,
        "cold_load_s": None if cold_load_s is None else round(cold_load_s, 3),
        "open_to_first_frame_s": round(load_s + first_frame_s, 3),
        "load_parts_s": {k: round(v, 3) for k, v in db.timings.items()},
        "first_frame_s": round(first_frame_s, 3),
        "search_ready_s": round(search_ready_s, 3),
        "dataset_s": None if dataset_s is None else round(dataset_s, 3),
        "check_values_s": round(check_values_s, 3),
        "list_records_s": round(list_records_s, 3),
        "around_ms": _ms(around) if around else None,
        "around_max_ms": round(max(around) * 1000, 2) if around else None,
        "frame_full_ms": _ms(full),
        "frame_month_ms": _ms(month),
        "frame_pan_ms": _ms(pan),
        "frame_p95_ms": round(p95 * 1000, 2),
        "search_ms": _ms(search_samples),
        "search_max_ms": round(max(search_samples) * 1000, 2),
        "search_slowest_query": SEARCH_QUERIES[search_samples.index(max(search_samples))],
        "highlight_ms": _ms(highlight_samples),
        "highlight_max_ms": round(max(highlight_samples) * 1000, 2),
        "peak_rss_mb": peak_rss_mb(),
        "frames_per_case": frames,
    }
