"""Natural order for references people read as numbers (§4.5.2 before §4.5.10)."""

from __future__ import annotations

import re


def natural_key(text: str) -> str:
    """Zero-pad every number so plain string order is natural order ('§4.5.10' > '§4.5.9')."""
    return re.sub(r"\d+", lambda m: m.group(0).zfill(6), text)
