"""An openpyxl workbook saved again as .xls (xlwt), .ods (odfpy) and .xlsb (written here, record by record), as
Excel 2003, WPS, LibreOffice or Excel's binary format would save the same sheets: every sheet with its values,
merged cells, number formats (dates, percentages), hidden rows, columns and sheets."""

from __future__ import annotations

import datetime as dt
import struct
import zipfile
from pathlib import Path

import openpyxl


def _merged(ws) -> tuple[dict, set]:
    """Top-left cell -> (rows, columns) spanned; and the other cells of each merge."""
    spans, covered = {}, set()
    for merge in ws.merged_cells.ranges:
        spans[(merge.min_row, merge.min_col)] = (merge.max_row - merge.min_row + 1, merge.max_col - merge.min_col + 1)
        covered.update((r, c) for r in range(merge.min_row, merge.max_row + 1)
                       for c in range(merge.min_col, merge.max_col + 1) if (r, c) != (merge.min_row, merge.min_col))
    return spans, covered


def _date_format(fmt: str) -> str:
    return fmt if fmt and fmt != "General" else "yyyy-mm-dd"


def save_xls(book: openpyxl.Workbook, path: Path) -> Path:
    """``book`` as an Excel 97–2003 workbook."""
    import xlwt

    out = xlwt.Workbook(encoding="utf-8")
    styles: dict[str, object] = {}

    def style(fmt: str):
        if fmt not in styles:
            styles[fmt] = xlwt.easyxf(num_format_str=fmt) if fmt and fmt != "General" else xlwt.Style.default_style
        return styles[fmt]

    for ws in book.worksheets:
        sheet = out.add_sheet(ws.title, cell_overwrite_ok=True)
        if ws.sheet_state != "visible":
            sheet.visibility = 1
        spans, _ = _merged(ws)
        for (r, c), (down, across) in spans.items():
            sheet.merge(r - 1, r + down - 2, c - 1, c + across - 2)
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if value is None:
                    continue
                if isinstance(value, (dt.datetime, dt.date)):
                    sheet.write(cell.row - 1, cell.column - 1, value, style(_date_format(cell.number_format)))
                else:
                    sheet.write(cell.row - 1, cell.column - 1, value, style(cell.number_format))
        for number, dim in ws.row_dimensions.items():
            if dim.hidden:
                sheet.row(number - 1).hidden = True
        for letter, dim in ws.column_dimensions.items():
            if dim.hidden:
                for col in range(dim.min or openpyxl.utils.column_index_from_string(letter),
                                 (dim.max or openpyxl.utils.column_index_from_string(letter)) + 1):
                    sheet.col(col - 1).hidden = True
    out.save(str(path))
    return path


