"""What search means, independent of where the index lives (Qt-free, SQL-free).

Both the indexed text and the query go through `normalise` (NFKC, then case folding), so
full-width "Ｃ１３／８５" equals "c13/85" and "ÅNGSTRÖM" equals "ångström". Ids, symbols and
numbers are also compared in a *compact* form (`compact_key`) that drops the spaces, hyphens,
slashes, brackets and section signs people type differently: "C13/85", "C-13/85" and "c13 85"
are all "c1385"; dots between digits stay, so the recommendation "4.5.10" is not "4510".

A hit is ranked by tier: an exact id/symbol/number match first, then a record citing the
report paragraph typed, then a match in the title (with places and submitters), then in the
body text (descriptions, rooms, notes, roles, history). Within a tier, records keep the index's
order: kinds in SEARCH_KINDS order, events in time order.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import IntEnum

# Every kind of record the search covers, in the order results are grouped.
SEARCH_KINDS: tuple[str, ...] = (
    "event", "document", "resolution", "recommendation", "person", "contributor", "topic",
    "figure")

# Below this many characters a term cannot be looked up in a trigram index.
TRIGRAM_MIN = 3
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_COMPACT_DROP = re.compile(r"[\s\-‐‑–—/_§()\[\]（）,，:：;；'\"·•]+")
_LONE_DOT = re.compile(r"(?<!\d)\.|\.(?!\d)")
# CJK ideographs, kana and hangul: scripts written without spaces between words.
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")


class Tier(IntEnum):
    """How a hit matched; a higher tier ranks first. The value is the hit's score."""

    BODY = 1
    TITLE = 2
    CITES = 3  # the query is a report paragraph the record cites ("§2.3.3")
    EXACT = 4  # the query is the record's own id, symbol, number or reference


def normalise(text: str) -> str:
    """NFKC, then case-folded, control characters turned into spaces."""
    return unicodedata.normalize("NFKC", _CONTROL.sub(" ", text)).casefold()


def compact_key(text: str) -> str:
    """The form ids, symbols, numbers and paragraph references are compared in."""
    return _LONE_DOT.sub("", _COMPACT_DROP.sub("", normalise(text)))


# Brackets, quotes and sentence punctuation around a term are not part of it: "(Busan)" is
# "busan". Inside a term they stay ("C13/66(Add.)").
_EDGE_PUNCTUATION = "()[]{}<>\"'“”‘’.,;:!?*（）【】《》「」『』，。；：！？、"


def query_terms(query: str) -> list[str]:
    """The distinct whitespace-separated normalised terms of `query`, longest first."""
    terms = dict.fromkeys(t for t in (w.strip(_EDGE_PUNCTUATION) for w in
                                      normalise(query).split()) if t)
    return sorted(terms, key=len, reverse=True)


def cjk_bigrams(text: str) -> str:
    """Overlapping pairs of characters of every CJK run in `text` (single characters alone).

    A word tokenizer sees "釜山举行" as one token; its pairs "釜山 山举 举行" let a
    two-character query find it as a token without scanning every row.
    """
    grams: list[str] = []
    for run in _CJK_RUN.findall(text):
        if len(run) == 1:
            grams.append(run)
        else:
            grams.extend(run[i:i + 2] for i in range(len(run) - 1))
    return " ".join(grams)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One record found: what it is, how it matched and the text around the match."""

    kind: str
    id: str
    title_en: str
    title_zh: str
    date: str  # ISO date of the record's event ("" when it has none), for display
    tier: Tier
    matched: str  # the text the query matched in (an excerpt for long texts)
    match_start: int = -1  # span of the first term inside `matched` (-1: none)
    match_end: int = -1

    @property
    def score(self) -> float:
        return float(self.tier)

    def title(self, lang: str) -> str:
        first, other = (self.title_zh, self.title_en) if lang == "zh" else (self.title_en,
                                                                           self.title_zh)
        return first or other or self.id

    def to_json(self, lang: str = "en") -> dict[str, object]:
        return {"kind": self.kind, "id": self.id, "title": self.title(lang),
                "matched": self.matched, "score": self.score, "date": self.date}


EXCERPT_CHARS = 90


def excerpt(texts: list[str], terms: list[str], keys: list[str] | None = None,
            query: str = "") -> tuple[str, int, int]:
    """(text, start, end): the first of `texts` containing a term, cut around the first
    match to about EXCERPT_CHARS characters, with the span of the match in the result.

    When the compact query equals one of `keys`, that key is what matched.
    """
    if keys and query:
        # An exact hit: its title when the title holds the query as typed, else the key.
        whole = " ".join(normalise(query).split())
        for text in texts:
            at = normalise(text).find(whole) if text else -1
            if at >= 0 and len(normalise(text)) == len(text):
                return _cut(text, at, at + len(whole))
        wanted = compact_key(query)
        for key in keys:
            if compact_key(key) == wanted:
                return key, 0, len(key)
    for text in texts:
        if not text:
            continue
        folded = normalise(text)
        # NFKC/case folding may change the length (ß → ss): only use spans when it does not.
        same_length = len(folded) == len(text)
        for term in terms:
            at = folded.find(term)
            if at < 0:
                continue
            one_line = " ".join(text.split()) if not same_length else text
            if not same_length:
                return _cut(one_line, 0, 0)
            return _cut(text, at, at + len(term))
    return (texts[0] if texts else "", -1, -1)


def _cut(text: str, start: int, end: int) -> tuple[str, int, int]:
    flat = text.replace("\n", " ")
    if len(flat) <= EXCERPT_CHARS:
        return flat, start, end
    left = max(0, min(start - EXCERPT_CHARS // 3, len(flat) - EXCERPT_CHARS))
    right = left + EXCERPT_CHARS
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(flat) else ""
    piece = prefix + flat[left:right] + suffix
    shift = len(prefix) - left
    return piece, (start + shift if start >= 0 else -1), (end + shift if end >= 0 else -1)
