"""Plane geometry of a district's boundary in longitude and latitude: bounding boxes, and simplification that
keeps a map's outline small enough to inline in a page.

A shape is a list of polygons; a polygon a list of rings (the outline first, then its holes); a ring a list of
``(lon, lat)`` pairs whose last equals its first. Nothing here reads files or knows about projects.
"""

from __future__ import annotations

import heapq
import json
import math
from collections.abc import Iterable, Sequence

Point = tuple[float, float]
Ring = list[Point]
Polygon = list[Ring]
Shape = list[Polygon]
BBox = tuple[float, float, float, float]  # west, south, east, north

#: How many bytes of GeoJSON a page may carry for the boundary.
TARGET_BYTES = 60_000
#: The names a data folder's boundary file goes by when no setting names it, and the forms it may take.
BOUNDARY_STEM = "boundary"
BOUNDARY_SUFFIXES = (".geojson", ".json", ".topojson")


def in_range(lon: float, lat: float) -> bool:
    """A position on the globe: longitude in [-180, 180], latitude in [-90, 90], both finite."""
    return math.isfinite(lon) and math.isfinite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90


def bbox(shapes: Iterable[Shape]) -> BBox:
    """The box around every outline (holes lie inside their outline)."""
    xs, ys = [], []
    for shape in shapes:
        for polygon in shape:
            xs += [p[0] for p in polygon[0]]
            ys += [p[1] for p in polygon[0]]
    return min(xs), min(ys), max(xs), max(ys)


def near(box: BBox, lon: float, lat: float, margin: float = 0.5) -> bool:
    """Whether a point lies within the box grown on each side by ``margin`` times its larger side (a project
    just over the district's line is near; one a province away, or with its latitude and longitude swapped,
    is not)."""
    west, south, east, north = box
    pad = margin * max(east - west, north - south, 0.01)
    return west - pad <= lon <= east + pad and south - pad <= lat <= north + pad


def signed_area(ring: Sequence[Point]) -> float:
    """Twice the ring's area, positive when it runs anticlockwise (east right, north up)."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:]))


def digits_for(box: BBox) -> int:
    """Decimals that keep a point within about 1/3000 of the box's larger side: 4 for a district (≈ 11 m)."""
    extent = max(box[2] - box[0], box[3] - box[1], 1e-6)
    return min(6, max(2, math.ceil(math.log10(3000 / extent))))


def _rounded(ring: Sequence[Point], digits: int) -> Ring:
    """The ring on a grid of ``digits`` decimals, without consecutive repeats, closed."""
    out: Ring = []
    for x, y in ring:
        p = (round(x, digits), round(y, digits))
        if not out or p != out[-1]:
            out.append(p)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def _kept(ring: Ring) -> list[int]:
    """The indices a ring always keeps: its first point and its westmost, southmost, eastmost and northmost,
    so that simplifying never shrinks the box."""
    n = len(ring) - 1  # the last repeats the first
    picks = {0, n}
    for axis in (0, 1):
        picks |= {min(range(n), key=lambda i: ring[i][axis]), max(range(n), key=lambda i: ring[i][axis])}
    return sorted(picks)