def save_ods(book: openpyxl.Workbook, path: Path) -> Path:
    """``book`` as an OpenDocument spreadsheet."""
    from odf import number as ns
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableProperties
    from odf.table import CoveredTableCell, Table, TableCell, TableColumn, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    hidden_table = Style(name="hiddentable", family="table")
    hidden_table.addElement(TableProperties(display="false"))
    doc.automaticstyles.addElement(hidden_table)
    for name, parts in (("day", (ns.Year, ns.Month, ns.Day)), ("month", (ns.Year, ns.Month)), ("year", (ns.Year,))):
        date_style = ns.DateStyle(name=f"N{name}")
        for i, part in enumerate(parts):
            if i:
                date_style.addElement(ns.Text(text="-"))
            date_style.addElement(part(style="long"))
        doc.automaticstyles.addElement(date_style)
        cell_style = Style(name=f"date{name}", family="table-cell", datastylename=f"N{name}")
        doc.automaticstyles.addElement(cell_style)

    for ws in book.worksheets:
        table = Table(name=ws.title, **({"stylename": "hiddentable"} if ws.sheet_state != "visible" else {}))
        width = ws.max_column
        hidden_columns = set()
        for letter, dim in ws.column_dimensions.items():
            if dim.hidden:
                first = dim.min or openpyxl.utils.column_index_from_string(letter)
                hidden_columns.update(range(first, (dim.max or first) + 1))
        for col in range(1, width + 1):
            table.addElement(TableColumn(visibility="collapse") if col in hidden_columns else TableColumn())
        spans, covered = _merged(ws)
        for r in range(1, ws.max_row + 1):
            hidden = ws.row_dimensions[r].hidden if r in ws.row_dimensions else False
            row = TableRow(visibility="collapse") if hidden else TableRow()
            for c in range(1, width + 1):
                if (r, c) in covered:
                    row.addElement(CoveredTableCell())
                    continue
                cell = ws.cell(r, c)
                attrs = {}
                if (r, c) in spans:
                    attrs = {"numberrowsspanned": spans[(r, c)][0], "numbercolumnsspanned": spans[(r, c)][1]}
                row.addElement(_ods_cell(cell, attrs, TableCell, P))
            table.addElement(row)
        doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def _ods_cell(cell, attrs: dict, TableCell, P):
    value, fmt = cell.value, cell.number_format or ""
    if value is None:
        return TableCell(**attrs)
    if isinstance(value, bool):
        out = TableCell(valuetype="boolean", booleanvalue="true" if value else "false", **attrs)
        out.addElement(P(text="TRUE" if value else "FALSE"))
        return out
    if isinstance(value, (dt.datetime, dt.date)):
        shown = _date_format(fmt).lower().replace('"', "")
        precision = "day" if "d" in shown else "month" if "m" in shown else "year"
        out = TableCell(valuetype="date", datevalue=value.isoformat(), stylename=f"date{precision}", **attrs)
        out.addElement(P(text=value.isoformat()[:10]))
        return out
    if isinstance(value, (int, float)):
        kind = "percentage" if "%" in fmt else "float"
        out = TableCell(valuetype=kind, value=str(value), **attrs)
        out.addElement(P(text=f"{value * 100:g}%" if kind == "percentage" else f"{value:g}"))
        return out
    out = TableCell(valuetype="string", **attrs)
    for line in str(value).split("\n"):
        out.addElement(P(text=line))
    return out


def _record(kind: int, body: bytes = b"") -> bytes:
    """One [MS-XLSB] record: its type and length as 7-bit groups, then its data."""
    head = bytes([kind]) if kind < 0x80 else bytes([(kind & 0x7F) | 0x80, kind >> 7])
    size, length = len(body), b""
    while True:
        byte, size = size & 0x7F, size >> 7
        length += bytes([byte | (0x80 if size else 0)])
        if not size:
            break
    return head + length + body


