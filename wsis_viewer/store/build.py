"""Build a SQLite database from a Dataset (normally the validated source files).

The build writes to a temporary file next to the target and renames it into place only once
complete, so a failed build never leaves a half-written or emptied database behind.
Deterministic: the same Dataset always gives the same rows in the same order.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, insert, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.schema import CreateIndex, CreateTable

from wsis_viewer.domain.model import Bilingual, Claim, Dataset, LinkClaim, RecordType, Source
from wsis_viewer.store import schema as s
from wsis_viewer.store.source_files import load_source_files
from wsis_viewer.store.timeline_cache import write_timeline_cache

ProgressFn = Callable[[int, int], None]


def _bi(prefix: str, b: Bilingual | None) -> dict[str, Any]:
    if b is None:
        return {f"{prefix}_zh": None, f"{prefix}_en": None}
    return {f"{prefix}_zh": b.zh or None, f"{prefix}_en": b.en or None}


def _title(prefix: str, b: Bilingual) -> dict[str, Any]:
    return {f"{prefix}_zh": b.zh, f"{prefix}_en": b.en,
            f"{prefix}_en_is_translation": b.en_is_translation}


def _source_rows(kind: RecordType, rid: str, sources: Iterable[Source]) -> list[dict[str, Any]]:
    return [
        {"record_type": kind.value, "record_id": rid, "seq": i, "type": src.type.value,
         "ref": src.ref, "url": src.url, "title": src.title}
        for i, src in enumerate(sources)
    ]


def _claim_row(kind: RecordType, rid: str, relation: str, target: str,
               claim: Claim) -> dict[str, Any]:
    return {"record_type": kind.value, "record_id": rid, "relation": relation, "target": target,
            "basis": claim.basis.value, "source": claim.source, "quote": claim.quote,
            "note_zh": claim.note.zh if claim.note else None,
            "note_en": claim.note.en if claim.note else None}


def _link_claim_rows(kind: RecordType, rid: str,
                     claims: Iterable[LinkClaim]) -> list[dict[str, Any]]:
    return [_claim_row(kind, rid, lc.relation, lc.target, lc.claim) for lc in claims]


def _seq_claim_rows(kind: RecordType, rid: str, relation: str,
                    claims: Iterable[Claim | None]) -> list[dict[str, Any]]:
    return [_claim_row(kind, rid, relation, str(i), c) for i, c in enumerate(claims)
            if c is not None]


def _quoted_rows(kind: RecordType, rid: str,
                 **texts: Bilingual | None) -> list[dict[str, Any]]:
    return [{"record_type": kind.value, "record_id": rid, "field": name,
             "quoted_from": b.quoted_from}
            for name, b in texts.items() if b is not None and b.quoted_from]


def dataset_rows(ds: Dataset) -> dict[type[s.Base], list[dict[str, Any]]]:
    """Every table's rows for `ds`, in insertion order (parents before children)."""
    rows: dict[type[s.Base], list[dict[str, Any]]] = {t: [] for t in (
        s.EventRow, s.SessionRow, s.ResolutionRow, s.EventResolutionRow, s.DocumentRow,
        s.ConsiderationRow, s.ResolutionStepRow, s.RecommendationRow, s.RecommendationLinkRow,
        s.PersonRow, s.RoleRow, s.ContributorRow, s.TopicRow, s.TopicEventRow, s.FigureRow,
        s.SourceRow, s.ClaimRow, s.QuotedTextRow)}
    src = rows[s.SourceRow]
    claims = rows[s.ClaimRow]
    quoted = rows[s.QuotedTextRow]
    for e in ds.events:
        rows[s.EventRow].append({
            "id": e.id, "kind": e.kind, "lane": e.lane, "number": e.number,
            **_title("title", e.title), "start": e.start.isoformat(), "end": e.end.isoformat(),
            "precision": e.precision.value, "location": e.location,
            **_bi("description", e.description), "date_note": e.date_note})
        for i, ss in enumerate(e.sessions):
            rows[s.SessionRow].append({
                "event_id": e.id, "seq": i, "start": ss.start.isoformat(),
                "end": ss.end.isoformat(), "time": ss.time, "end_time": ss.end_time,
                "room": ss.room, "location": ss.location, "label": ss.label})
        rows[s.EventResolutionRow] += [{"event_id": e.id, "resolution_id": x, "seq": i}
                                       for i, x in enumerate(e.resolutions)]
        src += _source_rows(RecordType.EVENT, e.id, e.sources)
        claims += _link_claim_rows(RecordType.EVENT, e.id, e.claims)
        quoted += _quoted_rows(RecordType.EVENT, e.id, title=e.title, description=e.description)
    for d in ds.documents:
        rows[s.DocumentRow].append({
            "symbol": d.symbol, "kind": d.kind, **_title("title", d.title),
            "submitted_by": d.submitted_by, "event_id": d.event,
            **_bi("description", d.description)})
        rows[s.ConsiderationRow] += [
            {"document_symbol": d.symbol, "event_id": c.event, "seq": i, "action": c.action}
            for i, c in enumerate(d.considered_at)]
        src += _source_rows(RecordType.DOCUMENT, d.symbol, d.sources)
        claims += _link_claim_rows(RecordType.DOCUMENT, d.symbol, d.claims)
        claims += [_claim_row(RecordType.DOCUMENT, d.symbol, "considered_at", c.event, c.claim)
                   for c in d.considered_at if c.claim is not None]
        quoted += _quoted_rows(RecordType.DOCUMENT, d.symbol, title=d.title,
                               description=d.description)
    for r in ds.resolutions:
        rows[s.ResolutionRow].append({
            "id": r.id, "body": r.body, "number": r.number, **_title("title", r.title),
            **_bi("description", r.description)})
        rows[s.ResolutionStepRow] += [
            {"resolution_id": r.id, "seq": i, "action": st.action, "year": st.year,
             "event_id": st.event, "document_symbol": st.document, "note": st.note}
            for i, st in enumerate(r.history)]
        src += _source_rows(RecordType.RESOLUTION, r.id, r.sources)
        claims += _seq_claim_rows(RecordType.RESOLUTION, r.id, "history",
                                  (st.claim for st in r.history))
        quoted += _quoted_rows(RecordType.RESOLUTION, r.id, title=r.title,
                               description=r.description)
    for m in ds.recommendations:
        rows[s.RecommendationRow].append({
            "id": m.id, "ref": m.ref, **_title("text", m.text), "status": m.status,
            "event_id": m.event, "note": m.note})
        links = [("resolution", x) for x in m.links.resolutions] + \
                [("event", x) for x in m.links.events] + \
                [("document", x) for x in m.links.documents]
        rows[s.RecommendationLinkRow] += [
            {"recommendation_id": m.id, "target_type": t, "target_id": x, "seq": i}
            for i, (t, x) in enumerate(links)]
        src += _source_rows(RecordType.RECOMMENDATION, m.id, m.sources)
        claims += _link_claim_rows(RecordType.RECOMMENDATION, m.id, m.claims)
        quoted += _quoted_rows(RecordType.RECOMMENDATION, m.id, text=m.text)
    for p in ds.people:
        rows[s.PersonRow].append({"id": p.id, "name": p.name, "name_zh": p.name_zh,
                                  "country": p.country})
        rows[s.RoleRow] += [
            {"person_id": p.id, "seq": i, "role": ro.role, "body": ro.body,
             "start_year": ro.start_year, "end_year": ro.end_year}
            for i, ro in enumerate(p.roles)]
        src += _source_rows(RecordType.PERSON, p.id, p.sources)
        claims += _seq_claim_rows(RecordType.PERSON, p.id, "roles", (ro.claim for ro in p.roles))
    for c in ds.contributors:
        rows[s.ContributorRow].append({"id": c.id, **_title("name", c.name), "type": c.type,
                                       "country": c.country})
        src += _source_rows(RecordType.CONTRIBUTOR, c.id, c.sources)
        quoted += _quoted_rows(RecordType.CONTRIBUTOR, c.id, name=c.name)
    for t in ds.topics:
        rows[s.TopicRow].append({"id": t.id, "category": t.category, "ref": t.ref,
                                 **_title("title", t.title), "start_year": t.start_year,
                                 "end_year": t.end_year})
        rows[s.TopicEventRow] += [{"topic_id": t.id, "event_id": x, "seq": i}
                                  for i, x in enumerate(t.events)]
        src += _source_rows(RecordType.TOPIC, t.id, t.sources)
        claims += _link_claim_rows(RecordType.TOPIC, t.id, t.claims)
        quoted += _quoted_rows(RecordType.TOPIC, t.id, title=t.title)
    for f in ds.figures:
        rows[s.FigureRow].append({"id": f.id, "value": f.value, "qualifier": f.qualifier,
                                  **_title("text", f.text), "event_id": f.event})
        src += _source_rows(RecordType.FIGURE, f.id, f.sources)
        claims += _link_claim_rows(RecordType.FIGURE, f.id, f.claims)
        quoted += _quoted_rows(RecordType.FIGURE, f.id, text=f.text)
    return rows


