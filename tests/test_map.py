"""The map of projects: the district's boundary from the data folder (GeoJSON or TopoJSON) inlined in the spec,
a point per project coloured and shaped by its light, and the problems a boundary file or a coordinate can have."""

from __future__ import annotations

import json
import math
import random
import time
from pathlib import Path

import altair
import jsonschema
import pytest

from generator.contract.geometry import TARGET_BYTES, bbox, signed_area, simplify
from generator.rendering.maps import MARKS
from generator.rendering.pages import PageMaker

from .conftest import lines, load, write_table

SCHEMA = Path(altair.__file__).parent / "vegalite" / "v6" / "schema" / "vega-lite-schema.json"
HEADER = ["项目编号", "项目名称", "所属产业集群", "建设状态", "年度", "计划总投资（亿元）", "亮灯情况", "经度", "纬度"]
ROWS = [["A", "甲项目", "高端装备", "在建", "2024", "1", "红灯", "120.10", "30.20"],
        ["B", "乙项目", "高端装备", "在建", "2024", "2", "黄灯", "120.25", "30.30"],
        ["C", "丙项目", "新材料", "在建", "2024", "3", "绿灯", "120.30", "30.15"],
        ["D", "丁项目", "新材料", "前期", "2024", "1", "", "", ""]]
#: The district: a square from 120.0 to 120.4 east and 30.0 to 30.4 north, its ring anticlockwise (RFC 7946)
SQUARE = [[120.0, 30.0], [120.4, 30.0], [120.4, 30.4], [120.0, 30.4], [120.0, 30.0]]
GEOJSON = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"name": "示例区"}, "geometry": {"type": "Polygon", "coordinates": [SQUARE]}}]}
#: The same square as a quantized TopoJSON of two arcs (the second run backwards), with a point object first
TOPOJSON = {"type": "Topology", "transform": {"scale": [0.0004, 0.0004], "translate": [120.0, 30.0]},
            "objects": {"district": {"type": "GeometryCollection", "geometries": [
                {"type": "Polygon", "arcs": [[0, ~1]], "properties": {"name": "示例区"}}]},
                        "office": {"type": "Point", "coordinates": [500, 500]}},
            "arcs": [[[0, 0], [0, 1000], [1000, 0]], [[0, 0], [1000, 0], [0, 1000]]]}


def _site(site: Path, boundary=None, name: str = "boundary.geojson", rows=ROWS, header=HEADER) -> Path:
    write_table(site / "data", "projects", [header, *rows])
    if boundary is not None:
        text = boundary if isinstance(boundary, (str, bytes)) else json.dumps(boundary, ensure_ascii=False)
        path = site / "data" / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return site


def _charts(report, kind: str = "home", *args) -> dict:
    maker = PageMaker(report)
    page = maker.render(getattr(maker, kind)(*args))
    return {c.id: c for c in page.charts}


def _keys(value) -> set[str]:
    """Every key of every mapping in a JSON value."""
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


def _outline(spec) -> list:
    features = spec["layer"][0]["data"]["values"]
    return [f["geometry"] for f in features]


@pytest.mark.parametrize("boundary,name", [(GEOJSON, "boundary.geojson"), (GEOJSON, "boundary.json"),
                                           (TOPOJSON, "boundary.topojson")], ids=["geojson", "json", "topojson"])
