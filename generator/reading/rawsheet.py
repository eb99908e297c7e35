"""A sheet as any workbook format gives it: rows of values as shown, with what the workbook hides.

Each format's reader (.xlsx, .xls, .xlsb, .ods) turns its cells into the same :class:`RawSheet`, through
:func:`shown` and :func:`keep_row`, so that limits, invisible characters and number formats are dealt with
once, whatever the file.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field

from ..contract.amounts import to_decimal
from ..contract.dates import PartialDate
from ..contract.limits import HEADROOM, HEADROOM_CELLS, Limits
from ..contract.marks import InvalidValue, visible

#: How far down a sheet its header is looked for when choosing the sheet to read.
PEEK_ROWS = 30
#: The date formats a Chinese Excel writes by built-in id alone, with no code (ECMA-376 Part 1, 18.8.30, zh-cn):
#: openpyxl knows ids 0–49 in their English meaning only, and would give such a date as a number (45931).
LOCALE_DATES = {27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: "m-d-yy", 31: 'yyyy"年"m"月"d"日"',
                36: 'yyyy"年"m"月"', 50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"',
                54: 'm"月"d"日"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"'}


class Formula(str):
    """A formula cell whose workbook holds no saved result (written by a program, never opened in Excel)."""


@dataclass
class RawSheet:
    """A sheet's rows with content (row number, cells from column A), and what the workbook hides."""

    rows: list[tuple[int, list]]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # first row, last row, first col, last col
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)  # 0-based, among the columns that hold something
    invisible: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col) -> characters removed
    sheets: list[str] = field(default_factory=list)
    name: str = ""
    cells: int = 0  # cells with content
    hidden_sheets: list[str] = field(default_factory=list)  # passed over when choosing the sheet to read
    by_header: bool = False  # chosen because its header holds the table's key column (no sheet named after it)
    also_headed: list[str] = field(default_factory=list)  # other visible sheets whose header would do as well: not read
    charts: list[str] = field(default_factory=list)  # chart sheets (a chart and no cells)


def check_limits_text(text: str, row: int, col: int, limits: Limits) -> None:
    """A cell longer than the limit (white space around it aside) is an error naming it."""
    if len(text) > limits.cell_length and len(text.strip()) > limits.cell_length:
        length = len(text.strip())
        raise InvalidValue("limit-cell", row=row, cell=f"{column_letter(col)}{row}", length=length,
                           limit=limits.cell_length)


def column_letter(col: int) -> str:
    """0-based column index -> ``A``, ``B``, … ``AA``."""
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _format_precision(number_format: str) -> str:
    """day, month or year: what a date cell's number format shows (yyyy"年"m"月" shows a month)."""
    shown_part = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", number_format or "").lower()
    if "d" in shown_part or shown_part in ("general", ""):
        return "day"
    return "month" if "m" in shown_part else "year" if "y" in shown_part else "day"


def shown_value(value, number_format: str):
    """A cell's value as the user sees it: dates at their shown precision, percentages and fixed decimals as text."""
    fmt = number_format or ""
    if isinstance(value, (dt.datetime, dt.date)):
        precision = _format_precision(fmt)
        return PartialDate(value.year, value.month if precision != "year" else None,
                           value.day if precision == "day" else None)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        if "%" in fmt:
            return f"{to_decimal(value * 100).normalize():f}%"
        fixed = re.fullmatch(r"[#,]*0\.(0+)", fmt)
        if fixed and isinstance(value, float):
            return f"{value:.{len(fixed[1])}f}"
    if isinstance(value, str) and not value.strip():
        return None
    return value


def shown_text(text: str, number: int, col: int, out: RawSheet, limits: Limits) -> str | None:
    """A text cell as kept: within the length limit, its invisible characters taken out (and noted)."""
    check_limits_text(text, number, col, limits)
    text, removed = visible(text)
    if removed:
        out.invisible[(number, col)] = removed
    return text if text.strip() else None


def keep_row(out: RawSheet, number: int, values: dict[int, object], limits: Limits) -> None:
    """Add row ``number`` (its non-empty cells by 0-based column) to ``out``, within the limits."""
    if not values:
        return
    if max(values) >= limits.columns:
        raise InvalidValue("limit-columns", limit=limits.columns, row=number)
    out.cells += len(values)
    if out.cells > limits.cells + HEADROOM_CELLS:  # the data's own count is checked under the header
        raise InvalidValue("limit-cells", limit=limits.cells, row=number)
    row = [None] * (max(values) + 1)
    for col, value in values.items():
        row[col] = value
    out.rows.append((number, row))
    if len(out.rows) > limits.rows + HEADROOM:
        raise InvalidValue("limit-rows", limit=limits.rows, row=number)
