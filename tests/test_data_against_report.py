"""The dataset held to the report's own text, paragraph by paragraph.

Reads the Chinese text of the report (the seed file the dataset was built from):
  - every quotation of a claim and every text marked as the report's wording is found verbatim
    (whitespace aside) in the paragraph it cites;
  - every `stated` link's source paragraph mentions both ends of the link (by symbol, number or
    name), the paragraph that introduces a list counting for each item of it;
  - every paragraph cited exists, and the dataset's list of paragraphs is the report's.

The file is looked for at $WSIS_REPORT_TEXT, then `<repository>/../shared/seed/…` (CI keeps a copy
of shared/ beside the clone), then /work/shared/seed/…; the tests skip, saying so, only when it is
in none of these places.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from wsis_viewer.domain.model import Basis, Bilingual, Claim, Dataset, RecordType
from wsis_viewer.domain.report_text import ReportText, load_report_text, paragraph_number
from wsis_viewer.paths import data_dir
from wsis_viewer.store.source_files import load_source_files

REPO = Path(__file__).resolve().parent.parent
SEED_NAME = "000_82b41a7465f77ec1.txt"


def report_text_path() -> Path | None:
    candidates = [Path(p) for p in [os.environ.get("WSIS_REPORT_TEXT", "")] if p]
    candidates += [REPO.parent / "shared" / "seed" / SEED_NAME,
                   Path("/work/shared/seed") / SEED_NAME]
    return next((p for p in candidates if p.is_file()), None)


@pytest.fixture(scope="module")
def report() -> ReportText:
    path = report_text_path()
    if path is None:
        pytest.skip(f"the report's text ({SEED_NAME}) is not beside the repository "
                    "(../shared/seed/) nor named by $WSIS_REPORT_TEXT")
    return load_report_text(path)


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return load_source_files(data_dir())


# --- how the report names things -------------------------------------------------------------

# Events the report names in words other than their titles. Everything else is found by its
# title, its number ("第19次会议") or, for Council sessions, "理事会2012年会议".
EVENT_NAMES: dict[str, tuple[str, ...]] = {
    "cwg-extra-2013": ("非常会议",),
    "pp-06": ("全权代表大会（2006年，安塔利亚）",),
    "pp-10": ("PP-10", "2010年全权代表大会", "全权代表大会（2010年，瓜达拉哈拉）"),
    "pp-14": ("PP-14",),
    "wsis10-hle": ("WSIS+10高级别活动",),
    "unga-hlm-2015": ("联大高级别会议", "联大全面审查高级别会议", "联大将于2015年12月",
                      "2015年12月联大"),
    "wsis-2003-geneva": ("2003年日内瓦阶段",),
    "tdag-2013": ("2013年电信发展顾问组",),
    "consult-hle-mpp": ("WSIS+10高级别活动：就两份成果文件草案",),
}
# Documents the report writes otherwise than their symbol.
DOCUMENT_NAMES: dict[str, tuple[str, ...]] = {
    "WG-WSIS-22/43": ("22/39和43",),
    "WG-WSIS-23/14": ("WG-WSIS-23-14",),
    "C13/66(Add.)": ("C13/66号文件补遗",),
    "C14/38(Add.)": ("C14/38号文件）和补遗",),
    "A/RES/68/302": ("A/68/302",),
    "WSIS+10 Report (ITU, 2005-2014)": ("WSIS+10报告",),
    "PP-14/20(Add.1)": ("本报告", "本“PP-10以来CWG-WSIS会议成果报告”"),
}
RESOLUTION_NAMES: dict[str, tuple[str, ...]] = {
    "res-wsis10-statement": ("WSIS+10声明",),
    "res-wsis10-vision": ("WSIS+10愿景",),
    "res-unga-68-302": ("A/68/302",),
}


def _plain(text: str) -> str:
    # The report writes one symbol with a non-breaking hyphen (WG‑WSIS-22/39).
    return " ".join(text.replace("\u2011", "-").split())


def _names(ds: Dataset, kind: RecordType, rid: str) -> tuple[str, ...]:
    if kind is RecordType.EVENT:
        e = ds.event(rid)
        assert e is not None
        names = [e.title.zh, *EVENT_NAMES.get(rid, ())]
        if e.kind == "cwg-wsis-meeting" and e.number:
            names.append(f"第{e.number}次会议")
        if e.kind == "council-session":
            names.append(f"理事会{e.start.year}年会议")
        return tuple(names)
    if kind is RecordType.DOCUMENT:
        return (rid, *DOCUMENT_NAMES.get(rid, ()))
    if kind is RecordType.RESOLUTION:
        r = ds.resolution(rid)
        assert r is not None
        return (r.number, r.title.zh, *RESOLUTION_NAMES.get(rid, ()))
    if kind is RecordType.PERSON:
        p = next(p for p in ds.people if p.id == rid)
        return tuple(x for x in (p.name, p.name_zh, p.name.split()[-1]) if x)
    raise AssertionError(kind)


def _mentions(report: ReportText, ref: str, names: tuple[str, ...]) -> bool:
    text = _plain((report.paragraph(ref) or "") + (report.lead_in(ref) or ""))
    return any(_plain(n) in text for n in names if n)


def _is_own_paragraph(report: ReportText, source: str, own_ref: str) -> bool:
    """A recommendation or topic is 'mentioned' by its own paragraph and by the lead-in of it."""
    own = paragraph_number(own_ref)
    src = paragraph_number(source)
    if own is None or src is None:
        return False
    return src == own or (report.lead_in(own_ref) is not None and own.rsplit(".", 1)[0] == src)


@dataclass(frozen=True)
class ClaimSite:
    where: str  # "recommendation 'rec-4.5.3' link → wsis10-hle", for messages
    claim: Claim
    ends: tuple[tuple[RecordType, str], ...]  # records the source paragraph must name
    own_ref: str | None = None  # for a recommendation or topic: its own paragraph


def claim_sites(ds: Dataset) -> Iterator[ClaimSite]:
    ev, doc, res = RecordType.EVENT, RecordType.DOCUMENT, RecordType.RESOLUTION
    for e in ds.events:
        for lc in e.claims:
            yield ClaimSite(f"event '{e.id}' → {lc.target}", lc.claim,
                            ((ev, e.id), (res, lc.target)))
    for d in ds.documents:
        for lc in d.claims:
            yield ClaimSite(f"document '{d.symbol}' event → {lc.target}", lc.claim,
                            ((doc, d.symbol), (ev, lc.target)))
        for c in d.considered_at:
            assert c.claim is not None, f"document '{d.symbol}' considered_at {c.event}"
            yield ClaimSite(f"document '{d.symbol}' considered at {c.event}", c.claim,
                            ((doc, d.symbol), (ev, c.event)))
    for r in ds.resolutions:
        for i, st in enumerate(r.history, start=1):
            assert st.claim is not None, f"resolution '{r.id}' step {i}"
            ends = ((res, r.id),) + (((ev, st.event),) if st.event else ())
            yield ClaimSite(f"resolution '{r.id}' step {i}", st.claim, ends)
    for m in ds.recommendations:
        kinds = {"event": ev, "links.events": ev, "links.resolutions": res,
                 "links.documents": doc}
        for lc in m.claims:
            ends = () if lc.relation == "status" else ((kinds[lc.relation], lc.target),)
            yield ClaimSite(f"recommendation '{m.id}' {lc.relation} → {lc.target}", lc.claim,
                            ends, own_ref=m.ref)
    for p in ds.people:
        for role in p.roles:
            assert role.claim is not None, f"person '{p.id}' role {role.role}"
            yield ClaimSite(f"person '{p.id}' role {role.role}", role.claim,
                            ((RecordType.PERSON, p.id),))
    for t in ds.topics:
        for lc in t.claims:
            yield ClaimSite(f"topic '{t.id}' → {lc.target}", lc.claim, ((ev, lc.target),),
                            own_ref=t.ref)
    for f in ds.figures:
        for lc in f.claims:
            yield ClaimSite(f"figure '{f.id}' → {lc.target}", lc.claim, ((ev, lc.target),))


def texts(ds: Dataset) -> Iterator[tuple[str, Bilingual]]:
    for e in ds.events:
        yield f"event '{e.id}' title", e.title
        if e.description:
            yield f"event '{e.id}' description", e.description
    for d in ds.documents:
        yield f"document '{d.symbol}' title", d.title
    for r in ds.resolutions:
        yield f"resolution '{r.id}' title", r.title
    for m in ds.recommendations:
        yield f"recommendation '{m.id}' text", m.text
    for c in ds.contributors:
        yield f"contributor '{c.id}' name", c.name
    for t in ds.topics:
        yield f"topic '{t.id}' title", t.title
    for f in ds.figures:
        yield f"figure '{f.id}' text", f.text


# --- the tests -------------------------------------------------------------------------------


def test_the_paragraph_list_is_the_reports(report: ReportText) -> None:
    import tomllib
    with (data_dir() / "sources.toml").open("rb") as fh:
        listed = tomllib.load(fh)["report"]["paragraphs"]
    assert sorted(listed) == sorted(report.paragraphs)


def test_every_quotation_is_verbatim_in_its_paragraph(report: ReportText, ds: Dataset) -> None:
    bad = [f"{site.where}: {site.claim.quote!r} is not in {site.claim.source}"
           for site in claim_sites(ds)
           if site.claim.quote and not report.contains(site.claim.source, site.claim.quote)]
    assert not bad, "\n".join(bad)


def test_every_text_marked_as_the_reports_wording_is_verbatim(report: ReportText,
                                                               ds: Dataset) -> None:
    marked = [(where, b) for where, b in texts(ds) if b.quoted_from]
    assert len(marked) > 60  # the §4.5 recommendations, titles, names, figures …
    bad = [f"{where}: {b.zh!r} is not in {b.quoted_from}" for where, b in marked
           if not report.contains(b.quoted_from or "", b.zh)]
    assert not bad, "\n".join(bad)


def test_every_stated_link_names_both_ends_in_its_paragraph(report: ReportText,
                                                            ds: Dataset) -> None:
    bad: list[str] = []
    checked = 0
    for site in claim_sites(ds):
        if site.claim.basis is not Basis.STATED or not site.claim.source.startswith("§"):
            continue
        checked += 1
        if site.own_ref is not None and not _is_own_paragraph(report, site.claim.source,
                                                              site.own_ref):
            bad.append(f"{site.where}: {site.claim.source} is not {site.own_ref} (the "
                       "record's own paragraph) nor the list it belongs to")
        for kind, rid in site.ends:
            if not _mentions(report, site.claim.source, _names(ds, kind, rid)):
                bad.append(f"{site.where}: {site.claim.source} does not name {kind.value} "
                           f"'{rid}'")
    assert checked > 100
    assert not bad, "\n".join(bad)


def test_every_inferred_link_says_why_in_both_languages(ds: Dataset) -> None:
    inferred = [s for s in claim_sites(ds) if s.claim.basis is Basis.INFERRED]
    assert inferred, "the dataset has inferences; they must be marked"
    for site in inferred:
        assert site.claim.note and site.claim.note.zh and site.claim.note.en, site.where


def test_every_cited_paragraph_exists(report: ReportText, ds: Dataset) -> None:
    cited: set[str] = set()
    for group in (ds.events, ds.documents, ds.resolutions, ds.recommendations, ds.people,
                  ds.contributors, ds.topics, ds.figures):
        for rec in group:
            cited.update(s.ref for s in rec.sources if s.ref.startswith("§"))
    cited.update(s.claim.source for s in claim_sites(ds) if s.claim.source.startswith("§"))
    cited.update(b.quoted_from for _, b in texts(ds) if b.quoted_from)
    cited.update(m.ref for m in ds.recommendations)
    cited.update(t.ref for t in ds.topics)
    missing = sorted(ref for ref in cited if report.paragraph(ref) is None)
    assert not missing


def test_symbols_in_the_report_are_documents(report: ReportText, ds: Dataset) -> None:
    """Every document symbol the report writes is in the dataset (nothing missed)."""
    symbols = set()
    for text in report.paragraphs.values():
        symbols.update(re.findall(r"\b(?:C-?1\d/\d+|WG-WSIS-\d+/\d+)", _plain(text)))
    known = {d.symbol for d in ds.documents}
    assert symbols - known == set()
