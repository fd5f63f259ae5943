"""Does a record id exist in a dataset? (A note must be about a record that is there.)"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

from wsis_viewer.domain.model import RecordType

# Every table whose key is a record id a note can be attached to, with that key's column.
RECORD_KEYS: tuple[tuple[str, str], ...] = (
    ("events", "id"), ("documents", "symbol"), ("resolutions", "id"),
    ("recommendations", "id"), ("people", "id"), ("contributors", "id"), ("topics", "id"),
    ("figures", "id"))


# The RecordType value of each table above, in the same order.
_KINDS = ("event", "document", "resolution", "recommendation", "person", "contributor", "topic",
          "figure")


def record_kinds(conn: Connection, records: list[str]) -> dict[str, RecordType]:
    """The kind of each of `records` that exists (the first table holding it)."""
    found: dict[str, RecordType] = {}
    wanted = sorted(set(records))
    for (table, key), kind in zip(RECORD_KEYS, _KINDS, strict=True):
        for i in range(0, len(wanted), 500):
            chunk = wanted[i:i + 500]
            names = ", ".join(f":r{k}" for k in range(len(chunk)))
            for (rid,) in conn.execute(text(f'SELECT "{key}" FROM "{table}" WHERE "{key}" IN '
                                            f"({names})"),
                                       {f"r{k}": v for k, v in enumerate(chunk)}):
                found.setdefault(rid, RecordType(kind))
    return found


def record_exists(conn: Connection, record: str, schema: str | None = None) -> bool:
    prefix = f'"{schema}".' if schema else ""
    sql = " UNION ALL ".join(
        f'SELECT 1 FROM {prefix}"{table}" WHERE "{key}" = :r' for table, key in RECORD_KEYS)
    return conn.execute(text(f"SELECT EXISTS ({sql})"), {"r": record}).scalar() in (True, 1)
