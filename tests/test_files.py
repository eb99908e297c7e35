"""Files as offices save them: encodings, separators, .xlsx sheets and merged cells, damaged files."""

import datetime as dt

import openpyxl
import pytest

from .conftest import lines, load, write_table

ROWS = [["项目编号", "项目名称", "建设内容"], ["A-1", "金属智造产业园项目", "建设标准厂房，含“双碳”示范（一期）"],
        ["B-2", "高端新材料基地", "年产１万吨"]]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_encodings_and_separators(site, encoding, delimiter):
    write_table(site / "data", "projects", ROWS, encoding, delimiter)
    loaded = load(site)
    assert lines(loaded) == []
    assert [(p.id, p.name, p.description) for p in loaded.report.projects.values()] == [tuple(r) for r in ROWS[1:]]
    assert loaded.report.sources[0].encoding in {"utf-8": ("utf-8",), "utf-8-sig": ("utf-8-sig",), "gbk": ("gb18030",),
                                                 "gb18030": ("gb18030",), "utf-16": ("utf-16",)}[encoding]


def test_short_gbk_file_is_not_taken_for_big5(site):
    write_table(site / "data", "projects", [["id", "name"], ["1", "新材料"]], "gbk")
    assert load(site).report.projects["1"].name == "新材料"


def test_encoding_setting_forces_the_codec(site):
    write_table(site / "data", "projects", [["id", "name"], ["1", "新材料"]], "big5")
    assert load(site, {"encoding": "big5"}).report.projects["1"].name == "新材料"
    write_table(site / "data", "projects", [["id", "name"], ["1", "新材料"]], "gbk")
    assert lines(load(site, {"encoding": "utf-8"})) == ["data/projects.csv: 按 utf-8 编码读取失败：byte 11"]


def test_multiline_cells_keep_spreadsheet_row_numbers(site):
    rows = [["项目编号", "项目名称", "进展情况"], ["A", "甲", "第一行\n第二行"], ["B", "乙", "x"], ["C", "丙", "施工"]]
    write_table(site / "data", "projects", rows[:3] + [["B", "丙", ""]])
    assert lines(load(site)) == ["data/projects.csv:4: 项目编号: 编号“B”重复（第 3 行已使用）"]


def test_xlsx_sheet_named_like_the_table_is_preferred(site):
    book = openpyxl.Workbook()
    book.active.title = "说明"
    book.active.append(["本表为填报说明"])
    sheet = book.create_sheet("projects")
    for row in ROWS:
        sheet.append(row)
    (site / "data").mkdir()
    book.save(site / "data" / "projects.xlsx")
    loaded = load(site)
    assert lines(loaded) == ["data/projects.xlsx[说明]: 此工作表没有被读取：其表头中没有“项目名称”，不是 projects 表"
                             "（若是，请在配置 files.projects.columns 中写明表头）"]
    assert loaded.report.sources[0].label == "data/projects.xlsx[projects]" and loaded.ok


def test_xlsx_sheet_setting(site):
    book = openpyxl.Workbook()
    book.active.title = "2022年"
    for row in ROWS:
        book.active.append(row)
    (site / "data").mkdir()
    book.save(site / "data" / "projects.xlsx")
    assert len(load(site, {"files": {"projects": {"sheet": "2022年"}}}).report.projects) == 2
    assert lines(load(site, {"files": {"projects": {"sheet": "2021年"}}})) == [
        "data/projects.xlsx: 工作簿中没有名为“2021年”的工作表；现有：2022年"]


def test_xlsx_cells_merged_down_a_column_fill_every_row(site):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["2022年重点项目表"])
    ws.merge_cells("A1:D1")
    ws.append(["项目编号", "项目名称", "所属产业集群", "计划总投资（亿元）"])
    ws.append(["A", "甲", "新材料", 1.5])
    ws.append(["B", "乙", None, 2])
    ws.append(["C", "丙", "装备", 0.1 + 0.2])
    ws.merge_cells("C3:C4")
    (site / "data").mkdir()
    book.save(site / "data" / "projects.xlsx")
    report = load(site).report
    assert [p.cluster_id for p in report.projects.values()] == ["新材料", "新材料", "装备"]
    assert report.projects["C"].total_investment.value == 30_000_000  # 0.1 + 0.2 read as 0.3, not 0.30000000000000004
    assert report.projects["A"].source.row == 3


