"""An openpyxl workbook saved again as .xls (xlwt) and as .ods (odfpy), as Excel 2003, WPS or LibreOffice would
save the same sheets: every sheet with its values, merged cells, number formats (dates, percentages), hidden
rows, columns and sheets."""

from __future__ import annotations

import datetime as dt
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
