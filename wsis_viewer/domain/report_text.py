"""The report's own text, split into its numbered paragraphs.

The dataset holds short quotations, not the report. A user who has the report's text file (the
Chinese text of PP-14/20(Add.1), one paragraph per line as "2.2.5<TAB>…") can point the viewer at
it: the Source panel then shows a cited paragraph whole, with the quoted words highlighted, and
the tests hold every quotation to it. Qt-free; reading a file is guarded like any untrusted input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# A numbered paragraph starts a line: the number, a tab, the text ("2.2.5\t2013年5月…").
_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\t(.*)$")
_REF = re.compile(r"^§?(\d+(?:\.\d+)*)$")
# The report's text is about 17 kB; anything far larger is not the report.
MAX_BYTES = 2_000_000

# The official document's public page, offered when the user has no text file: the report says
# it "has been published at www.itu.int/wg-wsis" (§6.1), the Working Group's page.
OFFICIAL_DOCUMENT_URL = "https://www.itu.int/wg-wsis"
OFFICIAL_DOCUMENT_TITLE = "ITU PP-14 Document 20 (Add.1): Report on the outcomes of the CWG-WSIS " \
                          "activities since PP-10"


class ReportTextError(Exception):
    """The file is not a readable copy of the report's text; the message says why."""


def normalise(text: str) -> str:
    """Whitespace runs collapsed to one space, ends stripped: how quotations are compared."""
    return " ".join(text.split())


def paragraph_number(ref: str) -> str | None:
    """'§2.2.5' or '2.2.5' → '2.2.5'; anything else → None."""
    m = _REF.match(ref.strip())
    return m.group(1) if m else None


@dataclass(frozen=True, slots=True)
class ReportText:
    """The numbered paragraphs of the report, in order, by number ("2.2.5")."""

    paragraphs: dict[str, str]

    def paragraph(self, ref: str) -> str | None:
        number = paragraph_number(ref)
        return self.paragraphs.get(number) if number else None

    def lead_in(self, ref: str) -> str | None:
        """The parent paragraph when it introduces a list ending in '：' (§4.5 for §4.5.3).

        Each item of such a list completes its parent's sentence ("the 25th meeting made the
        following recommendations to the Council: …"), so what the parent says is part of what
        the item says.
        """
        number = paragraph_number(ref)
        if not number or "." not in number:
            return None
        parent = self.paragraphs.get(number.rsplit(".", 1)[0])
        return parent if parent is not None and parent.rstrip().endswith("：") else None

    def contains(self, ref: str, quote: str) -> bool:
        """Whether `quote` occurs verbatim (whitespace aside) in paragraph `ref`."""
        text = self.paragraph(ref)
        return text is not None and normalise(quote) in normalise(text)


def parse_report_text(text: str) -> ReportText:
    """Split the report's text into numbered paragraphs.

    A paragraph runs from its numbered line to the next numbered line (§3.1.2 goes on with two
    web addresses); the footnote rule ("____") ends the last one.
    """
    paragraphs: dict[str, str] = {}
    current: str | None = None
    for line in text.splitlines():
        if line.startswith("___"):
            current = None
            continue
        m = _NUMBERED.match(line)
        if m:
            current = m.group(1)
            paragraphs[current] = m.group(2)
        elif current is not None and line.strip():
            paragraphs[current] += "\n" + line.strip()
    return ReportText(paragraphs)


def load_report_text(path: Path) -> ReportText:
    """Read the report's text file, or raise ReportTextError with one line naming the file."""
    try:
        if not path.exists():
            raise ReportTextError(f"{path}: no such file")
        if not path.is_file():  # a folder, a FIFO (whose first read would block for ever) …
            raise ReportTextError(f"{path}: not a regular file")
        if path.stat().st_size > MAX_BYTES:
            raise ReportTextError(f"{path}: too large to be the report's text "
                                  f"({path.stat().st_size} bytes)")
        raw = path.read_bytes()
    except OSError as exc:
        raise ReportTextError(f"{path}: cannot be read ({exc.strerror})") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReportTextError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    report = parse_report_text(text)
    if not report.paragraphs:
        raise ReportTextError(f"{path}: no numbered paragraphs (expected lines such as "
                              "'2.2.5<TAB>…'); is this the report's text?")
    return report
