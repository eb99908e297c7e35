"""Line breaks typed inside cells (Alt+Enter): a wrapped name is one name, offices or people a line each a list,
a problem's lines stay lines on the page and in its tables, and a message stays one line."""

from __future__ import annotations

import html
import re

from generator.figures.rankings import leagues

from .conftest import lines, load, write_table
from .sites import new_site, run

HEADER = ["项目编号", "项目名称", "建设状态", "年度", "年度计划投资（万元）", "年度完成投资（万元）", "责任单位", "联系领导",
          "项目级别", "建设地点", "存在问题"]
ROWS = [["A", "东山\n现代农业示范园", "在建", "2024", "100", "40", "区发改局\n区住建局", "张三\r\n李四", "省重点\n市重点",
         "东山镇\n西山镇", "征地未完成\n拆迁 | 补偿未谈妥"],
        ["B", "西山物流园", "在建", "2024", "100", "90", "区发改局、区住建局", "王五", "区重点", "西山镇", ""]]


def test_a_wrapped_name_is_one_name_and_offices_a_line_each_are_a_list(site):
    write_table(site / "data", "projects", [HEADER, *ROWS], "xlsx")
    loaded = load(site)
    assert loaded.problems.errors == []
    a = loaded.report.projects["A"]
    assert (a.name, a.department, a.leader, a.level, a.location) == (
        "东山现代农业示范园", "区发改局、区住建局", "张三、李四", "省重点、市重点", "东山镇西山镇")
    assert a.issues == "征地未完成\n拆迁 | 补偿未谈妥"  # what a project's issues say keeps its lines
    [by_department] = [league for league in leagues(loaded.report) if league.dimension == "department"] or [None]
    assert by_department is None  # both rows name the same two offices: one group, no league


def test_a_message_quoting_a_cell_of_two_lines_is_one_line(site):
    write_table(site / "data", "projects", [HEADER, ["A", "甲", "在建", "2024", "约\n一百", "", "", "", "", "", ""]], "xlsx")
    assert lines(load(site)) == ["data/projects.xlsx:2: 年度计划投资（万元）: “约↵一百”不是金额：应为数字（可带单位和"
                                 "“约/以上/超/近”）、未公开标记（如 xx）、“待定”或留空"]


def test_a_problem_typed_over_lines_shows_its_lines_and_keeps_the_tables_whole(tmp_path):
    site = new_site(tmp_path / "site")
    write_table(site / "data", "projects", [HEADER, *ROWS], "xlsx")
    run("build", "-d", tmp_path / "out", cwd=site)
    page = (tmp_path / "out" / "projects" / "A" / "index.html").read_text(encoding="utf-8")
    article = page[page.index("<article"):page.index("</article>")]
    assert "征地未完成<br>拆迁 &#124; 补偿未谈妥" in article
    for table in re.findall(r"<table>.*?</table>", article, re.S):  # every row of every table: its cells, no stray |
        rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
        widths = {len(re.findall(r"<t[dh][ >]", row)) for row in rows}
        assert len(widths) == 1, table
        assert "|" not in html.unescape(re.sub(r"<[^>]+>", "", table)).replace("拆迁 | 补偿", "")
    assert "| " not in re.sub(r"<[^>]+>", "", article.replace("&#124;", "¦"))


def test_an_office_wrapped_over_two_lines_is_one_office_and_two_offices_are_two():
    from generator.contract.marks import listed

    assert [listed(text) for text in ("区农业\n农村局", "区发改局\n区住建局", "区发改局\n（区统计局）", "东山区人民政府\n西山镇人民政府",
                                      "Parks\nDepartment")] == [
        "区农业农村局", "区发改局、区住建局", "区发改局（区统计局）", "东山区人民政府、西山镇人民政府", "Parks Department"]
    assert [listed(text, people=True) for text in ("张三\n李四", "张三（副区长）\n李四")] == ["张三、李四", "张三（副区长）、李四"]


def test_a_table_with_no_year_and_no_date_has_no_none_in_its_labels_or_file_names(tmp_path):
    site = new_site(tmp_path / "site")
    write_table(site / "data", "projects", [["项目编号", "项目名称", "建设状态", "计划总投资（万元）", "责任单位"],
                                            ["A", "甲", "在建", "100", "甲局"], ["B", "乙", "在建", "200", "乙局"]])
    run("build", "-d", tmp_path / "out", cwd=site)
    out = tmp_path / "out"
    texts = {str(p.relative_to(out)): html.unescape(re.sub(r"<[^>]+>", " ", p.read_text(encoding="utf-8")))
             for p in out.rglob("*.html")}
    assert [page for page, text in texts.items() if re.search(r"\bNone\b", text)] == []
    assert "年度计划投资" in texts["rankings/index.html"] and "年度完成投资" in texts["rankings/index.html"]
    assert sorted(p.name for p in (out / "downloads").glob("bulletin*")) == ["bulletin.docx", "bulletin.pdf"]

