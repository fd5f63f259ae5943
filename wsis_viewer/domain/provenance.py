"""What the report states, apart from what we infer: the "stated only" view of a dataset.

`stated_only(ds)` returns the same records with every inferred link and inferred status removed,
so every view built from it (timeline chains, panels, lists, exports) shows only what a source
states. Records themselves stay: a record exists because a source names it; only the *links*
and *statuses* can be ours. Qt-free; the window's "Show only what the report states", and the
`--stated-only` option of `screenshot`, `report` and `export`, all go through here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from wsis_viewer.domain.model import (
    Bilingual,
    Claim,
    Dataset,
    Document,
    Event,
    Figure,
    LinkClaim,
    Person,
    Recommendation,
    RecommendationLinks,
    RecordType,
    Resolution,
    ResolutionStep,
    Topic,
    claim_for,
)

# A recommendation whose status is inferred shows this instead (a key the lists and panels
# translate as "status not stated").
UNSTATED_STATUS = "not-stated"


def _inferred(claim: Claim | None) -> bool:
    return claim is not None and claim.inferred


def _keep(claims: tuple[LinkClaim, ...], relation: str, targets: tuple[str, ...]
          ) -> tuple[str, ...]:
    return tuple(t for t in targets if not _inferred(claim_for(claims, relation, t)))


def _stated_claims(claims: tuple[LinkClaim, ...]) -> tuple[LinkClaim, ...]:
    return tuple(lc for lc in claims if not lc.claim.inferred)


def _event(e: Event) -> Event:
    return replace(e, resolutions=_keep(e.claims, "resolutions", e.resolutions),
                   claims=_stated_claims(e.claims))


def _document(d: Document) -> Document:
    event = d.event if d.event and not _inferred(claim_for(d.claims, "event", d.event)) else None
    return replace(d, event=event,
                   considered_at=tuple(c for c in d.considered_at if not _inferred(c.claim)),
                   claims=_stated_claims(d.claims))


def _step(st: ResolutionStep) -> ResolutionStep:
    """An inferred step keeps what is stated (its action and year) but loses where it happened:
    the claim of a step is about its event and document."""
    if not _inferred(st.claim):
        return st
    return replace(st, event=None, document=None, claim=None)


def _recommendation(m: Recommendation) -> Recommendation:
    claims = m.claims
    status = UNSTATED_STATUS if _inferred(claim_for(claims, "status", m.status)) else m.status
    event = m.event if m.event and not _inferred(claim_for(claims, "event", m.event)) else None
    links = RecommendationLinks(
        resolutions=_keep(claims, "links.resolutions", m.links.resolutions),
        events=_keep(claims, "links.events", m.links.events),
        documents=_keep(claims, "links.documents", m.links.documents))
    return replace(m, status=status, event=event, links=links, claims=_stated_claims(claims))


def _person(p: Person) -> Person:
    return replace(p, roles=tuple(r for r in p.roles if not _inferred(r.claim)))


def _topic(t: Topic) -> Topic:
    return replace(t, events=_keep(t.claims, "events", t.events), claims=_stated_claims(t.claims))


def _figure(f: Figure) -> Figure:
    event = f.event if f.event and not _inferred(claim_for(f.claims, "event", f.event)) else None
    return replace(f, event=event, claims=_stated_claims(f.claims))


def _resolution(r: Resolution) -> Resolution:
    return replace(r, history=tuple(_step(st) for st in r.history))


def stated_only(ds: Dataset) -> Dataset:
    """`ds` without any inferred link or status (records are kept; see the module docstring).

    An event's `documents` (derived by the store from the documents' links) is recomputed from
    the reduced documents, so an inferred "produced by" link leaves no trace there either.
    """
    documents = tuple(_document(d) for d in ds.documents)
    docs_of_event: dict[str, list[str]] = {}
    for d in documents:
        for eid in ([d.event] if d.event else []) + [c.event for c in d.considered_at]:
            if d.symbol not in docs_of_event.setdefault(eid, []):
                docs_of_event[eid].append(d.symbol)
    events = tuple(
        replace(_event(e), documents=tuple(x for x in e.documents
                                           if x in docs_of_event.get(e.id, ())))
        for e in ds.events)
    return Dataset(
        events=events, documents=documents,
        resolutions=tuple(_resolution(r) for r in ds.resolutions),
        recommendations=tuple(_recommendation(m) for m in ds.recommendations),
        people=tuple(_person(p) for p in ds.people), contributors=ds.contributors,
        topics=tuple(_topic(t) for t in ds.topics),
        figures=tuple(_figure(f) for f in ds.figures))


def inferred_count(ds: Dataset) -> int:
    """How many inferred links and statuses `ds` holds (shown in the UI and reports)."""
    n = 0
    for group in (ds.events, ds.documents, ds.recommendations, ds.topics, ds.figures):
        for rec in group:
            n += sum(1 for lc in rec.claims if lc.claim.inferred)
    n += sum(1 for d in ds.documents for c in d.considered_at if _inferred(c.claim))
    n += sum(1 for r in ds.resolutions for st in r.history if _inferred(st.claim))
    n += sum(1 for p in ds.people for ro in p.roles if _inferred(ro.claim))
    return n


@dataclass(frozen=True, slots=True)
class ClaimUse:
    """One claim of a dataset, with the record and the link it belongs to."""

    record: RecordType
    record_id: str
    relation: str  # "event", "links.events", "status", "history", "considered_at", "roles" …
    target: str  # the id (or status) the link points at; for history and roles, an event/body
    claim: Claim


def iter_claims(ds: Dataset) -> Iterator[ClaimUse]:
    """Every claim of `ds`, record by record."""
    for kind, group in ((RecordType.EVENT, ds.events), (RecordType.DOCUMENT, ds.documents),
                        (RecordType.RECOMMENDATION, ds.recommendations),
                        (RecordType.TOPIC, ds.topics), (RecordType.FIGURE, ds.figures)):
        for rec in group:
            rid = rec.symbol if isinstance(rec, Document) else rec.id
            for lc in rec.claims:
                yield ClaimUse(kind, rid, lc.relation, lc.target, lc.claim)
    for d in ds.documents:
        for c in d.considered_at:
            if c.claim is not None:
                yield ClaimUse(RecordType.DOCUMENT, d.symbol, "considered_at", c.event, c.claim)
    for r in ds.resolutions:
        for st in r.history:
            if st.claim is not None:
                yield ClaimUse(RecordType.RESOLUTION, r.id, "history", st.event or "", st.claim)
    for p in ds.people:
        for ro in p.roles:
            if ro.claim is not None:
                yield ClaimUse(RecordType.PERSON, p.id, "roles", ro.body, ro.claim)


@dataclass(frozen=True, slots=True)
class QuotedText:
    """A record's text that is the report's own wording."""

    record: RecordType
    record_id: str
    field: str  # title, text, name, description
    text: Bilingual


def iter_quoted_texts(ds: Dataset) -> Iterator[QuotedText]:
    def texts(kind: RecordType, rid: str, **fields: Bilingual | None) -> Iterator[QuotedText]:
        for name, b in fields.items():
            if b is not None and b.quoted_from:
                yield QuotedText(kind, rid, name, b)

    for e in ds.events:
        yield from texts(RecordType.EVENT, e.id, title=e.title, description=e.description)
    for d in ds.documents:
        yield from texts(RecordType.DOCUMENT, d.symbol, title=d.title,
                         description=d.description)
    for r in ds.resolutions:
        yield from texts(RecordType.RESOLUTION, r.id, title=r.title, description=r.description)
    for m in ds.recommendations:
        yield from texts(RecordType.RECOMMENDATION, m.id, text=m.text)
    for c in ds.contributors:
        yield from texts(RecordType.CONTRIBUTOR, c.id, name=c.name)
    for t in ds.topics:
        yield from texts(RecordType.TOPIC, t.id, title=t.title)
    for f in ds.figures:
        yield from texts(RecordType.FIGURE, f.id, text=f.text)
