"""A city's site from five counties' own folders, each kept in its office's own layout: one a workbook with a title
row, one a GBK CSV with other headers in 亿元, one an .xls in stage sections, one a monthly series, one with projects
of one stage only. The city's figures are its counties' figures added up; each county's are those of its own site."""

import csv
import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from generator.figures import metrics
from generator.figures.rankings import leagues
from generator.model.places import leaf

from . import books
from .conftest import lines, load
from .sites import new_site, page_text as _text, run

WAN = Decimal(10) ** 4


def _book(path: Path, rows: list[list], title: str | None = None) -> Path:
    book = openpyxl.Workbook()
    if title:
        book.active.append([title])
    for row in rows:
        book.active.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".xls":
        return books.save_xls(book, path)
    book.save(path)
    return path


def counties(data: Path) -> None:
    """Five counties' folders, as each office keeps its table."""
    header = ["项目代码", "项目名称", "建设性质", "2025年计划投资（万元）", "1-10月完成投资（万元）", "责任单位"]
    _book(data / "东山区" / "东山区2025年重点项目（1-10月）.xlsx", [
        header, ["DS-1", "东山物流园", "续建", 8000, 7000, "东山区发改局"], ["DS-2", "东山中学", "新开工", 3000, 900, "东山区教育局"]],
        title="东山区2025年重点项目推进情况表")
    rows = [["项目编号", "名称", "建设性质", "年度计划投资（亿元）", "本年完成投资（亿元）", "牵头单位"],
            ["NL-1", "南岭光伏电站", "新开工", "0.6", "0.32", "南岭县发改局"], ["NL-2", "南岭污水厂", "续建", "0.5", "0.3", "南岭县住建局"]]
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    (data / "南岭县").mkdir(parents=True)
    (data / "南岭县" / "南岭县2025年重点项目.csv").write_bytes(buffer.getvalue().encode("gbk"))
    _book(data / "西河区" / "西河区2025年重点项目.xls", [
        ["序号", "项目名称", "年度计划投资（万元）", "1-10月完成投资（万元）"], ["一、续建项目（1个）"], [1, "西河大桥", 4000, 3900],
        ["二、新开工项目（1个）"], [1, "西河公园", 1000, 200]])
    for month, done in ((9, 1500), (10, 1800)):
        _book(data / "北山县" / f"北山县2025年1-{month}月重点项目.xlsx", [
            ["项目代码", "项目名称", "2025年计划投资（万元）", f"1-{month}月完成投资（万元）"], ["BS-1", "北山水库", 2000, done]])
    _book(data / "青山区" / "青山区重点项目.xlsx", [header, ["QS-1", "青山隧道", "续建", 6000, 5000, "青山区交通局"]])


@pytest.fixture
def city(site):
    counties(site / "data")
    return site


def test_the_counties_folders_are_one_site_each_project_in_its_county(city):
    loaded = load(city)
    assert loaded.problems.errors == [] and loaded.problems.warnings == []
    assert lines(loaded)[0] == ("data: 数据文件夹中没有表格，按地区读取 5 个文件夹：东山区、北山县、南岭县、西河区、青山区；"
                                "每个文件夹的名称即其中项目所在的地区")
    report = loaded.report
    assert {p.name: p.place for p in report.projects.values()} == {
        "东山物流园": "东山区", "东山中学": "东山区", "北山水库": "北山县", "南岭光伏电站": "南岭县", "南岭污水厂": "南岭县",
        "西河大桥": "西河区", "西河公园": "西河区", "青山隧道": "青山区"}
    assert [e.period.key for e in report.projects["BS-1"].progress] == ["2025-09", "2025-10"]  # its monthly series
    assert {p.name: p.stage.value for p in report.projects.values() if p.place == "西河区"} == {
        "西河大桥": "continuing", "西河公园": "new"}


