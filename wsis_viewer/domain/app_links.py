"""`wsis-viewer:` links and citations of records (Qt-free).

A link names one record: `wsis-viewer:record/<kind>/<id>`, the id percent-encoded (document
symbols hold '/', '(' and spaces), e.g. `wsis-viewer:record/document/C-13%2F108`.
`wsis-viewer <link>` opens the window on that record; a desktop entry can register the scheme.
"""

from __future__ import annotations

from urllib.parse import quote, unquote

from wsis_viewer.domain.model import RecordType, Source, SourceType
from wsis_viewer.domain.relations import RecordRef, Relations

SCHEME = "wsis-viewer"
_PREFIX = f"{SCHEME}:record/"


def record_link(ref: RecordRef) -> str:
    return f"{_PREFIX}{ref.type.value}/{quote(ref.id, safe='')}"


def parse_link(text: str) -> RecordRef | None:
    """The record a `wsis-viewer:` link names; None for anything else."""
    text = text.strip()
    if not text.startswith(_PREFIX):
        return None
    kind, sep, rid = text[len(_PREFIX):].partition("/")
    if not sep or not rid:
        return None
    try:
        return RecordRef(RecordType(kind), unquote(rid))
    except ValueError:
        return None


def record_sources(rel: Relations, ref: RecordRef) -> tuple[Source, ...]:
    tables: dict[RecordType, dict[str, object]] = {
        RecordType.EVENT: dict(rel.events), RecordType.DOCUMENT: dict(rel.documents),
        RecordType.RESOLUTION: dict(rel.resolutions),
        RecordType.RECOMMENDATION: dict(rel.recommendations),
        RecordType.PERSON: dict(rel.people), RecordType.CONTRIBUTOR: dict(rel.contributors),
        RecordType.TOPIC: dict(rel.topics), RecordType.FIGURE: dict(rel.figures)}
    record = tables[ref.type].get(ref.id)
    sources = getattr(record, "sources", ())
    return tuple(sources)


def record_title(rel: Relations, ref: RecordRef, lang: str) -> str:
    t = ref.type
    if t is RecordType.EVENT and (e := rel.events.get(ref.id)):
        return e.title.get(lang)
    if t is RecordType.DOCUMENT and (d := rel.documents.get(ref.id)):
        return d.symbol
    if t is RecordType.RESOLUTION and (r := rel.resolutions.get(ref.id)):
        return (f"第{r.number}号决议" if lang == "zh" else f"Resolution {r.number}") \
            if r.number.isdigit() else r.number
    if t is RecordType.RECOMMENDATION and (m := rel.recommendations.get(ref.id)):
        return m.ref
    if t is RecordType.PERSON and (p := rel.people.get(ref.id)):
        return (p.name_zh or p.name) if lang == "zh" else p.name
    if t is RecordType.CONTRIBUTOR and (c := rel.contributors.get(ref.id)):
        return c.name.get(lang)
    if t is RecordType.TOPIC and (tp := rel.topics.get(ref.id)):
        return tp.title.get(lang)
    if t is RecordType.FIGURE and (f := rel.figures.get(ref.id)):
        return f.text.get(lang)
    return ref.id


def citation(rel: Relations, ref: RecordRef, lang: str = "en") -> str:
    """"C-13/108 — Council 2013 — report §2.3.3": the record, where it belongs, its sources."""
    parts = [record_title(rel, ref, lang)]
    events = [e for e in (rel.events.get(i) for i in rel.events_of(ref)) if e]
    if ref.type is not RecordType.EVENT and events:
        parts.append(events[0].title.get(lang))
    sources = record_sources(rel, ref)
    paragraphs = [s.ref for s in sources if s.type is SourceType.REPORT]
    if paragraphs:
        parts.append(("报告" if lang == "zh" else "report ") + ", ".join(paragraphs))
    parts += [s.title or s.url or s.ref for s in sources if s.type is not SourceType.REPORT]
    return " — ".join(p for p in parts if p)


def source_target(rel: Relations, ref: RecordRef) -> str | None:
    """What "Open Source" opens: the first external page, else the first report paragraph."""
    sources = record_sources(rel, ref)
    for s in sources:
        if s.url:
            return s.url
    for s in sources:
        if s.type is SourceType.REPORT:
            return s.ref
    return None
