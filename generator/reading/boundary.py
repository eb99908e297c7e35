"""Read a district's boundary file, GeoJSON or TopoJSON, into plain polygons (see :mod:`..contract.geometry`).

Only polygons are kept: lines and points in the file are no boundary. Every failure is an
:class:`InvalidValue` with a problem code: ``boundary-unreadable`` (not JSON), ``boundary-not-geo`` (JSON, but not
GeoJSON or TopoJSON, with a reason), ``boundary-object-missing`` (no TopoJSON object of the name asked for),
``boundary-coordinates`` (a position off the globe: often a projected file, in metres).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from ..contract.geometry import BOUNDARY_STEM, BOUNDARY_SUFFIXES, Polygon, Shape, in_range
from ..contract.marks import InvalidValue
from ..text.catalogue import both

_NUMBERS = (int, float)  # as JSON reads numbers (true and false are bool)
GEOMETRIES = {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"}


@dataclass(frozen=True)
class BoundaryFile:
    """The polygons of a boundary file: one shape per feature (or TopoJSON geometry) that has any."""

    shapes: tuple[Shape, ...]
    kind: str  # GeoJSON or TopoJSON


def find_boundary_file(data_dir: Path, path: str | None) -> list[Path]:
    """The file(s) that give the boundary: an explicit ``path``, or ``boundary.geojson`` / ``.json`` /
    ``.topojson`` in the data folder."""
    if path:
        return [data_dir / path]
    return [p for p in (data_dir / f"{BOUNDARY_STEM}{s}" for s in BOUNDARY_SUFFIXES) if p.is_file()]


def _not_geo(key: str, **params) -> InvalidValue:
    return InvalidValue("boundary-not-geo", reason=both(key, **params))


def _position(value, where: str) -> tuple[float, float]:
    if (not isinstance(value, list) or len(value) < 2
            or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value[:2])):
        raise _not_geo("geo-reason-position", where=where, value=json.dumps(value)[:40])
    x, y = float(value[0]), float(value[1])
    if not in_range(x, y):
        projected = math.isfinite(x) and math.isfinite(y) and max(abs(x), abs(y)) > 1000
        raise InvalidValue("boundary-coordinates", x=value[0], y=value[1], where=where,
                           hint=both("geo-hint-projected" if projected else "no effect"))
    return x, y


def _ring(value, where: str) -> list[tuple[float, float]] | None:
    """A ring's positions, closed; None for one of fewer than three distinct points."""
    if not isinstance(value, list):
        raise _not_geo("geo-reason-position", where=where, value=json.dumps(value)[:40])
    ring = []
    for v in value:  # the usual position quickly (a file may hold a million); anything else by _position
        if type(v) is list and len(v) >= 2 and type(v[0]) in _NUMBERS and type(v[1]) in _NUMBERS \
                and -180 <= v[0] <= 180 and -90 <= v[1] <= 90:
            ring.append((float(v[0]), float(v[1])))
        else:
            ring.append(_position(v, where))
    if len(set(ring)) < 3:
        return None
    if ring[0] != ring[-1]:
        ring.append(ring[0])
    return ring


def _polygon(rings, where: str) -> Polygon | None:
    if not isinstance(rings, list):
        raise _not_geo("geo-reason-position", where=where, value=json.dumps(rings)[:40])
    read = [_ring(r, where) for r in rings]
    if not read or read[0] is None:
        return None
    return [r for r in read if r is not None]


def _geometry(geometry, where: str) -> Shape:
    """The polygons of one GeoJSON geometry (none for points and lines)."""
    if geometry is None:
        return []
    kind = geometry.get("type") if isinstance(geometry, dict) else None
    if kind not in GEOMETRIES:
        raise _not_geo("geo-reason-geometry", where=where, type=str(kind))
    if kind == "GeometryCollection":
        parts = geometry.get("geometries")
        if not isinstance(parts, list):
            raise _not_geo("geo-reason-geometry", where=where, type=kind)
        return [p for part in parts for p in _geometry(part, where)]
    coordinates = geometry.get("coordinates")
    if kind == "Polygon":
        polygon = _polygon(coordinates, where)
        return [polygon] if polygon else []
    if kind == "MultiPolygon":
        if not isinstance(coordinates, list):
            raise _not_geo("geo-reason-position", where=where, value=json.dumps(coordinates)[:40])
        return [p for p in (_polygon(c, where) for c in coordinates) if p]
    return []