def test_each_countys_figures_are_those_of_its_own_site_and_the_citys_their_sum(city, tmp_path):
    report = load(city).report
    [league] = leagues(report, only="place")
    by_place = {row.key: row.summary for row in league.rows}
    total = metrics.summarize(list(report.projects.values()), report.current_year)
    for place in by_place:
        own_site = tmp_path / place
        (own_site / "data").mkdir(parents=True)
        for f in (city / "data" / place).iterdir():
            (own_site / "data" / f.name).write_bytes(f.read_bytes())
        own = load(own_site).report
        alone = metrics.summarize(list(own.projects.values()), own.current_year)
        assert (by_place[place].count, by_place[place].annual_planned.value, by_place[place].annual_completed.value) == (
            alone.count, alone.annual_planned.value, alone.annual_completed.value), place
    assert total.count == sum(s.count for s in by_place.values()) == 8
    assert total.annual_planned.value == sum(s.annual_planned.value for s in by_place.values()) == 35000 * WAN
    assert total.annual_completed.value == sum(s.annual_completed.value for s in by_place.values()) == 25000 * WAN


def test_a_project_two_counties_both_list_is_a_warning_and_counted_once(city):
    _book(city / "data" / "青山区" / "青山区重点项目.xlsx", [
        ["项目代码", "项目名称", "建设性质", "2025年计划投资（万元）", "1-10月完成投资（万元）", "责任单位"],
        ["QS-1", "青山隧道", "续建", 6000, 5000, "青山区交通局"], ["DS-1", "东山物流园", "续建", 8000, 7000, "东山区发改局"]])
    loaded = load(city)
    assert [line for line in lines(loaded) if "都有" in line] == [
        "data/青山区/青山区重点项目.xlsx:3: 项目“东山物流园”在青山区和东山区的表中都有（另见 data/东山区/东山区2025年重点项目（1-10月）.xlsx:3）；"
        "只计一次，计入东山区"]
    assert [p.place for p in loaded.report.projects.values() if p.name == "东山物流园"] == ["东山区"]
    assert len(loaded.report.projects) == 8


def test_two_counties_numbering_their_projects_alike_keep_both(city):
    for place, name in (("东山区", "东山新区"), ("青山区", "青山新区")):
        _book(city / "data" / place / f"{place}重点项目.xlsx", [["序号", "项目名称", "年度计划投资（万元）"], [1, name, 100]])
        for old in (city / "data" / place).iterdir():
            if old.name != f"{place}重点项目.xlsx":
                old.unlink()
    report = load(city).report
    assert {p.id: p.name for p in report.projects.values() if p.place in ("东山区", "青山区")} == {
        "1": "东山新区", "青山区-1": "青山新区"}  # 序号 as ids: the second made distinct


def test_the_city_site_built_from_the_folders_has_a_page_per_county(tmp_path):
    site = new_site(tmp_path / "site")
    counties(site / "data")
    result = run("build", "-d", tmp_path / "out", cwd=site)
    assert "8 个项目" in result.stdout + result.stderr
    assert sorted(p.name for p in (tmp_path / "out" / "places").iterdir()) == ["index.html", "东山区", "北山县", "南岭县", "西河区", "青山区"]
    home = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert home.count('href="places/') >= 5


def test_a_countys_own_settings_map_its_headers_and_bad_ones_name_the_key(city):
    _book(city / "data" / "青山区" / "青山区重点项目.xlsx", [
        ["工程编码", "工程名称", "建设性质", "2025年计划投资（万元）", "1-10月完成投资（万元）"], ["QS-1", "青山隧道", "续建", 6000, 5000]])
    assert "青山隧道" not in {p.name for p in load(city).report.projects.values()}
    (city / "data" / "青山区" / "progress.yml").write_text(
        "files:\n  projects:\n    columns: {id: 工程编码, name: 工程名称}\n", encoding="utf-8")
    loaded = load(city)
    assert loaded.problems.errors == [] and loaded.report.projects["QS-1"].place == "青山区"
    assert not [line for line in lines(loaded) if "progress.yml" in line]  # the folder's settings: not data
    (city / "data" / "青山区" / "progress.yml").write_text("files:\n  projects:\n    colums: {}\n", encoding="utf-8")
    assert [line for line in lines(load(city)) if "progress.yml" in line] == [
        "data/青山区/progress.yml: 配置项 files.projects.colums：不是已知的配置项"]


