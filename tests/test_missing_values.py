"""Cells that hold no figure, with the words offices and foreign portfolios write: settings with defaults,
patterns, the same in every kind of cell, and the reason a withheld cell gives kept and shown."""

from decimal import Decimal

from generator.contract.marks import Missing
from generator.figures import metrics
from generator.rendering.formatting import Formatter

from .conftest import lines, load, write_table

MILLION = Decimal(10) ** 6
YI = Decimal(10) ** 8
PORTFOLIO = {"language": "en", "currency": "GBP", "input_unit": "million GBP",
             "files": {"projects": {"columns": {"id": "Project ID", "name": "Project Name", "total_investment": "Whole Life Cost",
                                                "start_date": "Start Date", "completion_date": "End Date",
                                                "latitude": "Latitude"}}}}


def _portfolio(site):
    write_table(site / "data", "projects", [
        ["Project ID", "Project Name", "Whole Life Cost", "Start Date", "End Date", "Latitude"],
        ["GMPP-1", "Crossrail", "1563", "2009-05", "2022-05", "51.5"],
        ["GMPP-2", "Border Systems", "Exempt under Section 43 FOIA", "Exempt under Section 43 FOIA", "NA", "NA"],
        ["GMPP-3", "Prison Estate", "N/A", "2016-04", "2025-03", "N/A"],
    ])


def test_a_foreign_portfolio_with_exemptions_and_na_reads_without_errors(site):
    _portfolio(site)
    loaded = load(site, PORTFOLIO, language="en")
    assert lines(loaded, "en") == [
        "data/projects.csv:3: Whole Life Cost: “Exempt under Section 43 FOIA” is withheld: shown as withheld, left out of sums, "
        "which are marked partial",
        "data/projects.csv:3: Start Date: “Exempt under Section 43 FOIA” is withheld: shown as withheld",
    ]
    p = loaded.report.projects
    assert (p["GMPP-2"].total_investment.missing, p["GMPP-2"].completion_date.missing) == (Missing.WITHHELD, Missing.NOT_APPLICABLE)
    assert p["GMPP-3"].total_investment.missing is Missing.NOT_APPLICABLE and p["GMPP-2"].latitude is None
    fmt = Formatter.of(loaded.report)
    assert fmt.amount(p["GMPP-1"].total_investment) == "£1,563m"
    assert fmt.amount(p["GMPP-2"].total_investment) == "withheld (Exempt under Section 43 FOIA)"
    assert fmt.amount(p["GMPP-3"].total_investment) == "n/a"
    summary = metrics.summarize(list(p.values()), None)
    assert (summary.total_investment.value, summary.total_investment.left_out) == (1563 * MILLION, 1)  # n/a is no gap


def test_missing_words_are_settings_and_a_list_replaces_its_kind(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称", "计划总投资"], ["A", "甲", "无"], ["B", "乙", "商业机密"],
                                            ["C", "丙", "/"]])
    assert lines(load(site)) == [  # by default 无 is not reported and / not applicable; 商业机密 is no word of these
        "data/projects.csv:3: 计划总投资: “商业机密”不是金额：应为数字（可带单位和“约/以上/超/近”）、未公开标记（如 xx）、“待定”或留空"]
    loaded = load(site, {"missing": {"not_reported": ["-"], "withheld": ["商业机密", "保密"]}})
    assert lines(loaded)[0].startswith("data/projects.csv:2: 计划总投资: “无”不是金额")
    assert lines(loaded)[1] == "data/projects.csv:3: 计划总投资: “商业机密”为未公开数值：页面显示为“未公开”，不计入合计（合计标为不完整）"
    summary = metrics.summarize(list(loaded.report.projects.values()), None)
    assert summary.total_investment.missing is Missing.WITHHELD


def test_a_missing_word_that_looks_like_a_number_is_still_a_missing_word(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称", "计划总投资"],
                                            ["A", "甲", "0"], ["B", "乙", "9999"], ["C", "丙", "-1.5"], ["D", "丁", "12"]])
    loaded = load(site, {"missing": {"not_reported": ["0", "-"], "withheld": ["99*"]}})
    got = {k: (p.total_investment.value, p.total_investment.missing) for k, p in loaded.report.projects.items()}
    assert got == {"A": (None, Missing.NOT_REPORTED), "B": (None, Missing.WITHHELD),
                   "C": (Decimal("-1.5") * YI, None), "D": (12 * YI, None)}
    plain = load(site).report.projects  # by default every plain number is a figure
    assert [p.total_investment.value for p in plain.values()] == [0, 9999 * YI, Decimal("-1.5") * YI, 12 * YI]


