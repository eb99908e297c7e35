"""Find the header row of a sheet and bind its columns to a table's fields."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from ..contract.amounts import foreign
from ..contract.marks import clean
from ..contract.schema import Table, normalize_header, split_unit
from ..contract.spans import Span
from ..contract.units import Currency
from ..contract.vocab import Category, Stage
from ..text.problems import ProblemLog
from .headers import HeaderMatcher, header_depth, header_parts
from .preamble import Preamble, read_preamble, stray_rows
from .rows import (
    COMPONENT_NAME,
    COMPONENT_SERIAL,
    HEADING,
    NOTE_WORDS,
    SUBTOTAL_WORDS,
    heading_place,
    heading_stage,
    is_total,
    opens_section,
    serial_text,
)
from .sources import Sheet
from .unseen import hide_columns, report_invisible


def written(header) -> str:
    """A header as the user wrote it, on one line."""
    return "".join(str(header).strip().splitlines()) if header is not None else ""


@dataclass
class Column:
    index: int
    header: str  # as written; a header of several rows as ``group/sub-header``
    field: str | None
    unit: str | None = None  # from the header's parentheses
    suggestion: str | None = None  # the usual header of the field it is close to
    known: bool = False  # the header names a field (perhaps one another column gives, or a fallback such as 序号)
    span: Span | None = None  # the period the header names (1-10月, 2024年, 3月)

    @property
    def wide(self) -> Span | None:
        """The month or quarter of a wide block of periods this column is (``2024年分月完成投资/3月``)."""
        return self.span if self.field is None and self.span is not None and self.span.wide else None


@dataclass
class Row:
    number: int  # as the spreadsheet shows it
    cells: dict[str, object]  # field -> raw cell
    extras: dict[str, object] = field(default_factory=dict)  # unknown header -> raw cell
    months: dict[int, object] = field(default_factory=dict)  # column index of a month's or quarter's column -> raw cell
    section: str | None = None  # the section heading above it, as written (一、续建项目（16个）)
    stage: Stage | None = None  # what that heading says
    place: str | None = None  # or the place it names (一、东山区（4个）)
    category: Category | None = None  # what the sheet's name says (招商项目)
    serial: str | None = None  # its 序号 as written
    components: list[Row] = field(default_factory=list)  # sub-rows of a package project (8-1, 其中：…)


@dataclass
class TotalRow:
    """A 合计/总计 row (covering every row) or a 小计 row (covering its group)."""

    row: Row
    covers: list[Row]


@dataclass
class Section:
    """A section heading and the rows under it; ``stated`` is the count its heading gives (（16个）)."""

    heading: str
    row: int
    stage: Stage | None
    stated: int | None
    rows: list[Row] = field(default_factory=list)
    place: str | None = None  # the place it names, when it names one


#: What a row of a sheet can be read as: a title or notes line above the header, a header row, a row of data (a
#: project), a package project's sub-row, a total, a subtotal, a section heading, a note below, a hidden row.
ROW_KINDS = ("title", "header", "data", "component", "total", "subtotal", "section", "note", "hidden")


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
    preamble: Preamble = field(default_factory=Preamble)
    sections: list[Section] = field(default_factory=list)
    #: what each row with content was read as (:data:`ROW_KINDS`), so that every row is accounted for
    account: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROW_KINDS, 0))

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

    @property
    def wide_columns(self) -> list[Column]:
        """The columns of a wide block of months or quarters, each a period's completed investment."""
        return [c for c in self.columns if c.wide is not None]

    @property
    def year(self) -> int | None:
        """The year the table is about: the one its headers name, else its title's, else its file name's."""
        years = [c.span.year for c in self.columns if c.span is not None and c.span.kind != "before" and c.span.year]
        named = re.search(r"((?:19|20)\d{2})年", self.sheet.path.stem)
        return years[0] if years else self.preamble.year or (int(named[1]) if named else None)

    @property
    def completed_span(self) -> Span | None:
        """The months the year's completed investment runs to when its header names them (``1-10月完成投资``)."""
        col = self.column("annual_completed_investment")
        span = col.span.of_year(self.year) if col is not None and col.span is not None else None
        return span if span is not None and span.kind == "to_date" else None

    @property
    def id_is_serial(self) -> bool:
        """Whether ids come from the 序号 column (no code column)."""
        col = self.column("id")
        return col is not None and normalize_header(col.header) in ("序号",)


def _first_text(cells: list) -> str:
    for c in cells:
        if c is not None:
            return clean(str(c))
    return ""


#: A header that names money (read in the table's unit when the header names none).
_MONEY_HEADER = re.compile(r"(投资|资金|金额|产值|营业收入|税收|利税|销售额|交易额|总额|费用)")


