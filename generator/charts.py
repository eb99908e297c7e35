"""Charts as Vega-Lite specs made with Altair, each with a title, a description and its numbers as a table.

Specs carry only the rows of the page they are on. Colours are not fixed here: the page script applies a
colour-blind-safe palette for the light or dark scheme the reader has chosen.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

import altair as alt
import pandas as pd
from altair.utils.schemapi import debug_mode

from . import metrics
from .amounts import Amount, total
from .formatting import Formatter
from .model import Project, Report
from .vocab import Status

FONT = "system-ui, -apple-system, 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif"
STATUS_ORDER = [s for s in Status] + [None]


def unchecked(builder):
    """Build a chart without Altair validating each object as it is made (see ``_spec``)."""
    @functools.wraps(builder)
    def wrapper(*args, **kwargs):
        with debug_mode(False):
            return builder(*args, **kwargs)
    return wrapper


@dataclass
class Chart:
    id: str
    title: str
    description: str
    spec: dict
    columns: list[str]
    rows: list[list[str]]
    marks: int  # how many marks (bars, points) a reader should see


def _spec(chart: alt.Chart, title: str, description: str) -> dict:
    """The Vega-Lite spec; the title is shown by the page (as the figure's caption), not in the drawing.

    Altair's schema check is skipped here (it was most of a large site's build time); the tests check every
    chart of a built site against the Vega-Lite schema instead."""
    spec = chart.properties(description=description, width="container",
                            autosize=alt.AutoSizeParams(type="fit-x", contains="padding")).configure(
        font=FONT, background="transparent").to_dict(validate=False)
    spec.pop("$schema", None)  # a URL the browser never needs
    return spec


def _num(value: Decimal | None, fmt: Formatter) -> float | None:
    return None if value is None else float(fmt.in_unit(value))


def _unit_title(fmt: Formatter, key: str) -> str:
    return f"{fmt.t(key)}（{fmt.unit}）" if fmt.language == "zh" else f"{fmt.t(key)} ({fmt.unit})"


def _bar(cid, title, description, frame, category, value, value_title, sort=None, columns=None, rows=None,
         counts=False) -> Chart | None:
    """Horizontal bars, one per row of ``frame``; None when there is nothing to draw."""
    if frame.empty:
        return None
    y = alt.Y(f"{category}:N", title=None, sort=sort or "-x", axis=alt.Axis(labelLimit=220))
    x_axis = alt.Axis(tickMinStep=1, format="d") if counts else alt.Axis()
    chart = alt.Chart(frame).mark_bar().encode(
        y=y, x=alt.X(f"{value}:Q", title=value_title, axis=x_axis),
        tooltip=[alt.Tooltip(f"{category}:N", title=" "),
                 alt.Tooltip(f"{value}:Q", title=value_title, format="d" if counts else ",.2f")])
    return Chart(cid, title, description, _spec(chart, title, description), columns, rows, len(frame))


@unchecked
def investment_by(groups: dict[str, list[Project]], fmt: Formatter, cid: str, title_key: str) -> Chart | None:
    """One bar per group (cluster or project set): the sum of known total investment. Groups whose
    figures are all withheld have no bar; the table beside the chart lists them."""
    sums = {name: total(p.total_investment for p in ps) for name, ps in groups.items()}
    frame = pd.DataFrame([{"name": n, "value": _num(s.value, fmt)} for n, s in sums.items() if s.value is not None],
                         columns=["name", "value"])
    title = fmt.t(title_key)
    description = fmt.join(f"{n} {fmt.total(s)}" for n, s in sums.items())
    rows = [[n, fmt.total(s)] for n, s in sums.items()]
    return _bar(cid, title, description, frame, "name", "value", _unit_title(fmt, "total_investment"),
                columns=[fmt.t("cluster" if cid.startswith("cluster") else "name"), fmt.t("total_investment")], rows=rows)


@unchecked
def project_investment(projects: list[Project], fmt: Formatter) -> Chart | None:
    """One bar per project of a cluster: its total investment; withheld ones are listed in the table."""
    frame = pd.DataFrame([{"name": p.name, "value": _num(p.total_investment.value, fmt)} for p in projects
                          if p.total_investment.known], columns=["name", "value"])
    title = fmt.t("chart_cluster_projects")
    rows = [[p.name, fmt.amount(p.total_investment)] for p in projects]
    description = fmt.join(f"{n} {v}" for n, v in rows)
    return _bar("projects", title, description, frame, "name", "value", _unit_title(fmt, "total_investment"),
                columns=[fmt.t("name"), fmt.t("total_investment")], rows=rows)


def _status_key(status: Status | None) -> str:
    return f"st_{status.value}" if status else "st_none"


@unchecked
def status_breakdown(projects: list[Project], fmt: Formatter, cid: str = "status") -> Chart | None:
    counts = defaultdict(int)
    for p in projects:
        counts[p.status] += 1
    order = [s for s in STATUS_ORDER if counts.get(s)]
    frame = pd.DataFrame([{"name": fmt.t(_status_key(s)), "value": counts[s]} for s in order], columns=["name", "value"])
    title = fmt.t("chart_status")
    rows = [[fmt.t(_status_key(s)), str(counts[s])] for s in order]
    description = fmt.join(f"{n} {v}" for n, v in rows)
    return _bar(cid, title, description, frame, "name", "value", fmt.t("project_count"),
                sort=[fmt.t(_status_key(s)) for s in order], columns=[fmt.t("status"), fmt.t("project_count")], rows=rows,
                counts=True)


PIPELINE = [Status.RESERVE, Status.NEGOTIATING, Status.SIGNED, Status.UNDER_CONSTRUCTION, Status.TRIAL_OPERATION,
            Status.OPERATING, Status.COMPLETED]


@unchecked
def pipeline(projects: list[Project], fmt: Formatter) -> Chart | None:
    """How many projects have reached each stage (or gone past it), from reserve to completed."""
    reached = [sum(1 for p in projects if p.status and p.status.stage is not None and p.status.stage >= s.stage)
               for s in PIPELINE]
    names = [fmt.t(_status_key(s)) for s in PIPELINE]
    frame = pd.DataFrame({"name": names, "value": reached})
    title = fmt.t("chart_pipeline")
    rows = [[n, str(v)] for n, v in zip(names, reached)]
    description = fmt.join(f"{n} {v}" for n, v in rows)
    if not any(reached):
        return None
    return _bar("pipeline", title, description, frame, "name", "value", fmt.t("project_count"), sort=names,
                columns=[fmt.t("stage"), fmt.t("reached_count")], rows=rows, counts=True)


def _grouped(cid, title, records, fmt, x_title, x_order, columns, rows, description) -> Chart | None:
    frame = pd.DataFrame(records, columns=["x", "series", "value"])
    if frame.empty:
        return None
    chart = alt.Chart(frame).mark_bar().encode(
        x=alt.X("x:N", title=x_title, sort=x_order, axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("series:N", sort=[r[1] for r in records[:2]]),
        y=alt.Y("value:Q", title=_unit_title(fmt, "value")),
        color=alt.Color("series:N", title=None, legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("x:N", title=x_title), alt.Tooltip("series:N", title=" "),
                 alt.Tooltip("value:Q", title=fmt.t("value"), format=",.2f")])
    return Chart(cid, title, description, _spec(chart, title, description), columns, rows, len(frame))


@unchecked
def plan_vs_completed_by_year(report: Report, fmt: Formatter, projects: list[Project] | None = None) -> Chart | None:
    """Annual plan and completion per year, for ``projects`` (default: all)."""
    chosen = list(report.projects.values()) if projects is None else projects
    records, rows = [], []
    for year in report.years:
        s = metrics.summarize([p for p in chosen if year in p.all_years], year)
        rows.append([str(year), fmt.total(s.annual_planned), fmt.total(s.annual_completed), fmt.ratio(s.completion_rate)])
        for key, t in (("annual_planned", s.annual_planned), ("annual_completed", s.annual_completed)):
            if t.value is not None:
                records.append((str(year), fmt.t(key), _num(t.value, fmt)))
    title = fmt.t("chart_years")
    description = fmt.join(f"{r[0]} {r[1]} / {r[2]}" for r in rows)
    return _grouped("years", title, records, fmt, fmt.t("year"), [str(y) for y in report.years],
                    [fmt.t("year"), fmt.t("annual_planned"), fmt.t("annual_completed"), fmt.t("completion_rate")], rows, description)


def year_to_date(project: Project) -> list[tuple]:
    """(period, planned so far this year, completed so far this year, total investment as of the period)
    per period; None where unknown."""
    out = []
    done_so_far: dict[tuple[int, str], list[Amount]] = defaultdict(list)
    planned_so_far: dict[tuple[int, str], list[Amount]] = defaultdict(list)
    for e in project.progress:
        key = (e.period.year, e.period.kind)
        done_so_far[key].append(e.completed_investment)
        planned_so_far[key].append(e.planned_investment)
        done, plan = total(done_so_far[key]), total(planned_so_far[key])
        out.append((e.period, None if done.left_out else done.value, None if plan.left_out else plan.value,
                    e.total_investment.value))
    return out


@unchecked
def project_progress(project: Project, fmt: Formatter) -> Chart | None:
    """Planned and completed investment so far in each year, and the budget as reported, over the periods.
    None when the periods carry none of these figures."""
    series = year_to_date(project)
    keys = [("series_planned", 2), ("series_completed", 1), ("series_budget", 3)]
    keys = [(k, i) for k, i in keys if any(row[i] is not None for row in series)]
    if not keys:
        return None
    records = [{"period": fmt.period(row[0]), "series": fmt.t(k), "value": _num(row[i], fmt)}
               for row in series for k, i in keys if row[i] is not None]
    frame = pd.DataFrame(records, columns=["period", "series", "value"])
    order = [fmt.period(row[0]) for row in series]
    title = fmt.t("chart_project_progress" if len(keys) > 1 or keys[0][0] != "series_budget" else "chart_budget")
    chart = alt.Chart(frame).mark_line(point=True).encode(
        x=alt.X("period:N", title=fmt.t("period"), sort=order, axis=alt.Axis(labelAngle=0 if len(order) < 7 else -45)),
        y=alt.Y("value:Q", title=_unit_title(fmt, "value")),
        color=alt.Color("series:N", title=None, legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("period:N", title=fmt.t("period")), alt.Tooltip("series:N", title=" "),
                 alt.Tooltip("value:Q", title=fmt.t("value"), format=",.2f")])

    def show(v):
        return fmt.missing(None) if v is None else fmt.amount(Amount(v))
    rows = [[fmt.period(row[0]), *[show(row[i]) for _, i in keys]] for row in series]
    description = fmt.join(" / ".join([r[0], *r[1:]]) for r in rows)
    return Chart("progress", title, description, _spec(chart, title, description),
                 [fmt.t("period"), *[fmt.t(k) for k, _ in keys]], rows, len(frame))


@unchecked
def group_progress(projects: list[Project], fmt: Formatter) -> Chart | None:
    """Investment completed in each period, summed over the projects (a cluster)."""
    by_period: dict = defaultdict(list)
    for p in projects:
        for e in p.progress:
            by_period[e.period].append(e.completed_investment)
    periods = sorted(by_period, key=lambda p: p.sort_key())
    sums: dict = {p: total(by_period[p]) for p in periods}
    frame = pd.DataFrame([{"name": fmt.period(p), "value": _num(s.value, fmt)} for p, s in sums.items() if s.value is not None],
                         columns=["name", "value"])
    if frame.empty:
        return None
    order = [fmt.period(p) for p in periods]
    title = fmt.t("chart_cluster_progress")
    chart = alt.Chart(frame).mark_bar().encode(
        x=alt.X("name:N", title=fmt.t("period"), sort=order, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title=_unit_title(fmt, "completed")),
        tooltip=[alt.Tooltip("name:N", title=fmt.t("period")), alt.Tooltip("value:Q", title=fmt.t("completed"), format=",.2f")])
    rows = [[fmt.period(p), fmt.total(s)] for p, s in sums.items()]
    description = fmt.join(f"{r[0]} {r[1]}" for r in rows)
    return Chart("periods", title, description, _spec(chart, title, description), [fmt.t("period"), fmt.t("completed")], rows, len(frame))
