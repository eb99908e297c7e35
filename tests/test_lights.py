"""序时进度 and 红黄绿灯: bands at their edges, the table's own lights, and what a project page says."""

import datetime as dt
import html
import json
import re
from decimal import Decimal

import pytest

from generator.contract.periods import year_elapsed_at
from generator.figures.lights import Light, derive, project_light
from generator.model.report import LightRule
from generator.rendering.pages import PageMaker

from . import office
from .conftest import lines, load, write_table

FILES = {"files": {"projects": {"path": office.WORKBOOK}, "progress": {"path": office.EXPORT}}}


def plain(markdown: str) -> str:
    """What a reader sees of generated Markdown: tags dropped, entities read."""
    return html.unescape(re.sub(r"<[^>]+>", "", markdown))


@pytest.mark.parametrize("as_of,start,share", [
    (dt.date(2024, 10, 31), 1, Decimal(10) / 12), (dt.date(2024, 6, 30), 1, Decimal("0.5")), (dt.date(2024, 12, 31), 1, 1),
    (dt.date(2024, 1, 15), 1, Decimal(15) / 366), (dt.date(2023, 2, 28), 1, Decimal(2) / 12),
    # financial years from April (the UK) and July: March's end is the year's end, not a quarter of it
    (dt.date(2023, 3, 31), 4, 1), (dt.date(2022, 6, 30), 4, Decimal(3) / 12), (dt.date(2023, 1, 31), 4, Decimal(10) / 12),
    (dt.date(2022, 4, 10), 4, Decimal(10) / 365), (dt.date(2023, 6, 30), 7, 1), (dt.date(2023, 12, 31), 7, Decimal("0.5"))])
def test_the_share_of_the_year_elapsed(as_of, start, share):
    assert year_elapsed_at(as_of, start) == share


SHARE = Decimal(10) / 12  # 1-10月: 83.3%


@pytest.mark.parametrize("rate,light", [
    (SHARE + Decimal("0.2"), Light.GREEN), (SHARE, Light.GREEN), (SHARE - Decimal("0.0001"), Light.YELLOW),
    (SHARE - Decimal("0.30"), Light.YELLOW), (SHARE - Decimal("0.3001"), Light.RED), (Decimal(0), Light.RED)])
def test_default_bands_at_their_edges(rate, light):
    assert derive(rate, SHARE, LightRule()) is light


@pytest.mark.parametrize("rate,light", [
    (SHARE - Decimal("0.10"), Light.GREEN), (SHARE - Decimal("0.1001"), Light.YELLOW),
    (SHARE - Decimal("0.30"), Light.YELLOW), (SHARE - Decimal("0.3001"), Light.RED)])
def test_bands_of_ten_and_thirty_points(rate, light):
    assert derive(rate, SHARE, LightRule(Decimal(10), Decimal(30))) is light


def test_not_started_by_its_planned_start_is_red_whatever_the_rate():
    assert derive(None, SHARE, LightRule(), late_start=True) is Light.RED and derive(None, SHARE, LightRule()) is None


def test_the_tables_lights_agree_with_the_figures_in_the_example(site):
    office.write(site / "data")
    loaded = load(site, FILES)
    assert lines(loaded) == []
    checks = {p.name: project_light(p, loaded.report) for p in loaded.report.projects.values()}
    assert {n: (c.light, c.stated, c.derived) for n, c in checks.items() if c.stated} == {
        "智能装备产业园（一期）": (Light.GREEN,) * 3, "城西污水处理厂提标改造": (Light.YELLOW,) * 3,
        "示例区人民医院迁建": (Light.RED,) * 3, "新能源汽车零部件项目": (Light.GREEN,) * 3,
        "城市更新片区综合提升（打包项目）": (Light.YELLOW,) * 3, "数字经济总部大楼": (Light.RED,) * 3}
    assert checks["数字经济总部大楼"].late_start
    maker = PageMaker(loaded.report)
    page = maker.render(maker.project(loaded.report.projects["2023-330112-46-01-208831"])).markdown
    assert "| 亮灯 | ▲黄灯（年度完成率 62.5%，低于序时进度 20.8 个百分点） |" in plain(page)
    assert '<span class="ps-light__shape" aria-hidden="true">▲</span>黄灯' in page  # the shape is not read out
    assert "&#60;span" not in page and plain(page).count("▲黄灯（年度完成率 62.5%") == 2  # the summary line and the facts


