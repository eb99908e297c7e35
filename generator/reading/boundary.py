"""Read a district's boundary file, GeoJSON or TopoJSON, into plain polygons (see :mod:`..contract.geometry`).

Only polygons are kept: lines and points in the file are no boundary. Every failure is an
:class:`InvalidValue` with a problem code: ``boundary-unreadable`` (not JSON), ``boundary-not-geo`` (JSON, but not
GeoJSON or TopoJSON, with a reason), ``boundary-object-missing`` (no TopoJSON object of the name asked for),
``boundary-coordinates`` (a position off the globe: often a projected file, in metres), ``boundary-too-many-points``
(more positions than :data:`MAX_POINTS` as drawn: a TopoJSON arc counts once for each use, so a small file that
reuses one long arc thousands of times is refused before it is decoded).
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
#: The most positions a boundary may have as drawn: a province's counties at survey detail have a few hundred
#: thousand; past this, reading and simplifying it would take minutes and gigabytes.
MAX_POINTS = 2_000_000
GEOMETRIES = {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"}


#: Where a feature's properties give its area's name and its 行政区划代码, in the order tried (DataV's files, the
#: usual source of China's areas, write ``name`` and ``adcode``).
NAME_KEYS = ("name", "NAME", "Name", "名称", "地名", "区划名称", "NAME_CHN", "county", "district", "area")
CODE_KEYS = ("adcode", "ADCODE", "code", "CODE", "行政区划代码", "区划代码", "gb", "GB", "PAC")
Label = tuple[str | None, str | None]  # (name, code) of a feature's area


@dataclass(frozen=True)
class BoundaryFile:
    """The polygons of a boundary file: one shape per feature (or TopoJSON geometry) that has any, and the name
    and 行政区划代码 each feature's properties give (None where they give none)."""

    shapes: tuple[Shape, ...]
    kind: str  # GeoJSON or TopoJSON
    labels: tuple[Label, ...] = ()


def feature_label(properties) -> Label:
    """The area's name and code that a feature's properties give."""
    if not isinstance(properties, dict):
        return None, None
    name = next((str(v).strip() for k in NAME_KEYS if isinstance(v := properties.get(k), str) and v.strip()), None)
    code = next((str(v) for k in CODE_KEYS if (v := properties.get(k)) is not None and not isinstance(v, bool)
                 and str(v).isdigit()), None)
    return (name[:100] if name else None), code


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
    try:
        x, y = float(value[0]), float(value[1])
    except OverflowError:  # an integer of hundreds of digits
        x = y = math.inf
    if not in_range(x, y):
        projected = math.isfinite(x) and math.isfinite(y) and max(abs(x), abs(y)) > 1000
        raise InvalidValue("boundary-coordinates", x=_short(value[0]), y=_short(value[1]), where=where,
                           hint=both("geo-hint-projected" if projected else "no effect"))
    return x, y


def _short(value) -> str:
    """A number as a message shows it: an integer of many digits in scientific notation, at most 24 characters."""
    if isinstance(value, int) and value.bit_length() >= 64:
        digits = str(abs(value))
        return f"{'-' if value < 0 else ''}{digits[0]}.{digits[1:4]}e+{len(digits) - 1}"
    return str(value)[:24]


class _Points:
    """The positions read so far, against :data:`MAX_POINTS`."""

    def __init__(self, limit: int = MAX_POINTS):
        self.count, self.limit = 0, limit

    def take(self, n: int) -> None:
        self.count += n
        if self.count > self.limit:
            raise InvalidValue("boundary-too-many-points", limit=f"{self.limit:,}")


def _ring(value, where: str, points: _Points) -> list[tuple[float, float]] | None:
    """A ring's positions, closed; None for one of fewer than three distinct points."""
    if not isinstance(value, list):
        raise _not_geo("geo-reason-position", where=where, value=json.dumps(value)[:40])
    points.take(len(value))
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


def _polygon(rings, where: str, points: _Points) -> Polygon | None:
    if not isinstance(rings, list):
        raise _not_geo("geo-reason-position", where=where, value=json.dumps(rings)[:40])
    read = [_ring(r, where, points) for r in rings]
    if not read or read[0] is None:
        return None
    return [r for r in read if r is not None]


def _geometry(geometry, where: str, points: _Points) -> Shape:
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
        return [p for part in parts for p in _geometry(part, where, points)]
    coordinates = geometry.get("coordinates")
    if kind == "Polygon":
        polygon = _polygon(coordinates, where, points)
        return [polygon] if polygon else []
    if kind == "MultiPolygon":
        if not isinstance(coordinates, list):
            raise _not_geo("geo-reason-position", where=where, value=json.dumps(coordinates)[:40])
        return [p for p in (_polygon(c, where, points) for c in coordinates) if p]
    return []


def _geojson(data: dict, points: _Points) -> list[tuple[Shape, Label]]:
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
        shapes.append((_geometry(feature.get("geometry"), str(number), points), feature_label(feature.get("properties"))))
    return shapes


