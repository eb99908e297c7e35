"""A city's monthly compiled tables (see :mod:`.city`) dropped into a new site's data folder with no setting: every
sheet of every month read and accounted for, row by row; the site built from them alone."""

import json
import re
from decimal import Decimal
from urllib.parse import quote

import pytest

from . import city
from .conftest import lines, load
from .sites import new_site, page_text as _text, run

WAN = Decimal(10) ** 4
LATEST = f"{city.FILES[10]}.xlsx"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("city")
    city.city_series(new_site(root / "site") / "data")
    checked = run("validate", cwd=root / "site", check=False)
    told = run("validate", "--format", "json", cwd=root / "site", check=False)
    result = run("build", "-d", root / "out", cwd=root / "site")
    return root, checked, json.loads(told.stdout), result


def test_validate_names_what_it_read_and_what_disagrees(built):
    _, checked, _, _ = built
    assert checked.returncode == 0, checked.stdout + checked.stderr
    said = checked.stdout.splitlines()
    assert [line for line in said if "警告：" in line] == [
        f"data/{LATEST}[汇总]:4: 年度计划（万元）: 警告：汇总表“南岭县”一行为 16000，但其各项目相加为 15000 [summary-mismatch]",
        f"data/{city.FILES[9]}.xls[新开工项目]:6: 项目名称: 警告：项目“东山区中学扩建”在最新一期（2025-10）的表中没有（已调出？）；"
        "它以前各期的数字不发布 [series-project-left]"]
    assert said[-2:] == [
        "读取 3 个文件（其中工作表 12 张），共 92 行：标题和说明 12 行、表头 30 行、数据 18 行、合计 3 行、小计 6 行、分节标题 14 行、注释 9 行",
        "数据检查通过：6 个项目，0 个产业集群，3 个报告期；0 个错误，2 个警告，7 个提示"]


def test_the_readme_shows_what_validate_says_of_these_workbooks(built):
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = readme.split("```text\n", 1)[1].split("```", 1)[0].splitlines()
    assert shown and set(shown) <= set(built[1].stdout.splitlines())


def test_every_row_of_every_sheet_is_accounted_for_by_its_kind(built):
    _, _, told, _ = built
    kinds = {s["file"]: {k: n for k, n in s["rows"].items() if n} for s in told["sources"]}
    summary = {"title": 1, "header": 1, "subtotal": 2, "total": 1}  # a row per county, and 合计
    # title, a header of three rows, a section per county with projects, the projects, the 注 line
    stages = {8: {"续建项目": (2, 3), "新开工项目": (2, 2), "前期项目": (1, 1)},  # August and September
              10: {"续建项目": (2, 3), "新开工项目": (1, 2), "前期项目": (1, 1)}}
    expected = {}
    for month, fmt in ((8, "xls"), (9, "xls"), (10, "xlsx")):
        expected[f"{city.FILES[month]}.{fmt}[汇总]"] = summary
        for stage, (sections, projects) in stages[10 if month == 10 else 8].items():
            expected[f"{city.FILES[month]}.{fmt}[{stage}]"] = {"title": 1, "header": 3, "section": sections,
                                                               "data": projects, "note": 1}
    assert kinds == expected


def test_projects_keep_their_county_stage_and_a_name_typed_over_two_lines(built):
    root = built[0]
    loaded = load(root / "site")
    assert {p.name: (p.place, p.stage.value) for p in loaded.report.projects.values()} == {
        "东山现代农业示范园": ("东山区", "continuing"), "东山物流园（二期）": ("东山区", "continuing"),
        "南岭县城污水处理厂": ("南岭县", "continuing"), "南岭县光伏电站": ("南岭县", "new"),
        "南岭县冷链物流中心": ("南岭县", "new"), "东山湖生态修复": ("东山区", "preparatory")}
    by_name = {p.name: p for p in loaded.report.projects.values()}
    assert [(e.period.key, e.ytd_completed_investment.value, e.completed_investment.value)
            for e in by_name["东山物流园（二期）"].progress] == [  # August's 东山物流园(二期) is the same project
        ("2025-08", 5000 * WAN, None), ("2025-09", 6000 * WAN, 1000 * WAN), ("2025-10", 7000 * WAN, 1000 * WAN)]


