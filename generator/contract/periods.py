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


def fiscal_year_of(day: dt.date, start_month: int = 1) -> int:
    """The (financial) year ``day`` falls in, named by the calendar year it ends in: with years from April,
    2022-05-01 and 2023-03-31 are in 2023 (2022-23, FY2023)."""
    return day.year + 1 if start_month > 1 and day.month >= start_month else day.year


def fiscal_start_date(year: int, start_month: int = 1) -> dt.date:
    """The first day of the (financial) year ``year`` (named by the calendar year it ends in)."""
    return dt.date(year - 1 if start_month > 1 else year, start_month, 1)


def year_name(year: int, start_month: int = 1) -> str:
    """A year as its reports write it: 2023 for a calendar year, 2022-23 for a financial year from April."""
    return str(year) if start_month == 1 else f"{year - 1}-{year % 100:02d}"


def year_elapsed_at(day: dt.date, start_month: int = 1) -> Decimal:
    """序时进度: the share of the (financial) year passed at ``day``, by months at a month's end (1-10月 is 10/12),
    else by days."""
    begins = fiscal_start_date(fiscal_year_of(day, start_month), start_month)
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        return Decimal((day.year - begins.year) * 12 + day.month - begins.month + 1) / 12
    ends = fiscal_start_date(fiscal_year_of(day, start_month) + 1, start_month)
    return Decimal((day - begins).days + 1) / (ends - begins).days


