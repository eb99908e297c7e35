"""Ids and references between tables: duplicates, URL-safety, clusters, progress rows."""

import pytest

from .conftest import lines, load, write_table


@pytest.mark.parametrize("bad", ["a b", "a/b", "..", "a..b", "<script>", "中 文", "x?y", "..."])
def test_unsafe_ids(site, bad):
    write_table(site / "data", "projects", [["项目编号", "项目名称"], [bad, "甲"]])
    assert lines(load(site)) == [
        f"data/projects.csv:2: 项目编号: 编号“{bad}”不能用作网址：只允许字母、数字和 - _ .，不能含“..”，也不能以“.”开头"]


@pytest.mark.parametrize("good", ["ZD-01", "2022_001", "v1.2", "渝北001"])
def test_safe_ids(site, good):
    write_table(site / "data", "projects", [["项目编号", "项目名称"], [good, "甲"]])
    assert list(load(site).report.projects) == [good]


def test_duplicate_id_and_missing_values(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称"], ["A", "甲"], ["A", "乙"], ["", "丙"], ["B", ""]])
    assert lines(load(site)) == [
        "data/projects.csv:3: 项目编号: 编号“A”重复（第 2 行已使用）",
        "data/projects.csv:5: 项目名称: “项目名称”不能为空",
        "data/projects.csv:4: 项目编号: 没有项目代码；以项目名称生成编号“丙”（赋码后填入代码，项目页网址会随之改变）",
    ]


def test_clusters_by_id_or_name_and_unknown_cluster(site):
    write_table(site / "data", "clusters", [["编号", "集群名称", "简介"], ["metal", "金属智造", "金属制品"], ["nm", "新材料", ""]])
    write_table(site / "data", "projects", [["项目编号", "项目名称", "产业集群"], ["A", "甲", "metal"], ["B", "乙", "新材料"],
                                            ["C", "丙", "生物医药"]])
    loaded = load(site)
    assert [p.cluster_id for p in loaded.report.projects.values()] == ["metal", "nm", None]
    assert lines(loaded) == ["data/projects.csv:4: 产业集群: 产业集群“生物医药”不在 clusters 表中（已有：金属智造、新材料）"]


def test_clusters_without_a_clusters_file_are_the_distinct_names(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称", "产业链"], ["A", "甲", "新材料"], ["B", "乙", "装备 制造"],
                                            ["C", "丙", "新材料"]])
    report = load(site).report
    assert [(c.id, c.name) for c in report.clusters.values()] == [("新材料", "新材料"), ("装备-制造", "装备 制造")]


def test_clusters_file_without_ids_uses_names(site):
    write_table(site / "data", "clusters", [["集群名称"], ["新材料"], ["新材料"]])
    write_table(site / "data", "projects", [["项目编号", "项目名称"], ["A", "甲"]])
    assert lines(load(site)) == ["data/clusters.csv:3: 集群名称: 编号“新材料”重复（第 2 行已使用）"]


def test_progress_references_by_id_or_name(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称"], ["A", "甲"], ["B", "乙"]])
    write_table(site / "data", "progress", [["项目编号", "项目名称", "月份", "完成投资"], ["A", "", "2022-01", "1"],
                                            ["", "乙", "2022-01", "2"], ["Z", "", "2022-01", "1"], ["", "丁", "2022-02", "1"],
                                            ["A", "乙", "2022-02", "1"], ["", "", "2022-03", "1"], ["A", "甲", "", "1"]])
    loaded = load(site)
    assert lines(loaded) == [
        "data/progress.csv:4: 项目编号: 项目“Z”不在 projects 表中；请在项目表中加入此项目，或删去它所在的行",
        "data/progress.csv:5: 项目名称: 项目“丁”不在 projects 表中；请在项目表中加入此项目，或删去它所在的行",
        "data/progress.csv:6: 项目名称: 项目编号“A”与项目名称“乙”不是同一个项目",
        "data/progress.csv:7: 项目编号: “项目编号”不能为空",
        "data/progress.csv:8: 月份: “报告期”不能为空",
    ]
    assert [len(p.progress) for p in loaded.report.projects.values()] == [2, 1]


def test_latest_by_keeps_each_ids_latest_report(site):
    write_table(site / "data", "projects", [["Date Reported As Of", "PID", "Project Name", "Budget Forecast"],
                                            ["09/01/2019", "3", "Plant v3", "30"], ["05/01/2014", "3", "Plant v1", "10"],
                                            ["06/01/2016", "3", "Plant v2", "20"], ["05/01/2014", "4", "Road", "5"]])
    settings = {"date_formats": ["%m/%d/%Y"], "currency": "USD", "input_unit": "USD",
                "files": {"projects": {"latest_by": "Date Reported As Of",
                                       "columns": {"id": "PID", "name": "Project Name", "total_investment": "Budget Forecast"}}}}
    loaded = load(site, settings)
    assert lines(loaded) == []
    assert [(p.id, p.name, p.source.row) for p in loaded.report.projects.values()] == [("3", "Plant v3", 2), ("4", "Road", 5)]
    settings["files"]["projects"]["latest_by"] = "Reported"
    assert lines(load(site, settings)) == ["data/projects.csv:1: 配置的 latest_by 列“Reported”不在表头中",
                                           "data/projects.csv:3: PID: 编号“3”重复（第 2 行已使用）",
                                           "data/projects.csv:4: PID: 编号“3”重复（第 2 行已使用）",
                                           "data/projects.csv:1: Date Reported As Of: 表头“Date Reported As Of”不是已知的列，"
                                           "此列不发布；如需在项目页上发布，请在配置 publish_columns 中列出"]


def test_indicators(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称"], ["A", "甲"]])
    write_table(site / "data", "indicators", [["年度", "指标名称", "数值", "单位"], ["2022", "储备项目", "19", "个"],
                                              ["2021", "考核", "优秀", ""], ["2021", "完成率", "1xx%", ""],
                                              ["2022", "产值", "约3亿元", ""], ["", "空", "", ""]])
    loaded = load(site, {"ignore": ["withheld-value"]})
    got = [(i.year, i.name, i.value.number, i.value.text, i.value.missing and i.value.missing.value, i.shown_unit)
           for i in loaded.report.indicators]
    assert got[:4] == [(2022, "储备项目", 19, None, None, "个"), (2021, "考核", None, "优秀", None, None),
                       (2021, "完成率", None, None, "withheld", None), (2022, "产值", 3, None, None, "亿元")]
    assert lines(loaded) == ["data/indicators.csv:6: 数值: “数值”不能为空"]
