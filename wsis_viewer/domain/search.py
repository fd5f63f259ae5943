"""Free-text search over events: titles in both languages, document symbols, resolution numbers.

Qt-free. Every searchable text is normalised once into one UTF-8 byte string, one line per
(event, text) row, ending in a marker with the event's index:

    b"<text>\\x1f<event index>\\n<text>\\x1f<event index>\\n..."

A term is then one regular-expression scan in C: `term[^\\n]*\\x1f(\\d+)\\n` finds each line that
contains the term once (the match swallows the rest of the line) and hands back its event index.
No Python loop runs over the events at query time, so a 100k-event search takes milliseconds.
Bytes rather than str because the text is mostly CJK: as str it is stored 4 bytes a character and
lower-cased character by character; as UTF-8 it is smaller and ASCII lower-casing is a memcpy-speed
`bytes.lower()`. UTF-8 is self-synchronising, so a byte substring match is a character match.

The query is data: every term goes through `re.escape`, and nothing here touches SQL.
"""

from __future__ import annotations

import itertools
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future

import numpy as np
import numpy.typing as npt

_MARK = "\x1f"
_CHUNK = 50_000
# Control characters in the data could forge a marker or a line break.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Two-byte UTF-8 sequences U+0080..U+053F: Latin-1, Latin Extended, Greek, Cyrillic, Armenian,
# the non-ASCII letters with case. CJK (three bytes) never matches, so it is never touched.
_OTHER_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1e\x7f]")
_CASED_2BYTE = re.compile(rb"[\xc2-\xd4][\x80-\xbf]")


def _fold_2byte(m: re.Match[bytes]) -> bytes:
    return m.group().decode("utf-8").casefold().encode("utf-8")


def normalise(text: str) -> bytes:
    """What both the indexed text and the query go through: NFKC, then case-folded, as UTF-8.

    NFKC makes full-width "Ｃ１３" equal "C13" (common in Chinese documents). Case folding covers
    ASCII and the two-byte UTF-8 range (accented Latin, Greek, Cyrillic).
    """
    raw = unicodedata.normalize("NFKC", text).encode("utf-8").lower()
    return _CASED_2BYTE.sub(_fold_2byte, raw) if not raw.isascii() else raw


def query_terms(query: str) -> list[bytes]:
    """The whitespace-separated, normalised terms of a query (control characters dropped)."""
    return [t for t in normalise(_CONTROL.sub(" ", query)).split() if t]


class SearchIndex:
    """Case-insensitive AND-of-substrings search; results are positions in `event_ids`.

    Terms may match in different texts of the same event (a title and a document symbol).
    """

    def __init__(self, search_rows: Iterable[tuple[str, str]], event_ids: Sequence[str]) -> None:
        position = {eid: i for i, eid in enumerate(event_ids)}
        get = position.get
        # Fixed-width indices let `_find_term` decode all hits at once with numpy.
        self._width = width = max(1, len(str(len(event_ids) - 1)))
        # A chunk of rows at a time: neither all (event, text) rows, nor all lines, nor the str
        # form of all text (4 bytes a character when any is CJK) ever exist at once, which
        # keeps the peak memory of a 1M-event build (or one running beside the UI) down.
        rows = iter(search_rows)
        parts = []
        while chunk_rows := list(itertools.islice(rows, _CHUNK)):
            chunk = [f"{text}{_MARK}{i:0{width}d}\n" for event_id, text in chunk_rows
                     if text and (i := get(event_id)) is not None]
            del chunk_rows
            if not chunk:
                continue
            body = "".join(chunk)
            if _OTHER_CONTROL.search(body) or body.count("\n") != len(chunk) \
                    or body.count(_MARK) != len(chunk):  # the data carries control characters
                body = "".join(f"{_CONTROL.sub(' ', line[:line.rindex(_MARK)])}"
                               f"{line[line.rindex(_MARK):]}" for line in chunk)
            parts.append(normalise(body))
        self._text = b"".join(parts)
        self._n = len(event_ids)

    def __len__(self) -> int:
        return self._n

    def find(self, query: str) -> npt.NDArray[np.int64]:
        """Sorted indices of events containing every term of `query`; all events if no term."""
        terms = query_terms(query)
        if not terms:
            return np.arange(self._n, dtype=np.int64)
        # Longest first: usually the rarest, so the intersection shrinks fastest.
        result: npt.NDArray[np.int64] | None = None
        for term in sorted(set(terms), key=len, reverse=True):
            found = self._find_term(term)
            result = found if result is None else np.intersect1d(result, found,
                                                                  assume_unique=True)
            if not len(result):
                break
        assert result is not None
        return result

    def _find_term(self, term: bytes) -> npt.NDArray[np.int64]:
        pattern = re.compile(re.escape(term) + rb"[^\n]*\x1f(\d{%d})\n" % self._width)
        hits = pattern.findall(self._text)
        if not hits:
            return np.zeros(0, dtype=np.int64)
        digits = np.frombuffer(b"".join(hits), dtype=np.uint8).reshape(len(hits), self._width)
        powers = 10 ** np.arange(self._width - 1, -1, -1, dtype=np.int64)
        # Several texts of one event may match: unique (and sorted).
        return np.unique((digits - ord("0")).astype(np.int64) @ powers)


class BackgroundSearchIndex:
    """A SearchIndex built in a background thread, so a window can show its first frame first.

    `find` waits for the build when it is not finished yet, so a search typed early still
    answers (just later); once built it answers at once. An exception raised by the build is
    raised again by `find` / `result`.
    """

    def __init__(self, build: Callable[[], SearchIndex]) -> None:
        self._future: Future[SearchIndex] = Future()
        self._thread = threading.Thread(target=self._run, args=(build,), name="search-index",
                                        daemon=True)
        self._thread.start()

    def _run(self, build: Callable[[], SearchIndex]) -> None:
        try:
            self._future.set_result(build())
        except BaseException as exc:  # handed to whoever asks for the result
            self._future.set_exception(exc)

    def ready(self) -> bool:
        return self._future.done()

    def result(self, timeout: float | None = None) -> SearchIndex:
        """The built index (waits for it; TimeoutError after `timeout` seconds)."""
        return self._future.result(timeout)

    def __len__(self) -> int:
        return len(self.result())

    def find(self, query: str) -> npt.NDArray[np.int64]:
        return self.result().find(query)
