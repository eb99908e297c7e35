"""Read one sheet of an .xlsx workbook: once, streaming, within limits, with what Excel hides.

openpyxl's read-only mode streams the sheet but drops what a public report needs: merged cells, hidden rows
and columns, and formulas that have no saved result. So the sheet's XML is read here with openpyxl's own
sheet parser (one pass, a cell's value as Excel last saved it), keeping those as it goes. Empty cells, even
formatted ones by the million (a sheet's "used range" after years of editing), cost almost nothing.
Uses openpyxl 3.1 internals (``WorkSheetParser``, a read-only sheet's source and the workbook's formats); the
tests read real workbooks through it.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile

from ..contract.limits import HEADROOM_CELLS, Limits
from ..contract.marks import InvalidValue
from .choice import choose_sheet
from .rawsheet import LOCALE_DATES, PEEK_ROWS, Formula, RawSheet, keep_row, shown_text, shown_value

#: What a file given as .xlsx may really be, by its first bytes.
_MARKUP = re.compile(rb"^\s*(?:<!--.*?-->\s*)*(?:<!doctype|<html|<\?xml|<table|<meta|<head|<body|<style|mime-version:)", re.I | re.S)


def _has_header(ws, header) -> bool:
    """Whether one of the sheet's first rows is, by ``header``, the table's header (the rest is not read)."""
    try:
        return any(header(list(row)) for row in ws.iter_rows(max_row=PEEK_ROWS, values_only=True))
    except Exception:  # a damaged sheet is not the one: the chosen sheet's reading reports what is wrong
        return False


def sniff(data: bytes) -> None:
    """Raise a problem that says what a file given as a workbook really is, when it is no workbook."""
    if data.startswith(b"PK\x03\x04"):
        return
    head = data[:4096]
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            head = head[len(bom):].decode(encoding, "ignore").encode("utf-8")
            break
    if _MARKUP.match(head):
        raise InvalidValue("file-html")
    raise InvalidValue("file-not-workbook")


#: The most start tags the parts that openpyxl reads whole may hold: styles (Excel keeps at most 64,000 cell
#: formats, each a few elements), and the workbook part (sheets and defined names). Shared strings may hold
#: as many strings as the file may hold cells, each a few elements.
MAX_STYLE_ELEMENTS = 400_000
MAX_WORKBOOK_ELEMENTS = 100_000
_START_TAG = re.compile(rb"<[A-Za-z_]")
_STRING = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s>/]")


def _count(archive: zipfile.ZipFile, name: str, pattern: re.Pattern, most: int) -> bool:
    """Whether ``pattern`` occurs more than ``most`` times in a part, read in pieces (never unpacked whole)."""
    count, tail = 0, b""
    with archive.open(name) as part:
        while chunk := part.read(1 << 20):
            data = tail + chunk
            cut = max(0, len(data) - 64)  # a match that may go on in the next piece is counted with it
            count += len(pattern.findall(data, 0, cut))
            tail = data[cut:]
            if count > most:
                return True
    return count + len(pattern.findall(tail)) > most


def check_parts(data: bytes, limits: Limits) -> None:
    """Refuse a workbook whose parts unpack to more than the limit (a zip bomb, a sheet of white space), or
    whose styles, shared strings or workbook part are far more than any table needs: checked before anything
    is parsed, so that neither memory nor time runs away."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            size = sum(info.file_size for info in archive.infolist())
            if size > limits.file_mb * 2**20:
                raise InvalidValue("limit-size", size=f"{size / 2**20:.0f}", limit=limits.file_mb)
            for info in archive.infolist():
                name = info.filename.lower()
                if name.endswith("styles.xml") and _count(archive, info.filename, _START_TAG, MAX_STYLE_ELEMENTS):
                    raise InvalidValue("limit-part", part=info.filename, limit=MAX_STYLE_ELEMENTS)
                if name.endswith("sharedstrings.xml") and (
                        _count(archive, info.filename, _STRING, limits.cells + HEADROOM_CELLS)
                        or _count(archive, info.filename, _START_TAG, 4 * (limits.cells + HEADROOM_CELLS))):
                    raise InvalidValue("limit-cells", limit=limits.cells)
                if name.endswith("workbook.xml") and _count(archive, info.filename, _START_TAG, MAX_WORKBOOK_ELEMENTS):
                    raise InvalidValue("limit-part", part=info.filename, limit=MAX_WORKBOOK_ELEMENTS)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise InvalidValue("file-unreadable", reason=str(exc)) from None


#: Cells and rows with nothing in them, as Excel writes them for formatting alone.
_EMPTY_CELL = re.compile(rb'<c r="[A-Z]{1,3}[0-9]+"(?: s="[0-9]+")?(?: t="[a-z]+")?/>')
_EMPTY_ROW = re.compile(rb'<row r="[0-9]+"[^<>]*?(?:/>|></row>)')


class _Skimmed(io.RawIOBase):
    """A sheet's XML with its empty cells and rows taken out before it is parsed (they can be millions)."""

    def __init__(self, source, chunk: int = 1 << 20):
        self.source, self.chunk = source, chunk
        self.pending, self.at, self.held = memoryview(b""), 0, b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while self.at >= len(self.pending):
            data = self.source.read(self.chunk)
            if not data:
                self.pending, self.at, self.held = memoryview(self.held), 0, b""
                if not len(self.pending):
                    return 0
                break
            data = self.held + data
            cut = data.rfind(b"<")  # an element may go on in the next chunk
            self.pending, self.at, self.held = memoryview(_EMPTY_ROW.sub(b"", _EMPTY_CELL.sub(b"", data[:cut]))), 0, data[cut:]
        n = min(len(buffer), len(self.pending) - self.at)
        buffer[:n] = self.pending[self.at:self.at + n]
        self.at += n
        return n

    def close(self) -> None:
        self.source.close()
        super().close()


