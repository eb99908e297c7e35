"""Layouts real offices use: unit lines, two-row headers, merged cells, formulas, odd separators."""

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest

from generator.contract.dates import PartialDate

from .conftest import lines, load, write_table

YI = Decimal(10) ** 8


def _book(site, build, name="projects.xlsx"):
    book = openpyxl.Workbook()
    build(book.active)
    (site / "data").mkdir(exist_ok=True)
    book.save(site / "data" / name)


def test_unknown_header_unit_with_a_total_row_is_a_problem_not_a_crash(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称", "计划总投资（万圆）"], ["P1", "甲", "100"], ["合计", "", "100"]])
    assert lines(load(site))[0].startswith("data/projects.csv:1: 计划总投资（万圆）: 表头中的单位“万圆”无法识别")


def test_mapped_header_keeps_its_unit(site):
    write_table(site / "data", "projects", [["编号", "名称", "计划总投资（万元）"], ["P1", "甲", "10000"]])
    loaded = load(site, {"files": {"projects": {"columns": {"total_investment": "计划总投资（万元）"}}}})
    assert lines(loaded) == [] and loaded.report.projects["P1"].total_investment.value == YI


def test_mapped_header_with_a_parenthetical_that_is_no_unit(site):
    write_table(site / "data", "projects", [["id", "name", "Cost (est.)"], ["P1", "x", "3"]])
    loaded = load(site, {"files": {"projects": {"columns": {"total_investment": "Cost (est.)"}}}, "input_unit": "万元"})
    assert lines(loaded) == [] and loaded.report.projects["P1"].total_investment.value == 30000


def test_unit_line_above_the_header(site, fmt):
    rows = [["2022年重点项目表", "", ""], ["单位：万元", "", ""], ["项目编号", "项目名称", "计划总投资"], ["P1", "甲", "50000"]]
    write_table(site / "data", "projects", rows, fmt)
    assert load(site).report.projects["P1"].total_investment.value == 5 * YI


def test_two_row_header_under_a_merged_group(site):
    def build(ws):
        ws.append(["项目编号", "项目名称", "2022年投资（万元）", None, "建设状态"])
        ws.append([None, None, "年度计划投资", "年度完成投资", None])
        ws.append(["P1", "甲", 20000, 15000, "在建"])
        for cells in ("A1:A2", "B1:B2", "C1:D1", "E1:E2"):
            ws.merge_cells(cells)
    _book(site, build)
    loaded = load(site)
    assert lines(loaded) == []
    p = loaded.report.projects["P1"]
    assert (p.annual_planned_investment.value, p.annual_completed_investment.value, p.status.value) == (
        2 * YI, Decimal("1.5") * YI, "under_construction")


def test_amount_merged_over_rows_counts_once(site):
    def build(ws):
        ws.append(["项目编号", "项目名称", "所属产业集群", "计划总投资（亿元）"])
        ws.append(["P1", "一期", "新材料", 10])
        ws.append(["P2", "二期", None, None])
        ws.merge_cells("C2:C3")
        ws.merge_cells("D2:D3")
    _book(site, build)
    loaded = load(site)
    p1, p2 = loaded.report.projects["P1"], loaded.report.projects["P2"]
    assert (p1.total_investment.value, p2.total_investment.value) == (10 * YI, None)
    assert (p1.cluster_id, p2.cluster_id) == ("新材料", "新材料")
    assert lines(loaded) == ["data/projects.xlsx:2: 计划总投资（亿元）: 金额单元格合并了第 2—3 行：只计入第 2 行一次，其余行视为未填报"]


def test_date_cells_keep_the_precision_their_format_shows(site):
    def build(ws):
        ws.append(["项目编号", "项目名称", "投产时间", "开工时间", "签约时间"])
        ws.append(["P1", "甲", dt.datetime(2023, 6, 1), dt.datetime(2022, 3, 5), dt.datetime(2021, 1, 1)])
        ws["C2"].number_format = 'yyyy"年"m"月"'
        ws["D2"].number_format = "yyyy-mm-dd"
        ws["E2"].number_format = 'yyyy"年"'
    _book(site, build)
    p = load(site).report.projects["P1"]
    assert (p.operation_date.date, p.start_date.date, p.signed_date.date) == (
        PartialDate(2023, 6), PartialDate(2022, 3, 5), PartialDate(2021))


def test_month_cells_are_month_periods(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称"], ["P1", "甲"]])

    def build(ws):
        ws.append(["项目编号", "月份", "完成投资"])
        ws.append(["P1", dt.datetime(2022, 3, 1), 1])
        ws["B2"].number_format = "yyyy-mm"
    _book(site, build, "progress.xlsx")
    report = load(site).report
    assert report.periods[0].key == "2022-03" and report.as_of == dt.date(2022, 3, 31)


def test_percent_and_fixed_decimal_cells_read_as_shown(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称"], ["P1", "甲"]])

    def build(ws):
        ws.append(["年度", "指标名称", "数值"])
        ws.append([2022, "完成率", 0.956])
        ws.append([2022.10, "考核", "优秀"])
        ws["C2"].number_format = "0.0%"
        ws["A3"].number_format = "0.00"
    _book(site, build, "indicators.xlsx")
    loaded = load(site)
    rate = loaded.report.indicators[0]
    assert (rate.value.number, rate.shown_unit) == (Decimal("95.6"), "%")
    assert lines(loaded) == ["data/indicators.xlsx:3: 年度: “2022.10”不是年度：应如 2022 或 2021;2022"]


def test_formula_without_saved_result_is_an_error(site):
    def build(ws):
        ws.append(["项目编号", "项目名称", "计划总投资（亿元）"])
        ws.append(["P1", "甲", "=2*3"])
    _book(site, build)
    assert lines(load(site)) == [
        "data/projects.xlsx:2: 计划总投资（亿元）: 公式 =2*3 没有保存计算结果（文件可能由程序生成）；请在 Excel 或 WPS 中打开并保存后再试"]


def test_total_row_with_a_unit_in_the_cell(site):
    rows = [["项目编号", "项目名称", "计划总投资（亿元）"], ["1", "甲", "1"], ["2", "乙", "2"], ["合计", "", "25000万"]]
    write_table(site / "data", "projects", rows)
    assert lines(load(site)) == ["data/projects.csv:4: 计划总投资（亿元）: 合计行为 25000万，但各行相加为 30000"]


def test_cumulative_from_progress_is_located_in_progress(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称", "计划总投资（亿元）"], ["P1", "甲", "1"]])
    write_table(site / "data", "progress", [["项目编号", "季度", "累计完成投资（亿元）"], ["P1", "2022Q1", "1.5"]])
    assert lines(load(site)) == ["data/progress.csv:2: 累计完成投资（亿元）: 累计完成投资占计划总投资的比例为 150.0%，超过 100%"]


def test_tab_separated_with_commas_in_cells(site):
    rows = [["项目编号", "项目名称", "计划总投资（元）", "建设内容"], ["P1", "甲", "1,234,567.00", "Roads, bridges, pipes"],
            ["P2", "乙", "2,000", "Water, power"]]
    write_table(site / "data", "projects", rows, "gbk", "\t")
    loaded = load(site)
    assert lines(loaded) == [] and loaded.report.projects["P1"].total_investment.value == Decimal("1234567.00")


def test_files_that_are_there_but_cannot_be_read_are_named(site):
    (site / "data").mkdir()
    (site / "data" / "projects.et").write_bytes(b"\xd0\xcf\x11\xe0")
    assert lines(load(site)) == ["data/projects.et: 不支持的文件格式 .et；请另存为 .xlsx 或 CSV"]
    (site / "data" / "projects.et").unlink()
    write_table(site / "data", "projects", [["项目编号", "项目名称"], ["P1", "甲"]], delimiter="\t").rename(site / "data" / "projects.tsv")
    assert lines(load(site)) == []


@pytest.mark.parametrize("fmt", ["xlsx", "xls", "ods"])
def test_workbook_saved_as_csv_is_read_as_a_workbook(site, fmt):
    write_table(site / "data", "projects", [["项目编号", "项目名称"], ["P1", "甲"]], fmt).rename(site / "data" / "projects.csv")
    assert list(load(site).report.projects) == ["P1"]


def test_cover_sheet_first_reads_the_sheet_whose_header_names_projects_and_says_so(site):
    def build(ws):
        ws.title = "说明"
        ws.append(["填报说明"])
        other = ws.parent.create_sheet("2022年")
        other.append(["项目编号", "项目名称"])
        other.append(["P1", "甲"])
    _book(site, build)
    loaded = load(site)
    assert lines(loaded) == ["data/projects.xlsx[2022年]: 没有名为 projects 的工作表；读取表头含“项目名称”的这一张"
                             "（可在配置 files.projects.sheet 中写明）",
                             "data/projects.xlsx[说明]: 此工作表没有被读取：其表头中没有“项目名称”，不是 projects 表"
                             "（若是，请在配置 files.projects.columns 中写明表头）"]
    assert list(loaded.report.projects) == ["P1"] and loaded.ok


def test_no_sheet_with_a_header_names_the_sheets(site):
    def build(ws):
        ws.title = "说明"
        ws.append(["填报说明"])
        ws.parent.create_sheet("2022年").append(["编号", "名字"])
    _book(site, build)
    assert lines(load(site)) == ["data/projects.xlsx[说明]: 找不到表头行：没有任何一行含有“项目名称”列（可用表头：项目名称、名称、项目名、name）；"
                                 "工作簿中有工作表：说明、2022年，可在配置 files.projects.sheet 中指定"]


def test_withheld_date_message_says_nothing_of_sums(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称", "开工时间"], ["P1", "甲", "2021年X月"]])
    assert lines(load(site)) == ["data/projects.csv:2: 开工时间: “2021年X月”为未公开数值：页面显示为“未公开”"]


def test_totals_headings_and_date_words(site):
    rows = [["序号", "项目编号", "项目名称", "计划总投资（亿元）", "投产时间"], ["全区合计", "", "", "3", ""],
            ["二、续建项目", "", "", "3", ""], ["1", "A", "甲", "1", "2022年6月底"], ["2", "B", "乙", "2", "2023年底"]]
    write_table(site / "data", "projects", rows)
    loaded = load(site)
    assert lines(loaded) == [] and list(loaded.report.projects) == ["A", "B"]
    assert str(loaded.report.projects["A"].operation_date.date) == "2022-06"
    assert str(loaded.report.projects["B"].operation_date.date) == "2023"


def test_a_header_close_to_a_known_one_is_pointed_out(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称", "所属产业集团", "计划总投资额（万元）"], ["P1", "甲", "新材料", "100"]])
    loaded = load(site)
    assert loaded.report.projects["P1"].total_investment.value == 1_000_000
    assert lines(loaded) == ["data/projects.csv:1: 所属产业集团: 表头“所属产业集团”未被识别，此列不发布；"
                             "如果它是“所属产业集群”，请改表头或在配置 files.projects.columns 中指定"]


def test_negative_amounts_are_worth_a_look(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称", "计划总投资（万元）"], ["P1", "甲", "-500"]])
    assert lines(load(site)) == ["data/projects.csv:2: 计划总投资（万元）: “-500”是负数：投资和产值一般不为负，请核对"]


def test_a_total_below_the_known_rows_is_wrong_even_with_figures_withheld(site):
    rows = [["项目编号", "项目名称", "计划总投资（亿元）"], ["A", "甲", "5"], ["B", "乙", "xx"], ["合计", "", "4"]]
    write_table(site / "data", "projects", rows)
    assert lines(load(site, {"ignore": ["withheld-value"]})) == ["data/projects.csv:4: 计划总投资（亿元）: 合计行为 4，但各行相加为 5"]
