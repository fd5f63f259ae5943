"""Reading the report's text file: its paragraphs, and one clear line for a bad file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wsis_viewer.domain.report_text import (
    ReportTextError,
    load_report_text,
    normalise,
    paragraph_number,
    parse_report_text,
)

SAMPLE = (
    " 请参见附件4。\n\n附件4\n1\t引言\n1.1\tCWG-WSIS成立于2002年。\n"
    "3.1.2\t各部门都指定了联系人：\nhttp://www.itu.int/a.html\nhttp://www.itu.int/b.html\n"
    "4.5\t向理事会提出了以下建议：\n4.5.1\t表示满意。\n\n______________\n www.itu.int/x\n")


def test_paragraphs_and_their_continuation_lines() -> None:
    report = parse_report_text(SAMPLE)
    assert list(report.paragraphs) == ["1", "1.1", "3.1.2", "4.5", "4.5.1"]
    assert report.paragraph("§3.1.2") == (
        "各部门都指定了联系人：\nhttp://www.itu.int/a.html\nhttp://www.itu.int/b.html")
    assert report.paragraph("4.5.1") == "表示满意。"  # the footnote after the rule is not in it
    assert report.paragraph("§9.9") is None and report.paragraph("nonsense") is None
    assert report.lead_in("§4.5.1") == "向理事会提出了以下建议："
    assert report.lead_in("§1.1") is None  # §1 does not introduce a list
    assert report.contains("§1.1", "CWG-WSIS成立于 2002年") is False
    assert report.contains("§1.1", "CWG-WSIS成立于2002年")
    assert normalise("  a \n b\t c ") == "a b c"
    assert paragraph_number("§2.2.5") == "2.2.5" and paragraph_number("§2.") is None


def test_the_real_report_has_every_paragraph_once() -> None:
    seed = Path(__file__).resolve().parent.parent.parent / "shared" / "seed" / \
        "000_82b41a7465f77ec1.txt"
    if not seed.is_file():
        seed = Path("/work/shared/seed/000_82b41a7465f77ec1.txt")
    if not seed.is_file():
        pytest.skip("the report's text is not beside the repository (../shared/seed/)")
    report = load_report_text(seed)
    assert len(report.paragraphs) == 83
    assert report.paragraph("§6.4", ) is not None and "www" not in (report.paragraph("§6.4") or "")


@pytest.mark.parametrize(("make", "expected"), [
    (lambda p: None, "no such file"),
    (lambda p: p.mkdir(), "not a regular file"),
    (lambda p: p.write_bytes(b"\xff\xfe\x00garbage\x80"), "not UTF-8 text"),
    (lambda p: p.write_text("no numbers here\n", encoding="utf-8"), "no numbered paragraphs"),
    (lambda p: p.write_bytes(b"1\tx\n" * 600_000), "too large"),
])
def test_bad_files_give_one_line_naming_the_file(tmp_path: Path, make, expected: str) -> None:
    path = tmp_path / "report.txt"
    make(path)
    with pytest.raises(ReportTextError) as info:
        load_report_text(path)
    message = str(info.value)
    assert message.startswith(str(path)) and expected in message and "\n" not in message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ReportTextError, match="not a regular file"):
        load_report_text(fifo)


def test_a_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff1\t引言\n".encode())
    assert load_report_text(path).paragraph("§1") == "引言"
