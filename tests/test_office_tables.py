"""Office progress tables read as they are kept: a district's 1-10月 workbook (title and units lines, two merged
header rows, sections with subtotals, a package project, monthly columns) and a platform's GBK export."""

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest

from generator.contract.spans import split_span
from generator.contract.vocab import Stage, Status
from generator.figures import metrics

from . import office
from .conftest import ROOT, lines, load, write_table
from .sites import text_of

WAN = Decimal(10) ** 4
FILES = {"files": {"projects": {"path": office.WORKBOOK}, "progress": {"path": office.EXPORT}}}
P1, P2, HOSPITAL = "2022-330112-34-01-104512", "2023-330112-46-01-208831", "2021-330112-84-01-100027"
CAR, PACKAGE, TOWER = "2024-330112-36-03-424564", "2024-330112-47-01-512233", "2024-330112-65-01-530018"


@pytest.fixture
def district(site):
    office.write(site / "data")
    return site


def _edit(site, change):
    path = site / "data" / office.WORKBOOK
    book = openpyxl.load_workbook(path)
    change(book.active)
    book.save(path)


def test_the_district_workbook_is_read_as_it_is_kept(district):
    loaded = load(district, FILES)
    assert lines(loaded) == []
    r = loaded.report
    assert list(r.projects)[:3] == [P1, P2, HOSPITAL] and len(r.projects) == 8
    assert (r.as_of, r.current_year, r.completed_span.label("zh")) == (dt.date(2024, 10, 31), 2024, "2024年1-10月")
    p = r.projects[P1]
    assert (p.name, p.level, p.sector, p.cluster_id, p.owner, p.construction_period) == (
        "智能装备产业园（一期）", "省重点、市重点", "工业", "高端装备", "示例智能装备有限公司", "2022-2025")
    assert (p.stage, p.status, p.years) == (Stage.CONTINUING, Status.UNDER_CONSTRUCTION, (2024,))
    assert (p.total_investment.value, p.cumulative_before_year.value, p.annual_planned_investment.value,
            p.annual_completed_investment.value, p.cumulative_investment.value) == (
        150000 * WAN, 62000 * WAN, 36000 * WAN, 30000 * WAN, 92000 * WAN)
    assert (p.department, p.leader, p.light, p.issues, p.progress_note) == (
        "区经信局", "王副区长", "绿灯", None, "主体结构封顶，设备安装中")  # 存在问题 “无”: none
    assert p.planned_start_date.date.iso() == "2022-03" and p.start_date.date.iso() == "2022-03-18"
    assert [e.period.key for e in p.progress] == [f"2024-{m:02d}" for m in range(1, 11)]
    october = p.progress[-1]
    assert (october.completed_investment.value, october.ytd_completed_investment.value, october.note) == (
        3000 * WAN, 30000 * WAN, "主体结构封顶，设备安装中")  # the month from both files, the year to date from the export
    stages = {p.id: (p.stage, p.status) for p in r.projects.values()}
    assert stages[TOWER] == (Stage.NEW, Status.NOT_STARTED)  # planned for June, not begun: not a reserve project
    assert [s for s, _ in stages.values()].count(Stage.PREPARATORY) == 2
    assert {s for s, st in stages.values() if st is Status.RESERVE} == {Stage.PREPARATORY}


def test_a_package_projects_sub_rows_are_its_components_and_are_not_counted_twice(district):
    r = load(district, FILES).report
    package = r.projects[PACKAGE]
    assert [(c.serial, c.name, c.total_investment.value) for c in package.components] == [
        ("2-1", "滨河路改造工程", 25000 * WAN), ("2-2", "片区雨污分流工程", 20000 * WAN), ("2-3", "滨河公园", 15000 * WAN)]
    assert package.total_investment.value == 60000 * WAN
    summary = metrics.summarize(list(r.projects.values()), 2024)
    assert summary.count == 8 and summary.total_investment.value == 630000 * WAN  # what the 合计 row says