def test_the_site_built_from_the_workbooks_alone_has_each_months_light_and_this_months_changes(built):
    root, _, _, result = built
    out = root / "out"
    assert "本期（2025年10月，对比2025年9月）：新增 1 个项目；调出 1 个项目；" in result.stdout + result.stderr
    page = _text(out / "projects" / "东山现代农业示范园" / "index.html")
    assert "亮灯记录" in page
    assert re.search(r"2025年8月 ▲ 黄灯 60\.0% 66\.7% 2025年9月 ● 绿灯 75\.0% 75\.0% 2025年10月 ● 绿灯 91\.8% 83\.3%", page)
    assert "东山 现代" not in page
    changes = _text(out / "changes" / "index.html")
    assert "本期新增项目 ¶ 南岭县冷链物流中心 本期调出项目 ¶ 东山区中学扩建" in changes
    assert "全市重点项目推进情况表" not in changes and "数据来源：本站汇总的项目台账，数据截至 2025年10月31日。" in changes


def test_the_same_months_as_ods_and_xlsb_give_the_same_report(site):
    city.city_series(site / "data")
    expected = repr(load(site).report.projects)
    for old in (site / "data").iterdir():
        old.unlink()
    city.city_series(site / "data", ("ods", "xlsb", "xlsx"))
    loaded = load(site)
    got = repr(loaded.report.projects).replace(".ods[", ".xls[").replace(".xlsb[", ".xls[")
    assert got == expected
    assert len([line for line in lines(loaded) if "汇总表“南岭县”" in line]) == 1


def test_a_wps_file_in_the_folder_is_an_error_that_says_what_to_save_it_as(site):
    city.city_series(site / "data")
    (site / "data" / "2025年1-7月全市重点项目推进情况表.et").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    assert [p for p in lines(load(site)) if ".et" in p] == [
        "data/2025年1-7月全市重点项目推进情况表.et: 不支持的文件格式 .et；请另存为 .xlsx 或 CSV"]


def test_a_platform_export_beside_the_workbooks_adds_its_words_and_is_checked_against_them(site):
    city.city_series(site / "data")
    (site / "data" / "progress.csv").write_text(
        "项目名称,报告期,本月完成投资（万元）,进展情况\n东山现代农业示范园,2025-10,1680,主体完工\n南岭县光伏电站,2025-10,1000,组件安装\n",
        encoding="utf-8")
    loaded = load(site)
    assert loaded.problems.errors == []
    by_name = {p.name: p for p in loaded.report.projects.values()}
    october = by_name["东山现代农业示范园"].progress[-1]
    assert (october.period.key, october.completed_investment.value, october.note) == ("2025-10", 1680 * WAN, "主体完工")
    assert [line for line in lines(loaded) if "progress.csv" in line] == [  # 1-10月 less 1-9月 gives 1200
        f"data/progress.csv:3: 本月完成投资（万元）: 2025-10 的数为 1000，而 data/{LATEST}[新开工项目]:6 为 1200；以本行为准"]


