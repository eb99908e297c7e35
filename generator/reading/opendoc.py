"""Read one sheet of an .ods workbook (OpenDocument, as LibreOffice and WPS save it).

The sheet's XML is streamed (``content.xml``, through defusedxml, each row let go once read), keeping what a
public report needs: merged cells (spans), hidden rows, columns and sheets, and what a cell shows (a date at
the precision its format shows, a percentage as written, text with its line breaks). Repeated empty rows and
columns (LibreOffice writes a million of them at a sheet's end) cost nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import zipfile

from ..contract.limits import Limits
from ..contract.marks import InvalidValue
from .choice import choose_sheet
from .rawsheet import PEEK_ROWS, RawSheet, keep_row, shown_text, shown_value

MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "number": "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0",
}


@functools.cache
def _q(name: str) -> str:
    """``table:name`` as ElementTree spells it, ``{urn:…}name``."""
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


_TABLE, _ROW, _CELL, _COVERED, _COLUMN = (_q(n) for n in ("table:table", "table:table-row", "table:table-cell",
                                                          "table:covered-table-cell", "table:table-column"))
_P, _S, _TAB, _BREAK = (_q(n) for n in ("text:p", "text:s", "text:tab", "text:line-break"))
_STYLE, _DATE_STYLE = _q("style:style"), _q("number:date-style")


def is_ods(data: bytes) -> bool:
    """Whether ``data`` is an OpenDocument spreadsheet: its ``mimetype`` part says so (the first part, stored, as
    the standard asks, or anywhere, as some programs write it)."""
    if data[:4] != b"PK\x03\x04":
        return False
    if MIMETYPE in data[:200]:
        return True
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("mimetype")
            return info.file_size < 200 and archive.read(info).strip() == MIMETYPE
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError):
        return False


class _Styles:
    """What the workbook's styles say: hidden sheets (a table style that does not display) and the precision of
    each date format (a cell style's data style)."""

    def __init__(self):
        self.hidden_tables: set[str] = set()
        self.date_precision: dict[str, str] = {}  # data style -> day, month or year
        self.data_style: dict[str, str] = {}  # cell style -> data style

    def read(self, element) -> None:
        """Take what an automatic or common style element says."""
        name = element.get(_q("style:name"))
        if element.tag == _DATE_STYLE:
            parts = {child.tag.rsplit("}", 1)[1] for child in element}
            self.date_precision[name] = "day" if "day" in parts else "month" if "month" in parts else "year"
        elif element.tag == _STYLE:
            family = element.get(_q("style:family"))
            if family == "table":
                props = element.find(_q("style:table-properties"))
                if props is not None and props.get(_q("table:display")) == "false":
                    self.hidden_tables.add(name)
            elif family == "table-cell" and element.get(_q("style:data-style-name")):
                self.data_style[name] = element.get(_q("style:data-style-name"))

    def date_format(self, cell_style: str | None) -> str:
        """A number format (as Excel writes one) that shows what the cell's date style shows."""
        precision = self.date_precision.get(self.data_style.get(cell_style or "", ""), "day")
        return {"day": "yyyy-mm-dd", "month": "yyyy-mm", "year": "yyyy"}[precision]


def _iterparse(archive: zipfile.ZipFile, part: str, events=("start", "end")):
    from defusedxml.ElementTree import iterparse

    return iterparse(archive.open(part), events=events)


#: The most spaces one ``text:s`` element is taken to write (a cell longer than any limit is refused anyway).
_MOST_SPACES = 100_000


def _count(text: str | None) -> int:
    try:
        return max(1, int(text or "1"))
    except ValueError:
        return 1


def _text(cell) -> str:
    """A text cell's text: its paragraphs on lines of their own, spaces and tabs as written."""
    lines = []
    for p in cell.findall(_P):  # its own paragraphs: not a comment's (office:annotation) nor a drawing's
        parts = []

        def walk(element):
            if element.text:
                parts.append(element.text)
            for child in element:
                if child.tag == _S:
                    parts.append(" " * min(_count(child.get(_q("text:c"))), _MOST_SPACES))
                elif child.tag == _TAB:
                    parts.append("\t")
                elif child.tag == _BREAK:
                    parts.append("\n")
                else:
                    walk(child)
                if child.tail:
                    parts.append(child.tail)

        walk(p)
        lines.append("".join(parts))
    return "\n".join(lines)


def _value(cell, styles: _Styles, column_style: str | None):
    """What a cell shows: a number, a percentage as text, a date at its format's precision, a truth value, text."""
    kind = cell.get(_q("office:value-type"))
    if kind in ("float", "currency", "percentage"):
        try:
            number = float(cell.get(_q("office:value")))
        except (TypeError, ValueError):
            return _text(cell) or None
        if number.is_integer() and abs(number) < 2**53:
            number = int(number)
        return shown_value(number, "0%" if kind == "percentage" else "")
    if kind == "date":
        raw = cell.get(_q("office:date-value")) or ""
        try:
            when = dt.datetime.fromisoformat(raw[:19]) if "T" in raw else dt.date.fromisoformat(raw[:10])
        except ValueError:
            return _text(cell) or None
        return shown_value(when, styles.date_format(cell.get(_q("table:style-name")) or column_style))
    if kind == "boolean":
        return cell.get(_q("office:boolean-value")) == "true"
    return _text(cell) or None


def _repeat(element, attribute: str) -> int:
    return _count(element.get(_q(attribute)))


def _styles(archive: zipfile.ZipFile) -> _Styles:
    styles = _Styles()
    if "styles.xml" in archive.namelist():
        for _, element in _iterparse(archive, "styles.xml", events=("end",)):
            if element.tag in (_STYLE, _DATE_STYLE):
                styles.read(element)
    return styles


def _tables(archive: zipfile.ZipFile, styles: _Styles):
    """(name, visible, columns, rows) of each sheet in order: ``rows`` an iterator of (row element, repeat) to be
    consumed before the next sheet, ``columns`` the sheet's column elements, filled before its first row comes.
    The automatic styles are read into ``styles`` on the way."""
    events = _iterparse(archive, "content.xml")
    for event, element in events:
        if event == "end" and element.tag in (_STYLE, _DATE_STYLE):
            styles.read(element)
        elif event == "start" and element.tag == _TABLE:
            name = element.get(_q("table:name")) or ""
            shown = element.get(_q("table:style-name")) not in styles.hidden_tables
            columns: list = []
            rows = _rows(events, columns)
            yield name, shown, columns, rows
            for _ in rows:  # what the caller did not read
                pass


def _rows(events, columns: list):
    """A sheet's rows as (row element, repeat); its column elements collected into ``columns`` on the way."""
    for event, element in events:
        if event == "end" and element.tag == _COLUMN:
            columns.append(element)
        elif event == "end" and element.tag == _ROW:
            yield element, _repeat(element, "table:number-rows-repeated")
            element.clear()
        elif event == "end" and element.tag == _TABLE:
            return


def _cells(row, styles: _Styles, column_styles: list, limits: Limits, number: int):
    """(column, value, columns spanned, rows spanned) of the row's cells with content."""
    col = 0
    for cell in row:
        if cell.tag not in (_CELL, _COVERED):
            continue
        repeat = _repeat(cell, "table:number-columns-repeated")
        if cell.tag == _CELL and (len(cell) or cell.get(_q("office:value-type"))):
            if col + repeat > limits.columns:
                raise InvalidValue("limit-columns", limit=limits.columns, row=number)
            style = column_styles[col] if col < len(column_styles) else None
            value = _value(cell, styles, style)
            spans = (_repeat(cell, "table:number-columns-spanned"), _repeat(cell, "table:number-rows-spanned"))
            for i in range(repeat):
                yield col + i, value, spans
        col += repeat


def _columns(columns: list, width: int) -> tuple[list, set[int]]:
    """Each column's default cell style, and the hidden columns (among the first ``width``)."""
    styles, hidden, col = [], set(), 0
    for column in columns:
        repeat = _repeat(column, "table:number-columns-repeated")
        step = min(repeat, max(0, width - col))
        styles.extend([column.get(_q("table:default-cell-style-name"))] * step)
        if column.get(_q("table:visibility"), "visible") != "visible":
            hidden.update(range(col, col + step))
        col += repeat
        if col >= width:
            break
    return styles, hidden


def read_ods(data: bytes, stem: str, sheet: str | None, limits: Limits, header=None) -> RawSheet:
    """The sheet chosen as for .xlsx (:func:`.choice.choose_sheet`) of the .ods workbook ``data``."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        size = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise InvalidValue("file-unreadable", reason=str(exc)) from None
    if size > limits.file_mb * 2**20:
        raise InvalidValue("limit-size", size=f"{size / 2**20:.0f}", limit=limits.file_mb)
    try:
        with archive:
            styles = _styles(archive)
            listing = [(name, shown) for name, shown, _, _ in _tables(archive, styles)]
            peeked = {}
            if header is not None and sheet is None:
                peeked = _peek(archive, header, limits)
            choice = choose_sheet(listing, stem, sheet, None if header is None else peeked.get)
            for name, _, columns, rows in _tables(archive, _Styles()):
                if name == choice.name:
                    out = RawSheet([], sheets=choice.sheets, name=name, hidden_sheets=choice.hidden,
                                   by_header=choice.by_header, also_headed=choice.also_headed)
                    _read(columns, rows, styles, out, limits)
                    return out
    except InvalidValue:
        raise
    except Exception as exc:  # noqa: BLE001 - XML that declares entities, a damaged part
        from .workbook import damaged

        raise damaged(exc) from None
    raise InvalidValue("sheet-missing", sheet=choice.name, sheets=choice.sheets)


def _peek(archive: zipfile.ZipFile, header, limits: Limits) -> dict[str, bool]:
    """Whether each sheet's first rows hold one that ``header`` takes for the table's header."""
    found = {}
    for name, _, _, rows in _tables(archive, _Styles()):
        number = 0
        for row, repeat in rows:
            number += repeat
            if number > PEEK_ROWS:
                break
            try:
                values = {col: value for col, value, _ in _cells(row, _Styles(), [], limits, number)}
            except InvalidValue:  # a sheet past the limits is not the one: the chosen sheet's reading says so
                break
            if values and header([values.get(c) for c in range(max(values) + 1)]):
                found[name] = True
                break
    return found


def _read(columns: list, rows, styles: _Styles, out: RawSheet, limits: Limits) -> None:
    number = 0
    column_styles: list | None = None
    for row, repeat in rows:
        if column_styles is None:
            column_styles, _ = _columns(columns, limits.columns)
        hidden = row.get(_q("table:visibility"), "visible") != "visible"
        cells = list(_cells(row, styles, column_styles, limits, number + 1))
        if not cells:  # empty rows, however many
            number += repeat
            continue
        for copy in range(repeat):
            number += 1
            values = {}
            for col, value, (across, down) in cells:
                if isinstance(value, str):
                    value = shown_text(value, number, col, out, limits)
                if value is not None:
                    values[col] = value
                if across > 1 or down > 1:
                    out.merges.append((number, number + down - 1, col, col + across - 1))
            if not values:  # cells that show nothing (spaces, invisible characters): so do their copies
                number += repeat - copy - 1
                break
            if hidden:
                out.hidden_rows.add(number)
            keep_row(out, number, values, limits)
    width = max((len(cells) for _, cells in out.rows), default=0)
    out.hidden_columns = _columns(columns, width)[1]
