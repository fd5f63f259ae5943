"""Two partial reads of one database, as one Dataset.

The window reads records as it needs them (the lists' records at open, the records around each
selection afterwards) and keeps what it has read; a record read twice is the same record. The
result keeps the order a whole read gives (`Store.load`): events by start then id, every other
kind by its id, because `Relations` takes the first connector it meets in that order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import fields
from typing import Any, TypeVar

from wsis_viewer.domain.model import Dataset

T = TypeVar("T")


def _merged(a: tuple[T, ...], b: Iterable[T], key: Callable[[T], Any],
            order: Callable[[T], Any]) -> tuple[T, ...]:
    """`a` itself when `b` adds nothing (the window reads the same neighbours again and
    again); else both, in `order`."""
    by_key = {key(x): x for x in a}
    added = False
    for x in b:
        if key(x) not in by_key:
            by_key[key(x)] = x
            added = True
    return tuple(sorted(by_key.values(), key=order)) if added else a


def union(a: Dataset, b: Dataset) -> Dataset:
    """The records of `a` and `b` (by id), in a whole read's order."""
    if not any((b.events, b.documents, b.resolutions, b.recommendations, b.people,
                b.contributors, b.topics, b.figures)):
        return a

    def by_id(x: Any) -> str:
        return str(x.id)

    merged = Dataset(
        events=_merged(a.events, b.events, by_id, lambda e: (e.start.isoformat(), e.id)),
        documents=_merged(a.documents, b.documents, lambda d: d.symbol, lambda d: d.symbol),
        resolutions=_merged(a.resolutions, b.resolutions, by_id, by_id),
        recommendations=_merged(a.recommendations, b.recommendations, by_id, by_id),
        people=_merged(a.people, b.people, by_id, by_id),
        contributors=_merged(a.contributors, b.contributors, by_id, by_id),
        topics=_merged(a.topics, b.topics, by_id, by_id),
        figures=_merged(a.figures, b.figures, by_id, by_id))
    # Nothing new: `a` itself, so the caller can tell (and keep its indexes over `a`).
    unchanged = all(getattr(merged, f.name) is getattr(a, f.name) for f in fields(Dataset))
    return a if unchanged else merged
