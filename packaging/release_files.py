"""Write the release notes of packaging/releases.toml in the two formats packagers need.

    python packaging/release_files.py appstream              <release> elements (stdout)
    python packaging/release_files.py debian-changelog MAINT  debian/changelog text (stdout)
    python packaging/release_files.py check VERSION           the newest entry is VERSION

Dates come from the file, never from the clock, so two builds of one commit write the same
bytes. The Debian changelog names the maintainer given (the .deb's Maintainer field).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import textwrap
import tomllib
from pathlib import Path
from xml.sax.saxutils import escape

RELEASES = Path(__file__).resolve().parent / "releases.toml"


def releases() -> list[dict[str, object]]:
    with RELEASES.open("rb") as f:
        entries = tomllib.load(f)["release"]
    assert isinstance(entries, list)
    return entries


def _date(entry: dict[str, object]) -> dt.date:
    return dt.date.fromisoformat(str(entry["date"]))


def debian_version(entry: dict[str, object]) -> str:
    """'1.0rc1' with revision 2 -> '1.0~rc1-2': PEP 440 pre-releases sort before the release
    in Debian only with a tilde."""
    upstream = re.sub(r"^([0-9.]*[0-9])\.?(a|b|rc|dev)", r"\1~\2", str(entry["version"]))
    return f"{upstream}-{entry['debian_revision']}"


def appstream() -> str:
    out = []
    for entry in releases():
        out.append(f'    <release version="{entry["version"]}" date="{_date(entry)}">')
        out.append("      <description>")
        out.append("        <ul>")
        out.extend(f"          <li>{escape(str(n))}</li>" for n in entry["notes"])  # type: ignore[attr-defined]
        out.append("        </ul>")
        out.append("      </description>")
        out.append("    </release>")
    return "\n".join(out)


def debian_changelog(maintainer: str) -> str:
    out = []
    for entry in releases():
        out.append(f"wsis-viewer ({debian_version(entry)}) unstable; urgency=medium\n")
        for note in entry["notes"]:  # type: ignore[attr-defined]
            out.append(textwrap.fill(str(note), width=78, initial_indent="  * ",
                                     subsequent_indent="    "))
        stamp = dt.datetime.combine(_date(entry), dt.time(12, 0), tzinfo=dt.UTC)
        out.append(f"\n -- {maintainer}  {stamp.strftime('%a, %d %b %Y %H:%M:%S +0000')}\n")
    return "\n".join(out)


def main(argv: list[str]) -> int:
    if argv[:1] == ["appstream"]:
        print(appstream())
    elif argv[:1] == ["debian-changelog"] and len(argv) == 2:
        print(debian_changelog(argv[1]), end="")
    elif argv[:1] == ["deb-version"]:
        print(debian_version(releases()[0]))
    elif argv[:1] == ["check"] and len(argv) == 2:
        newest = str(releases()[0]["version"])
        if newest != argv[1]:
            print(f"release_files: newest entry in {RELEASES.name} is {newest}, the package "
                  f"is {argv[1]}: add release notes for {argv[1]}", file=sys.stderr)
            return 1
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
