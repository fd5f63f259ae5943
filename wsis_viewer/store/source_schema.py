"""The shape of every source file, as msgspec types: checked before any record is read.

`store.source_files` reads records with hand-written rules about their meaning (references,
time order, claims and their quotations). Those rules assume the right *shape*: a string where
a string belongs, a list of tables where a list of tables belongs. A wrong shape
(`considered_at = 5`, `role = "chair"`, `links = "x"`, `session = [1, 2]`, an integer beyond
64 bits, a fullwidth digit in a date) used to end in a traceback, sometimes after `check` said
OK. Here every record is first converted to a strict msgspec type; one that does not fit is
reported (file, record, the field's path, what was expected) and not read further.

Why msgspec: strict conversion of plain dicts (no str→int coercion, no bool-as-int), unknown
fields refused, constraints (patterns, bounds, lengths) declared next to the field, and an error
that names the path of the failing field (`$.session[2].start`) — small, fast and typed.

Limits, so a crafted file cannot exhaust memory or the stack: MAX_FILE_BYTES per file, strings
of at most MAX_TEXT characters, nesting of at most MAX_DEPTH levels (checked without recursion).
Dates and years are bounded by `domain.date_range`, integers to what SQLite stores.

To extend the format, add the field to the Struct of its record below; a field present in the
files but missing here is refused as unknown, so the two cannot drift apart silently.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

import msgspec
from msgspec import Meta, Struct

from wsis_viewer.domain.date_range import FIRST_YEAR, LAST_YEAR
from wsis_viewer.store.problems import Problem

MAX_FILE_BYTES = 8 << 20     # a source file; the real ones are under 100 KB
MAX_TEXT = 20_000            # characters of one string
MAX_ITEMS = 10_000           # items of one list (sessions, links, paragraphs …)
MAX_DEPTH = 8                # nesting of tables and arrays (the format needs 4)

Id = Annotated[str, Meta(min_length=1, max_length=200)]
Text = Annotated[str, Meta(max_length=MAX_TEXT)]
Word = Annotated[str, Meta(min_length=1, max_length=100)]
# ASCII digits only: int() accepts "２０１３" and "2_013", which no reader of the file means.
DateText = Annotated[str, Meta(pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")]
TimeText = Annotated[str, Meta(pattern=r"^[0-9]{2}:[0-9]{2}$")]
Year = Annotated[int, Meta(ge=FIRST_YEAR, le=LAST_YEAR)]
Count = Annotated[int, Meta(ge=0, le=1_000_000)]
Value = Annotated[int, Meta(ge=-(2**63), le=2**63 - 1)]  # what an SQLite INTEGER holds
Refs = Annotated[list[Text], Meta(max_length=MAX_ITEMS)]


class _Strict(Struct, forbid_unknown_fields=True, omit_defaults=True):
    pass


class BilingualSpec(_Strict):
    zh: Text | None = None
    en: Text | None = None
    en_is_translation: bool = False
    quoted_from: Text | None = None


class WhySpec(_Strict):
    zh: Text | None = None
    en: Text | None = None


class _ClaimFields(_Strict):
    basis: Word | None = None
    source: Text | None = None
    quote: Text | None = None
    why: WhySpec | None = None


class LinkSpec(_ClaimFields):
    id: Id | None = None


class TypedLinkSpec(_ClaimFields):
    id: Id | None = None
    type: Word | None = None


class ConsideredSpec(_ClaimFields):
    event: Id | None = None
    action: Word | None = None


class StatusSpec(_ClaimFields):
    value: Word | None = None


class SessionSpec(_Strict):
    start: DateText | None = None
    end: DateText | None = None
    time: TimeText | None = None
    end_time: TimeText | None = None
    room: Text | None = None
    location: Text | None = None
    label: Text | None = None


class EventSpec(_Strict):
    id: Id | None = None
    kind: Word | None = None
    number: Count | None = None
    title: BilingualSpec | None = None
    precision: Word | None = None
    start: DateText | None = None
    end: DateText | None = None
    location: Text | None = None
    session: Annotated[list[SessionSpec], Meta(max_length=MAX_ITEMS)] = []
    description: BilingualSpec | None = None
    date_note: Text | None = None
    sources: Refs = []
    lane: Word | None = None
    resolutions: Annotated[list[LinkSpec], Meta(max_length=MAX_ITEMS)] = []
    extraordinary: bool = False


class DocumentSpec(_Strict):
    symbol: Id | None = None
    kind: Word | None = None
    title: BilingualSpec | None = None
    submitted_by: Text | None = None
    event: LinkSpec | None = None
    considered_at: Annotated[list[ConsideredSpec], Meta(max_length=MAX_ITEMS)] = []
    description: BilingualSpec | None = None
    sources: Refs = []


class StepSpec(_ClaimFields):
    action: Word | None = None
    year: Year | None = None
    event: Id | None = None
    document: Id | None = None
    note: Text | None = None


class ResolutionSpec(_Strict):
    id: Id | None = None
    body: Word | None = None
    number: Id | None = None
    title: BilingualSpec | None = None
    step: Annotated[list[StepSpec], Meta(max_length=MAX_ITEMS)] = []
    description: BilingualSpec | None = None
    sources: Refs = []


class RecommendationSpec(_Strict):
    id: Id | None = None
    ref: Id | None = None
    text: BilingualSpec | None = None
    status: StatusSpec | None = None
    event: LinkSpec | None = None
    link: Annotated[list[TypedLinkSpec], Meta(max_length=MAX_ITEMS)] = []
    note: Text | None = None
    sources: Refs = []


class RoleSpec(_ClaimFields):
    role: Text | None = None
    body: Text | None = None
    start_year: Year | None = None
    end_year: Year | None = None


class PersonSpec(_Strict):
    id: Id | None = None
    name: Text | None = None
    name_zh: Text | None = None
    country: Text | None = None
    role: Annotated[list[RoleSpec], Meta(max_length=MAX_ITEMS)] = []
    sources: Refs = []


class ContributorSpec(_Strict):
    id: Id | None = None
    name: BilingualSpec | None = None
    type: Word | None = None
    country: Text | None = None
    sources: Refs = []


class TopicSpec(_Strict):
    id: Id | None = None
    category: Word | None = None
    ref: Id | None = None
    title: BilingualSpec | None = None
    start_year: Year | None = None
    end_year: Year | None = None
    events: Annotated[list[LinkSpec], Meta(max_length=MAX_ITEMS)] = []
    sources: Refs = []


class FigureSpec(_Strict):
    id: Id | None = None
    value: Value | None = None
    qualifier: Word | None = None
    text: BilingualSpec | None = None
    event: LinkSpec | None = None
    sources: Refs = []


class ReportSpec(_Strict):
    title: Text | None = None
    title_en: Text | None = None
    paragraphs: Annotated[list[Annotated[str, Meta(pattern=r"^[0-9]+(\.[0-9]+)*$")]],
                          Meta(max_length=MAX_ITEMS)] = []


class ExternalSpec(_Strict):
    url: Annotated[str, Meta(pattern=r"^https?://\S+$", max_length=2000)] | None = None
    title: Text | None = None


class SourcesFileSpec(_Strict):
    report: ReportSpec | None = None
    external: dict[Annotated[str, Meta(min_length=1, max_length=200)], ExternalSpec] = {}


# file name → (its one array-of-tables key, the Struct of one record)
RECORD_FILES: dict[str, tuple[str, type[Struct]]] = {
    "events.toml": ("event", EventSpec),
    "documents.toml": ("document", DocumentSpec),
    "resolutions.toml": ("resolution", ResolutionSpec),
    "recommendations.toml": ("recommendation", RecommendationSpec),
    "people.toml": ("person", PersonSpec),
    "contributors.toml": ("contributor", ContributorSpec),
    "topics.toml": ("topic", TopicSpec),
    "figures.toml": ("figure", FigureSpec),
}


def depth_exceeded(value: object, limit: int = MAX_DEPTH) -> bool:
    """True when `value` nests tables/arrays deeper than `limit` (iterative: no recursion)."""
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth + 1 > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


_AT = re.compile(r"^(?P<message>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.DOTALL)


_UNKNOWN = re.compile(r"^Object contains unknown field `(?P<name>[^`]*)`$")
_LINK_FIELDS = {"event", "resolutions", "considered_at", "status", "link", "events"}
_LINK_HINT = ('expected { id = "…", basis = "stated" | "inferred", source = "§…", … } '
              "(every link says its basis)")


def _problem(file: str, record: str, exc: msgspec.ValidationError) -> Problem:
    """msgspec's message as a Problem: the field's path 1-based like the rest of the messages
    (`session[1].time`), unknown fields and links written as plain strings said plainly."""
    m = _AT.match(str(exc))
    assert m is not None
    path = re.sub(r"\[(\d+)\]", lambda g: f"[{int(g.group(1)) + 1}]",
                  (m.group("path") or "").lstrip("."))
    message = m.group("message")
    unknown = _UNKNOWN.match(message)
    if unknown:
        path = f"{path}.{unknown.group('name')}" if path else unknown.group("name")
        message = "unknown field (a typo?)"
    elif message.startswith("Expected `object") and \
            re.sub(r"\[\d+\]$", "", path.rsplit(".", 1)[-1]) in _LINK_FIELDS:
        message = _LINK_HINT
    return Problem(file, record, path, message.replace("`", "'")[:300])


def check_file_shape(file: str, data: dict[str, Any], problems: list[Problem]
                     ) -> dict[str, Any]:
    """The parsed file with only its records of the right shape; problems for the others.

    `data` is what tomllib returned for `file`. Records that fail are dropped here, so the
    readers of meaning never see a wrong shape.
    """
    if depth_exceeded(data):
        problems.append(Problem(file, "", "", f"nested deeper than {MAX_DEPTH} levels"))
        return {}
    if file == "sources.toml":
        try:
            msgspec.convert(data, SourcesFileSpec, strict=True)
        except msgspec.ValidationError as exc:
            problems.append(_problem(file, "", exc))
            return {}
        return data
    if file not in RECORD_FILES:
        return data
    table, spec = RECORD_FILES[file]
    unknown = sorted(set(data) - {table})
    for key in unknown:
        problems.append(Problem(file, "", key, f"unknown table (expected only [[{table}]])"))
    records = data.get(table, [])
    if not isinstance(records, list):
        problems.append(Problem(file, "", table, f"expected [[{table}]] tables, got "
                                f"{type(records).__name__}"))
        return {}
    if len(records) > MAX_ITEMS * 10:
        problems.append(Problem(file, "", table, f"more than {MAX_ITEMS * 10} records"))
        return {}
    kept = []
    for i, rec in enumerate(records, start=1):
        rid = rec.get("id", rec.get("symbol")) if isinstance(rec, dict) else None
        name = f"{table} '{rid}' (#{i})" if isinstance(rid, str) else f"{table} #{i}"
        if not isinstance(rec, dict):
            problems.append(Problem(file, name, "", f"expected a [[{table}]] table"))
            continue
        try:
            msgspec.convert(rec, spec, strict=True)
        except msgspec.ValidationError as exc:
            problems.append(_problem(file, name, exc))
            continue
        kept.append(rec)
    return {table: kept}
