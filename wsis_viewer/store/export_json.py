"""The JSON export: the whole dataset as one document analysts can script against.

The key layout is a contract (documented in docs/export-format.md and checked against
resources/schema/export.schema.json by the tests): add keys freely, never rename or drop one.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from wsis_viewer.domain.model import Bilingual, Claim, Dataset, LinkClaim, Source
from wsis_viewer.domain.notes import Note
from wsis_viewer.store.schema import SCHEMA_VERSION


def _bi(b: Bilingual | None) -> dict[str, Any] | None:
    if b is None:
        return None
    return {"en": b.en, "zh": b.zh, "en_is_translation": b.en_is_translation,
            # "report": zh is the report's own wording, from `quoted_from`; "composed": ours.
            "wording": "report" if b.quoted_from else "composed",
            "quoted_from": b.quoted_from}


def _claim(c: Claim | None) -> dict[str, Any]:
    """basis / source / quote / note of one claim (all null when none is recorded)."""
    if c is None:
        return {"basis": None, "source": None, "quote": None, "note": None}
    return {"basis": c.basis.value, "source": c.source, "quote": c.quote,
            "note": {"en": c.note.en, "zh": c.note.zh} if c.note else None}


def _claim_or_none(claims: tuple[LinkClaim, ...], relation: str,
                   target: str | None) -> dict[str, Any] | None:
    if target is None:
        return None
    return _claim(next((lc.claim for lc in claims
                        if lc.relation == relation and lc.target == target), None))


def _links(claims: tuple[LinkClaim, ...], relation: str, targets: tuple[str, ...],
           **extra: str) -> list[dict[str, Any]]:
    return [{**extra, "id": t, **_claim(next((lc.claim for lc in claims
                                             if lc.relation == relation and lc.target == t),
                                            None))}
            for t in targets]


def _sources(sources: tuple[Source, ...]) -> list[dict[str, Any]]:
    out = []
    for src in sources:
        item: dict[str, Any] = {"type": src.type.value, "ref": src.ref}
        if src.url:
            item["url"] = src.url
        if src.title:
            item["title"] = src.title
        out.append(item)
    return out


def dataset_to_json(ds: Dataset, *, stated_only: bool = False) -> dict[str, Any]:
    """The export document. `stated_only` only labels it: the caller passes a Dataset already
    reduced by `domain.provenance.stated_only`."""
    return {
        "schema_version": SCHEMA_VERSION,
        "stated_only": stated_only,
        "events": [
            {
                "id": e.id, "kind": e.kind, "lane": e.lane, "number": e.number,
                "title": _bi(e.title), "start": e.start.isoformat(), "end": e.end.isoformat(),
                "precision": e.precision.value,
                "sessions": [
                    {"start": s.start.isoformat(), "end": s.end.isoformat(), "time": s.time,
                     "end_time": s.end_time, "room": s.room,
                     "location": s.location or e.location, "label": s.label}
                    for s in e.sessions],
                "location": e.location, "description": _bi(e.description),
                "date_note": e.date_note, "documents": list(e.documents),
                "resolutions": list(e.resolutions),
                "resolution_links": _links(e.claims, "resolutions", e.resolutions),
                "sources": _sources(e.sources),
            }
            for e in ds.events],
        "documents": [
            {
                "symbol": d.symbol, "kind": d.kind, "title": _bi(d.title),
                "submitted_by": d.submitted_by, "event": d.event,
                "considered_at": [c.event for c in d.considered_at],
                "considerations": [{"event": c.event, "action": c.action, "claim": _claim(c.claim)}
                                   for c in d.considered_at],
                "event_claim": _claim_or_none(d.claims, "event", d.event),
                "description": _bi(d.description), "sources": _sources(d.sources),
            }
            for d in ds.documents],
        "resolutions": [
            {
                "id": r.id, "body": r.body, "number": r.number, "title": _bi(r.title),
                "history": [{"action": st.action, "event": st.event, "document": st.document,
                             "year": st.year, "note": st.note,
                             "claim": _claim(st.claim)} for st in r.history],
                "description": _bi(r.description), "sources": _sources(r.sources),
            }
            for r in ds.resolutions],
        "recommendations": [
            {
                "id": m.id, "ref": m.ref, "text": _bi(m.text), "event": m.event,
                "status": m.status,
                "links": {"resolutions": list(m.links.resolutions),
                          "events": list(m.links.events),
                          "documents": list(m.links.documents)},
                "status_claim": _claim_or_none(m.claims, "status", m.status or None),
                "event_claim": _claim_or_none(m.claims, "event", m.event),
                "link_claims": [
                    *_links(m.claims, "links.resolutions", m.links.resolutions,
                            type="resolution"),
                    *_links(m.claims, "links.events", m.links.events, type="event"),
                    *_links(m.claims, "links.documents", m.links.documents, type="document")],
                "note": m.note, "sources": _sources(m.sources),
            }
            for m in ds.recommendations],
        "people": [
            {
                "id": p.id, "name": p.name, "name_zh": p.name_zh, "country": p.country,
                "roles": [{"role": ro.role, "body": ro.body, "start_year": ro.start_year,
                           "end_year": ro.end_year, "claim": _claim(ro.claim)} for ro in p.roles],
                "sources": _sources(p.sources),
            }
            for p in ds.people],
        "contributors": [
            {"id": c.id, "name": _bi(c.name), "type": c.type, "country": c.country,
             "sources": _sources(c.sources)}
            for c in ds.contributors],
        "topics": [
            {"id": t.id, "category": t.category, "ref": t.ref, "title": _bi(t.title),
             "start_year": t.start_year, "end_year": t.end_year, "events": list(t.events),
             "event_links": _links(t.claims, "events", t.events),
             "sources": _sources(t.sources)}
            for t in ds.topics],
        "figures": [
            {"id": f.id, "value": f.value, "qualifier": f.qualifier, "text": _bi(f.text),
             "event": f.event, "event_claim": _claim_or_none(f.claims, "event", f.event),
             "sources": _sources(f.sources)}
            for f in ds.figures],
    }


def dumps(ds: Dataset, notes: Sequence[Note] | None = None, *,
          stated_only: bool = False) -> str:
    """Stable text: sorted keys would scramble the documented order, so order is by code.

    With `notes` (export --notes) the analysts' notes follow the dataset under "notes"; they
    are workspace content, kept apart from the records they are about."""
    data = dataset_to_json(ds, stated_only=stated_only)
    if notes is not None:
        data["notes"] = [n.to_json() for n in notes]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
