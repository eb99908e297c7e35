"""Gather a data folder into a Report: read every table, check every row, then cross-check.

Nothing is written here. A run reports every problem it finds, not only the first.
"""

from __future__ import annotations

import contextlib
import gc
import os
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from ..contract.amounts import Amount
from ..contract.marks import InvalidValue, MissingWords, fold
from ..contract.schema import PROJECTS, TABLES
from ..contract.vocab import CATEGORY_WORDS, LEVEL_WORDS, STAGE_WORDS, STATUS_WORDS, Category, Stage, Status, Vocabulary
from ..model.report import Cluster, Component, ExchangeRates, LightRule, Project, Report, SourceFile, SourceRef
from ..reading.headers import HeaderMatcher
from ..reading.sources import find_table_file, only_spreadsheet, read_sheet
from ..reading.tables import BoundTable, bind
from ..reading.rawsheet import Formula
from ..settings.config import Site
from ..text.problems import ProblemLog
from . import publication
from .boundary import check_coordinates, check_places_on_map, load_boundary
from .cells import RowReader, as_text
from .derived import COMPONENT_AMOUNTS, derived_status, package_totals
from .dated import annual_year, table_as_of
from .folder import admitted, json_tables, report_unread
from .checks import check_lights, check_packages, check_projects, check_totals
from .identity import ProjectIds, safe_or_slug, unique
from .own_words import load_own_words
from .photos import load_photos
from .latest import latest_rows
from .series import read_series, series_entries
from .small_tables import read_clusters, read_indicators
from .summary import check_summary, is_summary, read_summary
from .rollup import load_places, place_folders
from .sheets import from_sheet_name, name_unread_sheet, other_sheets, within_limits_together
from .progress import ProgressReader, check_months_against_total, check_year_to_date, merge, monthly_entries


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
        self.log = ProblemLog(self.config.silenced)
        self.statuses = Vocabulary(STATUS_WORDS, list(Status), own=self.config.statuses)
        self.categories = Vocabulary(CATEGORY_WORDS, list(Category), own=self.config.categories)
        self.levels = Vocabulary(LEVEL_WORDS, own=self.config.levels)
        self.stages = Vocabulary(STAGE_WORDS, list(Stage))
        self.missing = MissingWords(self.config.missing.model_dump(exclude_none=True))
        self.reading = dict(money=self.config.money, bare_unit=self.config.bare_unit, missing=self.missing,  # per row
                            date_formats=tuple(self.config.date_formats), fiscal_start=self.config.fiscal_year_start,
                            rates={code: Decimal(str(r)) for code, r in self.config.exchange_rates.rates.items()})
        self.sources: list[SourceFile] = []
        self.monthly: dict[str, list] = {}  # project id -> entries from a projects table's monthly columns
        self.guessed: list[Path] = []  # spreadsheets read although no table is named after them
        self.outside: set[Path] = set()  # files read from outside the data folder (outside_files allows it)
        self.considered: set[str] = set()  # names (case aside) of the data folder's own files taken up or named
        self.more: dict[str, list[BoundTable]] = {}  # a table's other sheets of the same workbook, read with it
        self.series: list | None = None  # the projects table's periodic files, oldest first (series.read_series)
        self.departures: list = []  # projects the series' latest file no longer lists (调出)
        self.json_tables: tuple | None = None  # the data folder's JSON files of projects (folder.json_tables)
        self.summaries: list[tuple[Path, str]] = []  # the projects workbook's 汇总 sheets (summary.check_summary)

    # -- files ---------------------------------------------------------------
    def label(self, path: Path) -> str:
        try:
            return os.path.relpath(path)
        except ValueError:  # another drive on Windows
            return str(path)

    def source(self, table: str, path: Path, label: str, sha256: str, encoding: str | None, rows: int,
               hidden_rows: int = 0, hidden_columns: int = 0, account: dict[str, int] | None = None) -> None:
        """Record a file the report was read from (its name as in the data folder, the sheet after it)."""
        data_dir = self.site.data_dir
        inside = path.relative_to(data_dir).as_posix() if path.is_relative_to(data_dir) else path.name
        if label.endswith("]"):  # one sheet of several
            inside += label[label.rindex("["):]
        self.sources.append(SourceFile(table, label, sha256, encoding, rows, inside, hidden_rows, hidden_columns,
                                       outside=path in self.outside, account=tuple((account or {}).items())))

    def table(self, name: str) -> BoundTable | None:
        """Read and bind one table's file; None when it is absent (problem logged if required)."""
        table = TABLES[name]
        settings = self.config.file(name)
        found = find_table_file(self.site.data_dir, name, settings.path)
        if len(found) > 1:
            self.log.add("file-ambiguous", file=self.label(self.site.data_dir), files=[p.name for p in found])
            self.considered.update(p.name.casefold() for p in found)
            return None
        guessed = False
        if not found and not settings.path and name == "projects" and (packages := json_tables(self)[0]):
            found, guessed = packages, True  # an OC4IDS project package dropped in as it is
            if len(found) > 1:
                self.log.add("file-ambiguous", file=self.label(self.site.data_dir), files=[p.name for p in found])
                self.considered.update(p.name.casefold() for p in found)
                return None
        if name == "projects" and (settings.periods is not None or not found and not settings.path):  # 1-9月, 1-10月 …
            self.series = read_series(self, HeaderMatcher(table, settings.columns))
            if self.series:
                found, guessed = [self.series[-1].path], settings.periods is None
                self.guessed.extend(earlier.path for earlier in self.series[:-1])
                self.log.add("series-read", file=self.label(self.site.data_dir), count=len(self.series),
                             periods=[i.period.key for i in self.series], latest=self.series[-1].period.key)
            elif settings.periods is not None:  # the files it names are said missing or unread
                return None
        if not found and not settings.path and (table.required or (name == "progress" and self.guessed)):
            other = only_spreadsheet(self.site.data_dir, set(TABLES) | {p.stem.casefold() for p in self.guessed})
            records = json_tables(self)[1] if name == "projects" else []
            other = other or (records[0] if len(records) == 1 else None)  # contracts.json
            if other is not None:
                found, guessed = [other], True
        if not found or not found[0].exists():
            if table.required:
                shown = self.label(found[0]) if found else self.label(self.site.data_dir / f"{name}.csv")
                self.log.add("file-missing", file=shown, name=settings.path or f"{name}.csv")
            return None
        path = found[0]
        if not admitted(self, path):
            return None
        matcher = HeaderMatcher(table, settings.columns)
        try:
            sheet = read_sheet(path, self.label(path), name, self.config.encoding, settings.sheet, self.config.limits,
                               header=lambda cells: any(matcher.match(c).field == table.anchor for c in cells))
        except InvalidValue as exc:
            self.log.add(exc.code, file=self.label(path), **exc.params)
            return None
        if guessed:  # a spreadsheet with another name: used when its header fits the table, and said so
            if not table.required and not any(matcher.match(c).field == table.anchor for _, cells in sheet.rows[:30]
                                              for c in cells):
                return None
            self.guessed.append(path)
            self.log.add("file-chosen", file=self.label(path), name=f"{name}.csv", table=name)
        for code, params in sheet.found:  # what the reader found worth saying (a value outside a code list)
            self.log.add(code, file=sheet.label, **params)
        if sheet.hidden_sheets:
            self.log.add("hidden-sheets", file=sheet.label, sheets=[f"“{n}”" for n in sheet.hidden_sheets])
        several = bool(sheet.also_headed) and name == "projects"  # 续建项目, 新开工项目, 前期项目: one table
        if several:
            self.log.add("sheets-chosen", file=self.label(path), table=name, header=matcher.headers_for(table.anchor)[0],
                         count=1 + len(sheet.also_headed), sheets="、".join([sheet.name, *sheet.also_headed]))
        elif sheet.by_header:
            self.log.add("sheet-chosen", file=sheet.label, table=name, header=matcher.headers_for(table.anchor)[0])
        if sheet.also_headed and not several:  # rows a reader would expect on the site, passed over
            self.log.add("sheets-unread", file=sheet.label, sheets=[f"“{n}”" for n in sheet.also_headed],
                         sheet=sheet.label[len(self.label(path)) + 1:-1], table=name)
        bound = bind(sheet, table, matcher, self.config.money, self.log)
        if settings.sheet is None and bound is not None:  # 说明, 汇总 …: said, so that every sheet is accounted for
            taken = {sheet.name, *sheet.also_headed, *sheet.hidden_sheets}
            for other in (n for n in sheet.sheets if n not in taken and len(sheet.sheets) > 1):
                if name == "projects" and is_summary(other):  # checked against the projects once they are read
                    self.summaries.append((path, other))
                    self.log.add("sheet-summary", file=f"{self.label(path)}[{other}]")
                    continue
                name_unread_sheet(self, path, other, name, matcher.headers_for(table.anchor)[0])
            for chart in sheet.charts:
                self.log.add("sheet-chart", file=f"{self.label(path)}[{chart}]")
        read = [(sheet, bound)] + (other_sheets(self, path, sheet, name, matcher) if several else [])
        kept = [(s, b) for s, b in read if b is not None and self._within_limits(s, b)]
        if len(kept) < len([b for _, b in read if b is not None]) or not within_limits_together(self, kept):
            return None
        for s, b in kept:
            used = (settings.latest_by,) if settings.latest_by else ()
            publication.apply(b, [*self.config.publish_columns, *s.published], self.config.publish_personal, self.log,
                              extras_published=name == "projects", used=used)
            self.source(name, path, s.label, s.sha256, s.encoding, len(b.rows), b.hidden_rows, b.hidden_columns,
                        b.account)
            if name == "projects":
                from_sheet_name(b)
        self.more[name] = [b for _, b in kept[1:]]
        return bound

    def _within_limits(self, sheet, bound: BoundTable) -> bool:
        """The data below the header within the rows and cells limits (the readers allowed some headroom above
        it); else an error at the row that goes past."""
        limits = self.config.limits
        if len(bound.rows) > limits.rows:
            self.log.add("limit-rows", file=sheet.label, row=bound.rows[limits.rows].number, limit=limits.rows)
            return False
        if sum(len(cells) for _, cells in sheet.rows) <= limits.cells:  # at most this many filled: no count needed
            return True
        filled = 0
        for number, cells in sheet.rows:
            if number > bound.header_row:
                filled += sum(c is not None for c in cells)
                if filled > limits.cells:
                    self.log.add("limit-cells", file=sheet.label, row=number, limit=limits.cells)
                    return False
        return True

    def reader(self, bound: BoundTable, row) -> RowReader:
        return RowReader(bound, row, self.log, **self.reading)

    # -- tables --------------------------------------------------------------
    def extras(self, bound: BoundTable, row) -> dict[str, str | Amount]:
        """The published columns the schema does not know, as written; a money column's cells as amounts (in the
        column's unit, shown in the display unit). A formula without a result is a problem."""
        out: dict[str, str | Amount] = {}
        money = {c.header: c for c in bound.columns if not c.known and c.unit}
        for header, value in row.extras.items():
            if header not in bound.published:
                continue
            if isinstance(value, Formula):
                self.log.add("formula-no-value", file=bound.sheet.label, row=row.number, column=header, formula=str(value))
                continue
            out[header] = self.reader(bound, row).amount_cell(value, money[header]) if header in money else as_text(value)
        return out

    def projects(self, tables: list[BoundTable], clusters: dict[str, Cluster], implicit_clusters: bool) -> dict[str, Project]:
        """The projects of the table's sheets (one, or each of a workbook's 续建 / 新开工 / 前期 sheets), in order."""
        projects: dict[str, Project] = {}
        first: dict[str, SourceRef] = {}
        # a 序号 restarts in each section and each sheet, and is another project's in next month's file: ids then
        # come from names
        ids = ProjectIds(from_names=any(b.id_is_serial for b in tables)
                         and (len(tables) > 1 or bool(tables[0].sections) or bool(self.series)))
        for bound in tables:
            self._projects(bound, clusters, implicit_clusters, ids, projects, first)
        return projects

    def _projects(self, bound: BoundTable, clusters: dict[str, Cluster], implicit_clusters: bool, ids: ProjectIds,
                  projects: dict[str, Project], first: dict[str, SourceRef]) -> None:
        by_name = {fold(c.name): c.id for c in clusters.values()}  # names compare in NFKC, case and spaces aside
        as_of = table_as_of(bound, self.config.as_of)
        year = bound.year or annual_year(bound, as_of, self.config.fiscal_year_start)
        for row in latest_rows(self, bound):
            r = self.reader(bound, row)
            name = r.required_text("name")
            pid = ids.of(r, name)
            if pid and pid in projects:
                seen = first[pid]
                if seen.file == bound.sheet.label:
                    r.problem("id-duplicate", "id", first=seen.row)
                else:
                    r.problem("id-duplicate-sheet", "id", sheet=seen.file, first=seen.row)
                pid = None
            cluster_text = r.text("cluster")
            cluster_id = None
            if cluster_text:
                if implicit_clusters:
                    cluster_id = by_name.get(fold(cluster_text))
                    if cluster_id is None:
                        cluster_id = unique(safe_or_slug(cluster_text), clusters)
                        clusters[cluster_id] = Cluster(cluster_id, cluster_text, source=SourceRef(bound.sheet.label, row.number))
                        by_name[fold(cluster_text)] = cluster_id
                else:
                    as_id = r.reference("cluster")
                    cluster_id = as_id if as_id in clusters else by_name.get(fold(cluster_text))
                    if cluster_id is None:
                        r.problem("cluster-unknown", "cluster", accepted=[c.name for c in clusters.values()])
            status = r.word("status", self.statuses, "status-unknown")
            stage = r.word("stage", self.stages, "stage-unknown") or row.stage
            started = r.yesno("started")
            years = r.years("year")
            if not years and bound.column("year") is None and year:
                years = (year,)
            project = Project(
                id=pid or "", name=name or "",
                category=r.word("category", self.categories, "category-unknown") or row.category or Category.KEY,
                level=r.words("level", self.levels, "level-unknown"),
                cluster_id=cluster_id,
                status=status, stage=stage, started=started, place=r.place(),
                years=years,
                **{f: r.amount(f) for f in AMOUNT_FIELDS},
                **{f: r.date(f) for f in DATE_FIELDS},
                **{f: r.given_text(f) for f in TEXT_FIELDS}, light=r.text("light"),
                latitude=r.number("latitude"), longitude=r.number("longitude"), physical_progress=r.progress_share(),
                extras=self.extras(bound, row),
                components=tuple(self.component(bound, c) for c in row.components),
                source=SourceRef(bound.sheet.label, row.number),
            )
            if status is None and r.raw("status") is None:
                project = replace(project, status=derived_status(stage, started, project.start_date, as_of,
                                                                 project.annual_completed_investment))
            project = package_totals(project)
            if pid and name:
                projects[pid] = project
                first[pid] = project.source
                months = monthly_entries(r, pid, year)
                check_months_against_total(r, project, months)
                if months:
                    self.monthly[pid] = months

    def component(self, bound: BoundTable, row) -> Component:
        """A sub-row of a package project, read like a project row but never counted apart."""
        r = self.reader(bound, row)
        return Component(row.serial, r.required_text("name") or "",
                         **{f: r.amount(f) for f in COMPONENT_AMOUNTS},
                         status=r.word("status", self.statuses, "status-unknown"), progress_note=r.text("progress_note"),
                         source=SourceRef(bound.sheet.label, row.number))

    def progress(self, bound: BoundTable | None, projects: dict[str, Project]) -> None:
        if bound is None:
            merge(projects, self.log, self.monthly)
            return
        if bound.column("project") is None and bound.column("project_name") is None:
            self.log.add("column-missing", file=bound.sheet.label, row=bound.header_row,
                         field=TABLES["progress"].field("project"), accepted=["项目编号", "项目名称"])
            merge(projects, self.log, self.monthly)
            return
        merge(projects, self.log, self.monthly, ProgressReader(self, bound, projects).read(),
              headers={f: bound.header_of(f) for f in TABLES["progress"].field_names})
        check_year_to_date(projects, bound, self.log)

    # -- all -----------------------------------------------------------------
    def load(self) -> Loaded:
        folders = place_folders(self)
        if folders:  # a folder per county, no table of its own: a city's roll-up
            return load_places(self, folders)
        bounds = {name: self.table(name) for name in TABLES}
        clusters = read_clusters(self, bounds["clusters"])
        projects: dict[str, Project] = {}
        tables = [bounds["projects"], *self.more.get("projects", ())] if bounds["projects"] is not None else []
        if tables:
            projects = self.projects(tables, clusters, implicit_clusters=bounds["clusters"] is None)
            limit = self.config.limits.projects
            if len(projects) > limit:
                beyond = list(projects.values())[limit]
                self.log.add("limit-projects", file=beyond.source.file, row=beyond.source.row, limit=limit)
                return Loaded(None, self.log)
            for bound in tables:
                check_totals(self, bound, projects)
            if self.series:  # the earlier files' figures, as progress by period
                for pid, entries in series_entries(self, self.series, projects).items():
                    self.monthly.setdefault(pid, []).extend(entries)
        self.progress(bounds["progress"], projects)
        indicators = read_indicators(self, bounds["indicators"])
        boundary = load_boundary(self)
        own_words = load_own_words(self)
        report_unread(self)
        if bounds["projects"] is None:
            return Loaded(None, self.log)
        money, lights, rates = self.config.money, self.config.lights, self.config.exchange_rates
        rows = bounds["projects"]
        summaries = [read_summary(self, path, name, TABLES["projects"], self.config.file("projects"))
                     for path, name in self.summaries]
        report = Report.assemble(self.config.currency, self.config.display_unit, projects, clusters, indicators,
                                 self.sources, as_of=table_as_of(rows, self.config.as_of), language=self.site.language,
                                 unit_factor=money.factor(self.config.display_unit),
                                 completed_span=rows.completed_span,
                                 lights=LightRule(*(Decimal(str(b)) for b in (lights.green_within, lights.yellow_within)), lights.by),
                                 photos=load_photos(self, projects), boundary=boundary, own_words=own_words,
                                 departures=self.departures, fiscal_start=self.config.fiscal_year_start,
                                 exchange_rates=ExchangeRates(tuple(self.reading["rates"].items()), rates.date, rates.source))
        check_projects(self, bounds, report.projects)
        check_packages(self, tables, report.projects)
        for summary in filter(None, summaries):
            check_summary(self, summary, report.projects)
        check_lights(self, bounds["projects"], report)
        check_coordinates(self, bounds["projects"], report)
        check_places_on_map(self, report)
        return Loaded(report, self.log)


AMOUNT_FIELDS = PROJECTS.names("amount")
DATE_FIELDS = PROJECTS.names("date")
TEXT_FIELDS = tuple(f for f in PROJECTS.names("text") if f not in ("name", "place"))
def load_report(site: Site) -> Loaded:
    """Read, check and model the data folder of ``site``."""
    with _no_collection():
        return Loader(site).load()


@contextlib.contextmanager
def _no_collection():
    """Python's cycle collector paused: loading makes hundreds of thousands of objects that all live on, and
    each of the collector's full passes would walk every one of them (a fifth of the loading time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
