"""Spreadsheet leftovers: blank rows and columns, total rows, subtotals and notes."""

from decimal import Decimal

from .conftest import lines, load, suffix, write_table

HEADER = ["序号", "项目编号", "项目名称", "计划总投资（亿元）", "年度计划投资（亿元）"]


def test_blank_rows_and_columns_are_skipped(site, fmt):
    rows = [["", "", "", "", "", ""], ["项目编号", "", "项目名称", "计划总投资", "", ""], ["", "", "", "", "", ""],
            ["A", "", "甲", "1", "", ""], ["", "", "", "", "", ""], ["B", "", "乙", "2", "", ""], ["", "", "", "", "", ""]]
    write_table(site / "data", "projects", rows, fmt)
    loaded = load(site)
    assert lines(loaded) == []
    assert [(p.id, p.source.row) for p in loaded.report.projects.values()] == [("A", 4), ("B", 6)]


def test_total_row_that_agrees_is_left_out(site, fmt):
    rows = [HEADER, ["1", "A", "甲", "1.25", "0.5"], ["2", "B", "乙", "2.5", "1"], ["合计", "", "", "3.75", "1.5"]]
    write_table(site / "data", "projects", rows, fmt)
    loaded = load(site)
    assert lines(loaded) == [] and list(loaded.report.projects) == ["A", "B"]


def test_total_row_that_disagrees_is_a_warning(site):
    rows = [HEADER, ["1", "A", "甲", "1.25", "0.5"], ["2", "B", "乙", "2.5", "1"], ["总计", "", "", "3.9", "1.5"]]
    write_table(site / "data", "projects", rows)
    loaded = load(site)
    assert lines(loaded) == ["data/projects.csv:4: 计划总投资（亿元）: 合计行为 3.9，但各行相加为 3.75"]
    assert loaded.ok  # a warning: the site is still right
    assert lines(load(site, language="en"), "en") == [
        "data/projects.csv:4: 计划总投资（亿元）: the total row says 3.9 but the rows add up to 3.75"]


def test_total_row_is_compared_to_its_written_precision(site):
    rows = [HEADER, ["1", "A", "甲", "1.234", ""], ["2", "B", "乙", "2.004", ""], ["合计", "", "", "3.24", ""]]
    write_table(site / "data", "projects", rows)
    assert lines(load(site)) == []


def test_total_row_found_in_any_first_cell_and_subtotals_and_notes(site):
    rows = [HEADER, ["1", "A", "甲", "1", ""], ["", "小计", "", "1", ""], ["2", "B", "乙", "2", ""],
            ["", "", "合计（2个）", "3", ""], ["注：数据截至2022年9月底", "", "", "", ""]]
    write_table(site / "data", "projects", rows)
    loaded = load(site)
    assert lines(loaded) == [] and list(loaded.report.projects) == ["A", "B"]


def test_partial_sums_are_not_compared(site):
    rows = [HEADER, ["1", "A", "甲", "xx", ""], ["2", "B", "乙", "2", ""], ["合计", "", "", "9", ""]]
    write_table(site / "data", "projects", rows)
    assert lines(load(site, {"ignore": ["withheld-value"]})) == []


def test_withheld_left_out_of_sums_never_zero(site):
    from generator.figures.metrics import summarize

    rows = [HEADER, ["1", "A", "甲", "xx", ""], ["2", "B", "乙", "2", ""], ["3", "C", "丙", "待定", ""], ["4", "D", "丁", "", ""]]
    write_table(site / "data", "projects", rows)
    report = load(site).report
    s = summarize(list(report.projects.values()), None).total_investment
    assert (s.value, s.counted, s.withheld, s.tbd, s.not_reported, s.partial) == (2 * Decimal(10) ** 8, 1, 1, 1, 1, True)


def test_subtotals_are_checked_against_their_group_and_headings_skipped(site, fmt):
    rows = [HEADER, ["合计", "", "", "7", ""],
            ["一、新开工项目（2个）", "", "", "", ""], ["1", "A", "甲", "1", ""], ["2", "B", "乙", "2", ""], ["小计", "", "", "3", ""],
            ["（二）续建项目", "", "", "", ""], ["小计", "", "", "5", ""], ["3", "C", "丙", "4", ""]]
    write_table(site / "data", "projects", rows, fmt)
    loaded = load(site)
    assert list(loaded.report.projects) == ["A", "B", "C"]
    name = f"projects.{suffix(fmt)}"
    assert lines(loaded) == [f"data/{name}:8: 计划总投资（亿元）: 合计行为 5，但各行相加为 4"]