def test_a_light_the_figures_do_not_bear_out_and_an_unknown_word_are_warnings(site):
    write_table(site / "data", "projects", [
        ["项目编号", "项目名称", "年度", "年度计划投资", "年度完成投资", "亮灯情况"],
        ["A", "甲", "2024", "10", "9", "红灯"], ["B", "乙", "2024", "10", "5", "紫灯"], ["C", "丙", "2024", "10", "8", "Amber"]])
    loaded = load(site, {"as_of": "2024-10-31"})
    assert lines(loaded) == [
        "data/projects.csv:2: 亮灯情况: 表中为“红灯”，按年度完成率 90.0%（序时进度 83.3%）应为绿灯；以表中为准",
        "data/projects.csv:3: 亮灯情况: “紫灯”不是亮灯（可用：绿灯/绿、黄灯/黄、红灯/红，或 green/amber/red）"]
    r = loaded.report
    assert [project_light(p, r).light for p in r.projects.values()] == [Light.RED, Light.RED, Light.YELLOW]
    wide = load(site, {"as_of": "2024-10-31", "lights": {"green_within": 10}})
    assert len(lines(wide)) == 3 and "表中为“Amber”，按年度完成率 80.0%（序时进度 83.3%）应为绿灯" in lines(wide)[2]


def test_the_home_page_counts_the_lights_and_lists_red_then_yellow_furthest_behind_first(site):
    office.write(site / "data")
    loaded = load(site, FILES)
    maker = PageMaker(loaded.report)
    page = plain(maker.render(maker.home()).markdown)
    cards = {c.key: (c.label, plain(c.value), c.note) for c in dict(maker.home().values)["figure_cards"]}
    assert cards["rate"] == ("2024年完成率", "61.7%", "低于序时进度 21.6 个百分点")
    assert cards["start_rate"] == ("开工率", "66.7%", "应开工 3 个，已开工 2 个")
    assert cards["completed"][:2] == ("2024年1-10月完成投资", "8.83亿元")
    assert list(cards) == ["projects", "planned", "completed", "rate", "start_rate"]  # the lights have their bar
    # the verdict first, then every project by light, then 重点关注, then the cards
    verdict = "2024年1-10月，8个项目完成投资8.83亿元，完成年度计划61.7%，低于序时进度 21.6 个百分点；红灯4个、黄灯2个、绿灯2个。"
    assert page.index("数据截至 2024年10月31日") < page.index(verdict) < page.index("■红灯 4▲黄灯 2●绿灯 2") \
        < page.index("重点关注") < page.index("项目数") < page.index("总体情况")
    assert "未亮灯" not in page  # every project of the district is lit
    rows = [line for line in page.splitlines() if line.startswith(("| ■", "| ▲"))]
    assert [row.split("[")[1].split("]")[0] for row in rows] == [
        "数字经济总部大楼", "农产品冷链物流中心", "生物医药孵化园", "示例区人民医院迁建", "城市更新片区综合提升（打包项目）",
        "城西污水处理厂提标改造"]
    assert rows[0] == ("| ■红灯 | [数字经济总部大楼](projects/2024-330112-65-01-530018.md) | 0.0% | −83.3 | "
                       "用地规划调整未批复，未按期开工 | 区发改局 | 张区长 | 7 期 |")  # red seven months running
    assert "| 0.0% | −83.3 | 未说明原因 | 区农业农村局 |" in rows[1]  # red with no stated problem: the question asked