def test_a_county_whose_tables_name_no_year_reports_the_others_year_and_a_note_says_so(city):
    old = city / "data" / "南岭县" / "南岭县2025年重点项目.csv"
    old.rename(old.with_name("南岭县重点项目.csv"))
    loaded = load(city)
    assert "data/南岭县: 此地区的表没有写年度（表头、标题和文件名中都没有），按其他地区的 2025 年计" in lines(loaded)
    [league] = leagues(loaded.report, only="place")
    nanling = next(r.summary for r in league.rows if r.key == "南岭县")
    assert (nanling.annual_planned.value, nanling.annual_completed.value) == (11000 * WAN, 6200 * WAN)


def province(data: Path) -> None:
    """Two cities' folders: 云州市 a folder per county (:func:`counties`), 河阳市 one workbook whose 县区 column names
    its two counties."""
    counties(data / "云州市")
    _book(data / "河阳市" / "河阳市2025年重点项目.xlsx", [
        ["项目代码", "项目名称", "县区", "年度计划投资（万元）", "1-10月完成投资（万元）"],
        ["HY-1", "临河码头", "临河区", 5000, 4500], ["HY-2", "河西水厂", "河西县", 2000, 400],
        ["HY-3", "河西园区", "河西县", 3000, 1100]], title="河阳市2025年重点项目推进情况表")


def test_a_provinces_places_nest_city_then_county_and_each_city_sums_its_counties(site):
    from generator.figures.rankings import place_league

    province(site / "data")
    loaded = load(site)
    assert loaded.problems.errors == [] and loaded.problems.warnings == []
    report = loaded.report
    assert {p.id: p.place for p in report.projects.values() if p.id.startswith(("HY", "DS"))} == {
        "DS-1": "云州市/东山区", "DS-2": "云州市/东山区", "HY-1": "河阳市/临河区", "HY-2": "河阳市/河西县", "HY-3": "河阳市/河西县"}
    [cities] = leagues(report, only="place")
    by_city = {r.key: (r.summary.count, r.summary.annual_planned.value, r.summary.annual_completed.value) for r in cities.rows}
    assert by_city == {"云州市": (8, 35000 * WAN, 25000 * WAN), "河阳市": (3, 10000 * WAN, 6000 * WAN)}
    heyang = place_league(report, "河阳市")
    assert [(r.key, r.rank, r.summary.count, r.summary.completion_rate.value) for r in heyang.rows] == [
        ("河阳市/临河区", 1, 1, Decimal("0.9")), ("河阳市/河西县", 2, 2, Decimal("0.3"))]
    for city, row in ((r.key, r) for r in cities.rows):  # a city's figures are its counties' added up
        within = place_league(report, city).rows
        assert row.summary.count == sum(r.summary.count for r in within)
        assert row.summary.annual_planned.value == sum(r.summary.annual_planned.value for r in within)
        assert {light: sum(r.lights[light] for r in within) for light in row.lights} == row.lights


