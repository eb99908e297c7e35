"""Derived figures: investment share, annual completion, lights by period, milestones, group sums."""

import dataclasses
import datetime as dt
from decimal import Decimal

from generator.contract.amounts import Qualifier
from generator.contract.marks import Missing
from generator.figures import lights, metrics
from generator.model.report import LightRule

from .conftest import lines, load, write_table

HEADER = ["项目编号", "项目名称", "建设状态", "年度", "计划总投资（亿元）", "年度计划投资（亿元）", "年度完成投资（亿元）", "累计完成投资（亿元）"]


def _report(site, rows, progress=None, settings=None):
    write_table(site / "data", "projects", [HEADER, *rows])
    if progress:
        write_table(site / "data", "progress", [["项目编号", "报告期", "计划投资（亿元）", "完成投资（亿元）", "累计完成投资（亿元）", "状态"], *progress])
    loaded = load(site, settings or {"ignore": ["withheld-value"]})
    assert loaded.ok, lines(loaded)
    return loaded.report


def test_investment_share_and_annual_completion(site):
    report = _report(site, [["A", "甲", "在建", "2022", "10", "4", "3", "6"], ["B", "乙", "在建", "2022", "xx", "4", "", "2"]])
    a, b = report.projects["A"], report.projects["B"]
    assert metrics.investment_share(a).value == Decimal("0.6")
    assert metrics.annual_completion(a).value == Decimal("0.75")
    assert metrics.investment_share(b) == metrics.Ratio(None, missing=Missing.WITHHELD)
    assert metrics.annual_completion(b).value is None


def test_annual_completed_from_quarters_when_the_row_leaves_it_empty(site):
    progress = [["A", "2022Q1", "1", "0.5", "", ""], ["A", "2022Q2", "1", "1", "", ""], ["A", "2022Q3", "1", "1.5", "4", ""]]
    report = _report(site, [["A", "甲", "在建", "2022", "10", "4", "", ""]], progress)
    a = report.projects["A"]
    assert metrics.annual_figures(a, 2022)[1].value == 3 * Decimal(10) ** 8
    assert metrics.investment_share(a).value == Decimal("0.4")  # the latest period's cumulative


def test_year_rows_of_progress_give_that_years_figures(site):
    progress = [["A", "2021", "5", "6", "", ""], ["A", "2022Q1", "1", "1", "", ""]]
    report = _report(site, [["A", "甲", "在建", "2021;2022", "20", "4", "", ""]], progress)
    a = report.projects["A"]
    assert metrics.annual_completion(a, 2021).value == Decimal("1.2")
    assert metrics.annual_completion(a, 2022).value == Decimal("0.25")


def test_a_light_at_each_period_from_the_year_to_date_against_the_year_elapsed(site):
    rows = [[p, p, "在建", "2022", "10", "4", "", ""] for p in "ABCD"]
    q = {"A": ("1", "1", "1.4"), "B": ("1", "1", "1"), "C": ("0.5", "0.5", "0.5"), "D": ("1", "", "1")}
    progress = [[p, f"2022Q{i + 1}", "1", done[i], "", ""] for p, done in q.items() for i in range(3)]
    report = _report(site, rows, progress)
    q1, q2, q3 = report.periods
    assert q3.key == "2022Q3" and report.as_of == dt.date(2022, 9, 30)
    at = {p: dict(lights.history(report.projects[p], report)) for p in "ABCD"}
    assert at["A"][q3].rate == Decimal("0.85") and at["A"][q3].light is lights.Light.GREEN  # 3.4 / 4 against 9/12
    assert at["B"][q1].share == Decimal(3) / 12 and at["B"][q1].light is lights.Light.GREEN  # 1 / 4: level
    assert at["C"][q3].light is lights.Light.RED  # 37.5% vs 75%
    assert at["C"][q1].light is lights.Light.YELLOW  # 12.5% against 25%: 12.5 points below
    assert q2 not in at["D"] and q3 not in at["D"] and q1 in at["D"]  # Q2 not reported: cannot be judged from then
    assert at["B"][q3] == lights.project_light(report.projects["B"], report)  # the latest is the page's light
    strict = dataclasses.replace(report, lights=LightRule(Decimal(0), Decimal(10)))
    assert dict(lights.history(report.projects["C"], strict))[q1].light is lights.Light.RED


