"""Pages of the flowing text: headings kept with what follows them, and where each landed.

QTextDocument paginates on its own once it has a page size (and repeats a table's <thead> on
each page), but it has no "keep with next": a heading can end a page while its table starts
the next. `keep_headings_with_next` finds such headings after layout and gives each a page
break before it, then lets the document lay out again, until none is left stranded.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat, QTextTable

# A heading needs this many lines of what follows on its own page (a table's header row and
# its first row, or two lines of a list).
FOLLOWING_LINES = 3
MAX_PASSES = 40


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str
    page: int  # 0-based page of the flowing text


def _first_line_top(doc: QTextDocument, block: QTextBlock) -> float:
    """The first line's position, not the block's: a block's top margin may end a page
    while its text starts the next one."""
    line = block.layout().lineAt(0)
    rect = doc.documentLayout().blockBoundingRect(block)
    return rect.top() + (line.y() if line.isValid() else 0.0)


def _line_height(block: QTextBlock) -> float:
    line = block.layout().lineAt(0)
    return line.height() if line.isValid() else 12.0


def _page(y: float, page_height: float) -> int:
    return int(y // page_height)


def headings(doc: QTextDocument, page_height: float) -> list[Heading]:
    """Every h1..h6 of `doc` with the page its first line is on."""
    out = []
    block = doc.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level:
            out.append(Heading(level, block.text(), _page(_first_line_top(doc, block),
                                                          page_height)))
        block = block.next()
    return out


def _stranded(doc: QTextDocument, page_height: float, skip: set[int]) -> QTextBlock | None:
    """The first heading (of a run of headings) whose following content starts too late."""
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            first = block
            nxt = block.next()
            while nxt.isValid() and nxt.blockFormat().headingLevel():
                nxt = nxt.next()
            page = _page(_first_line_top(doc, first), page_height)
            if nxt.isValid():
                need = _first_line_top(doc, nxt) + _line_height(nxt) * FOLLOWING_LINES
                # Beyond the document's end there is nothing to keep it with.
                need = min(need, doc.documentLayout().documentSize().height() - 1)
                if _page(need, page_height) > page and first.blockNumber() not in skip:
                    return first
            block = nxt
            continue
        block = block.next()
    return None


def keep_headings_with_next(doc: QTextDocument, page_height: float) -> int:
    """Move stranded headings to the next page; returns how many were moved."""
    moved = 0
    skip: set[int] = set()
    for _ in range(MAX_PASSES):
        block = _stranded(doc, page_height, skip)
        if block is None:
            break
        fmt = block.blockFormat()
        skip.add(block.blockNumber())
        if fmt.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
            continue  # already breaks before and what follows still does not fit: leave it
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        QTextCursor(block).setBlockFormat(fmt)
        moved += 1
    return moved




def tables_in_order(doc: QTextDocument) -> list[QTextTable]:
    out: list[QTextTable] = []
    seen: set[int] = set()
    block = doc.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None and table.firstPosition() not in seen:
            seen.add(table.firstPosition())
            out.append(table)
        block = block.next()
    return out


def first_split_row(doc: QTextDocument, page_height: float) -> tuple[int, int] | None:
    """(table index, row) of the first data row that runs over a page foot; None if none.

    Qt's layout breaks a row between its lines and ignores page breaks inside cells, so the
    caller cuts the table before that row instead. The first data row of a table is not
    reported (cutting there would only move the same problem)."""
    layout = doc.documentLayout()
    for t, table in enumerate(tables_in_order(doc)):
        header = table.format().headerRowCount()
        for row in range(header + 1, table.rows()):
            top, bottom = float("inf"), float("-inf")
            for col in range(table.columns()):
                cell = table.cellAt(row, col)
                first = cell.firstCursorPosition().block()
                last = cell.lastCursorPosition().block()
                top = min(top, _first_line_top(doc, first))
                rect = layout.blockBoundingRect(last)
                bottom = max(bottom, rect.top() + rect.height())
            if _page(top, page_height) != _page(bottom - 2, page_height):
                return t, row - header
    return None
