"""One run reports every problem, in every file form, with row, header as written and value."""

from .conftest import lines, load, suffix, write_table

HEADER = ["序号", "项目编号", "项目名称", "所属产业集群", "建设状态", "计划总投资\n（亿元）", "开工时间", "投产时间"]
ROWS = [
    ["2022年重点项目表"],
    HEADER,
    ["1", "A", "甲", "新材料", "在建", "1", "2022-03", "2022-05"],
    ["2", "A", "乙", "新材料", "半停半建", "两亿", "2022-02-30", ""],
    ["3", "a/b", "丙", "生物医药", "在建", "xx", "2022-03", "2021-12"],
    ["4", "D", "", "新材料", "在建", "1", "", ""],
]


def test_every_problem_in_one_run(site, fmt):
    write_table(site / "data", "clusters", [["集群名称"], ["新材料"]])
    write_table(site / "data", "projects", ROWS, fmt)
    name = f"data/projects.{suffix(fmt)}"
    assert lines(load(site)) == [
        f"{name}:4: 项目编号: 编号“A”重复（第 3 行已使用）",
        f"{name}:4: 建设状态: 未知的状态“半停半建”（可用：储备/谋划/前期/预备等、洽谈/在谈/意向/拟签约等、"
        "签约/已签约/签约未开工、未开工/待开工/拟开工/尚未开工等、开工/已开工/在建/动工等、试投产/试运行/试生产/调试、"
        "投产/已投产/部分投产/运营等、建成/已建成/竣工/完工等、停建/暂停/缓建/停工等、终止/已终止/取消/已取消等；可在配置 statuses 中添加）",
        f"{name}:4: 计划总投资（亿元）: “两亿”不是金额：应为数字（可带单位和“约/以上/超/近”）、未公开标记（如 xx）、“待定”或留空",
        f"{name}:4: 开工时间: “2022-02-30”不是日期：应如 2022-01-26、2022/1/26、2022年1月26日、2022年1月 或 2022年",
        f"{name}:5: 项目编号: 编号“a/b”不能用作网址：只允许字母、数字和 - _ .，不能含“..”，也不能以“.”开头",
        f"{name}:5: 所属产业集群: 产业集群“生物医药”不在 clusters 表中（已有：新材料）",
        f"{name}:6: 项目名称: “项目名称”不能为空",
        f"{name}:5: 计划总投资（亿元）: “xx”为未公开数值：页面显示为“未公开”，不计入合计（合计标为不完整）",
    ]


def test_english_messages(site):
    write_table(site / "data", "clusters", [["集群名称"], ["新材料"]])
    write_table(site / "data", "projects", ROWS)
    assert lines(load(site, language="en"), "en")[4:7] == [
        "data/projects.csv:5: 项目编号: id “a/b” cannot be part of a URL: use letters, digits, -, _ and . only, with no “..” and no “.” first",
        "data/projects.csv:5: 所属产业集群: cluster “生物医药” is not in the clusters table (known: 新材料)",
        "data/projects.csv:6: 项目名称: Name must not be empty",
    ]


def test_operation_before_start_is_found_once_rows_are_valid(site):
    write_table(site / "data", "projects", [HEADER, ["1", "C", "丙", "", "在建", "1", "2022-03", "2021-12"]])
    loaded = load(site)
    assert loaded.ok
    assert lines(loaded) == ["data/projects.csv:2: 投产时间: 投产时间 2021-12 早于开工时间 2022-03"]
