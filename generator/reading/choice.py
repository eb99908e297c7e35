"""Which sheet of a workbook gives a table, whatever the workbook's format."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..contract.marks import InvalidValue

#: The most sheets a workbook may have: a province's workbook of a sheet per county has a hundred or two.
MAX_SHEETS = 500


@dataclass
class Choice:
    """The sheet to read, and what the choice passed over."""

    name: str
    sheets: list[str]
    hidden: list[str] = field(default_factory=list)  # sheets the workbook hides: read only when named
    by_header: bool = False  # chosen because its header holds the table's key column (no sheet named after it)
    also_headed: list[str] = field(default_factory=list)  # other visible sheets whose header would do as well


def choose_sheet(sheets: list[tuple[str, bool]], stem: str, sheet: str | None,
                 headed: Callable[[str], bool] | None) -> Choice:
    """The sheet named ``sheet``, else a visible one named like ``stem``, else the first visible one whose top rows
    ``headed`` takes for the table's header, else the first visible one. ``sheets``: (name, visible), in order."""
    names = [name for name, _ in sheets]
    if not names:
        raise InvalidValue("sheet-none")
    if len(names) > MAX_SHEETS:  # each may be read to be accounted for: a workbook of thousands would never end
        raise InvalidValue("limit-sheets", count=len(names), limit=MAX_SHEETS)
    if sheet is not None:
        if sheet not in names:
            raise InvalidValue("sheet-missing", sheet=sheet, sheets=names)
        return Choice(sheet, names)
    shown = [name for name, seen in sheets if seen]
    if not shown:
        raise InvalidValue("sheet-all-hidden", sheets=names)
    hidden = [name for name in names if name not in shown]
    named = next((name for name in shown if name.strip().casefold() == stem), None)
    if named is not None:
        return Choice(named, names, hidden)
    if headed is not None and len(shown) > 1:
        with_header = [name for name in shown if headed(name)]
        if with_header:
            return Choice(with_header[0], names, hidden, by_header=True, also_headed=with_header[1:])
    return Choice(shown[0], names, hidden)
