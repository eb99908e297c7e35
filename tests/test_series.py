"""A workbook a month: an office's 1-8月 and 1-9月 tables saved by WPS as .xls and its 1-10月 table as .xlsx, in one
data folder with no setting, read as one series of periods."""

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from . import books
from .conftest import lines, load
from .sites import new_site, run

WAN = Decimal(10) ** 4
#: month -> (name, 2025年计划投资, 1-N月完成投资) in 万元: 丙 leaves after September, 丁 joins in October, 乙's name
#: is written with half-width brackets in August, and the 污水厂's was retyped with one character changed in October
MONTHS = {
    8: [("甲项目", 1000, 500), ("乙项目(二期)", 800, 600), ("丙项目", 100, 10), ("城西污水处理厂提标改建工程", 50, 5)],
    9: [("甲项目", 1000, 600), ("乙项目（二期）", 800, 650), ("丙项目", 100, 20), ("城西污水处理厂提标改建工程", 50, 10)],
    10: [("甲项目", 1000, 800), ("乙项目（二期）", 800, 700), ("丁项目", 300, 100), ("城西污水处理厂提标改造工程", 50, 20)],
}


def month_book(folder: Path, month: int, fmt: str) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = f"1-{month}月"
    ws.append([f"2025年重点项目进度表（1-{month}月）"])
    ws.append(["序号", "项目名称", "2025年计划投资（万元）", f"1-{month}月完成投资（万元）", "责任单位"])
    for i, (name, plan, done) in enumerate(MONTHS[month], 1):
        ws.append([i, name, plan, done, "区发改局"])
    path = folder / f"2025年1-{month}月重点项目.{fmt}"
    if fmt == "xlsx":
        book.save(path)
        return path
    return books.save_xls(book, path)


