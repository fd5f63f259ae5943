"""Indexes for reading records by what links to them, written by `build-db`.

The window reads the records around a selection by key (`session/records_around.py`), which
asks "which documents were considered at this meeting?", "which resolution steps cite this
document?" and the like. Without these indexes each such question scans its whole table: about
a tenth of a second per question at a million events, on every click.

They are optional objects (`store.integrity.optional_schema`), like the search tables: a
database built before them opens and reads the same records, only slower; present, they must
be exactly these.
"""

from __future__ import annotations

import sqlite3

# (index name, table, column): the link columns that are not the first column of a key.
LOOKUP_INDEXES: tuple[tuple[str, str, str], ...] = (
    ("ix_lookup_considerations_event", "considerations", "event_id"),
    ("ix_lookup_event_resolutions_resolution", "event_resolutions", "resolution_id"),
    ("ix_lookup_resolution_steps_document", "resolution_steps", "document_symbol"),
    ("ix_lookup_topic_events_event", "topic_events", "event_id"),
    ("ix_lookup_figures_event", "figures", "event_id"),
)


def write_lookup_indexes(con: sqlite3.Connection) -> None:
    """Create the look-up indexes (idempotent); the caller commits."""
    for name, table, column in LOOKUP_INDEXES:
        con.execute(f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" ("{column}")')