def test_milestones_from_dates_status_and_periods(site):
    write_table(site / "data", "projects", [
        ["项目编号", "项目名称", "建设状态", "签约时间", "开工时间", "投产时间", "计划竣工时间"],
        ["A", "甲", "已投产", "2021年1月", "2021-03-01", "2022年6月", "2023年12月"],
        ["B", "乙", "签约", "2022年1月", "2022年11月", "", ""],
        ["C", "丙", "停建", "", "", "", ""],
    ])
    write_table(site / "data", "progress", [["项目编号", "报告期", "状态"], ["C", "2021Q4", "在建"], ["C", "2022Q1", "试生产"],
                                            ["C", "2022Q2", "停建"], ["A", "2022Q3", "投产"], ["B", "2022Q3", "签约"]])
    report = load(site).report
    a = {m.kind: m for m in metrics.milestones(report.projects["A"], report.as_of)}
    assert [a[k].reached for k in ("signed", "started", "trial_operation", "operating", "completed")] == [True, True, None, True, False]
    assert a["completed"].planned and str(a["completed"].date) == "2023-12"
    b = {m.kind: m for m in metrics.milestones(report.projects["B"], report.as_of)}
    assert (b["signed"].reached, b["started"].reached, b["started"].planned) == (True, False, True)
    c = {m.kind: m for m in metrics.milestones(report.projects["C"], report.as_of)}
    assert c["trial_operation"].reached and c["trial_operation"].period.key == "2022Q1"
    assert c["started"].reached and c["started"].period is None  # first seen under construction: no date
    assert not c["operating"].reached


def test_a_milestone_is_never_dated_after_a_later_one(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称", "项目类别", "建设状态", "开工时间"],
                                            ["A", "甲", "招商项目", "在建", "2021-03-18"]])
    write_table(site / "data", "progress", [["项目编号", "报告期", "状态"], ["A", "2022Q1", "在建"]])
    report = load(site).report
    signed = metrics.milestones(report.projects["A"], report.as_of)[0]
    assert (signed.kind, signed.reached, signed.date, signed.period) == ("signed", True, None, None)


def test_signing_is_a_milestone_of_investment_projects_only(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称", "项目类别", "建设状态", "签约时间"],
                                            ["A", "甲", "重点项目", "在建", ""], ["B", "乙", "招商项目", "在建", ""],
                                            ["C", "丙", "重点项目", "在建", "2021-01"]])
    report = load(site).report
    kinds = {pid: [m.kind for m in metrics.milestones(p, report.as_of)] for pid, p in report.projects.items()}
    assert kinds == {"A": ["started", "trial_operation", "operating", "completed"],
                     "B": ["signed", "started", "trial_operation", "operating", "completed"],
                     "C": ["signed", "started", "trial_operation", "operating", "completed"]}


def test_group_sums_are_honest(site):
    rows = [["A", "甲", "在建", "2022", "约2亿", "1", "1", ""], ["B", "乙", "在建", "2022", "6亿元以上", "1", "xx", ""],
            ["C", "丙", "谋划", "2022", "xx", "", "", ""], ["D", "丁", "在建", "2021", "5", "", "", ""]]
    report = _report(site, rows)
    s = metrics.year_summary(report, 2022)
    assert (s.count, s.total_investment.value, s.total_investment.qualifier) == (3, 8 * Decimal(10) ** 8, Qualifier.ABOUT)
    assert (s.total_investment.withheld, s.total_investment.partial) == (1, True)
    assert (s.completion_rate.value, s.completion_rate.partial) == (Decimal(1), True)  # B's completed is withheld
    assert s.by_status[metrics.Status.UNDER_CONSTRUCTION] == 2


