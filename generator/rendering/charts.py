"""Charts as Vega-Lite specs made with Altair, each with a title, a description and its numbers as a table.

Specs carry only the rows of the page they are on. Colours are not fixed here: the page script applies a
colour-blind-safe palette for the light or dark scheme the reader has chosen.
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from ..contract.amounts import Amount, total
from ..contract.vocab import Category, Status
from ..figures import metrics
from ..model.report import Project, Report
from .formatting import Formatter

STATUS_ORDER = [s for s in Status] + [None]


@dataclass
class Chart:
    id: str
    title: str
    description: str
    spec: dict
    columns: list[str]
    rows: list[list[str]]
    marks: int  # how many marks (bars, points) a reader should see


def template(build):
    """A kind of chart whose Vega-Lite spec Altair makes once per set of arguments (titles, orders);
    each chart made from it fills in only its own rows and description.

    Altair's schema check is skipped (with it, making a chart object per page was most of a large site's
    build time); the tests check every chart of a built site against the Vega-Lite schema instead. The
    title is shown by the page, as the figure's caption, not in the drawing. Fonts are the page script's
    (and the bulletin's); the drawing has no ARIA of its own (the page labels its frame and lists its numbers)."""
    @functools.lru_cache(maxsize=512)
    def skeleton(*args) -> str:
        import altair as alt  # here, not at import: only the process that makes pages needs it
        from altair.utils.schemapi import debug_mode

        with debug_mode(False):
            rows = alt.NamedData(name="rows")  # stands for the chart's own rows
            chart = build(alt, rows, *args).properties(width="container", autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))
            spec = chart.configure(background="transparent", aria=False).to_dict(validate=False)
        spec.pop("$schema", None)  # a URL the browser never needs
        return json.dumps(spec, ensure_ascii=False)

    @functools.wraps(build)
    def fill(records: list[dict], description: str, *args) -> dict:
        spec = json.loads(skeleton(*args))
        spec["data"] = {"values": records}
        spec["description"] = description
        return spec
    return fill


def _num(value: Decimal | None, fmt: Formatter) -> float | None:
    return None if value is None else float(fmt.in_unit(value))


def _unit_title(fmt: Formatter, key: str) -> str:
    return fmt.t("header-with-unit", label=fmt.t(key), unit=fmt.unit)


@template
def _bars(alt, rows, in_order: bool, value_title: str, counts: bool):
    """Horizontal bars, one per row: ``name`` along y (in the rows' order, or the longest first), ``value``
    along x."""
    # counts tick at whole numbers: Vega takes tickMinStep as a wish, and on a wide chart of small counts put
    # ticks at halves that "d" then printed as 0 1 1 2 2; at most one tick per unit, eight in all
    x_axis = (alt.Axis(tickMinStep=1, format="d", tickCount={"expr": "min(8, ceil(domain('x')[1]))"}) if counts
              else alt.Axis())
    return alt.Chart(rows).mark_bar().encode(
        y=alt.Y("name:N", title=None, sort=None if in_order else "-x", axis=alt.Axis(labelLimit=220)),
        x=alt.X("value:Q", title=value_title, axis=x_axis),
        tooltip=[alt.Tooltip("name:N", title=" "),
                 alt.Tooltip("value:Q", title=value_title, format="d" if counts else ",.2f")])


#: A page's chart compares at least this many things: a chart whose answer is one bar is left to its table.
LEAST = 2


def _bar(cid, title, description, records, value_title, in_order=False, columns=None, rows=None, counts=False,
         least=LEAST) -> Chart | None:
    """Horizontal bars, one per record (in their order, or the longest first); None with fewer than ``least``
    (a hand-written page's chart, asked for by name, may have one)."""
    if len(records) < max(1, least):
        return None
    spec = _bars(records, description, in_order, value_title, counts)
    return Chart(cid, title, description, spec, columns, rows, len(records))