def test_cluster_and_year_pages_carry_their_own_projects_lights(site):
    office.write(site / "data")
    loaded = load(site, FILES)
    maker = PageMaker(loaded.report)
    cluster = plain(maker.render(maker.cluster("高端装备")).markdown)
    assert "红灯 0▲黄灯 0●绿灯 1" in cluster and "重点关注" not in cluster
    year = plain(maker.render(maker.year(2024)).markdown)
    assert "红灯 4▲黄灯 2●绿灯 2" in year and "重点关注" in year



def test_the_downloads_carry_the_light_the_pages_show(site):
    from generator.rendering.downloads import export_files

    write_table(site / "data", "projects", [["项目编号", "项目名称", "年度", "年度计划投资", "年度完成投资", "亮灯情况"],
                                            ["A", "甲", "2024", "10", "9", ""], ["B", "乙", "2024", "10", "9", "红灯"]])
    files = export_files(load(site, {"as_of": "2024-10-31"}).report)
    assert [r["light"] for r in json.loads(files["downloads/projects.json"])] == ["green", "red"]
    csv = files["downloads/projects.csv"].splitlines()
    column = csv[0].split(",").index("亮灯情况")
    assert [line.split(",")[column] for line in csv[1:]] == ["绿灯", "红灯"]


def test_a_long_watch_list_shows_the_furthest_behind_and_says_where_the_rest_are(site):
    rows = [[f"P{i:02d}", f"项目{i:02d}", "2024", "10", str(i % 10)] for i in range(45)]
    write_table(site / "data", "projects", [["项目编号", "项目名称", "年度", "年度计划投资", "年度完成投资"], *rows])
    report = load(site, {"as_of": "2024-10-31"}).report
    maker = PageMaker(report)
    page = plain(maker.render(maker.home()).markdown)
    listed = [line for line in page.splitlines() if line.startswith(("| ■", "| ▲"))]
    behind = [p for p in report.projects.values() if project_light(p, report).light is not Light.GREEN]
    assert len(behind) == 41 and len(listed) == 30 and listed[0].startswith("| ■红灯 | [项目00]")  # 0% first
    # columns no row fills are left out: no office, no leader, no periods to count a run of lights in
    assert "| 亮灯 | 项目名称 | 年度完成率 | 较序时进度（百分点） | 存在问题及需协调事项 |\n" in page
    assert "另有 11 个红灯、黄灯项目，均列在[项目一览](projects/index.md)（可按亮灯筛选）。" in page


def test_a_rating_withheld_or_not_applicable_is_no_light_given_and_no_warning(site):
    write_table(site / "data", "projects", [
        ["项目编号", "项目名称", "年度", "年度计划投资", "年度完成投资", "亮灯情况"],
        ["A", "甲", "2024", "10", "9", "Exempt - Under Section 43"], ["B", "乙", "2024", "10", "5", "NA"],
        ["C", "丙", "2024", "10", "2", "待定"]])
    loaded = load(site, {"as_of": "2024-10-31"})
    assert lines(loaded) == []
    r = loaded.report
    assert [project_light(p, r).light for p in r.projects.values()] == [Light.GREEN, Light.RED, Light.RED]  # worked out


def test_a_terminated_project_is_a_status_of_its_own_with_no_light(site):
    write_table(site / "data", "projects", [
        ["项目编号", "项目名称", "建设状态", "年度", "年度计划投资", "年度完成投资", "竣工时间"],
        ["A", "甲", "已终止", "2024", "10", "1", "2023年12月"], ["B", "乙", "cancelled", "2024", "10", "0", ""],
        ["C", "丙", "竣工", "2024", "10", "10", "2023年12月"]])
    from generator.contract.vocab import Status
    from generator.figures import metrics

    report = load(site, {"as_of": "2024-10-31"}).report
    assert [p.status for p in report.projects.values()] == [Status.TERMINATED, Status.TERMINATED, Status.COMPLETED]
    assert [project_light(p, report).light for p in report.projects.values()] == [None, None, Light.GREEN]
    summary = metrics.summarize(list(report.projects.values()), 2024)
    assert (summary.by_status[Status.TERMINATED], summary.by_status[Status.COMPLETED]) == (2, 1)  # counted apart
    completed = {m.kind: m for m in metrics.milestones(report.projects["A"], report.as_of)}["completed"]
    assert completed.reached is False  # never completed


