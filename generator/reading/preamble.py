"""What the lines above a table's header say: its title, unit, year and as-of date.

``XX区2024年重点项目建设进度表（1-10月）`` / ``填报单位：…  截至：2024年10月31日  单位：万元``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..contract.dates import PartialDate, read_date
from ..contract.marks import clean
from ..contract.spans import Span, split_span
from ..contract.units import Currency
from .sources import Sheet

_UNIT = re.compile(r"(?<!填报)(?<!建设)(?<!责任)(?<!主办)(?<!承办)(?<!业主)(?<!报送)(?<!牵头)(?<!编制)"
                   r"(?:金额|计量|货币)?单位[:：]([^\s,，;；、()（）]+)")
_AS_OF = re.compile(r"(?:截至|截止|数据截至|统计截至|截止日期|截至日期)[:：]?(\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?)")
_YEAR = re.compile(r"((?:19|20)\d{2})年")
_SUMMING = re.compile(r"合计|总计|小计|共\s*\d+\s*个|^注|^说明")  # a line that sums or explains: no project
_TITLE_SPAN = re.compile(r"[(（]([^()（）]*月[^()（）]*)[)）]")


@dataclass(frozen=True)
class Preamble:
    title: str | None = None  # the first line above the header
    unit: str | None = None  # 单位：万元
    year: int | None = None  # the year the title names
    as_of: PartialDate | None = None  # 截至：2024年10月31日
    span: Span | None = None  # （1-10月） in the title


def read_preamble(sheet: Sheet, header_at: int, money: Currency) -> Preamble:
    """The title, unit, year and as-of date written above the header (the unit only when it is one of the
    currency's: ``单位：个`` says nothing about amounts)."""
    title = unit = year = as_of = span = None
    for _, cells in sheet.rows[:header_at]:
        for cell in cells:
            if cell is None:
                continue
            text = clean(str(cell))
            title = title or text
            for m in _UNIT.finditer(text):
                if unit is None and money.factor(m[1]) is not None:
                    unit = m[1]
            if as_of is None and (m := _AS_OF.search(text)):
                as_of = read_date(m[1])
            if year is None and (m := _YEAR.search(text)):
                year = int(m[1])
            if span is None and (m := _TITLE_SPAN.search(text)):
                found, rest = split_span(m[1])
                span = found if found is not None and not rest else None
    return Preamble(title, unit, year, as_of, span)


def stray_rows(sheet: Sheet, header_at: int, columns, table) -> list[int]:
    """Rows above the header that look like a project (a name in the name column, a number in an amount column):
    a table pasted below its first rows, or a header found too low. They are not read; each is an error."""
    name = next((c.index for c in columns if c.field == table.anchor), None)
    amounts = [c.index for c in columns if c.field and table.field(c.field).kind == "amount"]
    if name is None or not amounts:
        return []
    return [number for number, cells in sheet.rows[:header_at]
            if name < len(cells) and isinstance(cells[name], str) and cells[name].strip()
            and not _SUMMING.search(cells[name])
            and sum(c is not None for c in cells) > 1 and any(
                a < len(cells) and isinstance(cells[a], (int, float)) and not isinstance(cells[a], bool) for a in amounts)]
