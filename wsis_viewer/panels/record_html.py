"""Detail panels as rich text: one page per record kind, every reference a link.

Qt-free: this builds the HTML subset that QTextBrowser shows (and the PDF report reuses). Links
are `record:<type>/<id>` for records (the UI navigates), `source:<paragraph>` for every "§2.2.5"
(the UI opens the Source page of that paragraph, `RecordPage.source_page`) and http(s) for
external sources (the UI opens a browser).

Provenance: a link or status that is our inference (`Claim.basis == inferred`) is shown in
italics in a distinct colour, followed by a small "inferred" marker whose tooltip (`title`) gives
the reason; a stated one shows the report's words it rests on as its tooltip.

Every word goes through a translate callable, so the UI can hand in Qt's translator (context
"RecordPage") and this module stays testable without Qt.

For pyside6-lupdate: literal words are written `self.tr("…")` inside RecordPage (lupdate
files them under the class name, "RecordPage"), and the words for data keys (event kinds,
actions, statuses …) are `QT_TRANSLATE_NOOP("RecordPage", "…")` in TERMS below.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from wsis_viewer.domain.bounds import MAX_LISTED, MAX_TEXT_CHARS, elide, first
from wsis_viewer.domain.dates import format_span
from wsis_viewer.domain.html_text import esc
from wsis_viewer.domain.model import (
    Bilingual,
    Claim,
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
    claim_for,
)
from wsis_viewer.domain.provenance import iter_claims, iter_quoted_texts
from wsis_viewer.domain.relations import ChainEdge, RecordRef, Relations, meetings_served_kind
from wsis_viewer.domain.report_text import (
    OFFICIAL_DOCUMENT_TITLE,
    OFFICIAL_DOCUMENT_URL,
    ReportText,
    normalise,
    paragraph_number,
)
from wsis_viewer.domain.sittings import chairs_of, format_sittings
from wsis_viewer.domain.sorting import natural_key
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
    "submitted": QT_TRANSLATE_NOOP("RecordPage", "submitted"),
    # recommendation statuses (endorsed, approved, noted: as above), as words; the data key
    # stays in the JSON export.
    "led-to-resolution": QT_TRANSLATE_NOOP("RecordPage", "led to a resolution"),
    "forwarded": QT_TRANSLATE_NOOP("RecordPage", "forwarded"),
    "proposed": QT_TRANSLATE_NOOP("RecordPage", "proposed"),
    "not-stated": QT_TRANSLATE_NOOP("RecordPage", "status not stated"),
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
# Inferred links and statuses: a vermilion (Okabe-Ito) readable on light and dark backgrounds,
# in italics, so the difference does not rest on colour alone; plus the word "inferred".
INFERRED_COLOUR = "#D55E00"
# Text in the inferred colour must read at WCAG AA (4.5:1): Okabe–Ito vermillion is 3.9:1 on
# white and 4.45:1 on a dark background, so the window uses a darker shade on light palettes
# and a lighter one on dark ones (tests/test_contrast.py). Exports keep INFERRED_COLOUR.
INFERRED_ON_LIGHT = "#B84F00"
INFERRED_ON_DARK = "#E8742A"
# The quoted words in a paragraph of the Source page (dark text on it in either theme).
QUOTE_HIGHLIGHT = "#FFE08A"
SOURCE_SCHEME = "source"
# The Source page's link "choose the report's text file…": handled by the UI, never opened.
CHOOSE_REPORT_TEXT_URL = "app:choose-report-text"
_PARAGRAPH_REF = re.compile(r"§(\d+(?:\.\d+)*)")
_WEB_ADDRESS = re.compile(r"https?://[A-Za-z0-9./_%~:?=&;#-]+")


def source_url(ref: str) -> str:
    """The link of a report paragraph: 'source:2.2.5' for '§2.2.5'."""
    return f"{SOURCE_SCHEME}:{paragraph_number(ref) or ref}"


def source_from_url(url: str) -> str | None:
    """'source:2.2.5' → '§2.2.5'; None for any other link."""
    if not url.startswith(SOURCE_SCHEME + ":"):
        return None
    number = paragraph_number(url[len(SOURCE_SCHEME) + 1:])
    return f"§{number}" if number else None


def _identity(text: str) -> str:
    return text


class RecordPage:
    """Renders any record of one dataset in one language."""

    def __init__(self, rel: Relations, lang: str = "en", translate: Translate = _identity,
                 dim: str = "#808080", translate_dates: Translate | None = None,
                 inferred: str = INFERRED_COLOUR) -> None:
        self.rel = rel
        self.lang = lang
        self.t = translate
        # Context "Dates" (precision notes of format_span); None: its built-in notes.
        self.translate_dates = translate_dates
        # Secondary text colour: the UI passes one blended from its palette (light or dark).
        self.dim = dim
        self.inferred = inferred  # the colour of inferred claims and connectors

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
            out = self.linkify(elide(b.get(self.lang), MAX_TEXT_CHARS))
            if mark_translation and self.lang == "en" and b.en_is_translation:
                note = esc(self.tr("our translation")).replace(" ", "&nbsp;")
                out += (f' <span style="color:{self.dim};font-size:small;font-weight:normal">'
                        f'({note})</span>')
            return out
        # The shown text is in the other language: say which, in the UI language. The English
        # source names Chinese by its endonym, so even a reader of neither sees what follows.
        mark = self.tr("[only in 中文]") if self.lang == "en" else self.tr("[only in English]")
        return (f'{esc(elide(b.get(self.lang), MAX_TEXT_CHARS))} <span style="color:{self.dim}">'
                f'{esc(mark)}</span>')

    def english(self, text: str | None) -> str:
        """A value the data has only in English (a place, a room, a note, a web page's title):
        escaped, and in Chinese marked as English-only, as titles are."""
        return esc(text) + self._english_mark(text) if text else ""

    def _english_mark(self, text: str) -> str:
        if self.lang != "zh" or not any(c.isascii() and c.isalpha() for c in text):
            return ""
        mark = self.tr("[only in English]")
        return f' <span style="color:{self.dim}">{esc(mark)}</span>'

    def linkify(self, text: str) -> str:
        """`text` escaped, with every "§x.y" in it a link to that paragraph's Source page."""
        out, last = [], 0
        for m in _PARAGRAPH_REF.finditer(text):
            out.append(esc(text[last:m.start()]))
            out.append(self.para_link(m.group(0)))
            last = m.end()
        out.append(esc(text[last:]))
        return "".join(out)

    def para_link(self, ref: str, label: str | None = None) -> str:
        """A link to the Source page of report paragraph `ref` ("§2.2.5")."""
        return f'<a href="{esc(source_url(ref))}">{esc(label or ref)}</a>'

    def wording(self, b: Bilingual) -> str:
        """A small note: the text is the report's own words (with its paragraph), or ours."""
        if b.quoted_from:
            words = esc(self.tr("the report's words, %1")).replace(
                "%1", self.para_link(b.quoted_from))
        else:
            words = esc(self.tr("our wording, not the report's"))
        return f'<span style="color:{self.dim};font-size:small">({words})</span>'

    # --- claims ---------------------------------------------------------------------------------

    def claim_tip(self, claim: Claim) -> str:
        """The hover text of a claim: why (inferred) or the report's words (stated)."""
        if claim.inferred:
            reason = claim.note.get(self.lang) if claim.note else ""
            head = self.tr("Inferred, not stated by the report (%1)").replace("%1", claim.source)
            return f"{head}: {reason}" if reason else head
        if claim.quote:
            return self.tr("The report, %1: “%2”").replace("%1", claim.source).replace(
                "%2", claim.quote)
        return self.tr("Stated by %1").replace("%1", claim.source)

    def claimed(self, html: str, claim: Claim | None) -> str:
        """`html` (a link, a status) marked with its claim.

        Inferred: italic, in the inferred colour, followed by a small "inferred" marker and a
        link to the paragraph the inference rests on; the reason is the hover text of both.
        Stated: unchanged, with the report's words as its hover text.
        """
        if claim is None:
            return html
        tip = esc(self.claim_tip(claim))
        if not claim.inferred:
            return f'<span title="{tip}">{html}</span>'
        marker = esc(self.tr("inferred"))
        where = f" {self.para_link(claim.source)}" if claim.source.startswith("§") else ""
        # Rich text draws links in the palette's link colour unless the anchor says otherwise.
        html = html.replace("<a href=", f'<a style="color:{self.inferred}" href=')
        return (f'<span title="{tip}" style="font-style:italic;color:{self.inferred}">'
                f'{html}</span> <span title="{tip}" style="color:{self.inferred};'
                f'font-size:small">[{marker}{where}]</span>')

    def _recommendations(self) -> list[Recommendation]:
        """In natural order of their paragraphs (§4.5.2 before §4.5.10), as the lists sort."""
        return sorted(self.rel.ds.recommendations, key=lambda m: natural_key(m.ref))

    def link(self, ref: RecordRef, label: str) -> str:
        if not self.rel.exists(ref):
            return esc(label)
        return f'<a href="{esc(ref.to_url())}">{esc(label)}</a>'

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

    def status(self, status: str, m: Recommendation | None = None) -> str:
        """A status in its colour; with `m`, marked with the claim behind it."""
        colour = STATUS_COLOURS.get(status, "#999999")
        html = f'<b style="color:{colour}">{esc(self.term(status))}</b>'
        return self.claimed(html, claim_for(m.claims, "status", status)) if m else html

    def rec_status(self, m: Recommendation) -> str:
        return self.status(m.status, m)

    def heading(self, kind: str, title: Bilingual, subtitle: str = "") -> str:
        other = "zh" if self.lang == "en" else "en"
        second = title.get(other) if title.has(other) else ""
        parts = [f'<p style="color:{self.dim};margin:0">{esc(kind)}'
                 f'{" · " + self.linkify(subtitle) if subtitle else ""}</p>',
                 f'<h2 style="margin-top:2px">{self.text(title, True)}</h2>']
        if second and second != title.get(self.lang):
            parts.append(f'<p style="margin-top:0">{self.linkify(second)}</p>')
        return "".join(parts)

    def section(self, title: str, items: Iterable[str]) -> str:
        items = [i for i in items if i]
        if not items:
            return ""
        listed = list(items)
        shown = listed
        if len(listed) > MAX_LISTED + 1:  # the rest replaced by the count of those left out
            shown = [*listed[:MAX_LISTED], self.more(len(listed) - MAX_LISTED)]
        body = "".join(f"<li>{i}</li>" for i in shown)
        return f"<h3>{esc(title)}</h3><ul>{body}</ul>"

    def more(self, count: int) -> str:
        """'… and 12 more' (escaped), closing a cut list."""
        return esc(self.tr("… and %1 more").replace("%1", str(count)))

    def field(self, name: str, value: str) -> str:
        if not value:
            return ""
        return f"<tr><td style='color:{self.dim};padding-right:8px'>{esc(name)}</td>" \
               f"<td>{value}</td></tr>"

    def fields(self, *rows: str) -> str:
        body = "".join(rows)
        return f"<table>{body}</table>" if body else ""

    def description(self, b: Bilingual | None) -> str:
        """A record's description, marked as the report's words or ours."""
        if b is None:
            return ""
        return f"<p>{self.text(b)} {self.wording(b)}</p>"

    def sources(self, sources: tuple[Source, ...]) -> str:
        items = []
        report = self.tr("Report %1")  # %1: a paragraph of the report, e.g. §2.2.5
        for s in sources:
            if s.type is SourceType.REPORT:
                items.append(esc(report).replace("%1", self.para_link(s.ref)))
            elif s.url:
                # The site after the link says where a click leads.
                host = urlsplit(s.url).hostname or ""
                items.append(f'<a href="{esc(s.url)}">{esc(s.title or s.url)}</a>'
                             f' <span style="color:{self.dim}">{esc(host)}</span>'
                             + self._english_mark(s.title or s.url))
            else:
                items.append(self.english(s.title or s.ref))
        return self.section(self.tr("Sources"), items)

    def referrers(self, ref: RecordRef, skip: set[RecordRef] | None = None) -> list[str]:
        """Links to the records that refer to `ref`, by kind, then in natural order of their
        names (§4.5.2 before §4.5.10, as the lists sort them)."""
        out = []
        ordered = sorted(self.rel.referrers(ref),
                         key=lambda r: (r.type.value, natural_key(self.plain_label(r))))
        for r in ordered:
            if skip and r in skip:
                continue
            out.append(f"{esc(self.term(r.type.value))}: {self.label_link(r)}")
        return out

    def label_link(self, ref: RecordRef) -> str:
        return self.link(ref, self.plain_label(ref))

    def plain_label(self, ref: RecordRef) -> str:
        """The record as people name it (plain text): a title, "Council Resolution 1334",
        "§4.5.10", a document's symbol."""
        label = ref.id
        if ref.type is RecordType.EVENT and (e := self.rel.events.get(ref.id)):
            label = e.title.get(self.lang)
        elif ref.type is RecordType.RESOLUTION and (r := self.rel.resolutions.get(ref.id)):
            label = self.resolution_name(r)
        elif ref.type is RecordType.RECOMMENDATION and (m := self.rel.recommendations.get(ref.id)):
            label = f"§{m.ref}"
        elif ref.type is RecordType.TOPIC and (t := self.rel.topics.get(ref.id)):
            label = f"{t.ref} {t.title.get(self.lang)}"
        elif ref.type is RecordType.FIGURE and (f := self.rel.figures.get(ref.id)):
            label = f.text.get(self.lang)
        elif ref.type is RecordType.PERSON and (p := self.rel.people.get(ref.id)):
            label = p.name_zh if self.lang == "zh" and p.name_zh else p.name
        elif ref.type is RecordType.CONTRIBUTOR and (c := self.rel.contributors.get(ref.id)):
            label = c.name.get(self.lang)
        return label

    def chain_section(self, ref: RecordRef) -> str:
        chain = self.rel.chain_for(ref)
        via = self.tr("(via %1)")  # %1: the record linking two events, e.g. a document symbol
        items = [self.chain_edge(e, via) for e in chain.edges]
        return self.section(self.tr("Chain on the timeline"), items)

    def chain_edge(self, e: ChainEdge, via: str) -> str:
        html = (f"{self.event_link(e.source)} → {self.event_link(e.target)} "
                f"<b>{esc(e.label(self.lang))}</b> "
                f'<span style="color:{self.dim}">'
                f'{esc(via).replace("%1", self.linkify(e.via))}</span>')
        if not e.inferred:
            return html
        reason = e.note.get(self.lang) if e.note else ""
        tip = esc(self.tr("Inferred connector: it rests on a link the report does not "
                             "state") + (f": {reason}" if reason else ""))
        marker = self.tr("inferred")
        return (f'<span title="{tip}" style="font-style:italic">{html}</span> '
                f'<span title="{tip}" style="color:{self.inferred};font-size:small">'
                f'[{esc(marker)}]</span>')

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
            missing = self.tr("No such record: %1").replace("%1", elide(ref.id))
            return f"<p>{esc(missing)}</p>"
        return pages[ref.type]()

    def event(self, e: Event) -> str:
        ref = RecordRef(RecordType.EVENT, e.id)
        sessions = []
        # A coarse event's one "session" is its whole year or month: not a real sitting.
        real_sittings = e.precision is Precision.DAY or len(e.sessions) > 1
        shown, more_sittings = first(e.sessions if real_sittings else ())
        for i, s in enumerate(shown, start=1):
            when = self.span(s.start, s.end, e.precision)
            extra = [x for x in (
                f"{s.time}–{s.end_time}" if s.time and s.end_time else s.time,
                s.room, s.location or e.location) if x]
            label = f"{esc(self.term(s.label))}: " if s.label else (
                esc(self.tr("Session %1:").replace("%1", str(i))) + " "
                if len(e.sessions) > 1 else "")
            sessions.append(f"{label}<b>{esc(when)}</b>"
                            + "".join(f" · {self.english(elide(x))}" for x in extra))
        if more_sittings:
            sessions.append(self.more(more_sittings))
        produced = [d for d in self.rel.ds.documents if d.event == e.id]
        considered = [(d, c) for d in self.rel.ds.documents for c in d.considered_at
                      if c.event == e.id]
        steps = [(r, st) for r in self.rel.ds.resolutions for st in r.history if st.event == e.id]
        recs_made = [m for m in self._recommendations() if m.event == e.id]
        recs_linked = [m for m in self._recommendations()
                       if e.id in m.links.events and m.event != e.id]
        number = self.tr("No. %1").replace("%1", str(e.number)) if e.number else ""
        subtitle = self.term(e.kind) + (f" · {number}" if number else "")
        if e.location and self.lang != "zh":  # in Chinese the Place row shows it, marked
            subtitle += f" · {e.location}"
        return "".join([
            self.heading(self.tr("Event"), e.title, subtitle),
            self.fields(
                self.field(self.tr("Dates"), esc(
                    format_sittings(e, self.lang) if len(e.sessions) > 1
                    else self.span(e.start, e.end, e.precision))),
                self.field(self.tr("Place"), self.english(e.location)),
                self.field(self.tr("Chair"), ", ".join(
                    self.link(RecordRef(RecordType.PERSON, p.id),
                              (p.name_zh or p.name) if self.lang == "zh" else p.name)
                    + f' <span style="color:{self.dim}">'
                    + esc(self.tr("(inferred: Chair of %1, %2)").replace("%1", role.body)
                             .replace("%2", f"{role.start_year or ''}–{role.end_year or ''}"))
                    + "</span>" for p, role in chairs_of(e, self.rel.ds.people))),
                self.field(self.tr("Date note"), self.linkify(e.date_note or "")
                           + self._english_mark(e.date_note or "")),
            ),
            self.description(e.description),
            self.section(self.tr("Sessions"), sessions),
            self.section(self.tr("Documents produced"), [
                self.claimed(self.doc_link(d.symbol), claim_for(d.claims, "event", e.id))
                + f" — {self.text(d.title)}" for d in produced]),
            self.section(self.tr("Documents considered"), [
                self.claimed(f"{self.doc_link(d.symbol)} ({esc(self.term(c.action))})",
                             c.claim) + f" — {self.text(d.title)}"
                for d, c in considered]),
            self.section(self.tr("Resolutions adopted or modified here"), [
                self.claimed(f"{self.res_link(r.id)}: {esc(self.term(st.action))}"
                             + (f" ({self.doc_link(st.document)})" if st.document else ""),
                             st.claim)
                for r, st in steps]),
            self.section(self.tr("Resolutions discussed"), [
                self.claimed(self.res_link(x), claim_for(e.claims, "resolutions", x))
                for x in e.resolutions]),
            self.section(self.tr("Recommendations made here"), [
                self.claimed(self.rec_link(m.id), claim_for(m.claims, "event", e.id))
                + f" {self.rec_status(m)} — {self.text(m.text)}"
                for m in recs_made]),
            self.section(self.tr("Recommendations concerning this event"), [
                self.claimed(self.rec_link(m.id), claim_for(m.claims, "links.events", e.id))
                + f" {self.rec_status(m)}" for m in recs_linked]),
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
            note = (f'<br/><span style="color:{self.dim}">{self.linkify(st.note)}'
                    f'{self._english_mark(st.note)}</span>'
                    if st.note else "")
            history.append(self.claimed(f"<b>{esc(st.year)}</b> {esc(self.term(st.action))}"
                                        f"{where}{doc}", st.claim) + note)
        behind = [m for m in self._recommendations() if r.id in m.links.resolutions]
        docs = list(dict.fromkeys(
            [st.document for st in r.history if st.document]
            + [d for m in behind for d in m.links.documents]))
        history_html = ("<h3>" + esc(self.tr("History")) + "</h3><ol>"
                        + "".join(f"<li>{h}</li>" for h in history) + "</ol>")
        return "".join([
            self.heading(self.tr("Resolution"), r.title, self.resolution_name(r)),
            f'<p style="margin-top:0">{self.wording(r.title)}</p>',
            self.description(r.description),
            history_html,
            self.section(self.tr("Recommendations behind it"), [
                self.claimed(self.rec_link(m.id), claim_for(m.claims, "links.resolutions", r.id))
                + f" {self.rec_status(m)} — {self.text(m.text)}"
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
            f"<p>{self.text(m.text, True)} {self.wording(m.text)}</p>",
            self.fields(
                self.field(self.tr("Paragraph"), self.para_link(m.ref)),
                self.field(self.tr("Status"), self.rec_status(m)),
                self.field(self.tr("Made at"), self.claimed(
                    self.event_link(m.event), claim_for(m.claims, "event", m.event))
                    if m.event else ""),
                self.field(self.tr("Note"), self.linkify(m.note or "")),
            ),
            self.section(self.tr("Resolutions"), [
                self.claimed(self.res_link(x), claim_for(m.claims, "links.resolutions", x))
                for x in m.links.resolutions]),
            self.section(self.tr("Events"), [
                self.claimed(self.event_link(x), claim_for(m.claims, "links.events", x))
                for x in m.links.events]),
            self.section(self.tr("Documents"), [
                self.claimed(self.doc_link(x), claim_for(m.claims, "links.documents", x))
                for x in m.links.documents]),
            self.chain_section(ref),
            self.sources(m.sources),
        ])

    def document(self, d: Document) -> str:
        ref = RecordRef(RecordType.DOCUMENT, d.symbol)
        steps = [(r, st) for r in self.rel.ds.resolutions for st in r.history
                 if st.document == d.symbol]
        recs = [m for m in self._recommendations() if d.symbol in m.links.documents]
        return "".join([
            self.heading(self.tr("Document"), d.title, d.symbol),
            f'<p style="margin-top:0">{self.wording(d.title)}</p>',
            self.fields(
                self.field(self.tr("Symbol"), esc(d.symbol)),
                self.field(self.tr("Kind"), esc(self.term(d.kind))),
                self.field(self.tr("Submitted by"), esc(d.submitted_by or "")),
                self.field(self.tr("Produced at"), self.claimed(
                    self.event_link(d.event), claim_for(d.claims, "event", d.event))
                    if d.event else ""),
            ),
            self.description(d.description),
            self.section(self.tr("Considered at"), [
                self.claimed(f"{self.event_link(c.event)} ({esc(self.term(c.action))})",
                             c.claim)
                for c in d.considered_at]),
            self.section(self.tr("What it led to"), [
                self.claimed(f"{self.res_link(r.id)}: {esc(self.term(st.action))} "
                             f"({esc(st.year)})", st.claim)
                for r, st in steps]
                + [self.claimed(self.rec_link(m.id), claim_for(m.claims, "links.documents",
                                                               d.symbol))
                   + f" {self.rec_status(m)}" for m in recs]),
            self.chain_section(ref),
            self.sources(d.sources),
        ])

    def person(self, p: Person) -> str:
        roles = [self.claimed(f"{esc(self.term(r.role))}, {esc(r.body)}"
                              + (f" ({esc(r.start_year)}–{esc(r.end_year)})"
                                 if r.start_year else ""), r.claim) for r in p.roles]
        served = meetings_served_kind(p)
        meetings = [self.event_link(e.id) for e in self.rel.ds.events if e.kind == served]
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
            self.fields(self.field(self.tr("Type"), esc(self.term(c.type))),
                        self.field(self.tr("Country"), esc(c.country or ""))),
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
            f'<p style="margin-top:0">{self.wording(t.title)}</p>',
            self.fields(self.field(self.tr("Paragraph"), self.para_link(t.ref)),
                        self.field(self.tr("Years"), esc(years))),
            self.section(self.tr("Events"), [
                self.claimed(self.event_link(x), claim_for(t.claims, "events", x))
                for x in t.events]),
            self.sources(t.sources),
        ])

    def figure(self, f: Figure) -> str:
        qualifier = {"more-than": self.tr("more than"), "about": self.tr("about")}.get(
            f.qualifier, "")
        return "".join([
            self.heading(self.tr("Stated figure"), f.text, ""),
            f'<p style="margin-top:0">{self.wording(f.text)}</p>',
            f"<p style='font-size:large'><b>{esc(qualifier)} {esc(f.value)}</b></p>",
            self.sources(f.sources),
        ])

    # --- the Source page ----------------------------------------------------------------------

    def source_page(self, ref: str, report: ReportText | None = None) -> str:
        """Paragraph `ref` ("§2.3.3") of the report: the quotations the dataset holds from it,
        every record citing it, and — with the report's text — the paragraph itself with the
        quoted words highlighted; without it, a link to the official document's public page.
        """
        number = paragraph_number(ref)
        if number is None:
            missing = self.tr("No such paragraph: %1").replace("%1", ref)
            return f"<p>{esc(missing)}</p>"
        ref = f"§{number}"
        ds = self.rel.ds
        claims = [u for u in iter_claims(ds) if u.claim.source == ref]
        texts = [q for q in iter_quoted_texts(ds) if q.text.quoted_from == ref]
        quotes = [u.claim.quote for u in claims if u.claim.quote] + [q.text.zh for q in texts]
        title = self.tr("Report, paragraph %1").replace("%1", ref)
        parts = [self.heading(self.tr("Source"), Bilingual(title, title), "PP-14/20(Add.1)")]
        paragraph = report.paragraph(ref) if report else None
        if report is not None and paragraph is None:
            absent = self.tr("The loaded text has no paragraph %1.").replace("%1", ref)
            parts.append(f"<p>{esc(absent)}</p>")
        if paragraph is not None and report is not None:
            lead_in = report.lead_in(ref)
            if lead_in:
                parent = f"§{number.rsplit('.', 1)[0]}"
                intro = self.tr("Introduced by %1:").replace("%1", parent)
                parts.append(f'<p style="color:{self.dim}">{esc(intro)} '
                             f"{esc(normalise(lead_in))}</p>")
            parts.append(f'<p style="font-size:large">{highlight(paragraph, quotes)}</p>')
        elif report is None:
            not_loaded = self.tr("The report’s text is not loaded, so the paragraph cannot be "
                                 "shown here.")
            read_it = self.tr("Read it in the official document")
            choose = self.tr("Choose the report’s text file…")
            host = urlsplit(OFFICIAL_DOCUMENT_URL).hostname or ""
            parts.append(
                f'<p style="color:{self.dim}">{esc(not_loaded)}</p>'
                f'<p><a href="{esc(OFFICIAL_DOCUMENT_URL)}">{esc(read_it)}</a> '
                f'<span style="color:{self.dim}">{esc(OFFICIAL_DOCUMENT_TITLE)} · '
                f"{esc(host)}</span></p>"
                f'<p><a href="{CHOOSE_REPORT_TEXT_URL}">{esc(choose)}</a></p>')
        # One item per quotation, with everything it supports.
        supports: dict[str, list[str]] = {}
        for u in claims:
            if u.claim.quote:
                supports.setdefault(normalise(u.claim.quote), []).append(
                    self._claim_use_label(u))
        words_of = self.tr("the words of %1")  # %1: a record, e.g. "Event 2013 WSIS Forum"
        for q in texts:
            record = RecordRef(q.record, q.record_id)
            supports.setdefault(normalise(q.text.zh), []).append(esc(words_of).replace(
                "%1", f"{esc(self.term(q.record.value))} {self.label_link(record)}"))
        quote_items = [f"“{esc(quote)}”<br/>" + "<br/>".join(f"— {x}" for x in labels)
                       for quote, labels in supports.items()]
        parts.append(self.section(self.tr("Quotations the dataset holds from it"), quote_items))
        inferred = [f"{self._claim_use_label(u)} — "
                    f"{esc(u.claim.note.get(self.lang) if u.claim.note else '')}"
                    for u in claims if u.claim.inferred]
        parts.append(self.section(self.tr("Inferences resting on it"), inferred))
        citing: dict[RecordRef, None] = {}
        for group in (ds.events, ds.documents, ds.resolutions, ds.recommendations, ds.people,
                      ds.contributors, ds.topics, ds.figures):
            for rec in group:
                if any(src.ref == ref for src in rec.sources):
                    citing[_ref_of(rec)] = None
        for u in claims:
            citing[RecordRef(u.record, u.record_id)] = None
        parts.append(self.section(self.tr("Records citing it"), [
            f"{esc(self.term(r.type.value))}: {self.label_link(r)}"
            for r in sorted(citing)]))
        return "".join(parts)

    def _claim_use_label(self, u: object) -> str:
        """'Recommendation §4.5.3 → WSIS+10 High-Level Event' for a ClaimUse."""
        from wsis_viewer.domain.provenance import ClaimUse

        assert isinstance(u, ClaimUse)
        me = self.label_link(RecordRef(u.record, u.record_id))
        target_types = {"event": RecordType.EVENT, "links.events": RecordType.EVENT,
                        "considered_at": RecordType.EVENT, "history": RecordType.EVENT,
                        "resolutions": RecordType.RESOLUTION,
                        "links.resolutions": RecordType.RESOLUTION,
                        "links.documents": RecordType.DOCUMENT, "events": RecordType.EVENT}
        kind = target_types.get(u.relation)
        if u.relation == "status":
            status = self.tr("status: %1")  # %1: a recommendation status, e.g. "proposed"
            target = esc(status).replace("%1", esc(self.term(u.target)))
        elif kind is not None and u.target:
            target = self.label_link(RecordRef(kind, u.target))
        else:
            target = esc(self.term(u.target))
        return f"{esc(self.term(u.record.value))} {me} → {target}"

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


def _ref_of(rec: object) -> RecordRef:
    kinds = {Event: RecordType.EVENT, Document: RecordType.DOCUMENT,
             Resolution: RecordType.RESOLUTION, Recommendation: RecordType.RECOMMENDATION,
             Person: RecordType.PERSON, Contributor: RecordType.CONTRIBUTOR,
             Topic: RecordType.TOPIC, Figure: RecordType.FIGURE}
    kind = kinds[type(rec)]
    return RecordRef(kind, rec.symbol if isinstance(rec, Document) else rec.id)  # type: ignore[attr-defined]


def highlight(paragraph: str, quotes: Iterable[str]) -> str:
    """`paragraph` (whitespace normalised) as HTML, every occurrence of each quote marked.

    Overlapping quotations merge into one highlighted stretch; a line break of the paragraph
    (§3.1.2 lists two addresses) stays a line break.
    """
    lines = [normalise(line) for line in paragraph.splitlines() if line.strip()]
    text = "\n".join(lines)
    marks = [False] * len(text)
    for q in {normalise(q) for q in quotes if q.strip()}:
        start = text.find(q)
        while start != -1:
            for i in range(start, start + len(q)):
                marks[i] = True
            start = text.find(q, start + 1)
    out: list[str] = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and marks[j] == marks[i]:
            j += 1
        # The report's own web addresses (§3.1.2) become links (http(s) only, as everywhere).
        chunk = _WEB_ADDRESS.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>',
                                 esc(text[i:j])).replace("\n", "<br/>")
        out.append(f'<span style="background-color:{QUOTE_HIGHLIGHT};color:#000000">{chunk}'
                   "</span>" if marks[i] else chunk)
        i = j
    return "".join(out)
