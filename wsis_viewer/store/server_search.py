"""Search of a team server's dataset: the FTS5 index, made at publish, read in the background.

A published version carries its search index ready made: `publish` builds the very index
`build-db` writes into a file (store/search_index.py: FTS5 trigram, word and key tables) in an
in-memory SQLite database, and stores that database's image (`sqlite3.Connection.serialize`)
in the version's schema, table `search_image`, cut into chunks like the timeline cache
(`<part>#<k>` rows of at most `timeline_cache.CHUNK_BYTES`). Parts: `header` (JSON: format,
version, the index's layout version, byte length and CRC-32 of the image) and `sqlite` (the
image).

Why an image and not a search in PostgreSQL: the answers are then exactly those of the same
data in a file (one implementation, tested once), a query takes a millisecond or two in local
memory with no round trip to the server, and nothing is needed on the server beyond plain
tables (pg_trgm, which a trigram search in PostgreSQL would need, is an extension a team's
server may not have).

Opening a server's dataset starts reading the image on a thread of its own (`BackgroundSearch`):
the window never waits for it. Until it is there, `ready()` is False; a search asked meanwhile
waits for it on the asking thread — the command line's `search --db URL` simply waits, and the
window asks only from its operations layer, or not at all before `ready()`
(ui/server_search_ui.py). A version published by an older viewer, without an image, gets the
index built from its rows instead, on the same thread, and the log says so.

The image is untrusted like any database file: it is opened in memory with the guards of
`safe_open.harden` (read-only, value-length limit, no ATTACH, a deadline per query), and its
schema must be exactly the search tables `build-db` writes, or it is refused in one line.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import threading
import zlib
from collections.abc import Callable, Iterator, Sequence

from sqlalchemy import Column, LargeBinary, MetaData, String, Table, insert, inspect
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from wsis_viewer.domain.search_text import SearchHit
from wsis_viewer.store.problems import DatabaseError
from wsis_viewer.store.safe_open import harden
from wsis_viewer.store.search_index import (
    DEFAULT_LIMIT,
    SEARCH_INDEX_VERSION,
    SearchBackend,
    SqliteSearch,
    has_search_tables,
    in_memory_search,
    iter_search_docs,
    write_search_index,
)
from wsis_viewer.store.timeline_cache import CacheError, chunk_parts, join_chunks

log = logging.getLogger(__name__)

IMAGE_TABLE = "search_image"
IMAGE_FORMAT = "wsis-search-image"
IMAGE_VERSION = 1

_metadata = MetaData()
image_table = Table(
    IMAGE_TABLE, _metadata,
    Column("name", String, primary_key=True),
    Column("data", LargeBinary, nullable=False),
)


# --- writing (publish) ------------------------------------------------------------------------

def build_search_image(source: sqlite3.Connection) -> bytes:
    """The search index of the records in `source` (a database file's connection), as the
    image of an in-memory SQLite database holding only the search tables."""
    mem = sqlite3.connect(":memory:")
    try:
        write_search_index(mem, iter_search_docs(source.execute))
        mem.commit()
        mem.execute("VACUUM")
        return mem.serialize()
    finally:
        mem.close()


def image_rows(image: bytes) -> list[dict[str, object]]:
    header = {"format": IMAGE_FORMAT, "version": IMAGE_VERSION,
              "search_index": SEARCH_INDEX_VERSION, "bytes": len(image),
              "crc32": zlib.crc32(image)}
    return chunk_parts({"header": json.dumps(header, sort_keys=True).encode("utf-8"),
                        "sqlite": image})


def write_search_image(conn: Connection, image: bytes) -> None:
    """Create `search_image` in the connection's schema (the caller's schema_translate_map)
    and store `image` in it, in the caller's transaction."""
    image_table.create(conn)
    conn.execute(insert(image_table), image_rows(image))


# --- reading ----------------------------------------------------------------------------------

def _search_schema() -> frozenset[tuple[str, str]]:
    from wsis_viewer.store.integrity import optional_schema

    return frozenset((e[0], e[1]) for e in optional_schema() if e[1].startswith("search_")
                     or e[2].startswith("search_"))


