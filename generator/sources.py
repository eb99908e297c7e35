"""Read a table's file into rows of cells: CSV in any of our users' encodings, or .xlsx."""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer

from .marks import InvalidValue

SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm")
csv.field_size_limit(2**31 - 1)


@dataclass
class Sheet:
    """A table as a spreadsheet shows it: rows keyed by the row number a user sees."""

    path: Path
    label: str  # how problems name the file
    rows: list[tuple[int, list]]  # (row number, cells); a cell is str, number, datetime or None
    sha256: str = ""
    encoding: str | None = None
    extra: dict = field(default_factory=dict)


def find_table_file(data_dir: Path, stem: str, path: str | None) -> list[Path]:
    """The file(s) that give a table: an explicit ``path`` or ``<stem>.csv`` / ``<stem>.xlsx``."""
    if path:
        return [data_dir / path]
    return [p for p in (data_dir / f"{stem}{s}" for s in (".csv", ".xlsx")) if p.is_file()]


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
    """Tab when the first lines hold more tabs than commas, else comma (semicolon as a last resort)."""
    lines = [line for line in text.splitlines()[:30] if line.strip()]
    counts = {d: sum(line.count(d) for line in lines) for d in (",", "\t", ";")}
    if counts["\t"] > counts[","]:
        return "\t"
    if counts[","] == 0 and counts[";"] > 0:
        return ";"
    return ","


def read_csv(path: Path, label: str, encoding: str | None = None) -> Sheet:
    data = path.read_bytes()
    text, used = decode(data, encoding)
    text = text.replace("\x00", "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    try:
        rows = [(n, [c if c.strip() else None for c in row]) for n, row in enumerate(reader, 1)]
    except csv.Error as exc:
        raise InvalidValue("file-unreadable", reason=str(exc)) from None
    return Sheet(path, label, rows, hashlib.sha256(data).hexdigest(), used)


def read_xlsx(path: Path, label: str, stem: str, sheet: str | None = None) -> Sheet:
    """The sheet named ``sheet``, else one named like ``stem``, else the first.

    Cells merged down a column (a cluster name over its projects) are filled into every row.
    """
    import openpyxl

    data = path.read_bytes()
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError) as exc:
        raise InvalidValue("file-unreadable", reason=f"{type(exc).__name__}: {exc}") from None
    except Exception as exc:  # openpyxl raises many kinds on damaged workbooks
        raise InvalidValue("file-unreadable", reason=f"{type(exc).__name__}: {exc}") from None
    names = book.sheetnames
    if sheet is not None and sheet not in names:
        raise InvalidValue("sheet-missing", sheet=sheet, sheets=names)
    chosen = sheet or next((n for n in names if n.strip().casefold() == stem), names[0])
    ws = book[chosen]
    grid = [list(r) for r in ws.iter_rows(min_row=1, min_col=1, values_only=True)]
    for merged in ws.merged_cells.ranges:
        if merged.min_col == merged.max_col:
            top = grid[merged.min_row - 1][merged.min_col - 1]
            for r in range(merged.min_row, min(merged.max_row, len(grid)) + 1):
                grid[r - 1][merged.min_col - 1] = top
    rows = [(n, [None if isinstance(c, str) and not c.strip() else c for c in row]) for n, row in enumerate(grid, 1)]
    shown = label if len(names) == 1 else f"{label}[{chosen}]"
    return Sheet(path, shown, rows, hashlib.sha256(data).hexdigest())


def read_sheet(path: Path, label: str, stem: str, encoding: str | None = None, sheet: str | None = None) -> Sheet:
    """Read a CSV/TSV or .xlsx file; raise InvalidValue with a problem code when it can't be read."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InvalidValue("file-format", suffix=suffix or path.name)
    try:
        if suffix in (".xlsx", ".xlsm"):
            return read_xlsx(path, label, stem, sheet)
        return read_csv(path, label, encoding)
    except OSError as exc:
        raise InvalidValue("file-unreadable", reason=exc.strerror or str(exc)) from None