def _sqlite_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite+pysqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    return engine


def _create_schema(bind: Engine | Connection) -> None:
    """Create tables, then indexes in name order (in a transaction of its own for an Engine,
    in the caller's for a Connection, as publishing to a server needs).

    metadata.create_all walks each table's indexes as a set, whose order changes with Python's
    hash seed; the file (and its SQL dump) would then differ from run to run.
    """
    if isinstance(bind, Engine):
        with bind.begin() as conn:
            _create_schema(conn)
        return
    for table in s.Base.metadata.sorted_tables:
        bind.execute(CreateTable(table))
    indexes = [ix for t in s.Base.metadata.sorted_tables for ix in t.indexes]
    for index in sorted(indexes, key=lambda ix: str(ix.name)):
        bind.execute(CreateIndex(index))


def write_database(
    ds: Dataset, output: Path, *, built_from: str = "resources/data",
    progress: ProgressFn | None = None,
) -> None:
    """Write `ds` to `output` atomically (temporary file, then rename)."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        tmp.unlink()  # SQLite must create the file itself
        engine = _sqlite_engine(tmp)
        try:
            _create_schema(engine)
            tables = dataset_rows(ds)
            total = sum(len(v) for v in tables.values())
            done = 0
            with engine.begin() as conn:
                conn.execute(text(f"PRAGMA application_id = {s.APPLICATION_ID}"))
                conn.execute(text(f"PRAGMA user_version = {s.SCHEMA_VERSION}"))
                conn.execute(insert(s.Meta), [
                    {"key": "schema_version", "value": str(s.SCHEMA_VERSION)},
                    {"key": "built_from", "value": built_from},
                ])
                for table, rows in tables.items():
                    # Chunks keep memory flat for million-row synthetic databases.
                    for i in range(0, len(rows), 20_000):
                        chunk = rows[i:i + 20_000]
                        conn.execute(insert(table), chunk)
                        done += len(chunk)
                        if progress:
                            progress(done, total)
            _write_search_index(engine)
            # The timeline's columns, precomputed: opening reads them instead of the rows.
            write_timeline_cache(engine)
            with engine.connect() as conn:
                conn.exec_driver_sql("VACUUM")
        finally:
            engine.dispose()
        os.replace(tmp, output)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def _write_search_index(engine: Engine) -> None:
    """The full-text search tables (store/search_index.py), from the rows just written, and
    the look-up indexes the window's reads by key use (store/lookup_indexes.py)."""
    from wsis_viewer.store.lookup_indexes import write_lookup_indexes
    from wsis_viewer.store.search_index import build_search_index

    raw = engine.raw_connection()
    try:
        build_search_index(raw.driver_connection)  # type: ignore[arg-type]
        write_lookup_indexes(raw.driver_connection)  # type: ignore[arg-type]
        raw.commit()
    finally:
        raw.close()


def build_database(data_dir: Path, output: Path, progress: ProgressFn | None = None) -> Dataset:
    """Validate the source files under `data_dir` and build `output` from them.

    Raises DataError (with every problem) before touching `output`.
    """
    ds = load_source_files(data_dir)
    write_database(ds, output, progress=progress)
    return ds
