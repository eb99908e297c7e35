"""The map's boundary file, read, checked and simplified; and the projects' coordinates checked against it.

The boundary is read once per build and kept small enough to inline in a page (:func:`..contract.geometry.simplify`);
the same file is not simplified again while preview reloads the data.
"""

from __future__ import annotations

import functools
import hashlib
import json

from ..contract.geometry import bbox, in_range, near, simplify
from ..contract.marks import InvalidValue
from ..contract.schema import PROJECTS
from ..figures.places import places_off_the_map
from ..model.report import Boundary, Report
from ..reading.boundary import find_boundary_file, read_boundary
from ..reading.tables import BoundTable
from ..text.catalogue import both
from .folder import file_bytes


#: The largest boundary file read, in MB (or ``limits.file_mb`` when lower): a boundary at the point limit
#: (:data:`..reading.boundary.MAX_POINTS`) takes about 90 MB as GeoJSON; a bigger file is padding, and parsing it
#: costs about ten times its size in memory before any point is counted (benchmarks/boundary.py).
BOUNDARY_MB = 100


@functools.lru_cache(maxsize=4)
def _boundary(data: bytes, name: str | None) -> tuple[Boundary, int]:
    read = read_boundary(data, name)
    text = simplify(read.shapes, labels=read.labels)
    areas = tuple((f["properties"].get("name"), f["properties"].get("code")) for f in json.loads(text)["features"])
    return Boundary(text, bbox(read.shapes), areas), len(read.shapes)


def load_boundary(loader) -> Boundary | None:
    """The data folder's boundary (the ``map`` setting's file, else ``boundary.geojson`` / ``.json`` /
    ``.topojson``), or None when there is none or it cannot be used (a problem says why)."""
    settings = loader.config.map
    data_dir = loader.site.data_dir
    found = find_boundary_file(data_dir, settings.boundary)
    if len(found) > 1:
        loader.log.add("file-ambiguous", file=loader.label(data_dir), files=[p.name for p in found])
        loader.considered.update(p.name.casefold() for p in found)
        return None
    if not found:
        return None
    path = found[0]
    label = loader.label(path)
    if not path.is_file():
        loader.log.add("boundary-missing", file=label, name=settings.boundary)
        return None
    data = file_bytes(loader, path, label, min(loader.config.limits.file_mb, BOUNDARY_MB), "boundary-too-large")
    if data is None:
        return None
    try:
        boundary, shapes = _boundary(data, settings.object)
    except InvalidValue as exc:
        loader.log.add(exc.code, file=label, **exc.params)
        return None
    loader.source("boundary", path, label, hashlib.sha256(data).hexdigest(), "utf-8", shapes)
    return boundary


def check_coordinates(loader, bound: BoundTable, report: Report) -> None:
    """Each project's 纬度 and 经度 (in a table with both columns): both or neither, on the globe, and near the boundary when there is one. A
    point that would be right with the two swapped (an office's usual slip) is said to be."""
    if bound.column("latitude") is None or bound.column("longitude") is None:
        return  # a table with one of the two columns has no map to put its projects on, row by row
    box = report.boundary.bbox if report.boundary else None
    lat_field, lon_field = PROJECTS.field("latitude"), PROJECTS.field("longitude")
    for p in report.projects.values():
        lat, lon = p.latitude, p.longitude
        if lat is None and lon is None:
            continue
        where = dict(file=p.source.file, row=p.source.row, name=p.name)
        if lat is None or lon is None:
            given, missing = (lat_field, lon_field) if lon is None else (lon_field, lat_field)
            if _refused(loader, p.source.file, p.source.row, bound.header_of(missing.name)):
                continue  # written, but not as a number: that problem says so
            loader.log.add("coordinates-half", column=bound.header_of(given.name), value=str(lat if lon is None else lon),
                           given=given, missing=missing, **where)
            continue
        x, y = float(lon), float(lat)
        place = dict(column=bound.header_of("latitude"), value=str(lat), lon=str(lon), lat=str(lat), **where)
        if not in_range(x, y):
            swapped = in_range(y, x) and (box is None or near(box, y, x))
            loader.log.add("coordinates-off-globe", hint=both("coordinates swapped" if swapped else "no effect"), **place)
        elif box is not None and not near(box, x, y):
            west, south, east, north = (f"{v:.4f}".rstrip("0").rstrip(".") for v in box)
            loader.log.add("coordinates-far", hint=both("coordinates swapped" if near(box, y, x) else "no effect"),
                           west=west, south=south, east=east, north=north, **place)


def _refused(loader, file: str, row: int, column: str) -> bool:
    """Whether the cell already has a problem (a coordinate that is no number)."""
    return any(p.file == file and p.row == row and p.column == column for p in loader.log.problems)


def check_places_on_map(loader, report: Report) -> None:
    """Each place the map by place leaves unshaded (no feature of the boundary has its 行政区划代码 or its name):
    a warning naming the areas the boundary has."""
    missing = places_off_the_map(report)
    if not missing:
        return
    label = next((s.label for s in report.sources if s.table == "boundary"), None)
    names = [name for name, _ in report.boundary.areas if name]
    shown = "、".join(names[:12]) + ("…" if len(names) > 12 else "")
    for place in missing:
        loader.log.add("place-not-on-map", file=label, place=place, names=shown)