def test_the_boundary_is_inlined_under_a_point_per_project(site, boundary, name):
    loaded = load(_site(site, boundary, name))
    assert lines(loaded) == []
    report = loaded.report
    assert report.boundary.bbox == pytest.approx((120.0, 30.0, 120.4, 30.4))
    assert [s.table for s in report.sources] == ["projects", "boundary"]  # stamped with its checksum
    chart = _charts(report)["map"]
    spec = chart.spec
    assert "url" not in _keys(spec) and "datasets" not in spec and "url" not in json.dumps(spec)
    assert list(jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).iter_errors(spec)) == []
    # the outline, clockwise as the map draws it, the file's properties left behind
    [geometry] = _outline(spec)
    assert geometry["type"] == "Polygon"
    ring = geometry["coordinates"][0]
    assert sorted(map(tuple, ring[:-1])) == [(120.0, 30.0), (120.0, 30.4), (120.4, 30.0), (120.4, 30.4)]
    outline = spec["layer"][0]["mark"]  # coloured by the page script's palette, light or dark
    assert signed_area(ring) < 0 and (outline["fill"], outline["stroke"]) == ({"expr": "psLand"}, {"expr": "psBorder"})
    assert spec["projection"] == {"type": "mercator"} and spec["width"] == "container"
    # one point per project with coordinates: its light's colour and its own shape
    encoding = spec["layer"][1]["encoding"]
    colour = dict(zip(encoding["color"]["scale"]["domain"], encoding["color"]["scale"]["range"]))
    shape = dict(zip(encoding["shape"]["scale"]["domain"], encoding["shape"]["scale"]["range"]))
    drawn = {r["name"]: (r["light"], colour[r["light"]], shape[r["light"]], r["lon"], r["lat"], r["status"])
             for r in spec["data"]["values"]}
    assert drawn == {"甲项目": ("红灯", "#E34A33", "square", 120.1, 30.2, "在建"),
                     "乙项目": ("黄灯", "#B8860B", "triangle-up", 120.25, 30.3, "在建"),
                     "丙项目": ("绿灯", "#1A9850", "circle", 120.3, 30.15, "在建")}
    assert len(set(colour.values())) == len(set(shape.values())) == len(colour) == 3  # colour never the only sign
    assert {t["field"] for t in encoding["tooltip"]} == {"name", "light", "status"}
    # its data table, as every chart has
    assert chart.columns == ["项目名称", "亮灯", "经度", "纬度", "建设状态"] and chart.marks == 3
    assert chart.rows[0] == ["甲项目", "红灯", "120.10", "30.20", "在建"]


def test_the_same_map_on_every_page_that_carries_it_with_that_pages_points(site):
    report = load(_site(site, GEOJSON)).report
    home = _charts(report)["map"].spec
    cluster = _charts(report, "cluster", "新材料")["map"].spec
    assert [r["name"] for r in cluster["data"]["values"]] == ["丙项目"]
    assert {k: v for k, v in home.items() if k not in ("data", "description")} == {
        k: v for k, v in cluster.items() if k not in ("data", "description")}
    assert "map" not in _charts(report, "project", report.projects["A"])


def test_a_map_of_many_projects_counts_them_by_light_in_its_text_and_table(site):
    from generator.rendering.maps import LISTED

    lights = ["红灯", "黄灯", "绿灯"]
    rows = [[f"P{i}", f"项目{i}", "高端装备", "在建", "2024", "1", lights[i % 3], f"{120.05 + i % 100 * 0.003:.3f}",
             f"{30.05 + i // 100 * 0.03:.2f}"] for i in range(LISTED * 15)]  # inside the district
    report = load(_site(site, GEOJSON, rows=rows)).report
    chart = _charts(report)["map"]
    assert chart.marks == LISTED * 15 and len(chart.spec["data"]["values"]) == LISTED * 15  # every point drawn
    assert chart.description == "地图上有 750 个项目：红灯 250；黄灯 250；绿灯 250；各项目见项目一览"
    assert (chart.columns, chart.rows) == (["亮灯", "项目数"], [["红灯", "250"], ["黄灯", "250"], ["绿灯", "250"]])


def test_without_a_boundary_the_points_stand_on_a_plain_frame(site):
    report = load(_site(site)).report
    assert report.boundary is None
    spec = _charts(report)["map"].spec
    [frame] = _outline(spec)
    west, south, east, north = bbox([[frame["coordinates"]]])
    assert west < 120.1 and east > 120.3 and south < 30.15 and north > 30.3
    assert spec["layer"][0]["mark"]["stroke"] == {"expr": "psGrid"} and spec["layer"][0]["mark"]["fillOpacity"] < 1
    # the frame is the report's: a cluster with one project has the same
    assert _outline(_charts(report, "cluster", "新材料")["map"].spec) == [frame]


def test_without_coordinates_there_is_no_map(site):
    report = load(_site(site, GEOJSON, rows=[r[:7] for r in ROWS], header=HEADER[:7])).report
    assert report.boundary is not None and "map" not in _charts(report)


def test_a_project_without_a_light_has_its_own_grey_diamond(site):
    rows = [*ROWS[:3], ["E", "戊项目", "新材料", "在建", "2024", "1", "", "120.2", "30.2"]]
    spec = _charts(load(_site(site, GEOJSON, rows=rows)).report)["map"].spec
    scale = spec["layer"][1]["encoding"]["shape"]["scale"]
    assert scale["domain"][-1] == "未亮灯" and scale["range"][-1] == MARKS[None][1] == "diamond"


