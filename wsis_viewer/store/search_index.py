"""Full-text search over every kind of record, inside the database (SQLite FTS5).

`build_search_index` (run by `build-db`, and by the benchmarks' synthetic databases) writes four
tables next to the records, so opening a database indexes nothing:

* `search_docs`  one row per record: kind, id, date and display titles, plus the normalised
  title text (titles in both languages, ids, symbols, numbers) and body text (descriptions,
  places, rooms, submitters, roles, notes, history) that are searched;
* `search_fts`   FTS5 over `search_docs` (external content) with the *trigram* tokenizer: any
  substring of three or more characters, Chinese included, without word boundaries;
* `search_grams` FTS5 (contentless) with the unicode61 word tokenizer over the same text plus
  the character pairs of every CJK run: one- and two-character terms ("会议", "釜山", "UN"),
  which a trigram index cannot answer, are looked up here as token prefixes;
* `search_keys`  the compact form of every id, symbol, number and cited report paragraph
  (`compact_key`: "C13/85", "C-13/85" and "c13 85" are one key), for exact matches.

The tables are optional: a database built before them still searches, through the same code on
an in-memory copy of the index built on first use (`open_search` logs that it does so).
`SearchBackend` is the whole interface the window and the command line use, so a server
database can implement it (PostgreSQL: pg_trgm over the same documents).

The query is data: terms are quoted as FTS5 strings and bound as parameters, never pasted
into SQL.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from wsis_viewer.domain.search_text import (
    SEARCH_KINDS,
    TRIGRAM_MIN,
    SearchHit,
    Tier,
    cjk_bigrams,
    compact_key,
    excerpt,
    normalise,
    query_terms,
)
from wsis_viewer.store.problems import DatabaseError

log = logging.getLogger(__name__)

# Written to the meta table; a later change of the index layout changes it.
SEARCH_INDEX_VERSION = "fts5-trigram-1"
SEARCH_TABLES = ("search_docs", "search_fts", "search_grams", "search_keys")
DEFAULT_LIMIT = 50


@dataclass(frozen=True, slots=True)
class SearchDoc:
    """One record as the search sees it (raw, not yet normalised)."""

    kind: str
    id: str
    date: str
    title_en: str
    title_zh: str
    keys: tuple[str, ...]  # its own ids, symbols, numbers, refs: matched exactly first
    cites: tuple[str, ...]  # the report paragraphs it cites ("§2.3.3"): matched exactly next
    heading: tuple[str, ...]  # ranked with the title: places, submitters
    body: tuple[str, ...]


class SearchBackend(Protocol):
    """What the window and the command line need from a search, wherever the data lives."""

    description: str  # for the log and Help ▸ About: which index answers

    def search(self, query: str, *, kinds: Sequence[str] | None = None,
               limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
        """Hits ranked exact id/symbol/number, then title, then body; [] for a blank query."""
        ...

    def event_ids(self, query: str) -> list[str]:
        """Every event matching `query` (any tier), in time order."""
        ...


# --- the documents: one SQL query per kind -------------------------------------------------

def _sources(kind: str, id_column: str) -> str:
    return (f"(SELECT @AGG@(ref, @NL@) FROM sources src WHERE src.record_type = "
            f"'{kind}' AND src.record_id = {id_column} AND src.type = 'report')")


_DOC_SQL: dict[str, str] = {
    "event": (
        "SELECT e.id, e.start, e.title_en, e.title_zh, "
        "coalesce(CAST(e.number AS TEXT), ''), " + _sources("event", "e.id") + ", "
        "coalesce(e.location, '') || @NL@ || coalesce((SELECT @AGG@(ss.location, "
        "@NL@) FROM sessions ss WHERE ss.event_id = e.id), ''), "
        "coalesce(e.description_en, '') || @NL@ || coalesce(e.description_zh, '') || @NL@ "
        "|| coalesce(e.date_note, '') || @NL@ || "
        "coalesce((SELECT @AGG@(coalesce(ss.room, '') || ' ' || coalesce(ss.location, '') "
        "|| ' ' || coalesce(ss.label, ''), @NL@) FROM sessions ss WHERE ss.event_id = e.id "
        "AND (ss.room IS NOT NULL OR ss.location IS NOT NULL OR ss.label IS NOT NULL)), '') "
        "FROM events e ORDER BY e.start, e.id"),
    "document": (
        "SELECT d.symbol, coalesce((SELECT ev.start FROM events ev WHERE ev.id = coalesce("
        "d.event_id, (SELECT c.event_id FROM considerations c WHERE c.document_symbol = "
        "d.symbol ORDER BY c.seq LIMIT 1))), ''), d.title_en, d.title_zh, '', "
        + _sources("document", "d.symbol") + ", coalesce(d.submitted_by, ''), "
        "coalesce(d.description_en, '') || @NL@ || "
        "coalesce(d.description_zh, '') FROM documents d ORDER BY d.symbol"),
    "resolution": (
        "SELECT r.id, coalesce((SELECT coalesce(ev.start, CAST(st.year AS TEXT)) FROM "
        "resolution_steps st LEFT JOIN events ev ON ev.id = st.event_id WHERE st.resolution_id "
        "= r.id ORDER BY st.seq LIMIT 1), ''), r.title_en, r.title_zh, r.number || @NL@ || "
        "'Resolution ' || r.number || @NL@ || '第' || r.number || '号决议', "
        + _sources("resolution", "r.id") + ", '', "
        "coalesce(r.description_en, '') || @NL@ || coalesce(r.description_zh, '') || @NL@ "
        "|| coalesce((SELECT @AGG@(st.action || ' ' || CAST(st.year AS TEXT) || ' ' || "
        "coalesce(st.note, ''), @NL@) FROM resolution_steps st WHERE st.resolution_id = r.id), "
        "'') "
        "FROM resolutions r ORDER BY r.id"),
    "recommendation": (
        "SELECT m.id, coalesce((SELECT ev.start FROM events ev WHERE ev.id = m.event_id), ''), "
        "m.text_en, m.text_zh, m.ref, " + _sources("recommendation", "m.id") + ", '', "
        "m.status || @NL@ || coalesce(m.note, '') FROM recommendations m ORDER BY m.id"),
    "person": (
        "SELECT p.id, coalesce((SELECT CAST(min(ro.start_year) AS TEXT) FROM roles ro WHERE "
        "ro.person_id = p.id), ''), p.name, coalesce(p.name_zh, ''), '', "
        + _sources("person", "p.id") + ", "
        "coalesce((SELECT @AGG@(ro.role || ', ' || ro.body || coalesce(' ' || "
        "CAST(ro.start_year AS TEXT) || '–' || coalesce(CAST(ro.end_year AS TEXT), ''), ''), "
        "@NL@) FROM roles ro WHERE ro.person_id = p.id), ''), coalesce(p.country, '') "
        "FROM people p ORDER BY p.id"),
    "contributor": (
        "SELECT c.id, '', c.name_en, c.name_zh, '', " + _sources("contributor", "c.id") + ", '', "
        "c.type || @NL@ || coalesce(c.country, '') FROM contributors c ORDER BY c.id"),
    "topic": (
        "SELECT t.id, coalesce(CAST(t.start_year AS TEXT), ''), t.title_en, t.title_zh, t.ref, "
        + _sources("topic", "t.id") + ", '', t.category FROM topics t ORDER BY t.id"),
    "figure": (
        "SELECT f.id, coalesce((SELECT ev.start FROM events ev WHERE ev.id = f.event_id), ''), "
        "f.text_en, f.text_zh, CAST(f.value AS TEXT), " + _sources("figure", "f.id") + ", '', "
        "f.qualifier FROM figures f ORDER BY f.id"),
}


def doc_sql(kind: str, dialect: str = "sqlite") -> str:
    """The query of one kind's documents in `dialect`'s words (SQLite's group_concat is
    PostgreSQL's string_agg; the rest is common SQL)."""
    agg = "string_agg" if dialect == "postgresql" else "group_concat"
    return _DOC_SQL[kind].replace("@AGG@", agg).replace("@NL@", "'\n'")


def iter_search_docs(execute: Callable[[str], Iterable[Sequence[Any]]],
                     dialect: str = "sqlite") -> Iterator[SearchDoc]:
    """Every record as a SearchDoc, kind by kind (SEARCH_KINDS order), each in a stable order.

    `execute(sql)` runs one query and returns its rows (a DB-API cursor or an SQLAlchemy
    result both do). Events come in (start, id) order by code point, the timeline's order,
    whatever collation the database sorts text with.
    """
    for kind in SEARCH_KINDS:
        rows: Iterable[Sequence[Any]] = execute(doc_sql(kind, dialect))
        if kind == "event" and dialect != "sqlite":
            rows = sorted(rows, key=lambda r: (str(r[1]), str(r[0])))
        for rid, date, title_en, title_zh, extra, refs, heading, body in rows:
            keys = [rid, *(k for k in (extra or "").split("\n") if k)]
            cites = [ref for ref in (refs or "").split("\n") if ref]
            yield SearchDoc(kind, rid, date or "", title_en or "", title_zh or "",
                            tuple(dict.fromkeys(keys)), tuple(dict.fromkeys(cites)),
                            tuple(dict.fromkeys(x for x in (heading or "").split("\n") if x)),
                            tuple(x for x in body.split("\n") if x))


# --- building ------------------------------------------------------------------------------

_CREATE = (
    "CREATE TABLE search_docs (rowid INTEGER PRIMARY KEY, kind TEXT NOT NULL, "
    "record_id TEXT NOT NULL, date TEXT NOT NULL, title_en TEXT NOT NULL, "
    "title_zh TEXT NOT NULL, keys TEXT NOT NULL, body_raw TEXT NOT NULL, title TEXT NOT NULL, "
    "body TEXT NOT NULL)",
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='search_docs', "
    "content_rowid='rowid', tokenize='trigram')",
    # prefix='1 2': one- and two-character prefix queries read one prefix list each.
    "CREATE VIRTUAL TABLE search_grams USING fts5(title, body, content='', "
    "tokenize='unicode61', prefix='1 2')",
    # own = 1: the record's own id/symbol/number/ref; 0: a report paragraph it cites.
    "CREATE TABLE search_keys (key TEXT NOT NULL, own INTEGER NOT NULL, doc INTEGER NOT NULL, "
    "PRIMARY KEY (key, own, doc)) WITHOUT ROWID",
)
_CHUNK = 20_000


def _symbol_forms(text: str) -> str:
    """The compact forms of the symbols in a text ("C13/85" → "c1385"), appended to what is
    indexed so "C-13/85" finds the symbol written "C13/85" inside a description too."""
    forms = [compact_key(tok) for tok in text.split()
             if any(c.isdigit() for c in tok) and any(c in "/-" for c in tok)]
    return " ".join(f for f in forms if f)


def _index_texts(doc: SearchDoc) -> tuple[str, str]:
    title = normalise("\n".join([doc.title_en, doc.title_zh, *doc.heading, *doc.keys,
                                 *(compact_key(k) for k in doc.keys), *doc.cites]))
    body = normalise("\n".join(doc.body))
    return title, f"{body}\n{_symbol_forms(body)}" if any(c.isdigit() for c in body) else body


def write_search_index(con: sqlite3.Connection, docs: Iterable[SearchDoc]) -> int:
    """Create the search tables in `con` and fill them from `docs`; returns the row count.

    The caller commits. Rows are numbered in the order given, which is the order hits of one
    tier are listed in (kinds in SEARCH_KINDS order, events in time order).
    """
    for sql in _CREATE:
        con.execute(sql)
    n = 0
    batch: list[SearchDoc] = []

    def flush() -> None:
        rows, grams, keys = [], [], []
        for k, doc in enumerate(batch, start=n - len(batch) + 1):
            title, body = _index_texts(doc)
            rows.append((k, doc.kind, doc.id, doc.date, doc.title_en, doc.title_zh,
                         "\n".join([*doc.keys, *doc.cites]),
                         "\n".join([*doc.heading, *doc.body]), title, body))
            grams.append((k, f"{title} {cjk_bigrams(title)}", f"{body} {cjk_bigrams(body)}"))
            own = dict.fromkeys(compact_key(x) for x in doc.keys)
            keys += [(key, 1, k) for key in own if key]
            keys += [(key, 0, k) for key in dict.fromkeys(compact_key(x) for x in doc.cites)
                     if key and key not in own]
        con.executemany("INSERT INTO search_docs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        con.executemany("INSERT INTO search_grams (rowid, title, body) VALUES (?, ?, ?)", grams)
        con.executemany("INSERT OR IGNORE INTO search_keys VALUES (?, ?, ?)", keys)
        batch.clear()

    for doc in docs:
        batch.append(doc)
        n += 1
        if len(batch) >= _CHUNK:
            flush()
    flush()
    con.execute("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")
    con.execute("INSERT INTO search_grams (search_grams) VALUES ('optimize')")
    con.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
    return n


def build_search_index(con: sqlite3.Connection) -> int:
    """Index every record of the database `con` (its record tables must be filled)."""
    n = write_search_index(con, iter_search_docs(con.execute))
    con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('search_index', ?)",
                (SEARCH_INDEX_VERSION,))
    return n


# --- querying ------------------------------------------------------------------------------

def _fts_string(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


_ROW_COLUMNS = "rowid, kind, record_id, date, title_en, title_zh, keys, body_raw"


Connect = Callable[[], AbstractContextManager[sqlite3.Connection]]


class SqliteSearch:
    """A SearchBackend over the search tables of an SQLite connection.

    `connect()` gives a connection for one query, closed after it, so no file handle stays
    open between searches (opening a read-only SQLite file costs well under a millisecond).
    """

    def __init__(self, connect: Connect, description: str, label: str = "") -> None:
        self._connect = connect
        self._lock = threading.Lock()
        self.description = description
        self.label = label

    def _run(self, fn: Callable[[sqlite3.Connection], Any]) -> Any:
        # The file is untrusted: search tables with other columns, or corrupt pages, are one
        # line naming the file, not a traceback.
        try:
            with self._lock, self._connect() as con:
                return fn(con)
        except (sqlite3.Error, SQLAlchemyError) as exc:
            raise DatabaseError(f"{self.label or 'database'}: its search index cannot be read "
                                f"({exc}); rebuild it with 'wsis-viewer build-db'") from exc

    def search(self, query: str, *, kinds: Sequence[str] | None = None,
               limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
        terms = query_terms(query)
        if not terms or limit <= 0:
            return []
        return list(self._run(lambda con: _search(con, query, terms, kinds, limit)))

    def event_ids(self, query: str) -> list[str]:
        terms = query_terms(query)
        if not terms:
            return []
        return list(self._run(lambda con: _event_ids(con, terms)))


def _term_expression(term: str) -> str:
    """A long term, or its compact form when it is a symbol typed another way."""
    compact = compact_key(term)
    if compact != term and len(compact) >= TRIGRAM_MIN:
        return f"({_fts_string(term)} OR {_fts_string(compact)})"
    return _fts_string(term)


def _rowids(con: sqlite3.Connection, terms: list[str], column: str | None,
            kinds: Sequence[str] | None, limit: int | None, *, ids: bool = False) -> list[Any]:
    """Rows matching every term (in `column` only, when given), in index order.

    Long terms drive the trigram index. Short terms alone are token prefixes in the word
    index; beside a long term they are checked as substrings of the candidates' text while
    the candidates stream in, so a one-character term ("1") never materialises the million
    rows it matches on its own.
    """
    long = [t for t in terms if len(t) >= TRIGRAM_MIN]
    short = [t for t in terms if len(t) < TRIGRAM_MIN]
    table = "search_fts" if long else "search_grams"
    expr = " AND ".join(_term_expression(t) for t in long) if long else \
        " AND ".join(_fts_string(t) + " *" for t in short)
    params: list[Any] = [f"{column} : ({expr})" if column else expr]
    check_short = bool(long and short)
    text = "d.title" if column == "title" else "d.title || ' ' || d.body"
    # ids=True: the records' ids instead of the row numbers (one query for a highlight).
    out_column = "d.record_id" if ids else f"{table}.rowid"
    sql = (f"SELECT {out_column}{', ' + text if check_short else ''} FROM {table}"
           + (" JOIN search_docs d ON d.rowid = " + table + ".rowid"
              if kinds or check_short or ids else "")
           + f" WHERE {table} MATCH ?")
    if kinds:
        sql += f" AND d.kind IN ({', '.join('?' * len(kinds))})"
        params += list(kinds)
    sql += f" ORDER BY {table}.rowid"
    if not check_short:
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [r[0] for r in con.execute(sql, params)]
    out: list[Any] = []
    cursor = con.execute(sql, params)
    while rows := cursor.fetchmany(512):
        out += [rowid for rowid, hay in rows if all(t in hay for t in short)]
        if limit is not None and len(out) >= limit:
            return out[:limit]
    return out


def _search(con: sqlite3.Connection, query: str, terms: list[str],
            kinds: Sequence[str] | None, limit: int) -> list[SearchHit]:
    tiers: dict[int, Tier] = {}
    key = compact_key(query)
    if key:
        for doc, own in con.execute("SELECT doc, own FROM search_keys WHERE key = ? "
                                    "ORDER BY own DESC, doc LIMIT ?", (key, limit + 1000)):
            tiers.setdefault(doc, Tier.EXACT if own else Tier.CITES)
    for column, tier in (("title", Tier.TITLE), (None, Tier.BODY)):
        if len(tiers) >= limit and not kinds:
            break
        for doc in _rowids(con, terms, column, kinds, limit + len(tiers)):
            tiers.setdefault(doc, tier)
    if not tiers:
        return []
    rows = {}
    ids = list(tiers)
    for i in range(0, len(ids), 900):  # SQLite's limit on bound parameters
        part = ids[i:i + 900]
        for row in con.execute(f"SELECT {_ROW_COLUMNS} FROM search_docs WHERE rowid IN "
                               f"({', '.join('?' * len(part))})", part):
            rows[row[0]] = row
    hits = []
    for doc, tier in sorted(tiers.items(), key=lambda kv: (-kv[1], kv[0])):
        row = rows.get(doc)
        if row is None or (kinds and row[1] not in kinds):
            continue
        _rowid, kind, rid, date, title_en, title_zh, keys, body = row
        key_list = keys.split("\n")
        if tier >= Tier.CITES:
            texts = [title_en, title_zh]
        elif tier is Tier.TITLE:
            texts = [title_en, title_zh, *key_list, *body.split("\n")]
        else:
            texts = [*body.split("\n"), title_en, title_zh]
        text, start, end = excerpt(texts, terms, key_list if tier >= Tier.CITES else None,
                                   query)
        hits.append(SearchHit(kind, rid, title_en, title_zh, date, tier, text, start, end))
        if len(hits) >= limit:
            break
    return hits


def _event_ids(con: sqlite3.Connection, terms: list[str]) -> list[str]:
    return _rowids(con, terms, None, ("event",), None, ids=True)


# --- opening -------------------------------------------------------------------------------

def has_search_tables(con: sqlite3.Connection) -> bool:
    names = {r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE name IN "
        f"({', '.join('?' * len(SEARCH_TABLES))})", SEARCH_TABLES)}
    return names == set(SEARCH_TABLES)


def in_memory_search(docs: Iterable[SearchDoc], description: str) -> SqliteSearch:
    """The same index built in memory from `docs` (for databases built without one)."""
    con = sqlite3.connect(":memory:", check_same_thread=False)
    write_search_index(con, docs)
    con.commit()
    return SqliteSearch(lambda: contextlib.nullcontext(con), description)


class LazySearch:
    """A SearchBackend built on first use by `build` (the fallback for older databases)."""

    def __init__(self, build: Callable[[], SearchBackend], description: str) -> None:
        self._build = build
        self._backend: SearchBackend | None = None
        self._lock = threading.Lock()
        self.description = description

    def _get(self) -> SearchBackend:
        with self._lock:
            if self._backend is None:
                self._backend = self._build()
            return self._backend

    def search(self, query: str, *, kinds: Sequence[str] | None = None,
               limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
        if not query_terms(query):
            return []
        return self._get().search(query, kinds=kinds, limit=limit)

    def event_ids(self, query: str) -> list[str]:
        if not query_terms(query):
            return []
        return self._get().event_ids(query)


def open_search(engine: Engine, label: str) -> SearchBackend:
    """The search of the database behind `engine` (the store's, read-only).

    It connects afresh for each query (NullPool), so it outlives the store's own pool and
    keeps no file open. A database without the search tables (built by an older version)
    gets the in-memory fallback, built on its first search, and the log says so.
    """
    if engine.url.get_backend_name() != "sqlite":
        # A team server: the index published with the version, read on a thread of its own
        # (opening never waits for it; store/server_search.py).
        from wsis_viewer.store.server_search import open_server_search

        return open_server_search(engine, label)
    # A file's engine makes its connections itself (store/safe_open.py: read-only, hardened);
    # its URL names no file, so a copy of the URL would open another, empty database. Search
    # through the store's own engine: after the store is closed (disposed) it still connects.
    searcher = engine if engine.url.get_backend_name() == "sqlite" \
        else create_engine(engine.url, poolclass=NullPool)

    @contextlib.contextmanager
    def connect() -> Iterator[sqlite3.Connection]:
        raw = searcher.raw_connection()  # owns the driver connection: keep it referenced
        try:
            con = raw.driver_connection
            assert isinstance(con, sqlite3.Connection)
            yield con
        finally:
            raw.close()

    if engine.url.get_backend_name() == "sqlite":
        try:
            with connect() as con:
                ready = has_search_tables(con)
        except sqlite3.DatabaseError:
            ready = False
        if ready:
            return SqliteSearch(connect, "SQLite FTS5 (trigram) index in the database", label)

    def build() -> SearchBackend:
        log.warning("%s has no search index (built by an older version): building one in "
                    "memory; rebuild the database with 'wsis-viewer build-db' to avoid this",
                    label)
        # A server's store engine sets up its connections (which published version, whose
        # schema): its records are read through that engine, not a bare copy of its URL.
        reader = searcher if engine.url.get_backend_name() == "sqlite" else engine
        try:
            with reader.connect() as conn:
                docs = list(iter_search_docs(lambda sql: conn.exec_driver_sql(sql),
                                             engine.url.get_backend_name()))
                if reader is engine and engine is not searcher:
                    # Not back into the store's pool: the store may be closed (disposed)
                    # already, and nothing would close a connection left there (it leaked
                    # until garbage collection, seen as a ResourceWarning in the tests).
                    conn.invalidate()
        except SQLAlchemyError as exc:
            raise DatabaseError(f"{label}: its records cannot be searched ({exc})") from exc
        finally:
            if searcher is not engine:
                searcher.dispose()
        return in_memory_search(docs, "in-memory index (the database has none)")

    return LazySearch(build, "in-memory index (the database has none)")