def test_each_county_has_its_page_and_its_row_in_the_league_with_the_sums_of_its_projects(built):
    from generator.figures.rankings import leagues

    root = built[0]
    out = root / "out"
    [league] = leagues(load(root / "site").report, only="place")
    expected = {}
    for county in city.COUNTIES:
        rows = [p for p in city.PROJECTS if p[1] == county and 10 in p[6]]
        plan, done = sum(p[4] for p in rows) * WAN, sum(p[6][10] for p in rows) * WAN
        expected[county] = (len(rows), plan, done, (done / plan).quantize(Decimal("0.001")))
    got = {r.key: (r.summary.count, r.summary.annual_planned.value, r.summary.annual_completed.value,
                   r.summary.completion_rate.value.quantize(Decimal("0.001"))) for r in league.rows}
    assert got == expected
    assert [(r.key, r.rank) for r in league.rows] == [("东山区", 1), ("南岭县", 2)]  # 82.4% before 46.7%

    page = _text(out / "places" / "南岭县" / "index.html")
    assert "项目数 3 2025年计划投资 1.5亿元 2025年1-10月完成投资 0.7亿元 2025年完成率 46.7%" in page
    # red first; the status, the same for all three, said once above the table
    assert "本地区项目 ¶ 下表各项的建设状态均为在建。 项目名称 亮灯 年度完成率 南岭县冷链物流中心 ■ 红灯 20.0%" in page
    assert "东山" not in page.split("本地区项目")[1].split("图表")[0]  # only its own projects
    home = _text(out / "index.html")
    assert ("按地区 ¶ 名次 地区 年度完成率 亮灯情况 较序时进度（百分点） 项目数 2025年计划投资 2025年1-10月完成投资 开工率 "
            "1 东山区 82.4% ■ 红灯 1 ▲ 黄灯 0 ● 绿灯 2 −0.9 3 2亿元 1.65亿元 — "
            "2 南岭县 46.7% ■ 红灯 1 ▲ 黄灯 2 ● 绿灯 0 −36.7 3 1.5亿元 0.7亿元 100.0%") in home  # 东山区: none new; 南岭县: both spending
    ranking = _text(out / "rankings" / "index.html")
    assert "按地区 ¶ 名次 地区 年度完成率" in ranking and "2 南岭县 46.7% ■ 红灯 1 ▲ 黄灯 2 ● 绿灯 0 −36.7 3 1.5亿元 0.7亿元" in ranking
    project = (out / "projects" / "南岭县光伏电站" / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'<td>地区</td>\s*<td><a href="\.\./\.\./places/{quote("南岭县")}/">南岭县</a></td>', project)
    assert f'href="places/{quote("东山区")}/"' in (out / "index.html").read_text(encoding="utf-8")  # in the navigation


def test_the_bulletin_has_a_section_per_area_and_one_areas_bulletin_only_its_projects(built, tmp_path):
    from pypdf import PdfReader

    site = built[0] / "site"
    run("bulletin", "--format", "pdf", "-o", tmp_path / "all", cwd=site)
    (whole,) = (tmp_path / "all").glob("*.pdf")
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(whole).pages))
    section = text.split("各地区推进情况")[-1].split("排名")[0]
    assert section.startswith("东山区2025年1-10月，3个项目完成投资1.65亿元，完成年度计划82.4%")
    assert "南岭县2025年1-10月，3个项目完成投资0.7亿元，完成年度计划46.7%，低于序时进度36.7个百分点；红灯1个、黄灯2个、绿灯0个。" in section
    run("bulletin", "--format", "pdf", "--place", "南岭县", "-o", tmp_path / "one", cwd=site)
    (one,) = (tmp_path / "one").glob("*.pdf")
    assert one.name.endswith("南岭县.pdf")
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(one).pages))
    assert "南岭县光伏电站" in text and "东山湖生态修复" not in text and "各地区推进情况" not in text
    wrong = run("bulletin", "--place", "西河区", "-o", tmp_path / "none", cwd=site, check=False)
    assert wrong.returncode != 0 and "没有这个地区：西河区（数据中有：东山区、南岭县）" in wrong.stderr


def test_with_a_feed_per_cluster_each_area_has_its_feed_of_its_own_changes(tmp_path):
    site = new_site(tmp_path / "site")
    city.city_series(site / "data")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("      data_dir: data\n", "      data_dir: data\n      feeds: clusters\n", 1),
                      encoding="utf-8")
    run("build", "-d", tmp_path / "out", cwd=site)
    feed = (tmp_path / "out" / "feeds" / "places" / "南岭县.xml").read_text(encoding="utf-8")
    assert "南岭县冷链物流中心" in feed and "东山区中学扩建" not in feed  # joined in 南岭县; left 东山区
    assert "东山区中学扩建" in (tmp_path / "out" / "feeds" / "places" / "东山区.xml").read_text(encoding="utf-8")
    page = (tmp_path / "out" / "places" / "南岭县" / "index.html").read_text(encoding="utf-8")
    assert f'href="../../feeds/places/{quote("南岭县")}.xml"' in page


def test_the_areas_index_ranks_every_area_and_leads_to_its_page(built):
    out = built[0] / "out"
    index = _text(out / "places" / "index.html")
    assert "名次 地区 年度完成率 亮灯情况 较序时进度（百分点） 项目数 2025年计划投资 2025年1-10月完成投资 1 东山区 82.4% ■ 红灯 1" in index
    assert f'href="{quote("南岭县")}/"' in (out / "places" / "index.html").read_text(encoding="utf-8")
