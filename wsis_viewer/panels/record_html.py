"""Detail panels as rich text: one page per record kind, every reference a link.

Qt-free: this builds the HTML subset that QTextBrowser shows (and the PDF report reuses). Links
are `record:<type>/<id>` for records (the UI navigates) and http(s) for external sources (the UI
opens a browser). Headings go through a translate callable, so the UI can hand in Qt's
translator and this module stays testable without Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape
from urllib.parse import urlsplit

from wsis_viewer.domain.dates import format_span
from wsis_viewer.domain.model import (
    Bilingual,
    Contributor,
    Document,
    Event,
    Figure,
    Person,
    Precision,
    Recommendation,
    RecordType,
    Resolution,
    Source,
    SourceType,
    Topic,
)
from wsis_viewer.domain.relations import RecordRef, Relations

Translate = Callable[[str], str]
CONTEXT = "RecordPanel"

STATUS_COLOURS = {  # readable on light and dark backgrounds (Okabe-Ito hues)
    "led-to-resolution": "#009E73", "approved": "#009E73", "endorsed": "#009E73",
    "forwarded": "#E69F00", "proposed": "#56B4E9", "noted": "#999999",
}


def _identity(text: str) -> str:
    return text


class RecordPage:
    """Renders any record of one dataset in one language."""

    def __init__(self, rel: Relations, lang: str = "en", translate: Translate = _identity,
                 dim: str = "#808080") -> None:
        self.rel = rel
        self.lang = lang
        self.t = translate
        # Secondary text colour: the UI passes one blended from its palette (light or dark).
        self.dim = dim

    # --- small pieces -------------------------------------------------------------------------

    def text(self, b: Bilingual | None, mark_translation: bool = False) -> str:
        """The text in the UI language; the other language, marked, when it is missing.

        `mark_translation` adds "(our translation)" to English we translated; headings and
        main texts show it, list items would drown in it.
        """
        if b is None:
            return ""
        if b.has(self.lang):
            out = escape(b.get(self.lang))
            if mark_translation and self.lang == "en" and b.en_is_translation:
                note = escape(self.t("our translation")).replace(" ", "&nbsp;")
                out += f' <span style="color:{self.dim}">({note})</span>'
            return out
        other = "中文" if self.lang == "en" else "English"
        return (f'{escape(b.get(self.lang))} <span style="color:{self.dim}">'
                f'[{escape(self.t("only in"))} {other}]</span>')

    def link(self, ref: RecordRef, label: str) -> str:
        if not self.rel.exists(ref):
            return escape(label)
        return f'<a href="{escape(ref.to_url())}">{escape(label)}</a>'

    def event_link(self, event_id: str | None) -> str:
        if not event_id:
            return "—"
        e = self.rel.events.get(event_id)
        label = e.title.get(self.lang) if e else event_id
        return self.link(RecordRef(RecordType.EVENT, event_id), label)

    def doc_link(self, symbol: str | None) -> str:
        if not symbol:
            return "—"
        return self.link(RecordRef(RecordType.DOCUMENT, symbol), symbol)

    def res_link(self, rid: str) -> str:
        r = self.rel.resolutions.get(rid)
        label = self.resolution_name(r) if r else rid
        return self.link(RecordRef(RecordType.RESOLUTION, rid), label)

    def resolution_name(self, r: Resolution) -> str:
        if r.body == "wsis+10":
            return r.title.get(self.lang)
        body = {"council": self.t("Council Resolution"),
                "plenipotentiary": self.t("Plenipotentiary Resolution"),
                "unga": self.t("UNGA resolution")}.get(r.body, r.body)
        return f"{body} {r.number}"

    def rec_link(self, mid: str) -> str:
        m = self.rel.recommendations.get(mid)
        label = m.ref if m else mid
        return self.link(RecordRef(RecordType.RECOMMENDATION, mid), label)

    def status(self, status: str) -> str:
        colour = STATUS_COLOURS.get(status, "#999999")
        return f'<b style="color:{colour}">{escape(self.t(status))}</b>'

    def heading(self, kind: str, title: Bilingual, subtitle: str = "") -> str:
        other = "zh" if self.lang == "en" else "en"
        second = title.get(other) if title.has(other) else ""
        parts = [f'<p style="color:{self.dim};margin:0">{escape(self.t(kind))}'
                 f'{" · " + escape(subtitle) if subtitle else ""}</p>',
                 f'<h2 style="margin-top:2px">{self.text(title, True)}</h2>']
        if second and second != title.get(self.lang):
            parts.append(f'<p style="margin-top:0">{escape(second)}</p>')
        return "".join(parts)

    def section(self, title: str, items: Iterable[str]) -> str:
        items = [i for i in items if i]
        if not items:
            return ""
        body = "".join(f"<li>{i}</li>" for i in items)
        return f"<h3>{escape(self.t(title))}</h3><ul>{body}</ul>"

    def field(self, name: str, value: str) -> str:
        if not value:
            return ""
        return f"<tr><td style='color:{self.dim};padding-right:8px'>{escape(self.t(name))}</td>" \
               f"<td>{value}</td></tr>"

    def fields(self, *rows: str) -> str:
        body = "".join(rows)
        return f"<table>{body}</table>" if body else ""

    def sources(self, sources: tuple[Source, ...]) -> str:
        items = []
        for s in sources:
            if s.type is SourceType.REPORT:
                items.append(f"{escape(self.t('Report'))} {escape(s.ref)}")
            elif s.url:
                # The site after the link says where a click leads.
                host = urlsplit(s.url).hostname or ""
                items.append(f'<a href="{escape(s.url)}">{escape(s.title or s.url)}</a>'
                             f' <span style="color:{self.dim}">{escape(host)}</span>')
            else:
                items.append(escape(s.title or s.ref))
        return self.section("Sources", items)

    def referrers(self, ref: RecordRef, skip: set[RecordRef] | None = None) -> list[str]:
        out = []
        for r in self.rel.referrers(ref):
            if skip and r in skip:
                continue
            out.append(f"{escape(self.t(r.type.value))}: {self.label_link(r)}")
        return out

    def label_link(self, ref: RecordRef) -> str:
        label = ref.id
        if ref.type is RecordType.EVENT and (e := self.rel.events.get(ref.id)):
            label = e.title.get(self.lang)
        elif ref.type is RecordType.RESOLUTION and (r := self.rel.resolutions.get(ref.id)):
            label = self.resolution_name(r)
        elif ref.type is RecordType.RECOMMENDATION and (m := self.rel.recommendations.get(ref.id)):
            label = m.ref
        elif ref.type is RecordType.TOPIC and (t := self.rel.topics.get(ref.id)):
            label = f"{t.ref} {t.title.get(self.lang)}"
        elif ref.type is RecordType.FIGURE and (f := self.rel.figures.get(ref.id)):
            label = f.text.get(self.lang)
        return self.link(ref, label)

    def chain_section(self, ref: RecordRef) -> str:
        chain = self.rel.chain_for(ref)
        items = [f"{self.event_link(e.source)} → {self.event_link(e.target)} "
                 f"<b>{escape(e.label(self.lang))}</b> "
                 f'<span style="color:{self.dim}">({escape(self.t("via"))} {escape(e.via)})</span>'
                 for e in chain.edges]
        return self.section("Chain on the timeline", items)

    # --- pages ----------------------------------------------------------------------------------

    def render(self, ref: RecordRef) -> str:
        rel = self.rel
        pages: dict[RecordType, Callable[[], str]] = {
            RecordType.EVENT: lambda: self.event(rel.events[ref.id]),
            RecordType.DOCUMENT: lambda: self.document(rel.documents[ref.id]),
            RecordType.RESOLUTION: lambda: self.resolution(rel.resolutions[ref.id]),
            RecordType.RECOMMENDATION: lambda: self.recommendation(rel.recommendations[ref.id]),
            RecordType.PERSON: lambda: self.person(rel.people[ref.id]),
            RecordType.CONTRIBUTOR: lambda: self.contributor(rel.contributors[ref.id]),
            RecordType.TOPIC: lambda: self.topic(rel.topics[ref.id]),
            RecordType.FIGURE: lambda: self.figure(rel.figures[ref.id]),
        }
        if not rel.exists(ref):
            return f"<p>{escape(self.t('No such record'))}: {escape(ref.id)}</p>"
        return pages[ref.type]()

    def event(self, e: Event) -> str:
        ref = RecordRef(RecordType.EVENT, e.id)
        sessions = []
        # A coarse event's one "session" is its whole year or month: not a real sitting.
        real_sittings = e.precision is Precision.DAY or len(e.sessions) > 1
        for i, s in enumerate(e.sessions if real_sittings else (), start=1):
            when = format_span(s.start, s.end, e.precision, self.lang)
            extra = [x for x in (
                f"{s.time}–{s.end_time}" if s.time and s.end_time else s.time,
                s.room, s.location or e.location) if x]
            label = f"{escape(self.t(s.label))}: " if s.label else (
                f"{escape(self.t('Session'))} {i}: " if len(e.sessions) > 1 else "")
            sessions.append(f"{label}<b>{escape(when)}</b>"
                            + "".join(f" · {escape(x)}" for x in extra))
        produced = [d for d in self.rel.ds.documents if d.event == e.id]
        considered = [(d, c.action) for d in self.rel.ds.documents for c in d.considered_at
                      if c.event == e.id]
        steps = [(r, st) for r in self.rel.ds.resolutions for st in r.history if st.event == e.id]
        recs_made = [m for m in self.rel.ds.recommendations if m.event == e.id]
        recs_linked = [m for m in self.rel.ds.recommendations
                       if e.id in m.links.events and m.event != e.id]
        subtitle = self.t(e.kind) + (f" · {self.t('No.')} {e.number}" if e.number else "")
        if e.location:
            subtitle += f" · {e.location}"
        return "".join([
            self.heading("Event", e.title, subtitle),
            self.fields(
                self.field("Dates", escape(format_span(e.start, e.end, e.precision, self.lang))),
                self.field("Place", escape(e.location or "")),
                self.field("Date note", escape(e.date_note or "")),
            ),
            f"<p>{self.text(e.description)}</p>" if e.description else "",
            self.section("Sessions", sessions),
            self.section("Documents produced", [
                f"{self.doc_link(d.symbol)} — {self.text(d.title)}" for d in produced]),
            self.section("Documents considered", [
                f"{self.doc_link(d.symbol)} ({escape(self.t(action))}) — {self.text(d.title)}"
                for d, action in considered]),
            self.section("Resolutions adopted or modified here", [
                f"{self.res_link(r.id)}: {escape(self.t(st.action))}"
                + (f" ({self.doc_link(st.document)})" if st.document else "")
                for r, st in steps]),
            self.section("Resolutions discussed", [self.res_link(x) for x in e.resolutions]),
            self.section("Recommendations made here", [
                f"{self.rec_link(m.id)} {self.status(m.status)} — {self.text(m.text)}"
                for m in recs_made]),
            self.section("Recommendations concerning this event", [
                f"{self.rec_link(m.id)} {self.status(m.status)}" for m in recs_linked]),
            self.section("Other records that refer to it", self.referrers(ref, skip={
                *(RecordRef(RecordType.DOCUMENT, d.symbol) for d in produced),
                *(RecordRef(RecordType.DOCUMENT, d.symbol) for d, _ in considered),
                *(RecordRef(RecordType.RESOLUTION, r.id) for r, _ in steps),
                *(RecordRef(RecordType.RECOMMENDATION, m.id) for m in recs_made + recs_linked),
            })),
            self.chain_section(ref),
            self.sources(e.sources),
        ])

    def resolution(self, r: Resolution) -> str:
        ref = RecordRef(RecordType.RESOLUTION, r.id)
        history = []
        for st in r.history:
            where = f" — {self.event_link(st.event)}" if st.event else ""
            doc = f" — {self.doc_link(st.document)}" if st.document else ""
            note = (f'<br/><span style="color:{self.dim}">{escape(st.note)}</span>'
                    if st.note else "")
            history.append(f"<b>{st.year}</b> {escape(self.t(st.action))}{where}{doc}{note}")
        behind = [m for m in self.rel.ds.recommendations if r.id in m.links.resolutions]
        docs = list(dict.fromkeys(
            [st.document for st in r.history if st.document]
            + [d for m in behind for d in m.links.documents]))
        history_html = ("<h3>" + escape(self.t("History")) + "</h3><ol>"
                        + "".join(f"<li>{h}</li>" for h in history) + "</ol>")
        return "".join([
            self.heading("Resolution", r.title, self.resolution_name(r)),
            f"<p>{self.text(r.description)}</p>" if r.description else "",
            history_html,
            self.section("Recommendations behind it", [
                f"{self.rec_link(m.id)} {self.status(m.status)} — {self.text(m.text)}"
                for m in behind]),
            self.section("Documents", [
                f"{self.doc_link(d)} — {self.text(self.rel.documents[d].title)}"
                for d in docs if d in self.rel.documents]),
            self.section("Later records that refer to it", self.referrers(
                ref, skip={RecordRef(RecordType.RECOMMENDATION, m.id) for m in behind})),
            self.chain_section(ref),
            self.sources(r.sources),
        ])

    def recommendation(self, m: Recommendation) -> str:
        ref = RecordRef(RecordType.RECOMMENDATION, m.id)
        return "".join([
            self.heading("Recommendation", Bilingual(m.ref, m.ref), ""),
            f"<p>{self.text(m.text, True)}</p>",
            self.fields(
                self.field("Status", self.status(m.status)),
                self.field("Made at", self.event_link(m.event) if m.event else ""),
                self.field("Note", escape(m.note or "")),
            ),
            self.section("Resolutions", [self.res_link(x) for x in m.links.resolutions]),
            self.section("Events", [self.event_link(x) for x in m.links.events]),
            self.section("Documents", [self.doc_link(x) for x in m.links.documents]),
            self.chain_section(ref),
            self.sources(m.sources),
        ])

    def document(self, d: Document) -> str:
        ref = RecordRef(RecordType.DOCUMENT, d.symbol)
        steps = [(r, st) for r in self.rel.ds.resolutions for st in r.history
                 if st.document == d.symbol]
        recs = [m for m in self.rel.ds.recommendations if d.symbol in m.links.documents]
        return "".join([
            self.heading("Document", d.title, d.symbol),
            self.fields(
                self.field("Symbol", escape(d.symbol)),
                self.field("Kind", escape(self.t(d.kind))),
                self.field("Submitted by", escape(d.submitted_by or "")),
                self.field("Produced at", self.event_link(d.event) if d.event else ""),
            ),
            f"<p>{self.text(d.description)}</p>" if d.description else "",
            self.section("Considered at", [
                f"{self.event_link(c.event)} ({escape(self.t(c.action))})"
                for c in d.considered_at]),
            self.section("What it led to", [
                f"{self.res_link(r.id)}: {escape(self.t(st.action))} ({st.year})"
                for r, st in steps]
                + [f"{self.rec_link(m.id)} {self.status(m.status)}" for m in recs]),
            self.chain_section(ref),
            self.sources(d.sources),
        ])

    def person(self, p: Person) -> str:
        roles = [f"{escape(self.t(r.role))}, {escape(r.body)}"
                 + (f" ({r.start_year}–{r.end_year})" if r.start_year else "") for r in p.roles]
        meetings = []
        if any(r.body == "CWG-WSIS" for r in p.roles):
            meetings = [self.event_link(e.id) for e in self.rel.ds.events
                        if e.kind == "cwg-wsis-meeting"]
        title = Bilingual(p.name_zh or p.name, p.name)
        return "".join([
            self.heading("Person", title, p.country or ""),
            self.section("Roles", roles),
            self.section("Meetings of the body they served", meetings),
            self.section("Mentioned with", self._same_paragraph(p.sources, p.id)),
            self.sources(p.sources),
        ])

    def contributor(self, c: Contributor) -> str:
        return "".join([
            self.heading("Contributor", c.name, self.t(c.type)),
            self.fields(self.field("Type", escape(self.t(c.type))),
                        self.field("Country", escape(c.country or ""))),
            self.section("Mentioned with", self._same_paragraph(c.sources, c.id)),
            self.sources(c.sources),
        ])

    def topic(self, t: Topic) -> str:
        years = ""
        if t.start_year:
            years = str(t.start_year) if t.end_year in (None, t.start_year) \
                else f"{t.start_year}–{t.end_year}"
        return "".join([
            self.heading(t.category, t.title, t.ref),
            self.fields(self.field("Years", years)),
            self.section("Events", [self.event_link(x) for x in t.events]),
            self.sources(t.sources),
        ])

    def figure(self, f: Figure) -> str:
        qualifier = {"more-than": self.t("more than"), "about": self.t("about")}.get(
            f.qualifier, "")
        return "".join([
            self.heading("Stated figure", f.text, ""),
            f"<p style='font-size:large'><b>{escape(qualifier)} {f.value}</b></p>",
            self.sources(f.sources),
        ])

    def _same_paragraph(self, sources: tuple[Source, ...], own_id: str) -> list[str]:
        """Records of other kinds citing the same report paragraph (people and contributors
        are not linked to records in the report, only named beside them)."""
        paras = {s.ref for s in sources if s.type is SourceType.REPORT}
        out = []
        for t in self.rel.ds.topics:
            if paras & {s.ref for s in t.sources if s.type is SourceType.REPORT}:
                out.append(self.label_link(RecordRef(RecordType.TOPIC, t.id)))
        for fig in self.rel.ds.figures:
            if fig.id != own_id and paras & {s.ref for s in fig.sources}:
                out.append(self.label_link(RecordRef(RecordType.FIGURE, fig.id)))
        return out


def precision_label(precision: Precision, translate: Translate = _identity) -> str:
    return translate({"day": "exact day", "month": "month only", "year": "year only"}[
        precision.value])
