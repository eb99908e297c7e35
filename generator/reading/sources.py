"""Read a table's file into rows of cells: CSV in any of our users' encodings, or a workbook (.xlsx, .xls, .xlsb, .ods)."""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer

from ..contract.limits import HEADROOM, HEADROOM_CELLS, Limits
from ..contract.marks import InvalidValue, visible
from .rawsheet import check_limits_text
from .legacy import OLE, read_xls
from .opendoc import is_ods, read_ods
from .workbook import read_workbook
from .xlsb import is_xlsb, read_xlsb

#: Workbooks: what each is, its reader tells from its content, whatever its name says.
BOOKS = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
SUFFIXES = (".csv", ".tsv", ".txt", *BOOKS)
#: What users save tables as; the ones we cannot read are named in a problem, not passed over.
LOOKED_FOR = (*SUFFIXES, ".et", ".numbers")
#: What a file of table rows is saved as (.txt aside: a folder's notes are often plain text).
SPREADSHEETS = tuple(s for s in LOOKED_FOR if s != ".txt")
csv.field_size_limit(2**31 - 1)  # cells are checked against the limits setting instead


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
    hidden_rows: set[int] = field(default_factory=set)  # row numbers a workbook hides
    hidden_columns: set[int] = field(default_factory=set)  # 0-based columns a workbook hides
    invisible: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col) -> invisible characters removed
    hidden_sheets: list[str] = field(default_factory=list)  # sheets a workbook hides, not read
    by_header: bool = False  # the sheet was chosen by its header (none is named after the table)
    also_headed: list[str] = field(default_factory=list)  # other sheets whose header would do as well: not read
    name: str = ""  # the sheet's name in its workbook
    charts: list[str] = field(default_factory=list)  # the workbook's chart sheets: no table
    found: list = field(default_factory=list)  # (code, params) a reader found worth saying: a value outside a code list
    as_of: str | None = None  # the date a JSON package says it was published
    published: tuple[str, ...] = ()  # headers a JSON package gives whose columns are published as they are


def find_table_file(data_dir: Path, stem: str, path: str | None) -> list[Path]:
    """The file(s) that give a table: an explicit ``path`` or ``<stem>.csv`` / ``<stem>.xlsx``."""
    if path:
        return [data_dir / path]
    return [p for p in (data_dir / f"{stem}{s}" for s in (*LOOKED_FOR, ".json")) if p.is_file()]


def only_spreadsheet(data_dir: Path, taken: set[str]) -> Path | None:
    """The one spreadsheet of a data folder that no table is named after (an office's
    ``2024年重点项目进度表.xlsx``): the only workbook, else the only file; None when there is no single one."""
    if not data_dir.is_dir():
        return None
    others = [p for p in sorted(data_dir.iterdir()) if p.is_file() and p.suffix.lower() in SUFFIXES
              and p.stem.casefold() not in taken and not p.name.startswith((".", "~$"))]
    books = [p for p in others if p.suffix.lower() in BOOKS]
    if len(books) == 1:
        return books[0]
    return others[0] if len(others) == 1 else None


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
    sample = "\n".join(text[:65536].splitlines()[:40])  # a bounded sample, however long a line is
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


