"""The date a table is as of."""

from __future__ import annotations

import calendar
import datetime as dt

from ..contract.dates import parse_date
from ..contract.periods import fiscal_year_of
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


def annual_year(bound: BoundTable, as_of: dt.date | None, fiscal_start: int) -> int | None:
    """The year a table's annual plan and completion are for when neither a year column, a header nor a title
    names it: the (financial) year of its as-of date (see the annual completion definition)."""
    annual = any(bound.column(c) is not None for c in ("annual_planned_investment", "annual_completed_investment"))
    if not annual or bound.column("year") is not None or as_of is None:
        return None
    return fiscal_year_of(as_of, fiscal_start)
