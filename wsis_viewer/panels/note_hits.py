"""Notes as the main search and the pictures show them (Qt-free).

`note_hits` turns the notes a search found (store/workspace.py `search_notes`) into rows: the
record each is attached to (its kind and title, looked up in the dataset shown), the author,
the last change and the text with where the match is. The window's Notes results table and
`wsis-viewer search` both use it, so they say the same. `notes_html` is a record's notes as
the detail panel shows them, in the window and in an export with notes.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from dataclasses import dataclass

from wsis_viewer.domain.notes import Note, note_match_span
from wsis_viewer.domain.relations import RecordRef, Relations
from wsis_viewer.panels.record_html import RecordPage


@dataclass(frozen=True, slots=True)
class NoteHit:
    note: Note
    ref: RecordRef | None  # None: the record is not in the dataset shown
    record_title: str      # the record's name in the data language (its id when unknown)
    match_start: int       # the match in note.text (start == end: matched by the author)
    match_end: int

    @property
    def changed(self) -> dt.datetime:
        """The note's last change: when it was edited, else created."""
        return self.note.edited or self.note.created

    def to_json(self) -> dict[str, object]:
        n = self.note
        return {"id": n.id, "record": n.record,
                "record_kind": self.ref.type.value if self.ref else None,
                "record_title": self.record_title, "author": n.author, "text": n.text,
                "created": n.created.isoformat(),
                "edited": n.edited.isoformat() if n.edited else None,
                "match": [self.match_start, self.match_end]}


def note_hits(notes: Sequence[Note], rel: Relations, lang: str, query: str) -> list[NoteHit]:
    page = RecordPage(rel, lang)
    out = []
    for n in notes:
        ref = rel.ref_of_id(n.record)
        title = page.plain_label(ref) if ref is not None else n.record
        start, end = note_match_span(n.text, query)
        out.append(NoteHit(n, ref, title, start, end))
    return out


def local_time(when: dt.datetime) -> str:
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def notes_html(notes: Sequence[Note], heading: str) -> str:
    """A record's notes under `heading` (already translated): author, time, text."""
    if not notes:
        return ""
    parts = [f"<h3>{html.escape(heading)}</h3>"]
    for n in notes:
        text = html.escape(n.text).replace("\n", "<br>")
        parts.append(f"<p><b>{html.escape(n.author)}</b> · {local_time(n.created)}<br>{text}</p>")
    return "".join(parts)
