"""Timeline lanes: which lane each event kind goes to, and the lanes' order and names.

Qt-free. Lane labels are plain strings here; the UI translates them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Lane:
    id: str
    label_en: str
    label_zh: str


KNOWN_LANES: tuple[Lane, ...] = (
    Lane("cwg-wsis", "CWG-WSIS", "理事会WSIS工作组"),
    Lane("council", "Council", "理事会"),
    Lane("plenipotentiary", "Plenipotentiary", "全权代表大会"),
    Lane("wsis-forum", "WSIS Forum & HLE", "WSIS论坛与高级别活动"),
    Lane("unga", "UN General Assembly", "联合国大会"),
    Lane("consultation", "Consultations", "公开磋商"),
    Lane("other", "Other", "其他"),
)

_KIND_TO_LANE: dict[str, str] = {
    "cwg-wsis-meeting": "cwg-wsis",
    "council-session": "council",
    "plenipotentiary-conference": "plenipotentiary",
    "wsis-forum": "wsis-forum",
    "high-level-event": "wsis-forum",
    "unga": "unga",
    "consultation": "consultation",
}


def lane_for_kind(kind: str) -> str:
    """The lane an event of `kind` is drawn in; kinds without a lane of their own go to 'other'."""
    return _KIND_TO_LANE.get(kind, "other")


def ordered_lanes(lane_ids: Iterable[str]) -> list[Lane]:
    """The lanes present in a database, known lanes first in their fixed order.

    Databases may carry lanes we do not know (synthetic or future data): they follow, sorted.
    """
    present = set(lane_ids)
    known = [lane for lane in KNOWN_LANES if lane.id in present]
    known_ids = {lane.id for lane in KNOWN_LANES}
    extra = [Lane(i, i, i) for i in sorted(present - known_ids)]
    return known + extra