def series(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for month, fmt in ((8, "xls"), (9, "xls"), (10, "xlsx")):
        month_book(folder, month, fmt)


def test_monthly_files_are_one_series_whose_latest_is_the_project_list(site):
    series(site / "data")
    loaded = load(site)
    changed = "项目名称“城西污水处理厂提标改建工程”与最新一期（2025-10）的“城西污水处理厂提标改造工程”只差一个字，按同一项目对应；若不是同一项目，请更正名称"
    assert lines(loaded) == [
        f"data/2025年1-8月重点项目.xls:6: 项目名称: {changed}",
        "data/2025年1-9月重点项目.xls:5: 项目名称: 项目“丙项目”在最新一期（2025-10）的表中没有（已调出？）；它以前各期的数字不发布",
        f"data/2025年1-9月重点项目.xls:6: 项目名称: {changed}",
        "data: 按报告期读取 3 个文件：2025-08、2025-09、2025-10；最新一期（2025-10）为项目名单",
        "data/2025年1-10月重点项目.xlsx: 没有 projects.csv；此文件作为 projects 表读取（可在配置 files.projects.path 中写明）",
        "data/2025年1-10月重点项目.xlsx:5: 项目名称: 项目“丁项目”在以前各期的表中都没有，自本期（2025-10）列入；若只是编号和名称改"
        "了，请在“原项目编号”列或 files.projects.id_changes 中写明原编号"]
    projects = loaded.report.projects
    assert [p.name for p in projects.values()] == ["甲项目", "乙项目（二期）", "丁项目", "城西污水处理厂提标改造工程"]
    assert [e.period.key for e in projects["城西污水处理厂提标改造工程"].progress] == ["2025-08", "2025-09", "2025-10"]
    first = projects["甲项目"]
    assert [(e.period.key, e.ytd_completed_investment.value, e.completed_investment.value, e.source.row)
            for e in first.progress] == [("2025-08", 500 * WAN, None, 3), ("2025-09", 600 * WAN, 100 * WAN, 3),
                                         ("2025-10", 800 * WAN, 200 * WAN, 3)]
    assert [e.source.file for e in first.progress] == [
        "data/2025年1-8月重点项目.xls", "data/2025年1-9月重点项目.xls", "data/2025年1-10月重点项目.xlsx"]
    second = projects["乙项目-二期"]  # matched across files with its brackets' widths aside
    assert [e.period.key for e in second.progress] == ["2025-08", "2025-09", "2025-10"]
    assert [e.period.key for e in projects["丁项目"].progress] == ["2025-10"]
    assert [s.name for s in loaded.report.sources] == [
        "2025年1-10月重点项目.xlsx", "2025年1-8月重点项目.xls", "2025年1-9月重点项目.xls"]


def test_a_period_given_by_two_files_is_an_error_naming_both(site):
    series(site / "data")
    month_book(site / "data", 9, "xlsx")  # 1-9月 again, beside the .xls
    problems = [p for p in lines(load(site)) if "同一报告期" in p]
    assert problems == ["data/2025年1-9月重点项目.xlsx: 与 data/2025年1-9月重点项目.xls 是同一报告期（2025-09）的表；请只保留一个"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("series")
    series(new_site(root / "site") / "data")
    result = run("build", "-d", root / "out", cwd=root / "site")
    return root / "out", result


def test_the_site_built_from_the_series_alone_has_its_periods_and_this_periods_changes(built):
    out, result = built
    assert "本期（2025年10月，对比2025年9月）：新增 1 个项目；调出 1 个项目；" in result.stderr + result.stdout
    changes = (out / "changes" / "index.html").read_text(encoding="utf-8")
    assert "2025年10月" in changes and "丁项目" in changes
    assert "本期调出项目" in changes and "丙项目" in changes  # listed in September, not in October
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert "本期调出项目" in feed and "丙项目" in feed
    page = (out / "projects" / "甲项目" / "index.html").read_text(encoding="utf-8")
    assert "2025年8月" in page and "2025年9月" in page


def test_the_bulletin_names_the_projects_taken_off_the_list(built, tmp_path):
    import docx

    site = built[0].parent / "site"
    run("bulletin", "--format", "docx", "-o", tmp_path, cwd=site)
    (path,) = tmp_path.glob("*.docx")
    text = "\n".join(p.text for p in docx.Document(path).paragraphs)
    assert "本期调出项目" in text and "丙项目" in text and "本期新增项目" in text and "丁项目" in text


def test_a_half_year_and_a_quarter_in_file_names_are_their_last_months(site):
    """Files whose only period is their name: 上半年 runs to June, 三季度 to September."""
    for when, done in (("上半年", 300), ("三季度", 500)):
        book = openpyxl.Workbook()
        book.active.append(["项目代码", "项目名称", "年度计划投资（万元）", "本年完成投资（万元）"])
        book.active.append(["2025-001", "甲项目", 1000, done])
        (site / "data").mkdir(exist_ok=True)
        book.save(site / "data" / f"2025年{when}重点项目.xlsx")
    loaded = load(site)
    first = next(iter(loaded.report.projects.values()))
    assert [(e.period.key, e.ytd_completed_investment.value) for e in first.progress] == [
        ("2025-06", 300 * WAN), ("2025-09", 500 * WAN)]


def test_one_character_that_tells_projects_apart_is_no_typo():
    from generator.loading.series import _one_edit

    assert _one_edit("城西污水处理厂提标改建工程", "城西污水处理厂提标改造工程")
    assert not _one_edit("滨河路道路改造一期", "滨河路道路改造二期")
    assert not _one_edit("产业园3号厂房", "产业园4号厂房") and not _one_edit("东区学校", "西区学校")


def test_a_year_only_the_file_names_give_dates_the_headers_months(site):
    """Headers say 1-9月 and 1-10月, titles no year; the files' names say 2025年."""
    for month, done in ((9, 600), (10, 800)):
        book = openpyxl.Workbook()
        book.active.append(["项目代码", "项目名称", "年度计划投资（万元）", f"1-{month}月完成投资（万元）"])
        book.active.append(["2025-001", "甲项目", 1000, done])
        (site / "data").mkdir(exist_ok=True)
        book.save(site / "data" / f"2025年重点项目{month}月报.xlsx")
    first = next(iter(load(site).report.projects.values()))
    assert [e.period.key for e in first.progress] == ["2025-09", "2025-10"]


def test_a_workbook_a_month_with_a_sheet_per_stage_gives_every_sheets_projects_their_months(site):
    """The city's monthly workbooks as they are kept: 汇总, then 续建项目 and 新开工项目; the earlier month is an .xls."""
    (site / "data").mkdir()
    for month, fmt in ((9, "xls"), (10, "xlsx")):
        book = openpyxl.Workbook()
        book.active.title = "汇总"
        book.active.append(["县区", "项目数"])
        for stage, name in (("续建项目", "续建甲项目"), ("新开工项目", "新开工乙项目")):
            ws = book.create_sheet(stage)
            ws.append([f"2025年{stage}（1-{month}月）"])
            ws.append(["序号", "项目名称", "2025年计划投资（万元）", f"1-{month}月完成投资（万元）"])
            ws.append([1, name, 1000, month * 50])
        path = site / "data" / f"2025年1-{month}月重点项目.{fmt}"
        book.save(path) if fmt == "xlsx" else books.save_xls(book, path)
    loaded = load(site)
    assert loaded.problems.errors == []
    assert {p.name: [(e.period.key, e.ytd_completed_investment.value) for e in p.progress]
            for p in loaded.report.projects.values()} == {
        "续建甲项目": [("2025-09", 450 * WAN), ("2025-10", 500 * WAN)],
        "新开工乙项目": [("2025-09", 450 * WAN), ("2025-10", 500 * WAN)]}
    assert {p.name: p.stage.value for p in loaded.report.projects.values()} == {"续建甲项目": "continuing", "新开工乙项目": "new"}
    assert [line for line in lines(loaded) if "汇总表" in line] == [  # every file's 汇总 is named
        "data/2025年1-10月重点项目.xlsx[汇总]: 汇总表：不作为项目读取，其各行与项目核对",
        "data/2025年1-9月重点项目.xls[汇总]: 以前一期的汇总表：不作为项目读取，也不与项目核对（只核对最新一期的汇总表）"]
