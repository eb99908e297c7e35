"""Gather a data folder into a Report: read every table, check every row, then cross-check.

Nothing is written here. A run reports every problem it finds, not only the first.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from ..contract.amounts import total
from ..contract.marks import InvalidValue, fold
from ..contract.periods import parse_period
from ..contract.schema import PROGRESS, PROJECTS, TABLES, normalize_header
from ..contract.vocab import CATEGORY_WORDS, LEVEL_WORDS, STATUS_WORDS, Category, Status, Vocabulary
from ..figures.metrics import annual_completion, cumulative_investment, investment_share
from ..model.report import Cluster, Indicator, ProgressEntry, Project, Report, ScheduleRule, SourceFile, SourceRef
from ..reading.sources import find_table_file, read_sheet
from ..reading.tables import BoundTable, HeaderMatcher, bind
from ..reading.workbook import Formula
from ..settings.config import Site
from ..text.catalogue import both
from ..text.problems import ProblemLog
from . import publication
from .cells import RESERVED_IDS, RowReader, as_text, safe_id


@dataclass
class Loaded:
    """The outcome of reading a data folder: the report (None when nothing could be read) and problems."""

    report: Report | None
    problems: ProblemLog

    @property
    def ok(self) -> bool:
        return self.report is not None and not self.problems.errors


class Loader:
    def __init__(self, site: Site):
        self.site = site
        self.config = site.config
        self.log = ProblemLog(set(self.config.ignore))
        self.statuses = Vocabulary({**STATUS_WORDS, **self.config.statuses}, list(Status))
        self.categories = Vocabulary({**CATEGORY_WORDS, **self.config.categories}, list(Category))
        self.levels = Vocabulary({**LEVEL_WORDS, **self.config.levels})
        self.sources: list[SourceFile] = []

    # -- files ---------------------------------------------------------------
    def label(self, path: Path) -> str:
        try:
            return os.path.relpath(path)
        except ValueError:  # another drive on Windows
            return str(path)

    def table(self, name: str) -> BoundTable | None:
        """Read and bind one table's file; None when it is absent (problem logged if required)."""
        table = TABLES[name]
        settings = self.config.file(name)
        found = find_table_file(self.site.data_dir, name, settings.path)
        if len(found) > 1:
            self.log.add("file-ambiguous", file=self.label(self.site.data_dir), files=[p.name for p in found])
            return None
        if not found or not found[0].exists():
            if table.required:
                shown = self.label(found[0]) if found else self.label(self.site.data_dir / f"{name}.csv")
                self.log.add("file-missing", file=shown, name=settings.path or f"{name}.csv")
            return None
        path = found[0]
        try:
            sheet = read_sheet(path, self.label(path), name, self.config.encoding, settings.sheet, self.config.limits)
        except InvalidValue as exc:
            self.log.add(exc.code, file=self.label(path), **exc.params)
            return None
        if sheet.hidden_sheets:
            self.log.add("hidden-sheets", file=sheet.label, sheets=[f"“{n}”" for n in sheet.hidden_sheets])
        bound = bind(sheet, table, HeaderMatcher(table, settings.columns), self.config.money, self.log)
        if bound is not None and len(bound.rows) > self.config.limits.rows:
            self.log.add("limit-rows", file=sheet.label, row=bound.rows[self.config.limits.rows].number,
                         limit=self.config.limits.rows)
            return None
        if bound is not None:
            used = (settings.latest_by,) if settings.latest_by else ()
            publication.apply(bound, self.config.publish_columns, self.config.publish_personal, self.log,
                              extras_published=name == "projects", used=used)
            inside = path.relative_to(self.site.data_dir).as_posix() if path.is_relative_to(self.site.data_dir) else path.name
            if sheet.label.endswith("]"):  # one sheet of several
                inside += sheet.label[sheet.label.rindex("["):]
            self.sources.append(SourceFile(name, sheet.label, sheet.sha256, sheet.encoding, len(bound.rows), inside,
                                           bound.hidden_rows, bound.hidden_columns))
        return bound

    def reader(self, bound: BoundTable, row) -> RowReader:
        return RowReader(bound, row, self.log, money=self.config.money, bare_unit=self.config.bare_unit,
                         date_formats=tuple(self.config.date_formats))

    # -- tables --------------------------------------------------------------
    def clusters(self, bound: BoundTable | None) -> dict[str, Cluster]:
        clusters: dict[str, Cluster] = {}
        if bound is None:
            return clusters
        first: dict[str, int] = {}
        for row in bound.rows:
            r = self.reader(bound, row)
            name = r.required_text("name")
            cid = r.identifier("id") if bound.column("id") else _not_reserved(name if name and safe_id(name) else _slug(name))
            if not name or not cid:
                continue
            if cid in clusters:
                r.problem("id-duplicate", "id" if bound.column("id") else "name", first=first[cid])
                continue
            first[cid] = row.number
            clusters[cid] = Cluster(cid, name, r.text("description"), SourceRef(bound.sheet.label, row.number))
        return clusters

    def latest_rows(self, bound: BoundTable) -> list:
        """With ``latest_by`` set, keep per id only the row with the latest report date."""
        header = self.config.file("projects").latest_by
        if not header:
            return bound.rows
        col = next((c for c in bound.columns if normalize_header(c.header) == normalize_header(header)), None)
        if col is None:
            self.log.add("latest-by-missing", file=bound.sheet.label, row=bound.header_row, header=header)
            return bound.rows
        id_col = bound.column("id")
        latest: dict[object, tuple] = {}
        for row in bound.rows:
            cell = row.cells.get(col.field) if col.field else row.extras.get(col.header)
            try:
                when = parse_period(cell, tuple(self.config.date_formats)).sort_key()
            except InvalidValue as exc:
                self.log.add(exc.code, file=bound.sheet.label, row=row.number, column=col.header, value=as_text(cell))
                continue
            key = as_text(row.cells.get("id")) if id_col else row.number
            if key not in latest or when >= latest[key][0]:
                latest[key] = (when, row)
        kept = {id(v[1]) for v in latest.values()}
        return [row for row in bound.rows if id(row) in kept]

    def extras(self, bound: BoundTable, row) -> dict[str, str]:
        """The published columns the schema does not know, as written (a formula without a result is a problem)."""
        out = {}
        for header, value in row.extras.items():
            if header not in bound.published:
                continue
            if isinstance(value, Formula):
                self.log.add("formula-no-value", file=bound.sheet.label, row=row.number, column=header, formula=str(value))
                continue
            out[header] = as_text(value)
        return out

    def projects(self, bound: BoundTable, clusters: dict[str, Cluster], implicit_clusters: bool) -> dict[str, Project]:
        projects: dict[str, Project] = {}
        first: dict[str, int] = {}
        by_name = {fold(c.name): c.id for c in clusters.values()}  # names compare in NFKC, case and spaces aside
        for row in self.latest_rows(bound):
            r = self.reader(bound, row)
            pid, name = r.identifier("id"), r.required_text("name")
            if pid and pid in projects:
                r.problem("id-duplicate", "id", first=first[pid])
                pid = None
            cluster_text = r.text("cluster")
            cluster_id = None
            if cluster_text:
                if implicit_clusters:
                    cluster_id = by_name.get(fold(cluster_text))
                    if cluster_id is None:
                        cluster_id = _unique(cluster_text if safe_id(cluster_text) else _slug(cluster_text), clusters)
                        clusters[cluster_id] = Cluster(cluster_id, cluster_text, source=SourceRef(bound.sheet.label, row.number))
                        by_name[fold(cluster_text)] = cluster_id
                else:
                    as_id = r.reference("cluster")
                    cluster_id = as_id if as_id in clusters else by_name.get(fold(cluster_text))
                    if cluster_id is None:
                        r.problem("cluster-unknown", "cluster", accepted=[c.name for c in clusters.values()])
            project = Project(
                id=pid or "", name=name or "",
                category=r.word("category", self.categories, "category-unknown") or Category.KEY,
                level=r.word("level", self.levels, "level-unknown"),
                cluster_id=cluster_id,
                status=r.word("status", self.statuses, "status-unknown"),
                years=r.years("year"),
                **{f: r.amount(f) for f in AMOUNT_FIELDS},
                **{f: r.date(f) for f in DATE_FIELDS},
                **{f: r.text(f) for f in TEXT_FIELDS},
                latitude=r.number("latitude"), longitude=r.number("longitude"),
                extras=self.extras(bound, row),
                source=SourceRef(bound.sheet.label, row.number),
            )
            if pid and name:
                projects[pid] = project
                first[pid] = row.number
        return projects

    def progress(self, bound: BoundTable | None, projects: dict[str, Project]) -> None:
        if bound is None:
            return
        by_name = {}
        for p in projects.values():
            by_name.setdefault(fold(p.name), p.id)
        if bound.column("project") is None and bound.column("project_name") is None:
            self.log.add("column-missing", file=bound.sheet.label, row=bound.header_row,
                         field=TABLES["progress"].field("project"), accepted=["项目编号", "项目名称"])
            return
        seen: dict[tuple[str, str], int] = {}
        entries: dict[str, list[ProgressEntry]] = {}
        for row in bound.rows:
            r = self.reader(bound, row)
            pid, pname = r.reference("project"), r.text("project_name")
            project_id = None
            if pid is not None:
                project_id = pid if pid in projects else None
                if project_id is None:
                    r.problem("project-unknown", "project")
                elif pname is not None and fold(pname) != fold(projects[pid].name) and by_name.get(fold(pname)) not in (None, pid):
                    r.problem("project-mismatch", "project_name", id=pid)
            elif pname is not None:
                project_id = by_name.get(fold(pname))
                if project_id is None:
                    r.problem("project-unknown", "project_name")
            else:
                r.problem("value-missing", "project" if bound.column("project") else "project_name",
                          field=TABLES["progress"].field("project"))
            period = r.period("period")
            if period is None and r.raw("period") is None:
                r.problem("value-missing", "period", field=TABLES["progress"].field("period"))
            entry = ProgressEntry(
                project_id or "", period,
                **{f: r.amount(f) for f in PROGRESS.names("amount")},
                status=r.word("status", self.statuses, "status-unknown"),
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
        for pid, found in entries.items():
            projects[pid] = replace(projects[pid], progress=tuple(sorted(found, key=lambda e: e.period.sort_key())))

    def indicators(self, bound: BoundTable | None) -> list[Indicator]:
        if bound is None:
            return []
        found = []
        for row in bound.rows:
            r = self.reader(bound, row)
            name = r.required_text("name")
            value = r.quantity("value")
            if value.raw == "" and bound.column("value") is not None:
                r.problem("value-missing", "value", field=TABLES["indicators"].field("value"))
            if name:
                found.append(Indicator(name, value, r.year("year"), r.quantity("target"), r.text("unit"),
                                       r.text("note"), SourceRef(bound.sheet.label, row.number)))
        return found

    def check_totals(self, bound: BoundTable, projects: dict[str, Project]) -> None:
        """A total row must agree with the sum of the rows it covers, to the precision it is written in."""
        by_row = {p.source.row: p for p in projects.values()}
        for total_row in bound.totals:
            r = self.reader(bound, total_row.row)
            covered = [by_row[row.number] for row in total_row.covers if row.number in by_row]
            for f in AMOUNT_FIELDS:
                if bound.column(f) is None or r.raw(f) is None:
                    continue
                stated = r.amount(f)
                computed = total(getattr(p, f) for p in covered)
                if stated.value is None or computed.value is None or stated.scale is None:
                    continue
                tolerance = _half_last_digit(as_text(r.raw(f))) * stated.scale
                # with figures withheld the rows' sum is only a lower bound: a total below it is still wrong
                wrong = (stated.value < computed.value - tolerance if computed.partial
                         else abs(stated.value - computed.value) > tolerance)
                if wrong:
                    shown = (computed.value / stated.scale).normalize()
                    r.problem("total-mismatch", f, computed=f"{shown:f}")

    def check_projects(self, bounds: dict[str, BoundTable | None], projects: dict[str, Project]) -> None:
        """Figures worth a second look: completion above 100 %, operation before start."""
        rows, steps = bounds["projects"], bounds["progress"]
        for p in projects.values():
            where = dict(file=p.source.file, row=p.source.row)
            share = investment_share(p)
            if share.value is not None and share.value > 1:
                cumulative = cumulative_investment(p)
                entry = next((e for e in p.progress if e.cumulative_investment is cumulative), None)
                place = dict(file=entry.source.file, row=entry.source.row) if entry and steps else where
                header = (steps if entry and steps else rows).header_of("cumulative_investment")
                self.log.add("completion-over-100", column=header, value=cumulative.raw or None,
                             what=both("investment share"), rate=_percent(share.value), **place)
            rate = annual_completion(p)
            if rate.value is not None and rate.value > 1:
                self.log.add("completion-over-100", column=rows.header_of("annual_completed_investment"),
                             value=p.annual_completed_investment.raw or None, what=both("annual completion"),
                             rate=_percent(rate.value), **where)
            start, operation = p.start_date.date, p.operation_date.date
            if start and operation and operation.last_day() < start.first_day():
                self.log.add("operation-before-start", column=rows.header_of("operation_date"),
                             value=p.operation_date.raw, operation=operation.iso(), start=start.iso(), **where)

    # -- all -----------------------------------------------------------------
    def load(self) -> Loaded:
        bounds = {name: self.table(name) for name in TABLES}
        clusters = self.clusters(bounds["clusters"])
        projects: dict[str, Project] = {}
        if bounds["projects"] is not None:
            projects = self.projects(bounds["projects"], clusters, implicit_clusters=bounds["clusters"] is None)
            self.check_totals(bounds["projects"], projects)
        self.progress(bounds["progress"], projects)
        indicators = self.indicators(bounds["indicators"])
        if bounds["projects"] is None:
            return Loaded(None, self.log)
        money = self.config.money
        report = Report.assemble(self.config.currency, self.config.display_unit, projects, clusters, indicators,
                                 self.sources, as_of=self.config.as_of, language=self.site.language,
                                 schedule=ScheduleRule(Decimal(str(self.config.schedule_tolerance))),
                                 unit_factor=money.factor(self.config.display_unit))
        self.check_projects(bounds, report.projects)
        return Loaded(report, self.log)


AMOUNT_FIELDS = PROJECTS.names("amount")
DATE_FIELDS = PROJECTS.names("date")
TEXT_FIELDS = tuple(f for f in PROJECTS.names("text") if f != "name")


def _percent(value: Decimal) -> str:
    return f"{value * 100:.1f}%"


def _half_last_digit(text: str | None) -> Decimal:
    """Half a unit of the last digit written: ``72.25`` -> 0.005, ``72`` -> 0.5."""
    digits = "".join(c for c in (text or "") if c.isdigit() or c == ".")
    decimals = len(digits.split(".", 1)[1]) if "." in digits else 0
    return Decimal(5) / Decimal(10) ** (decimals + 1)


def _slug(text: str | None) -> str:
    """A URL-safe id for a name that is not one: unsafe characters become ``-``."""
    if not text:
        return ""
    out = "".join(c if (c.isalnum() or c in "-_") else "-" for c in text).strip("-")
    return out or "cluster"


def _not_reserved(cid: str) -> str:
    """An id made from a name, kept off the names of the site's own pages."""
    return f"{cid}-2" if cid.casefold() in RESERVED_IDS else cid


def _unique(candidate: str, taken: dict) -> str:
    n, cid = 2, candidate
    while cid in taken or cid.casefold() in RESERVED_IDS:
        cid, n = f"{candidate}-{n}", n + 1
    return cid


def load_report(site: Site) -> Loaded:
    """Read, check and model the data folder of ``site``."""
    return Loader(site).load()
