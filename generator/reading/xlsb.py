"""Read one sheet of an .xlsb workbook (Excel's binary workbook, as large offices save their biggest books).

An .xlsb is a zip of binary record streams ([MS-XLSB]): the workbook part lists the sheets and their
visibility, the styles part the number formats, the shared strings part the text, and each sheet part its rows.
No Python library gives what a public report needs of it (hidden rows and columns, merged cells, each cell's
number format), so its records are read here: a record is a type and a length, each a little-endian number
of 7-bit groups, then its data. Records not needed are stepped over. The unpacked size is checked before
anything is read; a record that runs past its part is a damaged file.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import struct
import zipfile
from collections.abc import Iterator

from ..contract.limits import HEADROOM_CELLS, Limits
from ..contract.marks import InvalidValue
from .choice import choose_sheet
from .rawsheet import LOCALE_DATES, PEEK_ROWS, RawSheet, keep_row, shown_text, shown_value
from .workbook import check_parts, damaged

# Record types ([MS-XLSB] 2.3.2)
ROW, BLANK, RK, ERROR, BOOL, REAL, INLINE, SHARED = 0, 1, 2, 3, 4, 5, 6, 7
FORMULA_TEXT, FORMULA_NUMBER, FORMULA_BOOL, FORMULA_ERROR = 8, 9, 10, 11
STRING_ITEM, FORMAT, XF, COLUMN_INFO, RICH_TEXT = 19, 44, 47, 60, 62
BOOK_PROPERTIES, SHEET_ENTRY, MERGE = 153, 156, 176
CELL_XFS, CELL_XFS_END = 617, 618

ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!",
          0x2A: "#N/A", 0x2B: "#GETTING_DATA"}
_WORKSHEET = "/worksheet"  # the end of a worksheet relationship's type (chart and dialog sheets hold no table)
_U32, _I32, _F64 = struct.Struct("<I"), struct.Struct("<i"), struct.Struct("<d")
_CELL = struct.Struct("<II")  # column, style (low 24 bits)
_RFX = struct.Struct("<IIII")  # first row, last row, first column, last column


def is_xlsb(data: bytes) -> bool:
    """Whether the zip ``data`` is an .xlsb workbook (its workbook part is binary)."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return any(name.lower().endswith("workbook.bin") for name in archive.namelist())
    except (zipfile.BadZipFile, OSError, EOFError):
        return False


def records(data: bytes) -> Iterator[tuple[int, int, int]]:
    """Each record of a part: (type, offset of its data, offset past its end)."""
    at, end = 0, len(data)
    while at < end:
        kind = data[at]
        at += 1
        if kind & 0x80:
            kind = (kind & 0x7F) | ((data[at] & 0x7F) << 7)
            at += 1
        size, shift = 0, 0
        for _ in range(4):
            byte = data[at]
            at += 1
            size |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                break
        if at + size > end:
            raise InvalidValue("file-unreadable", reason="a record runs past the end of its part")
        yield kind, at, at + size
        at += size


def wide_string(data: bytes, at: int) -> tuple[str, int]:
    """An XLWideString at ``at`` (a count of UTF-16 units, then the units) and the offset past it."""
    count = _U32.unpack_from(data, at)[0]
    start, end = at + 4, at + 4 + 2 * count
    if count == 0xFFFFFFFF:  # a nullable string that is null
        return "", start
    if end > len(data):
        raise InvalidValue("file-unreadable", reason="a string runs past the end of its record")
    return data[start:end].decode("utf-16-le", "replace"), end


def _rk(raw: int) -> int | float:
    """An RkNumber: a 30-bit integer or the top of a double, perhaps divided by 100."""
    if raw & 0x02:
        value: int | float = _I32.unpack(_U32.pack(raw))[0] >> 2
    else:
        value = _F64.unpack(b"\0\0\0\0" + _U32.pack(raw & 0xFFFFFFFC))[0]
    return value / 100 if raw & 0x01 else value