def investment_by(groups: dict[str, list[Project]], fmt: Formatter, cid: str, title_key: str, least: int = LEAST) -> Chart | None:
    """One bar per group (cluster or project set): the sum of known total investment. Groups whose
    figures are all withheld have no bar; the table beside the chart lists them."""
    sums = {name: total(p.total_investment for p in ps) for name, ps in groups.items()}
    records = [{"name": n, "value": _num(s.value, fmt)} for n, s in sums.items() if s.value is not None]
    title = fmt.t(title_key)
    description = fmt.join(f"{n} {fmt.total(s)}" for n, s in sums.items())
    rows = [[n, fmt.total(s)] for n, s in sums.items()]
    return _bar(cid, title, description, records, _unit_title(fmt, "total_investment"),
                columns=[fmt.t(cid.split("-")[0] if cid.startswith(("cluster", "sector")) else "name"),
                         fmt.t("total_investment")], rows=rows, least=least)


def project_investment(projects: list[Project], fmt: Formatter, least: int = LEAST) -> Chart | None:
    """One bar per project of a cluster: its total investment; withheld ones are listed in the table."""
    records = [{"name": p.name, "value": _num(p.total_investment.value, fmt)} for p in projects if p.total_investment.known]
    title = fmt.t("chart_cluster_projects")
    rows = [[p.name, fmt.amount(p.total_investment)] for p in projects]
    description = fmt.join(f"{n} {v}" for n, v in rows)
    return _bar("projects", title, description, records, _unit_title(fmt, "total_investment"),
                columns=[fmt.t("name"), fmt.t("total_investment")], rows=rows, least=least)


def _status_key(status: Status | None) -> str:
    return f"st_{status.value}" if status else "st_none"


def status_breakdown(projects: list[Project], fmt: Formatter, cid: str = "status", least: int = LEAST) -> Chart | None:
    counts = defaultdict(int)
    for p in projects:
        counts[p.status] += 1
    order = [s for s in STATUS_ORDER if counts.get(s)]
    records = [{"name": fmt.t(_status_key(s)), "value": counts[s]} for s in order]
    title = fmt.t("chart_status")
    rows = [[fmt.t(_status_key(s)), str(counts[s])] for s in order]
    description = fmt.join(f"{n} {v}" for n, v in rows)
    return _bar(cid, title, description, records, fmt.t("project_count"),
                in_order=True, columns=[fmt.t("status"), fmt.t("project_count")], rows=rows,
                counts=True, least=least)


PIPELINE = [Status.RESERVE, Status.NEGOTIATING, Status.SIGNED, Status.UNDER_CONSTRUCTION, Status.TRIAL_OPERATION,
            Status.OPERATING, Status.COMPLETED]


def pipeline(projects: list[Project], fmt: Formatter) -> Chart | None:
    """How many investment-attraction projects (招商) have reached each stage (or gone past it), from reserve to
    completed: negotiating and signing are theirs, so other projects are not counted."""
    projects = [p for p in projects if p.category is Category.INVESTMENT]
    stages = PIPELINE
    reached = [sum(1 for p in projects if p.status and p.status.stage is not None and p.status.stage >= s.stage)
               for s in stages]
    if not any(reached):
        return None
    names = [fmt.t(_status_key(s)) for s in stages]
    records = [{"name": n, "value": v} for n, v in zip(names, reached)]
    title = fmt.t("chart_pipeline")
    rows = [[n, str(v)] for n, v in zip(names, reached)]
    description = fmt.join(f"{n} {v}" for n, v in rows)
    return _bar("pipeline", title, description, records, fmt.t("project_count"), in_order=True,
                columns=[fmt.t("stage"), fmt.t("reached_count")], rows=rows, counts=True)