def test_operation_before_start_is_a_warning_and_completion_above_100_a_note_after_it(site):
    write_table(site / "data", "projects", [
        ["项目编号", "项目名称", "年度", "计划总投资", "年度计划投资", "年度完成投资", "累计完成投资", "开工时间", "投产时间"],
        ["A", "甲", "2022", "10", "2", "3", "12", "2022-05", "2022-03-01"]])
    loaded = load(site)
    assert loaded.ok
    assert lines(loaded) == [
        "data/projects.csv:2: 投产时间: 投产时间 2022-03-01 早于开工时间 2022-05",
        "data/projects.csv:2: 累计完成投资: 累计完成投资占计划总投资的比例为 120.0%，超过 100%",
        "data/projects.csv:2: 年度完成投资: 年度完成率为 150.0%，超过 100%",
    ]
    assert [p.severity.value for p in loaded.problems.sorted()] == ["warning", "note", "note"]


def test_a_completion_date_passed_without_the_status_is_overdue_not_reached(site):
    write_table(site / "data", "projects", [
        ["项目编号", "项目名称", "建设状态", "开工时间", "投产时间", "竣工时间"],
        ["A", "甲", "在建", "2022-03", "2023年6月", "2023年12月"],  # 56% done, its dates past: overdue
        ["B", "乙", "竣工", "2022-03", "", "2023年12月"],
        ["C", "丙", "在建", "2024-03", "", "2025年12月"]])
    report = load(site, {"as_of": "2024-10-31"}).report
    a = {m.kind: m for m in metrics.milestones(report.projects["A"], report.as_of)}
    assert [(k, a[k].reached, a[k].overdue) for k in ("started", "operating", "completed")] == [
        ("started", True, False), ("operating", False, True), ("completed", False, True)]
    b = {m.kind: m for m in metrics.milestones(report.projects["B"], report.as_of)}
    assert (b["completed"].reached, b["completed"].overdue, str(b["completed"].date)) == (True, False, "2023-12")
    c = {m.kind: m for m in metrics.milestones(report.projects["C"], report.as_of)}
    assert (c["completed"].reached, c["completed"].planned, c["completed"].overdue) == (False, True, False)
    from generator.rendering.pages import PageMaker

    page = PageMaker(report).render(PageMaker(report).project(report.projects["A"])).markdown
    assert "| 建成 | 2023年12月 | — | 逾期 |" in page


def test_an_actual_completion_date_completes_a_project_and_a_planned_one_does_not(site):
    write_table(site / "data", "projects", [
        ["项目编号", "项目名称", "建设状态", "计划竣工时间", "实际竣工时间"],
        ["A", "甲", "在建", "2023年12月", "2024年3月"], ["B", "乙", "在建", "2023年12月", ""]])
    report = load(site, {"as_of": "2024-10-31"}).report
    a = {m.kind: m for m in metrics.milestones(report.projects["A"], report.as_of)}["completed"]
    b = {m.kind: m for m in metrics.milestones(report.projects["B"], report.as_of)}["completed"]
    assert (a.reached, str(a.date), a.overdue) == (True, "2024-03", False)
    assert (b.reached, str(b.date), b.overdue) == (False, "2023-12", True)
    from generator.rendering.pages import PageMaker

    maker = PageMaker(report)
    assert "| 建成 | 2023年12月 | 2024年3月 | 已完成 |" in maker.render(maker.project(report.projects["A"])).markdown


def test_a_new_project_with_no_status_or_start_date_has_started_when_it_has_spent_this_year(site):
    write_table(site / "data", "projects", [
        ["项目编号", "项目名称", "建设性质", "年度", "年度计划投资", "年度完成投资", "开工时间"],
        ["A", "甲", "新开工", "2024", "10", "3", ""], ["B", "乙", "新开工", "2024", "10", "0", ""],
        ["C", "丙", "新开工", "2024", "10", "", ""], ["D", "丁", "新开工", "2024", "10", "2", "2024年12月"]])
    report = load(site, {"as_of": "2024-10-31"}).report
    assert [p.status.value for p in report.projects.values()] == [
        "under_construction", "not_started", "not_started", "not_started"]  # D: its start date says not yet
    assert (metrics.start_rate(report).started, metrics.start_rate(report).due) == (1, 4)  # none has a planned start
