"""Notes and named views: what an analyst writes about the records (Qt-free, store-free).

A note belongs to one record (an event id, a document symbol, a resolution or recommendation
id …), carries its author and times, and is identified by a client-made `uid`, so a write that
is retried after a lost connection can never store the same note twice.

A named view is a snapshot of what the window shows, kept as a plain JSON object (`state`):
the time range, hidden lanes, years, selection, search text and language. It is deliberately a
dict rather than a typed object so views saved by a newer viewer (with more keys) still load.
`view_link` / `parse_view_link` turn a view into a `wsis-viewer:` link and back.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlencode

LINK_SCHEME = "wsis-viewer"
MAX_NOTE_CHARS = 20_000  # a note is a paragraph or a page, never a document
# The keys a named view understands; unknown keys are kept but ignored by this version.
VIEW_KEYS = ("x0", "x1", "hidden_lanes", "years", "selected", "search", "language")


class NoteError(ValueError):
    """A note or view that cannot be stored (empty text, unknown record, bad name …)."""


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    uid: str
    record: str
    text: str
    author: str
    created: dt.datetime
    edited: dt.datetime | None = None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "record": self.record, "text": self.text,
                "author": self.author, "created": self.created.isoformat(),
                "edited": self.edited.isoformat() if self.edited else None}


@dataclass(frozen=True, slots=True)
class NamedView:
    name: str
    owner: str
    state: dict[str, Any]
    saved: dt.datetime


def clean_note_text(text: str) -> str:
    """The text to store, or NoteError: blank and oversized notes are refused."""
    cleaned = text.strip()
    if not cleaned:
        raise NoteError("a note needs some text")
    if len(cleaned) > MAX_NOTE_CHARS:
        raise NoteError(f"a note is limited to {MAX_NOTE_CHARS} characters "
                        f"(this one has {len(cleaned)})")
    return cleaned


def clean_view_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise NoteError("a view needs a name")
    if len(cleaned) > 200:
        raise NoteError("a view name is limited to 200 characters")
    return cleaned


def check_view_state(state: object) -> dict[str, Any]:
    """A view state must be a JSON object that survives a round trip through JSON."""
    if not isinstance(state, dict):
        raise NoteError("a view state is a JSON object")
    try:
        return dict(json.loads(json.dumps(state)))
    except (TypeError, ValueError) as exc:
        raise NoteError(f"a view state must be plain JSON ({exc})") from exc


def view_link(name: str, state: dict[str, Any]) -> str:
    """`wsis-viewer:view?name=…&state=…` with the state as URL-safe base64 JSON (compact,
    survives e-mail and chat clients that break long lines at punctuation)."""
    packed = base64.urlsafe_b64encode(
        json.dumps(check_view_state(state), separators=(",", ":"), sort_keys=True,
                   ensure_ascii=False).encode("utf-8")).decode("ascii").rstrip("=")
    return f"{LINK_SCHEME}:view?" + urlencode({"name": name, "state": packed}, quote_via=quote)


def parse_view_link(link: str) -> tuple[str, dict[str, Any]]:
    """(name, state) of a link made by `view_link`; NoteError names what is wrong."""
    text = link.strip()
    prefix = f"{LINK_SCHEME}:view?"
    if not text.startswith(prefix):
        raise NoteError(f"not a view link (it must start with {prefix!r})")
    query = parse_qs(text[len(prefix):], keep_blank_values=True)
    names, states = query.get("name", []), query.get("state", [])
    if len(names) != 1 or len(states) != 1:
        raise NoteError("a view link needs exactly one name and one state")
    packed = unquote(states[0])
    try:
        raw = base64.urlsafe_b64decode(packed + "=" * (-len(packed) % 4))
        state = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise NoteError(f"the view link's state is damaged ({exc})") from exc
    return clean_view_name(names[0]), check_view_state(state)