def open_image(image: bytes, label: str) -> SqliteSearch:
    """A search over a stored image; DatabaseError (one line) if it is not exactly ours."""
    con = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        con.deserialize(image)
        deadline = harden(con)
        names = {(str(r[0]), str(r[1])) for r in con.execute(
            "SELECT type, name FROM sqlite_master")}
        if not has_search_tables(con) or not names <= _search_schema():
            raise DatabaseError(f"{label}: its stored search index holds something else "
                                "than the search tables; publish the dataset again")
    except sqlite3.Error as exc:
        con.close()
        raise DatabaseError(f"{label}: its stored search index cannot be read ({exc}); "
                            "publish the dataset again") from exc
    except BaseException:
        con.close()
        raise

    @contextlib.contextmanager
    def connect() -> Iterator[sqlite3.Connection]:
        deadline.arm()  # one deadline per query, as for a file
        yield con

    return SqliteSearch(connect, "FTS5 index published with the dataset, held in memory", label)


def read_search_image(engine: Engine, label: str) -> SqliteSearch | None:
    """The published search index of the version behind `engine`; None when the version has
    none (published by an older viewer). Raises DatabaseError when it is there but bad."""
    with engine.connect() as conn:
        if not inspect(conn).has_table(IMAGE_TABLE):
            return None
        rows = [(str(name), bytes(data)) for name, data in conn.execute(
            image_table.select().with_only_columns(image_table.c.name, image_table.c.data))]
    try:
        parts = join_chunks(rows)
        header = json.loads(parts["header"].decode("utf-8"))
        image = parts["sqlite"]
    except (CacheError, KeyError, UnicodeDecodeError, ValueError) as exc:
        raise DatabaseError(f"{label}: its stored search index is damaged ({exc}); "
                            "publish the dataset again") from None
    if not isinstance(header, dict) or header.get("format") != IMAGE_FORMAT \
            or header.get("version") != IMAGE_VERSION \
            or header.get("search_index") != SEARCH_INDEX_VERSION:
        log.warning("%s: its stored search index is of another version: building one from "
                    "its records instead", label)
        return None
    if header.get("bytes") != len(image) or header.get("crc32") != zlib.crc32(image):
        raise DatabaseError(f"{label}: its stored search index is damaged (checksum); "
                            "publish the dataset again")
    return open_image(image, label)


def build_from_rows(engine: Engine, label: str) -> SearchBackend:
    """The index built in memory from the version's records (no image published)."""
    log.warning("%s has no published search index (published by an older version): building "
                "one in memory; publish the dataset again to avoid this", label)
    with engine.connect() as conn:
        docs = list(iter_search_docs(lambda sql: conn.exec_driver_sql(sql),
                                     engine.url.get_backend_name()))
    return in_memory_search(docs, "in-memory index built from the server's records")


class BackgroundSearch:
    """A SearchBackend whose index is fetched (or built) on a thread started at once."""

    def __init__(self, load: Callable[[], SearchBackend], label: str) -> None:
        self.label = label
        self.description = "being prepared"
        self._backend: SearchBackend | None = None
        self._error: DatabaseError | None = None
        self._done = threading.Event()
        self._listeners: list[Callable[[], None]] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._load, args=(load,),
                                        name="search-index", daemon=True)
        self._thread.start()

    def _load(self, load: Callable[[], SearchBackend]) -> None:
        try:
            backend = load()
            self.description = backend.description
            self._backend = backend
        except DatabaseError as exc:
            self._error = exc
        except (SQLAlchemyError, sqlite3.Error, OSError) as exc:
            self._error = DatabaseError(f"{self.label}: its records cannot be searched "
                                        f"({str(exc).strip().splitlines()[0]})")
        with self._lock:
            self._done.set()
            listeners, self._listeners = self._listeners, []
        for listener in listeners:
            listener()

    def ready(self) -> bool:
        """True once a search answers at once (or fails at once, with the reason)."""
        return self._done.is_set()

    def when_ready(self, listener: Callable[[], None]) -> None:
        """Call `listener()` once ready: at once if it is, else on the loading thread."""
        with self._lock:
            if not self._done.is_set():
                self._listeners.append(listener)
                return
        listener()

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)

    def _get(self) -> SearchBackend:
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._backend is not None
        return self._backend

    def search(self, query: str, *, kinds: Sequence[str] | None = None,
               limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
        return self._get().search(query, kinds=kinds, limit=limit)

    def event_ids(self, query: str) -> list[str]:
        return self._get().event_ids(query)


def open_server_search(engine: Engine, label: str) -> BackgroundSearch:
    """The search of a server's published version (engine: the store's, on that version)."""
    def load() -> SearchBackend:
        try:
            found = read_search_image(engine, label)
        except SQLAlchemyError as exc:
            raise DatabaseError(f"{label}: its search index cannot be read "
                                f"({str(exc).strip().splitlines()[0]})") from exc
        return found if found is not None else build_from_rows(engine, label)

    return BackgroundSearch(load, label)
