"""Dates, periods, years and vocabularies, read from real files."""

import datetime as dt

import pytest

from generator.contract.dates import PartialDate
from generator.contract.marks import Missing
from generator.contract.vocab import CATEGORY_WORDS, LEVEL_WORDS, STATUS_WORDS, Category, Status

from .conftest import lines, load, write_table

DATES = [
    ("2022-01-26", PartialDate(2022, 1, 26)),
    ("2022/1/26", PartialDate(2022, 1, 26)),
    ("2022.1.26", PartialDate(2022, 1, 26)),
    ("2022年1月26日", PartialDate(2022, 1, 26)),
    ("2022年1月", PartialDate(2022, 1)),
    ("2022-01", PartialDate(2022, 1)),
    ("2022.1", PartialDate(2022, 1)),
    ("2022年", PartialDate(2022)),
    ("2022-01-26 00:00:00", PartialDate(2022, 1, 26)),
    ("2022-11-24T00:00:00Z", PartialDate(2022, 11, 24)),  # ISO 8601 timestamps, as portals export them
    ("2022-11-24T09:30:00.000+08:00", PartialDate(2022, 11, 24)),
    ("2022-11-24T09:30+0800", PartialDate(2022, 11, 24)),
]


def test_date_forms_keep_their_precision(site, fmt):
    rows = [["项目编号", "项目名称", "开工时间"]] + [[f"P{i}", f"项目{i}", text] for i, (text, _) in enumerate(DATES)]
    write_table(site / "data", "projects", rows, fmt)
    loaded = load(site)
    assert lines(loaded) == []
    for i, (text, expected) in enumerate(DATES):
        date = loaded.report.projects[f"P{i}"].start_date.date
        assert date == expected and date.precision == expected.precision, text


def test_real_date_cells_in_xlsx(site):
    rows = [["项目编号", "项目名称", "签约时间", "开工时间"], ["A", "甲", dt.datetime(2022, 1, 26), dt.date(2021, 11, 3)]]
    write_table(site / "data", "projects", rows, "xlsx")
    p = load(site).report.projects["A"]
    assert p.signed_date.date == PartialDate(2022, 1, 26) and p.start_date.date == PartialDate(2021, 11, 3)


def test_bad_dates_are_errors_with_row_and_header(site):
    rows = [["项目编号", "项目名称", "开工日期"], ["A", "甲", "2022-13-01"], ["B", "乙", "明年"], ["C", "丙", "44587"]]
    write_table(site / "data", "projects", rows)
    expected = "不是日期：应如 2022-01-26、2022/1/26、2022年1月26日、2022年1月 或 2022年"
    assert lines(load(site)) == [
        f"data/projects.csv:2: 开工日期: “2022-13-01”{expected}",
        f"data/projects.csv:3: 开工日期: “明年”{expected}",
        f"data/projects.csv:4: 开工日期: “44587”{expected}",
    ]


def test_withheld_and_tbd_dates(site):
    rows = [["项目编号", "项目名称", "开工时间", "投产时间"], ["A", "甲", "2021年X月", "待定"]]
    write_table(site / "data", "projects", rows)
    p = load(site, {"ignore": ["withheld-value"]}).report.projects["A"]
    assert p.start_date.missing is Missing.WITHHELD and p.operation_date.missing is Missing.TBD


def test_date_formats_setting(site):
    rows = [["项目编号", "项目名称", "开工时间"], ["A", "甲", "09/23/2013"]]
    write_table(site / "data", "projects", rows)
    assert load(site, {"date_formats": ["%m/%d/%Y"]}).report.projects["A"].start_date.date == PartialDate(2013, 9, 23)


PERIODS = [("2022-03", "2022-03", "month"), ("2022年3月", "2022-03", "month"), ("2022Q1", "2022Q1", "quarter"),
           ("2022年一季度", "2022Q1", "quarter"), ("2022年第四季度", "2022Q4", "quarter"), ("2022-Q2", "2022Q2", "quarter"),
           ("2022", "2022", "year"), ("2022年", "2022", "year"), ("2022年度", "2022", "year"),
           ("2022年上半年", "2022H1", "half"), ("2022-06-30", "2022-06-30", "date"),
           ("March 2022", "2022-03", "month"), ("Sept 2022", "2022-09", "month"), ("2022 December", "2022-12", "month")]


def test_period_forms(site, fmt):
    write_table(site / "data", "projects", [["项目编号", "项目名称"]] + [[f"P{i}", f"项目{i}"] for i in range(len(PERIODS))])
    rows = [["项目编号", "报告期", "完成投资"]] + [[f"P{i}", text, "0.1"] for i, (text, _, _) in enumerate(PERIODS)]
    write_table(site / "data", "progress", rows, fmt)
    loaded = load(site)
    assert lines(loaded) == []
    for i, (text, key, kind) in enumerate(PERIODS):
        (entry,) = loaded.report.projects[f"P{i}"].progress
        assert (entry.period.key, entry.period.kind) == (key, kind), text