def test_swapped_and_half_given_coordinates_are_named_with_their_row(site):
    rows = [*ROWS[:3], ["E", "戊项目", "新材料", "在建", "2024", "1", "绿灯", "30.25", "120.2"],
            ["F", "己项目", "新材料", "在建", "2024", "1", "绿灯", "", "30.2"],
            ["G", "庚项目", "新材料", "在建", "2024", "1", "绿灯", "121.9", "30.2"],
            ["H", "辛项目", "新材料", "在建", "2024", "1", "绿灯", "东经120度", "30.2"]]
    loaded = load(_site(site, GEOJSON, rows=rows))
    assert lines(loaded)[0] == "data/projects.csv:8: 经度: “东经120度”不是数字"  # an error, and nothing more of it
    assert lines(loaded)[1:] == [
        "data/projects.csv:5: 纬度: 项目“戊项目”的经度 30.25、纬度 120.2 超出范围（经度 -180～180，纬度 -90～90）"
        "（纬度和经度是否填反了？互换后即在范围内）；此项目不在地图上标出",
        "data/projects.csv:6: 纬度: 项目“己项目”只填了纬度，没有经度；此项目不在地图上标出",
        "data/projects.csv:7: 纬度: 项目“庚项目”的位置（经度 121.9，纬度 30.2）远在边界（经度 120～120.4，纬度 30～30.4）之外"
        "；此项目不在地图上标出"]
    assert [r["name"] for r in _charts(loaded.report)["map"].spec["data"]["values"]] == ["甲项目", "乙项目", "丙项目"]
    assert lines(load(site, language="en"), "en")[1] == (
        "data/projects.csv:5: 纬度: project “戊项目” has longitude 30.25 and latitude 120.2, out of range (longitude -180 "
        "to 180, latitude -90 to 90) (are latitude and longitude swapped? swapped, they fall inside); it is left off the map")


def test_a_swapped_point_still_on_the_globe_is_far_from_the_boundary(site):
    """Where latitude and longitude are both under 90 (south of Europe, say), swapped they are still a place."""
    square = [[[50.0 + x, 30.0 + y] for x, y in ((0, 0), (0, 0.4), (0.4, 0.4), (0.4, 0), (0, 0))]]
    rows = [["A", "甲项目", "高端装备", "在建", "2024", "1", "绿灯", "30.2", "50.2"]]
    loaded = load(_site(site, {"type": "Polygon", "coordinates": square}, rows=rows))
    assert loaded.ok and loaded.report.boundary is not None  # a warning: the site is built, without that point
    assert lines(loaded) == [
        "data/projects.csv:2: 纬度: 项目“甲项目”的位置（经度 30.2，纬度 50.2）远在边界（经度 50～50.4，纬度 30～30.4）之外"
        "（纬度和经度是否填反了？互换后即在范围内）；此项目不在地图上标出"]


