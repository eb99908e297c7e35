"""The map by place: a boundary with a feature per county shades each county by its completion against 序时进度,
matched by 行政区划代码 or by name (with or without its ending); a county the boundary lacks is a warning."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from generator.figures import metrics
from generator.figures.lights import points_against, schedule_share
from generator.figures.places import area_features
from generator.rendering.maps import area_map
from generator.rendering.formatting import Formatter

from .conftest import lines, load
from .test_rollup import _book, counties

#: Five squares of 0.2°: four counties (东山区 by name, 南岭县 by the name without its ending, 西河区 by name and
#: 青山区 by the code its table gives) and a county with no projects; 北山县 has none.
SQUARES = [(118.0, 30.0, "东山区", 330101), (118.2, 30.0, "南岭", 330102), (118.0, 30.2, "西河区", 330103),
           (118.2, 30.2, None, 330104), (118.4, 30.0, "白水县", 330105)]


def county_boundary(data: Path) -> None:
    """The city's counties' boundary (:data:`SQUARES`), and 青山区's table giving its 行政区划代码."""
    features = []
    for x, y, name, code in SQUARES:
        ring = [[x, y], [x + 0.2, y], [x + 0.2, y + 0.2], [x, y + 0.2], [x, y]]
        properties = {key: value for key, value in (("name", name), ("adcode", code)) if value}
        features.append({"type": "Feature", "properties": properties, "geometry": {"type": "Polygon", "coordinates": [ring]}})
    (data / "boundary.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": features},
                                                      ensure_ascii=False), encoding="utf-8")
    _book(data / "青山区" / "青山区重点项目.xlsx", [
        ["项目代码", "项目名称", "建设性质", "2025年计划投资（万元）", "1-10月完成投资（万元）", "责任单位", "行政区划代码"],
        ["QS-1", "青山隧道", "续建", 6000, 5000, "青山区交通局", 330104]])


@pytest.fixture
def mapped(site):
    counties(site / "data")
    county_boundary(site / "data")
    return site


def test_each_county_is_matched_by_code_or_name_and_one_the_boundary_lacks_is_a_warning(mapped):
    loaded = load(mapped)
    assert [line for line in lines(loaded) if "边界" in line] == [
        "data/boundary.geojson: 地区“北山县”在边界文件中没有对应的区域（按行政区划代码或名称对照；边界文件中有："
        "东山区、南岭、西河区、白水县）；地图上不为它着色"]
    assert area_features(loaded.report) == {"东山区": 0, "南岭县": 1, "西河区": 2, "青山区": 3}


def test_the_home_map_shades_each_county_by_its_completion_against_the_year_elapsed(mapped):
    report = load(mapped).report
    chart = area_map(report, Formatter.of(report))
    share = schedule_share(report)
    expected = []
    for place in ("东山区", "南岭县", "西河区", "青山区"):
        summary = metrics.summarize([p for p in report.projects.values() if p.place == place], report.current_year)
        gap = points_against(summary.completion_rate.value, share).quantize(Decimal("0.1"))
        expected.append([place, f"{summary.completion_rate.value * 100:.1f}%", f"{gap:+.1f}".replace("-", "\u2212")
                         if gap else "0.0"])
    assert chart.rows == expected
    assert expected[1] == ["南岭县", "56.4%", "\u221227.0"]  # (3200 + 3000) / (6000 + 5000) against 83.3%
    outline, shaded, halo, text = (layer["data"]["values"] for layer in chart.spec["layer"])
    assert len(outline) == 5 and [f["properties"]["place"] for f in shaded] == ["东山区", "南岭县", "西河区", "青山区"]
    assert [round(f["properties"]["gap"], 1) for f in shaded] == [float(row[2].replace("\u2212", "-")) for row in expected]
    assert halo == text and text[1] == {"label": "南岭县 \u221227.0", "lon": pytest.approx(118.3), "lat": pytest.approx(30.1)}
    assert chart.spec["layer"][1]["encoding"]["color"]["legend"]["title"] == "较序时进度（百分点）"


def test_a_boundary_that_is_one_outline_draws_points_and_warns_of_nothing(site):
    counties(site / "data")
    square = [[118.0, 30.0], [119.0, 30.0], [119.0, 31.0], [118.0, 31.0], [118.0, 30.0]]
    (site / "data" / "boundary.geojson").write_text(json.dumps({"type": "Feature", "properties": {"name": "云州市"},
                                                               "geometry": {"type": "Polygon", "coordinates": [square]}},
                                                              ensure_ascii=False), encoding="utf-8")
    loaded = load(site)
    assert loaded.problems.warnings == [] and area_features(loaded.report) == {}
    assert area_map(loaded.report, Formatter.of(loaded.report)) is None


def test_an_area_code_that_is_not_six_digits_is_a_warning_and_matches_nothing(mapped):
    _book(mapped / "data" / "青山区" / "青山区重点项目.xlsx", [
        ["项目代码", "项目名称", "建设性质", "2025年计划投资（万元）", "1-10月完成投资（万元）", "责任单位", "行政区划代码"],
        ["QS-1", "青山隧道", "续建", 6000, 5000, "青山区交通局", "33010"]])
    loaded = load(mapped)
    assert "data/青山区/青山区重点项目.xlsx:2: 行政区划代码: “33010”不是行政区划代码（应为 6 位数字，乡镇 9 位、村 12 位）；地图不按它对照" in lines(loaded)
    assert "青山区" not in area_features(loaded.report)  # its square has a code but no name
