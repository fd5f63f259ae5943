"""Detail panels as rich text: one page per record kind, every reference a link.

Qt-free: this builds the HTML subset that QTextBrowser shows (and the PDF report reuses). Links
are `record:<type>/<id>` for records (the UI navigates) and http(s) for external sources (the UI
opens a browser). Every word goes through a translate callable, so the UI can hand in Qt's
translator (context "RecordPage") and this module stays testable without Qt.

For pyside6-lupdate: literal words are written `self.tr("…")` inside RecordPage (lupdate
files them under the class name, "RecordPage"), and the words for data keys (event kinds,
actions, statuses …) are `QT_TRANSLATE_NOOP("RecordPage", "…")` in TERMS below.
"""

from __future__ import annotations

import datetime as dt
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
from wsis_viewer.domain.sittings import chairs_of, format_sittings
from wsis_viewer.domain.translation import QT_TRANSLATE_NOOP

Translate = Callable[[str], str]
CONTEXT = "RecordPage"

# English words for the data's keys. Unknown keys (a newer database) show as they are.
TERMS: dict[str, str] = {
    # record types (headings and "what refers to it")
    "event": QT_TRANSLATE_NOOP("RecordPage", "Event"),
    "document": QT_TRANSLATE_NOOP("RecordPage", "Document"),
    "resolution": QT_TRANSLATE_NOOP("RecordPage", "Resolution"),
    "recommendation": QT_TRANSLATE_NOOP("RecordPage", "Recommendation"),
    "person": QT_TRANSLATE_NOOP("RecordPage", "Person"),
    "contributor": QT_TRANSLATE_NOOP("RecordPage", "Contributor"),
    "topic": QT_TRANSLATE_NOOP("RecordPage", "Topic"),
    "figure": QT_TRANSLATE_NOOP("RecordPage", "Stated figure"),
    # event kinds
    "cwg-wsis-meeting": QT_TRANSLATE_NOOP("RecordPage", "CWG-WSIS meeting"),
    "council-session": QT_TRANSLATE_NOOP("RecordPage", "Council session"),
    "plenipotentiary-conference": QT_TRANSLATE_NOOP("RecordPage", "Plenipotentiary Conference"),
    "wsis-forum": QT_TRANSLATE_NOOP("RecordPage", "WSIS Forum"),
    "high-level-event": QT_TRANSLATE_NOOP("RecordPage", "High-Level Event"),
    "unga": QT_TRANSLATE_NOOP("RecordPage", "UN General Assembly"),
    "consultation": QT_TRANSLATE_NOOP("RecordPage", "Open consultation"),
    "advisory-group": QT_TRANSLATE_NOOP("RecordPage", "Advisory group meeting"),
    "working-group": QT_TRANSLATE_NOOP("RecordPage", "Working group meeting"),
    "observance": QT_TRANSLATE_NOOP("RecordPage", "Observance"),
    "summit": QT_TRANSLATE_NOOP("RecordPage", "Summit"),
    # document kinds
    "meeting-summary": QT_TRANSLATE_NOOP("RecordPage", "Meeting summary"),
    "report": QT_TRANSLATE_NOOP("RecordPage", "Report"),
    "addendum": QT_TRANSLATE_NOOP("RecordPage", "Addendum"),
    "contribution": QT_TRANSLATE_NOOP("RecordPage", "Contribution"),
    "resolution-text": QT_TRANSLATE_NOOP("RecordPage", "Resolution text"),
    "outcome-document": QT_TRANSLATE_NOOP("RecordPage", "Outcome document"),
    "publication": QT_TRANSLATE_NOOP("RecordPage", "Publication"),
    # what happened to a resolution or a document
    "adopted": QT_TRANSLATE_NOOP("RecordPage", "adopted"),
    "revised": QT_TRANSLATE_NOOP("RecordPage", "revised"),
    "modified": QT_TRANSLATE_NOOP("RecordPage", "modified"),
    "noted": QT_TRANSLATE_NOOP("RecordPage", "noted"),
    "endorsed": QT_TRANSLATE_NOOP("RecordPage", "endorsed"),
    "examined": QT_TRANSLATE_NOOP("RecordPage", "examined"),
    "recommended": QT_TRANSLATE_NOOP("RecordPage", "recommended"),
    "followed-up": QT_TRANSLATE_NOOP("RecordPage", "followed up"),
    "considered": QT_TRANSLATE_NOOP("RecordPage", "considered"),
    "approved": QT_TRANSLATE_NOOP("RecordPage", "approved"),
    # recommendation statuses (endorsed, approved, noted: as above), as words; the data key
    # stays in the JSON export.
    "led-to-resolution": QT_TRANSLATE_NOOP("RecordPage", "led to a resolution"),
    "forwarded": QT_TRANSLATE_NOOP("RecordPage", "forwarded"),
    "proposed": QT_TRANSLATE_NOOP("RecordPage", "proposed"),
    # contributor types
    "member-state": QT_TRANSLATE_NOOP("RecordPage", "Member State"),
    "city": QT_TRANSLATE_NOOP("RecordPage", "City"),
    "company": QT_TRANSLATE_NOOP("RecordPage", "Company"),
    "organization": QT_TRANSLATE_NOOP("RecordPage", "Organization"),
    # topic categories
    "initiative": QT_TRANSLATE_NOOP("RecordPage", "Initiative"),
    "adjustment": QT_TRANSLATE_NOOP("RecordPage", "Adjustment"),
    "input": QT_TRANSLATE_NOOP("RecordPage", "Input"),
    # free-text values of the bundled data (session labels, people's roles)
    "session": QT_TRANSLATE_NOOP("RecordPage", "session"),
    "first part": QT_TRANSLATE_NOOP("RecordPage", "first part"),
    "second part": QT_TRANSLATE_NOOP("RecordPage", "second part"),
    "second session": QT_TRANSLATE_NOOP("RecordPage", "second session"),
    "final meeting": QT_TRANSLATE_NOOP("RecordPage", "final meeting"),
    "main event": QT_TRANSLATE_NOOP("RecordPage", "main event"),
    "pre-events": QT_TRANSLATE_NOOP("RecordPage", "pre-events"),
    "Chair": QT_TRANSLATE_NOOP("RecordPage", "Chair"),
    "Vice-Chair": QT_TRANSLATE_NOOP("RecordPage", "Vice-Chair"),
    "Secretary-General": QT_TRANSLATE_NOOP("RecordPage", "Secretary-General"),
    "Deputy Secretary-General": QT_TRANSLATE_NOOP("RecordPage", "Deputy Secretary-General"),
    "Thanked for efficient support": QT_TRANSLATE_NOOP("RecordPage",
                                                       "Thanked for efficient support"),
}

