"""The one way data becomes HTML: `esc`.

Panels, tooltips and the report build Qt rich text. Every value that comes from a database or
a source file (titles, notes, years, figures, URLs — whatever the column's declared type, since
SQLite stores text in an INTEGER column) goes through `esc`, which also quotes `"` and `'` so a
value is safe inside an attribute too. Markup is only ever written by the code itself.
"""

from __future__ import annotations

import html


def esc(value: object) -> str:
    """`value` as text, with &, <, >, " and ' escaped (None → "")."""
    return "" if value is None else html.escape(str(value), quote=True)
