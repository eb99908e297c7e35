"""The map of projects: the district's outline, inlined in the spec (a page fetches nothing for it), and a point
per project with coordinates, coloured and shaped by its light, so that colour is never its only sign.

When the boundary draws the site's places one by one (a city's counties), the whole report's map shades each place
by its completion against 序时进度 (a sequential scale, darker further behind, with its legend) and writes the
place's name and figure on it, the points on top (:func:`area_map`).

The spec is the same on every page that carries it (the home page and each cluster's) but for its points:
the outline, the projection, the legend and the frame come from the whole report. Colours of the outline and
the points' edges are the chart's ``psLand``, ``psBorder``, ``psGrid`` and ``psText`` parameters, in the light
palette here; the page script sets them to the reader's light or dark scheme.
"""

from __future__ import annotations

import functools
import json

from ..contract.geometry import label_point, to_geojson
from ..contract.schema import PROJECTS
from ..figures import lights, metrics
from ..figures.places import area_features, position
from ..model.places import leaf, within
from ..model.report import Project, Report
from ..text.catalogue import pick
from .charts import Chart, template
from .formatting import Formatter
from .lamps import CHART_SHAPES, COLOURS, UNLIT
from .vega import LIGHT

#: Per light, in the legend's order: its colour and shape (the same as everywhere, see :mod:`.lamps`).
MARKS = {**{light: (COLOURS[light], CHART_SHAPES[light]) for light in (lights.Light.RED, lights.Light.YELLOW,
                                                                        lights.Light.GREEN)}, None: UNLIT}
HEIGHT = 360
#: The most points a map names one by one in its text and its table; past it, they are counted by light.
LISTED = 50
#: The shading by completion against 序时进度: furthest behind darkest (a sequential scale of one hue, legible under
#: the labels' halo in either palette).
BEHIND, AHEAD = "#8c2d04", "#fee6ce"


def _palette(alt) -> dict:
    """The map's colour parameters, in the light palette here (the page script sets the reader's)."""
    return {key: alt.param(name=f"ps{key.title()}", value=LIGHT[key]) for key in ("land", "border", "grid", "text")}


def _points(alt, colour: dict, legend: tuple):
    """One point per row at ``lon``, ``lat``, coloured and shaped by its light: ``legend`` is the lights' words,
    colours and shapes in order, then the titles of the light, the name and the status."""
    names, colours, shapes, light_title, name_title, status_title = legend
    key = alt.Legend(orient="bottom", title=light_title)
    return alt.Chart().mark_point(filled=True, size=90, opacity=1, stroke=colour["text"], strokeWidth=1).encode(
        longitude=alt.Longitude("lon:Q"), latitude=alt.Latitude("lat:Q"),
        color=alt.Color("light:N", scale=alt.Scale(domain=list(names), range=list(colours)), legend=key),
        shape=alt.Shape("light:N", scale=alt.Scale(domain=list(names), range=list(shapes)), legend=key),
        tooltip=[alt.Tooltip("name:N", title=name_title), alt.Tooltip("light:N", title=light_title),
                 alt.Tooltip("status:N", title=status_title)])


@template
def _map(alt, rows, legend: tuple, outline: str):
    """The outline (its data put in by :func:`project_map`) under one point per row (:func:`_points`)."""
    colour = _palette(alt)
    if outline == "boundary":  # the district, its outline at least 3:1 against the page
        drawn = {"fill": colour["land"], "stroke": colour["border"]}
    else:  # a plain frame round the points
        drawn = {"fill": colour["land"], "fillOpacity": 0.4, "stroke": colour["grid"]}
    shape = alt.Chart(alt.NamedData(name="outline")).mark_geoshape(strokeWidth=1, **drawn)
    return alt.layer(shape, _points(alt, colour, legend), data=rows).project(type="mercator").properties(
        height=HEIGHT).add_params(*colour.values())


@functools.lru_cache(maxsize=4)
def _features(geojson: str) -> list:
    return json.loads(geojson)["features"]


def _frame(points: list[tuple[float, float]]) -> str:
    """A plain rectangle around ``points`` (with a margin), as GeoJSON: the map's frame without a boundary."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    pad = max(0.02, 0.1 * max(max(xs) - min(xs), max(ys) - min(ys)))
    west, south, east, north = (round(v, 4) for v in (min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad))
    ring = [(west, south), (west, north), (east, north), (east, south), (west, south)]  # clockwise
    return to_geojson([[[ring]]])


def _light(p: Project, report: Report) -> lights.Light | None:
    return lights.project_light(p, report).light


@functools.lru_cache(maxsize=2)  # once per report, not once per page
def _whole(report: Report) -> tuple[tuple[lights.Light | None, ...], str]:
    """What every map of ``report`` shares: the lights its legend shows, in order, and its outline (the
    boundary, else a frame round every project it draws)."""
    placed = [(p, at) for p in report.projects.values() if (at := position(p, report.boundary)) is not None]
    present = {_light(p, report) for p, _ in placed}
    order = tuple(light for light in MARKS if light is not None or None in present)
    if report.boundary:
        return order, report.boundary.geojson
    return order, _frame([at for _, at in placed]) if placed else ""  # no point anywhere: no map to frame


def _drawn(report: Report, projects: list[Project], fmt: Formatter) -> tuple[list[tuple[Project, dict]], tuple, list[str]]:
    """The projects a map draws, each with its point (name, light and status in words, lon, lat); the map's legend
    (see :func:`_points`) and the words of its lights in the legend's order."""
    order, _ = _whole(report)

    def word(light: lights.Light | None) -> str:
        return fmt.t(f"light_{light.value}" if light else "light_none")

    drawn = [(p, {"name": p.name, "light": word(_light(p, report)), "lon": at[0], "lat": at[1],
                  "status": fmt.t(f"st_{p.status.value}" if p.status else "st_none")})
             for p in projects if (at := position(p, report.boundary)) is not None]
    words = [word(light) for light in order]
    legend = (tuple(words), tuple(MARKS[light][0] for light in order), tuple(MARKS[light][1] for light in order),
              fmt.t("light"), fmt.t("name"), fmt.t("status"))
    return drawn, legend, words


