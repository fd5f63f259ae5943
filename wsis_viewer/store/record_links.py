"""Which records refer to given records: the back-links, read by SQL instead of by reading
every record (`domain.relations.Relations._index_back_links` says the same from a Dataset).

A record's own links are in its row and link tables, so reading the record gives them; the
records pointing *at* it are found here, table by table.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from wsis_viewer.domain.model import RecordType
from wsis_viewer.store import schema as s
from wsis_viewer.store.record_subset import IN_LIMIT

Ref = tuple[RecordType, str]


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for i in range(0, len(ids), IN_LIMIT):
        yield ids[i:i + IN_LIMIT]


def _ids(conn: Connection, kind: RecordType, column: Any, key: Any, wanted: list[str],
         *extra: Any) -> set[Ref]:
    """(kind, value of `column`) for the rows whose `key` is one of `wanted`."""
    found: set[Ref] = set()
    for chunk in _chunks(wanted):
        stmt = select(column).where(key.in_(chunk), *extra)
        found |= {(kind, value) for value in conn.execute(stmt).scalars() if value}
    return found


def referrers(conn: Connection, refs: Iterable[Ref]) -> set[Ref]:
    """Every record that links to one of `refs` (the rules of Relations' back-links)."""
    ev, doc, res = RecordType.EVENT, RecordType.DOCUMENT, RecordType.RESOLUTION
    rec = RecordType.RECOMMENDATION
    wanted: dict[RecordType, list[str]] = {}
    for kind, rid in refs:
        wanted.setdefault(kind, []).append(rid)
    found: set[Ref] = set()
    links = s.RecommendationLinkRow
    if events := sorted(set(wanted.get(ev, []))):
        found |= _ids(conn, doc, s.DocumentRow.symbol, s.DocumentRow.event_id, events)
        found |= _ids(conn, doc, s.ConsiderationRow.document_symbol,
                      s.ConsiderationRow.event_id, events)
        found |= _ids(conn, res, s.ResolutionStepRow.resolution_id,
                      s.ResolutionStepRow.event_id, events)
        found |= _ids(conn, rec, s.RecommendationRow.id, s.RecommendationRow.event_id, events)
        found |= _ids(conn, rec, links.recommendation_id, links.target_id, events,
                      links.target_type == "event")
        found |= _ids(conn, RecordType.TOPIC, s.TopicEventRow.topic_id,
                      s.TopicEventRow.event_id, events)
        found |= _ids(conn, RecordType.FIGURE, s.FigureRow.id, s.FigureRow.event_id, events)
    if documents := sorted(set(wanted.get(doc, []))):
        found |= _ids(conn, res, s.ResolutionStepRow.resolution_id,
                      s.ResolutionStepRow.document_symbol, documents)
        found |= _ids(conn, rec, links.recommendation_id, links.target_id, documents,
                      links.target_type == "document")
    if resolutions := sorted(set(wanted.get(res, []))):
        found |= _ids(conn, ev, s.EventResolutionRow.event_id,
                      s.EventResolutionRow.resolution_id, resolutions)
        found |= _ids(conn, rec, links.recommendation_id, links.target_id, resolutions,
                      links.target_type == "resolution")
    return found


def citing(conn: Connection, paragraph: str) -> set[Ref]:
    """Every record with a claim, source or quoted text from report paragraph `paragraph`."""
    found: set[Ref] = set()
    for table, column in ((s.ClaimRow, s.ClaimRow.source), (s.SourceRow, s.SourceRow.ref),
                          (s.QuotedTextRow, s.QuotedTextRow.quoted_from)):
        for kind, rid in conn.execute(select(table.record_type, table.record_id)
                                      .where(column == paragraph)):
            try:
                found.add((RecordType(kind), rid))
            except ValueError:
                continue  # a kind this viewer does not know (refused at open anyway)
    return found


def events_of_kind(conn: Connection, kinds: Iterable[str]) -> set[Ref]:
    """Every event of one of `kinds` (a person's panel lists the meetings of their body)."""
    wanted = sorted(set(kinds))
    if not wanted:
        return set()
    stmt = select(s.EventRow.id).where(s.EventRow.kind.in_(wanted))
    return {(RecordType.EVENT, rid) for rid in conn.execute(stmt).scalars()}
