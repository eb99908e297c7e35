"""Charts that judge progress, each for one question:

- *Is it keeping pace?* Completion of the year's plan, period by period, against the 序时进度 line, over the light
  bands (green above, yellow within the yellow band, red below) on a scale of 0 to 100%: a project's and a group's on
  the same scale, so that a red project looks red.
- *Are more projects falling behind?* How many projects were red, yellow and green in each period.
- *Who is behind?* A league's groups as bars ranked by their rate, with the 序时进度 line across them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ..contract.periods import year_elapsed_at
from ..figures import lights, metrics
from ..figures.rankings import League
from ..model.report import Project, Report
from .charts import Chart, template
from .formatting import Formatter
from .lamps import CHART_SHAPES, COLOURS, SHAPES

#: The lights in the order every legend lists them: the furthest behind first.
WORST_FIRST = (lights.Light.RED, lights.Light.YELLOW, lights.Light.GREEN)
#: The bands' fills: the lights' colours, faint enough for the line and its points to read over them.
BAND_OPACITY = 0.16
_TEXT = ("psText", "#1f2328")  # the page script sets it to the reader's scheme
#: Text drawn on a light's colour, whatever the scheme: at least 4.5:1 on each of them.
INK = "#111111"


def _bands(report: Report, top: float) -> list[dict]:
    """The 序时进度 line and the light bands under it, at the year's start (month 0) and each month's end (1 to 12:
    序时进度 at a month's end is that many twelfths)."""
    rule, out = report.lights, []
    for month in range(13):
        share = month / 12
        out.append({"kind": "band", "month": month, "zero": 0, "red": max(0.0, share - float(rule.yellow_within) / 100),
                    "yellow": max(0.0, share - float(rule.green_within) / 100), "top": top, "share": share})
    return out


def _month_of(day: dt.date, start_month: int) -> float:
    """Where ``day`` falls on the chart's axis: months of the (financial) year elapsed by its end (3 for 31 March)."""
    return float(year_elapsed_at(day, start_month)) * 12


def _month_labels(fmt: Formatter, start_month: int) -> tuple[str, ...]:
    """The names of the (financial) year's months, in its order: what months 1 to 12 of the axis end."""
    return tuple(fmt.t("chart_month", month=dt.date(2000, (start_month - 1 + i) % 12 + 1, 1)) for i in range(12))


@template
def _against_share(alt, rows, words: tuple[str, ...], colours: tuple[str, ...], shapes: tuple[str, ...],
                   band_colours: tuple[str, str, str], months: tuple[str, ...], y_title: str, rate_title: str,
                   share_title: str, light_title: str):
    """The light bands, the 序时进度 line (dashed, named at its end) and the rate's line with a point per period,
    shaped and filled by that period's light; along x the months of the year, each at its end."""
    import json

    text = alt.param(name=_TEXT[0], value=_TEXT[1])
    labels = f"{json.dumps(list(months), ensure_ascii=False)}[datum.value - 1]"
    x = alt.X("month:Q", title=None, scale=alt.Scale(domain=[0, 12], nice=False),
              axis=alt.Axis(values=list(range(1, 13)), labelExpr=labels, labelOverlap=True, grid=True))
    y_axis = alt.Axis(format=".0%", title=y_title, tickCount=6)
    band = alt.Chart(rows).transform_filter("datum.kind == 'band'")
    layers = [band.mark_area(opacity=BAND_OPACITY, color=colour, interpolate="linear").encode(
        x=x, y=alt.Y(f"{low}:Q", axis=y_axis), y2=f"{high}:Q")
        for (low, high), colour in zip((("zero", "red"), ("red", "yellow"), ("yellow", "top")), band_colours)]
    layers.append(band.mark_line(strokeDash=[6, 4], strokeWidth=2, color=alt.expr(_TEXT[0])).encode(
        x=x, y=alt.Y("share:Q", axis=y_axis),
        tooltip=[alt.Tooltip("share:Q", title=share_title, format=".1%")]))
    layers.append(band.transform_filter("datum.month == 12").mark_text(align="right", baseline="bottom", dx=-4, dy=-4,
                                                                         fontWeight="bold", color=alt.expr(_TEXT[0])).encode(
        x=x, y=alt.Y("share:Q", axis=y_axis), text=alt.value(share_title)))
    rate = alt.Chart(rows).transform_filter("datum.kind == 'rate'")
    layers.append(rate.mark_line(strokeWidth=3).encode(x=x, y=alt.Y("rate:Q", axis=y_axis)))
    layers.append(rate.mark_point(filled=True, size=110, opacity=1).encode(
        x=x, y=alt.Y("rate:Q", axis=y_axis),
        shape=alt.Shape("light:N", scale=alt.Scale(domain=list(words), range=list(shapes)), title=light_title,
                        legend=alt.Legend(orient="bottom")),
        fill=alt.Fill("light:N", scale=alt.Scale(domain=list(words), range=list(colours)), title=light_title,
                      legend=alt.Legend(orient="bottom")),
        stroke=alt.value("#ffffff"),
        tooltip=[alt.Tooltip("period:N", title=" "), alt.Tooltip("rate:Q", title=rate_title, format=".1%"),
                 alt.Tooltip("light:N", title=light_title)]))
    return alt.layer(*layers).add_params(text)


def _points(history: list[tuple], year: int) -> list[tuple]:
    """(period, rate, light) of ``year``'s sub-year periods, oldest first."""
    return [(period, check.rate, check.light) for period, check in history
            if period.fiscal_year == year and period.kind != "year" and check.rate is not None]


def project_pace(project: Project, report: Report, fmt: Formatter) -> Chart | None:
    """A project's completion of its annual plan at each period of the year, against 序时进度 and the bands; None
    for a site lit by schedule, or with fewer than two periods to draw a line through."""
    year = report.current_year
    if report.lights.by != "annual_plan" or year is None:
        return None
    points = _points(lights.history(project, report), year)
    return _pace("pace", fmt.t("chart_pace", year=fmt.year(year)), points, report, fmt, year)


def group_pace(projects: list[Project], report: Report, fmt: Formatter) -> Chart | None:
    """A group's completion of its annual plan at each period (the completed sum over the planned sum of this
    year's projects that report both then; at the latest, the group's 完成率 as its page gives it), against 序时进度
    and the bands."""
    year, latest = report.current_year, report.latest_period
    if report.lights.by != "annual_plan" or year is None or latest is None:
        return None
    projects = metrics.this_year(projects, year)
    done: dict = {}
    planned: dict = {}
    for p in projects:
        plan = metrics.annual_figures(p, year)[0].value
        if not plan:
            continue
        for period, rate, _ in _points(lights.history(p, report), year):
            if period.kind == latest.kind:  # one kind of period: a quarter and its third month are not two points
                done[period] = done.get(period, Decimal(0)) + rate * plan
                planned[period] = planned.get(period, Decimal(0)) + plan
    if report.as_of == latest.end and latest.fiscal_year == year:  # the latest point is the page's own 完成率
        rate = metrics.summarize(projects, year).completion_rate.value
        if rate is not None:
            done[latest], planned[latest] = rate, Decimal(1)
    points = []
    for period in sorted(done, key=lambda x: x.sort_key()):
        rate = done[period] / planned[period]
        points.append((period, rate, lights.derive(rate, period.year_elapsed(), report.lights)))
    return _pace("pace", fmt.t("chart_pace_group", year=fmt.year(year)), points, report, fmt, year)


def _pace(cid: str, title: str, points: list[tuple], report: Report, fmt: Formatter, year: int) -> Chart | None:
    if len(points) < 2:
        return None
    top = max(1.0, *(float(rate) for _, rate, _ in points)) * 1.04
    records = _bands(report, top) + [
        {"kind": "rate", "month": _month_of(period.end, report.fiscal_start), "rate": float(rate), "period": fmt.period(period),
         "light": fmt.t(f"light_{light.value}") if light else fmt.t("no_light")} for period, rate, light in points]
    rows = [[fmt.period(period), fmt.ratio(metrics.Ratio(rate)), fmt.ratio(metrics.Ratio(period.year_elapsed())),
             fmt.t(f"light_{light.value}") if light else fmt.t("no_light")] for period, rate, light in points]
    description = fmt.join(fmt.t("chart_pace_point", period=r[0], rate=r[1], share=r[2]) for r in rows)
    order = WORST_FIRST  # the legend's, whichever are drawn: one spec for every chart of the kind
    spec = _against_share(records, description, tuple(_label(light, fmt) for light in order),
                          tuple(COLOURS[light] for light in order), tuple(CHART_SHAPES[light] for light in order),
                          (COLOURS[lights.Light.RED], COLOURS[lights.Light.YELLOW], COLOURS[lights.Light.GREEN]),
                          _month_labels(fmt, report.fiscal_start), fmt.t("completion_rate"), fmt.t("completion_rate"),
                          fmt.t("schedule_share"), fmt.t("light"))
    columns = [fmt.t("period"), fmt.t("completion_rate"), fmt.t("schedule_share"), fmt.t("light")]
    return Chart(cid, title, description, spec, columns, rows, len(points))


def _label(light: lights.Light | None, fmt: Formatter) -> str:
    return fmt.t(f"light_{light.value}") if light else fmt.t("no_light")


@template
def _stacked_lights(alt, rows, words: tuple[str, ...], colours: tuple[str, ...], tilted: bool, y_title: str,
                    light_title: str):
    """A column per period, stacked from its red projects up to its green ones, each part labelled with its shape and
    count (colour is never alone); counts on whole-number ticks."""
    scale = alt.Scale(domain=list(words), range=list(colours))
    x = alt.X("period:N", title=None, sort=alt.EncodingSortField(field="index", op="min"),
              axis=alt.Axis(labelAngle=-45 if tilted else 0))
    bars = alt.Chart(rows).transform_filter("datum.count > 0").mark_bar(stroke="#ffffff", strokeWidth=1).encode(
        x=x, y=alt.Y("low:Q", title=y_title, axis=alt.Axis(tickMinStep=1, format="d",
                                                            tickCount={"expr": "min(8, ceil(domain('y')[1]))"})), y2="high:Q",
        color=alt.Color("light:N", scale=scale, sort=list(words), legend=alt.Legend(orient="bottom", title=light_title)),
        tooltip=[alt.Tooltip("period:N", title=" "), alt.Tooltip("light:N", title=light_title),
                 alt.Tooltip("count:Q", title=y_title, format="d")])
    text = alt.Chart(rows).transform_filter("datum.shown").mark_text(color=INK, fontWeight="bold").encode(
        x=x, y="middle:Q", text="label:N").properties(name="ps_on_bars")  # on the bars: dark on every light's colour
    return alt.layer(bars, text)


def lights_by_period(projects: list[Project], report: Report, fmt: Formatter) -> Chart | None:
    """How many of ``projects`` were red, yellow and green at each reporting period (of the latest period's kind);
    None with fewer than two such periods lit."""
    latest = report.latest_period
    if latest is None:
        return None
    periods = [p for p in report.periods if p.kind == latest.kind]
    counts = {period: {light: 0 for light in lights.Light} for period in periods}
    now = report.as_of == latest.end  # the latest period's lights are the ones the page's bar and sentence count
    for p in projects:
        for period, check in lights.history(p, report):
            if period in counts and check.light is not None and not (now and period == latest):
                counts[period][check.light] += 1
        if now and (light := lights.project_light(p, report).light) is not None:
            counts[latest][light] += 1
    periods = [p for p in periods if any(counts[p].values())]
    if len(periods) < 2:
        return None
    order = WORST_FIRST  # from the baseline up, as the legend reads
    most = max(sum(counts[p].values()) for p in periods)
    records, rows = [], []
    for index, period in enumerate(periods):
        low = 0
        for light in order:
            n = counts[period][light]
            records.append({"period": fmt.period(period), "index": index, "light": _label(light, fmt), "count": n, "low": low,
                            "high": low + n, "middle": low + n / 2, "label": f"{SHAPES[light]}{n}",
                            "shown": n > 0 and n / most >= 0.07})
            low += n
        rows.append([fmt.period(period), *(str(counts[period][light]) for light in order)])
    description = fmt.join(f"{r[0]} " + fmt.t("bulletin_and").join(
        fmt.t(f"bulletin_count_{light.value}", n=int(n)) for light, n in zip(order, r[1:])) for r in rows)
    spec = _stacked_lights(records, description, tuple(_label(light, fmt) for light in order),
                           tuple(COLOURS[light] for light in order), len(periods) >= 7, fmt.t("project_count"),
                           fmt.t("light"))
    return Chart("lights-by-period", fmt.t("chart_lights_by_period"), description, spec,
                 [fmt.t("period"), *(_label(light, fmt) for light in order)], rows,
                 sum(1 for r in records if r["count"]))


@template
def _ranked_bars(alt, rows, words: tuple[str, ...], colours: tuple[str, ...], shapes: tuple[str, ...],
                 x_title: str, share_title: str, light_title: str):
    """A bar per group in rank order, the 序时进度 line across them, and at each bar's end its light's shape."""
    text = alt.param(name=_TEXT[0], value=_TEXT[1])
    y = alt.Y("name:N", title=None, sort=alt.EncodingSortField(field="index", op="min"), axis=alt.Axis(labelLimit=160))
    x = alt.X("rate:Q", title=x_title, axis=alt.Axis(format=".0%"))
    groups = alt.Chart(rows).transform_filter("datum.kind == 'group'")
    bars = groups.mark_bar(opacity=0.85, height={"band": 0.7}).encode(
        y=y, x=x, color=alt.Color("light:N", scale=alt.Scale(domain=list(words), range=list(colours)), legend=None),
        tooltip=[alt.Tooltip("name:N", title=" "), alt.Tooltip("rate:Q", title=x_title, format=".1%")])
    ends = groups.mark_point(filled=True, size=90, opacity=1, stroke="#ffffff").encode(
        y=y, x=x, shape=alt.Shape("light:N", scale=alt.Scale(domain=list(words), range=list(shapes)),
                                  legend=alt.Legend(orient="bottom", title=light_title)),
        fill=alt.Fill("light:N", scale=alt.Scale(domain=list(words), range=list(colours)), legend=alt.Legend(
            orient="bottom", title=light_title)))
    line = alt.Chart(rows).transform_filter("datum.kind == 'share'")
    rule = line.mark_rule(strokeDash=[6, 4], strokeWidth=2, color=alt.expr(_TEXT[0])).encode(x="rate:Q")
    label = line.mark_text(align="right", dx=-4, dy=-6, fontWeight="bold", color=alt.expr(_TEXT[0])).encode(
        x="rate:Q", y=alt.value(0), text=alt.value(share_title))
    return alt.layer(bars, ends, rule, label).add_params(text)


def league_bars(league: League, label: str, report: Report, fmt: Formatter, name_of=str) -> Chart | None:
    """A league's ranked groups (each named by ``name_of(key)``) as bars of their completion rate, with the 序时进度
    line: who is behind, at a glance; None when fewer than two groups have a rate."""
    ranked = [r for r in league.ranked if r.rank is not None]
    share = lights.schedule_share(report)
    if len(ranked) < 2 or share is None or report.lights.by != "annual_plan":
        return None
    found = [(r, lights.derive(r.summary.completion_rate.value, share, report.lights)) for r in ranked]
    records = [{"kind": "group", "name": name_of(r.key), "index": i, "rate": float(r.summary.completion_rate.value),
                "light": _label(light, fmt)} for i, (r, light) in enumerate(found)]
    records.append({"kind": "share", "rate": float(share)})
    rows = [[str(r.rank), name_of(r.key), fmt.ratio(r.summary.completion_rate), _label(light, fmt)] for r, light in found]
    description = fmt.join(f"{r[1]} {r[2]}" for r in rows)
    spec = _ranked_bars(records, description, tuple(_label(light, fmt) for light in WORST_FIRST),
                        tuple(COLOURS[light] for light in WORST_FIRST), tuple(CHART_SHAPES[light] for light in WORST_FIRST),
                        fmt.t("completion_rate"), fmt.t("schedule_share"), fmt.t("light"))
    return Chart(f"league-{league.dimension}", fmt.t("chart_league", by=label), description, spec,
                 [fmt.t("rank"), label, fmt.t("completion_rate"), fmt.t("light")], rows, 2 * len(found))  # a bar, a shape