def read_csv(path: Path, label: str, encoding: str | None = None, stem: str = "", limits: Limits = Limits()) -> Sheet:
    data = path.read_bytes()
    if data.startswith((b"PK\x03\x04", OLE)):  # a workbook saved under a .csv name
        return read_book(path, label, stem, limits=limits)
    text, used = decode(data, encoding)
    delimiter = sniff_delimiter(text)
    _check_widths(text, delimiter, limits)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list]] = []
    invisible: dict[tuple[int, int], str] = {}
    filled = 0
    try:
        most = (limits.rows + HEADROOM) * 10  # blank rows too, however many: reading them is work
        for number, row in enumerate(reader, 1):  # a record is a row in a spreadsheet, even over several lines
            if number > most:
                raise InvalidValue("limit-rows", limit=limits.rows, row=number)
            cells = []
            for col, cell in enumerate(row):
                check_limits_text(cell, number, col, limits)
                cell, removed = visible(cell)
                if removed:
                    invisible[(number, col)] = removed
                cells.append(cell if cell.strip() else None)
            while cells and cells[-1] is None:
                cells.pop()
            if not cells:
                continue
            if len(cells) > limits.columns:
                raise InvalidValue("limit-columns", limit=limits.columns, row=number)
            filled += sum(c is not None for c in cells)
            if filled > limits.cells + HEADROOM_CELLS:  # the data's own count is checked under the header
                raise InvalidValue("limit-cells", limit=limits.cells, row=number)
            rows.append((number, cells))
            if len(rows) > limits.rows + HEADROOM:
                raise InvalidValue("limit-rows", limit=limits.rows, row=number)
    except csv.Error as exc:
        raise InvalidValue("file-unreadable", reason=str(exc)) from None
    return Sheet(path, label, rows, hashlib.sha256(data).hexdigest(), used, invisible=invisible)


_QUOTED = re.compile(r'"[^"]*(?:""[^"]*)*"')


def _check_widths(text: str, delimiter: str, limits: Limits) -> None:
    """Refuse a row with more fields than the column limit before the CSV parser makes a list of them all
    (a row of a hundred million commas would take gigabytes). Quoted cells are set aside first."""
    if text.count(delimiter) <= limits.columns:
        return
    bare = _QUOTED.sub("", text) if '"' in text else text
    for number, line in enumerate(re.finditer(r"[^\n]*\n?", bare), 1):
        line = line[0]
        if line.count(delimiter) >= limits.columns and line.rstrip(f"{delimiter}\r\n ").count(delimiter) >= limits.columns:
            raise InvalidValue("limit-columns", limit=limits.columns, row=number)


def read_book(path: Path, label: str, stem: str, sheet: str | None = None, limits: Limits = Limits(),
              header=None) -> Sheet:
    """The sheet named ``sheet``, else one named like ``stem``, else the one whose header ``header`` takes for the
    table's, else the first (see :mod:`.choice`), of an .xlsx, .xls, .xlsb or .ods workbook, told by its content."""
    data = path.read_bytes()
    if is_ods(data):
        raw = read_ods(data, stem, sheet, limits, header)
    elif data.startswith(OLE):
        raw = read_xls(data, stem, sheet, limits, header)
    elif is_xlsb(data):
        raw = read_xlsb(data, stem, sheet, limits, header)
    else:
        raw = read_workbook(data, stem, sheet, limits, header)
    shown = label if len(raw.sheets) == 1 else f"{label}[{raw.name}]"
    return Sheet(path, shown, raw.rows, hashlib.sha256(data).hexdigest(), merges=raw.merges, sheets=raw.sheets,
                 hidden_rows=raw.hidden_rows, hidden_columns=raw.hidden_columns, invisible=raw.invisible,
                 hidden_sheets=raw.hidden_sheets, by_header=raw.by_header, also_headed=raw.also_headed, name=raw.name,
                 charts=raw.charts)


def read_sheet(path: Path, label: str, stem: str, encoding: str | None = None, sheet: str | None = None,
               limits: Limits = Limits(), header=None) -> Sheet:
    """Read a CSV/TSV or .xlsx file; raise InvalidValue with a problem code when it can't be read."""
    suffix = path.suffix.lower()
    if suffix not in (*SUFFIXES, ".json"):
        raise InvalidValue("file-format", suffix=suffix or path.name)
    try:
        if path.stat().st_size > limits.file_mb * 2**20:
            raise InvalidValue("limit-size", size=f"{path.stat().st_size / 2**20:.0f}", limit=limits.file_mb)
        if suffix in BOOKS:
            return read_book(path, label, stem, sheet, limits, header)
        if suffix == ".json":  # an OC4IDS project package, or plain records
            from .records import read_json
            return read_json(path, label, limits)
        return read_csv(path, label, encoding, stem, limits)
    except OSError as exc:
        raise InvalidValue("file-unreadable", reason=exc.strerror or str(exc)) from None