def test_sections_give_counts_sums_and_the_start_rate(district):
    r = load(district, FILES).report
    by_stage = {s.stage: s for s in metrics.stage_summaries(r)}
    assert {k: v.summary.count for k, v in by_stage.items()} == {Stage.CONTINUING: 3, Stage.NEW: 3, Stage.PREPARATORY: 2}
    assert by_stage[Stage.NEW].summary.annual_planned.value == 65000 * WAN
    assert by_stage[Stage.CONTINUING].summary.annual_completed.value == 49000 * WAN
    rate = metrics.start_rate(r)
    assert (rate.rate.value, rate.started, rate.due) == (Decimal(2) / 3, 2, 3)


def test_a_new_project_planned_after_the_as_of_date_is_not_yet_due_to_start(district):
    _edit(district, lambda ws: ws.cell(16, 16, "2024-12"))  # 数字经济总部大楼: planned for December
    rate = metrics.start_rate(load(district, FILES).report)
    assert (rate.rate.value, rate.started, rate.due) == (1, 2, 2)


def test_months_that_disagree_with_the_year_to_date_total_are_named(district):
    _edit(district, lambda ws: ws.cell(7, office.MONTHS_AT + 2, 2500))  # 智能装备产业园, February
    assert lines(load(district, FILES)) == [  # the workbook's total, and the platform's first year-to-date after it
        f"data/{office.EXPORT}:2: 本年累计完成投资(万元): 为 24,000.00，但 2024 年 1 至 8 月各月完成投资相加为 23500"
        f"（各月见 data/{office.WORKBOOK}:7、data/{office.EXPORT}:2）",
        f"data/{office.WORKBOOK}:7: 1-10月完成投资/完成额: 为 30000，但“2024年分月完成投资”的 1月 至 10月 相加为 29500"]


def test_headings_that_miscount_and_subtotals_that_disagree_are_warnings(district):
    def change(ws):
        ws.cell(6, 1, "一、续建项目（4个）")
        ws.cell(6, 10, 290001)
    _edit(district, change)
    assert lines(load(district, FILES)) == [
        f"data/{office.WORKBOOK}:6: 项目名称: 分节标题“一、续建项目（4个）”写有 4 个项目，其下却有 3 个",
        f"data/{office.WORKBOOK}:6: 总投资: 合计行为 290001，但各行相加为 290000",
    ]


def test_codes_still_to_come_give_ids_made_from_the_name(district):
    def change(ws):
        ws.cell(18, 3, "待赋码")
        ws.cell(19, 3).value = None
    _edit(district, change)
    loaded = load(district, FILES)
    assert lines(loaded) == [
        f"data/{office.WORKBOOK}:18: 项目代码: 没有项目代码；以项目名称生成编号“生物医药孵化园”（赋码后填入代码，项目页网址会随之改变）",
        f"data/{office.WORKBOOK}:19: 项目代码: 没有项目代码；以项目名称生成编号“农产品冷链物流中心”（赋码后填入代码，项目页网址会随之改变）",
    ]
    assert {"生物医药孵化园", "农产品冷链物流中心"} <= set(loaded.report.projects)


def test_the_platform_export_matches_by_code_or_by_name_however_bracketed(district):
    rows = [office.EXPORT_HEAD,
            ["", "智能装备产业园(一期)", "2024年11月", "2,000.00", "32,000.00", "", "是", "张三", "已审核"],
            *[["", "智能装备产业园二期", f"2024年{m}月", "1.00", "", "", "是", "张三", "已审核"] for m in (8, 9, 10)]]
    (district / "data" / office.EXPORT).unlink()  # replaced by this progress table (else it is a file nothing reads)
    write_table(district / "data", "progress", rows, "gbk")
    settings = {"files": {"projects": {"path": office.WORKBOOK}}}
    loaded = load(district, settings)
    assert lines(loaded) == [
        "data/progress.csv:3: 项目名称: 项目“智能装备产业园二期”不在 projects 表中（共 3 行：3、4、5）（是否指“智能装备产业园（一期）”？）；"
        "请在项目表中加入此项目，或删去它所在的行"]
    november = loaded.report.projects[P1].progress[-1]
    assert (november.period.key, november.completed_investment.value) == ("2024-11", 2000 * WAN)


