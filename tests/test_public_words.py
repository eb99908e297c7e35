"""Words for the public: no page names a file, a checksum or a setting; 数据与方法 explains the figures in plain
sentences from the site's own rule and date; the data dictionary is a download that explains every column the
downloads have."""

import csv
import html
import io
import re

import pytest

from generator.rendering.pages import PageMaker

from .conftest import load, write_table
from .sites import text_of

#: What a maintainer writes and a citizen should never have to read.
FILE_NAME = re.compile(r"[\w\-\u4e00-\u9fff]+\.(?:xlsx|xlsm|xlsb|xls|ods|et|csv|json|geojson|yml|yaml)\b", re.I)
CHECKSUM = re.compile(r"\b[0-9a-f]{64}\b|sha-?256", re.I)
SETTING = re.compile(r"\b(?:fiscal_year_start|lights\.by|outside_files|exchange_rates|publish_\w+|files\.\w+|site_dir|data_dir)\b")


@pytest.mark.parametrize("which", ["sample_site", "district_site"])
def test_no_page_body_names_a_file_a_checksum_or_a_setting(request, which):
    site = request.getfixturevalue(which)
    pages = sorted(site.rglob("index.html"))
    assert len(pages) > 10
    for page in pages:
        text = text_of(page.read_text(encoding="utf-8"))
        for pattern in (FILE_NAME, CHECKSUM, SETTING):
            assert not pattern.search(text), (page.relative_to(site).as_posix(), pattern.search(text)[0])


def test_the_dictionary_download_explains_every_column_of_every_table_download(sample_site):
    def read(name):
        return list(csv.reader(io.StringIO((sample_site / "downloads" / name).read_text(encoding="utf-8-sig"))))

    dictionary = read("dictionary.csv")
    assert dictionary[0] == ["类别", "列", "含义"]
    explained = {(part, column): meaning for part, column, meaning in dictionary[1:]}
    for name, part in (("projects.csv", "项目表"), ("clusters.csv", "产业集群表"), ("progress.csv", "进度表")):
        header = read(name)[0]
        assert [column for p, column in explained if p == part] == header, name  # each column, in the file's order
        assert all(explained[(part, column)] for column in header)
    assert explained[("项目表", "子项目数")] == "打包项目所含的子项目个数"
    assert explained[("项目表", "计划总投资说明")].startswith("未公开、待定，或数字的限定词")
    assert explained[("指标定义", "序时进度")].startswith("数据截止日期时当年")  # the whole definitions, off the page
    methodology = text_of((sample_site / "methodology" / "index.html").read_text(encoding="utf-8"))
    assert "数据字典（各列含义和各项指标的算法） CSV" in methodology and "累计完成投资 ÷ 计划总投资" not in methodology


def test_the_methodology_page_says_the_sites_own_rule_in_plain_sentences(site):
    write_table(site / "data", "projects", [["项目编号", "项目名称", "年度", "年度计划投资", "年度完成投资", "亮灯情况"],
                                            ["A", "甲", "2024", "10", "9", ""], ["B", "乙", "2024", "10", "2", "红灯"]])
    report = load(site, {"as_of": "2024-06-30", "lights": {"green_within": 5, "yellow_within": 20}}).report
    maker = PageMaker(report)
    page = html.unescape(re.sub(r"<[^>]+>", "", maker.render(maker.methodology()).markdown))
    assert ("**序时进度**：到数据截止日期（2024年6月30日），今年已经过去的时间比例，现为 50.0%，到年底为 100%。"
            "要按时完成全年计划，年度完成率应当不低于序时进度。") in page
    assert ("**亮灯情况**：完成率低于序时进度不超过 5 个百分点的亮绿灯；落后序时进度，但差距在 20 个百分点以内的亮黄灯；"
            "差距更大的亮红灯。已过计划开工时间仍未开工的项目，也亮红灯。报送的表格中已写明亮灯情况的，以表格为准。") in page
    assert "green_within" not in page and "lights" not in page and "不读取" not in page
    english = load(site, {"as_of": "2024-09-30", "fiscal_year_start": 4}, "en").report
    maker = PageMaker(english)
    page = html.unescape(re.sub(r"<[^>]+>", "", maker.render(maker.methodology()).markdown))
    assert ("**Share of the year elapsed**: How much of the financial year (which starts in month 4) had passed by the "
            "as-of date (2024-09-30): 50.0% now") in page
    assert "Green when it is at or above the share of the year elapsed; yellow when it is behind" in page