def importance(ring: Ring, floor: float = 0.0) -> list[float]:
    """For each point, the largest tolerance (squared) at which it is kept, by Visvalingam–Whyatt (as mapshaper
    simplifies): points go smallest triangle first, each weighing its triangle with its neighbours at that moment
    (as the squared height over their line, a distance as the tolerance is), or the largest weight before it, so that the points kept at tolerance ``t``,
    those above ``t * t``, are what remains after the others went in turn. One pass with a heap serves every
    tolerance in O(n log n) whatever the shape (Douglas–Peucker needs O(n²) for a zigzag or a spiral). The
    always-kept points are infinite; those under ``floor`` (a tolerance never asked for) are 0."""
    n = len(ring)
    weight = [0.0] * n
    kept = set(_kept(ring))
    before, after = list(range(-1, n - 1)), list(range(1, n + 1))

    def area(i: int) -> float:  # as a squared distance: the triangle's height over the line of its neighbours
        (ax, ay), (bx, by), (cx, cy) = ring[before[i]], ring[i], ring[after[i]]
        cross = (bx - ax) * (cy - ay) - (cx - ax) * (by - ay)
        base = (cx - ax) ** 2 + (cy - ay) ** 2
        return cross * cross / base if base else (bx - ax) ** 2 + (by - ay) ** 2

    current = [math.inf] * n
    heap = []
    for i in range(1, n - 1):
        if i not in kept:
            current[i] = area(i)
            heap.append((current[i], i))
    heapq.heapify(heap)
    least, running = floor * floor, 0.0
    while heap:
        value, i = heapq.heappop(heap)
        if value != current[i]:
            continue  # an older entry: the point's triangle changed when a neighbour went
        running = max(running, value)
        weight[i] = running if running > least else 0.0
        current[i] = -1.0  # gone
        a, b = before[i], after[i]
        after[a], before[b] = b, a
        for j in (a, b):
            if 0 < j < n - 1 and j not in kept:
                current[j] = area(j)
                heapq.heappush(heap, (current[j], j))
    for i in kept:
        weight[i] = math.inf
    return weight


def _thin(ring: Ring, tolerance: float) -> Ring:
    """Consecutive points nearer than ``tolerance`` to the last one kept are dropped (the cheap first pass of
    simplify.js), but never an always-kept point."""
    always = set(_kept(ring))
    out = [ring[0]]
    limit = tolerance * tolerance
    for i in range(1, len(ring)):
        p, q = ring[i], out[-1]
        if i in always or (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2 >= limit:
            out.append(p)
    return out


def _oriented(ring: Ring, outline: bool) -> Ring:
    """Outlines clockwise and holes anticlockwise, as d3 (Vega's maps) reads a polygon smaller than a
    hemisphere; the other way round it would fill the rest of the globe."""
    clockwise = signed_area(ring) < 0
    return ring if clockwise == outline else ring[::-1]


class _Prepared:
    """A shape's rings rounded, thinned and weighed once, to be cut at any tolerance."""

    def __init__(self, shapes: Sequence[Shape], digits: int, thin: float):
        #: (shape, polygon, ring, points, weights, size, whether it reaches the edge of the whole box)
        self.rings: list[tuple[int, int, int, Ring, list[float], float, bool]] = []
        box = bbox(shapes)
        edge = tuple(round(v, digits) for v in box)
        for s, shape in enumerate(shapes):
            for p, polygon in enumerate(shape):
                for r, ring in enumerate(polygon):
                    points = _rounded(ring, digits)
                    if len(points) < 4:
                        continue
                    points = _thin(points, thin)
                    if len(points) < 4:
                        continue
                    xs, ys = [q[0] for q in points], [q[1] for q in points]
                    size = max(max(xs) - min(xs), max(ys) - min(ys))
                    reaches = r == 0 and (min(xs) <= edge[0] or min(ys) <= edge[1] or max(xs) >= edge[2]
                                          or max(ys) >= edge[3])
                    self.rings.append((s, p, r, points, importance(points, thin), size, reaches))
        largest: dict[int, int] = {}  # shape -> index in rings of its largest outline, kept however small
        for i, (s, _, r, _, _, size, _) in enumerate(self.rings):
            if r == 0 and (s not in largest or size > self.rings[largest[s]][5]):
                largest[s] = i
        for i in largest.values():
            self.rings[i] = (*self.rings[i][:6], True)
        self.count = len(shapes)

    def cut(self, tolerance: float) -> list[Shape]:
        """The shapes with the points that matter at ``tolerance``; rings smaller than it are dropped, but for
        outlines that reach the edge of the whole box (so that it stays the same) and each shape's largest (so
        that a small area of a map of many stays on it)."""
        limit = tolerance * tolerance
        shapes: list[dict[int, Polygon]] = [{} for _ in range(self.count)]
        for s, p, r, points, weights, size, reaches in self.rings:
            if size < tolerance and not reaches:
                continue
            ring = [q for q, w in zip(points, weights) if w > limit]
            if len(set(ring)) < 3:
                continue
            if r == 0:
                shapes[s][p] = [_oriented(ring, True)]
            elif p in shapes[s]:
                shapes[s][p].append(_oriented(ring, False))
        return [list(polygons.values()) for polygons in shapes]


def to_geojson(shapes: Sequence[Shape], labels: Sequence[tuple[str | None, str | None]] = ()) -> str:
    """Compact GeoJSON text: a FeatureCollection with one (Multi)Polygon feature per shape, its properties the
    ``name`` and ``code`` of its area where ``labels`` (one per shape) give them."""
    features = []
    for i, shape in enumerate(shapes):
        if not shape:
            continue
        name, code = labels[i] if i < len(labels) else (None, None)
        properties = {key: value for key, value in (("name", name), ("code", code)) if value}
        coordinates = [[[list(q) for q in ring] for ring in polygon] for polygon in shape]
        geometry = ({"type": "Polygon", "coordinates": coordinates[0]} if len(coordinates) == 1
                    else {"type": "MultiPolygon", "coordinates": coordinates})
        features.append({"type": "Feature", "properties": properties, "geometry": geometry})
    return json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))


