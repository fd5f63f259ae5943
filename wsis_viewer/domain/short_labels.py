"""Short labels for small figures: the shortest text that still says which event it is.

A figure of four years gives a CWG-WSIS meeting a few pixels; cutting "21st meeting of
CWG-WSIS" to "21st meeting…" or "CWG-WSIS…" throws away the one thing that tells the meetings
apart. So each title gets shorter alternatives chosen for meaning, and the painter takes the
longest that fits:

* a code in the title: "PP-10", "A/RES/68/302", "WSIS+10"; a code without digits
  ("TDAG", "CWG-WSIS") only together with the title's number or year ("TDAG 2013");
* a title without its hyphenated code ("Extraordinary meeting of CWG-WSIS" ->
  "Extraordinary meeting"), when it has no number or year;
* the head of a title before its colon ("WSIS Forum 2011: open consultation …");
* in a series — events of one lane whose titles differ only by a number or a year — the
  initials of a long English name with it ("WTISD 2012" for World Telecommunication and
  Information Society Day 2012), and where the series makes up at least two thirds of its lane,
  the number or year alone: "21", "22" in the CWG-WSIS lane, "2013" in the Council lane.

A short label must be unique in its lane (the lane names the series); one that two events of
a lane would share is dropped for both. Qt-free, computed from the titles alone, so it works
for any database, not only the bundled one.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence

# Codes are ASCII and may sit right against Chinese text ("联大通过第A/68/302号决议"), so their
# edges are "not an ASCII letter, digit or joiner" rather than \b.
_CODE_WITH_DIGIT = re.compile(r"(?<![A-Za-z0-9/+-])[A-Z][A-Za-z]*(?:[-+/][A-Za-z0-9]+)*[-+/]\d+"
                              r"(?:[-+/][A-Za-z0-9]+)*(?![A-Za-z0-9/+-])")
# Without digits only an acronym in brackets ("(TDAG)") or a hyphenated one ("CWG-WSIS"):
# a bare capitalised word ("WSIS Forum") is a name's first word, not a code.
_CODE = re.compile(r"(?<=[(（])[A-Z]{2,}(?=[)）])"
                   r"|(?<![A-Za-z0-9/+-])[A-Z]{2,}(?:-[A-Z]+)+(?![A-Za-z0-9/+-])")
_ORDINAL = re.compile(r"(?<!\d)(\d{1,3})(?:st|nd|rd|th)\b|第(\d{1,3})次")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_HEAD = re.compile(r"^(.{2,}?)\s*[:：]\s*\S")


def _number_and_stem(title: str) -> tuple[str, str] | None:
    matches = list(_ORDINAL.finditer(title))
    if len(matches) != 1:
        return None
    m = matches[0]
    return (m.group(1) or m.group(2)), title[:m.start()] + "#" + title[m.end():]


def _year_and_stem(title: str) -> tuple[str, str] | None:
    matches = list(_YEAR.finditer(title))
    if len(matches) != 1:
        return None
    m = matches[0]
    return m.group(1), title[:m.start()] + "#" + title[m.end():]


def candidates(title: str, lang: str, *, in_number_series: bool = False,
               in_year_series: bool = False, in_own_lane: bool = True) -> list[str]:
    """Shorter alternatives to `title`, longest first (without the uniqueness rule).

    `in_*_series`: other titles of the lane differ from this one only by its number / year;
    `in_own_lane`: that series is most of the lane, so the number or year alone is enough."""
    out: list[str] = []
    head = _HEAD.match(title)
    if head:
        out.append(head.group(1).strip())
    number = _number_and_stem(title)
    year = _year_and_stem(title)
    code = _CODE_WITH_DIGIT.search(title)
    if code:
        out.append(code.group(0))
    else:
        plain = _CODE.search(title)
        if plain:
            tail = number[0] if number else (year[0] if year else None)
            if tail:
                out.append(f"{plain.group(0)} {tail}")
            else:  # "Extraordinary meeting of CWG-WSIS" -> "Extraordinary meeting"
                rest = (title[:plain.start()] + " " + title[plain.end():]).strip(" ,:：、")
                rest = re.sub(r"^(?:of|the)\s+|\s+(?:of|the)$", "", rest).strip()
                if len(rest) >= 2:
                    out.append(rest)
    series_tail = (number[0] if in_number_series and number
                   else year[0] if in_year_series and year else None)
    if series_tail:  # "World Telecommunication and Information Society Day 2012" -> "WTISD 2012"
        initials = [w[0] for w in re.findall(r"[A-Z][a-z]+", title)]
        if len(initials) >= 3 and not code:
            out.append(f"{''.join(initials)} {series_tail}")
    if in_number_series and number and in_own_lane:
        out.append(number[0])
    if in_year_series and year and in_own_lane:
        out.append(year[0] + ("年" if lang == "zh" else ""))
    keep: list[str] = []
    for text in sorted(out, key=len, reverse=True):
        if text and len(text) < len(title) and text not in keep:
            keep.append(text)
    return keep


def short_labels(titles: Sequence[str], lanes: Sequence[Hashable], lang: str
                 ) -> list[tuple[str, ...]]:
    """For each title, its shorter alternatives that are unique in its lane, longest first."""
    number_stems: Counter[tuple[Hashable, str]] = Counter()
    year_stems: Counter[tuple[Hashable, str]] = Counter()
    parsed = []
    for title, lane in zip(titles, lanes, strict=True):
        number, year = _number_and_stem(title), _year_and_stem(title)
        if number:
            number_stems[(lane, number[1])] += 1
        if year:
            year_stems[(lane, year[1])] += 1
        parsed.append((number, year))
    per_lane = Counter(lanes)

    raw: list[list[str]] = []
    used: defaultdict[Hashable, Counter[str]] = defaultdict(Counter)
    for title, lane, (number, year) in zip(titles, lanes, parsed, strict=True):
        n_num = number_stems[(lane, number[1])] if number else 0
        n_year = year_stems[(lane, year[1])] if year else 0
        # A bare "21" or "2013" names an event only where its series is most of the lane
        # ("Council ####" in the Council lane); in a mixed lane it would just be a number.
        own = 3 * (n_num if n_num > 1 else n_year) >= 2 * per_lane[lane]
        alts = candidates(title, lang, in_number_series=n_num > 1, in_year_series=n_year > 1,
                          in_own_lane=own)
        raw.append(alts)
        used[lane].update(set(alts) | {title})
    return [tuple(a for a in alts if used[lane][a] == 1)
            for alts, lane in zip(raw, lanes, strict=True)]
