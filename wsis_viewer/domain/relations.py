"""How records refer to each other: links, back-links and the chains drawn on the timeline.

A chain answers "how did this come about, and when": for a resolution, the meetings whose reports
led to each step, the Council sessions that adopted and modified it, and the later records that
followed it up; each connection labelled with the time that passed ("+27 days", "+4 months").
Qt-free and unit-tested; the timeline only draws what `chain_for` returns.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from wsis_viewer.domain.model import (
    Basis,
    Bilingual,
    Claim,
    Dataset,
    Event,
    Person,
    Precision,
    RecordType,
    claim_for,
)


@dataclass(frozen=True, slots=True, order=True)
class RecordRef:
    """A pointer to any record: the unit of selection, links and navigation history."""

    type: RecordType
    id: str

    def to_url(self) -> str:
        """A link target for rich-text panels: `record:event/cwg-22` (ids may contain '/')."""
        return f"record:{self.type.value}/{self.id}"

    @staticmethod
    def from_url(url: str) -> RecordRef | None:
        if not url.startswith("record:"):
            return None
        kind, _, rid = url[len("record:"):].partition("/")
        try:
            return RecordRef(RecordType(kind), rid) if rid else None
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class ChainEdge:
    """A connector from one event to a later one, with why and how long after.

    `basis` is INFERRED when any link the connector rests on is our inference (then `note` is
    that link's reason, and the timeline draws the arrow dashed); STATED otherwise.
    """

    source: str
    target: str
    days: int
    approximate: bool
    via: str  # what carries the link: a document symbol, "next step", a recommendation ref …
    basis: Basis = Basis.STATED
    note: Bilingual | None = None
    # The first day of the target's sitting this step leads to (an event may sit several times).
    target_day: dt.date | None = None

    @property
    def inferred(self) -> bool:
        return self.basis is Basis.INFERRED

    def label(self, lang: str = "en") -> str:
        return format_elapsed(self.days, self.approximate, lang)


# One candidate connector: from, to, via, and the claims it rests on (None: not recorded).
_Pair = tuple[str, str, str, tuple[Claim | None, ...]]


def _basis_of(claims: tuple[Claim | None, ...]) -> tuple[Basis, Bilingual | None]:
    """Inferred as soon as one claim behind a connector is; the first such claim's reason."""
    for c in claims:
        if c is not None and c.inferred:
            return Basis.INFERRED, c.note
    return Basis.STATED, None


@dataclass(frozen=True, slots=True)
class Chain:
    """The events of a record's chain and the connectors between them, in time order."""

    record: RecordRef
    events: tuple[str, ...]
    edges: tuple[ChainEdge, ...]


def format_elapsed(days: int, approximate: bool = False, lang: str = "en") -> str:
    """'+1 day', '+27 days', '+4 months', '+1 year 4 months' (zh: '+1天', '+4个月' …).

    Months are counted as 30.44 days: the label is for reading, not for arithmetic.
    """
    zh = lang == "zh"
    if days == 0:
        text = "同日" if zh else "same day"
    elif days < 31:
        text = f"+{days}天" if zh else f"+{days} day{'s' if days != 1 else ''}"
    else:
        months = round(days / 30.44)
        years, rest = divmod(months, 12)
        if years == 0:
            text = f"+{months}个月" if zh else f"+{months} month{'s' if months != 1 else ''}"
        elif zh:
            text = f"+{years}年" + (f"{rest}个月" if rest else "")
        else:
            text = f"+{years} year{'s' if years != 1 else ''}" + (
                f" {rest} month{'s' if rest != 1 else ''}" if rest else "")
    return ("约" if zh else "≈ ") + text if approximate else text


def _target_sitting(earlier: Event, later: Event) -> dt.date:
    """The first day of `later`'s first sitting that starts after `earlier` ends (else its
    start): the sitting a step from `earlier` leads to."""
    starts = [s.start for s in later.sessions if s.start >= earlier.end]
    return starts[0] if starts else later.start


def _gap(earlier: Event, later: Event) -> tuple[int, bool]:
    """Days from the end of `earlier` to the first sitting of `later` that starts after it.

    Council 2014 met in May and again on 18 October: a link from the 25th meeting (2–3 October)
    leads to the October sitting, not back to May.
    """
    days = max(0, (_target_sitting(earlier, later) - earlier.end).days)
    approximate = Precision.DAY not in (earlier.precision, later.precision) or (
        earlier.precision is not Precision.DAY or later.precision is not Precision.DAY)
    return days, approximate


def meetings_served_kind(person: Person) -> str | None:
    """The kind of events a person's panel lists as "meetings of the body they served": the
    CWG-WSIS meetings for someone with a role in CWG-WSIS (the report names its chairs)."""
    return "cwg-wsis-meeting" if any(r.body == "CWG-WSIS" for r in person.roles) else None


class Relations:
    """Indexes over one Dataset for links, back-links and chains."""

    def __init__(self, ds: Dataset) -> None:
        self.ds = ds
        self.events = {e.id: e for e in ds.events}
        self.documents = {d.symbol: d for d in ds.documents}
        self.resolutions = {r.id: r for r in ds.resolutions}
        self.recommendations = {r.id: r for r in ds.recommendations}
        self.people = {p.id: p for p in ds.people}
        self.contributors = {c.id: c for c in ds.contributors}
        self.topics = {t.id: t for t in ds.topics}
        self.figures = {f.id: f for f in ds.figures}
        self._back: dict[RecordRef, list[RecordRef]] = defaultdict(list)
        self._chains: dict[RecordRef, Chain] = {}
        self._index_back_links()

    # --- existence -----------------------------------------------------------------------------

    def exists(self, ref: RecordRef) -> bool:
        table: dict[RecordType, Mapping[str, object]] = {
            RecordType.EVENT: self.events, RecordType.DOCUMENT: self.documents,
            RecordType.RESOLUTION: self.resolutions,
            RecordType.RECOMMENDATION: self.recommendations, RecordType.PERSON: self.people,
            RecordType.CONTRIBUTOR: self.contributors, RecordType.TOPIC: self.topics,
            RecordType.FIGURE: self.figures,
        }
        return ref.id in table[ref.type]

    def ref_of_id(self, record_id: str) -> RecordRef | None:
        """The record with this id, of whichever kind (ids are unique across kinds; a note
        names only the id); None when this dataset does not hold it."""
        for kind in RecordType:
            if self.exists(ref := RecordRef(kind, record_id)):
                return ref
        return None

    # --- back-links ------------------------------------------------------------------------------

    def _link(self, source: RecordRef, target: RecordRef) -> None:
        if source not in self._back[target]:
            self._back[target].append(source)

    def _index_back_links(self) -> None:
        ev, doc, res = RecordType.EVENT, RecordType.DOCUMENT, RecordType.RESOLUTION
        for e in self.ds.events:
            for rid in e.resolutions:
                self._link(RecordRef(ev, e.id), RecordRef(res, rid))
        for d in self.ds.documents:
            me = RecordRef(doc, d.symbol)
            if d.event:
                self._link(me, RecordRef(ev, d.event))
            for c in d.considered_at:
                self._link(me, RecordRef(ev, c.event))
        for r in self.ds.resolutions:
            me = RecordRef(res, r.id)
            for st in r.history:
                if st.event:
                    self._link(me, RecordRef(ev, st.event))
                if st.document:
                    self._link(me, RecordRef(doc, st.document))
        for m in self.ds.recommendations:
            me = RecordRef(RecordType.RECOMMENDATION, m.id)
            if m.event:
                self._link(me, RecordRef(ev, m.event))
            for x in m.links.resolutions:
                self._link(me, RecordRef(res, x))
            for x in m.links.events:
                self._link(me, RecordRef(ev, x))
            for x in m.links.documents:
                self._link(me, RecordRef(doc, x))
        for t in self.ds.topics:
            for x in t.events:
                self._link(RecordRef(RecordType.TOPIC, t.id), RecordRef(ev, x))
        for f in self.ds.figures:
            if f.event:
                self._link(RecordRef(RecordType.FIGURE, f.id), RecordRef(ev, f.event))

    def referrers(self, ref: RecordRef) -> list[RecordRef]:
        """Records that refer to `ref`, in a stable order (type, then id)."""
        return sorted(self._back.get(ref, []))

    # --- where a record sits on the timeline -----------------------------------------------------

    def events_of(self, ref: RecordRef) -> list[str]:
        """The events a record belongs to: itself for an event, else where it happened."""
        out: list[str] = []
        if ref.type is RecordType.EVENT:
            out = [ref.id]
        elif ref.type is RecordType.DOCUMENT and (d := self.documents.get(ref.id)):
            out = ([d.event] if d.event else []) + [c.event for c in d.considered_at]
        elif ref.type is RecordType.RESOLUTION and (r := self.resolutions.get(ref.id)):
            out = [st.event for st in r.history if st.event]
        elif ref.type is RecordType.RECOMMENDATION and (m := self.recommendations.get(ref.id)):
            out = ([m.event] if m.event else []) + list(m.links.events)
        elif ref.type is RecordType.TOPIC and (t := self.topics.get(ref.id)):
            out = list(t.events)
        elif ref.type is RecordType.FIGURE and (f := self.figures.get(ref.id)):
            out = [f.event] if f.event else []
        return list(dict.fromkeys(x for x in out if x in self.events))

    # --- chains ----------------------------------------------------------------------------------

    def _edge(self, a: str, b: str, via: str,
              claims: tuple[Claim | None, ...] = ()) -> ChainEdge | None:
        """A connector between two events, pointing forward in time.

        The given direction (a → b) is kept when one of b's sittings starts on or after a ends;
        otherwise the link runs backwards in time and is flipped.
        """
        if a == b or a not in self.events or b not in self.events:
            return None
        ea, eb = self.events[a], self.events[b]
        if not any(s.start >= ea.end for s in eb.sessions):
            ea, eb = eb, ea
        days, approx = _gap(ea, eb)
        basis, note = _basis_of(claims)
        return ChainEdge(ea.id, eb.id, days, approx, via, basis, note, _target_sitting(ea, eb))

    def _chain(self, ref: RecordRef, pairs: list[_Pair]) -> Chain:
        edges: dict[tuple[str, str], ChainEdge] = {}
        nodes: set[str] = set(self.events_of(ref))
        for a, b, via, claims in pairs:
            edge = self._edge(a, b, via, claims)
            if edge is None:
                continue
            key = (edge.source, edge.target)
            # The first connector found wins, unless a later one between the same two events
            # is stated where the first was inferred: a stated route makes the arrow solid.
            if key not in edges or (edges[key].inferred and not edge.inferred):
                edges[key] = edge
                nodes.update((a, b))
        ordered = sorted((n for n in nodes if n in self.events),
                         key=lambda n: (self.events[n].start, n))
        sorted_edges = sorted(edges.values(),
                              key=lambda e: (self.events[e.source].start, e.source, e.target))
        return Chain(ref, tuple(ordered), tuple(sorted_edges))

    def chain_for(self, ref: RecordRef) -> Chain:
        """The chain of `ref` (empty edges when the record links nothing in time).

        Cached: the dataset never changes under a Relations, and the window asks for the same
        chain several times per selection (to frame it, to draw it, for the panel).
        """
        cached = self._chains.get(ref)
        if cached is None:
            cached = self._chains[ref] = self._compute_chain(ref)
        return cached

    def _compute_chain(self, ref: RecordRef) -> Chain:
        pairs: list[_Pair] = []
        if ref.type is RecordType.RESOLUTION and (r := self.resolutions.get(ref.id)):
            pairs = self._resolution_pairs(r.id)
        elif ref.type is RecordType.RECOMMENDATION and (m := self.recommendations.get(ref.id)):
            pairs = self._recommendation_pairs(m.id)
        elif ref.type is RecordType.DOCUMENT and (d := self.documents.get(ref.id)):
            pairs = self._document_pairs(d.symbol)
        elif ref.type is RecordType.EVENT and ref.id in self.events:
            pairs = self._event_pairs(ref.id)
        return self._chain(ref, pairs)

    def _document_pairs(self, symbol: str) -> list[_Pair]:
        d = self.documents[symbol]
        if not d.event:
            return []
        made = claim_for(d.claims, "event", d.event)
        pairs: list[_Pair] = [(d.event, c.event, symbol, (made, c.claim))
                              for c in d.considered_at]
        for r in self.ds.resolutions:
            for st in r.history:
                if st.document == symbol and st.event:
                    pairs.append((d.event, st.event, symbol, (made, st.claim)))
        return pairs

    def _resolution_pairs(self, rid: str) -> list[_Pair]:
        r = self.resolutions[rid]
        steps = [st for st in r.history if st.event]
        pairs: list[_Pair] = []
        # Step to step: adopted → modified → modified …
        for a, b in itertools.pairwise(steps):
            pairs.append((a.event or "", b.event or "", "next step", (a.claim, b.claim)))
        # The recommendations behind each step: the meeting, through its report, to the session.
        step_claims = {st.event: st.claim for st in steps if st.event}
        step_events = list(step_claims)
        for m in self.ds.recommendations:
            if rid not in m.links.resolutions or not m.event or m.event not in self.events:
                continue
            origin = self.events[m.event]
            later = [e for e in step_events if self.events[e].end >= origin.start
                     and e != m.event]
            linked = [e for e in later if e in m.links.events] or later[:1]
            reports = [d for d in m.links.documents if d in self.documents
                       and self.documents[d].event == m.event]
            via = reports[0] if reports else m.ref
            base = (claim_for(m.claims, "event", m.event),
                    claim_for(m.claims, "links.resolutions", rid))
            pairs += [(m.event, e, via, (*base, step_claims[e],
                                         claim_for(m.claims, "links.events", e)))
                      for e in linked]
        # Later records that follow the resolution up (unless already linked above).
        linked_events = {x for p in pairs for x in p[:2]}
        for e in self.ds.events:
            if rid in e.resolutions and step_events and e.id not in linked_events:
                before = [s for s in step_events if self.events[s].start <= e.start and s != e.id]
                if before:
                    pairs.append((before[-1], e.id, "follow-up",
                                  (step_claims[before[-1]],
                                   claim_for(e.claims, "resolutions", rid))))
        return pairs

    def _recommendation_pairs(self, mid: str) -> list[_Pair]:
        m = self.recommendations[mid]
        pairs: list[_Pair] = []
        if not m.event:
            return pairs
        made = claim_for(m.claims, "event", m.event)
        pairs += [(m.event, e, m.ref, (made, claim_for(m.claims, "links.events", e)))
                  for e in m.links.events if e != m.event]
        for rid in m.links.resolutions:
            r = self.resolutions.get(rid)
            if r is None:
                continue
            steps = {st.event: st.claim for st in r.history if st.event}
            linked_steps = list(steps)
            targets = [e for e in linked_steps if e in m.links.events] or linked_steps[:1]
            pairs += [(m.event, e, r.number,
                       (made, claim_for(m.claims, "links.resolutions", rid), steps[e],
                        claim_for(m.claims, "links.events", e)))
                      for e in targets]
        return pairs

    def _event_pairs(self, eid: str) -> list[_Pair]:
        """Documents produced here and considered elsewhere, and the reverse."""
        pairs: list[_Pair] = []
        for d in self.ds.documents:
            if not d.event:
                continue
            made = claim_for(d.claims, "event", d.event)
            if d.event == eid:
                pairs += [(eid, c.event, d.symbol, (made, c.claim)) for c in d.considered_at]
            else:
                pairs += [(d.event, eid, d.symbol, (made, c.claim))
                          for c in d.considered_at if c.event == eid][:1]
        return pairs

