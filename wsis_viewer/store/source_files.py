"""Read and validate the human-edited TOML source files under resources/data/.

Why TOML: it is in the standard library (tomllib), allows comments next to each fact (where a
date came from, why a value is what it is), keeps one record per `[[table]]` block so a review
diff shows exactly the record that changed, and has no implicit type coercion surprises
(unlike YAML's `no` or `1.10`).

Validation collects every problem before failing, each naming the file, the record and the
field, so an editor fixes them all in one pass.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wsis_viewer.domain import date_range
from wsis_viewer.domain.lanes import KNOWN_LANES, lane_for_kind
from wsis_viewer.domain.model import (
    CONTRIBUTOR_TYPES,
    DOCUMENT_KINDS,
    EVENT_KINDS,
    RECOMMENDATION_STATUSES,
    RESOLUTION_BODIES,
    STEP_ACTIONS,
    TOPIC_CATEGORIES,
    Basis,
    Bilingual,
    Claim,
    Consideration,
    Contributor,
    Dataset,
    Document,
    Event,
    Figure,
    LinkClaim,
    Person,
    Precision,
    Recommendation,
    RecommendationLinks,
    Resolution,
    ResolutionStep,
    Role,
    Session,
    Source,
    SourceType,
    Topic,
)
from wsis_viewer.store.problems import DataError, Problem
from wsis_viewer.store.source_schema import MAX_FILE_BYTES, check_file_shape

FILES = (
    "sources.toml",
    "events.toml",
    "documents.toml",
    "resolutions.toml",
    "recommendations.toml",
    "people.toml",
    "contributors.toml",
    "topics.toml",
    "figures.toml",
)

_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_PARAGRAPH = re.compile(r"^§(\d+(?:\.\d+)*)$")


@dataclass
class _Ctx:
    """Collects problems for one file and record while a record is being read."""

    problems: list[Problem]
    file: str = ""
    record: str = ""
    # The report's paragraph numbers, to check `quoted_from` (empty while reading sources.toml).
    paragraphs: frozenset[str] = frozenset()

    def add(self, fld: str, message: str) -> None:
        self.problems.append(Problem(self.file, self.record, fld, message))


@dataclass
class _Catalogue:
    paragraphs: set[str] = field(default_factory=set)
    external: dict[str, tuple[str | None, str]] = field(default_factory=dict)  # id -> (url, title)


def _parse_date(text: object, precision: Precision, ctx: _Ctx, fld: str) -> tuple[dt.date, dt.date]:
    """Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD" into the first and last day it covers.

    The written form must match the record's precision: a year-precision event written with a
    day would silently claim more than we know.
    """
    expected = {Precision.DAY: 3, Precision.MONTH: 2, Precision.YEAR: 1}[precision]
    if not isinstance(text, str):
        ctx.add(fld, f"expected a date string, got {text!r}")
        return dt.date.min, dt.date.min
    parts = text.split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) != expected:
            raise ValueError
        if not all(p.isascii() and p.isdigit() for p in parts):
            raise ValueError  # int() would take "２０１３" and "2_013"
        if expected == 3:
            day = _in_range(dt.date(*numbers), ctx, fld)
            return day, day
        if expected == 2:
            first = dt.date(numbers[0], numbers[1], 1)
            nxt = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return _in_range(first, ctx, fld), _in_range(nxt - dt.timedelta(days=1), ctx, fld)
        return _in_range(dt.date(numbers[0], 1, 1), ctx, fld), \
            _in_range(dt.date(numbers[0], 12, 31), ctx, fld)
    except ValueError:
        forms = {3: "YYYY-MM-DD", 2: "YYYY-MM", 1: "YYYY"}[expected]
        ctx.add(fld, f"{text!r} is not a {precision.value}-precision date ({forms})")
        return dt.date.min, dt.date.min


def _in_range(day: dt.date, ctx: _Ctx, fld: str) -> dt.date:
    """`day`, with a problem when it lies outside the dates the viewer accepts (a database
    holding it would be refused at open, so `check` refuses it here)."""
    if not date_range.in_range(day):
        ctx.add(fld, f"{day.isoformat()} is outside the dates this viewer shows "
                f"({date_range.describe()})")
    return day


def _str(rec: dict[str, Any], key: str, ctx: _Ctx, *, required: bool = True) -> str | None:
    value = rec.get(key)
    if value is None:
        if required:
            ctx.add(key, "missing")
        return None
    if not isinstance(value, str) or not value.strip():
        ctx.add(key, f"expected a non-empty string, got {value!r}")
        return None
    return value.strip()


def _int(rec: dict[str, Any], key: str, ctx: _Ctx, *, required: bool = False) -> int | None:
    value = rec.get(key)
    if value is None:
        if required:
            ctx.add(key, "missing")
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        ctx.add(key, f"expected an integer, got {value!r}")
        return None
    return value


def _choice(rec: dict[str, Any], key: str, allowed: Iterable[str], ctx: _Ctx) -> str:
    value = _str(rec, key, ctx)
    allowed = tuple(allowed)
    if value is not None and value not in allowed:
        ctx.add(key, f"unknown {key} {value!r} (expected one of: {', '.join(allowed)})")
    return value or ""


def _str_list(rec: dict[str, Any], key: str, ctx: _Ctx) -> tuple[str, ...]:
    value = rec.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        ctx.add(key, f"expected a list of strings, got {value!r}")
        return ()
    return tuple(value)


def _bilingual(rec: dict[str, Any], key: str, ctx: _Ctx, *, required: bool = True) -> Bilingual:
    value = rec.get(key)
    if value is None:
        if required:
            ctx.add(key, "missing")
        return Bilingual("", "")
    if not isinstance(value, dict):
        ctx.add(key, "expected a table with 'zh' and 'en'")
        return Bilingual("", "")
    texts: dict[str, str] = {}
    for lang in ("zh", "en"):
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            ctx.add(f"{key}.{lang}", "missing title language" if key in ("title", "name")
                    else "missing language")
            texts[lang] = ""
        else:
            texts[lang] = " ".join(text.split())
    flag = value.get("en_is_translation", False)
    if not isinstance(flag, bool):
        ctx.add(f"{key}.en_is_translation", f"expected true or false, got {flag!r}")
        flag = False
    unknown = set(value) - {"zh", "en", "en_is_translation", "quoted_from"}
    if unknown:
        ctx.add(key, f"unknown keys {sorted(unknown)}")
    return Bilingual(texts["zh"], texts["en"], flag, _quoted_from(value, key, ctx))


def _quoted_from(value: dict[str, Any], key: str, ctx: _Ctx) -> str | None:
    """`quoted_from = "§4.5.3"`: the zh text is the report's own wording from that paragraph.

    Whether the words really are there is checked against the report's text by the tests
    (the text is not part of the dataset); here, that the paragraph exists.
    """
    ref = value.get("quoted_from")
    if ref is None:
        return None
    m = _PARAGRAPH.match(ref) if isinstance(ref, str) else None
    if m is None or m.group(1) not in ctx.paragraphs:
        ctx.add(f"{key}.quoted_from", f"{ref!r} is not a paragraph of the report")
        return None
    return f"§{m.group(1)}"


def _optional_bilingual(rec: dict[str, Any], key: str, ctx: _Ctx) -> Bilingual | None:
    """Descriptions: either language may be absent (the UI marks the fallback)."""
    value = rec.get(key)
    if value is None:
        return None
    if not isinstance(value, dict) or not any(isinstance(value.get(k), str) for k in ("zh", "en")):
        ctx.add(key, "expected a table with 'zh' and/or 'en'")
        return None
    unknown = set(value) - {"zh", "en", "en_is_translation", "quoted_from"}
    if unknown:
        ctx.add(key, f"unknown keys {sorted(unknown)}")
    zh = " ".join(str(value.get("zh", "")).split())
    en = " ".join(str(value.get("en", "")).split())
    return Bilingual(zh, en, bool(value.get("en_is_translation", False)),
                     _quoted_from(value, key, ctx))


def _sources(rec: dict[str, Any], cat: _Catalogue, ctx: _Ctx) -> tuple[Source, ...]:
    refs = _str_list(rec, "sources", ctx)
    if not refs:
        ctx.add("sources",
                "missing source: every record must cite the report or an external source")
    out: list[Source] = []
    for ref in refs:
        if ref.startswith("§"):
            m = _PARAGRAPH.match(ref)
            if not m or m.group(1) not in cat.paragraphs:
                ctx.add("sources", f"{ref!r} is not a paragraph of the report")
                continue
            out.append(Source(SourceType.REPORT, ref))
        elif ref.startswith("ext:"):
            key = ref[4:]
            if key not in cat.external:
                ctx.add("sources", f"unknown external source {ref!r} (define it in sources.toml)")
                continue
            url, title = cat.external[key]
            out.append(Source(SourceType.EXTERNAL, key, url, title))
        else:
            ctx.add("sources", f"{ref!r} is neither a report paragraph (§…) nor 'ext:<id>'")
    return tuple(out)


# The keys of a link claim in the source files. The reason for an inference is written `why`
# (a table { zh, en }) so it never collides with a record's own `note`; it becomes Claim.note.
CLAIM_KEYS = frozenset({"basis", "source", "quote", "why"})


def _claim(rec: dict[str, Any], cat: _Catalogue, ctx: _Ctx, fld: str) -> Claim | None:
    """Read the claim keys of one link table: basis, source, quote, why.

    A stated claim that rests on a report paragraph must quote the paragraph's words; an
    inferred one must say why in both languages. A quotation can only come from the report
    (an external page is cited, not quoted: we cannot check its words here).
    """
    basis_text = rec.get("basis")
    if basis_text not in ("stated", "inferred"):
        ctx.add(f"{fld}.basis", "missing or unknown basis "
                f"{basis_text!r} (expected \"stated\" or \"inferred\")")
        return None
    basis = Basis(basis_text)
    source = rec.get("source")
    if not isinstance(source, str) or not source.strip():
        ctx.add(f"{fld}.source", "missing: name the paragraph (§…) or ext:<id> behind the link")
        return None
    source = source.strip()
    if source.startswith("§"):
        m = _PARAGRAPH.match(source)
        if not m or m.group(1) not in cat.paragraphs:
            ctx.add(f"{fld}.source", f"{source!r} is not a paragraph of the report")
    elif source.startswith("ext:"):
        if source[4:] not in cat.external:
            ctx.add(f"{fld}.source", f"unknown external source {source!r}")
    else:
        ctx.add(f"{fld}.source", f"{source!r} is neither a report paragraph (§…) nor 'ext:<id>'")
    quote = rec.get("quote")
    if quote is not None and (not isinstance(quote, str) or not quote.strip()):
        ctx.add(f"{fld}.quote", f"expected the report's words, got {quote!r}")
        quote = None
    if quote is not None and not source.startswith("§"):
        ctx.add(f"{fld}.quote", "a quotation must come from a report paragraph (§…)")
    if basis is Basis.STATED and source.startswith("§") and quote is None:
        ctx.add(f"{fld}.quote", "a stated link must quote the report's words it rests on")
    note = None
    raw_note = rec.get("why")
    if raw_note is not None:
        if not isinstance(raw_note, dict) or not all(
                isinstance(raw_note.get(k), str) and raw_note[k].strip() for k in ("zh", "en")):
            ctx.add(f"{fld}.why", "expected { zh = \"…\", en = \"…\" }")
        else:
            note = Bilingual(" ".join(raw_note["zh"].split()), " ".join(raw_note["en"].split()))
    elif basis is Basis.INFERRED:
        ctx.add(f"{fld}.why", "an inferred link must say why: why = { zh = \"…\", en = \"…\" }")
    return Claim(basis, source, " ".join(quote.split()) if quote else None, note)


def _link(value: object, key: str, cat: _Catalogue, ctx: _Ctx, fld: str
          ) -> tuple[str, dict[str, Any], Claim] | None:
    """One link written as a table `{ <key> = "target", basis = …, source = …, quote = … }`."""
    if not isinstance(value, dict) or not isinstance(value.get(key), str) or not value[key]:
        ctx.add(fld, f"expected {{ {key} = \"…\", basis = \"stated\" | \"inferred\", "
                "source = \"§…\", … }} (every link says its basis)")
        return None
    claim = _claim(value, cat, ctx, fld)
    if claim is None:
        return None
    return value[key], value, claim


def _links(rec: dict[str, Any], key: str, cat: _Catalogue, ctx: _Ctx, relation: str,
           *, extra: frozenset[str] = frozenset()) -> list[tuple[str, dict[str, Any], Claim]]:
    raw = rec.get(key, [])
    if not isinstance(raw, list):
        ctx.add(key, "expected a list of link tables")
        return []
    out = []
    for i, item in enumerate(raw, start=1):
        fld = f"{relation}[{i}]"
        got = _link(item, "id", cat, ctx, fld)
        if got is not None:
            unknown = set(got[1]) - CLAIM_KEYS - {"id"} - extra
            for k in sorted(unknown):
                ctx.add(f"{fld}.{k}", "unknown field (a typo?)")
            out.append(got)
    return out


def _check_keys(rec: dict[str, Any], allowed: set[str], ctx: _Ctx) -> None:
    unknown = set(rec) - allowed
    for key in sorted(unknown):
        ctx.add(key, "unknown field (a typo?)")


# --- one reader per file ---------------------------------------------------------------------


def _read_catalogue(data: dict[str, Any], ctx: _Ctx) -> _Catalogue:
    cat = _Catalogue()
    report = data.get("report", {})
    ctx.record = "[report]"
    paragraphs = report.get("paragraphs")
    if not isinstance(paragraphs, list) or not paragraphs:
        ctx.add("paragraphs", "missing the list of report paragraphs")
    else:
        cat.paragraphs = {str(p) for p in paragraphs}
    for key, ext in sorted(data.get("external", {}).items()):
        ctx.record = f"external '{key}'"
        url = _str(ext, "url", ctx, required=False)
        title = _str(ext, "title", ctx)
        if url and not url.startswith(("https://", "http://")):
            ctx.add("url", f"{url!r} is not an http(s) address")
        cat.external[key] = (url, title or "")
    return cat


def _read_event(rec: dict[str, Any], cat: _Catalogue, ctx: _Ctx) -> Event | None:
    _check_keys(rec, {"id", "kind", "number", "title", "precision", "start", "end", "location",
                      "session", "description", "date_note", "sources", "lane",
                      "resolutions", "extraordinary"}, ctx)
    event_id = _str(rec, "id", ctx) or ""
    kind = _choice(rec, "kind", EVENT_KINDS, ctx)
    raw_precision = _choice(rec, "precision", [p.value for p in Precision], ctx)
    precision = Precision(raw_precision) if raw_precision in Precision._value2member_map_ else None
    title = _bilingual(rec, "title", ctx)
    # Numbered meetings must say their number; an extraordinary meeting has none and says so.
    extraordinary = rec.get("extraordinary", False)
    if not isinstance(extraordinary, bool):
        ctx.add("extraordinary", f"expected true or false, got {extraordinary!r}")
    number = _int(rec, "number", ctx, required=kind == "cwg-wsis-meeting" and not extraordinary)
    sources = _sources(rec, cat, ctx)
    if precision is None:
        return None
    start, _ = _parse_date(rec.get("start"), precision, ctx, "start")
    _, end = _parse_date(rec.get("end", rec.get("start")), precision, ctx, "end")
    if start != dt.date.min and end != dt.date.min and end < start:
        ctx.add("end", f"end {end} is before start {start}")
    sessions: list[Session] = []
    raw_sessions = rec.get("session", [])
    if not isinstance(raw_sessions, list):
        ctx.add("session", "expected [[event.session]] blocks")
        raw_sessions = []
    for i, srec in enumerate(raw_sessions, start=1):
        fld = f"session[{i}]"
        _check_keys(srec, {"start", "end", "time", "end_time", "room", "location", "label"},
                    _Ctx(ctx.problems, ctx.file, ctx.record + f" {fld}"))
        s_start, _ = _parse_date(srec.get("start"), precision, ctx, f"{fld}.start")
        _, s_end = _parse_date(srec.get("end", srec.get("start")), precision, ctx, f"{fld}.end")
        if s_end < s_start:
            ctx.add(f"{fld}.end", f"end {s_end} is before start {s_start}")
        elif s_start < start or s_end > end:
            ctx.add(fld, f"session {s_start}..{s_end} lies outside its event {start}..{end}")
        if sessions and s_start <= sessions[-1].end:
            ctx.add(f"{fld}.start", "sessions must be in time order and must not overlap")
        for tkey in ("time", "end_time"):
            t = srec.get(tkey)
            if t is not None and (not isinstance(t, str) or not _TIME.match(t)):
                ctx.add(f"{fld}.{tkey}", f"{t!r} is not a time HH:MM")
        sessions.append(Session(s_start, s_end, srec.get("time"), srec.get("end_time"),
                                srec.get("room"), srec.get("location"), srec.get("label")))
    if not sessions:
        # An event without explicit sessions sat once, over its whole span.
        sessions.append(Session(start, end, location=rec.get("location")))
    lane = rec.get("lane") or lane_for_kind(kind)
    if lane not in {known.id for known in KNOWN_LANES}:
        ctx.add("lane", f"unknown lane {lane!r} (expected one of: "
                f"{', '.join(known.id for known in KNOWN_LANES)})")
    resolutions = _links(rec, "resolutions", cat, ctx, "resolutions")
    return Event(
        id=event_id, kind=kind, lane=lane, title=title, start=start, end=end,
        precision=precision, sessions=tuple(sessions), number=number,
        location=_str(rec, "location", ctx, required=False),
        description=_optional_bilingual(rec, "description", ctx),
        date_note=_str(rec, "date_note", ctx, required=False),
        resolutions=tuple(t for t, _, _ in resolutions), sources=sources,
        claims=tuple(LinkClaim("resolutions", t, c) for t, _, c in resolutions),
    )


def _read_document(rec: dict[str, Any], cat: _Catalogue, ctx: _Ctx) -> Document:
    _check_keys(rec, {"symbol", "kind", "title", "submitted_by", "event", "considered_at",
                      "description", "sources"}, ctx)
    considered: list[Consideration] = []
    raw_considered = rec.get("considered_at", [])
    for i, c in enumerate(raw_considered if isinstance(raw_considered, list) else [None],
                          start=1):
        fld = f"considered_at[{i}]"
        got = _link(c, "event", cat, ctx, fld)
        if got is None:
            continue
        for k in sorted(set(got[1]) - CLAIM_KEYS - {"event", "action"}):
            ctx.add(f"{fld}.{k}", "unknown field (a typo?)")
        action = got[1].get("action", "considered")
        if not isinstance(action, str) or not action:
            ctx.add(f"{fld}.action", f"expected a word such as \"noted\", got {action!r}")
            action = "considered"
        considered.append(Consideration(got[0], action, got[2]))
    producer = None
    claims: list[LinkClaim] = []
    if "event" in rec:
        got = _link(rec["event"], "id", cat, ctx, "event")
        if got is not None:
            for k in sorted(set(got[1]) - CLAIM_KEYS - {"id"}):
                ctx.add(f"event.{k}", "unknown field (a typo?)")
            producer = got[0]
            claims.append(LinkClaim("event", got[0], got[2]))
    return Document(
        symbol=_str(rec, "symbol", ctx) or "",
        kind=_choice(rec, "kind", DOCUMENT_KINDS, ctx),
        title=_bilingual(rec, "title", ctx),
        submitted_by=_str(rec, "submitted_by", ctx, required=False),
        event=producer,
        considered_at=tuple(considered),
        description=_optional_bilingual(rec, "description", ctx),
        sources=_sources(rec, cat, ctx),
        claims=tuple(claims),
    )


def _read_resolution(rec: dict[str, Any], cat: _Catalogue, ctx: _Ctx) -> Resolution:
    _check_keys(rec, {"id", "body", "number", "title", "step", "description", "sources"}, ctx)
    steps: list[ResolutionStep] = []
    for i, s in enumerate(rec.get("step", []), start=1):
        fld = f"step[{i}]"
        for k in sorted(set(s) - CLAIM_KEYS - {"action", "year", "event", "document", "note"}):
            ctx.add(f"{fld}.{k}", "unknown field (a typo?)")
        action = s.get("action")
        if action not in STEP_ACTIONS:
            ctx.add(f"{fld}.action", f"unknown action {action!r} (expected one of: "
                    f"{', '.join(STEP_ACTIONS)})")
        year = s.get("year")
        if not isinstance(year, int):
            ctx.add(f"{fld}.year", "missing year")
            year = 0
        if steps and year < steps[-1].year:
            ctx.add(f"{fld}.year", "history steps must be in time order")
        steps.append(ResolutionStep(str(action), year, s.get("event"), s.get("document"),
                                    s.get("note"), _claim(s, cat, ctx, fld)))
    if not steps:
        ctx.add("step", "a resolution needs at least one history step")
    return Resolution(
        id=_str(rec, "id", ctx) or "",
        body=_choice(rec, "body", RESOLUTION_BODIES, ctx),
        number=_str(rec, "number", ctx) or "",
        title=_bilingual(rec, "title", ctx),
        history=tuple(steps),
        description=_optional_bilingual(rec, "description", ctx),
        sources=_sources(rec, cat, ctx),
    )


def _read_recommendation(rec: dict[str, Any], cat: _Catalogue, ctx: _Ctx) -> Recommendation:
    _check_keys(rec, {"id", "ref", "text", "status", "event", "link", "note", "sources"}, ctx)
    claims: list[LinkClaim] = []
    status = ""
    got = _link(rec.get("status"), "value", cat, ctx, "status")
    if got is not None:
        for k in sorted(set(got[1]) - CLAIM_KEYS - {"value"}):
            ctx.add(f"status.{k}", "unknown field (a typo?)")
        status = _choice(got[1], "value", RECOMMENDATION_STATUSES, ctx)
        claims.append(LinkClaim("status", status, got[2]))
    event = None
    if "event" in rec:
        got = _link(rec["event"], "id", cat, ctx, "event")
        if got is not None:
            event = got[0]
            claims.append(LinkClaim("event", got[0], got[2]))
    targets: dict[str, list[str]] = {"resolution": [], "event": [], "document": []}
    for target, item, claim in _links(rec, "link", cat, ctx, "link", extra=frozenset({"type"})):
        kind = item.get("type")
        if kind not in targets:
            ctx.add("link.type", f"unknown link type {kind!r} (expected resolution, event or "
                    "document)")
            continue
        targets[kind].append(target)
        claims.append(LinkClaim(f"links.{kind}s", target, claim))
    return Recommendation(
        id=_str(rec, "id", ctx) or "",
        ref=_str(rec, "ref", ctx) or "",
        text=_bilingual(rec, "text", ctx),
        status=status,
        event=event,
        links=RecommendationLinks(
            resolutions=tuple(targets["resolution"]),
            events=tuple(targets["event"]),
            documents=tuple(targets["document"]),
        ),
        note=_str(rec, "note", ctx, required=False),
        sources=_sources(rec, cat, ctx),
        claims=tuple(claims),
    )


def _read_person(rec: dict[str, Any], cat: _Catalogue, ctx: _Ctx) -> Person:
    _check_keys(rec, {"id", "name", "name_zh", "country", "role", "sources"}, ctx)
    roles = tuple(
        Role(str(r.get("role", "")), str(r.get("body", "")), r.get("start_year"),
             r.get("end_year"), _claim(r, cat, ctx, f"role[{i}]"))
        for i, r in enumerate(rec.get("role", []), start=1)
    )
    if not roles:
        ctx.add("role", "a person needs at least one role")
    return Person(
        id=_str(rec, "id", ctx) or "",
        name=_str(rec, "name", ctx) or "",
        name_zh=_str(rec, "name_zh", ctx, required=False),
        country=_str(rec, "country", ctx, required=False),
        roles=roles,
        sources=_sources(rec, cat, ctx),
    )


def _read_contributor(rec: dict[str, Any], cat: _Catalogue, ctx: _Ctx) -> Contributor:
    _check_keys(rec, {"id", "name", "type", "country", "sources"}, ctx)
    return Contributor(
        id=_str(rec, "id", ctx) or "",
        name=_bilingual(rec, "name", ctx),
        type=_choice(rec, "type", CONTRIBUTOR_TYPES, ctx),
        country=_str(rec, "country", ctx, required=False),
        sources=_sources(rec, cat, ctx),
    )


def _read_topic(rec: dict[str, Any], cat: _Catalogue, ctx: _Ctx) -> Topic:
    _check_keys(rec, {"id", "category", "ref", "title", "start_year", "end_year", "events",
                      "sources"}, ctx)
    start_year = _int(rec, "start_year", ctx)
    end_year = _int(rec, "end_year", ctx)
    if start_year is not None and end_year is not None and end_year < start_year:
        ctx.add("end_year", f"end {end_year} is before start {start_year}")
    links = _links(rec, "events", cat, ctx, "events")
    return Topic(
        id=_str(rec, "id", ctx) or "",
        category=_choice(rec, "category", TOPIC_CATEGORIES, ctx),
        ref=_str(rec, "ref", ctx) or "",
        title=_bilingual(rec, "title", ctx),
        start_year=start_year,
        end_year=end_year if end_year is not None else start_year,
        events=tuple(t for t, _, _ in links),
        sources=_sources(rec, cat, ctx),
        claims=tuple(LinkClaim("events", t, c) for t, _, c in links),
    )


def _read_figure(rec: dict[str, Any], cat: _Catalogue, ctx: _Ctx) -> Figure:
    _check_keys(rec, {"id", "value", "qualifier", "text", "event", "sources"}, ctx)
    event = None
    claims: tuple[LinkClaim, ...] = ()
    if "event" in rec and (got := _link(rec["event"], "id", cat, ctx, "event")) is not None:
        event, claims = got[0], (LinkClaim("event", got[0], got[2]),)
    return Figure(
        id=_str(rec, "id", ctx) or "",
        value=_int(rec, "value", ctx, required=True) or 0,
        qualifier=_choice(rec, "qualifier", ("exactly", "more-than", "about"), ctx),
        text=_bilingual(rec, "text", ctx),
        event=event,
        sources=_sources(rec, cat, ctx),
        claims=claims,
    )


# --- whole dataset ---------------------------------------------------------------------------


def _records(
    data: dict[str, Any], table: str, key: str, ctx: _Ctx,
    read: Callable[[dict[str, Any], _Ctx], Any],
) -> list[Any]:
    out = []
    seen: dict[str, int] = {}
    for i, rec in enumerate(data.get(table, []), start=1):
        rid = rec.get(key) if isinstance(rec, dict) else None
        ctx.record = f"{table} '{rid}' (#{i})" if rid else f"{table} #{i}"
        if not isinstance(rec, dict):
            ctx.add("", f"expected a [[{table}]] table")
            continue
        if isinstance(rid, str):
            if rid in seen:
                ctx.add(key, f"duplicate {key} {rid!r} (first defined as #{seen[rid]})")
            seen.setdefault(rid, i)
        obj = read(rec, ctx)
        if obj is not None:
            out.append(obj)
    return out


def _load_toml(path: Path, problems: list[Problem]) -> dict[str, Any]:
    """The parsed file, checked for shape (`store.source_schema`); {} with a problem when it
    cannot be read: missing, not a regular file, too big, not TOML, not UTF-8, too deep."""
    try:
        if not path.exists():
            problems.append(Problem(path.name, "", "", "file is missing"))
            return {}
        if not path.is_file():
            problems.append(Problem(path.name, "", "", "not a regular file (a folder?)"))
            return {}
        if path.stat().st_size > MAX_FILE_BYTES:
            problems.append(Problem(path.name, "", "", f"larger than {MAX_FILE_BYTES >> 20} MB"))
            return {}
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        problems.append(Problem(path.name, "", "", f"not valid TOML: {exc}"))
        return {}
    except UnicodeDecodeError as exc:
        problems.append(Problem(path.name, "", "", f"not UTF-8 text: {exc}"))
        return {}
    except RecursionError:
        problems.append(Problem(path.name, "", "", "nested too deeply to read"))
        return {}
    except OSError as exc:
        problems.append(Problem(path.name, "", "", f"cannot be read: {exc.strerror or exc}"))
        return {}
    return check_file_shape(path.name, data, problems)


def load_source_files(data_dir: Path) -> Dataset:
    """Read every source file under `data_dir`; raise DataError listing all problems."""
    problems: list[Problem] = []
    raw = {name: _load_toml(data_dir / name, problems) for name in FILES}

    ctx = _Ctx(problems, "sources.toml")
    cat = _read_catalogue(raw["sources.toml"], ctx)

    def reader(fn: Callable[[dict[str, Any], _Catalogue, _Ctx], Any]) -> Callable[..., Any]:
        return lambda rec, c: fn(rec, cat, c)

    paragraphs = frozenset(cat.paragraphs)

    def read(name: str, table: str, key: str, fn: Callable[..., Any]) -> list[Any]:
        return _records(raw[name], table, key, _Ctx(problems, name, paragraphs=paragraphs),
                        reader(fn))

    events = read("events.toml", "event", "id", _read_event)
    documents = read("documents.toml", "document", "symbol", _read_document)
    resolutions = read("resolutions.toml", "resolution", "id", _read_resolution)
    recommendations = read("recommendations.toml", "recommendation", "id", _read_recommendation)
    people = read("people.toml", "person", "id", _read_person)
    contributors = read("contributors.toml", "contributor", "id", _read_contributor)
    topics = read("topics.toml", "topic", "id", _read_topic)
    figures = read("figures.toml", "figure", "id", _read_figure)

    dataset = Dataset(
        events=tuple(events), documents=tuple(documents), resolutions=tuple(resolutions),
        recommendations=tuple(recommendations), people=tuple(people),
        contributors=tuple(contributors), topics=tuple(topics), figures=tuple(figures),
    )
    problems.extend(check_references(dataset))
    if problems:
        raise DataError(problems)
    return dataset


def check_references(ds: Dataset) -> list[Problem]:
    """Every id a record refers to must exist: no dangling links."""
    events = {e.id for e in ds.events}
    docs = {d.symbol for d in ds.documents}
    resolutions = {r.id for r in ds.resolutions}
    out: list[Problem] = []

    def need(ok: bool, file: str, record: str, fld: str, what: str, value: str) -> None:
        if not ok:
            out.append(Problem(file, record, fld, f"dangling reference: no {what} {value!r}"))

    for e in ds.events:
        for x in e.resolutions:
            need(x in resolutions, "events.toml", f"event '{e.id}'", "resolutions",
                 "resolution", x)
    for d in ds.documents:
        rec = f"document '{d.symbol}'"
        if d.event:
            need(d.event in events, "documents.toml", rec, "event", "event", d.event)
        for i, c in enumerate(d.considered_at, start=1):
            need(c.event in events, "documents.toml", rec, f"considered_at[{i}].event", "event",
                 c.event)
    for r in ds.resolutions:
        rec = f"resolution '{r.id}'"
        for i, s in enumerate(r.history, start=1):
            if s.event:
                need(s.event in events, "resolutions.toml", rec, f"step[{i}].event", "event",
                     s.event)
            if s.document:
                need(s.document in docs, "resolutions.toml", rec, f"step[{i}].document",
                     "document", s.document)
    for m in ds.recommendations:
        rec = f"recommendation '{m.id}'"
        if m.event:
            need(m.event in events, "recommendations.toml", rec, "event", "event", m.event)
        for x in m.links.resolutions:
            need(x in resolutions, "recommendations.toml", rec, "link", "resolution", x)
        for x in m.links.events:
            need(x in events, "recommendations.toml", rec, "link", "event", x)
        for x in m.links.documents:
            need(x in docs, "recommendations.toml", rec, "link", "document", x)
    for t in ds.topics:
        for x in t.events:
            need(x in events, "topics.toml", f"topic '{t.id}'", "events", "event", x)
    for f in ds.figures:
        if f.event:
            need(f.event in events, "figures.toml", f"figure '{f.id}'", "event", "event", f.event)
    return out
