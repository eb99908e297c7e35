"""Amount cells, read from real files in every encoding and as .xlsx."""

from decimal import Decimal

import pytest

from generator.contract.amounts import Qualifier
from generator.contract.marks import Missing

from .conftest import lines, load, projects, suffix

YI = Decimal(10) ** 8

FORMS = [
    ("72.25", Decimal("72.25") * YI, None),
    ("1,234.5", Decimal("1234.5") * YI, None),
    ("７２．２５", Decimal("72.25") * YI, None),
    ("2亿元", 2 * YI, None),
    ("2亿", 2 * YI, None),
    ("3000万元", Decimal(30_000_000), None),
    ("3000万", Decimal(30_000_000), None),
    ("5000000元", Decimal(5_000_000), None),
    ("约2亿", 2 * YI, Qualifier.ABOUT),
    ("6亿元以上", 6 * YI, Qualifier.AT_LEAST),
    ("超3亿", 3 * YI, Qualifier.OVER),
    ("逾3亿", 3 * YI, Qualifier.OVER),
    ("近3亿", 3 * YI, Qualifier.NEARLY),
    ("3亿元左右", 3 * YI, Qualifier.ABOUT),
    (" 1.5 ", Decimal("1.5") * YI, None),
]

MISSING = [
    *[(mark, Missing.WITHHELD) for mark in ["xx", "XX", "X", "x", "×", "*", "***", "保密", "未公开", "1xx", "1xx%", "X亿元"]],
    ("待定", Missing.TBD),
    ("", Missing.NOT_REPORTED),
]


def test_amount_forms(site, fmt):
    rows = [[f"P{i}", f"项目{i}", "在建", text] for i, (text, _, _) in enumerate(FORMS)]
    loaded = load(projects(site, rows, fmt=fmt).parent.parent)
    assert lines(loaded) == []
    for i, (text, value, qualifier) in enumerate(FORMS):
        amount = loaded.report.projects[f"P{i}"].total_investment
        assert (amount.value, amount.qualifier) == (value, qualifier), text


def test_missing_kinds(site, fmt):
    rows = [[f"P{i}", f"项目{i}", "在建", text] for i, (text, _) in enumerate(MISSING)]
    loaded = load(projects(site, rows, fmt=fmt).parent.parent)
    for i, (text, kind) in enumerate(MISSING):
        amount = loaded.report.projects[f"P{i}"].total_investment
        assert amount.value is None and amount.missing is kind, text
    withheld = [line for line in lines(loaded) if "未公开数值" in line]
    assert len(withheld) == 12
    assert withheld[0] == f"data/projects.{suffix(fmt)}:2: 计划总投资（亿元）: “xx”为未公开数值：页面显示为“未公开”，不计入合计（合计标为不完整）"


def test_header_unit_converts_and_cell_unit_wins(site):
    header = ["项目编号", "项目名称", "计划总投资(万元)", "年产值\n（亿元）", "已实现产值"]
    loaded = load(projects(site, [["A", "甲", "3000", "2.5", "1200万元"]], header=header).parent.parent)
    p = loaded.report.projects["A"]
    assert p.total_investment.value == Decimal(30_000_000)
    assert p.annual_output.value == Decimal("2.5") * YI
    assert p.output_to_date.value == Decimal(12_000_000)


def test_bare_numbers_use_the_input_unit_setting(site):
    header = ["项目编号", "项目名称", "计划总投资"]
    folder = projects(site, [["A", "甲", "3000"]], header=header).parent.parent
    assert load(folder).report.projects["A"].total_investment.value == 3000 * YI  # default: the display unit, 亿元
    loaded = load(folder, {"input_unit": "万元"})
    assert loaded.report.projects["A"].total_investment.value == Decimal(30_000_000)


def test_amount_that_is_no_amount_is_an_error(site):
    rows = [["A", "甲", "在建", "两亿"], ["B", "乙", "在建", "85%"], ["C", "丙", "在建", "3亩"]]
    loaded = load(projects(site, rows).parent.parent)
    assert lines(loaded) == [
        "data/projects.csv:2: 计划总投资（亿元）: “两亿”不是金额：应为数字（可带单位和“约/以上/超/近”）、未公开标记（如 xx）、“待定”或留空",
        "data/projects.csv:3: 计划总投资（亿元）: “85%”不是金额：应为数字（可带单位和“约/以上/超/近”）、未公开标记（如 xx）、“待定”或留空",
        "data/projects.csv:4: 计划总投资（亿元）: “3亩”中的单位“亩”无法识别（可用单位：元、千元、万元、十万元、百万元、千万元、亿元、十亿元、百亿元、千亿元、万亿元、人民币）",
    ]
    assert not loaded.ok


def test_unknown_unit_in_header_is_an_error(site):
    header = ["项目编号", "项目名称", "计划总投资（亩）"]
    loaded = load(projects(site, [["A", "甲", "3"]], header=header).parent.parent)
    assert lines(loaded)[0].startswith("data/projects.csv:1: 计划总投资（亩）: 表头中的单位“亩”无法识别")


@pytest.mark.parametrize("currency,unit,cell,expected", [
    ("USD", "million USD", "182980960", Decimal("182980960")),
    ("USD", "million USD", "$1.5M", Decimal("1500000")),
    ("CNY", "万元", "1.5亿", Decimal("150000000")),
])
def test_currency_is_a_setting(site, currency, unit, cell, expected):
    header = ["id", "name", "total_investment"]
    folder = projects(site, [["A", "x", cell]], header=header).parent.parent
    loaded = load(folder, {"currency": currency, "unit": unit, "input_unit": "USD" if currency == "USD" else None})
    assert lines(loaded) == []
    assert loaded.report.projects["A"].total_investment.value == expected
