"""A projects table kept over several sheets of one workbook (续建项目, 新开工项目, 前期项目, 招商项目): every sheet whose
header is a projects table is read and bound, and a sheet named after a stage or a category gives its rows that
stage or category."""

from __future__ import annotations

import re
from pathlib import Path

from ..contract.marks import InvalidValue
from ..contract.schema import TABLES
from ..contract.vocab import CATEGORY_WORDS, Vocabulary
from ..reading.headers import HeaderMatcher
from ..reading.rows import heading_stage
from ..reading.sources import Sheet, read_sheet
from ..reading.tables import BoundTable, bind
from ..text.problems import ProblemLog
from .summary import is_summary


_CATEGORIES = Vocabulary(CATEGORY_WORDS)
#: What a sheet that holds no table is called: instructions, contents, a cover, charts.
NOT_TABLES = re.compile(r"说明|目录|封面|图|附注|备注|指标解释|填报要求|readme|notes?$|contents|chart", re.I)


def name_unread_sheet(loader, path: Path, name: str, table: str, header: str) -> None:
    """Say that the sheet ``name`` of a table's workbook was not read: a note for one that holds no table (说明, an
    empty Sheet2, another table's sheet), else a warning, since its rows may be projects."""
    where = f"{loader.label(path)}[{name}]"
    others = {n.casefold() for n in TABLES if n != table} | {
        s.casefold() for n in TABLES if (s := loader.config.file(n).sheet)}
    holds_table = not NOT_TABLES.search(name) and name.casefold() not in others and not is_summary(name)
    code = "sheet-not-read" if holds_table and _holds_rows(loader, path, where, table, name) else "sheet-not-table"
    loader.log.add(code, file=where, table=table, header=header)


def _holds_rows(loader, path: Path, where: str, table: str, name: str) -> bool:
    try:
        return bool(read_sheet(path, where, table, loader.config.encoding, name, loader.config.limits).rows)
    except InvalidValue:  # past the limits, or damaged: something is there
        return True


def from_sheet_name(bound: BoundTable) -> None:
    """Rows with no stage of their own (no section heading above them) take the one their sheet's name says
    (续建项目, 2025年新开工项目); rows with no category cell, the category it says (招商项目)."""
    name = re.sub(r"^\d{4}年度?", "", bound.sheet.name.strip())
    stage, _ = heading_stage(name)
    category = _CATEGORIES.get(name)
    for row in bound.rows:
        if stage is not None and row.stage is None:
            row.stage = stage
        row.category = category


def within_limits_together(loader, read: list) -> bool:
    """The rows of a table's sheets, (sheet, bound) each, within the rows limit taken together (each is within it
    alone): else an error at the first row past it."""
    most, seen = loader.config.limits.rows, 0
    for sheet, bound in read:
        if seen + len(bound.rows) > most:
            loader.log.add("limit-rows", file=sheet.label, row=bound.rows[most - seen].number, limit=most)
            return False
        seen += len(bound.rows)
    return True


def other_sheets(loader, path: Path, first: Sheet, name: str, matcher: HeaderMatcher,
                 log: ProblemLog | None = None) -> list[tuple[Sheet, BoundTable]]:
    """The workbook's other sheets whose header holds the table's key column, each read and bound (a sheet that
    cannot be read is a problem naming it, in ``log`` or the loader's, and left out)."""
    log = log or loader.log
    found = []
    for other in first.also_headed:
        try:
            sheet = read_sheet(path, loader.label(path), name, loader.config.encoding, other, loader.config.limits)
        except InvalidValue as exc:
            log.add(exc.code, file=f"{loader.label(path)}[{other}]", **exc.params)
            continue
        bound = bind(sheet, matcher.table, matcher, loader.config.money, log)
        if bound is not None:
            found.append((sheet, bound))
    return found
