"""What a search matching most of a big database costs the GUI thread, before and after the
matches were mapped to timeline positions in the search's thread (session/matches.py).

    python -m benchmarks.search_matches DB [--query meeting] [--runs 3]

Both sides start from the ids the search found (`db.find`, run in a thread in the window, not
counted as GUI time). "before" restates, step by step, what the window did with them on the GUI
thread until this change: `positions_of` for the match list (`_set_matches`), a frozenset of the
ids for the highlight (`emphasis_for`), `positions_of` again for the timeline's mask
(`TimelineWidget._refresh_emphasis`) and the hidden-by-filters count as a Python loop
(`SearchMatches.hidden_count`). "after" runs today's code: `find_matches` in the thread, then on
the GUI thread what `_on_events_found` and the redraw do. Medians of `--runs`, in ms; the id
look-up's sorted key array is built once beforehand (both sides had it cached after the first
search).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from wsis_viewer.domain.model import Dataset
from wsis_viewer.domain.relations import Relations
from wsis_viewer.domain.view_state import ViewState, emphasis_for, shown_mask
from wsis_viewer.session.loaded_database import LoadedDatabase
from wsis_viewer.session.matches import SearchMatches, find_matches


def _median_ms(fn: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t)
    return round(statistics.median(samples) * 1000, 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", type=Path)
    ap.add_argument("--query", default="meeting")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    db = LoadedDatabase.open(args.db)
    index = db.index
    state = ViewState(search=args.query)
    relations = Relations(Dataset())
    shown = shown_mask(index, state)
    t = time.perf_counter()
    ids = db.find(args.query)
    find_s = time.perf_counter() - t
    index.positions_of(ids[:1])  # the sorted key array, once (cached by both versions)

    def before() -> None:
        positions = index.positions_of(ids)
        matches = SearchMatches(args.query, tuple(ids),
                                tuple(np.sort(positions[positions >= 0]).tolist()))
        emphasis = emphasis_for(state, relations, matches.ids)
        assert emphasis.highlight is not None
        mask = np.zeros(len(index), dtype=bool)
        hits = index.positions_of(list(emphasis.highlight))
        mask[hits[hits >= 0]] = True
        sum(1 for p in matches.positions if not shown[p])

    found: list[SearchMatches] = []

    def in_thread() -> None:
        found.append(find_matches(db, args.query))

    def after() -> None:
        matches = found[-1]
        emphasis = emphasis_for(state, relations, matches.id_set)
        assert emphasis.highlight is not None
        mask = np.zeros(len(index), dtype=bool)
        hits = index.positions_of_set(emphasis.highlight)
        mask[hits[hits >= 0]] = True
        matches.hidden_count(shown)

    before_ms = _median_ms(before, args.runs)
    thread_ms = _median_ms(in_thread, args.runs)
    after_ms = _median_ms(after, args.runs)
    print(f"{len(index)} events, query {args.query!r}: {len(ids)} matching events "
          f"(db.find {find_s * 1000:.0f} ms, in a thread)")
    print(f"GUI thread, before: {before_ms} ms")
    print(f"GUI thread, after:  {after_ms} ms "
          f"(the search's thread: find + mapping {thread_ms} ms)")
    db.close()


if __name__ == "__main__":
    main()