def _find_header(sheet: Sheet, table: Table, matcher: HeaderMatcher) -> int | None:
    for i, (_, cells) in enumerate(sheet.rows):
        if any(matcher.match(c).field == table.anchor for c in cells):
            return i
    return None


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
        if kinds.get(c1) in ("amount", "number") or any(c.index == c1 and c.wide for c in columns):
            header = next(c.header for c in columns if c.index == c1)
            log.add("merged-amount", file=sheet.label, row=r1, column=header, value=top, first=r1, last=r2)
            continue
        for n in numbers[bisect.bisect_right(numbers, r1):bisect.bisect_right(numbers, r2)]:
            fills[(n, c1)] = top
    return fills


def _bind_columns(sheet: Sheet, table: Table, matcher: HeaderMatcher, money: Currency, log: ProblemLog,
                  parts: list[tuple[str, ...]], header_number: int, table_unit: str | None) -> list[Column]:
    columns: list[Column] = []
    fallback_cols: dict[str, Column] = {}
    for index, header in enumerate(parts):
        if not header:
            columns.append(Column(index, "", None))
            continue
        m = matcher.match_parts(header)
        col = Column(index, "/".join(header), None, m.unit, known=m.known, span=m.span)
        columns.append(col)
        if m.wide is not None:
            col.unit = col.unit or table_unit
            continue
        if m.field is None or table.field(m.field).kind == "derived":  # derived: known, never read
            continue
        if m.fallback:
            fallback_cols.setdefault(m.field, col)
            continue
        other = next((c for c in columns if c.field == m.field), None)
        if other is not None:
            log.add("column-duplicate", file=sheet.label, row=header_number, column=col.header, other=other.header,
                    field=table.field(m.field))
            continue
        col.field = m.field
        if table.field(m.field).kind == "amount":
            col.unit = col.unit or table_unit
            if col.unit and money.factor(col.unit) is None and foreign(col.unit)[0] is None:  # (USD): another's
                if normalize_header(col.header) in matcher.primary and m.unit == col.unit:
                    col.unit = table_unit  # the settings name this whole header; its parentheses are no unit
                else:
                    log.add("column-unit", file=sheet.label, row=header_number, column=col.header, unit=col.unit,
                            accepted=money.accepted_units())
    for name, col in fallback_cols.items():
        if not any(c.field == name for c in columns):
            col.field = name
    for col in columns:  # a column the schema does not know is money when its header (or the units line) says so
        if not col.known and col.header:
            col.unit = next((split_unit(p)[1] for p in reversed(parts[col.index]) if split_unit(p)[1]), None)
            if col.unit is None and table_unit and _MONEY_HEADER.search(col.header):
                col.unit = table_unit
            if col.unit and money.factor(col.unit) is None:
                col.unit = None
    return columns


def bind(sheet: Sheet, table: Table, matcher: HeaderMatcher, money: Currency, log: ProblemLog) -> BoundTable | None:
    """Locate the header (the first row holding the anchor field, and the rows merged with it) and read the
    rows below it: sections, their subtotals, package projects' sub-rows, totals."""
    header_at = _find_header(sheet, table, matcher)
    if header_at is None:
        anchor = table.field(table.anchor)
        accepted = matcher.accepted(anchor.name)
        if len(sheet.sheets) > 1:
            log.add("header-missing-sheet", file=sheet.label, field=anchor, accepted=accepted,
                    sheets=sheet.sheets, table=table.name)
        else:
            log.add("header-missing", file=sheet.label, field=anchor, accepted=accepted)
        return None
    header_number = sheet.rows[header_at][0]
    depth = header_depth(sheet, header_at, matcher)
    parts = header_parts(sheet, header_at, depth)
    hidden = hide_columns(sheet, parts, header_number, log)
    preamble = read_preamble(sheet, header_at, money)
    columns = _bind_columns(sheet, table, matcher, money, log, parts, header_number, preamble.unit)
    _suggest(table, matcher, columns)
    for f in table.fields:
        if f.required and not any(c.field == f.name for c in columns):
            log.add("column-missing", file=sheet.label, row=header_number, field=f, accepted=matcher.accepted(f.name))
    first_data = header_at + depth
    for number in stray_rows(sheet, header_at, columns, table):
        log.add("row-above-header", file=sheet.label, row=number, header=header_number)
    fills = _fill_merges(sheet, sheet.rows[first_data][0] if first_data < len(sheet.rows) else 0, columns, table, log)
    bound = BoundTable(table, sheet, header_number, columns, [], [], preamble=preamble)
    opening = sheet.rows[header_at - 1:header_at] if header_at and opens_section(sheet.rows[header_at - 1][1]) else []
    bound.account.update(title=header_at - len(opening), header=min(depth, len(sheet.rows) - header_at))
    repeats = {tuple(cells) for _, cells in sheet.rows[header_at:first_data]}  # the header pasted again further down
    _read_rows(bound, [*opening, *sheet.rows[first_data:]], fills, hidden, log, repeats)
    report_invisible(sheet, columns, header_number, log)
    return bound


