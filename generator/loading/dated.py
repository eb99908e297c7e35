"""The date a table is as of."""

from __future__ import annotations

import calendar
import datetime as dt

from ..contract.dates import parse_date
from ..reading.tables import BoundTable


def table_as_of(bound: BoundTable, setting: dt.date | None) -> dt.date | None:
    """The date the table is as of: the setting, else its 截至 line, else the date an OC4IDS package says it was
    published, else the end of the months its headers run to (1-10月)."""
    if setting:
        return setting
    if bound.preamble.as_of is not None:
        return bound.preamble.as_of.last_day()
    if bound.sheet.as_of and (published := parse_date(bound.sheet.as_of).date) is not None:
        return published.last_day()
    span = bound.completed_span
    if span is not None and span.year:
        return dt.date(span.year, span.last, calendar.monthrange(span.year, span.last)[1])
    return None
