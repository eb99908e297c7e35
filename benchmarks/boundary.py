"""The map's boundary at the limits: time and peak memory of reading, checking and simplifying a boundary file.

    .venv/bin/python benchmarks/boundary.py            # prints one table

Cases: a GeoJSON of as many positions as the reader accepts (:data:`generator.reading.boundary.MAX_POINTS`) in
one polygon of many rings (a province's counties at survey detail, made heavier); the same positions in a
quantized TopoJSON; a 113 KB TopoJSON that uses one 2,000-point arc 10,000 times (refused before it is decoded);
and a GeoJSON of ``--mb`` megabytes (default: the boundary size limit), padded with properties, as an office
might export one. Each is read in a fresh process, as ``progress-site validate`` reads it (the file read
whole, parsed, checked, simplified for the page), timed, with its peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.loading.boundary import BOUNDARY_MB  # noqa: E402
from generator.reading.boundary import MAX_POINTS  # noqa: E402


def _ring(cx: float, cy: float, r: float, n: int) -> list[list[float]]:
    return [[round(cx + r * math.cos(2 * math.pi * i / n), 6), round(cy + r * math.sin(2 * math.pi * i / n), 6)]
            for i in range(n)] + [[round(cx + r, 6), round(cy, 6)]]


def geojson(points: int, pad: int = 0) -> bytes:
    rings, per = [], 2000
    for k in range(points // (per + 1)):
        rings.append(_ring(110 + (k % 50) * 0.1, 30 + (k // 50) * 0.1, 0.04, per))
    features = [{"type": "Feature", "properties": {"名称": f"区域{i}", "说明": "x" * pad},
                 "geometry": {"type": "Polygon", "coordinates": [ring]}} for i, ring in enumerate(rings)]
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def topojson(points: int) -> bytes:
    arcs, per = [], 2000
    for _ in range(points // per):
        arc = [[0, 0]] + [[1, 1 if i % 2 else -1] for i in range(per - 1)]
        arcs.append(arc)
    geometries = [{"type": "Polygon", "arcs": [[i]]} for i in range(len(arcs))]
    return json.dumps({"type": "Topology", "transform": {"scale": [1e-5, 1e-5], "translate": [110, 30]},
                       "objects": {"区": {"type": "GeometryCollection", "geometries": geometries}},
                       "arcs": arcs}).encode()


def reused(times: int = 10_000) -> bytes:
    arc = [[0, 0]] + [[1, 1] for _ in range(1999)]
    return json.dumps({"type": "Topology", "transform": {"scale": [1e-5, 1e-5], "translate": [110, 30]},
                       "objects": {"区": {"type": "Polygon", "arcs": [[0] * times]}}, "arcs": [arc]},
                      separators=(",", ":")).encode()


READ = """
import sys, time, resource
from generator.contract.geometry import simplify
from generator.contract.marks import InvalidValue
from generator.reading.boundary import read_boundary
from generator.loading.boundary import BOUNDARY_MB
start = time.perf_counter()
try:
    import os
    if os.path.getsize(sys.argv[1]) > BOUNDARY_MB * 2**20:
        raise InvalidValue("boundary-too-large")
    data = open(sys.argv[1], "rb").read()
    shapes = read_boundary(data).shapes
    simplify(shapes)
    outcome = f"{sum(len(r) for s in shapes for p in s for r in p):,} points read"
except InvalidValue as exc:
    outcome = "refused: " + exc.code
print(f"{time.perf_counter() - start:.1f}\\t{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}\\t{outcome}")
"""


def measure(name: str, data: bytes, folder: Path) -> None:
    path = folder / name
    path.write_bytes(data)
    done = subprocess.run([sys.executable, "-c", READ, str(path)], capture_output=True, text=True, cwd=ROOT)
    seconds, peak, outcome = (done.stdout.strip() or "—\t—\t" + done.stderr.strip()[-200:]).split("\t")
    print(f"| {name} | {len(data) / 2**20:.1f} | {seconds} | {peak} | {outcome} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=BOUNDARY_MB, help="size of the padded GeoJSON case")
    args = parser.parse_args()
    print("| case | MB | seconds | peak MiB | outcome |\n|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        measure(f"geojson-{MAX_POINTS // 1000}k.geojson", geojson(MAX_POINTS - 10_000), folder)
        measure(f"topojson-{MAX_POINTS // 1000}k.topojson", topojson(MAX_POINTS - 10_000), folder)
        measure("reused-arc.topojson", reused(), folder)
        features = 200_000 // 2001
        pad = max(0, (args.mb * 2**20 - len(geojson(200_000))) // features - 100)
        measure(f"padded-{args.mb}mb.geojson", geojson(200_000, pad), folder)
        measure(f"padded-{args.mb + 1}mb.geojson", geojson(200_000, pad + 2**20 // features + 100), folder)


if __name__ == "__main__":
    main()