def test_the_bar_counts_every_project_and_says_why_the_unlit_are_unlit(site):
    write_table(site / "data", "projects", [
        ["项目编号", "项目名称", "建设状态", "建设性质", "年度", "年度计划投资", "年度完成投资"],
        ["A", "甲", "在建", "续建", "2024", "10", "9"], ["B", "乙", "在建", "续建", "2024", "10", "1"],
        ["C", "丙", "储备", "预备", "2024", "", ""], ["D", "丁", "在建", "续建", "2024", "", "3"],
        ["E", "戊", "在建", "续建", "2024", "未公开", "2"], ["F", "己", "已终止", "续建", "2024", "10", "1"],
        ["G", "庚", "在建", "续建", "2024", "10", ""]])
    from generator.figures.lights import unlit_counts, unlit_reason

    report = load(site, {"as_of": "2024-10-31"}).report
    assert [unlit_reason(p, report) for p in report.projects.values()] == [
        None, None, "preparatory", "no_plan", "withheld", "terminated", "no_completion"]
    maker = PageMaker(report)
    page = plain(maker.render(maker.home()).markdown)
    assert "■红灯 1▲黄灯 0●绿灯 1○未亮灯 5" in page
    assert ("未亮灯的项目不作评价：已终止 1 个；储备、前期项目 1 个；无年度计划投资 1 个；数字未公开 1 个；"
            "未填报完成投资 1 个。") in page
    assert sum(unlit_counts(report.projects.values(), report).values()) == 5
    # with no as-of date there is no 序时进度: nothing is lit, and no bar claims otherwise
    undated = load(site, {}).report
    assert {unlit_reason(p, undated) for p in undated.projects.values()} <= {"no_date", "terminated"}
    assert "未亮灯" not in plain(PageMaker(undated).render(PageMaker(undated).home()).markdown)


def test_an_own_home_page_has_the_lead_under_its_title_and_its_text_after(site):
    from generator.writing.output import compose

    office.write(site / "data")
    maker = PageMaker(load(site, FILES).report)
    generated = maker.render(maker.home()).markdown
    own = "# 示例区重点项目\n\n本站公开本区重点项目的进展。\n\n[[ generated ]]\n\n编后语。\n"
    page = plain(compose(own, generated))
    assert page.index("# 示例区重点项目") < page.index("数据截至") < page.index("2024年1-10月，8个项目") \
        < page.index("重点关注") < page.index("本站公开本区重点项目的进展") < page.index("项目数") < page.index("编后语")
    assert page.count("数据截至 2024年10月31日 · 序时进度") == 1 and page.count("\n# ") == 1
    # a page of a title alone takes the generated page as it is
    assert plain(compose("# 示例区重点项目\n", generated)).index("数据截至") < plain(compose("# 示例区重点项目\n", generated)).index("重点关注")


def test_a_run_of_lights_is_counted_only_when_the_latest_period_shows_the_light_the_project_has_now(site):
    from generator.figures.lights import history, streak

    office.write(site / "data")
    report = load(site, FILES).report
    runs = {p.name: streak(p, report) for p in report.projects.values()}
    assert runs["数字经济总部大楼"] == 7  # red from April to October
    # lit red by the project table alone, with no monthly row: no run to count, not "1 期"
    cold = next(p for p in report.projects.values() if p.name == "农产品冷链物流中心")
    assert project_light(cold, report).light is Light.RED and history(cold, report) == [] and runs[cold.name] is None
