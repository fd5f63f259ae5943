"""The records around one record: what its panel, its chain and its links need, read by key
instead of reading the whole database.

Which records (the same rules as `domain.relations.Relations`, which the tests hold this to
for every record of the bundled database):

1. the record itself;
2. every record it links to, and every record linking to it (its panel lists both); for a
   person, the meetings of the body they served (`meetings_served_kind`);
3. the records that the documents, recommendations and resolutions found in 2 link to: a
   chain runs through them (a recommendation's meeting to the session that adopted the
   resolution; a document's meeting to where it was considered; a resolution's steps).

A few small queries on indexed keys for a local file; the window reads them for each new
selection, in the background for a big database.
"""

from __future__ import annotations

from collections.abc import Iterable

from wsis_viewer.domain.model import Dataset, RecordType
from wsis_viewer.domain.relations import meetings_served_kind
from wsis_viewer.store.database import Store
from wsis_viewer.store.record_links import Ref, events_of_kind, referrers
from wsis_viewer.store.record_subset import RecordSubset

ev, doc, res, rec = (RecordType.EVENT, RecordType.DOCUMENT, RecordType.RESOLUTION,
                     RecordType.RECOMMENDATION)
# The kinds whose own links a chain follows one step further (rule 3).
_CHAIN_KINDS = (doc, rec, res)


def links_from(ds: Dataset, kinds: Iterable[RecordType] = tuple(RecordType)) -> set[Ref]:
    """Every record the records of `ds` (of `kinds`) link to, from their own fields."""
    kinds = set(kinds)
    out: set[Ref] = set()
    if ev in kinds:
        for e in ds.events:
            out |= {(doc, x) for x in e.documents} | {(res, x) for x in e.resolutions}
    if doc in kinds:
        for d in ds.documents:
            out |= {(ev, x) for x in ([d.event] if d.event else [])}
            out |= {(ev, c.event) for c in d.considered_at}
    if res in kinds:
        for r in ds.resolutions:
            out |= {(ev, st.event) for st in r.history if st.event}
            out |= {(doc, st.document) for st in r.history if st.document}
    if rec in kinds:
        for m in ds.recommendations:
            out |= {(ev, m.event)} if m.event else set()
            out |= ({(res, x) for x in m.links.resolutions} | {(ev, x) for x in m.links.events}
                    | {(doc, x) for x in m.links.documents})
    if RecordType.TOPIC in kinds:
        for t in ds.topics:
            out |= {(ev, x) for x in t.events}
    if RecordType.FIGURE in kinds:
        for f in ds.figures:
            out |= {(ev, f.event)} if f.event else set()
    return out


def records_around(store: Store, refs: Iterable[Ref]) -> Dataset:
    """The records around each of `refs` (rules 1–3 above)."""
    refs = set(refs)
    if not refs:
        return Dataset()
    itself = store.load(RecordSubset.of(refs))
    served = {kind for p in itself.people if (kind := meetings_served_kind(p))}
    with store.engine.connect() as conn:
        near = (refs | links_from(itself) | referrers(conn, refs)
                | events_of_kind(conn, served))
    step = store.load(RecordSubset.of(near - refs))
    further = links_from(step, _CHAIN_KINDS) - near
    return store.load(RecordSubset.of(near | further))
