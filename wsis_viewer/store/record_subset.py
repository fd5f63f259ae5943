"""Which records to read: `Store.load(only=RecordSubset(...))` reads just these.

The window never reads a whole big database at start-up; it reads the records around what the
user looks at (`session/records_around.py`). A subset names, per kind of record, the ids wanted
(or every record of that kind); the store turns it into `WHERE key IN (…)` clauses.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import ColumnElement, true

from wsis_viewer.domain.model import Dataset, RecordType

# More ids than this in one IN list would pass SQLite's limit on bound parameters (32,766):
# above it, the query reads the table's rows and `filter` keeps the wanted ones (slower, right).
IN_LIMIT = 20_000


@dataclass(frozen=True)
class RecordSubset:
    """Ids per kind: a frozenset of the wanted ids, or None for every record of that kind.
    A kind left out is not read at all."""

    ids: Mapping[RecordType, frozenset[str] | None] = field(default_factory=dict)

    @classmethod
    def of(cls, refs: Iterable[tuple[RecordType, str]],
           whole: Iterable[RecordType] = ()) -> RecordSubset:
        wanted: dict[RecordType, frozenset[str] | None] = {}
        by_kind: dict[RecordType, set[str]] = {}
        for kind, rid in refs:
            by_kind.setdefault(kind, set()).add(rid)
        wanted.update({kind: frozenset(v) for kind, v in by_kind.items()})
        wanted.update({kind: None for kind in whole})
        return cls(wanted)

    def union(self, other: RecordSubset) -> RecordSubset:
        merged: dict[RecordType, frozenset[str] | None] = dict(self.ids)
        for kind, ids in other.ids.items():
            mine = merged.get(kind, frozenset())
            merged[kind] = None if ids is None or mine is None else mine | ids
        return replace(self, ids=merged)

    def has(self, kind: RecordType, rid: str) -> bool:
        wanted = self.ids.get(kind, frozenset())
        return wanted is None or rid in wanted

    def whole_types(self) -> list[RecordType]:
        return [kind for kind, ids in self.ids.items() if ids is None]

    # --- SQL -------------------------------------------------------------------------------

    def where(self, stmt: Any, column: Any, kind: RecordType) -> Any:
        """`stmt` limited to the rows whose `column` holds a wanted id of `kind`."""
        wanted = self.ids.get(kind, frozenset())
        if wanted is None or len(wanted) > IN_LIMIT:
            return stmt
        return stmt.where(column.in_(sorted(wanted)))

    def any_id_condition(self, column: Any) -> ColumnElement[bool]:
        """`column` is any wanted id, of any kind (for the tables keyed by record type + id)."""
        every: set[str] = set()
        for ids in self.ids.values():
            every |= ids or set()
        if len(every) > IN_LIMIT:
            return true()
        result: ColumnElement[bool] = column.in_(sorted(every))
        return result

    # --- after reading ---------------------------------------------------------------------

    def filter(self, ds: Dataset) -> Dataset:
        """`ds` without the records this subset does not want (what IN_LIMIT let through)."""
        def keep(kind: RecordType, rid: str) -> bool:
            return self.has(kind, rid)

        return Dataset(
            events=tuple(e for e in ds.events if keep(RecordType.EVENT, e.id)),
            documents=tuple(d for d in ds.documents if keep(RecordType.DOCUMENT, d.symbol)),
            resolutions=tuple(r for r in ds.resolutions if keep(RecordType.RESOLUTION, r.id)),
            recommendations=tuple(m for m in ds.recommendations
                                  if keep(RecordType.RECOMMENDATION, m.id)),
            people=tuple(p for p in ds.people if keep(RecordType.PERSON, p.id)),
            contributors=tuple(c for c in ds.contributors
                               if keep(RecordType.CONTRIBUTOR, c.id)),
            topics=tuple(t for t in ds.topics if keep(RecordType.TOPIC, t.id)),
            figures=tuple(f for f in ds.figures if keep(RecordType.FIGURE, f.id)))
