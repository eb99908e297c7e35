"""A projects table that keeps a row per report (a platform's export): with ``latest_by`` set, the latest row of
each project."""

from __future__ import annotations

from ..contract.marks import InvalidValue
from ..contract.periods import parse_period
from ..contract.schema import normalize_header
from ..reading.tables import BoundTable
from .cells import as_text


def latest_rows(loader, bound: BoundTable) -> list:
    """With ``latest_by`` set, keep per id only the row with the latest report date."""
    header = loader.config.file("projects").latest_by
    if not header:
        return bound.rows
    col = next((c for c in bound.columns if normalize_header(c.header) == normalize_header(header)), None)
    if col is None:
        loader.log.add("latest-by-missing", file=bound.sheet.label, row=bound.header_row, header=header)
        return bound.rows
    id_col = bound.column("id")
    latest: dict[object, tuple] = {}
    for row in bound.rows:
        cell = row.cells.get(col.field) if col.field else row.extras.get(col.header)
        try:
            when = parse_period(cell, tuple(loader.config.date_formats), loader.config.fiscal_year_start).sort_key()
        except InvalidValue as exc:
            loader.log.add(exc.code, file=bound.sheet.label, row=row.number, column=col.header, value=as_text(cell))
            continue
        key = as_text(row.cells.get("id")) if id_col else row.number
        if key not in latest or when >= latest[key][0]:
            latest[key] = (when, row)
    kept = {id(v[1]) for v in latest.values()}
    return [row for row in bound.rows if id(row) in kept]
