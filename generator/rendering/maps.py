"""The map of projects: the district's outline, inlined in the spec (a page fetches nothing for it), and a point
per project with coordinates, coloured and shaped by its light, so that colour is never its only sign.

The spec is the same on every page that carries it (the home page and each cluster's) but for its points:
the outline, the projection, the legend and the frame come from the whole report. Colours of the outline and
the points' edges are the chart's ``psLand``, ``psBorder``, ``psGrid`` and ``psText`` parameters, in the light
palette here; the page script sets them to the reader's light or dark scheme.
"""

from __future__ import annotations

import functools
import json

from ..contract.geometry import to_geojson
from ..contract.schema import PROJECTS
from ..figures import lights
from ..figures.places import position
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


@template
def _map(alt, rows, names: tuple[str, ...], colours: tuple[str, ...], shapes: tuple[str, ...], light_title: str,
         name_title: str, status_title: str, outline: str):
    """The outline (its data put in by :func:`project_map`) under one point per row at ``lon``, ``lat``."""
    colour = {key: alt.param(name=f"ps{key.title()}", value=LIGHT[key]) for key in ("land", "border", "grid", "text")}
    if outline == "boundary":  # the district, its outline at least 3:1 against the page
        drawn = {"fill": colour["land"], "stroke": colour["border"]}
    else:  # a plain frame round the points
        drawn = {"fill": colour["land"], "fillOpacity": 0.4, "stroke": colour["grid"]}
    shape = alt.Chart(alt.NamedData(name="outline")).mark_geoshape(strokeWidth=1, **drawn)
    legend = alt.Legend(orient="bottom", title=light_title)
    points = alt.Chart().mark_point(filled=True, size=90, opacity=1, stroke=colour["text"], strokeWidth=1).encode(
        longitude=alt.Longitude("lon:Q"), latitude=alt.Latitude("lat:Q"),
        color=alt.Color("light:N", scale=alt.Scale(domain=list(names), range=list(colours)), legend=legend),
        shape=alt.Shape("light:N", scale=alt.Scale(domain=list(names), range=list(shapes)), legend=legend),
        tooltip=[alt.Tooltip("name:N", title=name_title), alt.Tooltip("light:N", title=light_title),
                 alt.Tooltip("status:N", title=status_title)])
    return alt.layer(shape, points, data=rows).project(type="mercator").properties(height=HEIGHT).add_params(
        *colour.values())


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
    return order, report.boundary.geojson if report.boundary else _frame([at for _, at in placed])


def project_map(report: Report, projects: list[Project], fmt: Formatter) -> Chart | None:
    """The map of ``projects`` that have coordinates it can draw; None when none has."""
    placed = [(p, at) for p in projects if (at := position(p, report.boundary)) is not None]
    if not placed:
        return None
    order, outline = _whole(report)

    def word(light: lights.Light | None) -> str:
        return fmt.t(f"light_{light.value}" if light else "light_none")

    records, rows = [], []
    for p, (lon, lat) in placed:
        light, status = word(_light(p, report)), fmt.t(f"st_{p.status.value}" if p.status else "st_none")
        records.append({"name": p.name, "light": light, "status": status, "lon": lon, "lat": lat})
        rows.append([p.name, light, str(p.longitude), str(p.latitude), status])
    description = fmt.join(f"{r['name']} {r['light']}" for r in records)
    spec = _map(records, description, tuple(word(light) for light in order), tuple(MARKS[light][0] for light in order),
                tuple(MARKS[light][1] for light in order), fmt.t("light"), fmt.t("name"), fmt.t("status"),
                "boundary" if report.boundary else "frame")
    spec["layer"][0]["data"] = {"values": _features(outline)}
    columns = [fmt.t("name"), fmt.t("light"), pick(PROJECTS.field("longitude"), fmt.language),
               pick(PROJECTS.field("latitude"), fmt.language), fmt.t("status")]
    return Chart("map", fmt.t("chart_map"), description, spec, columns, rows, len(placed))