def project_map(report: Report, projects: list[Project], fmt: Formatter) -> Chart | None:
    """The map of ``projects`` that have coordinates it can draw; None when none has. Its text and its table name
    each project, or, past :data:`LISTED` of them, count them by light (the index lists them)."""
    drawn, legend, words = _drawn(report, projects, fmt)
    if not drawn:
        return None
    records = [r for _, r in drawn]
    columns = [fmt.t("name"), fmt.t("light"), pick(PROJECTS.field("longitude"), fmt.language),
               pick(PROJECTS.field("latitude"), fmt.language), fmt.t("status")]
    rows = [[p.name, r["light"], str(p.longitude), str(p.latitude), r["status"]] for p, r in drawn]  # as written
    description = fmt.join(f"{r['name']} {r['light']}" for r in records)
    if len(records) > LISTED:
        counts = {name: n for name in words if (n := sum(r["light"] == name for r in records))}
        description = fmt.t("map_many", n=len(records), counts=fmt.join(f"{name} {n}" for name, n in counts.items()))
        columns, rows = [fmt.t("light"), fmt.t("project_count")], [[name, str(n)] for name, n in counts.items()]
    spec = _map(records, description, legend, "boundary" if report.boundary else "frame")
    spec["layer"][0]["data"] = {"values": _features(_whole(report)[1])}
    return Chart("map", fmt.t("chart_map"), description, spec, columns, rows, len(records))


@template
def _area_map(alt, rows, legend: tuple, place_title: str, gap_title: str, points: bool):
    """Every feature as land, the places matched shaded by ``gap`` (percentage points against 序时进度), each
    place's label on a halo, then one point per row (:func:`_points`) when ``points``."""
    colour = _palette(alt)
    land = alt.Chart(alt.NamedData(name="outline")).mark_geoshape(strokeWidth=1, fill=colour["land"],
                                                                  stroke=colour["border"])
    shaded = alt.Chart(alt.NamedData(name="areas")).mark_geoshape(strokeWidth=1, stroke=colour["border"]).encode(
        color=alt.Color("properties.gap:Q", scale=alt.Scale(range=[BEHIND, AHEAD]),
                        legend=alt.Legend(orient="bottom", title=gap_title, direction="horizontal")),
        tooltip=[alt.Tooltip("properties.place:N", title=place_title), alt.Tooltip("properties.shown:N", title=gap_title)])
    where = {"longitude": alt.Longitude("lon:Q"), "latitude": alt.Latitude("lat:Q"), "text": alt.Text("label:N")}
    halo = alt.Chart(alt.NamedData(name="labels")).mark_text(fontSize=13, stroke=colour["land"], strokeWidth=4,
                                                             strokeJoin="round").encode(**where)
    text = alt.Chart(alt.NamedData(name="labels")).mark_text(fontSize=13, fill=colour["text"]).encode(**where)
    layers = [land, shaded, halo, text] + ([_points(alt, colour, legend)] if points else [])
    return alt.layer(*layers, data=rows).project(type="mercator").properties(height=HEIGHT).add_params(*colour.values())


def _shape(geometry: dict) -> list:
    """A GeoJSON (Multi)Polygon's coordinates as a shape (:mod:`..contract.geometry`)."""
    coordinates = geometry["coordinates"]
    polygons = [coordinates] if geometry["type"] == "Polygon" else coordinates
    return [[[tuple(q) for q in ring] for ring in polygon] for polygon in polygons]


def area_map(report: Report, fmt: Formatter) -> Chart | None:
    """The whole report's map shaded by place, when the boundary has a feature for at least one place; else
    None (the map of points, :func:`project_map`, is drawn instead)."""
    matched = area_features(report)
    if not matched:
        return None
    features = _features(report.boundary.geojson)
    projects = list(report.projects.values())
    shaded, labels, rows, said = [], [], [], []
    for place, index in matched.items():
        summary = metrics.summarize([p for p in projects if within(p.place, place)], report.current_year)
        gap = lights.against_schedule(summary.completion_rate.value, report)
        shown = fmt.t("not_reported") if gap is None else fmt.points(gap)
        feature = features[index]
        if gap is not None:
            shaded.append({**feature, "properties": {"place": leaf(place), "gap": float(gap), "shown": shown}})
        at = label_point(_shape(feature["geometry"]))
        if at is not None:
            labels.append({"label": f"{leaf(place)} {shown}", "lon": at[0], "lat": at[1]})
        rows.append([leaf(place), fmt.ratio(summary.completion_rate), shown])
        said.append(f"{leaf(place)} {shown}")
    drawn, legend, _ = _drawn(report, projects, fmt)
    records = [r for _, r in drawn]
    gap_title = fmt.t("against_schedule")
    spec = _area_map(records, fmt.join(said), legend, pick(PROJECTS.field("place"), fmt.language), gap_title,
                     bool(records))
    for layer, values in zip(spec["layer"], (features, shaded, labels, labels)):
        layer["data"] = {"values": values}
    columns = [pick(PROJECTS.field("place"), fmt.language), fmt.t("completion_rate"), gap_title]
    return Chart("map", fmt.t("chart_map_places"), fmt.join(said), spec, columns, rows, len(matched) + len(records))
