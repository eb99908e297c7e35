"""Dates at the precision they were written (a month stays a month), and lists of years."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .marks import DEFAULT_WORDS, InvalidValue, Missing, MissingWords, clean, has_redaction


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self):
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError("month")
        if self.day is not None:
            if self.month is None or not 1 <= self.day <= calendar.monthrange(self.year, self.month)[1]:
                raise ValueError("day")

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        return "-".join(f"{n:02d}" if i else str(n) for i, n in enumerate((self.year, self.month, self.day)) if n)

    def __str__(self) -> str:
        return self.iso()

    @classmethod
    def of(cls, value: dt.date) -> "PartialDate":
        return cls(value.year, value.month, value.day)


@dataclass(frozen=True)
class DateValue:
    """A date cell: a date, or the reason it holds none."""

    date: PartialDate | None = None
    missing: Missing | None = None
    raw: str = ""
    reason: str | None = None  # what a missing cell says beyond its kind (Exempt under section 43)


NO_DATE = DateValue(missing=Missing.NOT_REPORTED)

#: 2022年6月底, 2022年底, 2022年初, 6月中旬: the precision written stays, the word goes.
_APPROX = re.compile(r"(?<=[年月])(?:底|末|初|上旬|中旬|下旬|前)$")
_DATE = re.compile(
    r"^(?P<y>\d{4})(?:年|[-/.](?=\d))?(?:(?P<m>\d{1,2})(?:月|[-/.](?=\d))?(?:(?P<d>\d{1,2})日?)?)?年?"
    r"(?:T?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$"  # ISO 8601: a time, its zone
)


def read_date(text: str, formats: tuple[str, ...] = ()) -> PartialDate | None:
    """Parse the written forms of the data contract, then any strptime ``formats``; None if none fit."""
    t = _APPROX.sub("", clean(text))
    m = _DATE.match(t)
    if m and (m["m"] or m["d"] is None):
        if not 1900 <= int(m["y"]) <= 2200:  # an Excel serial number, not a year
            return None
        try:
            return PartialDate(int(m["y"]), int(m["m"]) if m["m"] else None, int(m["d"]) if m["d"] else None)
        except ValueError:
            return None
    stripped = " ".join(text.split())
    for fmt in formats:
        try:
            return PartialDate.of(dt.datetime.strptime(stripped, fmt).date())
        except ValueError:
            continue
    return None


def parse_date(cell, formats: tuple[str, ...] = (), words: MissingWords = DEFAULT_WORDS) -> DateValue:
    """Read one date cell; spreadsheet date cells arrive as ``datetime``."""
    if cell is None:
        return NO_DATE
    if isinstance(cell, PartialDate):
        return DateValue(cell, raw=cell.iso())
    if isinstance(cell, (dt.date, dt.datetime)):
        return DateValue(PartialDate.of(cell), raw=str(cell))
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    raw = str(cell).strip()
    kind = words.kind(raw)
    if kind is not None:
        return DateValue(missing=kind, raw=raw, reason=words.reason(raw))
    date = read_date(raw, formats)
    if date is not None:
        return DateValue(date, raw=raw)
    if has_redaction(raw):  # 2021年X月
        return DateValue(missing=Missing.WITHHELD, raw=raw)
    raise InvalidValue("date-invalid")


_YEAR = re.compile(r"^(\d{4})年?度?$")


def parse_years(cell) -> tuple[int, ...]:
    """``2021;2022``, ``2021、2022``, ``2021-2022`` -> (2021, 2022). Empty -> ()."""
    if cell is None:
        return ()
    if isinstance(cell, PartialDate):
        return (cell.year,)
    if isinstance(cell, (int, float)) and not isinstance(cell, bool) and float(cell).is_integer():
        cell = str(int(cell))
    text = clean(str(cell))
    if not text:
        return ()
    years: set[int] = set()
    for part in re.split(r"[;,、/和及]", text):
        if not part:
            continue
        span = re.fullmatch(r"(\d{4})年?[-~至到](\d{4})年?度?", part)
        if span and int(span[1]) <= int(span[2]) <= int(span[1]) + 50:
            years.update(range(int(span[1]), int(span[2]) + 1))
            continue
        single = _YEAR.match(part)
        if not single:
            raise InvalidValue("years-invalid")
        years.add(int(single[1]))
    return tuple(sorted(years))
