"""排名: groups ranked by their completion of the annual plan, ties sharing a rank, the empty and the unrated last."""

import re
from decimal import Decimal

from generator.figures.lights import Light
from generator.figures.rankings import leagues
from generator.rendering.pages import PageMaker

from .conftest import load, write_table

HEADER = ["项目编号", "项目名称", "年度", "年度计划投资（亿元）", "年度完成投资（亿元）", "责任单位", "联系领导", "行业领域"]


def _report(site, rows):
    write_table(site / "data", "projects", [HEADER, *rows])
    loaded = load(site, {"as_of": "2024-10-31"})
    assert loaded.ok
    return loaded.report


def test_groups_rank_by_rate_with_ties_and_the_empty_and_unrated_after(site):
    report = _report(site, [
        ["A", "甲", "2024", "10", "9", "发改局", "张区长", "工业"],  # 90%
        ["B", "乙", "2024", "10", "5", "住建局", "张区长", "工业"],  # 50%
        ["C", "丙", "2024", "10", "5", "交通局", "李区长", "基础设施"],  # 50%: ties with 住建局
        ["D", "丁", "2024", "10", "1", "交通局", "李区长", "基础设施"],  # 交通局: 6 / 20 = 30%
        ["E", "戊", "2024", "", "", "科技局", "", "基础设施"],  # no rate
        ["F", "己", "2024", "10", "8", "", "", ""],  # no unit
    ])
    by = {league.dimension: league for league in leagues(report)}
    assert list(by) == ["department", "leader", "sector"]  # level, cluster and stage make fewer than two groups
    rows = [(r.key, r.rank, r.summary.count, r.summary.completion_rate.value) for r in by["department"].rows]
    assert rows == [("发改局", 1, 1, Decimal("0.9")), ("住建局", 2, 1, Decimal("0.5")), ("交通局", 3, 2, Decimal("0.3")),
                    ("科技局", None, 1, None), (None, None, 1, Decimal("0.8"))]
    leader = {r.key: (r.rank, r.lights) for r in by["leader"].rows}
    assert leader["张区长"] == (1, {Light.GREEN: 1, Light.YELLOW: 0, Light.RED: 1})  # 70% as a group; 50% is 33 points behind
    assert leader["李区长"][1] == {Light.GREEN: 0, Light.YELLOW: 0, Light.RED: 2}


def test_equal_rates_share_a_rank_and_the_next_skips(site):
    report = _report(site, [["A", "甲", "2024", "10", "5", "甲局", "", ""], ["B", "乙", "2024", "10", "5", "乙局", "", ""],
                            ["C", "丙", "2024", "10", "2", "丙局", "", ""]])
    [league] = leagues(report)
    assert [(r.key, r.rank) for r in league.rows] == [("甲局", 1), ("乙局", 1), ("丙局", 3)]


def test_the_rankings_page_says_every_light_in_words(site):
    report = _report(site, [["A", "甲", "2024", "10", "9", "甲局", "", ""], ["B", "乙", "2024", "10", "2", "乙局", "", ""]])
    maker = PageMaker(report)
    page = maker.render(maker.rankings()).markdown
    plain = re.sub(r"<[^>]+>", "", page)
    assert "| 1 | 甲局 | 90.0% | ■红灯0 ▲黄灯0 ●绿灯1 | &#43;6.7 | 1 | 10亿元 | 9亿元 |" in plain.replace("&#46;", ".").replace("&#37;", "%")
    assert "| 2 | 乙局 | 20.0% | ■红灯1 ▲黄灯0 ●绿灯0 | −63.3 | 1 | 10亿元 | 2亿元 |" in plain.replace("&#46;", ".").replace("&#37;", "%")


def test_projects_that_leave_the_field_empty_are_counted_under_the_table_not_made_a_group(site, tmp_path):
    from generator.bulletin.compose import compose

    report = _report(site, [["A", "甲", "2024", "10", "9", "甲局", "", ""], ["B", "乙", "2024", "10", "2", "乙局", "", ""],
                            ["C", "丙", "2024", "10", "5", "", "", ""], ["D", "丁", "2024", "10", "5", "", "", ""]])
    [league] = leagues(report)
    assert [r.key for r in league.ranked] == ["甲局", "乙局"] and league.unassigned.summary.count == 2
    maker = PageMaker(report)
    page = re.sub(r"<[^>]+>", "", maker.render(maker.rankings()).markdown)
    assert "| 未填写 |" not in page and "\n另有 2 个项目未填写责任单位，不在表中。\n" in page
    [table] = [b for s in compose(report).sections if s.title.endswith("排名") for b in s.blocks if getattr(b, "note", None)]
    assert table.note == "另有 2 个项目未填写责任单位，不在表中。" and [row[1] for row in table.rows] == ["甲局", "乙局"]