def test_a_provinces_site_has_a_page_per_city_ranking_its_counties_and_a_page_per_county(tmp_path):
    site = new_site(tmp_path / "site")
    province(site / "data")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("      data_dir: data\n", "      data_dir: data\n      feeds: clusters\n", 1),
                      encoding="utf-8")
    run("build", "--strict", "-d", tmp_path / "out", cwd=site)
    out = tmp_path / "out"
    feed = (out / "feeds" / "places" / "河阳市" / "河西县.xml").read_text(encoding="utf-8")  # a feed per city and county
    assert "<title>重点项目建设进展 · 河阳市河西县 · 本期变化</title>" in feed
    assert (out / "feeds" / "places" / "河阳市.xml").is_file()
    assert sorted(str(p.parent.relative_to(out / "places")) for p in (out / "places").rglob("index.html")) == [
        ".", "云州市", "云州市/东山区", "云州市/北山县", "云州市/南岭县", "云州市/西河区", "云州市/青山区",
        "河阳市", "河阳市/临河区", "河阳市/河西县"]
    city = _text(out / "places" / "河阳市" / "index.html")
    assert ("下辖地区 ¶ 名次 地区 年度完成率 亮灯情况 较序时进度（百分点） 项目数 2025年计划投资 2025年1-10月完成投资 "
            "1 临河区 90.0% ■ 红灯 0 ▲ 黄灯 0 ● 绿灯 1 +6.7 1 0.5亿元 0.45亿元 2 河西县 30.0% ") in city
    assert "本地区 3 个项目均列在 项目一览 （按地区筛选）" in city
    assert 'href="../../projects/?place=%E6%B2%B3%E9%98%B3%E5%B8%82"' in (out / "places" / "河阳市" / "index.html").read_text(encoding="utf-8")
    county = (out / "places" / "河阳市" / "河西县" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="河阳市河西县">河阳市河西县' in county and '所属地区：<a href="../">河阳市</a>' in county
    home = _text(out / "index.html")
    compared = home.split("按地区 ¶")[1].split("¶")[0]
    assert "云州市" in compared and "河阳市" in compared and "东山区" not in compared  # the cities, not the counties
    project = (out / "projects" / "HY-2" / "index.html").read_text(encoding="utf-8")
    heyang = "%E6%B2%B3%E9%98%B3%E5%B8%82"  # the project names its county within its city, each a link
    assert f'<a href="../../places/{heyang}/">河阳市</a> / <a href="../../places/{heyang}/%E6%B2%B3%E8%A5%BF%E5%8E%BF/">河西县</a>' in project


def test_a_bulletin_of_one_county_is_asked_for_by_its_own_name_in_full_or_as_a_path(site):
    from generator.bulletin.scope import Scope, ScopeError, narrowed

    province(site / "data")
    report = load(site).report
    for wanted in ("河西县", "河阳市河西县", "河阳市/河西县"):
        part, words = narrowed(report, Scope(place=wanted))
        assert (sorted(part.projects), words) == (["HY-2", "HY-3"], "河阳市河西县")
    part, _ = narrowed(report, Scope(place="河阳市"))
    assert sorted(part.projects) == ["HY-1", "HY-2", "HY-3"]
    with pytest.raises(ScopeError, match="没有这个地区：东城区（数据中有：云州市、云州市东山区"):
        narrowed(report, Scope(place="东城区"))



def test_an_english_provinces_site_says_area_throughout(tmp_path):
    import re

    site = new_site(tmp_path / "site")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: zh", "language: en"), encoding="utf-8")
    province(site / "data")
    run("build", "-d", tmp_path / "out", cwd=site)
    out = tmp_path / "out"
    home, city = _text(out / "index.html"), _text(out / "places" / "河阳市" / "index.html")
    assert "By area ¶ Rank Area Annual completion Lights Against the year elapsed (points)" in home
    assert "Part of: " not in city and "Areas within it ¶ Rank Area " in city
    assert "Part of: 河阳市" in _text(out / "places" / "河阳市" / "河西县" / "index.html")
    assert "Area 河阳市 / 河西县" in _text(out / "projects" / "HY-2" / "index.html")
    wrong = {}  # but in 数据与方法, whose data dictionary says what an area is (a county, a district) and has 资金到位
    for page in (p for p in out.rglob("*.html") if p.parent.name != "methodology"):
        words = re.findall(r"\b(?:[Pp]laces?|[Cc]ount(?:y|ies)|[Dd]istricts?|[Rr]egions?)\b", _text(page))
        if words:
            wrong[str(page.relative_to(out))] = sorted(set(words))
    assert wrong == {}


def test_counties_kept_in_one_citys_folder_are_what_the_site_compares(tmp_path):
    site = new_site(tmp_path / "site")
    counties(site / "data" / "云州市")
    run("build", "--strict", "-d", tmp_path / "out", cwd=site)  # the index of areas made (it failed with one city)
    [league] = leagues(load(site).report, only="place")
    assert sorted(leaf(r.key) for r in league.rows) == ["东山区", "北山县", "南岭县", "西河区", "青山区"]
    home = _text(tmp_path / "out" / "index.html")
    assert "按地区 ¶" in home and "西河区" in home.split("按地区 ¶")[1].split("¶")[0]
    assert "东山区" in _text(tmp_path / "out" / "places" / "index.html")
