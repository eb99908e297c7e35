"""Generated pages: one Markdown page per project, cluster and year, plus home, index and methodology.

Pages are rendered from Jinja2 templates (one per page kind, overridable from a site folder). Every
value a template prints is escaped for Markdown unless it is markup this module made.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..contract.dates import PartialDate
from ..contract.schema import without_unit
from ..contract.vocab import Category, Stage, Status
from ..figures import lights, metrics, rankings
from ..model.places import every_place, leaf, lineage, spoken
from ..model.report import Project, Report
from ..text.catalogue import pick, say
from . import charts as ch
from . import maps
from . import progress_charts as pc
from .addresses import page_paths, report_places, report_stages, top_places
from .areas import AreaPages
from .cards import cards_html
from .context import Page, PageContext
from .crumbs import crumbs
from .figures_align import align_figures, is_figure
from .formatting import Formatter
from .judging import Judge
from .lamps import lamp, lamp_count
from .markup import h, json_script, show, yaml_value
from .table_columns import prune_columns
from .table_notes import table_notes
from .vega import to_vega


def front_matter(title: str, tags: list[str] = (), hide: list[str] = (), boost: float | None = None) -> Markup:
    """YAML front matter (strings as JSON, which YAML reads as they are). Themes put titles and
    tags into HTML as they are, so they are HTML-escaped here."""
    lines = ["---", f"title: {yaml_value(h(title))}"]
    if tags:
        lines += ["tags:"] + [f"  - {yaml_value(h(t))}" for t in tags]
    if boost:  # Material: rank this page higher in search (a cluster above the projects that name it)
        lines += ["search:", f"  boost: {boost}"]
    if hide:  # Material: give a wide table the whole width
        lines += ["hide:"] + [f"  - {part}" for part in hide]
    return Markup("\n".join([*lines, "---"]))


class PageMaker(AreaPages):
    """Renders the pages of one report."""

    def __init__(self, report: Report, templates_dir: Path | None = None, site_name: str = "",
                 bulletins: dict[str, str] | None = None, feeds: tuple[str, ...] = (), office: str | None = None):
        self.report = report
        self.office = office
        self.fmt = Formatter.of(report)
        self.judge = Judge(report, self.fmt)
        self.site_name = site_name
        self.paths = page_paths(report)
        self.stamps = self.stamp()  # the same on every page: the as-of line at the top, the sources at the foot
        #: what every page's words and figures depend on besides its context
        bulletins = tuple((Markup(path), say(f"bulletin_format_{fmt}", report.language)) for path, fmt in (bulletins or {}).items())
        self.feeds = feeds
        self.shared = (report.language, report.currency, report.display_unit, report.unit_factor, site_name,
                       templates_dir, bulletins, feeds)
        loaders = [FileSystemLoader(str(templates_dir))] if templates_dir else []
        self.env = Environment(loader=ChoiceLoader([*loaders, PackageLoader("generator.rendering", "templates")]),
                               finalize=show, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                               keep_trailing_newline=True, autoescape=False)
        f = self.fmt

        def safe(function):  # figures formatted here hold digits, units and our own words only
            return lambda *a, **k: Markup(function(*a, **k))

        def t(key: str, **params) -> Markup:  # our words, with whatever they name shown literally
            return Markup(f.t(key, **{k: v if isinstance(v, int) else show(v) for k, v in params.items()}))

        # a template's own escaping is ours too: Jinja's would pass Markdown from the data through
        self.env.filters.update(amount=safe(f.amount), total=safe(f.total_marked), ratio=safe(f.ratio), date=safe(f.date),
                                period=safe(f.period), quantity=f.quantity, year=f.year,
                                share=safe(lambda v: f.ratio(metrics.Ratio(v))), e=show, escape=show, forceescape=show)
        language = report.language
        self.env.globals.update(t=t, sep=Markup(h(say("list-separator", language))),  # ", " whole: text is stripped
                                chart=self.chart_html, front=front_matter,
                                status=self.status, category=self.category, named=lambda pair: pick(pair, language),
                                language=language, unit=report.display_unit, Category=Category, Stage=Stage, Light=lights.Light,
                                fields=self.judge.labels, unitless=without_unit,
                                lamp=lambda light, text=None: lamp(light, language, text), cards=cards_html,
                                lamp_count=lambda light, n: lamp_count(light, language, n),
                                rate_bar=self.judge.rate_bar, light_of=self.judge.lamp_of, rate_of=self.judge.rate_of,
                                against=self.judge.against, of_year=self.fmt.of_year,
                                completed_label=self.judge.completed_label, bulletins=bulletins,
                                feed=Markup(feeds[0]) if feeds else None)

    # -- helpers for templates ----------------------------------------------------
    def link(self, here: str, key: str) -> Markup:
        return self.url(here, self.paths[key])

    @staticmethod
    def url(here: str, target: str) -> Markup:
        """The address of the docs-relative file ``target`` from the page at ``here`` (the engine makes it the
        built page's own)."""
        return Markup(posixpath.relpath(target, posixpath.dirname(here) or "."))

    def status(self, s) -> str:
        return self.fmt.t(f"st_{s.value}" if s else "st_none")

    def category(self, c: Category) -> str:
        return self.fmt.t(c.value)

    def chart_html(self, chart: ch.Chart) -> Markup:
        """A chart container, its spec, and its numbers in a collapsible table (readable without the chart);
        in the container, what the chart shows in words, which the drawing replaces (without scripts, it stays).
        Search leaves both out (the numbers are in the page's own tables), as it does the stamp line."""
        cid = f"chart-{chart.id}"
        head = "".join(f"<th scope=\"col\">{h(c)}</th>" for c in chart.columns)
        body = "".join("<tr>" + "".join(f'<td class="ps-num">{h(v)}</td>' if is_figure(str(v)) else f"<td>{h(v)}</td>"
                                        for v in row) + "</tr>" for row in chart.rows)
        label = self.fmt.t("labelled", label=chart.title, text=chart.description)
        return Markup(
            f'<figure class="ps-chart" id="{cid}" data-marks="{chart.marks}" data-search-exclude>'
            f'<figcaption class="ps-chart__title">{h(chart.title)}</figcaption>'
            f'<div class="ps-chart__canvas" role="img" aria-label="{h(label)}" data-spec="{cid}-spec">'
            f'<div class="ps-chart__view"><p class="ps-chart__text">{h(chart.description)}</p></div></div>'
            f'<script type="application/json" id="{cid}-spec">{json_script(to_vega(chart.spec))}</script>'
            f'</figure>\n\n'
            f'<details class="ps-chart-data" data-search-exclude><summary>{h(self.fmt.t("labelled", label=self.fmt.t("data_table"), text=chart.title))}</summary>'
            f'<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></details>\n')

    def stamp(self) -> tuple[Markup, Markup]:
        """The data's as-of date (and 序时进度 at it), for the top of a page; where the figures come from, for its
        foot: the office and the date, in words for the public (the files and their checksums are in the
        downloads' data package, not on a page)."""
        f, as_of = self.fmt, self.report.as_of
        top = Markup("")
        if as_of:
            share = f.t("labelled", label=f.t("schedule_share"), text=f.ratio(metrics.Ratio(lights.schedule_share(self.report))))
            shown = f" · {h(share)}" if self.report.lights.by == "annual_plan" else ""  # by schedule: each its own
            top = Markup(f'<p class="ps-stamp ps-stamp--as-of" data-search-exclude>{f.t("as_of")} {h(f.date(PartialDate.of(as_of)))}'
                         f'{shown}</p>')
        said = f.t("source-office", office=self.office) if self.office else f.t("source-tables")
        if as_of:
            said = f.t("source-dated", source=said, date=f.date(PartialDate.of(as_of)))
        foot = Markup(f'<p class="ps-stamp ps-stamp--sources" data-search-exclude>'
                      f'{h(f.t("labelled", label=f.t("source"), text=said))}{h(f.t("source-files"))}</p>')
        return top, foot

    def by_cluster(self, projects: list[Project], unassigned: bool = True) -> dict[str, list[Project]]:
        """Projects grouped by cluster name, in the clusters' order; with ``unassigned``, those in none under
        不属于产业集群 (a chart of clusters leaves them out: the sector chart shows what they are)."""
        groups = {c.name: [p for p in projects if p.cluster_id == cid] for cid, c in self.report.clusters.items()}
        if unassigned:
            groups[self.fmt.t("unknown_cluster")] = [p for p in projects if p.cluster_id is None]
        return {name: members for name, members in groups.items() if members}

    def by_sector(self, projects: list[Project]) -> dict[str, list[Project]]:
        """Projects grouped by 行业领域 as the data writes it, largest group first; none when no project has one."""
        groups: dict[str, list[Project]] = {}
        for p in projects:
            if p.sector:
                groups.setdefault(p.sector, []).append(p)
        return dict(sorted(groups.items(), key=lambda kv: -len(kv[1])))

    def render(self, context: PageContext) -> Page:
        """The page of ``context``: its charts made, its template rendered."""
        values = dict(context.values)
        charts = [c for c in getattr(self, f"_{context.kind}_charts", lambda **_: [])(**values) if c is not None]
        template = self.env.get_template(f"{context.kind}.md.j2")
        path = context.path
        values.update(title=context.title, here=path, link=lambda key: self.link(path, key), crumbs=crumbs(context, self.fmt, self.paths, self.link),
                      url=lambda target: self.url(path, target), stamp=self.stamps[0], sources=self.stamps[1],
                      charts={c.id: c for c in charts}, fmt=self.fmt, metrics=metrics)
        markdown = table_notes(prune_columns(template.render(**values),
                                             lambda header, value: self.fmt.t("column_same", header=header, value=value)),
                               self.fmt)
        return Page(path, context.title, context.kind, align_figures(markdown), charts)

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
        makers.update({self.paths[f"stage:{s.value}"]: functools.partial(self.stage, s) for s in report_stages(r)})
        makers.update({self.paths[f"place:{n}"]: functools.partial(self.place, n) for n in report_places(r)})
        if "places_index" in self.paths:
            makers[self.paths["places_index"]] = self.places_index
        kinds = ["home", "projects_index", "clusters_index", "methodology", "changes", "rankings"]
        if not r.clusters:
            kinds.remove("clusters_index")
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
        return [pc.group_pace(projects, report, f), pc.lights_by_period(projects, report, f),
                ch.investment_by(self.by_cluster(projects, unassigned=False), f, "cluster-investment",
                                 "chart_cluster_investment"),
                ch.investment_by(self.by_sector(projects), f, "sector-investment", "chart_sector_investment"),
                ch.status_breakdown(projects, f), ch.plan_vs_completed_by_year(report, f), ch.pipeline(projects, f),
                maps.area_map(report, f) or maps.project_map(report, projects, f)]

    def home(self) -> PageContext:
        r, f = self.report, self.fmt
        projects = list(r.projects.values())
        latest = r.current_year
        unassigned = [p for p in projects if p.cluster_id is None]
        summary = metrics.summarize(projects, latest)
        start = metrics.start_rate(r)
        return PageContext.of("home", self.paths["home"], self.site_name or f.t("home"), report=r,
                           summary=summary, latest=latest,
                           clusters=[(cid, c, metrics.cluster_summary(r, cid)) for cid, c in r.clusters.items()],
                           unassigned=metrics.cluster_summary(r, None) if unassigned else None,
                           years=[(y, metrics.year_summary(r, y)) for y in r.years],
                           landed=len([p for p in projects if p.category is Category.INVESTMENT and p.status and
                                       p.status.stage is not None and p.status.stage >= Status.SIGNED.stage]),
                           reserve=[i for i in r.indicators if "储备" in i.name or "reserve" in i.name.lower()],
                           stages=metrics.stage_summaries(r), start_rate=start,
                           places=next(iter(rankings.leagues(r, only="place")), None), group_name=self.group_name,
                           place_starts={name: metrics.start_rate(r.in_place(name)) for name in top_places(r)},
                           **self.judge.judged(projects, summary, start))

    def projects_index(self) -> PageContext:
        r = self.report
        rows = [(p, lights.project_light(p, r)) for p in lights.worst_first(r.projects.values(), r)]  # red first
        return PageContext.of("projects_index", self.paths["projects_index"], self.fmt.t("projects"), report=r,
                              rows=rows, departments=any(p.department for p in r.projects.values()),
                              places=bool(report_places(r)),  # the filter's areas in the data's order, not the rows'
                              place_names=every_place(p.place for p in r.projects.values()))

    def clusters_index(self) -> PageContext:
        """Every cluster with its figures: the navigation's way into clusters when there are many."""
        r = self.report
        unassigned = any(p.cluster_id is None for p in r.projects.values())
        return PageContext.of("clusters_index", self.paths["clusters_index"], self.fmt.t("clusters"), report=r,
                           clusters=[(cid, c, metrics.cluster_summary(r, cid)) for cid, c in r.clusters.items()],
                           unassigned=metrics.cluster_summary(r, None) if unassigned else None)

    def _project_charts(self, p: Project, **_) -> list:
        return [pc.project_pace(p, self.report, self.fmt) or ch.project_progress(p, self.fmt)]

    def project(self, p: Project) -> PageContext:
        """A project's page: made from the project, its cluster and its figures only (not the whole report),
        so that preview remakes it exactly when one of them changed."""
        r = self.report
        return PageContext.of("project", self.paths[f"project:{p.id}"], p.name, p=p,
                           place=[self.group_name("place", area, self.paths[f"project:{p.id}"]) for area in lineage(p.place)]
                           if p.place else [],
                           place_text=spoken(p.place, self.fmt.language) if p.place else None,
                           cluster=r.clusters.get(p.cluster_id) if p.cluster_id else None,
                           share=metrics.investment_share(p), completion=metrics.annual_completion(p),
                           cumulative=metrics.cumulative_investment(p),
                           milestones=metrics.milestones(p, r.as_of), overdue=metrics.is_overdue(p, r.as_of),
                           elapsed=metrics.schedule_elapsed(p, r.as_of) if r.lights.by == "schedule" else None,
                           light=self.judge.light_text(lights.project_light(p, r)), photos=r.photos.get(p.id, ()),
                           history=lights.history(p, r),
                           tags=[t for t in (r.clusters[p.cluster_id].name if p.cluster_id else None, self.status(p.status),
                                             *[self.fmt.t("year-title", year=y) for y in p.all_years]) if t])

    def _cluster_charts(self, projects: list[Project], **_) -> list:
        f = self.fmt
        return [pc.group_pace(projects, self.report, f), pc.lights_by_period(projects, self.report, f),
                ch.project_investment(projects, f), ch.status_breakdown(projects, f),
                ch.group_progress(projects, f),
                ch.timeline(projects, f, self.judge.light, self.report.as_of), maps.project_map(self.report, projects, f)]

    def cluster(self, cid: str) -> PageContext:
        r = self.report
        projects = r.projects_in(cluster_id=cid)
        summary = metrics.cluster_summary(r, cid)
        feed = f"feeds/{cid}.xml"
        return PageContext.of("cluster", self.paths[f"cluster:{cid}"], r.clusters[cid].name, report=r,
                              cluster_feed=Markup(self.url(self.paths[f"cluster:{cid}"], feed)) if feed in self.feeds else None,
                              cluster=r.clusters[cid], projects=projects, summary=summary,
                              tags=[r.clusters[cid].name], **self.judge.judged(projects, summary))

    _stage_charts = _cluster_charts

    def stage(self, stage: Stage) -> PageContext:
        """A section of the year's list (续建, 新开工, 预备, 竣工) with its own cards and 重点关注."""
        r = self.report
        projects = [p for p in r.projects.values() if p.stage is stage]
        summary = metrics.summarize(projects, r.current_year)
        start = metrics.start_rate(r) if stage is Stage.NEW else None
        title = self.fmt.t(f"stage_title_{stage.value}")
        return PageContext.of("stage", self.paths[f"stage:{stage.value}"], title, report=r, stage=stage,
                              projects=projects, summary=summary, tags=[title], **self.judge.judged(projects, summary, start))

    def _rankings_charts(self, leagues: list, **_) -> list:
        """Each league's groups as ranked bars, shown under its table."""
        return [pc.league_bars(league, self.league_label(league), self.report, self.fmt,
                               lambda key, d=league.dimension: self.group_label(d, key)) for league in leagues]

    def group_label(self, dimension: str, key: str) -> str:
        """A league group's name as plain text: a cluster's name, a stage's word, an area's own name."""
        if dimension == "cluster":
            return self.report.clusters[key].name
        if dimension == "stage":
            return self.fmt.t("stage_" + key)
        return leaf(key) if dimension == "place" else key

    def league_label(self, league) -> str:
        return self.fmt.t("cluster") if league.dimension == "cluster" else self.judge.labels[league.dimension]

    def rankings(self) -> PageContext:
        """League tables (排名) by 责任单位, 联系领导, cluster, 行业领域, 级别 and stage."""
        r = self.report
        return PageContext.of("rankings", self.paths["rankings"], self.fmt.t("rankings"), report=r,
                              leagues=rankings.leagues(r), group_name=self.group_name)

    def group_name(self, dimension: str, key: str | None, here: str | None = None) -> Markup:
        """A league row's name: a cluster, stage or area linked to its page (from the page ``here``, by default
        排名), else the value as the data gives it."""
        here = here or self.paths["rankings"]
        if key is None:
            return Markup(h(self.fmt.t("group_empty")))
        if dimension == "cluster":
            return Markup(f"[{show(self.report.clusters[key].name)}]({self.link(here, 'cluster:' + key)})")
        if dimension == "stage":
            return Markup(f"[{show(self.fmt.t('stage_' + key))}]({self.link(here, 'stage:' + key)})")
        if dimension == "place" and f"place:{key}" in self.paths:
            return Markup(f"[{show(leaf(key))}]({self.link(here, 'place:' + key)})")
        return show(key)

    def _year_charts(self, projects: list[Project], **_) -> list:
        f = self.fmt
        return [ch.investment_by(self.by_cluster(projects, unassigned=False), f, "cluster-investment", "chart_year_clusters"),
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
                           **self.judge.judged(projects, summary, lit=year == r.current_year))

    def changes(self) -> PageContext:
        from ..figures.changes import period_changes

        return PageContext.of("changes", self.paths["changes"], self.fmt.t("changes"), report=self.report,
                              changes=period_changes(self.report))

    def methodology(self) -> PageContext:
        """The figures in plain words, the downloads (the data dictionary among them) and the exchange rates."""
        from ..contract.schema import TABLES
        from .downloads import exported_tables
        from .explained import plain_words

        language = self.report.language
        hidden = [(pick(TABLES[s.table], language) if s.table in TABLES else self.fmt.t("boundary_source"), s)
                  for s in self.report.sources if s.hidden_rows or s.hidden_columns]  # no file names on a public page
        return PageContext.of("methodology", self.paths["methodology"], self.fmt.t("methodology"), report=self.report,
                              plain=plain_words(self.report, self.fmt), hidden=hidden,
                              tables=[TABLES[name] for name in exported_tables(self.report)])
