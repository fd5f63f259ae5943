"""pyqtgraph pieces of the timeline: date axis, batched item painter, overview strip, widget.

Knows nothing about SQL: it draws a `wsis_viewer.domain.timeline_index.TimelineIndex`.
"""

from wsis_viewer.timeline.dates import DateFormatter, english_formatter, formatter_for
from wsis_viewer.timeline.widget import TimelineWidget

__all__ = ["DateFormatter", "TimelineWidget", "english_formatter", "formatter_for"]
