"""Open a database read-only, check that it is ours and of our schema, and read it.

`open_database` turns every way a file can be wrong (missing, a folder, not SQLite, corrupt,
another application's, older or newer schema) into a DatabaseError with a sentence a user can
act on. Nothing here writes: file databases are opened with SQLite's `mode=ro`.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import numpy as np
import numpy.typing as npt
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session as OrmSession

from wsis_viewer.domain.model import (
    Basis,
    Bilingual,
    Claim,
    Consideration,
    Contributor,
    Dataset,
    Document,
    Event,
    Figure,
    LinkClaim,
    Person,
    Precision,
    Recommendation,
    RecommendationLinks,
    RecordType,
    Resolution,
    ResolutionStep,
    Role,
    Session,
    Source,
    SourceType,
    Topic,
)
from wsis_viewer.store import schema as s
from wsis_viewer.store.problems import DatabaseError

SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True, slots=True)
class EventRowTuple:
    """The columns the timeline needs for one event, without building a full Event."""

    id: str
    lane: str
    kind: str
    start: str
    end: str
    precision: str
    title_en: str
    title_zh: str


DayArray = npt.NDArray[np.int64]
_FETCH_CHUNK = 50_000


@dataclass(frozen=True, slots=True)
class TimelineColumns:
    """Everything the timeline draws, one list or array per column (`Store.timeline_columns`).

    Events come in the order of `event_rows()` (start, then id). Dates are UTC day numbers:
    days since 1970-01-01, the `end` columns inclusive, exactly the days the ISO text names (no
    time zone is involved anywhere, so no date can shift). Sessions come in (event id, seq)
    order, as in `session_rows()`.
    """

    id: list[str]
    lane: list[str]
    start: DayArray
    end: DayArray
    precision: list[str]
    title_en: list[str]
    title_zh: list[str]
    session_event: list[str]
    session_start: DayArray
    session_end: DayArray

    def __len__(self) -> int:
        return len(self.id)


def iso_days(values: list[str]) -> DayArray:
    """Vectorised ISO 'YYYY-MM-DD' → UTC day numbers (days since 1970-01-01).

    numpy parses the text as a calendar date with no time zone, so the day never shifts.
    Raises ValueError for text that is not a date (numpy's "NaT" and "" included).
    """
    if not values:
        return np.zeros(0, dtype=np.int64)
    days = np.array(values, dtype="datetime64[D]")
    if np.isnat(days).any():
        raise ValueError(f"not a date: {values[int(np.flatnonzero(np.isnat(days))[0])]!r}")
    return days.astype(np.int64)


def _take(values: list[Any], order: list[int]) -> list[Any]:
    if len(order) < 2:
        return [values[i] for i in order]
    return list(operator.itemgetter(*order)(values))


def _fetch_columns(cursor: Any, sql: str, n_cols: int) -> list[list[Any]]:
    """Run `sql` and return its result as one list per column, a chunk at a time (the rows as
    tuples never all exist at once)."""
    cursor.execute(sql)
    cols: list[list[Any]] = [[] for _ in range(n_cols)]
    getters = [operator.itemgetter(k) for k in range(n_cols)]
    while chunk := cursor.fetchmany(_FETCH_CHUNK):
        for col, get in zip(cols, getters, strict=True):
            col.extend(map(get, chunk))
    return cols


def _readonly_file_engine(path: Path, label: str) -> Engine:
    if not path.exists():
        raise DatabaseError(f"{label}: no such file")
    if path.is_dir():
        raise DatabaseError(f"{label}: is a folder, not a database file")
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise DatabaseError(f"{label}: cannot be read ({exc.strerror})") from exc
    if head != SQLITE_MAGIC:
        raise DatabaseError(f"{label}: not an SQLite database")
    # mode=ro: SQLite itself refuses any write, whatever the code above us does.
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    return create_engine("sqlite+pysqlite:///" + uri + "&uri=true")


def _engine_for(target: str | Path) -> tuple[Engine, str]:
    if isinstance(target, Path) or "://" not in str(target):
        path = Path(target)
        return _readonly_file_engine(path, str(path)), str(path)
    try:
        url: URL = make_url(str(target))
    except ArgumentError as exc:
        raise DatabaseError(f"{target}: not a database path or URL ({exc})") from exc
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:" \
            and not url.database.startswith("file:"):
        return _readonly_file_engine(Path(url.database), str(target)), str(target)
    try:
        return create_engine(url), str(target)
    except (NoSuchModuleError, ArgumentError) as exc:
        raise DatabaseError(f"{target}: cannot open ({exc})") from exc


def open_database(target: str | Path) -> Store:
    """Open a database file path or SQLAlchemy URL read-only and check its schema version."""
    engine, label = _engine_for(target)
    try:
        with engine.connect() as conn:
            app_id = conn.exec_driver_sql("PRAGMA application_id").scalar()
            tables = set(conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table'").scalars())
            if app_id != s.APPLICATION_ID or "meta" not in tables:
                raise DatabaseError(
                    f"{label}: an SQLite database, but not a WSIS viewer database "
                    "(build one with 'wsis-viewer build-db')")
            raw = conn.execute(
                select(s.Meta.value).where(s.Meta.key == "schema_version")).scalar()
    except DatabaseError:
        engine.dispose()
        raise
    except SQLAlchemyError as exc:
        engine.dispose()
        orig = getattr(exc, "orig", None)
        reason = str(orig) if orig is not None else str(exc)
        raise DatabaseError(f"{label}: cannot be read as a database ({reason})") from exc
    try:
        version = int(raw) if raw is not None else -1
    except ValueError:
        version = -1
    if version != s.SCHEMA_VERSION:
        engine.dispose()
        if version == 1:
            # Version 1 has no claims: opening it would show every link, inferred or not, as
            # if stated. The file is never changed; a rebuild from the source files adds them.
            raise DatabaseError(
                f"{label}: built for schema version 1, older than this viewer's "
                f"{s.SCHEMA_VERSION}: it does not record whether each link is stated by the "
                "report or inferred; rebuild it from its source files with "
                "'wsis-viewer build-db'")
        if version < s.SCHEMA_VERSION:
            raise DatabaseError(
                f"{label}: built for schema version {version}, older than this viewer's "
                f"{s.SCHEMA_VERSION}; rebuild it with 'wsis-viewer build-db'")
        raise DatabaseError(
            f"{label}: built for schema version {version}, newer than this viewer's "
            f"{s.SCHEMA_VERSION}; install a newer WSIS viewer to open it")
    return Store(engine, label)


def _span_day(value: str, *, last: bool) -> dt.date:
    """'2014', '2014-10' or '2014-10-20' as its first (or `last`) day."""
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        if not last:
            return first
        return (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(1)
    return dt.date(parts[0], 12, 31) if last else dt.date(parts[0], 1, 1)


def _date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _opt_bi(zh: str | None, en: str | None, quoted_from: str | None = None) -> Bilingual | None:
    return None if zh is None and en is None else Bilingual(zh or "", en or "", False,
                                                          quoted_from)


_ClaimKey = tuple[str, str]  # (record_type, record_id)


class Store:
    """A read-only view of one database, handing out plain domain objects."""

    def __init__(self, engine: Engine, label: str) -> None:
        self.engine = engine
        self.label = label

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- fast paths for the timeline (columnar, no per-record objects) ------------------------

    def event_rows(self) -> list[EventRowTuple]:
        with self.engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT id, lane, kind, start, \"end\", precision, title_en, title_zh "
                "FROM events ORDER BY start, id").all()
        return [EventRowTuple(*r) for r in rows]

    def timeline_columns(self) -> TimelineColumns:
        """Events and sessions as columns, with no per-row Python object kept.

        Equal to `event_rows()` and `session_rows()` (titles NULL → ""), but about three times
        faster: the rows are read in table order on the plain driver connection (the engine's
        own read-only one) and sorted by (start, id) with numpy, which beats SQLite walking the
        `start` index and fetching each row from the table.
        """
        raw = self.engine.raw_connection()
        try:
            cur = raw.cursor()
            cur.execute("BEGIN")  # one read snapshot for both queries
            ids, lanes, starts, ends, precisions, title_en, title_zh = _fetch_columns(
                cur, "SELECT id, lane, start, \"end\", precision, ifnull(title_en, ''), "
                "ifnull(title_zh, '') FROM events", 7)
            s_event, s_start, s_end = _fetch_columns(
                cur, "SELECT event_id, start, \"end\" FROM sessions ORDER BY event_id, seq", 3)
            cur.close()
        finally:
            raw.close()  # back to the pool, which rolls the read transaction back
        try:
            start, end = iso_days(starts), iso_days(ends)
            session_start, session_end = iso_days(s_start), iso_days(s_end)
        except ValueError as exc:
            raise DatabaseError(f"{self.label}: an event or session has a bad date ({exc})"
                                ) from exc
        del starts, ends, s_start, s_end
        if len(ids) > 1:
            order = np.lexsort((np.array(ids), start))
            if np.any(order[1:] < order[:-1]):  # not already in (start, id) order
                idx = order.tolist()
                ids, lanes, precisions = _take(ids, idx), _take(lanes, idx), _take(precisions, idx)
                title_en, title_zh = _take(title_en, idx), _take(title_zh, idx)
                start, end = start[order], end[order]
        return TimelineColumns(
            id=ids, lane=lanes, start=start, end=end, precision=precisions,
            title_en=title_en, title_zh=title_zh, session_event=s_event,
            session_start=session_start, session_end=session_end)

    def session_rows(self) -> list[tuple[str, int, str, str]]:
        """(event_id, seq, start, end) for every session, in event then seq order."""
        with self.engine.connect() as conn:
            return [(r[0], r[1], r[2], r[3]) for r in conn.exec_driver_sql(
                "SELECT event_id, seq, start, \"end\" FROM sessions ORDER BY event_id, seq")]

    def conference_spans(self) -> list[tuple[dt.date, dt.date]]:
        """(start, end) of the plenipotentiary conferences: what the reporting period is
        derived from (domain.view_state.reporting_period). Bad dates are left out."""
        with self.engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT start, \"end\" FROM events WHERE kind = 'plenipotentiary-conference' "
                "ORDER BY start LIMIT 100").all()
        spans = []
        for start, end in rows:
            try:
                a = _span_day(start, last=False)
                b = _span_day(end, last=True)
            except (TypeError, ValueError):
                continue
            spans.append((a, max(a, b)))
        return spans

    def meta(self) -> dict[str, str]:
        with self.engine.connect() as conn:
            return {k: v for k, v in conn.execute(select(s.Meta.key, s.Meta.value))}

    # --- whole dataset ------------------------------------------------------------------------

    def _sources(self, conn: OrmSession) -> dict[tuple[str, str], list[Source]]:
        out: dict[tuple[str, str], list[Source]] = defaultdict(list)
        q = select(s.SourceRow).order_by(s.SourceRow.record_type, s.SourceRow.record_id,
                                         s.SourceRow.seq)
        for r in conn.execute(q).scalars():
            out[(r.record_type, r.record_id)].append(
                Source(SourceType(r.type), r.ref, r.url, r.title))
        return out

    def _claims(self, conn: OrmSession) -> dict[_ClaimKey, dict[tuple[str, str], Claim]]:
        out: dict[_ClaimKey, dict[tuple[str, str], Claim]] = defaultdict(dict)
        for r in conn.execute(select(s.ClaimRow).order_by(
                s.ClaimRow.record_type, s.ClaimRow.record_id, s.ClaimRow.relation,
                s.ClaimRow.target)).scalars():
            try:
                basis = Basis(r.basis)
            except ValueError as exc:
                raise DatabaseError(f"{self.label}: claim of {r.record_type} '{r.record_id}' "
                                    f"has an unknown basis {r.basis!r}") from exc
            note = (Bilingual(r.note_zh or "", r.note_en or "")
                    if r.note_zh is not None or r.note_en is not None else None)
            out[(r.record_type, r.record_id)][(r.relation, r.target)] = Claim(
                basis, r.source, r.quote, note)
        return out

    def _quoted(self, conn: OrmSession) -> dict[tuple[str, str, str], str]:
        return {(r.record_type, r.record_id, r.field): r.quoted_from
                for r in conn.execute(select(s.QuotedTextRow)).scalars()}

    def load(self) -> Dataset:
        """Read every record. Fine for the real dataset; the timeline uses event_rows()."""
        try:
            # An ORM Session (not a bare connection) so select(Row) yields mapped objects.
            with OrmSession(self.engine) as session:
                return self._load(session)
        except SQLAlchemyError as exc:
            raise DatabaseError(f"{self.label}: cannot be read ({exc})") from exc

    def _load(self, conn: OrmSession) -> Dataset:
        src = self._sources(conn)
        all_claims = self._claims(conn)
        quoted = self._quoted(conn)

        def sources(kind: RecordType, rid: str) -> tuple[Source, ...]:
            return tuple(src.get((kind.value, rid), ()))

        def claim(kind: RecordType, rid: str, relation: str, target: str) -> Claim | None:
            return all_claims.get((kind.value, rid), {}).get((relation, target))

        def link_claims(kind: RecordType, rid: str, pairs: list[tuple[str, str]]
                        ) -> tuple[LinkClaim, ...]:
            """The claims of `pairs` (relation, target), in the record's own link order."""
            mine = all_claims.get((kind.value, rid), {})
            return tuple(LinkClaim(rel, t, mine[(rel, t)]) for rel, t in pairs
                         if (rel, t) in mine)

        def qf(kind: RecordType, rid: str, fld: str) -> str | None:
            return quoted.get((kind.value, rid, fld))

        def bi(kind: RecordType, rid: str, fld: str, zh: str | None, en: str | None,
               translated: bool = False) -> Bilingual:
            return Bilingual(zh or "", en or "", translated, qf(kind, rid, fld))

        sessions: dict[str, list[Session]] = defaultdict(list)
        for r in conn.execute(select(s.SessionRow).order_by(s.SessionRow.event_id,
                                                            s.SessionRow.seq)).scalars():
            sessions[r.event_id].append(Session(_date(r.start), _date(r.end), r.time,
                                                r.end_time, r.room, r.location, r.label))
        docs_of_event: dict[str, list[str]] = defaultdict(list)
        considered: dict[str, list[Consideration]] = defaultdict(list)
        for c in conn.execute(select(s.ConsiderationRow).order_by(
                s.ConsiderationRow.document_symbol, s.ConsiderationRow.seq)).scalars():
            considered[c.document_symbol].append(Consideration(
                c.event_id, c.action,
                claim(RecordType.DOCUMENT, c.document_symbol, "considered_at", c.event_id)))
        doc_rows = list(conn.execute(select(s.DocumentRow).order_by(s.DocumentRow.symbol))
                        .scalars())
        for d in doc_rows:
            if d.event_id:
                docs_of_event[d.event_id].append(d.symbol)
            for cons in considered[d.symbol]:
                if d.symbol not in docs_of_event[cons.event]:
                    docs_of_event[cons.event].append(d.symbol)

        event_resolutions: dict[str, list[str]] = defaultdict(list)
        for er in conn.execute(select(s.EventResolutionRow).order_by(
                s.EventResolutionRow.event_id, s.EventResolutionRow.seq)).scalars():
            event_resolutions[er.event_id].append(er.resolution_id)
        events = tuple(
            Event(
                id=e.id, kind=e.kind, lane=e.lane,
                title=bi(RecordType.EVENT, e.id, "title", e.title_zh, e.title_en,
                         e.title_en_is_translation),
                start=_date(e.start), end=_date(e.end), precision=Precision(e.precision),
                sessions=tuple(sessions[e.id]), number=e.number, location=e.location,
                description=_opt_bi(e.description_zh, e.description_en,
                                    qf(RecordType.EVENT, e.id, "description")),
                date_note=e.date_note,
                documents=tuple(docs_of_event.get(e.id, ())),
                resolutions=tuple(event_resolutions[e.id]),
                sources=sources(RecordType.EVENT, e.id),
                claims=link_claims(RecordType.EVENT, e.id,
                                   [("resolutions", x) for x in event_resolutions[e.id]]))
            for e in conn.execute(select(s.EventRow).order_by(s.EventRow.start, s.EventRow.id))
            .scalars())
        documents = tuple(
            Document(
                symbol=d.symbol, kind=d.kind,
                title=bi(RecordType.DOCUMENT, d.symbol, "title", d.title_zh, d.title_en,
                         d.title_en_is_translation),
                submitted_by=d.submitted_by, event=d.event_id,
                considered_at=tuple(considered[d.symbol]),
                description=_opt_bi(d.description_zh, d.description_en,
                                    qf(RecordType.DOCUMENT, d.symbol, "description")),
                sources=sources(RecordType.DOCUMENT, d.symbol),
                claims=link_claims(RecordType.DOCUMENT, d.symbol,
                                   [("event", d.event_id)] if d.event_id else []))
            for d in doc_rows)
        steps: dict[str, list[ResolutionStep]] = defaultdict(list)
        for st in conn.execute(select(s.ResolutionStepRow).order_by(
                s.ResolutionStepRow.resolution_id, s.ResolutionStepRow.seq)).scalars():
            steps[st.resolution_id].append(ResolutionStep(
                st.action, st.year, st.event_id, st.document_symbol, st.note,
                claim(RecordType.RESOLUTION, st.resolution_id, "history", str(st.seq))))
        resolutions = tuple(
            Resolution(
                id=r.id, body=r.body, number=r.number,
                title=bi(RecordType.RESOLUTION, r.id, "title", r.title_zh, r.title_en,
                         r.title_en_is_translation),
                history=tuple(steps[r.id]),
                description=_opt_bi(r.description_zh, r.description_en,
                                    qf(RecordType.RESOLUTION, r.id, "description")),
                sources=sources(RecordType.RESOLUTION, r.id))
            for r in conn.execute(select(s.ResolutionRow).order_by(s.ResolutionRow.id))
            .scalars())
        links: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for lk in conn.execute(select(s.RecommendationLinkRow).order_by(
                s.RecommendationLinkRow.recommendation_id, s.RecommendationLinkRow.seq)).scalars():
            links[lk.recommendation_id][lk.target_type].append(lk.target_id)
        recommendations = tuple(
            Recommendation(
                id=m.id, ref=m.ref,
                text=bi(RecordType.RECOMMENDATION, m.id, "text", m.text_zh, m.text_en,
                        m.text_en_is_translation),
                status=m.status, event=m.event_id,
                links=RecommendationLinks(
                    resolutions=tuple(links[m.id]["resolution"]),
                    events=tuple(links[m.id]["event"]),
                    documents=tuple(links[m.id]["document"])),
                note=m.note, sources=sources(RecordType.RECOMMENDATION, m.id),
                claims=link_claims(RecordType.RECOMMENDATION, m.id, [
                    ("status", m.status),
                    *([("event", m.event_id)] if m.event_id else []),
                    *[(f"links.{kind}s", x) for kind in ("resolution", "event", "document")
                      for x in links[m.id][kind]]]))
            for m in conn.execute(select(s.RecommendationRow).order_by(s.RecommendationRow.id))
            .scalars())
        roles: dict[str, list[Role]] = defaultdict(list)
        for ro in conn.execute(select(s.RoleRow).order_by(s.RoleRow.person_id, s.RoleRow.seq)
                               ).scalars():
            roles[ro.person_id].append(Role(
                ro.role, ro.body, ro.start_year, ro.end_year,
                claim(RecordType.PERSON, ro.person_id, "roles", str(ro.seq))))
        people = tuple(
            Person(id=p.id, name=p.name, name_zh=p.name_zh, country=p.country,
                   roles=tuple(roles[p.id]), sources=sources(RecordType.PERSON, p.id))
            for p in conn.execute(select(s.PersonRow).order_by(s.PersonRow.id)).scalars())
        contributors = tuple(
            Contributor(id=c.id, name=bi(RecordType.CONTRIBUTOR, c.id, "name", c.name_zh,
                                         c.name_en, c.name_en_is_translation),
                        type=c.type, country=c.country,
                        sources=sources(RecordType.CONTRIBUTOR, c.id))
            for c in conn.execute(select(s.ContributorRow).order_by(s.ContributorRow.id))
            .scalars())
        topic_events: dict[str, list[str]] = defaultdict(list)
        for te in conn.execute(select(s.TopicEventRow).order_by(s.TopicEventRow.topic_id,
                                                               s.TopicEventRow.seq)).scalars():
            topic_events[te.topic_id].append(te.event_id)
        topics = tuple(
            Topic(id=t.id, category=t.category, ref=t.ref,
                  title=bi(RecordType.TOPIC, t.id, "title", t.title_zh, t.title_en,
                           t.title_en_is_translation),
                  start_year=t.start_year, end_year=t.end_year,
                  events=tuple(topic_events[t.id]), sources=sources(RecordType.TOPIC, t.id),
                  claims=link_claims(RecordType.TOPIC, t.id,
                                     [("events", x) for x in topic_events[t.id]]))
            for t in conn.execute(select(s.TopicRow).order_by(s.TopicRow.id)).scalars())
        figures = tuple(
            Figure(id=f.id, value=f.value, qualifier=f.qualifier,
                   text=bi(RecordType.FIGURE, f.id, "text", f.text_zh, f.text_en,
                           f.text_en_is_translation),
                   event=f.event_id, sources=sources(RecordType.FIGURE, f.id),
                   claims=link_claims(RecordType.FIGURE, f.id,
                                      [("event", f.event_id)] if f.event_id else []))
            for f in conn.execute(select(s.FigureRow).order_by(s.FigureRow.id)).scalars())
        return Dataset(events=events, documents=documents, resolutions=resolutions,
                       recommendations=recommendations, people=people,
                       contributors=contributors, topics=topics, figures=figures)

    def dump_sql(self) -> Iterator[str]:
        """A canonical text dump, used to prove the committed database equals a fresh build."""
        raw = self.engine.raw_connection()
        try:
            yield from raw.driver_connection.iterdump()  # type: ignore[union-attr]
        finally:
            raw.close()

    def count(self, table: str) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(text(f'SELECT COUNT(*) FROM "{table}"')).scalar_one())
