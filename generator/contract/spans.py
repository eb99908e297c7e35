"""The stretch of a year a header names: ``2024年计划投资``, ``1-10月完成投资``, ``上半年``, ``前三季度``, ``3月``.

Offices put the period into the header rather than into a column: a figure for the year to a month
(1-10月), for one month of the wide monthly block (``2024年分月完成投资`` over ``1月`` … ``12月``), or the
cumulative total before the year began (``截至2023年底累计完成投资``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.catalogue import say
from .marks import clean

_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}
_NUM = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"


def _month(text: str) -> int:
    return int(text) if text.isdigit() else _CN[text]


@dataclass(frozen=True)
class Span:
    """Months ``first``..``last`` of ``year`` (None: the table's year). ``kind`` is ``year`` (the whole year),
    ``to_date`` (from January to ``last``), ``month`` (one month), or ``before`` (everything up to the end of
    ``year``, which is the year before the report's)."""

    kind: str
    year: int | None
    first: int = 1
    last: int = 12
    written: str = ""
    quarter: int | None = None  # the header names one quarter (一季度, 第三季度)

    @property
    def wide(self) -> bool:
        """One month or one quarter: a column of a wide block of periods (1月 … 12月, 一季度 … 四季度)."""
        return self.kind == "month" or self.quarter is not None

    def label(self, language: str, year: int | None = None) -> str:
        """``2024年1-10月`` / ``Jan–Oct 2024``; the year left out when neither the span nor the caller knows it."""
        year = self.year or year
        if self.kind == "to_date":
            return say("span-to-date", language, year=year or "", last=self.last)
        if self.kind == "month":
            return say("span-month", language, year=year or "", month=self.last)
        return say("span-year", language, year=year or "")

    def of_year(self, year: int | None) -> Span:
        """The span with the table's year filled in where the header named none."""
        return self if self.year or year is None else Span(self.kind, year, self.first, self.last, self.written,
                                                           self.quarter)


_YEAR = r"(?:(?P<year>20\d{2}|19\d{2})年(?:度)?)?"
_PATTERNS = (
    ("before", re.compile(r"^(?:截至|截止|至|到)?(?:(?P<year>\d{4})年|上年|去年|上一年)(?:年)?(?:底|末|12月底|12月末)(?P<rest>.*)$")),
    ("to_date", re.compile(rf"^{_YEAR}(?P<first>{_NUM})(?:-|~|～|—|–|至|到)(?P<last>{_NUM})月(?:份)?(?P<rest>.*)$")),
    ("to_date", re.compile(rf"^{_YEAR}(?:截至|截止|至)(?P<last>{_NUM})月(?:底|末|份)?(?P<rest>.*)$")),
    ("half", re.compile(rf"^{_YEAR}(?P<which>上|下)半年(?P<rest>.*)$")),
    ("quarters", re.compile(rf"^{_YEAR}前(?P<n>[一二三1-3])(?:个)?季度(?P<rest>.*)$")),
    ("quarter", re.compile(rf"^{_YEAR}(?:第)?(?P<n>[一二三四1-4])季度(?P<rest>.*)$")),
    ("month", re.compile(rf"^(?:其中[:：]?)?{_YEAR}(?P<last>{_NUM})月(?:份)?(?P<rest>.*)$")),  # 其中10月完成: of which October's
    ("year", re.compile(r"^(?P<year>20\d{2}|19\d{2})年(?:度)?(?P<rest>.*)$")),
)


def split_span(header: str) -> tuple[Span | None, str]:
    """A header's leading period and the rest: ``1-10月完成投资`` -> (Jan–Oct, ``完成投资``). Headers are compared
    in :func:`clean` form; a header with no period comes back whole."""
    text = clean(header)
    for kind, pattern in _PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        found = m.groupdict()
        year = int(found["year"]) if found.get("year") else None
        written = text[: len(text) - len(m["rest"])]
        if kind == "before":
            return Span("before", year, written=written), m["rest"]
        if kind == "to_date":
            first = _month(found["first"]) if found.get("first") else 1
            last = _month(found["last"])
            if first > last:
                continue
            return Span("to_date" if first == 1 else "months", year, first, last, written), m["rest"]
        if kind == "half":
            upper = found["which"] == "上"
            return Span("to_date" if upper else "months", year, 1 if upper else 7, 6 if upper else 12, written), m["rest"]
        if kind == "quarters":
            n = _month(found["n"]) if not found["n"].isdigit() else int(found["n"])
            return Span("to_date", year, 1, 3 * n, written), m["rest"]
        if kind == "quarter":
            n = _month(found["n"]) if not found["n"].isdigit() else int(found["n"])
            return Span("to_date" if n == 1 else "months", year, 3 * n - 2, 3 * n, written, n), m["rest"]
        if kind == "month":
            month = _month(found["last"])
            return Span("month", year, month, month, written), m["rest"]
        return Span("year", year, written=written), m["rest"]
    return None, text