def damaged(exc: BaseException) -> InvalidValue:
    """The problem for a workbook openpyxl could not read: XML that declares entities (defusedxml refuses it),
    else the first line of the innermost error."""
    from defusedxml import DefusedXmlException

    chain = [exc]
    while chain[-1].__cause__ or chain[-1].__context__:
        chain.append(chain[-1].__cause__ or chain[-1].__context__)
    if any(isinstance(e, DefusedXmlException) for e in chain):
        return InvalidValue("file-unsafe-xml")
    root = chain[-1]
    return InvalidValue("file-unreadable", reason=f"{type(root).__name__}: {str(root).splitlines()[0] if str(root) else ''}")


def _parser_class():
    from openpyxl.utils.cell import coordinate_to_tuple
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class SheetParser(WorkSheetParser):
        """openpyxl's parser, skipping cells that hold nothing, noting hidden rows and formulas without a result."""

        hidden_rows: set

        def parse_row(self, row):
            r = row.get("r")
            self.row_counter = int(float(r)) if r is not None else self.row_counter + 1
            self.col_counter = 0
            if row.get("hidden") in ("1", "true") or _zero(row.get("ht")):  # hidden, or no height at all
                self.hidden_rows.add(self.row_counter)
            cells, at = [], None
            for element in row:
                if not len(element):  # no value, inline string or formula: an empty (perhaps formatted) cell
                    at = element.get("r")
                    if at is None:
                        self.col_counter += 1
                    continue
                if at is not None and element.get("r") is None:
                    self.col_counter = coordinate_to_tuple(at)[1]
                at = None
                cell = self.parse_cell(element)
                if cell["value"] is None and element.find(FORMULA_TAG) is not None:
                    cell["value"] = Formula("=" + (element.findtext(FORMULA_TAG) or ""))
                cells.append(cell)
            return self.row_counter, cells

    return SheetParser


def read_workbook(data: bytes, stem: str, sheet: str | None, limits: Limits, header=None) -> RawSheet:
    """The sheet named ``sheet``, else one named like ``stem``, else the first whose top rows hold a row that
    ``header`` (a test of a row's cells) takes for the table's header, else the first, of the workbook ``data``."""
    sniff(data)
    check_parts(data, limits)
    import openpyxl
    from openpyxl.cell.read_only import ReadOnlyCell
    from openpyxl.utils import range_boundaries

    try:
        with warnings.catch_warnings():  # what openpyxl warns of (no styles, unknown extensions) is not the user's
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds of exception on damaged workbooks
        raise damaged(exc) from None
    try:
        worksheets = {ws.title: ws for ws in book.worksheets}  # chart sheets hold no table
        choice = choose_sheet([(name, ws.sheet_state == "visible") for name, ws in worksheets.items()], stem, sheet,
                              None if header is None else lambda name: _has_header(worksheets[name], header))
        chosen = choice.name
        ws = worksheets[chosen]
        formats = {i: LOCALE_DATES[s.numFmtId] for i, s in enumerate(book._cell_styles) if s.numFmtId in LOCALE_DATES}
        parser = _parser_class()(io.BufferedReader(_Skimmed(ws._get_source())), ws._shared_strings, data_only=True, epoch=book.epoch,
                                 date_formats=book._date_formats | set(formats), timedelta_formats=book._timedelta_formats)
        parser.hidden_rows = set()
        out = RawSheet([], sheets=choice.sheets, name=chosen, hidden_sheets=choice.hidden, by_header=choice.by_header,
                       also_headed=choice.also_headed, charts=[chart.title for chart in book.chartsheets])
        try:
            for number, cells in parser.parse():
                keep_row(out, number, _values(number, cells, ws, formats, out, limits, ReadOnlyCell), limits)
        except InvalidValue:
            raise
        except Exception as exc:  # a damaged sheet part
            raise damaged(exc) from None
        out.hidden_rows = parser.hidden_rows
        width = max((len(cells) for _, cells in out.rows), default=0)
        for attrs in parser.column_dimensions.values():
            if attrs.get("hidden") in ("1", "true") or _zero(attrs.get("width")):
                first, last = int(attrs.get("min", 0)), int(attrs.get("max", 0))
                out.hidden_columns.update(range(first - 1, min(last, width)))
        if parser.merged_cells is not None:
            for merge in parser.merged_cells.mergeCell:
                c1, r1, c2, r2 = range_boundaries(merge.ref)
                out.merges.append((r1, r2, c1 - 1, c2 - 1))
        return out
    finally:
        book.close()


def _zero(size: str | None) -> bool:
    """A row height or column width of zero: Excel shows it as hidden."""
    try:
        return size is not None and float(size) == 0
    except ValueError:
        return False


#: How OOXML writes a character XML cannot hold (a control character): ``_x0001_``; ``_x005F_`` is ``_``.
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _values(number: int, cells: list[dict], ws, formats: dict, out: RawSheet, limits: Limits, cell_class) -> dict:
    """One row's values as shown, by 0-based column."""
    values: dict[int, object] = {}
    for cell in cells:
        value = cell["value"]
        col = cell["column"] - 1
        if isinstance(value, str) and not isinstance(value, Formula):
            if "_x" in value:
                value = _ESCAPED.sub(lambda m: chr(int(m[1], 16)), value)
            value = shown_text(value, number, col, out, limits)
        else:
            style = cell["style_id"]
            if style and not isinstance(value, str):
                if style not in formats:
                    formats[style] = cell_class(ws, number, col + 1, None, "n", style).number_format
                value = shown_value(value, formats[style])
        if value is not None:
            values[col] = value
    return values
