"""Reporting periods: a year, a half, a quarter, a month, or the date of a report."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from ..text.catalogue import say
from .dates import PartialDate, read_date
from .marks import InvalidValue, clean

KINDS = ("year", "half", "quarter", "month", "date")


def year_elapsed_at(day: dt.date) -> Decimal:
    """序时进度: the share of the year passed at ``day``, by months at a month's end (1-10月 is 10/12), else by days."""
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        return Decimal(day.month) / 12
    return Decimal(day.timetuple().tm_yday) / (366 if calendar.isleap(day.year) else 365)
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass(frozen=True)
class Period:
    """One reporting period. ``index`` is the half, quarter or month number; ``day`` for a report date."""

    kind: str
    year: int
    index: int | None = None
    day: int | None = None

    @property
    def start(self) -> dt.date:
        if self.kind == "year":
            return dt.date(self.year, 1, 1)
        if self.kind == "date":
            return self.end
        months = {"half": 6, "quarter": 3, "month": 1}[self.kind]
        return dt.date(self.year, (self.index - 1) * months + 1, 1)

    @property
    def end(self) -> dt.date:
        if self.kind == "year":
            return dt.date(self.year, 12, 31)
        if self.kind == "date":
            return dt.date(self.year, self.index, self.day)
        months = {"half": 6, "quarter": 3, "month": 1}[self.kind]
        last = self.index * months
        return dt.date(self.year, last, calendar.monthrange(self.year, last)[1])

    @property
    def key(self) -> str:
        """A stable, sortable text form: 2022, 2022H1, 2022Q1, 2022-03, 2022-03-15."""
        if self.kind == "year":
            return str(self.year)
        if self.kind == "half":
            return f"{self.year}H{self.index}"
        if self.kind == "quarter":
            return f"{self.year}Q{self.index}"
        if self.kind == "month":
            return f"{self.year}-{self.index:02d}"
        return self.end.isoformat()

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - periods are few, and every page and chart labels them
    def label(self, language: str = "zh") -> str:
        """The period as a page shows it: 2022年一季度 / 2022 Q1."""
        words = dict(year=self.year, index=self.index, key=self.key, day=self.day)
        if self.kind == "half":
            words["half"] = "上下"[self.index - 1]
        if self.kind == "quarter":
            words["quarter"] = "一二三四"[self.index - 1]
        kind = {"year": "period-year", "half": "period-half", "quarter": "period-quarter", "month": "period-month"}
        return say(kind.get(self.kind, "period-day"), language, **words)

    def year_elapsed(self) -> Decimal:
        """序时进度 at the period's end (see :func:`year_elapsed_at`)."""
        return year_elapsed_at(self.end)

    def sort_key(self) -> tuple:
        return (self.end, self.start)

    def __str__(self) -> str:
        return self.key


_QUARTER = re.compile(r"^(\d{4})(?:年(?:第)?|-?Q|[-/.]?q)([一二三四1-4])(?:季度|季)?$", re.I)
_HALF = re.compile(r"^(\d{4})(?:年)?(?:(上|下)半年|-?H([12]))$", re.I)
_MONTH = re.compile(r"^(\d{4})(?:年|[-/.])(\d{1,2})月?(?:份)?$")
_YEAR = re.compile(r"^(\d{4})(?:年度?|年全年)?$")
#: A month named in English, before or after its year (March 2023, Sep-2023, 2023 March), as English portfolios write it.
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_EN_MONTH = re.compile(r"^(?:(?P<name>[a-z]{3,9})[-/.,]?(?P<year>\d{4})|(?P<year2>\d{4})[-/.,]?(?P<name2>[a-z]{3,9}))$", re.I)


def _month_named(word: str) -> int | None:
    """1 for January (jan, january), … 12 for December (sept for September too); None for a word naming no month."""
    word = word.casefold()
    full = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december")
    if word in full:
        return full.index(word) + 1
    if word in _MONTH_NAMES or word == "sept":
        return _MONTH_NAMES.index(word[:3]) + 1
    return None


@functools.lru_cache(maxsize=4096)  # a table names the same few periods in every row
def parse_period(cell, formats: tuple[str, ...] = ()) -> Period:
    """Read a period cell: 2022-03, 2022年3月, March 2022, 2022Q1, 2022年一季度, 2022上半年, 2022, or a full date."""
    if isinstance(cell, PartialDate):  # a spreadsheet date cell, at the precision its format shows
        if cell.precision == "year":
            return Period("year", cell.year)
        if cell.precision == "month":
            return Period("month", cell.year, cell.month)
        return Period("date", cell.year, cell.month, cell.day)
    if isinstance(cell, (dt.date, dt.datetime)):
        return Period("date", cell.year, cell.month, cell.day)
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    text = clean(str(cell if cell is not None else ""))
    if m := _YEAR.match(text):
        return Period("year", int(m[1]))
    if m := _QUARTER.match(text):
        return Period("quarter", int(m[1]), _CN_DIGITS[m[2]])
    if m := _HALF.match(text):
        return Period("half", int(m[1]), 1 if m[2] == "上" or m[3] == "1" else 2)
    if (m := _MONTH.match(text)) and 1 <= int(m[2]) <= 12:
        return Period("month", int(m[1]), int(m[2]))
    if (m := _EN_MONTH.match(text)) and (month := _month_named(m["name"] or m["name2"])):
        return Period("month", int(m["year"] or m["year2"]), month)
    date = read_date(str(cell), formats) if cell is not None else None
    if date is not None and date.precision == "day":
        return Period("date", date.year, date.month, date.day)
    raise InvalidValue("period-invalid")
