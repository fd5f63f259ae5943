"""python -m benchmarks.notes_search [--notes N [N ...]] [--db postgresql://…] [--json]

Times the notes part of the main search (`Workspace.search_notes`, a LIKE / ILIKE scan; see
docs/search.md) on N synthetic notes of about 200 characters, English and Chinese mixed, in a
fresh local workspace file — or, with --db, on a team server's workspace (prepared with
`wsis-viewer admin init`; use a throwaway server: the notes are added as the URL's user and
deleted again at the end). Prints the median and slowest of 7 runs per query, in ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import delete

from wsis_viewer.store import workspace_schema as ws
from wsis_viewer.store.workspace import Workspace, open_workspace

WORDS = ("budget", "addendum", "council", "meeting", "resolution", "1334", "Geneva", "review",
         "outcome", "report", "会议", "补遗", "文件", "第二部分", "理事会", "决议", "审查", "成果")
QUERIES = ("补遗", "会", "budget council", "WG-WSIS-22/43", "zzz-no-such-text")
UID_PREFIX = "bnch"  # the notes this benchmark adds (and deletes on a server)


def _fill(w: Workspace, n: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    now = dt.datetime.now(dt.UTC)
    rows = []
    for i in range(n):
        text = " ".join(rng.choice(WORDS) for _ in range(30))[:200]
        uid = str(uuid.UUID(int=rng.getrandbits(128)))
        row = {"uid": UID_PREFIX + uid[len(UID_PREFIX):],  # 36 characters, as the column
               "record_id": f"ev-{i % 500}", "text": text, "created": now}
        if not w.server:  # on a server the author is current_user, filled in by the server
            row["author"] = w.user
        rows.append(row)
    with w.engine.begin() as conn:
        conn.execute(ws.notes.insert(), rows)


def _time(w: Workspace, query: str, runs: int = 7) -> tuple[float, float, int]:
    times, found = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        found = len(w.search_notes(query))
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), max(times), found


def measure(n: int, url: str | None) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        w = open_workspace(url or Path(tmp) / "workspace.sqlite")
        try:
            _fill(w, n)
            per_query = {q: _time(w, q) for q in QUERIES}
        finally:
            if w.server:
                with w.engine.begin() as conn:
                    conn.execute(delete(ws.notes).where(ws.notes.c.uid.like(f"{UID_PREFIX}%")))
            w.close()
    medians = [m for m, _x, _f in per_query.values()]
    return {"notes": n, "store": "server" if url else "local file",
            "median_ms": round(statistics.median(medians), 1),
            "slowest_ms": round(max(x for _m, x, _f in per_query.values()), 1),
            "queries": {q: {"median_ms": round(m, 1), "max_ms": round(x, 1), "hits": f}
                        for q, (m, x, f) in per_query.items()}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.notes_search", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--notes", type=int, nargs="+", default=[2_000, 20_000])
    ap.add_argument("--db", metavar="URL", help="a team server (postgresql://…) instead of a "
                    "local workspace file")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(argv)
    results = [measure(n, args.db) for n in args.notes]
    if args.json:
        print(json.dumps({"results": results}, ensure_ascii=False))
        return 0
    for r in results:
        print(f"--- {r['notes']} notes, {r['store']}: median of the queries' medians "
              f"{r['median_ms']} ms, slowest run {r['slowest_ms']} ms")
        queries = r["queries"]
        assert isinstance(queries, dict)
        for q, v in queries.items():
            print(f"{q:>20}: {v['median_ms']:>7} ms median, {v['max_ms']:>7} ms max, "
                  f"{v['hits']} hits")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