class _Book:
    """What every sheet's reading needs of the workbook: its sheets, strings, number formats and date system."""

    def __init__(self, archive: zipfile.ZipFile, limits: Limits):
        from openpyxl.styles.numbers import BUILTIN_FORMATS

        self.archive, self.names = archive, {n.lower(): n for n in archive.namelist()}
        workbook = self._main()
        rels = self._rels(workbook)
        data = self.part(workbook)
        self.sheets: list[tuple[str, bool, str]] = []  # name, visible, part
        self.charts: list[str] = []
        self.epoch = dt.datetime(1899, 12, 30)
        for kind, at, end in records(data):
            if kind == SHEET_ENTRY:
                state = _U32.unpack_from(data, at)[0]
                rel, after = wide_string(data, at + 8)
                name, _ = wide_string(data, after)
                target = rels.get(rel)
                if target and any(target[1] == part for _, _, part in self.sheets):
                    raise InvalidValue("file-unreadable", reason=f"two sheets share the part {target[1]}")
                if target and target[0].endswith(_WORKSHEET):
                    self.sheets.append((name, state == 0, target[1]))
                elif target and target[0].endswith("/chartsheet"):
                    self.charts.append(name)
            elif kind == BOOK_PROPERTIES and _U32.unpack_from(data, at)[0] & 0x01:
                self.epoch = dt.datetime(1904, 1, 1)
        formats, xfs = {}, []
        styles = next((t for k, t in rels.values() if k.endswith("/styles")), None)
        if styles:
            data, in_xfs = self.part(styles), False
            for kind, at, end in records(data):
                if kind == FORMAT:
                    formats[struct.unpack_from("<H", data, at)[0]] = wide_string(data, at + 2)[0]
                elif kind in (CELL_XFS, CELL_XFS_END):
                    in_xfs = kind == CELL_XFS
                elif kind == XF and in_xfs:
                    xfs.append(struct.unpack_from("<H", data, at + 2)[0])
        self.formats = [formats.get(f) or LOCALE_DATES.get(f) or BUILTIN_FORMATS.get(f, "General") for f in xfs]
        self.strings: list[str] = []
        shared = next((t for k, t in rels.values() if k.endswith("/sharedStrings")), None)
        if shared:
            data = self.part(shared)
            for kind, at, end in records(data):
                if kind == STRING_ITEM:
                    self.strings.append(wide_string(data, at + 1)[0])
                    if len(self.strings) > limits.cells + HEADROOM_CELLS:
                        raise InvalidValue("limit-cells", limit=limits.cells)

    def part(self, name: str) -> bytes:
        real = self.names.get(name.lower())
        if real is None:
            raise InvalidValue("file-unreadable", reason=f"no part {name}")
        return self.archive.read(real)

    def _main(self) -> str:
        """The workbook part, as the package's relationships name it."""
        for kind, target in self._relations("_rels/.rels", "").values():
            if kind.endswith("/officeDocument"):
                return target
        return "xl/workbook.bin"

    def _rels(self, part: str) -> dict[str, tuple[str, str]]:
        folder, name = posixpath.split(part)
        return self._relations(posixpath.join(folder, "_rels", f"{name}.rels"), folder)

    def _relations(self, rels: str, folder: str) -> dict[str, tuple[str, str]]:
        """Relationship id -> (type, part path) of a relationships part."""
        from defusedxml import ElementTree

        if rels.lower() not in self.names:
            return {}
        out = {}
        for element in ElementTree.fromstring(self.part(rels)):
            target = element.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out[element.get("Id", "")] = (element.get("Type", ""), path)
        return out

    def value(self, kind: int, data: bytes, at: int, end: int):
        """A cell record's value as shown (its column and style come first)."""
        style = _U32.unpack_from(data, at + 4)[0] & 0xFFFFFF
        at += 8
        if kind == SHARED:
            index = _U32.unpack_from(data, at)[0]
            return self.strings[index] if index < len(self.strings) else None
        if kind in (INLINE, FORMULA_TEXT):
            return wide_string(data, at)[0]
        if kind == RICH_TEXT:
            return wide_string(data, at + 1)[0]
        if kind in (BOOL, FORMULA_BOOL):
            return bool(data[at])
        if kind in (ERROR, FORMULA_ERROR):
            return ERRORS.get(data[at], "#N/A")
        number = _rk(_U32.unpack_from(data, at)[0]) if kind == RK else _F64.unpack_from(data, at)[0]
        fmt = self.formats[style] if style < len(self.formats) else "General"
        return shown_value(self._date(number, fmt) or _whole(number), fmt)

    def _date(self, number: float, fmt: str):
        from openpyxl.styles.numbers import is_date_format

        if fmt == "General" or not is_date_format(fmt):
            return None
        try:
            return self.epoch + dt.timedelta(days=number)
        except (OverflowError, ValueError):
            return None


