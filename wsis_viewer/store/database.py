"""Open a database read-only, check that it is ours and of our schema, and read it.

`open_database` turns every way a file can be wrong (missing, a folder, not SQLite, corrupt,
another application's, older or newer schema) into a DatabaseError with a sentence a user can
act on. Nothing here writes: file databases are opened with SQLite's `mode=ro`.
"""

from __future__ import annotations

import datetime as dt
import operator
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import ColumnElement, create_engine, literal, or_, select, text, union_all
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
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
from wsis_viewer.store.integrity import check_schema, check_values
from wsis_viewer.store.problems import DatabaseError
from wsis_viewer.store.read_errors import database_errors, guard_reads
from wsis_viewer.store.record_subset import RecordSubset
from wsis_viewer.store.safe_open import readonly_file_engine
from wsis_viewer.store.urls import is_server_url


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




def _engine_for(target: str | Path) -> tuple[Engine, str]:
    """The engine for a path or URL. SQLite files, by path or `sqlite:///` URL, always go
    through `readonly_file_engine`; URLs that ask SQLite for other modes are refused."""
    if isinstance(target, Path) or "://" not in str(target):
        path = Path(target)
        return readonly_file_engine(path, str(path)), str(path)
    try:
        url: URL = make_url(str(target))
    except ArgumentError as exc:
        raise DatabaseError(f"{target}: not a database path or URL ({exc})") from exc
    label = url.render_as_string(hide_password=True)
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        if url.query or database.startswith("file:"):
            raise DatabaseError(
                f"{label}: SQLite URL options and file: URIs are not accepted (databases are "
                "always opened read-only); give the file's path instead")
        if database in ("", ":memory:"):
            raise DatabaseError(f"{label}: an in-memory database has nothing to show; give "
                                "a database file")
        return readonly_file_engine(Path(database), label), label
    try:
        return create_engine(url), label
    except (NoSuchModuleError, ArgumentError) as exc:
        raise DatabaseError(f"{label}: cannot open ({exc})") from exc


def _check_sqlite_file(dbc: sqlite3.Connection, label: str, *, values: bool = True) -> None:
    """Ours (application id, meta table), our schema version, our exact schema, and (with
    `values`) sound values.

    Reads text as bytes, so names and values that are not UTF-8 are reported, not raised.
    """
    dbc.text_factory = bytes
    try:
        app_id = dbc.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in dbc.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if app_id != s.APPLICATION_ID or b"meta" not in tables:
            raise DatabaseError(
                f"{label}: an SQLite database, but not a WSIS viewer database "
                "(build one with 'wsis-viewer build-db')")
        row = dbc.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        _check_version(row[0] if row else None, label)
        check_schema(dbc, label)
        if values:
            check_values(dbc, label)
    finally:
        dbc.text_factory = str


def _check_sqlite_values(dbc: sqlite3.Connection, label: str) -> None:
    dbc.text_factory = bytes
    try:
        check_values(dbc, label)
    finally:
        dbc.text_factory = str


def _check_version(raw: object, label: str) -> None:
    try:
        version = int(raw) if isinstance(raw, bytes | str | int) else -1
    except ValueError:
        version = -1
    if version == s.SCHEMA_VERSION:
        return
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


def open_database(target: str | Path, *, check_values: bool = True) -> Store:
    """Open a database file path or SQLAlchemy URL read-only, and check that it is ours, of
    our schema version and schema, with every value sound (see `store.integrity`).

    `check_values=False` leaves the values' check (a scan of every row: seconds at a million
    events) to `Store.check_values()`, which the window runs in the background after the
    first frame; nothing is trusted meanwhile beyond what each read checks.

    Raises DatabaseError with one line for any file that fails; never writes to the file.
    A PostgreSQL team server's URL gives a Store on its current published version, read in
    place (see server_dataset.py)."""
    if is_server_url(target):
        from wsis_viewer.store.server_dataset import open_server_dataset

        return open_server_dataset(str(target))
    engine, label = _engine_for(target)
    try:
        with database_errors(label):
            if engine.dialect.name == "sqlite":
                raw = engine.raw_connection()
                try:
                    _check_sqlite_file(raw.driver_connection, label,  # type: ignore[arg-type]
                                       values=check_values)
                finally:
                    raw.close()
            else:
                with engine.connect() as conn:
                    value = conn.execute(
                        select(s.Meta.value).where(s.Meta.key == "schema_version")).scalar()
                _check_version(value, label)
    except BaseException:
        engine.dispose()
        raise
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