def test_a_year_to_date_figure_must_add_up_from_the_months_wherever_they_are(district):
    path = district / "data" / office.EXPORT
    text = path.read_bytes().decode("gbk").replace('"24,000.00"', '"24,500.00"', 1)
    path.write_bytes(text.encode("gbk"))
    assert lines(load(district, FILES)) == [
        f"data/{office.EXPORT}:2: 本年累计完成投资(万元): 为 24,500.00，但 2024 年 1 至 8 月各月完成投资相加为 24000"
        f"（各月见 data/{office.WORKBOOK}:7、data/{office.EXPORT}:2）"]


@pytest.mark.parametrize("header,expected", [
    ("1-10月完成投资", ("to_date", None, 1, 10, "完成投资")),
    ("2024年1-6月完成投资", ("to_date", 2024, 1, 6, "完成投资")),
    ("上半年完成投资", ("to_date", None, 1, 6, "完成投资")),
    ("前三季度完成投资", ("to_date", None, 1, 9, "完成投资")),
    ("截至10月底累计完成投资", ("to_date", None, 1, 10, "累计完成投资")),
    ("1至10月完成投资", ("to_date", None, 1, 10, "完成投资")),
    ("2024年计划投资", ("year", 2024, 1, 12, "计划投资")),
    ("截至2023年底累计完成投资", ("before", 2023, 1, 12, "累计完成投资")),
    ("3月", ("month", None, 3, 3, "")),
    ("2024年10月", ("month", 2024, 10, 10, "")),
    ("项目名称", None),
])
def test_periods_in_headers(header, expected):
    span, rest = split_span(header)
    assert ((span.kind, span.year, span.first, span.last, rest) if span else None) == expected


def test_a_csv_export_of_a_merged_header_writes_each_group_once(site):
    """Saved as CSV (GBK), the merged header keeps each group in its first column and leaves the others empty."""
    rows = [["2024年重点项目进度表", "", "", "", "", ""], ["", "", "", "", "", "单位：万元"],
            ["序号", "项目名称", "2024年计划投资", "1-6月完成投资", "", "备注"],
            ["", "", "", "完成额", "占年度计划（%）", ""],
            ["一、续建项目", "", "", "", "", ""],
            ["1", "甲项目", "1000", "600", "60", ""], ["2", "乙项目", "500", "100", "20", ""],
            ["二、新开工项目", "", "", "", "", ""], ["1", "丙项目", "300", "0", "0", ""]]
    write_table(site / "data", "projects", rows, "gbk")
    loaded = load(site)
    assert lines(loaded) == []
    r = loaded.report
    assert list(r.projects) == ["甲项目", "乙项目", "丙项目"]  # 序号 restarts in each section: ids from names
    assert [(p.stage, p.annual_completed_investment.value, p.years) for p in r.projects.values()] == [
        (Stage.CONTINUING, 600 * WAN, (2024,)), (Stage.CONTINUING, 100 * WAN, (2024,)), (Stage.NEW, 0, (2024,))]
    assert r.completed_span.label("zh") == "2024年1-6月" and r.as_of == dt.date(2024, 6, 30)
    assert [p.status for p in r.projects.values()] == [Status.UNDER_CONSTRUCTION] * 2 + [Status.NOT_STARTED]


def test_three_header_rows(site):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["项目名称", "项目代码", "2024年投资", None, None])
    ws.append([None, None, "计划投资", "完成投资", None])
    ws.append([None, None, None, "1-9月", "占年度计划"])
    ws.append(["甲", "P1", 100, 90, 90])
    for cells in ("A1:A3", "B1:B3", "C1:E1", "C2:C3", "D2:E2"):
        ws.merge_cells(cells)
    (site / "data").mkdir()
    book.save(site / "data" / "projects.xlsx")
    loaded = load(site, {"input_unit": "万元"})
    assert lines(loaded) == []
    p = loaded.report.projects["P1"]
    assert (p.annual_planned_investment.value, p.annual_completed_investment.value, p.years) == (100 * WAN, 90 * WAN, (2024,))