def _whole(number: int | float) -> int | float:
    """A whole number as an integer (a code, a count), as the other formats give it."""
    if isinstance(number, float) and number.is_integer() and abs(number) < 2**53:
        return int(number)
    return number


def _rows(book: _Book, data: bytes, out: RawSheet | None, limits: Limits) -> Iterator[tuple[int, dict]]:
    """Each row with content: (row number, values by 0-based column). With ``out``, also what the sheet hides."""
    number, values = None, {}
    for kind, at, end in records(data):
        if kind == ROW:
            if values:
                yield number, values
            number, values = _U32.unpack_from(data, at)[0] + 1, {}
            if out is not None:
                height, flags = struct.unpack_from("<H", data, at + 8)[0], data[at + 11]
                if flags & 0x10 or (flags & 0x20 and height == 0):  # hidden, or set to no height at all
                    out.hidden_rows.add(number)
        elif BLANK < kind <= FORMULA_ERROR or kind == RICH_TEXT:
            if number is None:
                raise InvalidValue("file-unreadable", reason="a cell before any row")
            col = _U32.unpack_from(data, at)[0]
            if col >= limits.columns:  # before anything is made that wide
                raise InvalidValue("limit-columns", limit=limits.columns, row=number)
            value = book.value(kind, data, at, end)
            if isinstance(value, str) and out is not None:
                value = shown_text(value, number, col, out, limits)
            if value is not None:
                values[col] = value
        elif out is not None and kind == COLUMN_INFO:
            first, last, width = struct.unpack_from("<III", data, at)
            if data[at + 16] & 0x01 or width == 0:
                out.hidden_columns.update(range(first, min(last, limits.columns) + 1))
        elif out is not None and kind == MERGE:
            r1, r2, c1, c2 = _RFX.unpack_from(data, at)
            out.merges.append((r1 + 1, r2 + 1, c1, c2))
    if values:
        yield number, values


def _has_header(book: _Book, part: str, header, limits: Limits) -> bool:
    try:
        for number, values in _rows(book, book.part(part), None, limits):
            if number > PEEK_ROWS:
                return False
            if header([values.get(c) for c in range(max(values) + 1)] if values else []):
                return True
    except Exception:  # a damaged sheet is not the one: the chosen sheet's reading reports what is wrong
        return False
    return False


def read_xlsb(data: bytes, stem: str, sheet: str | None, limits: Limits, header=None) -> RawSheet:
    """The sheet chosen as for .xlsx (:func:`.choice.choose_sheet`) of the .xlsb workbook ``data``."""
    check_parts(data, limits)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            book = _Book(archive, limits)
            parts = {name: part for name, _, part in book.sheets}
            choice = choose_sheet([(name, visible) for name, visible, _ in book.sheets], stem, sheet,
                                  None if header is None else lambda n: _has_header(book, parts[n], header, limits))
            out = RawSheet([], sheets=choice.sheets, name=choice.name, hidden_sheets=choice.hidden,
                           by_header=choice.by_header, also_headed=choice.also_headed, charts=book.charts)
            for number, values in _rows(book, book.part(parts[choice.name]), out, limits):
                keep_row(out, number, values, limits)
    except InvalidValue:
        raise
    except Exception as exc:  # a damaged zip, part or record (zlib, XML, struct errors …)
        raise damaged(exc) from None
    width = max((len(cells) for _, cells in out.rows), default=0)
    out.hidden_columns = {c for c in out.hidden_columns if c < width}
    return out