def _about(stmt: Any, table: Any, only: RecordSubset | None) -> Any:
    """`stmt` on a table keyed by (record_type, record_id) limited to the records of `only`."""
    if only is None:
        return stmt
    condition: ColumnElement[bool] = or_(
        table.record_type.in_([kind.value for kind in only.whole_types()]),
        only.any_id_condition(table.record_id))
    return stmt.where(condition)


def _opt_bi(zh: str | None, en: str | None, quoted_from: str | None = None) -> Bilingual | None:
    return None if zh is None and en is None else Bilingual(zh or "", en or "", False,
                                                          quoted_from)


_ClaimKey = tuple[str, str]  # (record_type, record_id)


@guard_reads
class Store:
    """A read-only view of one database, handing out plain domain objects."""

    def __init__(self, engine: Engine, label: str) -> None:
        self.engine = engine
        self.label = label

    def check_values(self) -> None:
        """Every value of a file database checked (`store.integrity.check_values`); raises
        DatabaseError naming the first bad table, record and column. A team server's data was
        checked when it was published."""
        if self.engine.dialect.name != "sqlite":
            return
        with database_errors(self.label):
            raw = self.engine.raw_connection()
            try:
                _check_sqlite_values(raw.driver_connection, self.label)  # type: ignore[arg-type]
            finally:
                raw.close()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- fast paths for the timeline (columnar, no per-record objects) ------------------------

    def event_rows(self) -> list[EventRowTuple]:
        with database_errors(self.label, "events"), self.engine.connect() as conn:
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
        with database_errors(self.label, "events and sessions"):
            return self._timeline_columns()

    def _timeline_columns(self) -> TimelineColumns:
        raw = self.engine.raw_connection()
        try:
            cur = raw.cursor()
            if self.engine.dialect.name == "sqlite":
                # One read snapshot for both queries. (A server's published version never
                # changes, and its driver opens a transaction by itself.)
                cur.execute("BEGIN")
            ids, lanes, starts, ends, precisions, title_en, title_zh = _fetch_columns(
                cur, "SELECT id, lane, start, \"end\", precision, coalesce(title_en, ''), "
                "coalesce(title_zh, '') FROM events", 7)
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
        with database_errors(self.label, "sessions"), self.engine.connect() as conn:
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
        with database_errors(self.label, "meta"), self.engine.connect() as conn:
            return {k: v for k, v in conn.execute(select(s.Meta.key, s.Meta.value))}

    # --- whole dataset ------------------------------------------------------------------------

    def _sources(self, conn: OrmSession, only: RecordSubset | None
                 ) -> dict[tuple[str, str], list[Source]]:
        out: dict[tuple[str, str], list[Source]] = defaultdict(list)
        q = select(s.SourceRow).order_by(s.SourceRow.record_type, s.SourceRow.record_id,
                                         s.SourceRow.seq)
        for r in conn.execute(_about(q, s.SourceRow, only)).scalars():
            out[(r.record_type, r.record_id)].append(
                Source(SourceType(r.type), r.ref, r.url, r.title))
        return out

    def _claims(self, conn: OrmSession, only: RecordSubset | None
                ) -> dict[_ClaimKey, dict[tuple[str, str], Claim]]:
        out: dict[_ClaimKey, dict[tuple[str, str], Claim]] = defaultdict(dict)
        for r in conn.execute(_about(select(s.ClaimRow).order_by(
                s.ClaimRow.record_type, s.ClaimRow.record_id, s.ClaimRow.relation,
                s.ClaimRow.target), s.ClaimRow, only)).scalars():
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

    def _quoted(self, conn: OrmSession, only: RecordSubset | None
                ) -> dict[tuple[str, str, str], str]:
        return {(r.record_type, r.record_id, r.field): r.quoted_from
                for r in conn.execute(_about(select(s.QuotedTextRow), s.QuotedTextRow, only))
                .scalars()}

    def load(self, only: RecordSubset | None = None) -> Dataset:
        """Read every record, or with `only` just those records (each exactly as the whole
        read gives it, links to records outside `only` included). The window reads the
        records around a selection this way instead of the whole database."""
        # An ORM Session (not a bare connection) so select(Row) yields mapped objects.
        with database_errors(self.label), OrmSession(self.engine) as session:
            ds = self._load(session, only)
        return ds if only is None else only.filter(ds)

    def _load(self, conn: OrmSession, only: RecordSubset | None = None) -> Dataset:
        src = self._sources(conn, only)
        all_claims = self._claims(conn, only)
        quoted = self._quoted(conn, only)

        def among(stmt: Any, column: Any, kind: RecordType) -> Any:
            """`stmt` limited to the rows whose `column` is one of the wanted `kind` ids."""
            return stmt if only is None else only.where(stmt, column, kind)

        ev, doc = RecordType.EVENT, RecordType.DOCUMENT

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
        # Plain column tuples, not ORM objects: sessions are the biggest table (a crafted
        # event may have a million), and mapped instances cost about three times as much.
        t = s.SessionRow
        for event_id, start, end, time, end_time, room, location, label in conn.execute(among(
                select(t.event_id, t.start, t.end, t.time, t.end_time, t.room, t.location,
                       t.label).order_by(t.event_id, t.seq), t.event_id, ev)):
            sessions[event_id].append(Session(_date(start), _date(end), time, end_time, room,
                                              location, label))
        docs_of_event: dict[str, list[str]] = defaultdict(list)
        considered: dict[str, list[Consideration]] = defaultdict(list)
        for c in conn.execute(among(select(s.ConsiderationRow).order_by(
                s.ConsiderationRow.document_symbol, s.ConsiderationRow.seq),
                s.ConsiderationRow.document_symbol, doc)).scalars():
            considered[c.document_symbol].append(Consideration(
                c.event_id, c.action,
                claim(RecordType.DOCUMENT, c.document_symbol, "considered_at", c.event_id)))
        doc_rows = list(conn.execute(among(select(s.DocumentRow).order_by(s.DocumentRow.symbol),
                                           s.DocumentRow.symbol, doc)).scalars())
        if only is None:
            for d in doc_rows:
                if d.event_id:
                    docs_of_event[d.event_id].append(d.symbol)
                for cons in considered[d.symbol]:
                    if d.symbol not in docs_of_event[cons.event]:
                        docs_of_event[cons.event].append(d.symbol)
        else:  # the same lists, in the same (symbol) order, from the wanted events' side
            dr, cr = s.DocumentRow, s.ConsiderationRow
            made = among(select(dr.symbol.label("symbol"), dr.event_id.label("event"))
                         .where(dr.event_id.is_not(None)), dr.event_id, ev)
            seen = among(select(cr.document_symbol.label("symbol"), cr.event_id.label("event"),
                                ).join(dr, dr.symbol == cr.document_symbol), cr.event_id, ev)
            for symbol, event_id, _k in conn.execute(
                    union_all(made.add_columns(literal(0).label("k")),
                              seen.add_columns(cr.seq.label("k"))).order_by("symbol", "k")):
                if symbol not in docs_of_event[event_id]:
                    docs_of_event[event_id].append(symbol)

        event_resolutions: dict[str, list[str]] = defaultdict(list)
        for er in conn.execute(among(select(s.EventResolutionRow).order_by(
                s.EventResolutionRow.event_id, s.EventResolutionRow.seq),
                s.EventResolutionRow.event_id, ev)).scalars():
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
            for e in conn.execute(among(select(s.EventRow).order_by(s.EventRow.start,
                                                                     s.EventRow.id),
                                        s.EventRow.id, ev)).scalars())
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
        for st in conn.execute(among(select(s.ResolutionStepRow).order_by(
                s.ResolutionStepRow.resolution_id, s.ResolutionStepRow.seq),
                s.ResolutionStepRow.resolution_id, RecordType.RESOLUTION)).scalars():
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
            for r in conn.execute(among(select(s.ResolutionRow).order_by(s.ResolutionRow.id),
                                        s.ResolutionRow.id, RecordType.RESOLUTION)).scalars())
        links: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for lk in conn.execute(among(select(s.RecommendationLinkRow).order_by(
                s.RecommendationLinkRow.recommendation_id, s.RecommendationLinkRow.seq),
                s.RecommendationLinkRow.recommendation_id, RecordType.RECOMMENDATION)).scalars():
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
            for m in conn.execute(among(select(s.RecommendationRow).order_by(
                s.RecommendationRow.id), s.RecommendationRow.id, RecordType.RECOMMENDATION))
            .scalars())
        roles: dict[str, list[Role]] = defaultdict(list)
        for ro in conn.execute(among(select(s.RoleRow).order_by(s.RoleRow.person_id,
                                                                s.RoleRow.seq),
                                     s.RoleRow.person_id, RecordType.PERSON)).scalars():
            roles[ro.person_id].append(Role(
                ro.role, ro.body, ro.start_year, ro.end_year,
                claim(RecordType.PERSON, ro.person_id, "roles", str(ro.seq))))
        people = tuple(
            Person(id=p.id, name=p.name, name_zh=p.name_zh, country=p.country,
                   roles=tuple(roles[p.id]), sources=sources(RecordType.PERSON, p.id))
            for p in conn.execute(among(select(s.PersonRow).order_by(s.PersonRow.id),
                                        s.PersonRow.id, RecordType.PERSON)).scalars())
        contributors = tuple(
            Contributor(id=c.id, name=bi(RecordType.CONTRIBUTOR, c.id, "name", c.name_zh,
                                         c.name_en, c.name_en_is_translation),
                        type=c.type, country=c.country,
                        sources=sources(RecordType.CONTRIBUTOR, c.id))
            for c in conn.execute(among(select(s.ContributorRow).order_by(s.ContributorRow.id),
                                        s.ContributorRow.id, RecordType.CONTRIBUTOR)).scalars())
        topic_events: dict[str, list[str]] = defaultdict(list)
        for te in conn.execute(among(select(s.TopicEventRow).order_by(
                s.TopicEventRow.topic_id, s.TopicEventRow.seq),
                s.TopicEventRow.topic_id, RecordType.TOPIC)).scalars():
            topic_events[te.topic_id].append(te.event_id)
        topics = tuple(
            Topic(id=t.id, category=t.category, ref=t.ref,
                  title=bi(RecordType.TOPIC, t.id, "title", t.title_zh, t.title_en,
                           t.title_en_is_translation),
                  start_year=t.start_year, end_year=t.end_year,
                  events=tuple(topic_events[t.id]), sources=sources(RecordType.TOPIC, t.id),
                  claims=link_claims(RecordType.TOPIC, t.id,
                                     [("events", x) for x in topic_events[t.id]]))
            for t in conn.execute(among(select(s.TopicRow).order_by(s.TopicRow.id),
                                        s.TopicRow.id, RecordType.TOPIC)).scalars())
        figures = tuple(
            Figure(id=f.id, value=f.value, qualifier=f.qualifier,
                   text=bi(RecordType.FIGURE, f.id, "text", f.text_zh, f.text_en,
                           f.text_en_is_translation),
                   event=f.event_id, sources=sources(RecordType.FIGURE, f.id),
                   claims=link_claims(RecordType.FIGURE, f.id,
                                      [("event", f.event_id)] if f.event_id else []))
            for f in conn.execute(among(select(s.FigureRow).order_by(s.FigureRow.id),
                                        s.FigureRow.id, RecordType.FIGURE)).scalars())
        return Dataset(events=events, documents=documents, resolutions=resolutions,
                       recommendations=recommendations, people=people,
                       contributors=contributors, topics=topics, figures=figures)

    def dump_sql(self) -> Iterator[str]:
        """A canonical text dump, used to prove the committed database equals a fresh build."""
        with database_errors(self.label):
            raw = self.engine.raw_connection()
            try:
                yield from raw.driver_connection.iterdump()  # type: ignore[union-attr]
            finally:
                raw.close()

    def count(self, table: str) -> int:
        with database_errors(self.label, table), self.engine.connect() as conn:
            return int(conn.execute(text(f'SELECT COUNT(*) FROM "{table}"')).scalar_one())