def _topojson(data: dict, name: str | None, points: _Points) -> list[tuple[Shape, Label]]:
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
    transform = _transform(data.get("transform"))
    decoded = [_arc(arc, transform, i) for i, arc in enumerate(arcs)]

    def ring(indices, where: str):
        if not isinstance(indices, list):
            raise _not_geo("geo-reason-position", where=where, value=json.dumps(indices)[:40])
        drawn: list = []
        for index in indices:
            if type(index) is not int or not -len(decoded) <= index < len(decoded):
                raise _not_geo("geo-reason-arc", arc=_short(index) if isinstance(index, _NUMBERS) else json.dumps(index)[:24])
            arc = decoded[index] if index >= 0 else decoded[~index][::-1]
            points.take(len(arc))  # before the copy: one arc used ten thousand times is refused here
            drawn.extend(arc if not drawn else arc[1:])  # an arc starts where the one before ends
        return drawn

    def listed(value, where: str) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            raise _not_geo("geo-reason-position", where=where, value=json.dumps(value)[:40])
        return value

    def geometry(g, where: str) -> dict | None:
        """A TopoJSON geometry as GeoJSON."""
        if not isinstance(g, dict):
            raise _not_geo("geo-reason-geometry", where=where, type="?")
        kind = g.get("type")
        if kind is None:
            return None
        if kind == "GeometryCollection":
            return {"type": kind, "geometries": [geometry(part, where) for part in listed(g.get("geometries"), where)]}
        if kind == "Polygon":
            return {"type": kind, "coordinates": [ring(r, where) for r in listed(g.get("arcs"), where)]}
        if kind == "MultiPolygon":
            return {"type": kind, "coordinates": [[ring(r, where) for r in listed(p, where)]
                                                  for p in listed(g.get("arcs"), where)]}
        return {"type": kind if kind in GEOMETRIES else str(kind)[:40], "coordinates": []}

    top = objects[name]
    parts = top.get("geometries") if isinstance(top, dict) and top.get("type") == "GeometryCollection" else [top]
    return [(_geometry(geometry(part, str(number)), str(number), _Points(math.inf)),  # counted as drawn, above
             feature_label(part.get("properties") if isinstance(part, dict) else None))
            for number, part in enumerate(listed(parts, "1"), 1)]


def _pair(value) -> tuple[float, float] | None:
    """Two finite numbers (a transform's scale or translate, an arc's step), or None."""
    if not isinstance(value, list) or len(value) < 2:
        return None
    if not all(type(v) in _NUMBERS for v in value[:2]):
        return None
    try:
        x, y = float(value[0]), float(value[1])
    except OverflowError:
        return None
    return (x, y) if math.isfinite(x) and math.isfinite(y) else None


def _transform(transform) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """A quantized topology's scale and translate, each two finite numbers (a string repeated by a number
    would fill the memory); None for a topology that is not quantized."""
    if transform is None:
        return None
    if not isinstance(transform, dict):
        raise _not_geo("geo-reason-transform")
    scale, translate = _pair(transform.get("scale")), _pair(transform.get("translate"))
    if scale is None or translate is None:
        raise _not_geo("geo-reason-transform")
    return scale, translate


def _arc(arc, transform, index: int) -> list:
    """One arc's positions, undoing a quantized topology's delta encoding."""
    if not isinstance(arc, list):
        raise _not_geo("geo-reason-arc", arc=str(index))
    if transform is None:
        return arc
    (sx, sy), (tx, ty) = transform
    x = y = 0.0
    out = []
    for step in arc:
        delta = _pair(step)
        if delta is None:
            raise _not_geo("geo-reason-arc", arc=str(index))
        x, y = x + delta[0], y + delta[1]
        out.append([x * sx + tx, y * sy + ty])
    return out


def read_boundary(data: bytes, name: str | None = None, limit: int = MAX_POINTS) -> BoundaryFile:
    """The polygons of a GeoJSON or TopoJSON file's bytes (``name``: the TopoJSON object to take; ``limit``: the
    most positions it may have as drawn)."""
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InvalidValue("boundary-unreadable", reason=both("geo-reason-utf8", byte=exc.start)) from None
    except json.JSONDecodeError as exc:
        raise InvalidValue("boundary-unreadable", reason=both("geo-reason-json", line=exc.lineno, column=exc.colno,
                                                              message=exc.msg)) from None
    except RecursionError:
        raise InvalidValue("boundary-unreadable", reason=both("geo-reason-deep")) from None
    except ValueError:  # an integer of more than 4,300 digits, which Python refuses to convert
        raise InvalidValue("boundary-unreadable", reason=both("geo-reason-digits")) from None
    if not isinstance(parsed, dict):
        raise _not_geo("geo-reason-type", type=type(parsed).__name__)
    kind = parsed.get("type")
    points = _Points(limit)
    if kind == "Topology":
        shapes, label = _topojson(parsed, name, points), "TopoJSON"
    elif isinstance(kind, str) and (kind in ("FeatureCollection", "Feature") or kind in GEOMETRIES):
        shapes, label = _geojson(parsed, points), "GeoJSON"
    else:
        raise _not_geo("geo-reason-type", type=str(kind)[:40])
    drawn = [(shape, named) for shape, named in shapes if shape]
    if not drawn:
        raise _not_geo("geo-reason-empty")
    return BoundaryFile(tuple(shape for shape, _ in drawn), label, tuple(named for _, named in drawn))