def _wide(text: str) -> bytes:
    data = text.encode("utf-16-le")
    return struct.pack("<I", len(data) // 2) + data


def save_xlsb(book: openpyxl.Workbook, path: Path, inline_strings: bool = False, by_id: dict | None = None) -> Path:
    """``book`` as an Excel binary workbook: shared strings (or strings in the cells), whole numbers as RK
    numbers and others as doubles, each number format a cell format, hidden rows, columns and sheets, merges.
    ``by_id``: number formats written by built-in id alone, with no code (format -> id), as a Chinese Excel does."""
    by_id = by_id or {}
    strings: dict[str, int] = {}
    formats: list[str] = ["General"]  # cell format i shows number format formats[i]
    parts: dict[str, bytes] = {}
    for index, ws in enumerate(book.worksheets, 1):
        body = [_record(129), _record(148, struct.pack("<IIII", 0, max(ws.max_row - 1, 0), 0, max(ws.max_column - 1, 0)))]
        hidden_columns = []
        for letter, dim in ws.column_dimensions.items():
            if dim.hidden:
                first = dim.min or openpyxl.utils.column_index_from_string(letter)
                hidden_columns.append((first - 1, (dim.max or first) - 1))
        if hidden_columns:
            body.append(_record(390))
            body += [_record(60, struct.pack("<IIIIH", a, b, 9 * 256, 0, 0x01)) for a, b in hidden_columns]
            body.append(_record(391))
        body.append(_record(145))
        for r in range(1, ws.max_row + 1):
            hidden = r in ws.row_dimensions and ws.row_dimensions[r].hidden
            cells = [ws.cell(r, c) for c in range(1, ws.max_column + 1)]
            if not hidden and all(cell.value is None for cell in cells):
                continue
            body.append(_record(0, struct.pack("<IIHBBBI", r - 1, 0, 300, 0, 0x10 if hidden else 0, 0, 0)))
            for cell in cells:
                if cell.value is not None:
                    body.append(_xlsb_cell(cell, strings, formats, inline_strings))
        body.append(_record(146))
        merges = list(ws.merged_cells.ranges)
        if merges:
            body.append(_record(177, struct.pack("<I", len(merges))))
            body += [_record(176, struct.pack("<IIII", m.min_row - 1, m.max_row - 1, m.min_col - 1, m.max_col - 1))
                     for m in merges]
            body.append(_record(178))
        body.append(_record(130))
        parts[f"xl/worksheets/sheet{index}.bin"] = b"".join(body)
    states = {"visible": 0, "hidden": 1, "veryHidden": 2}
    sheets = b"".join(_record(156, struct.pack("<II", states[ws.sheet_state], i) + _wide(f"rId{i}")
                                  + _wide(ws.title)) for i, ws in enumerate(book.worksheets, 1))
    parts["xl/workbook.bin"] = (_record(131) + _record(153, struct.pack("<II", 0, 0) + _wide("")) + _record(143)
                                + sheets + _record(144) + _record(132))
    custom = {fmt: 164 + i for i, fmt in enumerate(f for f in formats if f != "General" and f not in by_id)}
    parts["xl/styles.bin"] = (
        _record(278) + _record(615, struct.pack("<I", len(custom)))
        + b"".join(_record(44, struct.pack("<H", number) + _wide(fmt)) for fmt, number in custom.items())
        + _record(616) + _record(617, struct.pack("<I", len(formats)))
        + b"".join(_record(47, struct.pack("<HHHHHBBHBB", 0xFFFF, number, 0, 0, 0, 0, 0, 0, 0, 0))
                   for fmt, number in ((f, by_id.get(f, custom.get(f, 0))) for f in formats))
        + _record(618) + _record(279))
    parts["xl/sharedStrings.bin"] = (
        _record(159, struct.pack("<II", len(strings), len(strings)))
        + b"".join(_record(19, b"\0" + _wide(text)) for text in strings) + _record(160))
    kinds = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    rels = "".join(f'<Relationship Id="rId{i}" Type="{kinds}/worksheet" Target="worksheets/sheet{i}.bin"/>'
                   for i in range(1, len(book.worksheets) + 1))
    rels += (f'<Relationship Id="rIdS" Type="{kinds}/styles" Target="styles.bin"/>'
             f'<Relationship Id="rIdT" Type="{kinds}/sharedStrings" Target="sharedStrings.bin"/>')
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.bin" ContentType="application/vnd.ms-excel.worksheet"/>'
                        for i in range(1, len(book.worksheets) + 1))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("[Content_Types].xml",
                     '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>'
                     '<Override PartName="/xl/styles.bin" ContentType="application/vnd.ms-excel.styles"/>'
                     '<Override PartName="/xl/sharedStrings.bin" ContentType="application/vnd.ms-excel.sharedStrings"/>'
                     f"{overrides}</Types>")
        out.writestr("_rels/.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{package}">'
                     f'<Relationship Id="rId1" Type="{kinds}/officeDocument" Target="xl/workbook.bin"/></Relationships>')
        out.writestr("xl/_rels/workbook.bin.rels",
                     f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{package}">{rels}</Relationships>')
        for name, data in parts.items():
            out.writestr(name, data)
    return path


def _xlsb_cell(cell, strings: dict, formats: list, inline_strings: bool) -> bytes:
    value, fmt = cell.value, cell.number_format or "General"
    if isinstance(value, (dt.datetime, dt.date)):
        fmt = _date_format(fmt)
        moment = value if isinstance(value, dt.datetime) else dt.datetime(value.year, value.month, value.day)
        value = (moment - dt.datetime(1899, 12, 30)).total_seconds() / 86400
    if fmt not in formats:
        formats.append(fmt)
    head = struct.pack("<II", cell.column - 1, formats.index(fmt))
    if isinstance(value, bool):
        return _record(4, head + bytes([value]))
    if isinstance(value, int) and -2**29 <= value < 2**29:
        return _record(2, head + struct.pack("<i", value << 2 | 0x02))
    if isinstance(value, (int, float)):
        return _record(5, head + struct.pack("<d", value))
    if inline_strings:
        return _record(6, head + _wide(str(value)))
    return _record(7, head + struct.pack("<I", strings.setdefault(str(value), len(strings))))