@pytest.mark.parametrize("text,expected", [
    ("{\"type\": \"FeatureCollection\", \"features\": [", "无法读取边界文件：不是有效的 JSON（第 1 行第 44 列：Expecting value）"),
    (b"\xff\xfe{}", "无法读取边界文件：从第 0 个字节起不是 UTF-8 编码"),
    ({"name": "示例区"}, "边界文件不是 GeoJSON 或 TopoJSON：顶层的 type 是“None”，应为 FeatureCollection、Feature、几何对象或 Topology"),
    ([1, 2], "边界文件不是 GeoJSON 或 TopoJSON：顶层的 type 是“list”，应为 FeatureCollection、Feature、几何对象或 Topology"),
    ({"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [120.1, 30.1]}}]},
     "边界文件不是 GeoJSON 或 TopoJSON：其中没有面（Polygon 或 MultiPolygon）"),
    ({"type": "Feature", "geometry": {"type": "Circle", "coordinates": []}},
     "边界文件不是 GeoJSON 或 TopoJSON：第 1 个要素的几何类型“Circle”无法识别"),
    ({"type": "Polygon", "coordinates": [[[120.0, "30"], [120.4, 30.0], [120.4, 30.4], [120.0, 30.0]]]},
     "边界文件不是 GeoJSON 或 TopoJSON：第 1 个要素中应为 [经度, 纬度] 处却是 [120.0, \"30\"]"),
    ({"type": "Polygon", "coordinates": [[[13380000.5, 3500000], [13390000, 3500000], [13390000, 3510000], [13380000.5, 3500000]]]},
     "第 1 个要素的坐标 [13380000.5, 3500000] 超出经纬度范围（经度 -180～180，纬度 -90～90）；这像是投影坐标（单位为米），"
     "请另存为经纬度坐标（WGS 84 或 CGCS2000，EPSG:4326）"),
    ({"type": "Polygon", "coordinates": [[[30.0, 120.0], [30.4, 120.0], [30.4, 120.4], [30.0, 120.0]]]},
     "第 1 个要素的坐标 [30.0, 120.0] 超出经纬度范围（经度 -180～180，纬度 -90～90）"),
    ({**TOPOJSON, "arcs": [TOPOJSON["arcs"][0]]}, "边界文件不是 GeoJSON 或 TopoJSON：弧段 -2 不存在或不成形"),
], ids=["truncated", "not-utf8", "no-type", "a-list", "only-points", "unknown-geometry", "text-coordinate", "projected",
        "swapped", "missing-arc"])
def test_a_boundary_file_that_cannot_be_drawn_is_an_error_naming_it(site, text, expected):
    loaded = load(_site(site, text))
    assert lines(loaded) == [f"data/boundary.geojson: {expected}"]
    assert not loaded.ok


def test_the_topojson_object_is_the_first_unless_the_setting_names_one(site):
    _site(site, TOPOJSON, "boundary.topojson")
    assert load(site, {"map": {"object": "district"}}).report.boundary is not None
    assert lines(load(site, {"map": {"object": "county"}})) == [
        "data/boundary.topojson: TopoJSON 中没有名为“county”的对象（有：district、office）；请在配置 map.object 中写出其中之一"]
    flipped = {**TOPOJSON, "objects": {"office": TOPOJSON["objects"]["office"], "district": TOPOJSON["objects"]["district"]}}
    _site(site, flipped, "boundary.topojson")
    assert lines(load(site)) == ["data/boundary.topojson: 边界文件不是 GeoJSON 或 TopoJSON：其中没有面（Polygon 或 MultiPolygon）"]


def test_the_setting_names_another_file_and_two_default_files_are_ambiguous(site):
    _site(site, GEOJSON, "区界.json")
    assert load(site).report.boundary is None  # not a default name
    assert load(site, {"map": {"boundary": "区界.json"}}).report.boundary is not None
    assert lines(load(site, {"map": {"boundary": "街道.json"}})) == ["data/街道.json: 配置 map.boundary 所写的边界文件 街道.json 不存在",
                                                                   "data: 数据文件夹中的这些文件不是表格，没有读取：区界.json"]
    _site(site, GEOJSON, "boundary.geojson")
    _site(site, GEOJSON, "boundary.json")
    assert lines(load(site)) == ["data: 同一张表有多个文件：boundary.geojson、boundary.json；请只保留一个",
                                 "data: 数据文件夹中的这些文件不是表格，没有读取：区界.json"]


def test_the_boundary_setting_must_name_a_geojson_or_topojson_file():
    from generator.settings.config import ConfigError, SiteConfig

    with pytest.raises(ConfigError) as info:
        SiteConfig.from_mapping({"map": {"boundary": "区界.shp"}}, "zh", prefix="plugins.progress.")
    assert info.value.lines() == ["配置项 plugins.progress.map.boundary：应为以 .geojson, .json, .topojson 结尾的文件"]


def test_the_boundary_file_is_never_taken_for_a_table(site):
    """A data folder of one office spreadsheet, whatever its name, and the boundary: the spreadsheet is the
    projects table, the boundary only the map's."""
    write_table(site / "data", "2024年重点项目", [HEADER, *ROWS])
    (site / "data" / "boundary.json").write_text(json.dumps(GEOJSON), encoding="utf-8")
    loaded = load(site)
    assert [p.code for p in loaded.problems.sorted()] == ["file-chosen"]
    assert [(s.table, s.name) for s in loaded.report.sources] == [("projects", "2024年重点项目.csv"),
                                                                  ("boundary", "boundary.json")]
    assert len(loaded.report.projects) == 4


def _noisy_ring(points: int, seed: int = 3) -> list[tuple[float, float]]:
    """A district-like outline of ``points`` points: a wobbly oval with a rough edge, six decimals, closed."""
    rng = random.Random(seed)
    ring = []
    for i in range(points):
        a = 2 * math.pi * i / points
        r = 0.3 * (1 + 0.15 * math.sin(7 * a) + 0.05 * math.sin(53 * a) + 0.01 * math.sin(997 * a)
                   + 0.002 * rng.random())
        ring.append((round(120.2 + 1.2 * r * math.cos(a), 6), round(30.2 + r * math.sin(a), 6)))
    return [*ring, ring[0]]


def test_a_large_boundary_is_simplified_under_the_target_and_keeps_its_box(site):
    ring = _noisy_ring(120_000)
    island = [(120.62, 30.2), (120.6202, 30.2003), (120.6204, 30.2), (120.62, 30.2)]  # tiny, but the box's east
    geometry = {"type": "MultiPolygon", "coordinates": [[ring[::-1]], [island]]}
    raw = json.dumps({"type": "Feature", "properties": {}, "geometry": geometry})
    assert len(raw) > 2_500_000
    loaded = load(_site(site, raw))
    assert lines(loaded) == []
    boundary = loaded.report.boundary
    assert len(boundary.geojson.encode()) < TARGET_BYTES
    shape = [[[tuple(p) for p in r] for r in polygon] for polygon in json.loads(boundary.geojson)["features"][0]["geometry"]["coordinates"]]
    assert boundary.bbox == bbox([[[ring], [island]]])
    assert bbox([shape]) == pytest.approx(boundary.bbox, abs=1e-4)
    assert all(signed_area(polygon[0]) < 0 for polygon in shape)
    spec = json.dumps(_charts(loaded.report)["map"].spec, separators=(",", ":"))
    assert len(spec.encode()) < TARGET_BYTES + 4_000


def test_simplifying_keeps_holes_inside_their_outline_the_other_way_round():
    outline = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)]
    hole = [(0.4, 0.4), (0.4, 0.6), (0.6, 0.6), (0.6, 0.4), (0.4, 0.4)]
    [feature] = json.loads(simplify([[[outline, hole]]]))["features"]
    out, inner = feature["geometry"]["coordinates"]
    assert signed_area(out) < 0 < signed_area(inner)


