"""Read a table's file into rows of cells: CSV in any of our users' encodings, or .xlsx."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer

from .amounts import to_decimal
from .dates import PartialDate
from .marks import InvalidValue

SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm")
#: What users save tables as; the ones we cannot read are named in a problem, not passed over.
LOOKED_FOR = (*SUFFIXES, ".xls", ".et", ".ods", ".numbers")
csv.field_size_limit(2**31 - 1)


@dataclass
class Sheet:
    """A table as a spreadsheet shows it: rows keyed by the row number a user sees."""

    path: Path
    label: str  # how problems name the file
    rows: list[tuple[int, list]]  # (row number, cells); a cell is str, number, datetime or None
    sha256: str = ""
    encoding: str | None = None
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # first row, last row, first col, last col
    sheets: list[str] = field(default_factory=list)  # every sheet of a workbook


def find_table_file(data_dir: Path, stem: str, path: str | None) -> list[Path]:
    """The file(s) that give a table: an explicit ``path`` or ``<stem>.csv`` / ``<stem>.xlsx``."""
    if path:
        return [data_dir / path]
    return [p for p in (data_dir / f"{stem}{s}" for s in LOOKED_FOR) if p.is_file()]


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Bytes to text and the encoding used.

    A BOM decides; else strict UTF-8; else charset-normalizer's candidates, preferring GB18030
    (what Excel on Chinese Windows writes, a superset of GBK) whenever it is among them, because
    short Chinese files are often guessed as Big5 or Korean.
    """
    if encoding:
        return _strict(data, encoding), encoding
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _strict(data, name), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    matches = charset_normalizer.from_bytes(data)
    names = [m.encoding for m in matches]
    if "gb18030" in names or any(n in ("gb2312", "gbk", "big5", "cp949", "euc_kr", "cp932") for n in names):
        try:
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            pass
    best = matches.best()
    if best is None:
        raise InvalidValue("encoding-unknown")
    return str(best), best.encoding


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InvalidValue("encoding-invalid", encoding=encoding, reason=f"byte {exc.start}") from None


def sniff_delimiter(text: str) -> str:
    """The separator (comma, tab or semicolon) that splits the first lines most consistently."""
    sample = "\n".join(text.splitlines()[:40])
    best, best_score = ",", (-1.0, 0)
    for delimiter in (",", "\t", ";"):
        try:
            counts = [len(r) for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if any(c.strip() for c in r)]
        except csv.Error:
            continue
        wide = [c for c in counts if c > 1]
        if not wide:
            continue
        modal = max(set(wide), key=wide.count)
        score = (wide.count(modal) / len(counts), modal)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(path: Path, label: str, encoding: str | None = None, stem: str = "") -> Sheet:
    data = path.read_bytes()
    if data.startswith(b"PK\x03\x04"):  # an Excel workbook saved under a .csv name
        return read_xlsx(path, label, stem)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise InvalidValue("file-format", suffix=".xls")
    text, used = decode(data, encoding)
    text = text.replace("\x00", "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    try:
        rows = [(n, [c if c.strip() else None for c in row]) for n, row in enumerate(reader, 1)]
    except csv.Error as exc:
        raise InvalidValue("file-unreadable", reason=str(exc)) from None
    return Sheet(path, label, rows, hashlib.sha256(data).hexdigest(), used)


class Formula(str):
    """A formula cell whose workbook holds no saved result (written by a program, never opened in Excel)."""


def _format_precision(number_format: str) -> str:
    """day, month or year: what a date cell's number format shows (yyyy"年"m"月" shows a month)."""
    shown = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", number_format or "").lower()
    if "d" in shown or shown in ("general", ""):
        return "day"
    return "month" if "m" in shown else "year" if "y" in shown else "day"


def _cell_value(cell):
    """A cell's value as the user sees it: dates at their shown precision, percentages and fixed decimals as text."""
    value = cell.value
    fmt = cell.number_format or ""
    if isinstance(value, (dt.datetime, dt.date)):
        precision = _format_precision(fmt)
        return PartialDate(value.year, value.month if precision != "year" else None,
                           value.day if precision == "day" else None)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "%" in fmt:
            return f"{to_decimal(value * 100).normalize():f}%"
        fixed = re.fullmatch(r"[#,]*0\.(0+)", fmt)
        if fixed and isinstance(value, float):
            return f"{value:.{len(fixed[1])}f}"
    if isinstance(value, str) and not value.strip():
        return None
    return value


def read_xlsx(path: Path, label: str, stem: str, sheet: str | None = None) -> Sheet:
    """The sheet named ``sheet``, else one named like ``stem``, else the first."""
    import openpyxl

    data = path.read_bytes()
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
        formulas = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
    except Exception as exc:  # openpyxl raises many kinds of exception on damaged workbooks
        raise InvalidValue("file-unreadable", reason=f"{type(exc).__name__}: {exc}") from None
    names = book.sheetnames
    if sheet is not None and sheet not in names:
        raise InvalidValue("sheet-missing", sheet=sheet, sheets=names)
    chosen = sheet or next((n for n in names if n.strip().casefold() == stem), names[0])
    ws, ws_formulas = book[chosen], formulas[chosen]
    rows = []
    for n, cells in enumerate(ws.iter_rows(min_row=1, min_col=1), 1):
        row = [_cell_value(c) for c in cells]
        for i, value in enumerate(row):
            if value is None:
                written = ws_formulas.cell(n, i + 1).value
                if isinstance(written, str) and written.startswith("="):
                    row[i] = Formula(written)
        rows.append((n, row))
    merges = [(m.min_row, m.max_row, m.min_col - 1, m.max_col - 1) for m in ws.merged_cells.ranges]
    shown = label if len(names) == 1 else f"{label}[{chosen}]"
    return Sheet(path, shown, rows, hashlib.sha256(data).hexdigest(), merges=merges, sheets=names)


def read_sheet(path: Path, label: str, stem: str, encoding: str | None = None, sheet: str | None = None) -> Sheet:
    """Read a CSV/TSV or .xlsx file; raise InvalidValue with a problem code when it can't be read."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InvalidValue("file-format", suffix=suffix or path.name)
    try:
        if suffix in (".xlsx", ".xlsm"):
            return read_xlsx(path, label, stem, sheet)
        return read_csv(path, label, encoding, stem)
    except OSError as exc:
        raise InvalidValue("file-unreadable", reason=exc.strerror or str(exc)) from None