@template
def _side_by_side(alt, rows, x_title: str, x_order: tuple[str, ...], series_order: tuple[str, ...], y_title: str,
                  value_title: str):
    """Grouped columns: one group per ``x``, one column per ``series`` in it."""
    return alt.Chart(rows).mark_bar().encode(
        x=alt.X("x:N", title=x_title, sort=list(x_order), axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("series:N", sort=list(series_order)),
        y=alt.Y("value:Q", title=y_title),
        color=alt.Color("series:N", title=None, legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("x:N", title=x_title), alt.Tooltip("series:N", title=" "),
                 alt.Tooltip("value:Q", title=value_title, format=",.2f")])


def plan_vs_completed_by_year(report: Report, fmt: Formatter, projects: list[Project] | None = None,
                              least: int = LEAST) -> Chart | None:
    """Annual plan and completion per year, for ``projects`` (default: all); None with fewer than ``least`` years
    (one year's pair is what the cards say)."""
    chosen = list(report.projects.values()) if projects is None else projects
    records, rows = [], []
    for year in report.years:
        s = metrics.summarize([p for p in chosen if year in p.all_years], year)
        rows.append([fmt.year(year), fmt.total(s.annual_planned), fmt.total(s.annual_completed), fmt.ratio(s.completion_rate)])
        for key, t in (("annual_planned", s.annual_planned), ("annual_completed", s.annual_completed)):
            if t.value is not None:
                records.append({"x": fmt.year(year), "series": fmt.t(key), "value": _num(t.value, fmt)})
    if len({r["x"] for r in records}) < max(1, least):
        return None
    title = fmt.t("chart_years")
    description = fmt.join(f"{r[0]} {r[1]} / {r[2]}" for r in rows)
    series = tuple(dict.fromkeys(r["series"] for r in records))
    spec = _side_by_side(records, description, fmt.t("year"), tuple(fmt.year(y) for y in report.years), series,
                         _unit_title(fmt, "value"), fmt.t("value"))
    columns = [fmt.t("year"), fmt.t("annual_planned"), fmt.t("annual_completed"), fmt.t("completion_rate")]
    return Chart("years", title, description, spec, columns, rows, len(records))


def year_to_date(project: Project) -> list[tuple]:
    """(period, planned so far this year, completed so far this year, total investment as of the period)
    per period; None where unknown."""
    out = []
    done_so_far: dict[tuple[int, str], list[Amount]] = defaultdict(list)
    planned_so_far: dict[tuple[int, str], list[Amount]] = defaultdict(list)
    for e in project.progress:
        key = (e.period.fiscal_year, e.period.kind)
        done_so_far[key].append(e.completed_investment)
        planned_so_far[key].append(e.planned_investment)
        done, plan = total(done_so_far[key]), total(planned_so_far[key])
        out.append((e.period, None if done.left_out else done.value, None if plan.left_out else plan.value,
                    e.total_investment.value))
    return out


@template
def _lines(alt, rows, period_title: str, tilted: bool, y_title: str, value_title: str):
    """One line with points per ``series`` over the periods, in the rows' order (labels tilted when many)."""
    return alt.Chart(rows).mark_line(point=True).encode(
        x=alt.X("period:N", title=period_title, sort=None, axis=alt.Axis(labelAngle=-45 if tilted else 0)),
        y=alt.Y("value:Q", title=y_title),
        color=alt.Color("series:N", title=None, legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("period:N", title=period_title), alt.Tooltip("series:N", title=" "),
                 alt.Tooltip("value:Q", title=value_title, format=",.2f")])


def project_progress(project: Project, fmt: Formatter) -> Chart | None:
    """Planned and completed investment so far in each year, and the budget as reported, over the periods.
    None when the periods carry none of these figures."""
    series = year_to_date(project)
    keys = [("series_planned", 2), ("series_completed", 1), ("series_budget", 3)]
    keys = [(k, i) for k, i in keys if any(row[i] is not None for row in series)]
    if not keys:
        return None
    names = [fmt.period(row[0]) for row in series]
    records = [{"period": name, "series": fmt.t(k), "value": _num(row[i], fmt)}
               for name, row in zip(names, series) for k, i in keys if row[i] is not None]
    title = fmt.t("chart_project_progress" if len(keys) > 1 or keys[0][0] != "series_budget" else "chart_budget")

    def show(v):
        return fmt.missing(None) if v is None else fmt.amount(Amount(v))
    rows = [[name, *[show(row[i]) for _, i in keys]] for name, row in zip(names, series)]
    description = fmt.join(" / ".join([r[0], *r[1:]]) for r in rows)
    spec = _lines(records, description, fmt.t("period"), len(names) >= 7, _unit_title(fmt, "value"), fmt.t("value"))
    return Chart("progress", title, description, spec, [fmt.t("period"), *[fmt.t(k) for k, _ in keys]], rows, len(records))


@template
def _columns(alt, rows, x_title: str, tilted: bool, y_title: str):
    """One column per row, in their order: ``name`` along x, ``value`` up (labels tilted when many)."""
    return alt.Chart(rows).mark_bar().encode(
        x=alt.X("name:N", title=x_title, sort=None, axis=alt.Axis(labelAngle=-45 if tilted else 0, labelOverlap=True)),
        y=alt.Y("value:Q", title=y_title),
        tooltip=[alt.Tooltip("name:N", title=x_title), alt.Tooltip("value:Q", title=y_title, format=",.2f")])


def group_progress(projects: list[Project], fmt: Formatter) -> Chart | None:
    """Investment completed in each period, summed over the projects (a cluster)."""
    by_period: dict = defaultdict(list)
    for p in projects:
        for e in p.progress:
            by_period[e.period].append(e.completed_investment)
    periods = sorted(by_period, key=lambda p: p.sort_key())
    sums: dict = {p: total(by_period[p]) for p in periods}
    records = [{"name": fmt.period(p), "value": _num(s.value, fmt)} for p, s in sums.items() if s.value is not None]
    if len(records) < 2:
        return None
    title = fmt.t("chart_cluster_progress")
    rows = [[fmt.period(p), fmt.total(s)] for p, s in sums.items()]
    description = fmt.join(f"{r[0]} {r[1]}" for r in rows)
    spec = _columns(records, description, fmt.t("period"), len(periods) >= 7, _unit_title(fmt, "completed"))
    return Chart("periods", title, description, spec, [fmt.t("period"), fmt.t("completed")], rows, len(records))


#: At most this many projects in a timeline (the earliest to start); its title says when there are more.
TIMELINE_ROWS = 60


@template
def _timeline(alt, rows, words: tuple[str, ...], colours: tuple[str, ...], shapes: tuple[str, ...],
              start_title: str, end_title: str, actual_title: str, light_title: str, today_title: str):
    """A bar per project from ``start`` to ``end``, its name written above it (whole, not cut to an axis label's
    width), coloured by its light, with its actual start as a mark shaped by the light (colour is never alone);
    a dashed line at the as-of date."""
    text = alt.param(name="psText", value="#1f2328")  # the page script sets it to the reader's scheme
    scale = alt.Scale(domain=list(words), range=list(colours))
    y = alt.Y("name:N", title=None, sort=None, axis=None)
    x = alt.X("start:T", title=None, scale=alt.Scale(nice="year"),
              axis=alt.Axis(format="%Y", tickCount="year", labelOverlap=True, grid=True))
    legend = alt.Legend(orient="bottom", columns=2)  # four entries fit a phone's width in two columns
    tooltip = [alt.Tooltip("name:N", title=" "), alt.Tooltip("light:N", title=light_title),
               alt.Tooltip("start:T", title=start_title, format="%Y-%m"), alt.Tooltip("end:T", title=end_title, format="%Y-%m")]
    projects = alt.Chart(rows).transform_filter("datum.name != null")
    bars = projects.mark_bar(opacity=0.75, height=12, yOffset=8).encode(
        y=y, x=x, x2="end:T", color=alt.Color("light:N", scale=scale, title=light_title, legend=legend), tooltip=tooltip)
    names = projects.mark_text(align="left", baseline="bottom", dy=-1, color=alt.expr("psText")).encode(
        y=y, x=alt.value(0), text="name:N")
    marks = projects.transform_filter("datum.actual != null").mark_point(filled=True, size=70, opacity=1, yOffset=8).encode(
        y=y, x="actual:T", shape=alt.Shape("light:N", scale=alt.Scale(domain=list(words), range=list(shapes)), title=light_title,
                                             legend=legend),
        color=alt.Color("light:N", scale=scale, title=light_title, legend=legend),
        tooltip=[*tooltip, alt.Tooltip("actual:T", title=actual_title, format="%Y-%m")])
    today = alt.Chart(rows).transform_filter("datum.today != null")
    rule = today.mark_rule(strokeDash=[4, 3], strokeWidth=2, color=alt.expr("psText")).encode(x="today:T")
    label = today.mark_text(align="right", baseline="top", dx=-3, y=0, fontWeight="bold", color=alt.expr("psText")).encode(
        x="today:T", text=alt.value(today_title))
    return alt.layer(bars, names, marks, rule, label).resolve_scale(color="shared", shape="shared").properties(
        height={"step": 36}).add_params(text)


def timeline(projects: list[Project], fmt: Formatter, light_of, today=None) -> Chart | None:
    """Planned start to planned completion per project, coloured and shaped by its light (``light_of(project)``),
    with a line at ``today`` (the as-of date); the projects with neither date are left out (the page's tables list
    them)."""
    from ..figures.lights import Light
    from .lamps import CHART_SHAPES, COLOURS, UNLIT

    dated = []
    for p in projects:
        start = p.planned_start_date.date or p.start_date.date
        end = p.completion_date.date
        if start is None or end is None or end.last_day() < start.first_day():
            continue
        dated.append((start.first_day(), p, start, end))
    if not dated:
        return None
    dated.sort(key=lambda d: (d[0], d[1].name))
    shown = dated[:TIMELINE_ROWS]
    words = tuple(fmt.t(f"light_{light.value}") for light in Light) + (fmt.t("no_light"),)
    colours = tuple(COLOURS[light] for light in Light) + (UNLIT[0],)
    shapes = tuple(CHART_SHAPES[light] for light in Light) + (UNLIT[1],)
    records, rows = [], []
    for _, p, start, end in shown:
        light = light_of(p)
        word = fmt.t(f"light_{light.value}") if light else fmt.t("no_light")
        actual = p.start_date.date
        records.append({"name": p.name, "start": start.first_day().isoformat(), "end": end.last_day().isoformat(),
                        "actual": actual.first_day().isoformat() if actual else None, "light": word})
        rows.append([p.name, fmt.date(start), fmt.date(end), fmt.date(actual) if actual else fmt.missing(None), word])
    title = fmt.t("chart_timeline") if len(shown) == len(dated) else fmt.t(
        "chart_timeline_some", shown=len(shown), count=len(dated))
    description = fmt.join(f"{r[0]} {r[1]}–{r[2]} {r[4]}" for r in rows)
    if today is not None:
        records.append({"today": today.isoformat()})
    spec = _timeline(records, description, words, colours, shapes, fmt.t("planned_start"), fmt.t("planned_end"),
                     fmt.t("actual_start"), fmt.t("light"), fmt.t("chart_today"))
    columns = [fmt.t("name"), fmt.t("planned_start"), fmt.t("planned_end"), fmt.t("actual_start"), fmt.t("light")]
    marks = len(shown) + sum(r.get("actual") is not None for r in records)  # a bar each, and a mark per actual start
    return Chart("timeline", title, description, spec, columns, rows, marks)