def _read_rows(bound: BoundTable, body, fills: dict, hidden: set[int], log: ProblemLog, repeats: set) -> None:
    sheet, columns, table = bound.sheet, bound.columns, bound.table
    name_col = next((c.index for c in columns if c.field == table.anchor), None)
    serial_col = next((c.index for c in columns if normalize_header(c.header) == "序号"), None)
    month_cols = [c.index for c in columns if c.wide is not None]
    rows, totals = bound.rows, bound.totals
    groups: list[list[Row]] = [[]]  # rows between headings and subtotals
    pending: list[Row] = []  # subtotals carried by a heading or right below one: they cover the rows after them
    width = len(columns)
    hidden_rows = []
    section: Section | None = None
    for number, cells in body:
        if number in sheet.hidden_rows:
            hidden_rows.append(number)
            bound.account["hidden"] += 1
            continue
        if tuple(cells) in repeats:  # above each county's rows, as a city pastes its counties' tables
            bound.account["header"] += 1
            continue
        if fills:
            cells = [fills.get((number, i), c) for i, c in enumerate([*cells, *[None] * (width - len(cells))])]
        if hidden:
            cells = [None if i in hidden else c for i, c in enumerate(cells)]
        if all(c is None for c in cells):  # what it held is in hidden columns, said once for the column
            bound.account["hidden"] += 1
            continue
        first = _first_text(cells)
        filled = sum(c is not None for c in cells)
        row = Row(number, {}, {})
        for col in columns:
            value = cells[col.index] if col.index < len(cells) else None
            if col.field:
                row.cells[col.field] = value
            elif col.index in month_cols:
                if value is not None:
                    row.months[col.index] = value
            elif col.header and value is not None:
                row.extras[col.header] = value
        name = clean(str(cells[name_col])) if name_col is not None and name_col < len(cells) and cells[name_col] is not None else ""
        named = bool(name) and name != first
        if filled == 1 and first.startswith(NOTE_WORDS):
            bound.account["note"] += 1
            continue
        if HEADING.match(first) and not named:
            bound.account["section"] += 1
            _close(groups, pending, totals)
            stage, stated = heading_stage(first)
            section = Section(next(str(c).strip() for c in cells if c is not None), number, stage, stated,
                              place=heading_place(first))
            bound.sections.append(section)
            if filled > 1:  # 二、续建项目 with the group's subtotal on the same row
                pending.append(row)
            continue
        if is_total(first):
            totals.append(TotalRow(row, rows))  # the same list: it covers every row, above or below
            bound.account["total"] += 1
            continue
        if first.startswith(SUBTOTAL_WORDS):
            bound.account["subtotal"] += 1
            if groups[-1]:
                totals.append(TotalRow(row, groups[-1]))
                groups.append([])
            else:
                pending.append(row)
            continue
        serial = serial_text(cells[serial_col]) if serial_col is not None and serial_col < len(cells) else None
        row.serial = serial
        if section is not None:
            row.section, row.stage, row.place = section.heading, section.stage, section.place
        component = (serial is not None and COMPONENT_SERIAL.match(serial)) or COMPONENT_NAME.match(name)
        if component and rows and (section is None or rows[-1].section == section.heading):
            parent = rows[-1].serial
            if serial and parent and COMPONENT_SERIAL.match(serial) and re.split(r"[-.－—]", serial)[0] != parent:
                log.add("component-parent", file=sheet.label, row=number, column=columns[serial_col].header,
                        value=serial, parent=parent)
            if name_col is not None and COMPONENT_NAME.match(name):
                row.cells[table.anchor] = COMPONENT_NAME.sub("", str(row.cells[table.anchor]).strip())
            rows[-1].components.append(row)
            bound.account["component"] += 1
            continue
        bound.account["data"] += 1
        rows.append(row)
        groups[-1].append(row)
        if section is not None:
            section.rows.append(row)
    _close(groups, pending, totals)
    bound.hidden_rows = len(hidden_rows)
    bound.hidden_columns = len(hidden)
    if hidden_rows:
        shown = "、".join(map(str, hidden_rows[:10])) + ("…" if len(hidden_rows) > 10 else "")
        log.add("hidden-rows", file=sheet.label, count=len(hidden_rows), rows=shown)
    for s in bound.sections:
        if s.stage is None and s.place is None:
            log.add("section-group", file=sheet.label, row=s.row, column=bound.header_of(table.anchor), value=s.heading)
        if s.stated is not None and s.stated != len(s.rows):
            log.add("section-count", file=sheet.label, row=s.row, column=bound.header_of(table.anchor),
                    value=s.heading, stated=s.stated, found=len(s.rows))


def _suggest(table: Table, matcher: HeaderMatcher, columns: list[Column]) -> None:
    """A header close to a known one (所属产业链, 本月完成投资) was probably meant as it: note which (the
    publication rules say so when the column is not published)."""
    import difflib

    bound = {c.field for c in columns if c.field}
    choices = {h: f for h, f in matcher.primary.items()
               if f not in bound and f not in matcher.explicit and table.field(f).kind != "derived"}
    for col in columns:
        if col.field or not col.header or col.known:  # bound, or a duplicate already reported
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
