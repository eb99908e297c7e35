"""What a sheet hides or holds unseen, said rather than published: columns the workbook hides, and cells that
held invisible characters."""

from __future__ import annotations

from ..contract.marks import code_points
from ..text.problems import ProblemLog
from .rawsheet import column_letter
from .sources import Sheet


def hide_columns(sheet: Sheet, parts: list[tuple[str, ...]], header_number: int, log: ProblemLog) -> set[int]:
    """Columns the workbook hides are not read: their headers are taken out, and a warning names them."""
    if not sheet.hidden_columns:
        return set()
    below = [cells for number, cells in sheet.rows if number >= header_number]
    hidden = {i for i in sheet.hidden_columns if any(i < len(cells) and cells[i] is not None for cells in below)}
    if not hidden:
        return hidden
    names = ["/".join(parts[i]) if i < len(parts) and parts[i] else column_letter(i) for i in sorted(hidden)]
    for i in hidden:
        if i < len(parts):
            parts[i] = ()
    log.add("hidden-columns", file=sheet.label, row=header_number, count=len(hidden), headers=[f"“{n}”" for n in names])
    return hidden


def report_invisible(sheet: Sheet, columns: list, header_number: int, log: ProblemLog) -> None:
    """Each cell from the header down that held invisible characters (they were removed when it was read)."""
    headers = {c.index: c.header for c in columns if c.header}
    for (row, col), chars in sorted(sheet.invisible.items()):
        if row < header_number or col in sheet.hidden_columns:
            continue
        log.add("text-invisible", file=sheet.label, row=row, column=headers.get(col) or column_letter(col),
                chars="、".join(code_points(chars)))
