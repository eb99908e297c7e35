"""The bulletin (通报) of one report, as a :class:`~.document.Bulletin`: what an office sends its leaders each
month or quarter. Every figure comes from the same definitions as the site's pages (cards, lights, rankings,
changes), so the printed copy and the website never disagree."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from markupsafe import Markup

from ..contract.amounts import NOT_REPORTED
from ..contract.schema import TABLES
from ..contract.vocab import Stage
from ..figures import lights, metrics, rankings
from ..figures.changes import period_changes, summary_line
from ..model.places import within
from ..model.report import Project, Report
from ..rendering import charts as ch
from ..rendering.formatting import Formatter
from ..rendering.judging import Judge
from ..rendering.lamps import SHAPES, word
from ..rendering.addresses import page_paths, report_stages, top_places, web_address
from . import pictures
from .document import Block, Bulletin, Chart, Figure, FigureList, Heading, Paragraph, Section, Table


def compose(report: Report, office: str = "", title: str | None = None, scope: str | None = None,
            lead: tuple[Block, ...] = (), foreword: tuple[Section, ...] = (), charts: bool = True,
            list_up_to: int = 300, site_url: str | None = None) -> Bulletin:
    """The bulletin of ``report`` (already narrowed to its scope and period): cover, headline figures,
    lights, the red and yellow projects, areas, rankings, clusters, stages, changes and the methodology.
    ``lead`` and ``foreword``: the office's own opening words and sections, placed before the generated ones;
    each cluster's projects are listed when the bulletin covers at most ``list_up_to`` projects, and the red and
    yellow projects and the period's changes up to that many rows each (the rest counted, with where to find
    them), so that the bulletin's pages, and the memory its typesetting takes, stay bounded. A table cell
    longer than :data:`CELL_CHARS` is cut, saying that the whole is on the website (at ``site_url``, when known)."""
    fmt = Formatter.of(report)
    judge = Judge(report, fmt)
    b = _Composer(report, fmt, judge, charts, list_up_to)
    period = judge.span_label()
    sections = [*foreword, b.overview(), b.lights(), b.watch(), b.places(), b.rankings(), b.clusters(), b.stages(),
                b.changes(), b.method()]
    sections = [_cut_cells(s, fmt, site_url) for s in sections if s is not None]
    numerals = fmt.t("bulletin_numerals")
    numbered = tuple(Section(fmt.t("bulletin_numbered", n=numerals[i] if i < len(numerals) else i + 1, title=s.title),
                             s.blocks) for i, s in enumerate(sections))
    title = title or fmt.t("bulletin_title")
    subtitle = fmt.t("bulletin_subtitle", period=period, scope=scope) if scope else period
    dated = fmt.t("bulletin_dated", date=fmt.date(_partial(report.as_of))) if report.as_of else ""
    header = f"{office} {title}" if office else title
    words = {"contents": fmt.t("bulletin_contents"), "page": fmt.t("bulletin_page", page="{page}"),
             "indent": int(fmt.t("bulletin_indent"))}
    return Bulletin(report.language, office, title, subtitle, period, report.as_of, dated, header, numbered, words, lead)


#: The most characters a table cell of the bulletin holds: a longer one (a 存在问题 of pages) is cut and says where
#: the whole text is. At this length a row stays shorter than a page, so that no row is ever clipped by the page's
#: end, and the bulletin's size follows its number of rows, not the length of what an office wrote.
CELL_CHARS = 300


def _cut_cells(section: Section, fmt: Formatter, site_url: str | None) -> Section:
    blocks = []
    for block in section.blocks:
        if isinstance(block, Table) and any(len(c) > CELL_CHARS for row in block.rows for c in row):
            rows = []
            for i, row in enumerate(block.rows):
                page = block.pages[i] if i < len(block.pages) else None
                marker = (fmt.t("bulletin_cut_at", url=site_url.rstrip("/") + "/" + (page or "")) if site_url
                          else fmt.t("bulletin_cut"))
                rows.append(tuple(c if len(c) <= CELL_CHARS else c[:CELL_CHARS - len(marker)].rstrip() + marker
                                  for c in row))
            block = replace(block, rows=tuple(rows))
        blocks.append(block)
    return replace(section, blocks=tuple(blocks))




def _partial(date):
    from ..contract.dates import PartialDate

    return PartialDate(date.year, date.month, date.day)


def plain(value) -> str:
    """A card's value as text: shapes and words of lights, without the page's markup."""
    return Markup(value).striptags() if isinstance(value, Markup) else str(value)


class _Composer:
    def __init__(self, report: Report, fmt: Formatter, judge: Judge, charts: bool, list_up_to: int):
        self.r, self.f, self.judge, self.draw, self.list_up_to = report, fmt, judge, charts, list_up_to
        self.projects = list(report.projects.values())
        self.year = report.current_year
        self.summary = metrics.summarize(self.projects, self.year)
        self.checks = {p.id: lights.project_light(p, report) for p in self.projects}
        self.paths = page_paths(report)

    def pages(self, projects) -> tuple[str, ...]:
        """Each project's page on the website, relative to the site's address."""
        return tuple(web_address(self.paths[f"project:{p.id}"]) for p in projects)

    # -- words shared by the sections -----------------------------------------------
    def lamp(self, light: lights.Light | None) -> str:
        return f"{SHAPES[light]}{word(light, self.r.language)}" if light else self.f.t("light_none")

    def sentence(self, projects: list[Project], summary: metrics.Summary) -> str:
        return self.judge.sentence(projects, summary)

    def bands(self) -> str:
        """The light bands in words, as the settings give them."""
        rule, f = self.r.lights, self.f
        key = "bulletin_bands_at" if rule.green_within == 0 else "bulletin_bands_within"
        own = "_schedule" if rule.by == "schedule" else ""  # against each project's own schedule
        return f.t(key + own, green=f.number(rule.green_within, 0), yellow=f.number(rule.yellow_within, 0))

    def amount_header(self, key: str, **params) -> str:
        label = self.f.of_year(key, params["year"]) if "year" in params else self.f.t(key, **params)
        return self.f.t("header-with-unit", label=label, unit=self.f.unit)

    def total(self, s) -> str:
        return self.f.total(s, unit=False)

    def chart(self, made: ch.Chart | None) -> list[Block]:
        if made is None or not self.draw:
            return []
        svg, png = pictures.drawn(made.spec)
        return [Chart(made.title, made.description, svg, png)]

    # -- sections ------------------------------------------------------------------
    def overview(self) -> Section:
        f, r = self.f, self.r
        start = metrics.start_rate(r)
        cards = self.judge.judged(self.projects, self.summary, start)["figure_cards"]
        blocks: list[Block] = [Paragraph(self.sentence(self.projects, self.summary)),
                               FigureList(tuple(Figure(c.label, plain(c.value), c.note) for c in cards))]
        stages = metrics.stage_summaries(r)
        if stages:
            rows = tuple((f.t(f"stage_{s.stage.value}" if s.stage else "stage_none"), str(s.summary.count),
                          self.total(s.summary.annual_planned), self.total(s.summary.annual_completed),
                          f.ratio(s.summary.completion_rate)) for s in stages)
            blocks.append(Table((f.t("bulletin_stage"), f.t("project_count"), self.amount_header("year-planned", year=self.year),
                                 self.amount_header("bulletin_completed"), f.t("completion_rate")),
                                rows, (2, 1, 1.5, 1.5, 1.2), (False, True, True, True, True), f.t("bulletin_by_stage")))
        groups = {}
        for p in self.projects:
            if p.cluster_id:
                groups.setdefault(r.clusters[p.cluster_id].name, []).append(p)
        blocks += self.chart(ch.investment_by(groups, f, "cluster-investment", "chart_cluster_investment"))
        blocks += self.chart(ch.status_breakdown(self.projects, f))
        return Section(f.t("overview"), tuple(blocks))

    def lights(self) -> Section | None:
        f, r = self.f, self.r
        counts = {light: sum(c.light is light for c in self.checks.values()) for light in lights.Light}
        if not any(counts.values()):
            return None
        share, own = lights.schedule_share(r), "_schedule" if r.lights.by == "schedule" else ""
        rule = f.t("bulletin_rule" + own, share=f.ratio(metrics.Ratio(share)) if share is not None else f.t("not_reported"),
                   bands=self.bands())
        lit = sum(counts.values())
        rows = tuple((self.lamp(light), str(counts[light]), f.ratio(metrics.Ratio(Decimal(counts[light]) / lit)))
                     for light in (lights.Light.GREEN, lights.Light.YELLOW, lights.Light.RED))
        unlit = len(self.judge.this_year(self.projects)) - lit  # as the pages' bar counts them
        note = f.t("bulletin_unlit" + own, n=unlit) if unlit else None
        table = Table((f.t("lights_heading"), f.t("project_count"), f.t("bulletin_share")), rows, (1, 1, 1),
                      (False, True, True), note=note)
        return Section(f.t("lights_heading"), (Paragraph(rule), table))

    def watch(self) -> Section | None:
        f, labels = self.f, self.judge.labels
        overdue = {p.id for p in self.projects if metrics.is_overdue(p, self.r.as_of)}
        if not overdue and not any(c.light is not None for c in self.checks.values()):
            return None
        behind = lights.to_watch(self.projects, self.r)  # red and yellow, and the overdue whatever their light
        if not behind:
            return Section(f.t("watch_heading"), (Paragraph(f.t("bulletin_none_behind")),))
        listed = behind[:self.list_up_to]
        rows = tuple((str(i), p.name, self.lamp(self.checks[p.id].light) + (f.t("bulletin_overdue") if p.id in overdue else ""),
                      f.ratio(metrics.Ratio(self.checks[p.id].rate)) if self.checks[p.id].rate is not None else f.t("not_reported"),
                      self.judge.stated_issues(p), p.department or "", p.leader or "") for i, p in enumerate(listed, 1))
        rate = labels["physical_progress"] if self.r.lights.by == "schedule" else f.t("completion_rate")
        table = Table((f.t("bulletin_serial"), labels["name"], f.t("lights_heading"), rate,
                       labels["issues"], labels["department"], labels["leader"]),
                      rows, (0.8, 3, 1, 1.1, 4, 1.6, 1.2), (True, False, False, True, False, False, False),
                      pages=self.pages(listed))
        more = (Paragraph(f.t("bulletin_watch_more", shown=len(listed), rest=len(behind) - len(listed))),) \
            if len(listed) < len(behind) else ()
        return Section(f.t("watch_heading"), (Paragraph(f.t("bulletin_watch_intro", n=len(behind))), *more, table))

    def rankings(self) -> Section | None:
        f, labels = self.f, self.judge.labels
        blocks: list[Block] = []
        for league in rankings.leagues(self.r):
            name = f.t("cluster") if league.dimension == "cluster" else labels[league.dimension]
            rows = tuple((str(row.rank or "—"), self.group(league.dimension, row.key), str(row.summary.count),
                          self.total(row.summary.annual_planned), self.total(row.summary.annual_completed),
                          f.ratio(row.summary.completion_rate),
                          *(str(row.lights[light]) for light in (lights.Light.RED, lights.Light.YELLOW, lights.Light.GREEN)))
                         for row in league.ranked)
            blocks += [Heading(f.t("by_" + league.dimension)),
                       Table((f.t("rank"), name, f.t("project_count"), self.amount_header("year-planned", year=self.year),
                              self.amount_header("bulletin_completed"), f.t("completion_rate"),
                              self.lamp(lights.Light.RED), self.lamp(lights.Light.YELLOW), self.lamp(lights.Light.GREEN)),
                             rows, (0.7, 3, 0.9, 1.4, 1.4, 1.2, 0.9, 0.9, 0.9),
                             (True, False, True, True, True, True, True, True, True),
                             note=f.t("league_unassigned_place" if league.dimension == "place" else "league_unassigned",
                                      n=league.unassigned.summary.count, label=name) if league.unassigned else None)]
        if not blocks:
            return None
        return Section(f.t("rankings"), (Paragraph(f.t("rankings_intro")), *blocks))

    def group(self, dimension: str, key: str | None) -> str:
        if key is None:
            return self.f.t("group_empty")
        if dimension == "cluster":
            return self.r.clusters[key].name
        if dimension == "stage":
            return self.f.t("stage_" + key)
        return key

    def project_table(self, projects: list[Project]) -> Table:
        f, labels = self.f, self.judge.labels
        rows = []
        for i, p in enumerate(projects, 1):
            planned, completed = metrics.annual_figures(p, self.year) if self.year else (NOT_REPORTED, NOT_REPORTED)
            check = self.checks[p.id]
            rows.append((str(i), p.name, f.t(f"st_{p.status.value}" if p.status else "st_none"),
                         f.amount(planned, unit=False), f.amount(completed, unit=False),
                         f.ratio(metrics.Ratio(check.rate)) if check.rate is not None else f.t("not_reported"),
                         self.lamp(check.light), p.department or ""))
        return Table((f.t("bulletin_serial"), labels["name"], f.t("status"), self.amount_header("year-planned", year=self.year),
                      self.amount_header("bulletin_completed"), f.t("completion_rate"), f.t("lights_heading"),
                      labels["department"]), tuple(rows), (0.8, 3.4, 1.1, 1.3, 1.3, 1.1, 1, 1.6),
                     (True, False, False, True, True, True, False, False), pages=self.pages(projects))

    def clusters(self) -> Section | None:
        f, r = self.f, self.r
        listed = len(self.projects) <= self.list_up_to
        groups = [(c.name, r.projects_in(cluster_id=cid)) for cid, c in r.clusters.items()]
        unassigned = [p for p in self.projects if p.cluster_id is None]
        if unassigned and groups:
            groups.append((f.t("unknown_cluster"), unassigned))
        groups = [(name, ps) for name, ps in groups if ps]
        if not groups:
            return None
        blocks: list[Block] = [] if listed else [Paragraph(f.t("bulletin_clusters_unlisted", n=len(self.projects)))]
        for name, projects in groups:
            summary = metrics.summarize(projects, self.year)
            blocks += [Heading(name), Paragraph(self.sentence(projects, summary))]
            if listed:
                blocks.append(self.project_table(projects))
        return Section(f.t("bulletin_clusters"), tuple(blocks))

    def places(self) -> Section | None:
        """各地区推进情况: each area's projects, plan, completion against 序时进度 and lights, as a city's 通报 has."""
        names = top_places(self.r)
        if not names:
            return None
        blocks: list[Block] = []
        for name in names:
            projects = [p for p in self.projects if within(p.place, name)]
            blocks += [Heading(name), Paragraph(self.sentence(projects, metrics.summarize(projects, self.year)))]
        return Section(self.f.t("bulletin_places"), tuple(blocks))

    def stages(self) -> Section | None:
        f, r = self.f, self.r
        stages = report_stages(r)
        if not stages:
            return None
        blocks: list[Block] = []
        for stage in stages:
            projects = [p for p in self.projects if p.stage is stage]
            blocks += [Heading(f.t(f"stage_title_{stage.value}")),
                       Paragraph(self.sentence(projects, metrics.summarize(projects, self.year)))]
            if stage is Stage.NEW:
                start = metrics.start_rate(r)
                if start.rate.value is not None:
                    blocks.append(Paragraph(f.t("bulletin_start_rate", rate=f.ratio(start.rate), due=start.due,
                                                started=start.started)))
        return Section(f.t("bulletin_stages"), tuple(blocks))

    def changes(self) -> Section | None:
        f = self.f
        changes = period_changes(self.r)
        if changes is None:
            return None
        blocks: list[Block] = [Paragraph(summary_line(changes, f))]
        if changes.appeared:
            blocks += [Heading(f.t("appeared")), Paragraph(f.join(p.name for p in changes.appeared))]
        if changes.left:
            blocks += [Heading(f.t("left")), Paragraph(f.join(d.name for d in changes.left))]
        if changes.previous is not None:
            before, after = f.period(changes.previous), f.period(changes.latest)
            if changes.status:
                status = changes.status[:self.list_up_to]
                blocks += [Heading(f.t("status_changed")),
                           Table((self.judge.labels["name"], before, after),
                                 tuple((p.name, f.t(f"st_{a.value}" if a else "st_none"), f.t(f"st_{b.value}" if b else "st_none"))
                                       for p, a, b in status), (3, 1, 1), (False, False, False),
                                 pages=self.pages(p for p, _, _ in status)), *self.more(status, changes.status)]
            if changes.lights:
                lit = changes.lights[:self.list_up_to]
                blocks += [Heading(f.t("lights_changed")),
                           Table((self.judge.labels["name"], before, after),
                                 tuple((p.name, self.lamp(a), self.lamp(b)) for p, a, b in lit),
                                 (3, 1, 1), (False, False, False), pages=self.pages(p for p, _, _ in lit)),
                           *self.more(lit, changes.lights)]
        return Section(f.t("changes"), tuple(blocks))

    def more(self, listed, every) -> tuple[Block, ...]:
        """The line under a table of changes cut at ``list_up_to`` rows: how many more, and where they are."""
        if len(listed) == len(every):
            return ()
        return (Paragraph(self.f.t("bulletin_changes_more", shown=len(listed), rest=len(every) - len(listed))),)

    def method(self) -> Section:
        f, r = self.f, self.r
        blocks: list[Block] = [Paragraph(f.t("bulletin_method_rate")), Paragraph(f.t("bulletin_method_share")),
                               Paragraph(f.t("bulletin_method_lights", bands=self.bands())),
                               Paragraph(f.t("bulletin_method_partial"))]
        rows = tuple((s.name or s.label, str(s.rows)) for s in r.sources if s.table in TABLES)  # 汇总 sheets aside
        if rows:
            blocks.append(Table((f.t("bulletin_source"), f.t("bulletin_rows")), rows, (4, 1), (False, True),
                                f.t("bulletin_sources")))
        return Section(f.t("bulletin_method"), tuple(blocks))