def test_started_column_and_written_sub_rows(site):
    rows = [["项目编号", "项目名称", "是否开工", "总投资"], ["A", "甲", "是", "10"], ["B", "乙打包项目", "否", "6"],
            ["", "其中：乙一", "", "4"], ["", "其中：乙二", "", "2"], ["C", "丙", "", "1"]]
    write_table(site / "data", "projects", rows)
    loaded = load(site)
    assert lines(loaded) == []
    r = loaded.report
    assert [(p.id, p.started, p.status) for p in r.projects.values()] == [
        ("A", True, Status.UNDER_CONSTRUCTION), ("B", False, Status.NOT_STARTED), ("C", None, None)]
    assert [c.name for c in r.projects["B"].components] == ["乙一", "乙二"]


def test_a_package_whose_own_figure_disagrees_with_its_components(site):
    rows = [["序号", "项目编号", "项目名称", "总投资"], ["1", "A", "甲打包项目", "10"], ["1-1", "", "甲一", "4"], ["1-2", "", "甲二", "5"]]
    write_table(site / "data", "projects", rows)
    assert lines(load(site)) == ["data/projects.csv:2: 总投资: 打包项目为 10，但其子项目（第 3–4 行）相加为 9"]


def test_a_package_with_no_figure_of_its_own_takes_its_components_sum(site):
    rows = [["序号", "项目编号", "项目名称", "总投资"], ["1", "A", "甲打包项目", ""], ["1-1", "", "甲一", "4"], ["1-2", "", "甲二", "5"]]
    write_table(site / "data", "projects", rows)
    loaded = load(site)
    assert lines(loaded) == [] and loaded.report.projects["A"].total_investment.value == 9 * Decimal(10) ** 8


def _cells(path):
    book = openpyxl.load_workbook(path)
    ws = book.active
    return [list(r) for r in ws.iter_rows(values_only=True)], sorted(str(m) for m in ws.merged_cells.ranges)


def test_the_example_holds_the_layout_these_tests_read(tmp_path):
    """``examples/district-monthly/data`` is what :mod:`tests.office` writes (``python -m tests.office DIR``)."""
    office.write(tmp_path)
    example = ROOT / "examples" / "district-monthly" / "data"
    assert _cells(example / office.WORKBOOK) == _cells(tmp_path / office.WORKBOOK)
    assert (example / office.EXPORT).read_bytes() == (tmp_path / office.EXPORT).read_bytes()


def test_the_example_builds_strictly_from_its_files_as_they_are(district_site):
    log = (district_site.parent / "build.log").read_text(encoding="utf-8")
    assert "已生成网站" in log and "8 个项目" in log
    home = text_of((district_site / "index.html").read_text(encoding="utf-8"))
    assert "全区8个重点项目完成投资8.83亿元" in home
    assert "新开工 3 26亿元 6.5亿元 3.9亿元 60.0%" in home and "开工率 66.7% 应开工 3 个，已开工 2 个" in home
    package = text_of((district_site / "projects" / PACKAGE / "index.html").read_text(encoding="utf-8"))
    assert "2-1 滨河路改造工程 2.5亿元 1亿元 0.8亿元" in package and "2024年1-10月完成投资 1.2亿元" in package
    csv = (district_site / "downloads" / "projects.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(csv) == 9 and "建设性质" in csv[0] and ",新开工," in csv[5]


def test_quarterly_columns_become_progress_rows_and_are_checked_against_their_total(site):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["单位：万元"])
    ws.append(["项目代码", "项目名称", "前三季度完成投资", "2024年分季度完成投资", None, None, None])
    ws.append([None, None, None, "一季度", "二季度", "三季度", "四季度"])
    ws.append(["P1", "甲", 900, 200, 300, 400, None])
    ws.append(["P2", "乙", 700, 100, 200, 300, None])
    for cells in ("A2:A3", "B2:B3", "C2:C3", "D2:G2"):
        ws.merge_cells(cells)
    (site / "data").mkdir()
    book.save(site / "data" / "projects.xlsx")
    loaded = load(site)
    assert lines(loaded) == ["data/projects.xlsx:5: 前三季度完成投资: 为 700，但“2024年分季度完成投资”的 一季度 至 三季度 相加为 600"]
    p = loaded.report.projects["P1"]
    assert [(e.period.key, e.completed_investment.value) for e in p.progress] == [
        ("2024Q1", 200 * WAN), ("2024Q2", 300 * WAN), ("2024Q3", 400 * WAN)]
    assert loaded.report.completed_span.label("zh") == "2024年1-9月" and loaded.report.as_of == dt.date(2024, 9, 30)


