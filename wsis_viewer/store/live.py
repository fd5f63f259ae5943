"""Live updates from a team server: LISTEN on a background connection (Qt-free).

`ChangeListener` runs one thread with its own connection. It calls `on_change(payload)` for
every announcement on the `wsis_viewer` channel ("notes:<record>", "views:<name>",
"dataset:<version>", see server_admin.py) and `on_state(connected, reason)` whenever the
connection is made, lost or made again. After a reconnection the caller must re-read what it
shows: announcements sent while the connection was down are gone (PostgreSQL does not keep
them). The callbacks run on the listener's thread; a GUI hands them to its own thread.

The connection is checked every few seconds with a trivial query, so a server that vanished
without closing the socket is noticed too, not only one that shut down cleanly.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import psycopg
from sqlalchemy.engine import make_url

from wsis_viewer.store.server_admin import CHANNEL

ChangeFn = Callable[[str], None]
StateFn = Callable[[bool, str], None]


def libpq_conninfo(target: str) -> str:
    """The URL as libpq reads it (SQLAlchemy's driver suffix removed)."""
    url = make_url(target).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


class ChangeListener:
    def __init__(self, target: str, on_change: ChangeFn, on_state: StateFn, *,
                 retry_s: float = 1.0, ping_s: float = 3.0) -> None:
        self._conninfo = libpq_conninfo(target)
        self._on_change = on_change
        self._on_state = on_state
        self._retry_s = retry_s
        self._ping_s = ping_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="wsis-listen", daemon=True)
        self.connected: bool | None = None  # None until the first attempt ends

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _set_state(self, connected: bool, reason: str) -> None:
        if connected != self.connected:
            self.connected = connected
            self._on_state(connected, reason)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True, connect_timeout=5,
                                     keepalives=1, keepalives_idle=5, keepalives_interval=2,
                                     keepalives_count=2) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self._set_state(True, "")
                    last_ping = time.monotonic()
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=0.25):
                            self._on_change(note.payload)
                        if time.monotonic() - last_ping > self._ping_s:
                            conn.execute("SELECT 1")
                            last_ping = time.monotonic()
            except psycopg.Error as exc:
                reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(
                    exc).__name__
                self._set_state(False, reason)
                self._stop.wait(self._retry_s)
