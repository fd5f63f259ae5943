"""Search of a team server's dataset: the FTS5 index, made at publish, read in the background.

A published version carries its search index ready made: `publish` builds the very index
`build-db` writes into a file (store/search_index.py: FTS5 trigram, word and key tables) in a
temporary SQLite file, and stores that file's bytes (its "image") in the version's schema,
table `search_image`, cut into chunks like the timeline cache (`<part>#<k>` rows of at most
`timeline_cache.CHUNK_BYTES`). Parts: `header` (JSON: format, version, the index's layout
version, byte length and CRC-32 of the image) and `sqlite` (the image).

A reader streams the image into a private temporary file (deleted once opened) and searches it
with the same code as a database file's tables (`SqliteSearch`): the index of a big dataset is
hundreds of MB, kept out of memory.

Why an image and not a search in PostgreSQL: the answers are then exactly those of the same
data in a file (one implementation, tested once), a query takes a millisecond or two with no
round trip to the server, and nothing is needed on the server beyond plain
tables (pg_trgm, which a trigram search in PostgreSQL would need, is an extension a team's
server may not have).

Opening a server's dataset starts reading the image on a thread of its own (`BackgroundSearch`):
the window never waits for it. Until it is there, `ready()` is False; a search asked meanwhile
waits for it on the asking thread — the command line's `search --db URL` simply waits, and the
window asks only from its operations layer, or not at all before `ready()`
(ui/server_open.py). A version published by an older viewer, without an image, gets the
index built from its rows instead, on the same thread, and the log says so.

The image is untrusted like any database file: it is opened with the guards of
`safe_open.harden` (read-only, value-length limit, no ATTACH, a deadline per query), and its
schema must be exactly the search tables `build-db` writes, or it is refused in one line.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import logging
import os
import sqlite3
import tempfile
import threading
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from sqlalchemy import Column, LargeBinary, MetaData, String, Table, insert, inspect, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from wsis_viewer.domain.search_text import SearchHit, query_terms
from wsis_viewer.store.problems import DatabaseError
from wsis_viewer.store.safe_open import file_uri, harden
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
from wsis_viewer.store.timeline_cache import CHUNK_BYTES, CacheError, chunk_parts, join_chunks

log = logging.getLogger(__name__)

IMAGE_TABLE = "search_image"
IMAGE_FORMAT = "wsis-search-image"
IMAGE_VERSION = 1
MAX_IMAGE_BYTES = 1 << 36  # 64 GiB: a header claiming more is damaged (or hostile)

_metadata = MetaData()
image_table = Table(
    IMAGE_TABLE, _metadata,
    Column("name", String, primary_key=True),
    Column("data", LargeBinary, nullable=False),
)


# --- writing (publish) ------------------------------------------------------------------------

def build_search_image(source: sqlite3.Connection, folder: Path) -> Path:
    """The search index of the records in `source` (a database file's connection), written
    to a new SQLite file in `folder` that holds only the search tables."""
    path = folder / "search-image.sqlite"
    out = sqlite3.connect(path)
    try:
        out.execute("PRAGMA journal_mode = OFF")  # a scratch file: nothing to roll back to
        write_search_index(out, iter_search_docs(source.execute))
        out.commit()
        out.execute("VACUUM")
    finally:
        out.close()
    return path


def write_search_image(conn: Connection, image: Path) -> None:
    """Create `search_image` in the connection's schema (the caller's schema_translate_map)
    and store the file `image` in it, chunk by chunk, in the caller's transaction."""
    size, crc = 0, 0
    image_table.create(conn)
    with image.open("rb") as f:
        k = 0
        while chunk := f.read(CHUNK_BYTES):
            conn.execute(insert(image_table), [{"name": f"sqlite#{k}", "data": chunk}])
            size += len(chunk)
            crc = zlib.crc32(chunk, crc)
            k += 1
    header = {"format": IMAGE_FORMAT, "version": IMAGE_VERSION,
              "search_index": SEARCH_INDEX_VERSION, "bytes": size, "crc32": crc}
    conn.execute(insert(image_table), chunk_parts(
        {"header": json.dumps(header, sort_keys=True).encode("utf-8")}))


# --- reading ----------------------------------------------------------------------------------

def _search_schema() -> frozenset[tuple[str, str]]:
    from wsis_viewer.store.integrity import optional_schema

    return frozenset((e[0], e[1]) for e in optional_schema() if e[1].startswith("search_")
                     or e[2].startswith("search_"))


def open_image(path: Path, label: str) -> SqliteSearch:
    """A search over an image written to `path`; DatabaseError (one line) unless it is
    exactly the search tables. The file is deleted once open (where the system allows: on
    Windows, at exit), so nothing of it outlives the process."""
    con = sqlite3.connect(file_uri(path, immutable=True), uri=True, check_same_thread=False)
    try:
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
    finally:
        try:
            path.unlink()
        except OSError:  # open elsewhere (Windows): removed at exit
            atexit.register(_remove, path)

    @contextlib.contextmanager
    def connect() -> Iterator[sqlite3.Connection]:
        deadline.arm()  # one deadline per query, as for a file
        yield con

    return SqliteSearch(connect, "FTS5 index published with the dataset, in a private "
                        "temporary file", label)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