def _add_months(day: dt.date, months: int) -> dt.date:
    """The first of the month ``months`` after ``day``'s (``day`` is a first of a month)."""
    at = day.year * 12 + day.month - 1 + months
    return dt.date(at // 12, at % 12 + 1, 1)


_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass(frozen=True)
class Period:
    """One reporting period. ``index`` is the half, quarter or month number; ``day`` for a report date."""

    kind: str
    year: int  # a year, half or quarter's (financial) year, named by the calendar year it ends in
    index: int | None = None
    day: int | None = None
    start_month: int = 1  # the month the (financial) year begins in; years, halves and quarters count from it

    @property
    def start(self) -> dt.date:
        if self.kind == "date":
            return self.end
        if self.kind == "month":
            return dt.date(self.year, self.index, 1)
        months = {"year": 12, "half": 6, "quarter": 3}[self.kind]
        return _add_months(fiscal_start_date(self.year, self.start_month), ((self.index or 1) - 1) * months)

    @property
    def end(self) -> dt.date:
        if self.kind == "date":
            return dt.date(self.year, self.index, self.day)
        months = {"year": 12, "half": 6, "quarter": 3, "month": 1}[self.kind]
        return _add_months(self.start, months) - dt.timedelta(days=1)

    @property
    def fiscal_year(self) -> int:
        """The (financial) year the period falls in (a month of April 2022 is in 2022-23 when years begin in April)."""
        return self.year if self.kind in ("year", "half", "quarter") else fiscal_year_of(self.end, self.start_month)

    @property
    def key(self) -> str:
        """A stable, sortable text form: 2022, 2022H1, 2022Q1, 2022-03, 2022-03-15 (2021-22, 2021-22Q1 for a
        financial year)."""
        year = year_name(self.year, self.start_month)
        if self.kind == "year":
            return year
        if self.kind == "half":
            return f"{year}H{self.index}"
        if self.kind == "quarter":
            return f"{year}Q{self.index}"
        if self.kind == "month":
            return f"{self.year}-{self.index:02d}"
        return self.end.isoformat()

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - periods are few, and every page and chart labels them
    def label(self, language: str = "zh") -> str:
        """The period as a page shows it: 2022年一季度 / 2022 Q1."""
        words = dict(year=year_name(self.year, self.start_month) if self.kind != "month" else self.year,
                     index=self.index, key=self.key, day=self.day)
        if self.kind == "half":
            words["half"] = "上下"[self.index - 1]
        if self.kind == "quarter":
            words["quarter"] = "一二三四"[self.index - 1]
        kind = {"year": "period-year", "half": "period-half", "quarter": "period-quarter", "month": "period-month"}
        return say(kind.get(self.kind, "period-day"), language, **words)

    def year_elapsed(self) -> Decimal:
        """序时进度 at the period's end (see :func:`year_elapsed_at`)."""
        return year_elapsed_at(self.end, self.start_month)

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


#: A financial year written as its two calendar years (2022-23, 2022/23, 2022–2023), or after FY (FY2023, FY23).
_SPLIT_YEAR = re.compile(r"(?<![\d.])(?:FY\s?)?((?:19|20)\d{2})\s?[-_/–—~～]\s?(\d{4}|\d{2})(?![\d-])", re.I)
_FY = re.compile(r"(?<![a-z])FY\s?[-_]?\s?(\d{4}|\d{2})(?![\d-])", re.I)
_FISCAL_WORDS = re.compile(r"\s?(?:财年|财政年度|年度)$")


def _fiscal_in(text: str, whole: bool) -> int | None:
    """The financial year ``text`` names (by the year it ends in), the whole of it or (not ``whole``) in passing:
    a split year whose second year follows the first (2022-23; 1999-00), else one after FY."""
    for m in (_SPLIT_YEAR.fullmatch(text),) if whole else _SPLIT_YEAR.finditer(text):
        if m is not None:
            first, second = int(m[1]), m[2]
            ends = int(second) if len(second) == 4 else first // 100 * 100 + int(second) + (100 if int(second) < first % 100 else 0)
            if ends == first + 1:
                return ends
    m = _FY.fullmatch(text) if whole else _FY.search(text)
    return int(m[1]) + (2000 if len(m[1]) == 2 else 0) if m else None


def fiscal_year_named(text: str) -> int | None:
    """The (financial) year a text names as one (``2022-23``, ``FY2023``, ``FY23``, ``2022-23财年``), by the calendar
    year it ends in; None for any other text (``2023`` alone is a calendar year's name too)."""
    return _fiscal_in(_FISCAL_WORDS.sub("", clean(text)), whole=True)


@functools.lru_cache(maxsize=4096)  # a table names the same few periods in every row
def parse_period(cell, formats: tuple[str, ...] = (), start_month: int = 1) -> Period:
    """Read a period cell: 2022-03, 2022年3月, March 2022, 2022Q1, 2022年一季度, 2022上半年, 2022, a financial
    year (2022-23, FY2023: only when years begin in a month other than January), or a full date."""
    if isinstance(cell, PartialDate):  # a spreadsheet date cell, at the precision its format shows
        if cell.precision == "year":
            return Period("year", cell.year, start_month=start_month)
        if cell.precision == "month":
            return Period("month", cell.year, cell.month, start_month=start_month)
        return Period("date", cell.year, cell.month, cell.day, start_month=start_month)
    if isinstance(cell, (dt.date, dt.datetime)):
        return Period("date", cell.year, cell.month, cell.day, start_month=start_month)
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    text = clean(str(cell if cell is not None else ""))
    if m := _YEAR.match(text):
        return Period("year", int(m[1]), start_month=start_month)
    if m := _QUARTER.match(text):
        return Period("quarter", int(m[1]), _CN_DIGITS[m[2]], start_month=start_month)
    if m := _HALF.match(text):
        return Period("half", int(m[1]), 1 if m[2] == "上" or m[3] == "1" else 2, start_month=start_month)
    if (m := _MONTH.match(text)) and 1 <= int(m[2]) <= 12:
        return Period("month", int(m[1]), int(m[2]), start_month=start_month)
    if (m := _EN_MONTH.match(text)) and (month := _month_named(m["name"] or m["name2"])):
        return Period("month", int(m["year"] or m["year2"]), month, start_month=start_month)
    if (fiscal := fiscal_year_named(text)) is not None:
        if start_month == 1:  # a split year where years are calendar years: say which setting makes it one
            raise InvalidValue("period-fiscal-unset")
        return Period("year", fiscal, start_month=start_month)
    date = read_date(str(cell), formats) if cell is not None else None
    if date is not None and date.precision == "day":
        return Period("date", date.year, date.month, date.day, start_month=start_month)
    raise InvalidValue("period-invalid")


_NAMED_MONTH = re.compile(r"(?<![a-z])([a-z]{3,9})[\s_.,-]*((?:19|20)\d{2})(?!\d)", re.I)
_LONE_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?![\d.])")
_ISO_DAY = re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)")


def period_in_text(text: str, start_month: int = 1) -> Period | None:
    """The period a file name or a title names in passing (``GMPP data 2022-23``, ``FY2023``, ``March 2023``,
    ``annual report 2023``): a financial year, a month named in words, else a lone year. A financial year where
    years are calendar years raises ``period-fiscal-unset``."""
    if (m := _ISO_DAY.search(text)) and 1 <= int(m[2]) <= 12 and 1 <= int(m[3]) <= calendar.monthrange(int(m[1]), int(m[2]))[1]:
        return Period("date", int(m[1]), int(m[2]), int(m[3]), start_month=start_month)
    if (fiscal := _fiscal_in(text, whole=False)) is not None:
        if start_month == 1:
            raise InvalidValue("period-fiscal-unset", value=text)
        return Period("year", fiscal, start_month=start_month)
    for m in _NAMED_MONTH.finditer(text):
        if (month := _month_named(m[1])) is not None:
            return Period("month", int(m[2]), month, start_month=start_month)
    years = {int(m[1]) for m in _LONE_YEAR.finditer(text)}
    return Period("year", years.pop(), start_month=start_month) if len(years) == 1 else None