def simplify(shapes: Sequence[Shape], target: int = TARGET_BYTES,
             labels: Sequence[tuple[str | None, str | None]] = ()) -> str:
    """``shapes`` as compact GeoJSON of at most ``target`` bytes where it can be: coordinates rounded to a grid
    fit for the box (:func:`digits_for`), repeated points dropped, then Visvalingam–Whyatt with a tolerance that
    starts at 1/4000 of the box's larger side and grows until the text fits. Each ring keeps its extreme
    points, so the box stays the same (to the grid)."""
    box = bbox(shapes)
    extent = max(box[2] - box[0], box[3] - box[1], 1e-6)
    digits = digits_for(box)
    tolerance = extent / 4000
    prepared = _Prepared(shapes, digits, tolerance)
    while True:
        text = to_geojson(prepared.cut(tolerance), labels)
        if len(text.encode()) <= target or tolerance > extent / 20:
            return text
        tolerance *= 1.5


def label_point(shape: Shape) -> Point | None:
    """Where to write an area's name: inside its largest polygon, at the centroid of its outline when that lies
    inside, else at the middle of the widest stretch of the outline's interior along the centroid's latitude (a
    crescent's centroid lies outside it)."""
    outlines = [polygon[0] for polygon in shape if polygon and len(polygon[0]) >= 4]
    if not outlines:
        return None
    ring = max(outlines, key=lambda r: abs(signed_area(r)))
    area = signed_area(ring)
    if area == 0:
        return ring[0]
    cx = sum((x0 + x1) * (x0 * y1 - x1 * y0) for (x0, y0), (x1, y1) in zip(ring, ring[1:])) / (3 * area)
    cy = sum((y0 + y1) * (x0 * y1 - x1 * y0) for (x0, y0), (x1, y1) in zip(ring, ring[1:])) / (3 * area)
    crossings = sorted(x0 + (cy - y0) * (x1 - x0) / (y1 - y0) for (x0, y0), (x1, y1) in zip(ring, ring[1:])
                       if (y0 <= cy < y1) or (y1 <= cy < y0))
    spans = list(zip(crossings[::2], crossings[1::2]))
    if any(a <= cx <= b for a, b in spans) or not spans:
        return cx, cy
    a, b = max(spans, key=lambda s: s[1] - s[0])
    return (a + b) / 2, cy