def _geojson(data: dict) -> list[Shape]:
    kind = data.get("type")
    if kind == "FeatureCollection":
        features = data.get("features")
        if not isinstance(features, list):
            raise _not_geo("geo-reason-features")
    elif kind == "Feature":
        features = [data]
    else:
        features = [{"type": "Feature", "geometry": data}]
    shapes = []
    for number, feature in enumerate(features, 1):
        if not isinstance(feature, dict) or "geometry" not in feature:
            raise _not_geo("geo-reason-feature", where=number)
        shapes.append(_geometry(feature.get("geometry"), str(number)))
    return shapes


def _topojson(data: dict, name: str | None) -> list[Shape]:
    """The polygons of one object of a topology (the first, unless ``name`` says which)."""
    objects = data.get("objects")
    if not isinstance(objects, dict) or not objects:
        raise _not_geo("geo-reason-objects")
    if name is None:
        name = next(iter(objects))
    elif name not in objects:
        raise InvalidValue("boundary-object-missing", name=name, names=list(objects))
    arcs = data.get("arcs")
    if not isinstance(arcs, list):
        raise _not_geo("geo-reason-arcs")
    transform = data.get("transform")
    decoded = [_arc(arc, transform, i) for i, arc in enumerate(arcs)]

    def ring(indices, where: str):
        if not isinstance(indices, list):
            raise _not_geo("geo-reason-position", where=where, value=json.dumps(indices)[:40])
        points: list = []
        for index in indices:
            if not isinstance(index, int) or not -len(decoded) <= index < len(decoded):
                raise _not_geo("geo-reason-arc", arc=str(index))
            arc = decoded[index] if index >= 0 else decoded[~index][::-1]
            points.extend(arc if not points else arc[1:])  # an arc starts where the one before ends
        return points

    def geometry(g, where: str) -> dict | None:
        """A TopoJSON geometry as GeoJSON."""
        if not isinstance(g, dict):
            raise _not_geo("geo-reason-geometry", where=where, type="?")
        kind = g.get("type")
        if kind is None:
            return None
        if kind == "GeometryCollection":
            return {"type": kind, "geometries": [geometry(part, where) for part in g.get("geometries") or []]}
        if kind == "Polygon":
            return {"type": kind, "coordinates": [ring(r, where) for r in g.get("arcs") or []]}
        if kind == "MultiPolygon":
            return {"type": kind, "coordinates": [[ring(r, where) for r in p] for p in g.get("arcs") or []]}
        return {"type": kind if kind in GEOMETRIES else str(kind), "coordinates": []}

    top = objects[name]
    parts = top.get("geometries") if isinstance(top, dict) and top.get("type") == "GeometryCollection" else [top]
    return [_geometry(geometry(part, str(number)), str(number)) for number, part in enumerate(parts or [], 1)]


def _arc(arc, transform, index: int) -> list[list[float]]:
    """One arc's positions, undoing a quantized topology's delta encoding."""
    if not isinstance(arc, list):
        raise _not_geo("geo-reason-arc", arc=str(index))
    if not transform:
        return arc
    try:
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        out = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy
            out.append([x * sx + tx, y * sy + ty])
    except (KeyError, TypeError, ValueError):
        raise _not_geo("geo-reason-arc", arc=str(index)) from None
    return out


def read_boundary(data: bytes, name: str | None = None) -> BoundaryFile:
    """The polygons of a GeoJSON or TopoJSON file's bytes (``name``: the TopoJSON object to take)."""
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InvalidValue("boundary-unreadable", reason=both("geo-reason-utf8", byte=exc.start)) from None
    except json.JSONDecodeError as exc:
        raise InvalidValue("boundary-unreadable", reason=both("geo-reason-json", line=exc.lineno, column=exc.colno,
                                                              message=exc.msg)) from None
    except RecursionError:
        raise InvalidValue("boundary-unreadable", reason=both("geo-reason-deep")) from None
    if not isinstance(parsed, dict):
        raise _not_geo("geo-reason-type", type=type(parsed).__name__)
    kind = parsed.get("type")
    if kind == "Topology":
        shapes, label = _topojson(parsed, name), "TopoJSON"
    elif kind in ("FeatureCollection", "Feature") or kind in GEOMETRIES:
        shapes, label = _geojson(parsed), "GeoJSON"
    else:
        raise _not_geo("geo-reason-type", type=str(kind))
    shapes = [s for s in shapes if s]
    if not shapes:
        raise _not_geo("geo-reason-empty")
    return BoundaryFile(tuple(shapes), label)