@contextlib.contextmanager
def _own_connection(engine: Engine) -> Iterator[Connection]:
    """A connection of the store's engine that is closed after use, not pooled: the store may
    close (dispose its pool) while the index is read, and nothing would close it then."""
    with engine.connect() as conn:
        try:
            yield conn
        finally:
            conn.invalidate()


def _chunk_number(name: str, part: str) -> int:
    k = name[len(part) + 1:]
    if not name.startswith(part + "#") or not k.isdigit() or k != str(int(k)):
        raise CacheError(f"row {name!r} is not a numbered chunk")
    return int(k)


def read_search_image(engine: Engine, label: str) -> SqliteSearch | None:
    """The published search index of the version behind `engine`; None when the version has
    none (published by an older viewer). Raises DatabaseError when it is there but bad.

    The image is streamed, chunk by chunk, into a private temporary file (the image of a big
    dataset is hundreds of MB: it is not held in memory), which SQLite then reads like any
    database file."""
    with _own_connection(engine) as conn:
        if not inspect(conn).has_table(IMAGE_TABLE):
            return None
        name, data = image_table.c.name, image_table.c.data
        try:
            header_rows = [(str(n), bytes(d)) for n, d in conn.execute(
                select(name, data).where(name.like("header#%")))]
            header = json.loads(join_chunks(header_rows)["header"].decode("utf-8"))
        except (CacheError, KeyError, UnicodeDecodeError, ValueError) as exc:
            raise DatabaseError(f"{label}: its stored search index is damaged ({exc}); "
                                "publish the dataset again") from None
        if not isinstance(header, dict) or header.get("format") != IMAGE_FORMAT \
                or header.get("version") != IMAGE_VERSION \
                or header.get("search_index") != SEARCH_INDEX_VERSION:
            log.warning("%s: its stored search index is of another version: building one "
                        "from its records instead", label)
            return None
        size = header.get("bytes")
        if type(size) is not int or not 0 < size <= MAX_IMAGE_BYTES:
            raise DatabaseError(f"{label}: its stored search index is damaged (size); "
                                "publish the dataset again")
        fd, tmp = tempfile.mkstemp(prefix="wsis-search-", suffix=".sqlite")
        path = Path(tmp)
        try:
            crc, seen = 0, set()
            with os.fdopen(fd, "wb") as out:
                out.truncate(size)
                with conn.execution_options(stream_results=True, max_row_buffer=8).execute(
                        select(name, data).where(name.like("sqlite#%"))) as rows:
                    for stored, chunk in rows:
                        k = _chunk_number(str(stored), "sqlite")
                        at = k * CHUNK_BYTES
                        if k in seen or at + len(chunk) > size or (
                                len(chunk) != CHUNK_BYTES and at + len(chunk) != size):
                            raise CacheError(f"chunk {stored!r} does not fit the image")
                        seen.add(k)
                        out.seek(at)
                        out.write(chunk)
            if len(seen) != -(-size // CHUNK_BYTES):
                raise CacheError("a chunk of the image is missing")
            with path.open("rb") as written:
                while block := written.read(1 << 20):
                    crc = zlib.crc32(block, crc)
            if crc != header.get("crc32"):
                raise CacheError("checksum")
        except CacheError as exc:
            _remove(path)
            raise DatabaseError(f"{label}: its stored search index is damaged ({exc}); "
                                "publish the dataset again") from None
        except BaseException:
            _remove(path)
            raise
    return open_image(path, label)


def build_from_rows(engine: Engine, label: str) -> SearchBackend:
    """The index built in memory from the version's records (no image published)."""
    log.warning("%s has no published search index (published by an older version): building "
                "one in memory; publish the dataset again to avoid this", label)
    with _own_connection(engine) as conn:
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
        if not query_terms(query):  # a blank query never waits (the window asks it at open)
            return []
        return self._get().search(query, kinds=kinds, limit=limit)

    def event_ids(self, query: str) -> list[str]:
        if not query_terms(query):
            return []
        return self._get().event_ids(query)


def open_server_search(engine: Engine, label: str) -> BackgroundSearch:
    """The search of a server's published version (engine: the store's, on that version)."""
    def load() -> SearchBackend:
        try:
            found = read_search_image(engine, label)
            return found if found is not None else build_from_rows(engine, label)
        except SQLAlchemyError as exc:
            raise DatabaseError(f"{label}: its search index cannot be read "
                                f"({str(exc).strip().splitlines()[0]})") from exc

    return BackgroundSearch(load, label)
