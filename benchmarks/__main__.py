"""python -m benchmarks --events N [N ...] [--json] [--keep DB] [--frames K] [--dataset]
                     [--db postgresql://…] [--without-cache] [--ignore-cache] [--no-startup]

Generates a synthetic database per size (not timed), then times the timeline on it (see
benchmarks/harness.py). Each size runs in a fresh process so peak memory is per size.

With --db URL the synthetic database is first published to that team server (as a new current
version; the URL's role needs wsis_curator; not timed), and everything is then timed reading
from the server: load_s includes copying the current version from the server.
`--without-cache` generates the databases without the precomputed timeline columns (as an
older build-db did), `--ignore-cache` opens them as if they had none, to compare. Unless
`--no-startup`, it also times the bundled database from process start to the first painted
frame of the real window (benchmarks/startup.py).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.startup import measure as measure_startup
from benchmarks.synthetic import generate

KEYS = ("open_to_first_frame_s", "load_s", "cold_load_s", "timeline_source", "first_frame_s",
        "search_ready_s", "check_values_s", "list_records_s", "around_ms", "around_max_ms",
        "dataset_s", "frame_full_ms", "frame_month_ms", "frame_pan_ms",
        "frame_p95_ms", "search_ms", "search_max_ms",
        "search_slowest_query", "highlight_ms", "highlight_max_ms", "peak_rss_mb")


def _publish(db: Path, url: str) -> None:
    from wsis_viewer.store.server_dataset import publish_database_file
    from wsis_viewer.store.urls import display_url

    t = time.perf_counter()
    publish_database_file(db, url)
    print(f"published to {display_url(url)} in {time.perf_counter() - t:.1f} s",
          file=sys.stderr)


def _one(n: int, keep: Path | None, frames: int, dataset: bool, server: str | None = None,
         with_cache: bool = True, ignore_cache: bool = False) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        db = keep if keep is not None else Path(tmp) / f"synthetic-{n}.sqlite"
        if not db.exists():
            t = time.perf_counter()
            generate(db, n, with_timeline_cache=with_cache)
            print(f"generated {n} events in {time.perf_counter() - t:.1f} s: {db}",
                  file=sys.stderr)
        if server:
            _publish(db, server)
        out = subprocess.run(
            [sys.executable, "-c",
             "import json, sys; from pathlib import Path; from benchmarks.harness import run; "
             "t = sys.argv[1]; t = t if '://' in t else Path(t); "
             "print(json.dumps(run(t, int(sys.argv[2]), sys.argv[3] == '1', "
             "sys.argv[4] == '0')))",
             server or str(db), str(frames), "1" if dataset else "0",
             "1" if ignore_cache else "0"],
            check=True, capture_output=True, text=True)
        return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, nargs="+", default=[100_000])
    ap.add_argument("--json", action="store_true", help="print exactly one JSON object")
    ap.add_argument("--keep", type=Path, help="keep (or reuse) the database at this path "
                    "(one size only)")
    ap.add_argument("--frames", type=int, default=30, help="frames per measured case (≥30)")
    ap.add_argument("--dataset", action="store_true", help="also time reading the full "
                    "Dataset (Store.load; raises peak memory)")
    ap.add_argument("--db", metavar="URL", help="publish each synthetic database to this "
                    "team server and time reading from it (postgresql://…)")
    ap.add_argument("--without-cache", action="store_true", help="generate the databases "
                    "without the precomputed timeline columns (as an older build-db did)")
    ap.add_argument("--ignore-cache", action="store_true", help="open without the "
                    "database's timeline cache (computed from the rows, as before it existed)")
    ap.add_argument("--no-startup", action="store_true", help="skip timing the bundled "
                    "database from process start to the real window's first frame")
    args = ap.parse_args(argv)
    if args.keep and len(args.events) != 1:
        ap.error("--keep works with one --events size")
    results = [_one(n, args.keep, max(30, args.frames), args.dataset, args.db,
                    not args.without_cache, args.ignore_cache) for n in args.events]
    startup = None if args.no_startup else round(measure_startup(), 3)
    if args.json:
        machine = "offscreen (QT_QPA_PLATFORM=offscreen), 1600x900" + (
            ", from a PostgreSQL server" if args.db else "")
        # One size: its metrics at the top level (load_s, frame_full_ms, …), so scripts can
        # compare runs with `jq .load_s`; several sizes: a list under "results".
        if len(results) == 1:
            print(json.dumps({**results[0], "bundled_start_to_frame_s": startup,
                              "machine": machine}))
        else:
            print(json.dumps({"machine": machine, "bundled_start_to_frame_s": startup,
                              "results": results}))
        return 0
    for r in results:
        print(f"--- {r['events']} events ({r['sessions']} sessions)")
        for k in KEYS:
            print(f"{k:>21}: {r[k]}")
        print(f"{'load parts':>21}: {r['load_parts_s']}")
    if startup is not None:
        print(f"--- bundled database, process start → first painted frame: {startup} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
