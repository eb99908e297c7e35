"""A workbook's 汇总 sheet: totals by place, stage or category, not projects. Each of its rows is checked against
the projects it sums (their count, and each amount both give); a disagreement is a warning naming the cell."""

from __future__ import annotations

from pathlib import Path

from ..contract.amounts import tolerance, total, written_like
from ..contract.marks import InvalidValue, fold
from ..contract.vocab import CATEGORY_WORDS, Vocabulary
from ..reading.headers import HeaderMatcher
from ..reading.rawsheet import PEEK_ROWS
from ..reading.rows import heading_stage
from ..reading.sources import read_sheet
from ..reading.tables import BoundTable, bind
from ..text.problems import ProblemLog
from .checks import AMOUNTS

#: What a summary sheet is called (汇总, 汇总表, 分县区汇总, 总表).
SUMMARY_WORDS = ("汇总", "总表", "合计")
#: Headers of a summary's count column.
COUNT_WORDS = ("项目数", "项目个数", "个数", "数量")
_CATEGORIES = Vocabulary(CATEGORY_WORDS)


def is_summary(sheet_name: str) -> bool:
    return any(word in sheet_name for word in SUMMARY_WORDS)


def _label_header(sheet, matcher: HeaderMatcher) -> tuple[list, str, int | None] | None:
    """(the header's cells, the label column's header, the count column) of the summary's header: the first row
    holding an amount the projects table knows or a count of projects; its first other text labels the rows."""
    for _, cells in sheet.rows[:PEEK_ROWS]:
        fields = [matcher.match(c).field for c in cells]
        count = next((i for i, c in enumerate(cells) if c is not None and any(w in str(c) for w in COUNT_WORDS)), None)
        if (count is None and not any(f in AMOUNTS for f in fields)) or sum(c is not None for c in cells) < 2:
            continue  # a title (全市重点项目数量及投资情况汇总表) is no header
        label = next((str(c).strip() for i, (c, f) in enumerate(zip(cells, fields)) if c is not None
                      and f in (None, "place", "stage", "category") and str(c).strip() not in ("序号",) and i != count), None)
        if label:
            return cells, label, count
    return None


def _projects_of(label: str, projects) -> list | None:
    """The projects a summary row's label stands for: a stage, a category or a place; None when it names none."""
    stage, _ = heading_stage(label)
    if stage is not None:
        return [p for p in projects if p.stage is stage]
    category = _CATEGORIES.get(label)
    if category is not None:
        return [p for p in projects if p.category is category]
    places = [p for p in projects if p.place and fold(p.place) == fold(label)]
    return places or None


def read_summary(loader, path: Path, name: str, table, settings) -> tuple[BoundTable, list, int | None] | None:
    """The summary sheet ``name`` of the workbook at ``path`` bound to ``table`` (its rows labelled by place, stage
    or category), with its header's cells and count column; accounted for as read, its labelled rows as subtotals.
    None (the reason logged when the sheet cannot be read) when it holds no amount the projects table knows."""
    try:
        sheet = read_sheet(path, loader.label(path), "projects", loader.config.encoding, name, loader.config.limits)
    except InvalidValue as exc:
        loader.log.add(exc.code, file=f"{loader.label(path)}[{name}]", **exc.params)
        return None
    found = _label_header(sheet, HeaderMatcher(table, settings.columns))
    bound = None
    if found is not None:
        matcher = HeaderMatcher(table, {**settings.columns, "name": found[1]})
        bound = bind(sheet, table, matcher, loader.config.money, ProblemLog(loader.config.silenced))
    if bound is None:  # every row with content, unread: said as notes, so that the count still adds up
        loader.source("summary", path, sheet.label, sheet.sha256, None, 0, account={"note": len(sheet.rows)})
        return None
    kinds = {**bound.account, "subtotal": bound.account["subtotal"] + bound.account["data"], "data": 0}
    loader.source("summary", path, sheet.label, sheet.sha256, None, 0, bound.hidden_rows, bound.hidden_columns, kinds)
    return bound, found[0], found[2]


def check_summary(loader, summary: tuple[BoundTable, list, int | None], projects: dict) -> None:
    """Check a summary sheet, as :func:`read_summary` gives it, against ``projects``."""
    bound, header, count_col = summary
    sheet = bound.sheet
    every = list(projects.values())
    cells = dict(sheet.rows)
    for row, group in [*((t.row, every) for t in bound.totals),
                       *((r, _projects_of(str(r.cells.get("name") or ""), every)) for r in bound.rows)]:
        if group is None:
            continue
        _check_row(loader, bound, row, group, cells.get(row.number, []),
                   (count_col, header[count_col] if count_col is not None else None))


def _check_row(loader, bound: BoundTable, row, group: list, cells: list, count: tuple) -> None:
    r = loader.reader(bound, row)
    shown = str(r.raw("name") or "")
    col, header = count
    stated = cells[col] if col is not None and col < len(cells) else None
    if isinstance(stated, (int, float)) and not isinstance(stated, bool) and int(stated) != len(group):
        loader.log.add("summary-mismatch", file=bound.sheet.label, row=row.number, column=str(header).strip(),
                       value=str(stated), group=shown, computed=str(len(group)))
    for f in AMOUNTS:
        if bound.column(f) is None or r.raw(f) is None:
            continue
        stated = r.amount(f)
        computed = total(getattr(p, f) for p in group)
        if stated.value is None or computed.value is None or stated.scale is None or computed.partial:
            continue
        if abs(stated.value - computed.value) > tolerance(stated):
            r.problem("summary-mismatch", f, group=shown, computed=written_like(computed.value, stated))
