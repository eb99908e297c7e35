"""The check's account of what it was given: the files and sheets read, and what every row of them was read as."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.report import SourceFile
from ..reading.tables import ROW_KINDS


@dataclass(frozen=True)
class Account:
    files: int
    sheets: int  # sheets of workbooks (a CSV file is a file, not a sheet)
    rows: dict[str, int]  # kind -> rows, summed over every file and sheet read (ROW_KINDS)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def account(sources: list[SourceFile]) -> Account:
    """What ``sources`` (the files and sheets a report was read from) held, row by row."""
    rows = dict.fromkeys(ROW_KINDS, 0)
    for source in sources:
        for kind, count in source.account:
            rows[kind] += count
    files = {source.file for source in sources}
    return Account(len(files), sum(source.encoding is None for source in sources), rows)


def per_source(sources: list[SourceFile]) -> list[dict]:
    """Each file or sheet read, with its table and what its rows were read as (for ``validate --format json``)."""
    return [{"table": s.table, "file": s.name, "rows": dict(s.account)} for s in sources]