def test_a_sub_row_number_that_excel_made_a_date_is_still_a_sub_row(site):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["序号", "项目代码", "项目名称", "总投资"])
    ws.append([8, "P8", "打包项目", 10])
    ws.append([dt.datetime(2024, 8, 1), None, "子项目一", 6])  # 8-1 typed into a General cell
    ws.append([dt.datetime(2024, 8, 2), None, "子项目二", 4])
    (site / "data").mkdir()
    book.save(site / "data" / "projects.xlsx")
    loaded = load(site)
    assert lines(loaded) == []
    assert [(c.serial, c.name) for c in loaded.report.projects["P8"].components] == [("8-1", "子项目一"), ("8-2", "子项目二")]


def test_a_data_folder_of_two_files_under_other_names_reads_both_and_says_so(district):
    loaded = load(district)
    assert set(lines(loaded)) == {
        f"data/{office.WORKBOOK}: 没有 projects.csv；此文件作为 projects 表读取（可在配置 files.projects.path 中写明）",
        f"data/{office.EXPORT}: 没有 progress.csv；此文件作为 progress 表读取（可在配置 files.progress.path 中写明）"}
    assert loaded.report.projects[P1].progress[-1].ytd_completed_investment.value == 30000 * WAN


def test_a_code_the_projects_table_lacks_is_matched_by_name_with_a_warning(district):
    path = district / "data" / office.EXPORT
    path.write_bytes(path.read_bytes().decode("gbk").replace(HOSPITAL, "2021-330112-84-01-100072").encode("gbk"))
    assert lines(load(district, FILES)) == [
        f"data/{office.EXPORT}:{row}: 项目代码: 项目代码“2021-330112-84-01-100072”不在 projects 表中，按项目名称对应到"
        f"“示例区人民医院迁建”（代码 {HOSPITAL}）；请核对代码" for row in (8, 9, 10)]


def test_a_sub_row_numbered_for_another_project_is_a_warning(district):
    _edit(district, lambda ws: ws.cell(14, 1, "3-2"))
    assert lines(load(district, FILES)) == [
        f"data/{office.WORKBOOK}:14: 序号: 子项目序号“3-2”与其上的项目序号“2”不对应；它仍作为该项目的子项目读取"]


def test_a_withheld_total_whose_months_are_given_is_a_warning(district):
    _edit(district, lambda ws: ws.cell(7, 13, "保密"))
    assert lines(load(district, FILES))[-1] == (
        f"data/{office.WORKBOOK}:7: 1-10月完成投资/完成额: 保密 被标为未公开，但其各月数值都已填写，相加即可得出（30000）；若要保密，各月也应未公开")


def test_every_row_of_the_district_workbook_is_accounted_for(district):
    from generator.reading.sources import read_sheet

    loaded = load(district, FILES)
    workbook = next(s for s in loaded.report.sources if s.name == office.WORKBOOK)
    assert dict(workbook.account) == {"title": 2, "header": 2, "data": 8, "component": 3, "total": 1, "subtotal": 0,
                                      "section": 3, "note": 1, "hidden": 0}
    path = district / "data" / office.WORKBOOK
    assert sum(dict(workbook.account).values()) == len(read_sheet(path, office.WORKBOOK, "projects").rows)
    export = next(s for s in loaded.report.sources if s.name == office.EXPORT)
    assert dict(export.account)["data"] == len(office.export_rows()) and dict(export.account)["header"] == 1