def _topology(**changes) -> dict:
    return {**TOPOJSON, **changes}


BOMBS = {
    "scale-strings": (_topology(transform={"scale": ["ab", "ab"], "translate": [120.0, 30.0]}),
                      "边界文件不是 GeoJSON 或 TopoJSON：Topology 的 transform 应有 scale 和 translate，各为两个数"),
    "scale-missing": (_topology(transform={"translate": [120.0, 30.0]}),
                      "边界文件不是 GeoJSON 或 TopoJSON：Topology 的 transform 应有 scale 和 translate，各为两个数"),
    "arcs-a-number": (_topology(objects={"district": {"type": "Polygon", "arcs": 5}}),
                      "边界文件不是 GeoJSON 或 TopoJSON：第 1 个要素中应为 [经度, 纬度] 处却是 5"),
    "ring-a-number": (_topology(objects={"district": {"type": "MultiPolygon", "arcs": [5]}}),
                      "边界文件不是 GeoJSON 或 TopoJSON：第 1 个要素中应为 [经度, 纬度] 处却是 5"),
    "arc-index-text": (_topology(objects={"district": {"type": "Polygon", "arcs": [["0"]]}}),
                       "边界文件不是 GeoJSON 或 TopoJSON：弧段 \"0\" 不存在或不成形"),
    "step-text": (_topology(arcs=[[[0, 0], ["a", 1], [1000, 0]], TOPOJSON["arcs"][1]]),
                  "边界文件不是 GeoJSON 或 TopoJSON：弧段 0 不存在或不成形"),
    "4300-digits": ('{"type": "Polygon", "coordinates": [[[' + "9" * 4301 + ', 30], [120.4, 30], [120.4, 30.4], [120, 30]]]}',
                    "无法读取边界文件：其中有位数过多的数字（超过 4300 位）"),
    "400-digits": ('{"type": "Polygon", "coordinates": [[[' + "9" * 400 + ', 30], [120.4, 30], [120.4, 30.4], [120, 30]]]}',
                   "第 1 个要素的坐标 [9.999e+399, 30] 超出经纬度范围（经度 -180～180，纬度 -90～90）"),
    "400-digit-step": (_topology(arcs=[[[0, 0], [10 ** 400, 1], [1000, 0]], TOPOJSON["arcs"][1]]),
                       "边界文件不是 GeoJSON 或 TopoJSON：弧段 0 不存在或不成形"),
    "one-arc-10000-times": ({"type": "Topology", "transform": {"scale": [1e-5, 1e-5], "translate": [120, 30]},
                             "objects": {"d": {"type": "Polygon", "arcs": [[0] * 10_000]}},
                             "arcs": [[[0, 0]] + [[1, 1]] * 1999]},
                            "边界文件画出的点超过 2,000,000 个（TopoJSON 的弧段每用一次计一次），远多于地图所需；请在 mapshaper 等工具中简化后再用"),
}