def test_the_same_words_in_every_kind_of_cell(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称", "计划总投资", "开工时间", "纬度"], ["A", "甲", "不适用", "不适用", "不适用"]])
    write_table(site / "data", "indicators", [["指标名称", "数值"], ["储备项目", "不适用"]])
    loaded = load(site)
    assert lines(loaded) == []
    p = loaded.report.projects["A"]
    assert (p.total_investment.missing, p.start_date.missing, p.latitude) == (Missing.NOT_APPLICABLE, Missing.NOT_APPLICABLE, None)
    assert loaded.report.indicators[0].value.missing is Missing.NOT_APPLICABLE


def test_ignore_can_silence_a_code_in_one_column_or_one_file_only(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称", "计划总投资", "年度计划投资"], ["A", "甲", "xx", "xx"]])
    write_table(site / "data", "indicators", [["指标名称", "数值"], ["储备项目", "xx"]])
    everywhere = "data/projects.csv:2: 计划总投资: “xx”为未公开数值：页面显示为“未公开”，不计入合计（合计标为不完整）"
    assert everywhere in lines(load(site)) and len(lines(load(site))) == 3
    by_column = load(site, {"ignore": [{"code": "withheld-value", "column": "年度计划投资"}]})
    assert len(lines(by_column)) == 2 and everywhere in lines(by_column)
    by_file = load(site, {"ignore": [{"code": "withheld-value", "file": "projects.csv"}]})
    assert lines(by_file) == ["data/indicators.csv:2: 数值: “xx”为未公开数值：页面显示为“未公开”"]
    both = load(site, {"ignore": [{"code": "withheld-value", "file": "projects.csv", "column": "计划总投资"}]})
    assert everywhere not in lines(both) and len(lines(both)) == 2


def test_an_ignore_rule_with_an_unknown_code_names_its_key(site):
    import pytest

    from generator.settings.config import ConfigError, SiteConfig

    with pytest.raises(ConfigError) as caught:
        SiteConfig.from_mapping({"ignore": ["withheld-value", {"code": "no-such", "file": "x.csv"}]}, "en", "plugins.progress.")
    assert caught.value.lines()[0].startswith("setting plugins.progress.ignore.1.code: ")


def test_a_published_money_column_is_shown_and_downloaded_in_the_display_unit(site):
    from generator.rendering.downloads import export_files
    from generator.rendering.pages import PageMaker

    write_table(site / "data", "projects", [["单位：万元", "", ""], ["项目编号", "项目名称", "企业自筹资金"], ["A", "甲", "5000"]])
    loaded = load(site, {"publish_columns": ["企业自筹资金"]})
    assert lines(loaded) == []
    maker = PageMaker(loaded.report)
    page = maker.render(maker.project(loaded.report.projects["A"])).markdown
    assert "| 企业自筹资金 | 0.5亿元 |" in page
    csv = export_files(loaded.report)["downloads/projects.csv"]
    header, row = csv.splitlines()[:2]
    assert header.split(",")[-1] == "企业自筹资金（亿元）" and row.split(",")[-1] == "0.5"


def test_a_milestone_whose_date_is_withheld_or_undecided_says_so_not_not_yet(site):
    from generator.rendering.pages import PageMaker

    write_table(site / "data", "projects", [["项目编号", "项目名称", "建设状态", "开工时间", "投产时间", "建成时间"],
                                            ["A", "甲", "未开工", "保密", "待定", ""]])
    report = load(site, {"ignore": ["withheld-value"], "as_of": "2024-10-31"}).report
    maker = PageMaker(report)
    page = maker.render(maker.project(report.projects["A"])).markdown
    milestones = page.split("## 里程碑")[1]
    rows = {line.split("|")[1].strip(): line.split("|")[-2].strip() for line in milestones.splitlines()
            if line.startswith("| ")}
    assert (rows["开工"], rows["投产"], rows["建成"]) == ("未公开", "待定", "未到")
    assert rows["节点"] == "情况"  # the dates' columns, empty on every row, are left out


def test_a_text_cell_saying_there_is_none_is_none_and_a_withheld_one_stays_as_written(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称", "业主单位", "责任单位", "建设地点", "存在问题"],
                                            ["A", "甲", "Exempt - Under Section 43", "NA", "待定", "无"],
                                            ["B", "乙", "乙公司", "乙局", "东山", "征地"]])
    loaded = load(site)
    a = loaded.report.projects["A"]
    assert (a.owner, a.department, a.location, a.issues) == ("Exempt - Under Section 43", None, None, None)
    assert lines(loaded) == []
