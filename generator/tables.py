"""Find the header row of a sheet and bind its columns to a table's fields."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .marks import clean
from .problems import ProblemLog
from .schema import Table, normalize_header, split_unit
from .sources import Sheet
from .units import Currency

TOTAL_WORDS = ("合计", "总计")
SUBTOTAL_WORDS = ("小计",)
NOTE_WORDS = ("注", "备注", "说明", "数据来源", "填报", "来源")
#: A section heading inside a table: 一、新开工项目（5个）, （二）续建项目, 3. 储备项目
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|[(][一二三四五六七八九十\d]+[)]|\d+[、](?!\d))")


def written(header) -> str:
    """A header as the user wrote it, on one line."""
    return "".join(str(header).strip().splitlines()) if header is not None else ""


@dataclass
class Column:
    index: int
    header: str  # as written
    field: str | None
    unit: str | None = None  # from the header's parentheses


@dataclass
class Row:
    number: int  # as the spreadsheet shows it
    cells: dict[str, object]  # field -> raw cell
    extras: dict[str, object] = field(default_factory=dict)  # unknown header -> raw cell


@dataclass
class TotalRow:
    """A 合计/总计 row (covering every row) or a 小计 row (covering its group)."""

    row: Row
    covers: list[Row]


@dataclass
class BoundTable:
    table: Table
    sheet: Sheet
    header_row: int
    columns: list[Column]
    rows: list[Row]
    totals: list[TotalRow]

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.field == name), None)

    def header_of(self, name: str) -> str:
        col = self.column(name)
        return col.header if col else name


class HeaderMatcher:
    """Which field a header names, for one table and the site's ``columns`` settings.

    A field the settings name is matched only by the headers given there; the others by their
    aliases and canonical name, and by fallback aliases (序号) only when no alias is present.
    """

    def __init__(self, table: Table, columns: dict[str, str | list[str]]):
        self.table = table
        self.primary: dict[str, str] = {}
        self.fallback: dict[str, str] = {}
        for f in table.fields:
            if f.name in columns:
                given = columns[f.name]
                for h in [given] if isinstance(given, str) else given:
                    self.primary[normalize_header(h)] = f.name
                continue
            for h in (*f.aliases, f.name):
                self.primary.setdefault(normalize_header(h), f.name)
            for h in f.fallback_aliases:
                self.fallback.setdefault(normalize_header(h), f.name)

    def match(self, header) -> tuple[str | None, str | None, bool]:
        """(field, unit, is_fallback) for a header cell."""
        if header is None or not str(header).strip():
            return None, None, False
        full = normalize_header(header)
        base, unit = split_unit(str(header))
        for key, u in ((full, None), (base, unit)):
            if key in self.primary:
                return self.primary[key], u, False
        for key, u in ((full, None), (base, unit)):
            if key in self.fallback:
                return self.fallback[key], u, True
        return None, None, False

    def headers_for(self, name: str) -> list[str]:
        return [h for h, f in self.primary.items() if f == name]


def _first_text(cells: list) -> str | None:
    for c in cells:
        if c is not None:
            return clean(str(c))
    return None


def bind(sheet: Sheet, table: Table, matcher: HeaderMatcher, money: Currency, log: ProblemLog) -> BoundTable | None:
    """Locate the header row (the first holding the anchor field) and read the rows below it."""
    header_at = None
    for i, (number, cells) in enumerate(sheet.rows):
        if any(matcher.match(c)[0] == table.anchor for c in cells):
            header_at = i
            break
    if header_at is None:
        anchor = table.field(table.anchor)
        log.add("header-missing", file=sheet.label, field=anchor, accepted=matcher.headers_for(anchor.name) or list(anchor.aliases))
        return None
    header_number, header_cells = sheet.rows[header_at]
    number = header_number
    columns: list[Column] = []
    fallback_cols: dict[str, Column] = {}
    for index, cell in enumerate(header_cells):
        name, unit, is_fallback = matcher.match(cell)
        col = Column(index, written(cell), None, unit)
        columns.append(col)
        if name is None:
            continue
        if is_fallback:
            fallback_cols.setdefault(name, col)
            continue
        other = next((c for c in columns if c.field == name), None)
        if other is not None:
            log.add("column-duplicate", file=sheet.label, row=number, column=col.header, other=other.header, field=table.field(name))
            continue
        col.field = name
        f = table.field(name)
        if f.kind == "amount" and unit and money.factor(unit) is None:
            log.add("column-unit", file=sheet.label, row=number, column=col.header, unit=unit, accepted=money.unit_words()[:12])
    for name, col in fallback_cols.items():
        if not any(c.field == name for c in columns):
            col.field = name
    for f in table.fields:
        if f.required and not any(c.field == f.name for c in columns):
            log.add("column-missing", file=sheet.label, row=header_number, field=f, accepted=matcher.headers_for(f.name))
    rows: list[Row] = []
    totals: list[TotalRow] = []
    groups: list[list[Row]] = [[]]  # rows between headings and subtotals
    pending: list[Row] = []  # subtotals right below a heading: they cover the rows after them
    for number, cells in sheet.rows[header_at + 1:]:
        if all(c is None for c in cells):
            continue
        first = _first_text(cells)
        filled = sum(c is not None for c in cells)
        if filled == 1 and (first.startswith(NOTE_WORDS) or _HEADING.match(first)):
            _close(groups, pending, totals)
            continue
        row = Row(number, {}, {})
        for col in columns:
            value = cells[col.index] if col.index < len(cells) else None
            if col.field:
                row.cells[col.field] = value
            elif col.header and value is not None:
                row.extras[col.header] = value
        if first.startswith(TOTAL_WORDS):
            totals.append(TotalRow(row, rows))  # the same list: it covers every row, above or below
        elif first.startswith(SUBTOTAL_WORDS):
            if groups[-1]:
                totals.append(TotalRow(row, groups[-1]))
                groups.append([])
            else:
                pending.append(row)
        else:
            rows.append(row)
            groups[-1].append(row)
    _close(groups, pending, totals)
    return BoundTable(table, sheet, header_number, columns, rows, totals)


def _close(groups: list[list[Row]], pending: list[Row], totals: list[TotalRow]) -> None:
    """End a group at a heading or the table's end: subtotals waiting below its heading cover it."""
    for row in pending:
        totals.append(TotalRow(row, groups[-1]))
    pending.clear()
    groups.append([])
