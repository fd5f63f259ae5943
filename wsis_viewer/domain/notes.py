"""Notes and named views: what an analyst writes about the records (Qt-free, store-free).

A note belongs to one record (an event id, a document symbol, a resolution or recommendation
id …), carries its author and times, and is identified by a client-made `uid`, so a write that
is retried after a lost connection can never store the same note twice.

A named view is a snapshot of the window's ViewState (domain/view_state.py), kept as a plain
JSON object (`state`, see `view_state_to_json`): time range, hidden lanes, years, selection,
search text, language, theme and "stated only". JSON rather than a pickled ViewState, so a view
saved by a newer viewer (with more keys) still loads here, its unknown keys ignored.
`view_link` / `parse_view_link` turn a view into a `wsis-viewer:` link and back.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlencode

from wsis_viewer.domain.relations import RecordRef
from wsis_viewer.domain.view_state import LANGUAGES, THEMES, ViewState

LINK_SCHEME = "wsis-viewer"
MAX_NOTE_CHARS = 20_000  # a note is a paragraph or a page, never a document


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


def note_matches(note: Note, query: str) -> bool:
    """The notes search (Notes dock, `notes list --search`): every word of `query`, ignoring
    case, somewhere in the note's text, its author or its record id."""
    haystack = f"{note.text} {note.author} {note.record}".casefold()
    return all(word in haystack for word in query.casefold().split())


def search_words(query: str) -> list[str]:
    """The words of a notes query, lower-cased: a note matches when every one of them is a
    substring of its text or of its author (the rule of `Workspace.search_notes` on both back
    ends, and of `note_found_by`)."""
    return query.lower().split()


def note_found_by(note: Note, query: str) -> bool:
    """Whether the main search's `query` finds `note` (every word, any case, somewhere in its
    text or its author); an empty query finds nothing. The same rule as the store's query, for
    notes already in memory (the exports' search emphasis)."""
    words = search_words(query)
    text, author = note.text.lower(), note.author.lower()
    return bool(words) and all(w in text or w in author for w in words)


def note_match_span(text: str, query: str) -> tuple[int, int]:
    """Where in `text` the first word of `query` found there is (start, end), for the
    highlight; (0, 0) when the note matched by its author only."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare character whose lower case is longer: no offsets
        return (0, 0)
    for word in search_words(query):
        at = lowered.find(word)
        if at >= 0:
            return (at, at + len(word))
    return (0, 0)


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


def view_state_to_json(state: ViewState) -> dict[str, Any]:
    """A ViewState as the JSON object a named view or a link stores."""
    return {
        "selected": state.selected.to_url() if state.selected else None,
        "search": state.search,
        "hidden_lanes": sorted(state.hidden_lanes),
        "years": list(state.years) if state.years else None,
        "time_range": list(state.time_range) if state.time_range else None,
        "lang": state.lang,
        "theme": state.theme,
        "stated_only": state.stated_only,
    }


def view_state_from_json(data: dict[str, Any]) -> ViewState:
    """The ViewState of a stored view. Lenient: a missing or malformed part falls back to the
    default (a view is a convenience, never a reason to refuse opening); unknown keys are
    ignored."""
    selected = data.get("selected")
    ref = RecordRef.from_url(selected) if isinstance(selected, str) else None
    years: Any = data.get("years")
    span: Any = data.get("time_range")
    lanes = data.get("hidden_lanes")
    lang, theme = data.get("lang"), data.get("theme")
    return ViewState(
        selected=ref,
        search=data["search"] if isinstance(data.get("search"), str) else "",
        hidden_lanes=frozenset(str(x) for x in lanes) if isinstance(lanes, list) else frozenset(),
        years=(int(years[0]), int(years[1])) if _pair(years) else None,
        time_range=(float(span[0]), float(span[1]))
        if _pair(span) and float(span[1]) > float(span[0]) else None,
        lang=lang if lang in LANGUAGES else "en",
        theme=theme if theme in THEMES else "light",
        stated_only=data.get("stated_only") is True)


def _pair(value: object) -> bool:
    return (isinstance(value, list) and len(value) == 2
            and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value))
