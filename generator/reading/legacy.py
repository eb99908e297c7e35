"""Read one sheet of an .xls workbook (Excel 97–2003, as WPS and older Excel save by default).

xlrd reads the binary format with what a public report needs of it: merged cells, hidden rows, columns and
sheets, and each cell's number format (so that a date shows as a date and ``91.8%`` as written). The
chosen sheet is read whole (an .xls holds at most 65,536 rows of 256 columns, and the file size is checked
before); rows go through the same limits and cleaning as every other format's.
"""

from __future__ import annotations

from ..contract.limits import Limits
from ..contract.marks import InvalidValue
from .choice import choose_sheet
from .rawsheet import LOCALE_DATES, PEEK_ROWS, RawSheet, keep_row, shown_text, shown_value

#: How an .xls file (a compound file) starts.
OLE = b"\xd0\xcf\x11\xe0"
#: How the compound file of an encrypted workbook (an .xlsx with a password, or an .xls) names its content.
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


def _book(data: bytes):
    import xlrd

    try:
        return xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True, logfile=_Quiet())
    except Exception as exc:  # xlrd raises many kinds of exception on damaged or encrypted workbooks
        if "encrypt" in str(exc).lower() or _ENCRYPTED in data:
            raise InvalidValue("file-encrypted") from None
        raise InvalidValue("file-unreadable", reason=f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}") from None


class _Quiet:
    """Where xlrd writes its warnings (odd records it passes over): nowhere; they are not the user's to act on."""

    def write(self, text: str) -> int:
        return len(text)


def _cell(book, sheet, r: int, c: int):
    """The value of cell (r, c) as Excel shows it: a date, a percentage as text, text, a number or None."""
    import xlrd

    kind = sheet.cell_type(r, c)
    value = sheet.cell_value(r, c)
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(value, "#N/A")
    if kind == xlrd.XL_CELL_BOOLEAN:
        return bool(value)
    key = book.xf_list[sheet.cell_xf_index(r, c)].format_key
    fmt = book.format_map.get(key)  # a CJK date by id alone: xlrd knows it for a date, not its code
    number_format = (fmt.format_str if fmt is not None else None) or LOCALE_DATES.get(key, "")
    if kind == xlrd.XL_CELL_NUMBER and value.is_integer() and abs(value) < 2**53:
        value = int(value)  # as .xlsx gives a whole number (a code, a count)
    if kind == xlrd.XL_CELL_DATE:
        try:
            value = xlrd.xldate.xldate_as_datetime(value, book.datemode)
        except (xlrd.xldate.XLDateError, OverflowError, ValueError):
            return value
    return shown_value(value, number_format)


def _has_header(book, name: str, header) -> bool:
    try:
        sheet = book.sheet_by_name(name)
        return any(header([_cell(book, sheet, r, c) for c in range(sheet.row_len(r))])
                   for r in range(min(sheet.nrows, PEEK_ROWS)))
    except Exception:  # a damaged sheet is not the one: the chosen sheet's reading reports what is wrong
        return False


def read_xls(data: bytes, stem: str, sheet: str | None, limits: Limits, header=None) -> RawSheet:
    """The sheet chosen as for .xlsx (:func:`.choice.choose_sheet`) of the .xls workbook ``data``."""
    book = _book(data)
    try:
        return _read(book, stem, sheet, limits, header)
    except InvalidValue:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged record in a sheet xlrd loads only when asked
        raise InvalidValue("file-unreadable", reason=f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}") from None
    finally:
        book.release_resources()


def _read(book, stem: str, sheet: str | None, limits: Limits, header) -> RawSheet:
    """The chosen sheet of ``book``, its rows as shown."""
    # each sheet's name and visibility, as the workbook lists them (its sheets are loaded only when read)
    visibility = getattr(book, "_sheet_visibility", None) or [0] * book.nsheets
    sheets = [(name, visibility[i] == 0) for i, name in enumerate(book.sheet_names())]
    choice = choose_sheet(sheets, stem, sheet, None if header is None else lambda n: _has_header(book, n, header))
    ws = book.sheet_by_name(choice.name)
    out = RawSheet([], sheets=choice.sheets, name=choice.name, hidden_sheets=choice.hidden,
                   by_header=choice.by_header, also_headed=choice.also_headed)
    for r in range(ws.nrows):
        number, values = r + 1, {}
        for c in range(ws.row_len(r)):
            value = _cell(book, ws, r, c)
            if isinstance(value, str):
                value = shown_text(value, number, c, out, limits)
            if value is not None:
                values[c] = value
        keep_row(out, number, values, limits)
    width = max((len(cells) for _, cells in out.rows), default=0)
    out.hidden_rows = {r + 1 for r, info in ws.rowinfo_map.items() if info.hidden or info.height == 0}
    out.hidden_columns = {c for c, info in ws.colinfo_map.items() if c < width and (info.hidden or info.width == 0)}
    out.merges = [(r1 + 1, r2, c1, c2 - 1) for r1, r2, c1, c2 in ws.merged_cells]
    return out
