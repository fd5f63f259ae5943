"""What Qt's PDF writer does not set: subject, keywords, language, bookmarks.

QPdfWriter (Qt 6.11) writes the title, author and creator into the document information, embeds
font subsets with ToUnicode maps (so text copies cleanly) and can claim PDF/A-1b, but it
writes no /Subject, no catalogue /Lang and no outline, and it cannot tag a PDF (no structure
tree, no /MarkInfo): screen readers get the text in content order only. pypdf adds the rest
afterwards without touching the pages' content streams.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import BooleanObject, DictionaryObject, NameObject, TextStringObject


@dataclass(frozen=True, slots=True)
class PdfInfo:
    title: str
    author: str
    subject: str
    keywords: str
    lang: str  # BCP 47: "en", "zh-CN"
    # (title, 0-based page, level 1 or 2): the report's contents as PDF bookmarks
    outline: list[tuple[str, int, int]] = field(default_factory=list)


def finish_pdf(path: Path, info: PdfInfo) -> None:
    """Rewrite `path` with the document information, language and bookmarks of `info`."""
    writer = PdfWriter(clone_from=PdfReader(path))
    writer.add_metadata({"/Title": info.title, "/Author": info.author,
                         "/Subject": info.subject, "/Keywords": info.keywords})
    root = writer.root_object
    root[NameObject("/Lang")] = TextStringObject(info.lang)
    prefs = DictionaryObject()
    prefs[NameObject("/DisplayDocTitle")] = BooleanObject(True)  # the title, not the file name
    root[NameObject("/ViewerPreferences")] = prefs
    parent = None
    for title, page, level in info.outline:
        if level <= 1:
            parent = writer.add_outline_item(title=title, page_number=page)
        else:
            writer.add_outline_item(title=title, page_number=page, parent=parent)
    if info.outline:
        root[NameObject("/PageMode")] = NameObject("/UseOutlines")
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as fh:
        writer.write(fh)
    tmp.replace(path)