STATUS_COLOURS = {  # readable on light and dark backgrounds (Okabe-Ito hues)
    "led-to-resolution": "#009E73", "approved": "#009E73", "endorsed": "#009E73",
    "forwarded": "#E69F00", "proposed": "#56B4E9", "noted": "#999999",
}


def _identity(text: str) -> str:
    return text


class RecordPage:
    """Renders any record of one dataset in one language."""

    def __init__(self, rel: Relations, lang: str = "en", translate: Translate = _identity,
                 dim: str = "#808080", translate_dates: Translate | None = None) -> None:
        self.rel = rel
        self.lang = lang
        self.t = translate
        # Context "Dates" (precision notes of format_span); None: its built-in notes.
        self.translate_dates = translate_dates
        # Secondary text colour: the UI passes one blended from its palette (light or dark).
        self.dim = dim

    # --- small pieces -------------------------------------------------------------------------

    def tr(self, text: str) -> str:
        """A literal word of the page (lupdate: context RecordPage)."""
        return self.t(text)

    def term(self, key: str) -> str:
        """The word for a data key ('cwg-wsis-meeting' -> 'CWG-WSIS meeting')."""
        source = TERMS.get(key)
        return self.t(source) if source is not None else key

    def span(self, start: dt.date, end: dt.date, precision: Precision) -> str:
        return format_span(start, end, precision, self.lang, translate=self.translate_dates)

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
                note = escape(self.tr("our translation")).replace(" ", "&nbsp;")
                out += (f' <span style="color:{self.dim};font-size:small;font-weight:normal">'
                        f'({note})</span>')
            return out
        # The shown text is in the other language: say which, in the UI language. The English
        # source names Chinese by its endonym, so even a reader of neither sees what follows.
        mark = self.tr("[only in 中文]") if self.lang == "en" else self.tr("[only in English]")
        return (f'{escape(b.get(self.lang))} <span style="color:{self.dim}">'
                f'{escape(mark)}</span>')

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
        body = {"council": self.tr("Council Resolution"),
                "plenipotentiary": self.tr("Plenipotentiary Resolution"),
                "unga": self.tr("UNGA resolution")}.get(r.body, r.body)
        return f"{body} {r.number}"

    def rec_link(self, mid: str) -> str:
        m = self.rel.recommendations.get(mid)
        label = m.ref if m else mid
        return self.link(RecordRef(RecordType.RECOMMENDATION, mid), label)

    def status(self, status: str) -> str:
        colour = STATUS_COLOURS.get(status, "#999999")
        return f'<b style="color:{colour}">{escape(self.term(status))}</b>'

    def heading(self, kind: str, title: Bilingual, subtitle: str = "") -> str:
        other = "zh" if self.lang == "en" else "en"
        second = title.get(other) if title.has(other) else ""
        parts = [f'<p style="color:{self.dim};margin:0">{escape(kind)}'
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
        return f"<h3>{escape(title)}</h3><ul>{body}</ul>"

    def field(self, name: str, value: str) -> str:
        if not value:
            return ""
        return f"<tr><td style='color:{self.dim};padding-right:8px'>{escape(name)}</td>" \
               f"<td>{value}</td></tr>"

    def fields(self, *rows: str) -> str:
        body = "".join(rows)
        return f"<table>{body}</table>" if body else ""

    def sources(self, sources: tuple[Source, ...]) -> str:
        items = []
        report = self.tr("Report %1")  # %1: a paragraph of the report, e.g. §2.2.5
        for s in sources:
            if s.type is SourceType.REPORT:
                items.append(escape(report.replace("%1", s.ref)))
            elif s.url:
                # The site after the link says where a click leads.
                host = urlsplit(s.url).hostname or ""
                items.append(f'<a href="{escape(s.url)}">{escape(s.title or s.url)}</a>'
                             f' <span style="color:{self.dim}">{escape(host)}</span>')
            else:
                items.append(escape(s.title or s.ref))
        return self.section(self.tr("Sources"), items)

    def referrers(self, ref: RecordRef, skip: set[RecordRef] | None = None) -> list[str]:
        out = []
        for r in self.rel.referrers(ref):
            if skip and r in skip:
                continue
            out.append(f"{escape(self.term(r.type.value))}: {self.label_link(r)}")
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
        via = self.tr("(via %1)")  # %1: the record linking two events, e.g. a document symbol
        items = [f"{self.event_link(e.source)} → {self.event_link(e.target)} "
                 f"<b>{escape(e.label(self.lang))}</b> "
                 f'<span style="color:{self.dim}">{escape(via.replace("%1", e.via))}</span>'
                 for e in chain.edges]
        return self.section(self.tr("Chain on the timeline"), items)

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
            missing = self.tr("No such record: %1").replace("%1", ref.id)
            return f"<p>{escape(missing)}</p>"
        return pages[ref.type]()

    def event(self, e: Event) -> str:
        ref = RecordRef(RecordType.EVENT, e.id)
        sessions = []
        # A coarse event's one "session" is its whole year or month: not a real sitting.
        real_sittings = e.precision is Precision.DAY or len(e.sessions) > 1
        for i, s in enumerate(e.sessions if real_sittings else (), start=1):
            when = self.span(s.start, s.end, e.precision)
            extra = [x for x in (
                f"{s.time}–{s.end_time}" if s.time and s.end_time else s.time,
                s.room, s.location or e.location) if x]
            label = f"{escape(self.term(s.label))}: " if s.label else (
                escape(self.tr("Session %1:").replace("%1", str(i))) + " "
                if len(e.sessions) > 1 else "")
            sessions.append(f"{label}<b>{escape(when)}</b>"
                            + "".join(f" · {escape(x)}" for x in extra))
        produced = [d for d in self.rel.ds.documents if d.event == e.id]
        considered = [(d, c.action) for d in self.rel.ds.documents for c in d.considered_at
                      if c.event == e.id]
        steps = [(r, st) for r in self.rel.ds.resolutions for st in r.history if st.event == e.id]
        recs_made = [m for m in self.rel.ds.recommendations if m.event == e.id]
        recs_linked = [m for m in self.rel.ds.recommendations
                       if e.id in m.links.events and m.event != e.id]
        number = self.tr("No. %1").replace("%1", str(e.number)) if e.number else ""
        subtitle = self.term(e.kind) + (f" · {number}" if number else "")
        if e.location:
            subtitle += f" · {e.location}"
        return "".join([
            self.heading(self.tr("Event"), e.title, subtitle),
            self.fields(
                self.field(self.tr("Dates"), escape(
                    format_sittings(e, self.lang) if len(e.sessions) > 1
                    else self.span(e.start, e.end, e.precision))),
                self.field(self.tr("Place"), escape(e.location or "")),
                self.field(self.tr("Chair"), ", ".join(
                    self.link(RecordRef(RecordType.PERSON, p.id),
                              (p.name_zh or p.name) if self.lang == "zh" else p.name)
                    + f' <span style="color:{self.dim}">'
                    + escape(self.tr("(inferred: Chair of %1, %2)").replace("%1", role.body)
                             .replace("%2", f"{role.start_year or ''}–{role.end_year or ''}"))
                    + "</span>" for p, role in chairs_of(e, self.rel.ds.people))),
                self.field(self.tr("Date note"), escape(e.date_note or "")),
            ),
            f"<p>{self.text(e.description)}</p>" if e.description else "",
            self.section(self.tr("Sessions"), sessions),
            self.section(self.tr("Documents produced"), [
                f"{self.doc_link(d.symbol)} — {self.text(d.title)}" for d in produced]),
            self.section(self.tr("Documents considered"), [
                f"{self.doc_link(d.symbol)} ({escape(self.term(action))}) — {self.text(d.title)}"
                for d, action in considered]),
            self.section(self.tr("Resolutions adopted or modified here"), [
                f"{self.res_link(r.id)}: {escape(self.term(st.action))}"
                + (f" ({self.doc_link(st.document)})" if st.document else "")
                for r, st in steps]),
            self.section(self.tr("Resolutions discussed"),
                         [self.res_link(x) for x in e.resolutions]),
            self.section(self.tr("Recommendations made here"), [
                f"{self.rec_link(m.id)} {self.status(m.status)} — {self.text(m.text)}"
                for m in recs_made]),
            self.section(self.tr("Recommendations concerning this event"), [
                f"{self.rec_link(m.id)} {self.status(m.status)}" for m in recs_linked]),
            self.section(self.tr("Other records that refer to it"), self.referrers(ref, skip={
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
            history.append(f"<b>{st.year}</b> {escape(self.term(st.action))}{where}{doc}{note}")
        behind = [m for m in self.rel.ds.recommendations if r.id in m.links.resolutions]
        docs = list(dict.fromkeys(
            [st.document for st in r.history if st.document]
            + [d for m in behind for d in m.links.documents]))
        history_html = ("<h3>" + escape(self.tr("History")) + "</h3><ol>"
                        + "".join(f"<li>{h}</li>" for h in history) + "</ol>")
        return "".join([
            self.heading(self.tr("Resolution"), r.title, self.resolution_name(r)),
            f"<p>{self.text(r.description)}</p>" if r.description else "",
            history_html,
            self.section(self.tr("Recommendations behind it"), [
                f"{self.rec_link(m.id)} {self.status(m.status)} — {self.text(m.text)}"
                for m in behind]),
            self.section(self.tr("Documents"), [
                f"{self.doc_link(d)} — {self.text(self.rel.documents[d].title)}"
                for d in docs if d in self.rel.documents]),
            self.section(self.tr("Later records that refer to it"), self.referrers(
                ref, skip={RecordRef(RecordType.RECOMMENDATION, m.id) for m in behind})),
            self.chain_section(ref),
            self.sources(r.sources),
        ])

    def recommendation(self, m: Recommendation) -> str:
        ref = RecordRef(RecordType.RECOMMENDATION, m.id)
        return "".join([
            self.heading(self.tr("Recommendation"), Bilingual(m.ref, m.ref), ""),
            f"<p>{self.text(m.text, True)}</p>",
            self.fields(
                self.field(self.tr("Status"), self.status(m.status)),
                self.field(self.tr("Made at"), self.event_link(m.event) if m.event else ""),
                self.field(self.tr("Note"), escape(m.note or "")),
            ),
            self.section(self.tr("Resolutions"), [self.res_link(x) for x in m.links.resolutions]),
            self.section(self.tr("Events"), [self.event_link(x) for x in m.links.events]),
            self.section(self.tr("Documents"), [self.doc_link(x) for x in m.links.documents]),
            self.chain_section(ref),
            self.sources(m.sources),
        ])

    def document(self, d: Document) -> str:
        ref = RecordRef(RecordType.DOCUMENT, d.symbol)
        steps = [(r, st) for r in self.rel.ds.resolutions for st in r.history
                 if st.document == d.symbol]
        recs = [m for m in self.rel.ds.recommendations if d.symbol in m.links.documents]
        return "".join([
            self.heading(self.tr("Document"), d.title, d.symbol),
            self.fields(
                self.field(self.tr("Symbol"), escape(d.symbol)),
                self.field(self.tr("Kind"), escape(self.term(d.kind))),
                self.field(self.tr("Submitted by"), escape(d.submitted_by or "")),
                self.field(self.tr("Produced at"), self.event_link(d.event) if d.event else ""),
            ),
            f"<p>{self.text(d.description)}</p>" if d.description else "",
            self.section(self.tr("Considered at"), [
                f"{self.event_link(c.event)} ({escape(self.term(c.action))})"
                for c in d.considered_at]),
            self.section(self.tr("What it led to"), [
                f"{self.res_link(r.id)}: {escape(self.term(st.action))} ({st.year})"
                for r, st in steps]
                + [f"{self.rec_link(m.id)} {self.status(m.status)}" for m in recs]),
            self.chain_section(ref),
            self.sources(d.sources),
        ])

    def person(self, p: Person) -> str:
        roles = [f"{escape(self.term(r.role))}, {escape(r.body)}"
                 + (f" ({r.start_year}–{r.end_year})" if r.start_year else "") for r in p.roles]
        meetings = []
        if any(r.body == "CWG-WSIS" for r in p.roles):
            meetings = [self.event_link(e.id) for e in self.rel.ds.events
                        if e.kind == "cwg-wsis-meeting"]
        title = Bilingual(p.name_zh or p.name, p.name)
        return "".join([
            self.heading(self.tr("Person"), title, p.country or ""),
            self.section(self.tr("Roles"), roles),
            self.section(self.tr("Meetings of the body they served"), meetings),
            self.section(self.tr("Mentioned with"), self._same_paragraph(p.sources, p.id)),
            self.sources(p.sources),
        ])

    def contributor(self, c: Contributor) -> str:
        return "".join([
            self.heading(self.tr("Contributor"), c.name, self.term(c.type)),
            self.fields(self.field(self.tr("Type"), escape(self.term(c.type))),
                        self.field(self.tr("Country"), escape(c.country or ""))),
            self.section(self.tr("Mentioned with"), self._same_paragraph(c.sources, c.id)),
            self.sources(c.sources),
        ])

    def topic(self, t: Topic) -> str:
        years = ""
        if t.start_year:
            years = str(t.start_year) if t.end_year in (None, t.start_year) \
                else f"{t.start_year}–{t.end_year}"
        return "".join([
            self.heading(self.term(t.category), t.title, t.ref),
            self.fields(self.field(self.tr("Years"), years)),
            self.section(self.tr("Events"), [self.event_link(x) for x in t.events]),
            self.sources(t.sources),
        ])

    def figure(self, f: Figure) -> str:
        qualifier = {"more-than": self.tr("more than"), "about": self.tr("about")}.get(
            f.qualifier, "")
        return "".join([
            self.heading(self.tr("Stated figure"), f.text, ""),
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
