"""The flowing part of the PDF report as HTML for QTextDocument: one function per section.

One language at a time: every cell shows the report's language where the data has it. A value
the data has only in the other language is shown as it is, followed by a dagger, and the note
under the table says what the dagger means ("† only in English"). In the English report an
asterisk instead marks English titles that are our translation of the report's Chinese — the
report's own words are Chinese, and a reader must be able to tell. Plain values the data keeps
in English only (places, rooms, who submitted a document) count as English-only.

Tables are real <table>s with a <thead>: QTextDocument repeats the header row on every page a
table runs over, and the PDF's text keeps one row per line in reading order.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QCoreApplication

from wsis_viewer.domain.dates import format_span
from wsis_viewer.domain.model import Bilingual, Claim, Dataset, Event, Source, claim_for
from wsis_viewer.domain.notes import Note
from wsis_viewer.domain.relations import Relations
from wsis_viewer.domain.report_selection import ReportContent
from wsis_viewer.lists.models import natural_key, status_label, status_summary, translate_lists
from wsis_viewer.panels.record_html import CONTEXT, TERMS

translate = QCoreApplication.translate  # lupdate extracts translate("Report", "…") calls

def mark_for(lang: str) -> str:
    """The note mark: a dagger in Chinese; in English an asterisk, since the bundled (Chinese)
    font has only a full-width dagger, which leaves a hole in Latin text."""
    return "†" if lang == "zh" else "*"

# Inferred links and statuses look as in the window's panels: italic, in vermilion, followed by
# the word "inferred", so the difference survives a black-and-white print.
INFERRED_COLOUR = "#D55E00"


def section_title(key: str) -> str:
    """The heading of a section key of `--sections`, in the installed language."""
    titles = {
        "events": translate("Report", "Events"),
        "documents": translate("Report", "Documents"),
        "recommendations": translate("Report", "Recommendations and the resolutions they led to"),
        "resolutions": translate("Report", "Resolution histories"),
        "sources": translate("Report", "Sources"),
    }
    return titles.get(key, key)


class ReportText:
    """Builds the sections of one report in one language."""

    def __init__(self, ds: Dataset, content: ReportContent, lang: str) -> None:
        self.ds = ds
        self.content = content
        self.lang = lang
        self.rel = Relations(ds)
        self._inferred_used = False  # an inferred link was printed in the current section
        self._marked = False  # a note mark was used in the table being built
        # Rows that start a new page, as (table number, data row) — set by the pagination
        # (a row never runs over a page foot; see pdf_report) — and, per table printed, its
        # (table number, first data row).
        self.row_breaks: set[tuple[int, int]] = set()
        self.printed_tables: list[tuple[int, int]] = []

    # --- values in one language ----------------------------------------------------------

    def text(self, b: Bilingual | None) -> str:
        """HTML of `b` in the report's language, with the note mark where the note says."""
        if b is None:
            return ""
        value = escape(b.get(self.lang))
        if not b.has(self.lang) or (self.lang == "en" and b.en_is_translation):
            return value + self._mark()
        return value

    def english_only(self, value: str | None) -> str:
        """A plain value the data holds in English only (a place, a submitter). Codes and
        acronyms ("CWG-WSIS", "ITU") read the same in both languages and are not marked."""
        if not value:
            return ""
        words = re.search(r"[a-z]{2,}", value) is not None
        return escape(value) + (self._mark() if self.lang == "zh" and words else "")

    def _mark(self) -> str:
        # Inline, not <sup>: a raised mark would be a line of its own in the PDF's text.
        self._marked = True
        return mark_for(self.lang)

    def _table_note(self) -> str:
        """The line under a table explaining the note mark, when the table used it."""
        if not self._marked:
            return ""
        self._marked = False
        if self.lang == "zh":
            note = translate("Report", "%1 only in English: the data has no Chinese for it.")
        else:
            note = translate("Report", "%1 our English translation of the report's Chinese, "
                                       "or only in Chinese where no English is shown.")
        note = note.replace("%1", mark_for(self.lang))
        return f"<p style='font-size:7.5pt'>{escape(note)}</p>"

    def event_name(self, event_id: str | None) -> str:
        if not event_id:
            return ""
        e = self.rel.events.get(event_id)
        return self.text(e.title) if e else escape(event_id)

    def term(self, key: str) -> str:
        source = TERMS.get(key)
        return escape(translate(CONTEXT, source) if source else key)

    # --- sections ------------------------------------------------------------------------

    def html(self, sections: Sequence[str]) -> str:
        self.printed_tables = []
        build = {"events": self.events, "documents": self.documents,
                 "recommendations": self.recommendations, "resolutions": self.resolutions,
                 "sources": self.sources}
        return "".join(build[key]() for key in sections if key in build)

    def _heading(self, key: str) -> str:
        return f"<h1>{escape(section_title(key))}</h1>"

    def events(self) -> str:
        out = [self._heading("events")]
        events = self.content.events
        if not events:
            return out[0] + self._none()
        rows = []
        for e in events:
            rows.append([escape(format_span(e.start, e.end, e.precision, self.lang)),
                         self.text(e.title), self._sessions(e), self.english_only(e.location)])
        out.append(self._table([translate("Report", "Dates"), translate("Report", "Event"),
                           translate("Report", "Sessions"), translate("Report", "Place")],
                          rows, widths=(18, 47, 20, 15)))
        out.append(self._table_note())
        out.append(self._inferred_note())
        return "".join(out)

    def _sessions(self, e: Event) -> str:
        if not (len(e.sessions) > 1 or e.sessions[0].time):
            return ""
        lines = []
        for s in e.sessions:
            line = escape(format_span(s.start, s.end, e.precision, self.lang))
            if s.time:
                line += " " + escape(s.time + (f"–{s.end_time}" if s.end_time else ""))
            if s.room:
                line += ", " + self.english_only(s.room)
            lines.append(line)
        return "<br/>".join(lines)

    def documents(self) -> str:
        out = [self._heading("documents")]
        docs = sorted(self.content.documents, key=lambda d: natural_key(d.symbol))
        if not docs:
            return out[0] + self._none()
        rows = []
        sep = "：" if self.lang == "zh" else " — "  # "理事会2013年会议：已注意到"
        for d in docs:
            considered = "<br/>".join(
                self.claimed(f"{self.event_name(c.event)}{sep}{self.term(c.action)}", c.claim)
                for c in d.considered_at)
            produced = (self.claimed(self.event_name(d.event),
                                     claim_for(d.claims, "event", d.event)) if d.event else "")
            rows.append([escape(d.symbol), self.text(d.title), self.english_only(d.submitted_by),
                         produced, considered])
        out.append(self._table([translate("Report", "Symbol"), translate("Report", "Title"),
                           translate("Report", "Submitted by"),
                           translate("Report", "Produced at"),
                           translate("Report", "Considered at — action")],
                          rows, widths=(14, 34, 13, 16, 23)))
        out.append(self._table_note())
        out.append(self._inferred_note())
        return "".join(out)

    def claimed(self, html: str, claim: Claim | None) -> str:
        """`html` of a link or status; an inferred one in italics, marked "(inferred)"."""
        if claim is None or not claim.inferred:
            return html
        self._inferred_used = True
        word = escape(translate("Report", "inferred"))
        mark = f"（{word}）" if self.lang == "zh" else f" ({word})"
        return (f'<i><span style="color:{INFERRED_COLOUR}">{html}</span></i>'
                f'<span style="color:{INFERRED_COLOUR}">{mark}</span>')

    def _inferred_note(self) -> str:
        if not self._inferred_used:
            return ""
        self._inferred_used = False
        note = translate("Report", "(inferred): a link or status we concluded from the report "
                                   "(dates, symbols, the order of a list), not one it states; "
                                   "the conventions on the title page say more.")
        return f"<p style='font-size:7.5pt'>{escape(note)}</p>"

    def recommendations(self) -> str:
        out = [self._heading("recommendations")]
        recs = sorted(self.content.recommendations, key=lambda m: natural_key(m.ref))
        if not recs:
            return out[0] + self._none()
        out.append(f"<p>{escape(status_summary(recs, translate_lists))}</p>")
        rows = []
        for m in recs:
            res = ", ".join(
                self.claimed(escape(self.rel.resolutions[r].number),
                             claim_for(m.claims, "links.resolutions", r))
                for r in m.links.resolutions if r in self.rel.resolutions)
            # The whole recommendation: a printed report quotes it in full (rows never run
            # over a page foot, so a long one simply takes more of its page).
            cell = self.text(m.text)
            status = self.claimed(f"<b>{escape(status_label(m.status))}</b>",
                                  claim_for(m.claims, "status", m.status))
            made = (self.claimed(self.event_name(m.event), claim_for(m.claims, "event", m.event))
                    if m.event else "")
            rows.append([escape(m.ref), cell, status, res, made])
        out.append(self._table([translate("Report", "Ref"), translate("Report", "Recommendation"),
                           translate("Report", "Status"), translate("Report", "Resolutions"),
                           translate("Report", "Made at")],
                          rows, widths=(8, 52, 14, 10, 16)))
        out.append(self._table_note())
        out.append(self._inferred_note())
        return "".join(out)

    def resolutions(self) -> str:
        out = [self._heading("resolutions")]
        if not self.content.resolutions:
            return out[0] + self._none()
        for h in self.content.resolutions:
            r = h.resolution
            # WSIS+10 outcomes have no number, only a name ("WSIS+10 Statement"), which the
            # title gives in the report's language.
            name = (self.text(r.title) if r.body == "wsis+10"
                    else f"{escape(r.number)} — {self.text(r.title)}")
            out.append(f"<h2>{name}</h2><ol>")
            for st in h.steps:
                # A step's claim is about where it happened (its event and document).
                where = " · ".join(p for p in (self.event_name(st.event),
                                               escape(st.document or "")) if p)
                parts = [escape(str(st.year)), self.term(st.action),
                         self.claimed(where, st.claim) if where else ""]
                out.append("<li>" + " · ".join(p for p in parts if p) + "</li>")
            out.append("</ol>")
        out.append(self._table_note())
        out.append(self._inferred_note())
        return "".join(out)

    def sources(self) -> str:
        out = [self._heading("sources")]
        report = translate("Report", "ITU PP-14 Document 20 (Add.1): Report on the outcomes of "
                                     "the CWG-WSIS activities since PP-10 (Chinese text) — "
                                     "cited by paragraph, e.g. §2.2.5")
        out.append(f"<ul><li>{escape(report)}</li>")
        out += [self._source(s) for s in self.content.sources]
        out.append("</ul>")
        if self.lang == "zh" and self.content.sources:
            note = translate("Report", "Public pages are listed under their own titles, "
                                       "which are in English.")
            out.append(f"<p style='font-size:7.5pt'>{escape(note)}</p>")
        return "".join(out)

    def _table(self, headers: list[str], rows: list[list[str]],
               widths: tuple[int, ...]) -> str:
        """One table, cut into several (each on a new page, with its header) before the rows
        in `row_breaks`."""
        number = len({t for t, _row in self.printed_tables})
        cuts = sorted(r for t, r in self.row_breaks if t == number and 0 < r < len(rows))
        out = []
        for a, b in zip([0, *cuts], [*cuts, len(rows)], strict=True):
            self.printed_tables.append((number, a))
            out.append(_table_html(headers, rows[a:b], widths, new_page=a > 0))
        return "".join(out)

    def _record_name(self, record: str) -> str | None:
        """How the report names the record a note is about; None when it is not in the data."""
        rel = self.rel
        if record in rel.events:
            return rel.events[record].title.get(self.lang)
        if record in rel.resolutions:
            r = rel.resolutions[record]
            return f"{r.number} — {r.title.get(self.lang)}"
        if record in rel.documents:
            return record
        if record in rel.recommendations:
            return rel.recommendations[record].ref
        return None

    def notes(self, notes: Sequence[Note], start: dt.date, end: dt.date) -> str:
        """The analysts' notes on the records the report covers (events within its period,
        and every other record), as a chapter of their own: workspace content, not the
        dataset's (`report --notes`)."""
        rows = []
        for n in notes:
            name = self._record_name(n.record)
            event = self.rel.events.get(n.record)
            if name is None or (event is not None and (event.end < start or event.start > end)):
                continue
            when = n.created.strftime("%Y-%m-%d")
            rows.append([escape(name), escape(n.text), f"{escape(n.author)}<br/>{when}"])
        heading = translate("Report", "Analysts' notes")
        if not rows:
            empty = translate("Report", "No notes on the records of this report.")
            return f"<h1>{escape(heading)}</h1><p>{escape(empty)}</p>"
        return f"<h1>{escape(heading)}</h1>" + self._table(
            [translate("Report", "Record"), translate("Report", "Note"),
             translate("Report", "Author")], rows, widths=(30, 55, 15))

    @staticmethod
    def _source(s: Source) -> str:
        title = escape(s.title or s.ref)
        return f"<li>{title}" + (f" — {escape(s.url)}" if s.url else "") + "</li>"

    @staticmethod
    def _none() -> str:
        return "<p>" + escape(translate("Report", "Nothing in the chosen dates and lanes.")) \
            + "</p>"


def _table_html(headers: list[str], rows: list[list[str]], widths: tuple[int, ...],
                new_page: bool) -> str:
    """Cells are HTML already; the header row repeats on each page (<thead>)."""
    head = "".join(f'<th width="{w}%" align="left">{escape(h)}</th>'
                   for h, w in zip(headers, widths, strict=True))
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    brk = "page-break-before:always;" if new_page else ""
    return ('<table width="100%" cellspacing="0" cellpadding="3" border="1" '
            f'style="{brk}border-collapse:collapse;border-color:#bbb">'
            f"<thead><tr>{head}</tr></thead>{body}</table>")