@pytest.mark.parametrize("name", list(BOMBS))
def test_a_boundary_crafted_to_exhaust_the_machine_is_a_problem_line(site, name):
    """Each of these ended in a traceback, or filled the memory (a string scale repeated, one arc drawn ten
    thousand times: 113 KB reaching 4.6 GB), before it was checked."""
    boundary, expected = BOMBS[name]
    loaded = load(_site(site, boundary, "boundary.topojson" if isinstance(boundary, dict) and "arcs" in boundary
                        else "boundary.geojson"))
    assert [line.split(": ", 1)[1] for line in lines(loaded)] == [expected]


def test_a_boundary_above_its_size_limit_is_refused_before_it_is_read(site):
    from generator.loading.boundary import BOUNDARY_MB

    _site(site, " " * (BOUNDARY_MB * 2**20 + 1) + json.dumps(TOPOJSON), "boundary.topojson")
    assert lines(load(site)) == [f"data/boundary.topojson: 边界文件约 {BOUNDARY_MB} MB，超过上限 {BOUNDARY_MB} MB（画到地图上的边界远小于此）；"
                                 "请在 mapshaper 等工具中简化后再用"]
    assert lines(load(site, {"limits": {"file_mb": 1}}))[0].endswith("超过上限 1 MB（画到地图上的边界远小于此）；请在 mapshaper 等工具中简化后再用")


def test_simplifying_a_zigzag_takes_time_in_proportion_to_its_points():
    """Douglas–Peucker splits a zigzag one point at a time (2 million points took 476 s); the heap does not."""
    import time

    from generator.contract.geometry import importance

    def zigzag(n):
        return [(120 + i * 1e-5, 30 + (1e-5 if i % 2 else 0)) for i in range(n)] + [(120, 30)]

    took = []
    for n in (20_000, 80_000):
        start = time.process_time()
        weights = importance(zigzag(n))
        took.append(time.process_time() - start)
        assert len(weights) == n + 1 and sum(w == math.inf for w in weights) >= 2
    assert took[1] < took[0] * 12  # four times the points: about four times the time, not sixteen


def test_the_preview_reports_a_bad_boundary_and_recovers_when_it_is_fixed(tmp_path):
    from .sites import previewing, run, wait_for

    run("new", tmp_path / "site")
    site = tmp_path / "site"
    projects = site / "data" / "projects.csv"
    text = projects.read_text(encoding="utf-8")
    header, *rows = text.splitlines()
    projects.write_text("\n".join([header + ",纬度,经度", *(r + ",30.2,120.2" for r in rows)]) + "\n", encoding="utf-8")
    boundary = site / "data" / "boundary.topojson"
    boundary.write_text(json.dumps(TOPOJSON), encoding="utf-8")
    with previewing(site) as (base, log):
        said = lambda: log.read_text(encoding="utf-8", errors="replace")  # noqa: E731
        assert "示例新材料生产线项目" in (wait_for(f"{base}/projects/P001/", "示例新材料生产线项目") or ""), said()[-3000:]
        for bomb in ("arcs-a-number", "400-digits", "scale-strings"):
            before = said().count("boundary.topojson")
            boundary.write_text(json.dumps(BOMBS[bomb][0]) if isinstance(BOMBS[bomb][0], dict) else BOMBS[bomb][0],
                                encoding="utf-8")
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and said().count("boundary.topojson") == before:
                time.sleep(0.3)
            assert f"data/boundary.topojson: {BOMBS[bomb][1]}" in said() and "Traceback" not in said(), said()[-3000:]
        boundary.write_text(json.dumps(TOPOJSON), encoding="utf-8")
        projects.write_text(projects.read_text(encoding="utf-8").replace("示例新材料生产线项目", "改名后的新材料项目"),
                            encoding="utf-8")
        assert "改名后的新材料项目" in (wait_for(f"{base}/projects/P001/", "改名后的新材料项目") or ""), said()[-3000:]
        assert "Traceback" not in said()