def test_bad_and_duplicate_periods(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称"], ["A", "甲"]])
    write_table(site / "data", "progress", [["项目编号", "季度"], ["A", "2022Q5"], ["A", "2022Q1"], ["A", "2022年一季度"]])
    assert lines(load(site)) == [
        "data/progress.csv:2: 季度: “2022Q5”不是报告期：应如 2022-03（月）、2022Q1 或 2022年一季度（季度）、2022（年）",
        "data/progress.csv:4: 季度: 项目“A”在报告期 2022Q1 已有一行（第 3 行）",
    ]


@pytest.mark.parametrize("text,years", [("2022", (2022,)), ("2021;2022", (2021, 2022)), ("2021、2022", (2021, 2022)),
                                        ("2021；2022", (2021, 2022)), ("2021-2023", (2021, 2022, 2023)), ("2022年", (2022,))])
def test_years(site, text, years):
    write_table(site / "data", "projects", [["项目编号", "项目名称", "年度"], ["A", "甲", text]])
    assert load(site).report.projects["A"].years == years


def test_every_status_word(site, fmt):
    words = list(STATUS_WORDS)
    rows = [["项目编号", "项目名称", "建设状态"]] + [[f"P{i}", f"项目{i}", w] for i, w in enumerate(words)]
    write_table(site / "data", "projects", rows, fmt)
    loaded = load(site)
    assert lines(loaded) == []
    assert [loaded.report.projects[f"P{i}"].status for i in range(len(words))] == list(STATUS_WORDS.values())


def test_unknown_status_lists_the_accepted_words(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称", "状态"], ["A", "甲", "半停半建"]])
    accepted = ("储备/谋划/前期/预备等、洽谈/在谈/意向/拟签约等、签约/已签约/签约未开工、未开工/待开工/拟开工/尚未开工等、"
                "开工/已开工/在建/动工等、试投产/试运行/试生产/调试、投产/已投产/部分投产/运营等、建成/已建成/竣工/完工等、停建/暂停/缓建/停工等、"
                "终止/已终止/取消/已取消等")
    assert lines(load(site)) == [
        f"data/projects.csv:2: 状态: 未知的状态“半停半建”（可用：{accepted}；可在配置 statuses 中添加）"]
    assert lines(load(site, language="en"), "en") == [
        "data/projects.csv:2: 状态: unknown status “半停半建” (accepted: reserve, negotiating, signed, not_started, under_construction, "
        "trial_operation, operating, completed, suspended, terminated; add words under `statuses` in the configuration)"]
    assert load(site, {"statuses": {"半停半建": "under_construction"}}).report.projects["A"].status is Status.UNDER_CONSTRUCTION


def test_categories_and_levels(site):
    rows = [["项目编号", "项目名称", "项目类别", "级别"]]
    rows += [[f"C{i}", f"类{i}", w, ""] for i, w in enumerate(CATEGORY_WORDS)]
    rows += [[f"L{i}", f"级{i}", "", w] for i, w in enumerate(LEVEL_WORDS)]
    rows += [["D", "默认", "", ""]]
    write_table(site / "data", "projects", rows)
    report = load(site).report
    assert [report.projects[f"C{i}"].category for i in range(len(CATEGORY_WORDS))] == list(CATEGORY_WORDS.values())
    assert [report.projects[f"L{i}"].level for i in range(len(LEVEL_WORDS))] == list(LEVEL_WORDS)
    assert report.projects["D"].category is Category.KEY


def test_unknown_category_and_level(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称", "类别", "级别"], ["A", "甲", "民生", "乡重点"]])
    assert lines(load(site)) == [
        "data/projects.csv:2: 类别: 未知的项目类别“民生”（可用：重点项目/重点、招商项目/招商引资项目/招商/招引项目、储备项目/储备）",
        "data/projects.csv:2: 级别: 未知的项目级别“乡重点”（可用：国家重点、省重点、市重点、区重点、县重点、省市重点；可在配置 levels 中添加）",
    ]
    assert load(site, {"levels": {"乡重点": "乡重点"}, "categories": {"民生": "key"}}).ok


def test_numbers(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称", "纬度", "经度"], ["A", "甲", "30.5", "北纬"]])
    loaded = load(site)
    assert str(loaded.report.projects["A"].latitude) == "30.5"
    assert lines(loaded) == ["data/projects.csv:2: 经度: “北纬”不是数字"]


def test_a_date_that_excel_stored_as_a_number_losing_its_zero_is_caught(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称", "开工时间", "投产时间"],
                                            ["A", "甲", 2024.1, "2024.1"], ["B", "乙", 2024.2, "2024.10"]], "xlsx")
    loaded = load(site)
    assert lines(loaded) == ["data/projects.xlsx:2: 开工时间: 此日期单元格存的是数字 2024.1，读作 2024 年 1 月；"
                             "Excel 会把输入的“2024.10”存成 2024.1，若指 10 月，请写成 2024-10 或设为文本格式"]
    a, b = loaded.report.projects["A"], loaded.report.projects["B"]
    assert a.start_date.date.iso() == "2024-01" and b.operation_date.date.iso() == "2024-10"  # text keeps its zero
    assert b.start_date.date.iso() == "2024-02"