def test_every_tab_of_the_navigation_is_at_most_eight_characters(sample_site):
    page = (sample_site / "index.html").read_text(encoding="utf-8")
    tabs = [html.unescape(t).strip() for t in re.findall(r'class="md-tabs__link[^"]*"[^>]*>\s*([^<]+?)\s*</a>', page)]
    assert "工作情况和计划" in tabs and "首页" in tabs
    assert all(len(tab) <= 8 for tab in tabs), tabs


def test_a_partial_total_is_marked_and_the_page_says_once_what_the_mark_means(sample_site):
    home = (sample_site / "index.html").read_text(encoding="utf-8")
    text = text_of(home)
    charts = re.compile(r'<figure class="ps-chart".*?</figure>|<details class="ps-chart-data".*?</details>', re.S)
    assert "项未计入）" not in text_of(charts.sub("", home))  # no table or sentence figure has its own note
    assert "34.65亿元（不完整：1 项未计入）" in text  # a chart's numbers, in full, for whoever opens them
    assert text.count("合计不完整：有项目的这项数字未公开、待定或未填报，未计入合计。") == 1
    assert home.count('<sup class="ps-partial">') >= 3  # the verdict's, the tables' and the note's own
    assert re.search(r"完成投资16\.6亿元<sup class=\"ps-partial\">&#42;</sup>", home)
    assert "不完整：5 项未计入" in text  # the figure cards still say how many each left out
    clusters = (sample_site / "clusters" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<td align="right"[^>]*>[\d.]+亿元<sup class="ps-partial">&#42;</sup></td>', clusters) or \
        re.search(r'<td style="text-align: right;">[\d.]+亿元<sup class="ps-partial">&#42;</sup></td>', clusters)
    assert text_of(clusters).count("合计不完整") == 1
    fine = (sample_site / "methodology" / "index.html").read_text(encoding="utf-8")
    assert "ps-partial" not in fine and "合计不完整" not in text_of(fine)  # no mark, no note


def test_a_column_empty_on_every_row_is_left_out_and_one_the_same_on_every_row_is_said_once():
    from generator.rendering.table_columns import prune_columns

    def same(header, value):
        return f"下表各项的{header}均为{value}。"

    table = "\n".join(["| 项目 | 状态 | 日期 | 总投资 |", "|---|---|---|---:|", "| [甲](a.md) | 在建 | — | 1亿元 |",
                       "| 乙 | 在建 |  | 未公开 |", "| 丙 | 在建 | — | 3亿元 |"])
    assert prune_columns(f"text\n\n{table}\n", same).split("\n") == [
        "text", "", "", "下表各项的状态均为在建。", "", "| 项目 | 总投资 |", "| --- | ---: |", "| [甲](a.md) | 1亿元 |",
        "| 乙 | 未公开 |", "| 丙 | 3亿元 |", ""]
    two_rows = "\n".join(table.split("\n")[:4])
    assert prune_columns(two_rows, same) == two_rows  # too short to say anything once
    sorted_by_script = f'<div class="ps-sortable" data-ranked></div>\n\n{table}'
    assert prune_columns(sorted_by_script, same) == sorted_by_script  # its columns are where the script counts them
    withheld = table.replace("| — |", "| 未公开 |").replace("|  |", "| 待定 |")
    assert "| 日期 |" in prune_columns(withheld, same)  # withheld or undecided says something


def test_the_words_for_a_missing_figure_are_explained_once_under_the_tables_that_use_them(sample_site):
    home = text_of((sample_site / "index.html").read_text(encoding="utf-8"))
    assert home.count("表中“") == 1 and "表中“未公开”为依规定不公开" in home  # its tables show 未公开
    assert home.index("表中“未公开”为依规定不公开") < home.index("数据来源：")  # above the sources line
    methodology = text_of((sample_site / "methodology" / "index.html").read_text(encoding="utf-8"))
    assert "表中“" not in methodology  # its tables have no missing figure: nothing to explain
