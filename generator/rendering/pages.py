"""Generated pages: one Markdown page per project, cluster and year, plus home, index and methodology.

Pages are rendered from Jinja2 templates (one per page kind, overridable from a site folder). Every
value a template prints is escaped for Markdown unless it is markup this module made.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..contract.schema import PROJECTS, without_unit
from ..contract.vocab import Category, Stage, Status
from ..figures import lights, metrics
from ..model.report import Project, Report
from ..text.catalogue import pick, say
from . import charts as ch
from . import maps
from .formatting import Formatter
from .markup import h, json_script, show, yaml_string


@dataclass(frozen=True)
class PageContext:
    """What one generated page is made from: its template, and everything the template receives besides
    the words, filters and links every page of the report shares. Equal contexts make equal pages (but for
    the stamp line), which is how preview decides what to remake; a context that holds the whole report
    equals only itself."""

    kind: str  # the template: ``{kind}.md.j2``
    path: str  # relative to the docs folder, e.g. projects/ZD01.md
    title: str
    values: tuple[tuple[str, object], ...]  # name -> value, as the template sees them

    @classmethod
    def of(cls, kind: str, path: str, title: str, **values) -> PageContext:
        return cls(kind, path, title, tuple(values.items()))


@dataclass
class Page:
    path: str  # relative to the docs folder, e.g. projects/ZD01.md
    title: str
    kind: str
    markdown: str
    charts: list = field(default_factory=list)


def front_matter(title: str, tags: list[str] = (), hide: list[str] = (), boost: float | None = None) -> Markup:
    """YAML front matter (strings as JSON, which YAML reads as they are). Themes put titles and
    tags into HTML as they are, so they are HTML-escaped here."""
    lines = ["---", f"title: {yaml_string(h(title))}"]
    if tags:
        lines += ["tags:"] + [f"  - {yaml_string(h(t))}" for t in tags]
    if boost:  # Material: rank this page higher in search (a cluster above the projects that name it)
        lines += ["search:", f"  boost: {boost}"]
    if hide:  # Material: give a wide table the whole width
        lines += ["hide:"] + [f"  - {part}" for part in hide]
    return Markup("\n".join([*lines, "---"]))


def page_paths(report: Report) -> dict[str, str]:
    """Where each generated page lives (docs-relative)."""
    paths = {"home": "index.md", "projects_index": "projects/index.md", "clusters_index": "clusters/index.md",
             "methodology": "methodology.md", "changes": "changes.md"}
    paths.update({f"project:{pid}": f"projects/{pid}.md" for pid in report.projects})
    paths.update({f"cluster:{cid}": f"clusters/{cid}.md" for cid in report.clusters})
    paths.update({f"year:{y}": f"years/{y}.md" for y in report.years})
    return paths


class PageMaker:
    """Renders the pages of one report."""

    def __init__(self, report: Report, templates_dir: Path | None = None, site_name: str = ""):
        self.report = report
        self.fmt = Formatter.of(report)
        self.site_name = site_name
        self.paths = page_paths(report)
        self.stamp_line = self.stamp()  # the same on every page
        #: what every page's words and figures depend on besides its context
        self.shared = (report.language, report.currency, report.display_unit, report.unit_factor, site_name,
                       templates_dir)
        loaders = [FileSystemLoader(str(templates_dir))] if templates_dir else []
        self.env = Environment(loader=ChoiceLoader([*loaders, PackageLoader("generator.rendering", "templates")]),
                               finalize=show, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                               keep_trailing_newline=True, autoescape=False)
        f = self.fmt

        def safe(function):  # figures formatted here hold digits, units and our own words only
            return lambda *a, **k: Markup(function(*a, **k))

        def t(key: str, **params) -> Markup:  # our words, with whatever they name shown literally
            return Markup(f.t(key, **{k: show(v) for k, v in params.items()}))

        # a template's own escaping is ours too: Jinja's would pass Markdown from the data through
        self.env.filters.update(amount=safe(f.amount), total=safe(f.total), ratio=safe(f.ratio), date=safe(f.date),
                                period=safe(f.period), quantity=f.quantity, e=show, escape=show, forceescape=show)
        language = report.language
        self.env.globals.update(t=t, sep=say("list-separator", language), chart=self.chart_html, front=front_matter,
                                status=self.status, category=self.category, named=lambda pair: pick(pair, language),
                                language=language, unit=report.display_unit, Category=Category, Stage=Stage, Light=lights.Light,
                                fields=field_labels(report), unitless=without_unit)

    # -- helpers for templates ----------------------------------------------------
    def link(self, here: str, key: str) -> Markup:
        return Markup(posixpath.relpath(self.paths[key], posixpath.dirname(here) or "."))

    def status(self, s) -> str:
        return self.fmt.t(f"st_{s.value}" if s else "st_none")

    def category(self, c: Category) -> str:
        return self.fmt.t(c.value)

    def chart_html(self, chart: ch.Chart) -> Markup:
        """A chart container, its spec, and its numbers in a collapsible table (readable without the chart).
        Search leaves both out (the numbers are in the page's own tables), as it does the stamp line."""
        cid = f"chart-{chart.id}"
        head = "".join(f"<th scope=\"col\">{h(c)}</th>" for c in chart.columns)
        body = "".join("<tr>" + "".join(f"<td>{h(v)}</td>" for v in row) + "</tr>" for row in chart.rows)
        label = self.fmt.t("labelled", label=chart.title, text=chart.description)
        return Markup(
            f'<figure class="ps-chart" id="{cid}" data-marks="{chart.marks}" data-search-exclude>'
            f'<figcaption class="ps-chart__title">{h(chart.title)}</figcaption>'
            f'<div class="ps-chart__canvas" role="img" aria-label="{h(label)}" data-spec="{cid}-spec">'
            f'<div class="ps-chart__view"></div></div>'
            f'<script type="application/json" id="{cid}-spec">{json_script(chart.spec)}</script>'
            f'</figure>\n\n'
            f'<details class="ps-chart-data" data-search-exclude><summary>{h(self.fmt.t("labelled", label=self.fmt.t("data_table"), text=chart.title))}</summary>'
            f'<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></details>\n')

    def stamp(self) -> Markup:
        """The data's as-of date and each source file's checksum."""
        f = self.fmt
        files = dict.fromkeys((s.label.split("/")[-1], s.sha256[:12]) for s in self.report.sources)
        shown = [f.t("source-file", name=h(name), digest=digest) for name, digest in files]
        parts = [f"{f.t('as_of')} {self.report.as_of.isoformat()}" if self.report.as_of else ""]
        parts.append(f.t("labelled", label=f.t("source"), text=f.join(shown)))
        return Markup(f'<p class="ps-stamp" data-search-exclude>{" · ".join(p for p in parts if p)}</p>')

    def by_cluster(self, projects: list[Project]) -> dict[str, list[Project]]:
        """Projects grouped by cluster name, in the clusters' order; those in none under 未分类."""
        groups = {c.name: [p for p in projects if p.cluster_id == cid] for cid, c in self.report.clusters.items()}
        groups[self.fmt.t("unknown_cluster")] = [p for p in projects if p.cluster_id is None]
        return {name: members for name, members in groups.items() if members}

    def render(self, context: PageContext) -> Page:
        """The page of ``context``: its charts made, its template rendered."""
        values = dict(context.values)
        charts = [c for c in getattr(self, f"_{context.kind}_charts", lambda **_: [])(**values) if c is not None]
        template = self.env.get_template(f"{context.kind}.md.j2")
        path = context.path
        values.update(title=context.title, here=path, link=lambda key: self.link(path, key), stamp=self.stamp_line,
                      charts={c.id: c for c in charts}, fmt=self.fmt, metrics=metrics)
        return Page(path, context.title, context.kind, template.render(**values), charts)

    # -- pages ---------------------------------------------------------------------
    def contexts(self) -> dict[str, PageContext]:
        """Every page's context, by docs-relative path, in the order pages are read.

        Projects come first: each is quick to make, so an engine reading pages while they are being made
        (see :mod:`..writing.ahead`) starts at once; the summaries, slower to make, are ready by the time it
        gets there."""
        return {path: make() for path, make in self._context_makers().items()}

    def project_contexts(self) -> dict[str, PageContext]:
        """The context of every project's page, by path (what preview compares)."""
        return {self.paths[f"project:{p.id}"]: self.project(p) for p in self.report.projects.values()}

    def _context_makers(self) -> dict[str, Callable[[], PageContext]]:
        r = self.report
        makers = {self.paths[f"project:{p.id}"]: functools.partial(self.project, p) for p in r.projects.values()}
        makers.update({self.paths[f"cluster:{cid}"]: functools.partial(self.cluster, cid) for cid in r.clusters})
        makers.update({self.paths[f"year:{y}"]: functools.partial(self.year, y) for y in r.years})
        kinds = ("home", "projects_index", "clusters_index", "methodology", "changes") if r.clusters else (
            "home", "projects_index", "methodology", "changes")
        makers.update({self.paths[k]: getattr(self, k) for k in kinds})
        return makers

    def jobs(self) -> dict[str, Callable[[], Page]]:
        """Every page, by docs-relative path: a function that works out its context and renders it, in the
        order pages are read (the work happens where the page is made, perhaps in a second process)."""
        return {path: functools.partial(self._page, make) for path, make in self._context_makers().items()}

    def _page(self, make: Callable[[], PageContext]) -> Page:
        return self.render(make())

    def _home_charts(self, report: Report, **_) -> list:
        f, projects = self.fmt, list(report.projects.values())
        return [ch.investment_by(self.by_cluster(projects), f, "cluster-investment", "chart_cluster_investment"),
                ch.status_breakdown(projects, f), ch.plan_vs_completed_by_year(report, f), ch.pipeline(projects, f),
                maps.project_map(report, projects, f)]

    def home(self) -> PageContext:
        r, f = self.report, self.fmt
        projects = list(r.projects.values())
        latest = r.current_year
        unassigned = [p for p in projects if p.cluster_id is None]
        summary = metrics.summarize(projects, latest)
        return PageContext.of("home", self.paths["home"], self.site_name or f.t("home"), report=r,
                           summary=summary, latest=latest,
                           clusters=[(cid, c, metrics.cluster_summary(r, cid)) for cid, c in r.clusters.items()],
                           unassigned=metrics.cluster_summary(r, None) if unassigned else None,
                           years=[(y, metrics.year_summary(r, y)) for y in r.years],
                           landed=len([p for p in projects if p.category is Category.INVESTMENT and p.status and
                                       p.status.stage is not None and p.status.stage >= Status.SIGNED.stage]),
                           reserve=[i for i in r.indicators if "储备" in i.name or "reserve" in i.name.lower()],
                           stages=metrics.stage_summaries(r), start_rate=metrics.start_rate(r),
                           **self._lights(projects, summary))

    def projects_index(self) -> PageContext:
        r = self.report
        latest = r.latest_period
        rows = [(p, metrics.schedule(p, latest, r.schedule).status) for p in r.projects.values()]
        return PageContext.of("projects_index", self.paths["projects_index"], self.fmt.t("projects"), report=r,
                              rows=rows)

    def clusters_index(self) -> PageContext:
        """Every cluster with its figures: the navigation's way into clusters when there are many."""
        r = self.report
        unassigned = any(p.cluster_id is None for p in r.projects.values())
        return PageContext.of("clusters_index", self.paths["clusters_index"], self.fmt.t("clusters"), report=r,
                           clusters=[(cid, c, metrics.cluster_summary(r, cid)) for cid, c in r.clusters.items()],
                           unassigned=metrics.cluster_summary(r, None) if unassigned else None)

    def _project_charts(self, p: Project, **_) -> list:
        return [ch.project_progress(p, self.fmt)]

    def project(self, p: Project) -> PageContext:
        """A project's page: made from the project, its cluster and its figures only (not the whole report),
        so that preview remakes it exactly when one of them changed."""
        r = self.report
        return PageContext.of("project", self.paths[f"project:{p.id}"], p.name, p=p,
                           cluster=r.clusters.get(p.cluster_id) if p.cluster_id else None,
                           share=metrics.investment_share(p), completion=metrics.annual_completion(p),
                           cumulative=metrics.cumulative_investment(p),
                           schedule=metrics.schedule(p, r.latest_period, r.schedule),
                           milestones=metrics.milestones(p, r.as_of),
                           light=self.light_text(lights.project_light(p, r)),
                           tags=[t for t in (r.clusters[p.cluster_id].name if p.cluster_id else None, self.status(p.status),
                                             *[self.fmt.t("year-title", year=y) for y in p.all_years]) if t])

    def _lights(self, projects: list[Project], summary: metrics.Summary) -> dict:
        """The lights of ``projects``: the group's completion against 序时进度 (from the page's own ``summary``),
        counts, and the red and yellow ones (重点关注), furthest behind first."""
        r, f = self.report, self.fmt
        lit = [(p, c) for p, c in ((p, lights.project_light(p, r)) for p in projects) if c.light is not None]
        if not lit:
            return dict(light_counts=None, watch=[], share_text=None, rate_line=None)
        counts = {light: sum(c.light is light for _, c in lit) for light in lights.Light}
        share = lights.schedule_share(r.as_of)
        rate = summary.completion_rate
        rate_line = None if share is None or rate.value is None else f.t(
            "rate_line", rate=f.ratio(rate), gap=self._gap((rate.value - share) * 100))
        watch = sorted(((p, c) for p, c in lit if c.light is not lights.Light.GREEN),
                       key=lambda pc: (pc[1].light is not lights.Light.RED, pc[1].gap_points or 0))
        return dict(light_counts=counts, share_text=f.ratio(metrics.Ratio(share)) if share is not None else None,
                    rate_line=rate_line,
                    watch=[(p, c, self._watch_detail(p, c)) for p, c in watch])

    def _watch_detail(self, p: Project, c: lights.LightCheck) -> str:
        """``年度完成率 0.0%；存在问题及需协调事项：…；责任单位：…；联系领导：…`` for the 重点关注 list."""
        f, labels = self.fmt, self.env.globals["fields"]
        rate = f.ratio(metrics.Ratio(c.rate)) if c.rate is not None else f.t("not_reported")
        parts = [f.t("watch_rate", rate=rate)] + [f.t("labelled", label=labels[k], text=v) for k, v in
                                                  (("issues", p.issues), ("department", p.department), ("leader", p.leader)) if v]
        return f.t("semicolon").join(parts)

    def _gap(self, points: Decimal) -> str:
        """``低于序时进度 20.8 个百分点`` / ``与序时进度持平`` for a gap in percentage points."""
        f = self.fmt
        shown = f.number(abs(points), 1)
        if shown == f.number(0, 1):
            return f.t("gap_equal")
        return f.t("gap_above" if points > 0 else "gap_below", points=shown)

    def light_text(self, check: lights.LightCheck) -> str | None:
        """``黄灯（年度完成率 62.5%，低于序时进度 20.8 个百分点）``; None when no light can be given."""
        if check.light is None:
            return None
        f, word = self.fmt, self.fmt.t(f"light_{check.light.value}")
        if check.late_start and check.stated is None:
            return f.t("light_late", light=word)
        if check.gap_points is None:
            return word
        return f.t("light_line", light=word, rate=f.ratio(metrics.Ratio(check.rate)), gap=self._gap(check.gap_points))

    def _cluster_charts(self, projects: list[Project], **_) -> list:
        f = self.fmt
        return [ch.project_investment(projects, f), ch.status_breakdown(projects, f), ch.group_progress(projects, f),
                maps.project_map(self.report, projects, f)]

    def cluster(self, cid: str) -> PageContext:
        r = self.report
        projects = r.projects_in(cluster_id=cid)
        summary = metrics.cluster_summary(r, cid)
        return PageContext.of("cluster", self.paths[f"cluster:{cid}"], r.clusters[cid].name, report=r,
                              cluster=r.clusters[cid], projects=projects, summary=summary,
                              tags=[r.clusters[cid].name], **self._lights(projects, summary))

    def _year_charts(self, projects: list[Project], **_) -> list:
        f = self.fmt
        return [ch.investment_by(self.by_cluster(projects), f, "cluster-investment", "chart_year_clusters"),
                ch.status_breakdown(projects, f)]

    def year(self, year: int) -> PageContext:
        r = self.report
        projects = r.projects_in(year=year)
        previous = year - 1 if year - 1 in r.years else None
        by_category = [(c, metrics.year_summary(r, year, c), metrics.year_summary(r, previous, c) if previous else None)
                       for c in Category]
        title = self.fmt.t("year-title", year=year)
        summary = metrics.year_summary(r, year)
        return PageContext.of("year", self.paths[f"year:{year}"], title, report=r, year=year, projects=projects,
                           summary=summary, previous=previous,
                           previous_summary=metrics.year_summary(r, previous) if previous else None,
                           by_category=by_category, indicators=r.indicators_for(year), tags=[title],
                           **self._lights(projects if year == r.current_year else [], summary))

    def changes(self) -> PageContext:
        from ..figures.changes import period_changes

        return PageContext.of("changes", self.paths["changes"], self.fmt.t("changes"), report=self.report,
                              changes=period_changes(self.report))

    def methodology(self) -> PageContext:
        """Downloads, the definitions of derived figures, and what each downloaded column means."""
        from ..contract.schema import TABLES
        from .downloads import _header

        language = self.report.language
        present = [s.table for s in self.report.sources]
        tables = [t for t in TABLES.values() if t.name in present or t.name in ("projects", "clusters")]
        fields = []
        for table in tables:
            rows = []
            for f in table.fields:
                meaning = f.meaning(language)
                if f.kind == "amount":
                    rows.append((_header(table.name, f.name, self.report), meaning))
                    rows.append((_header(table.name, f.name + "_flag", self.report),
                                 self.fmt.t("flag-meaning")))
                else:
                    rows.append((_header(table.name, f.name, self.report), meaning))
            fields.append((table, rows))
        return PageContext.of("methodology", self.paths["methodology"], self.fmt.t("methodology"), report=self.report,
                              definitions=metrics.DEFINITIONS, tables=tables, fields=fields)


def field_labels(report: Report) -> dict[str, str]:
    """Each project field's label in the report's language; completed investment says the months it runs to
    when the table's header names them (``2024年1-10月完成投资``)."""
    language = report.language
    labels = {fd.name: pick(fd, language) for fd in PROJECTS.fields}
    if report.completed_span is not None:
        labels["annual_completed_investment"] = say("completed-in-span", language,
                                                    span=report.completed_span.label(language))
    return labels