def test_xlsx_numbers_as_ids_and_years(site):
    write_table(site / "data", "projects", [["序号", "项目名称", "年度", "开工时间"], [1, "甲", 2022, 2021]], "xlsx")
    p = load(site).report.projects["1"]
    assert (p.years, str(p.start_date.date)) == ((2022,), "2021")


@pytest.mark.parametrize("content,shown", [
    (b"", "文件不是工作簿"), (b"PK\x03\x04 not really a zip", "无法读取文件："), (bytes(range(256)), "文件不是工作簿"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "无法读取文件："),  # a compound file (.xls) with no workbook in it
    (b'<html xmlns:x="urn:schemas-microsoft-com:office:excel"><table><tr><td>1</td></tr></table></html>', "文件其实是网页（HTML）或 XML 表格"),
    (b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>', "文件其实是网页（HTML）或 XML 表格"),
    (b"\xef\xbb\xbf<html><table></table></html>", "文件其实是网页（HTML）或 XML 表格"),
    (b'<meta charset="gbk"><table><tr><td>1</td></tr></table>', "文件其实是网页（HTML）或 XML 表格"),
    (b"<!-- exported -->\n<table></table>", "文件其实是网页（HTML）或 XML 表格"),
    ("\ufeff<html><table></table></html>".encode("utf-16-le"), "文件其实是网页（HTML）或 XML 表格"),
])
def test_damaged_workbook_is_a_problem_not_a_crash(site, content, shown):
    (site / "data").mkdir()
    (site / "data" / "projects.xlsx").write_bytes(content)
    (problem,) = lines(load(site))
    assert problem.startswith(f"data/projects.xlsx: {shown}")


def test_missing_and_ambiguous_files(site):
    (site / "data").mkdir()
    assert lines(load(site)) == ["data/projects.csv: 缺少必需的数据文件 projects.csv（可为 .csv、.xlsx、.xls、.xlsb、.ods 或 .json）"]
    write_table(site / "data", "projects", ROWS)
    write_table(site / "data", "projects", ROWS, "xlsx")
    assert lines(load(site)) == ["data: 同一张表有多个文件：projects.csv、projects.xlsx；请只保留一个"]


def test_file_path_setting_and_old_excel(site):
    write_table(site / "data", "2022年项目", ROWS)
    assert len(load(site, {"files": {"projects": {"path": "2022年项目.csv"}}}).report.projects) == 2
    (site / "data" / "2022年项目.csv").rename(site / "data" / "2022年项目.txt.bak")
    (write_table(site / "data", "projects", ROWS, "xls")).rename(site / "data" / "old.xls")
    assert len(load(site, {"files": {"projects": {"path": "old.xls"}}}).report.projects) == 2
    (site / "data" / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")  # the start of one, cut short
    assert lines(load(site, {"files": {"projects": {"path": "old.xls"}}})) == [
        "data/old.xls: 无法读取文件：XLRDError: Unsupported format, or corrupt file: Expected BOF record; found b'\\xd0\\xcf\\x11\\xe0'",
        "data: 数据文件夹中的这些文件不是表格，没有读取：2022年项目.txt.bak"]


def test_checksums_of_sources(site):
    import hashlib

    path = write_table(site / "data", "projects", ROWS, "gbk")
    (source,) = load(site).report.sources
    assert source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (source.table, source.rows) == ("projects", 2)


def test_date_cells_in_xlsx_progress_are_report_dates(site):
    write_table(site / "data", "projects", ROWS)
    write_table(site / "data", "progress", [["项目编号", "报告期"], ["A-1", dt.datetime(2022, 3, 31)]], "xlsx")
    (entry,) = load(site).report.projects["A-1"].progress
    assert (entry.period.kind, entry.period.key) == ("date", "2022-03-31")
