"""Progress rows: from a progress table (a platform's export: one row per project per month), and from the
wide monthly columns of a projects table (``2024年分月完成投资`` over ``1月`` … ``12月``); and the checks that
a period's total agrees with its months."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from ..contract.amounts import tolerance, total, written_like
from ..contract.marks import Missing
from ..contract.periods import Period
from ..contract.schema import PROGRESS, TABLES
from ..model.report import ProgressEntry, Project, SourceRef
from ..reading.tables import BoundTable
from ..text.catalogue import both
from ..text.problems import ProblemLog
from .cells import RowReader, as_text
from .identity import ProjectFinder

PROGRESS_AMOUNTS = PROGRESS.names("amount")


def monthly_entries(r: RowReader, project_id: str, year: int | None) -> list[ProgressEntry]:
    """The months (or quarters) a projects row gives in wide columns, as progress entries of completed investment."""
    out = []
    for col in r.bound.wide_columns:
        cell = r.row.months.get(col.index)
        if cell is None:
            continue
        span = col.wide.of_year(year)
        if span.year is None:
            r.log.add("month-year-missing", file=r.bound.sheet.label, row=r.row.number, column=col.header,
                      value=as_text(cell))
            continue
        period = Period("month", span.year, span.last) if span.kind == "month" else Period("quarter", span.year, span.quarter)
        out.append(ProgressEntry(project_id, period, completed_investment=r.amount_cell(cell, col),
                                 source=SourceRef(r.bound.sheet.label, r.row.number)))
    return out


def check_months_against_total(r: RowReader, project: Project, entries: list[ProgressEntry]) -> None:
    """A year-to-date figure (``1-10月完成投资``) must be the sum of the months or quarters it covers, when the row
    gives every one of them: a mismatch is a warning that names both."""
    col = r.bound.column("annual_completed_investment")
    stated = project.annual_completed_investment
    if col is None or col.span is None or col.span.kind != "to_date" or not entries:
        return
    if stated.value is None and stated.missing is not Missing.WITHHELD:
        return
    first, last = col.span.first, col.span.last
    inside = sorted((e for e in entries if first <= e.period.start.month and e.period.end.month <= last),
                    key=lambda e: e.period.start)
    covered = [m for e in inside for m in range(e.period.start.month, e.period.end.month + 1)]
    if covered != list(range(first, last + 1)) or not all(e.completed_investment.known for e in inside):
        return
    summed = total(e.completed_investment for e in inside)
    if stated.value is None:  # withheld, but the months give it away
        r.problem("withheld-total-given-months", "annual_completed_investment",
                  computed=written_like(summed.value, inside[0].completed_investment))
        return
    if abs(summed.value - stated.value) > tolerance(stated):
        headers = {e.period.key: c.header for c in r.bound.wide_columns for e in inside
                   if _same_period(c.wide.of_year(e.period.year), e.period)}
        head, tail = headers.get(inside[0].period.key, ""), headers.get(inside[-1].period.key, "")
        group = head.rsplit("/", 1)[0] if "/" in head and head.rsplit("/", 1)[0] == tail.rsplit("/", 1)[0] else None
        months = (both("months-of-group", group=group, first=head.rsplit("/", 1)[1], last=tail.rsplit("/", 1)[1]) if group
                  else both("months-of-columns", first=head, last=tail))
        r.problem("period-sum-mismatch", "annual_completed_investment", months=months,
                  computed=written_like(summed.value, stated))


def _same_period(span, period: Period) -> bool:
    return (span.kind == "month" and period.kind == "month" and span.last == period.index) or (
        span.quarter is not None and period.kind == "quarter" and span.quarter == period.index)


class ProgressReader:
    """Reads a progress table into entries of the projects it names (by code or id, else by name)."""

    def __init__(self, loader, bound: BoundTable, projects: dict[str, Project]):
        self.loader, self.bound, self.projects = loader, bound, projects
        self.finder = ProjectFinder(projects)
        self.log: ProblemLog = loader.log
        self.unknown: dict[str, list[int]] = defaultdict(list)  # name or code -> rows

    def project_of(self, r: RowReader) -> str | None:
        pid, pname = r.reference("project"), r.text("project_name")
        if pid is not None:
            found = self.finder.by_id(pid)
            if found is None and pname is not None:
                found = self.finder.named(pname)
                if found is not None:
                    r.problem("project-matched-by-name", "project", project_name=self.projects[found].name, id=found)
            if found is None:
                self.unknown[("project", pid, pname)].append(r.row.number)
            elif pname is not None and not self.finder.same_name(found, pname) and self.finder.named(pname) not in (None, found):
                r.problem("project-mismatch", "project_name", id=found)
            return found
        if pname is not None:
            found = self.finder.named(pname)
            if found is None:
                self.unknown[("project_name", pname, pname)].append(r.row.number)
            return found
        r.problem("value-missing", "project" if self.bound.column("project") else "project_name",
                  field=TABLES["progress"].field("project"))
        return None

    def read(self) -> dict[str, list[ProgressEntry]]:
        bound = self.bound
        seen: dict[tuple[str, str], int] = {}
        entries: dict[str, list[ProgressEntry]] = {}
        for row in bound.rows:
            r = self.loader.reader(bound, row)
            project_id = self.project_of(r)
            period = r.period("period")
            if period is None and r.raw("period") is None:
                r.problem("value-missing", "period", field=TABLES["progress"].field("period"))
            entry = ProgressEntry(
                project_id or "", period,
                **{f: r.amount(f) for f in PROGRESS_AMOUNTS},
                status=r.word("status", self.loader.statuses, "status-unknown"),
                started=r.yesno("started"),
                note=r.text("note"),
                source=SourceRef(bound.sheet.label, row.number),
            )
            if project_id is None or period is None:
                continue
            key = (project_id, period.key)
            if key in seen:
                r.problem("progress-duplicate", "period", project=project_id, period=period.key, first=seen[key])
                continue
            seen[key] = row.number
            entries.setdefault(project_id, []).append(entry)
        self._report_unknown()
        return entries

    def _report_unknown(self) -> None:
        """One problem per project a table names that is not known, with the rows and the closest name."""
        for (column, value, name), rows in self.unknown.items():
            close = self.finder.closest(name) if name else None
            hint = both("did-you-mean-project", name=close) if close else ""
            shown = "、".join(map(str, rows[:10])) + ("…" if len(rows) > 10 else "")
            many = both("rows-named", count=len(rows), rows=shown) if len(rows) > 1 else ""
            self.log.add("project-unknown", file=self.bound.sheet.label, row=rows[0], column=self.bound.header_of(column),
                         value=value, rows=many, hint=hint)

def check_year_to_date(projects: dict[str, Project], bound: BoundTable, log: ProblemLog) -> None:
    """A year-to-date figure (a platform's 本年累计完成投资) must be the sum of the year's monthly completed
    investment up to its month, wherever the months come from (this table or the projects table's monthly
    columns): the first mismatch of a project is a warning that names the figure and where the months are."""
    if bound.column("ytd_completed_investment") is None:
        return
    for p in projects.values():
        months = {(e.period.year, e.period.index): e for e in p.progress if e.period.kind == "month"}
        for (year, month), e in sorted(months.items()):
            if not e.ytd_completed_investment.known or e.source.file != bound.sheet.label:
                continue
            earlier = [months.get((year, m)) for m in range(1, month + 1)]
            if any(x is None or not x.completed_investment.known for x in earlier):
                continue
            summed = total(x.completed_investment for x in earlier)
            if abs(summed.value - e.ytd_completed_investment.value) > tolerance(e.ytd_completed_investment):
                places = dict.fromkeys(f"{x.source.file}:{x.source.row}" for x in earlier)
                shown = "、".join(list(places)[:4]) + ("…" if len(places) > 4 else "")
                log.add("ytd-sum-mismatch", file=bound.sheet.label, row=e.source.row,
                        column=bound.header_of("ytd_completed_investment"), value=e.ytd_completed_investment.raw,
                        year=year, month=month, computed=written_like(summed.value, e.ytd_completed_investment), places=shown)
                break  # the later months disagree for the same reason


def merge(projects: dict[str, Project], log: ProblemLog, *sources: dict[str, list[ProgressEntry]],
          headers: dict[str, str] | None = None) -> None:
    """Give each project its progress entries, sorted by period; a period given by a later source (the progress
    table) adds to the same period from an earlier one (the projects table's monthly columns), and a figure the
    two give differently is a warning."""
    combined: dict[str, dict[str, ProgressEntry]] = defaultdict(dict)
    for source in sources:
        for pid, found in source.items():
            for e in found:
                old = combined[pid].get(e.period.key)
                if old is not None:
                    _report_conflict(old, e, log, headers or {})
                combined[pid][e.period.key] = e if old is None else _merged(old, e)
    for pid, by_period in combined.items():
        projects[pid] = replace(projects[pid], progress=tuple(sorted(by_period.values(), key=lambda e: e.period.sort_key())))


def _merged(old: ProgressEntry, new: ProgressEntry) -> ProgressEntry:
    """The later entry, with what only the earlier one gives kept."""
    keep = {f: getattr(old, f) for f in PROGRESS_AMOUNTS if not getattr(new, f).known and getattr(old, f).known}
    return replace(new, **keep)


def _report_conflict(old: ProgressEntry, new: ProgressEntry, log: ProblemLog, headers: dict[str, str]) -> None:
    for f in PROGRESS_AMOUNTS:
        a, b = getattr(old, f), getattr(new, f)
        if a.known and b.known and abs(a.value - b.value) > max(tolerance(a), tolerance(b)):
            log.add("progress-conflict", file=new.source.file, row=new.source.row, column=headers.get(f, PROGRESS.field(f).zh),
                    value=b.raw or written_like(b.value, b), period=new.period.key, other=f"{old.source.file}:{old.source.row}",
                    other_value=a.raw if a.raw and a.scale == b.scale else written_like(a.value, b))  # a figure worked out, as this row writes it
