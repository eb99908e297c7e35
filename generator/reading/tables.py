"""Find the header row of a sheet and bind its columns to a table's fields."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from ..contract.marks import clean, code_points
from ..contract.schema import Table, normalize_header, split_unit
from ..contract.units import Currency
from ..text.problems import ProblemLog
from .sources import Sheet
from .workbook import column_letter

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
    suggestion: str | None = None  # the usual header of the field it is close to
    known: bool = False  # the header names a field (perhaps one another column gives, or a fallback such as 序号)


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
    hidden_rows: int = 0  # rows of data the workbook hides, left out
    hidden_columns: int = 0
    published: set[str] = field(default_factory=set)  # unknown columns (as written) that may be published

    def column(self, name: str) -> Column | None:
        return self._by_field.get(name)

    @functools.cached_property
    def _by_field(self) -> dict[str, Column]:
        by_field: dict[str, Column] = {}
        for c in self.columns:
            by_field.setdefault(c.field, c)
        return by_field

    def header_of(self, name: str) -> str:
        """The header as written; for a field the file has no column for, its usual header."""
        col = self.column(name)
        return col.header if col else self.table.field(name).aliases[0]


class HeaderMatcher:
    """Which field a header names, for one table and the site's ``columns`` settings.

    A field the settings name is matched only by the headers given there; the others by their
    aliases and canonical name, and by fallback aliases (序号) only when no alias is present.
    """

    def __init__(self, table: Table, columns: dict[str, str | list[str]]):
        self.table = table
        self.primary: dict[str, str] = {}
        self.fallback: dict[str, str] = {}
        self.explicit = set(columns)  # fields the settings map themselves
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
        """(field, unit from the header's parentheses, is_fallback) for a header cell."""
        if header is None or not str(header).strip():
            return None, None, False
        full = normalize_header(header)
        base, unit = split_unit(str(header))
        for table in (self.primary, self.fallback):
            for key in (full, base):
                if key in table:
                    return table[key], unit, table is self.fallback
        return None, None, False

    def headers_for(self, name: str) -> list[str]:
        return [h for h, f in self.primary.items() if f == name]


def _first_text(cells: list) -> str:
    for c in cells:
        if c is not None:
            return clean(str(c))
    return ""


_TOTAL = re.compile(rf"^[^\d]{{0,6}}({'|'.join(TOTAL_WORDS)})")
_UNIT_ROW = re.compile(r"^(?:金额|计量)?单位[:：](.+)$")


def _is_total(first: str) -> bool:
    return bool(_TOTAL.match(first)) and len(first) <= 16


def _find_header(sheet: Sheet, table: Table, matcher: HeaderMatcher) -> int | None:
    for i, (_, cells) in enumerate(sheet.rows):
        if any(matcher.match(c)[0] == table.anchor for c in cells):
            return i
    return None


def _table_unit(sheet: Sheet, header_at: int) -> str | None:
    """A ``单位：万元`` line above the header sets the unit of amount columns whose header names none."""
    for _, cells in sheet.rows[:header_at]:
        for c in cells:
            m = _UNIT_ROW.match(clean(str(c))) if c is not None else None
            if m:
                return m[1]
    return None


def _header_cells(sheet: Sheet, header_at: int, matcher: HeaderMatcher) -> tuple[list, bool]:
    """The header, one cell per column. A second header row below a merged group header
    (``2022年投资（万元）`` over ``年度计划投资 | 年度完成投资``) is folded in: each sub-header
    takes the group's unit. Returns (cells, whether a second row was used)."""
    number, top = sheet.rows[header_at]
    if header_at + 1 >= len(sheet.rows):
        return list(top), False
    below_number, below = sheet.rows[header_at + 1]
    groups = {}  # column -> the merged group header above it
    for r1, r2, c1, c2 in sheet.merges:
        if r1 == r2 == number and c2 > c1:
            for c in range(c1, c2 + 1):
                groups[c] = top[c1] if c1 < len(top) else None
    width = max(len(top), len(below))
    top = list(top) + [None] * (width - len(top))
    below = list(below) + [None] * (width - len(below))
    sub = [i for i, c in enumerate(below) if c is not None and matcher.match(c)[0] and
           (top[i] is None or i in groups or not matcher.match(top[i])[0])]
    if not sub or any(c is not None and not matcher.match(c)[0] and i not in groups and top[i] is None
                      for i, c in enumerate(below)):
        return top, False
    cells = list(top)
    for i in sub:
        group = groups.get(i, top[i])
        unit = split_unit(str(group))[1] if group is not None else None
        cells[i] = f"{below[i]}（{unit}）" if unit and not split_unit(str(below[i]))[1] else below[i]
    return cells, True


def _fill_merges(sheet: Sheet, first_data: int, columns: list[Column], table: Table, log: ProblemLog) -> dict:
    """Copy a value merged down a column into every row it covers (a cluster name over its projects).

    An amount merged over several rows is one figure: it stays in its first row, with a warning, so
    that sums do not count it twice. Returns {(row number, column): value} to apply, for the rows that
    hold something (a merge over a million empty rows costs nothing).
    """
    kinds = {c.index: table.field(c.field).kind for c in columns if c.field}
    numbers = [n for n, _ in sheet.rows]
    by_number = dict(sheet.rows)
    fills = {}
    for r1, r2, c1, c2 in sheet.merges:
        if c1 != c2 or r2 == r1 or r1 < first_data:
            continue
        cells = by_number.get(r1)
        top = cells[c1] if cells is not None and c1 < len(cells) else None
        if top is None:
            continue
        if kinds.get(c1) in ("amount", "number"):
            header = next(c.header for c in columns if c.index == c1)
            log.add("merged-amount", file=sheet.label, row=r1, column=header, value=top, first=r1, last=r2)
            continue
        for n in numbers[bisect.bisect_right(numbers, r1):bisect.bisect_right(numbers, r2)]:
            fills[(n, c1)] = top
    return fills


def bind(sheet: Sheet, table: Table, matcher: HeaderMatcher, money: Currency, log: ProblemLog) -> BoundTable | None:
    """Locate the header row (the first holding the anchor field) and read the rows below it."""
    header_at = _find_header(sheet, table, matcher)
    if header_at is None:
        anchor = table.field(table.anchor)
        accepted = matcher.headers_for(anchor.name) or list(anchor.aliases)
        if len(sheet.sheets) > 1:
            log.add("header-missing-sheet", file=sheet.label, field=anchor, accepted=accepted,
                    sheets=sheet.sheets, table=table.name)
        else:
            log.add("header-missing", file=sheet.label, field=anchor, accepted=accepted)
        return None
    header_number = sheet.rows[header_at][0]
    header_cells, two_rows = _header_cells(sheet, header_at, matcher)
    hidden = _hide_columns(sheet, header_cells, header_number, log)
    table_unit = _table_unit(sheet, header_at)
    columns: list[Column] = []
    fallback_cols: dict[str, Column] = {}
    for index, cell in enumerate(header_cells):
        name, unit, is_fallback = matcher.match(cell)
        col = Column(index, written(cell), None, unit, known=name is not None)
        columns.append(col)
        if name is None:
            continue
        if is_fallback:
            fallback_cols.setdefault(name, col)
            continue
        other = next((c for c in columns if c.field == name), None)
        if other is not None:
            log.add("column-duplicate", file=sheet.label, row=header_number, column=col.header, other=other.header,
                    field=table.field(name))
            continue
        col.field = name
        if table.field(name).kind == "amount":
            col.unit = col.unit or table_unit
            if col.unit and money.factor(col.unit) is None:
                if normalize_header(cell) in matcher.primary and unit == col.unit:
                    col.unit = table_unit  # the settings name this whole header; its parentheses are no unit
                else:
                    log.add("column-unit", file=sheet.label, row=header_number, column=col.header, unit=col.unit,
                            accepted=money.accepted_units())
    for name, col in fallback_cols.items():
        if not any(c.field == name for c in columns):
            col.field = name
    _suggest(table, matcher, columns)
    for f in table.fields:
        if f.required and not any(c.field == f.name for c in columns):
            log.add("column-missing", file=sheet.label, row=header_number, field=f, accepted=matcher.headers_for(f.name))
    first_data = header_at + (2 if two_rows else 1)
    fills = _fill_merges(sheet, sheet.rows[first_data][0] if first_data < len(sheet.rows) else 0, columns, table, log)
    name_col = next((c.index for c in columns if c.field == table.anchor), None)
    rows: list[Row] = []
    totals: list[TotalRow] = []
    groups: list[list[Row]] = [[]]  # rows between headings and subtotals
    pending: list[Row] = []  # subtotals carried by a heading or right below one: they cover the rows after them
    width = len(header_cells)
    hidden_rows = []
    for number, cells in sheet.rows[first_data:]:
        if number in sheet.hidden_rows:
            hidden_rows.append(number)
            continue
        if fills:
            cells = [fills.get((number, i), c) for i, c in enumerate([*cells, *[None] * (width - len(cells))])]
        if hidden:
            cells = [None if i in hidden else c for i, c in enumerate(cells)]
        if all(c is None for c in cells):
            continue
        first = _first_text(cells)
        filled = sum(c is not None for c in cells)
        row = Row(number, {}, {})
        for col in columns:
            value = cells[col.index] if col.index < len(cells) else None
            if col.field:
                row.cells[col.field] = value
            elif col.header and value is not None:
                row.extras[col.header] = value
        named = name_col is not None and name_col < len(cells) and cells[name_col] is not None \
            and clean(str(cells[name_col])) != first
        if filled == 1 and first.startswith(NOTE_WORDS):
            continue
        if _HEADING.match(first) and not named:
            _close(groups, pending, totals)
            if filled > 1:  # 二、续建项目 with the group's subtotal on the same row
                pending.append(row)
            continue
        if _is_total(first):
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
    if hidden_rows:
        shown = "、".join(map(str, hidden_rows[:10])) + ("…" if len(hidden_rows) > 10 else "")
        log.add("hidden-rows", file=sheet.label, count=len(hidden_rows), rows=shown)
    _report_invisible(sheet, columns, header_number, log)
    return BoundTable(table, sheet, header_number, columns, rows, totals, len(hidden_rows), len(hidden))


def _hide_columns(sheet: Sheet, header_cells: list, header_number: int, log: ProblemLog) -> set[int]:
    """Columns the workbook hides are not read: their headers are taken out, and a warning names them."""
    if not sheet.hidden_columns:
        return set()
    below = [cells for number, cells in sheet.rows if number >= header_number]
    hidden = {i for i in sheet.hidden_columns if any(i < len(cells) and cells[i] is not None for cells in below)}
    if not hidden:
        return hidden
    names = [written(header_cells[i]) if i < len(header_cells) and header_cells[i] is not None else column_letter(i)
             for i in sorted(hidden)]
    for i in hidden:
        if i < len(header_cells):
            header_cells[i] = None
    log.add("hidden-columns", file=sheet.label, row=header_number, count=len(hidden), headers=[f"“{n}”" for n in names])
    return hidden


def _report_invisible(sheet: Sheet, columns: list[Column], header_number: int, log: ProblemLog) -> None:
    """Each cell from the header down that held invisible characters (they were removed when it was read)."""
    headers = {c.index: c.header for c in columns if c.header}
    for (row, col), chars in sorted(sheet.invisible.items()):
        if row < header_number or col in sheet.hidden_columns:
            continue
        log.add("text-invisible", file=sheet.label, row=row, column=headers.get(col) or column_letter(col),
                chars="、".join(code_points(chars)))


def _suggest(table: Table, matcher: HeaderMatcher, columns: list[Column]) -> None:
    """A header close to a known one (所属产业链, 本月完成投资) was probably meant as it: note which (the
    publication rules say so when the column is not published)."""
    import difflib

    bound = {c.field for c in columns if c.field}
    choices = {h: f for h, f in matcher.primary.items() if f not in bound and f not in matcher.explicit}
    for col in columns:
        if col.field or not col.header or matcher.match(col.header)[0]:  # bound, or a duplicate already reported
            continue
        base = split_unit(col.header)[0]
        close = difflib.get_close_matches(base, list(choices), n=1, cutoff=0.6)
        if close:
            col.suggestion = table.field(choices[close[0]]).aliases[0]


def _close(groups: list[list[Row]], pending: list[Row], totals: list[TotalRow]) -> None:
    """End a group at a heading or the table's end: subtotals waiting for it cover it."""
    for row in pending:
        totals.append(TotalRow(row, groups[-1]))
    pending.clear()
    groups.append([])
