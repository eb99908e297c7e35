"""The bulletin (通报) as an office sends it: the PDF and the Word copy opened by real readers (pypdf,
python-docx), their figures against the site's, scopes, the office's own words, and rows that never split."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from generator import load_report, load_site
from generator.figures import metrics
from generator.rendering.formatting import Formatter
from generator.rendering.judging import Judge

from .conftest import ROOT
from .sites import copy_sample, run, set_plugin, text_of

NAMESPACE = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def squeezed(text: str) -> str:
    """Text without whitespace (a PDF's text has spaces between Chinese and digits, and breaks lines)."""
    return re.sub(r"\s+", "", text)


def pdf_pages(path: Path) -> list[str]:
    return [squeezed(page.extract_text()) for page in PdfReader(path).pages]


@pytest.fixture(scope="module")
def report():
    return load_report(load_site(ROOT / "mkdocs.yml")).report


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """The sample's bulletin, made twice."""
    folders = [tmp_path_factory.mktemp(f"bulletin{i}") for i in range(2)]
    for folder in folders:
        result = run("bulletin", "-o", folder)
        assert result.stdout.split() == [str(folder / "bulletin-2022Q3.pdf"), str(folder / "bulletin-2022Q3.docx")]
    return folders


def watch_names(report) -> list[str]:
    """The home page's 重点关注 list, as the site's pages make it."""
    projects = list(report.projects.values())
    judged = Judge(report, Formatter.of(report)).judged(projects, metrics.summarize(projects, report.current_year))
    return [w.project.name for w in judged["watch"]]


def test_the_pdf_says_what_the_site_says(made, report):
    pages = pdf_pages(made[0] / "bulletin-2022Q3.pdf")
    assert 4 <= len(pages) <= 12
    text = "".join(pages)
    assert "重点项目建设进展情况通报" in pages[0] and "2022年三季度" in pages[0] and "数据截至2022年9月30日" in pages[0]
    projects = list(report.projects.values())
    sentence = Judge(report, Formatter.of(report)).sentence(projects, metrics.summarize(projects, report.current_year))
    assert squeezed(sentence) in text
    assert "完成年度计划71.2%，低于序时进度3.8个百分点；红灯1个、黄灯4个、绿灯7个。" in text
    names = watch_names(report)
    assert len(names) == 5
    positions = [text.index(squeezed(n)) for n in names]
    assert positions == sorted(positions)  # red first, then furthest behind, as on the home page
    for title in ("一、总体情况", "三、重点关注（红灯、黄灯项目）", "四、排名", "按责任单位", "五、分产业集群情况", "六、本期变化", "七、说明"):
        assert title in text
    assert "第1页" in pages[1] and "第2页" in pages[2]  # page numbers from the first page after the cover


def test_the_pdf_embeds_its_cjk_fonts_and_draws_charts_as_vectors(made):
    reader = PdfReader(made[0] / "bulletin-2022Q3.pdf")
    fonts = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), fonts
    assert any("CJK" in name for name in fonts)
    overview = reader.pages[1]  # its two charts: bars drawn as paths, not pictures
    assert not overview.images
    operators = re.findall(rb"\s([a-zA-Z*]{1,3})\n", overview.get_contents().get_data())
    assert operators.count(b"l") >= 40 and operators.count(b"f") >= 10  # lines of axes and grid, filled bars


def test_two_runs_make_the_same_bytes(made):
    for name in ("bulletin-2022Q3.pdf", "bulletin-2022Q3.docx"):
        assert (made[0] / name).read_bytes() == (made[1] / name).read_bytes(), name


def test_the_word_copy_has_headings_and_tables_whose_header_repeats_and_rows_never_split(made, report):
    document = docx.Document(made[0] / "bulletin-2022Q3.docx")
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:3] == ["一、总体情况", "二、亮灯情况", "三、重点关注（红灯、黄灯项目）"] and headings[-1] == "七、说明"
    watch = next(t for t in document.tables if len(t.columns) == 7 and t.rows[0].cells[4].text == "存在问题及需协调事项")
    assert [r.cells[1].text for r in watch.rows[1:]] == watch_names(report)
    rows = watch._tbl.findall(f"{NAMESPACE}tr")
    assert rows[0].find(f"{NAMESPACE}trPr/{NAMESPACE}tblHeader") is not None
    assert all(r.find(f"{NAMESPACE}trPr/{NAMESPACE}cantSplit") is not None for r in rows)
    assert all(r.find(f"{NAMESPACE}trPr/{NAMESPACE}tblHeader") is None for r in rows[1:])
    assert len(document.inline_shapes) == 2 and all(s._inline.docPr.get("descr") for s in document.inline_shapes)
    assert document.core_properties.title == "重点项目建设进展情况通报"
    footer = document.sections[1].footer._element.xml
    assert "PAGE" in footer and "第" in footer


def test_a_cluster_a_department_and_an_earlier_period(tmp_path, report):
    cid, cluster = next(iter(report.clusters.items()))
    run("bulletin", "--cluster", cluster.name, "--format", "pdf", "-o", tmp_path)
    text = "".join(pdf_pages(tmp_path / f"bulletin-2022Q3-{cluster.name}.pdf"))
    inside = [p.name for p in report.projects.values() if p.cluster_id == cid]
    outside = [p.name for p in report.projects.values() if p.cluster_id != cid]
    assert inside and all(squeezed(n) in text for n in inside)
    assert not any(squeezed(n) in text for n in outside)
    assert f"2022年三季度·{cluster.name}" in text

    department = next(p.department for p in report.projects.values() if p.department)
    run("bulletin", "--department", department, "--format", "docx", "-o", tmp_path)
    names = {c.text for t in docx.Document(tmp_path / f"bulletin-2022Q3-{department}.docx").tables for r in t.rows
             for c in r.cells}
    assert {p.name for p in report.projects.values() if p.department == department} <= names
    assert not {p.name for p in report.projects.values() if p.department != department} & names

    run("bulletin", "--period", "2022年二季度", "--format", "pdf", "-o", tmp_path)
    text = "".join(pdf_pages(tmp_path / "bulletin-2022Q2.pdf"))
    assert "2022年二季度" in text and "序时进度为50.0%" in text and "2022年三季度" not in text

    failed = run("bulletin", "--cluster", "没有的集群", "-o", tmp_path, check=False)
    assert failed.returncode == 1 and f"没有这个产业集群：没有的集群（数据中有：{cid}" in failed.stderr
    failed = run("bulletin", "--period", "2031-01", "-o", tmp_path, check=False)
    assert failed.returncode == 1 and "数据中没有这个报告期：2031-01（数据中有：2021、2022Q1、2022Q2、2022Q3）" in failed.stderr


def test_the_offices_words_and_the_sites_words_are_the_same_and_a_bad_figure_stops_the_build(tmp_path):
    site = copy_sample(tmp_path / "src")
    (site / "data" / "bulletin.md").write_text(
        "今年以来，全区上下**攻坚克难**，本期[[ count ]]个项目报送进度。\n\n[[ summary ]]\n\n"
        "## 下一步工作\n\n加快[[ count cluster=machinery ]]个机械装备项目建设。\n\n[[ chart status ]]\n", encoding="utf-8")
    (site / "docs" / "words.md").write_text("# 本期概况\n\n[[ summary ]]\n\n[[ changes ]]\n", encoding="utf-8")
    run("build", "--strict", "-d", tmp_path / "out", cwd=site)
    out = tmp_path / "out"
    pdf = out / "downloads" / "bulletin-2022Q3.pdf"
    pages = pdf_pages(pdf)
    assert "今年以来，全区上下攻坚克难，本期26个项目报送进度。" in pages[1]  # before 一、, emphasis marks gone
    page = squeezed(text_of((out / "words" / "index.html").read_text(encoding="utf-8")))
    sentence = re.search(r"2022年三季度，17个项目.*?绿灯\d+个。", page).group(0)  # this year's projects, as the pages say
    assert sentence in pages[1]
    text = "".join(pages)
    assert "一、下一步工作" in text and "二、总体情况" in text and "加快4个机械装备项目建设。" in text
    changes = re.search(r"本期（2022年三季度，对比2022年二季度）：.*?转为绿灯", page).group(0)
    assert changes in text
    document = docx.Document(out / "downloads" / "bulletin-2022Q3.docx")
    assert len(document.inline_shapes) == 3  # the office's chart besides the two of the overview
    home = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="downloads/bulletin-2022Q3.pdf"' in home and 'href="downloads/bulletin-2022Q3.docx"' in home
    assert 'href="../downloads/bulletin-2022Q3.pdf"' in (out / "changes" / "index.html").read_text(encoding="utf-8")

    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    (site / "data" / "bulletin.md").write_text("第一段。\n\n有[[ count cluster=没有 ]]个，[[ sum nothing ]]。\n",
                                               encoding="utf-8")
    failed = run("build", "-d", out, cwd=site, check=False)
    assert failed.returncode == 1
    assert "bulletin.md:3: [[ count cluster=没有 ]] 无法填写：cluster=没有: 未知 [bulletin-text]" in failed.stderr
    assert "bulletin.md:3: [[ sum nothing ]] 无法填写" in failed.stderr
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before and pdf.read_bytes()[:4] == b"%PDF"


def test_a_long_bulletin_never_splits_a_row_and_repeats_each_tables_header(tmp_path):
    site = copy_sample(tmp_path / "src")
    shutil.rmtree(site / "data")
    subprocess.run([sys.executable, "-m", "generator.starter.synth", "--projects", "300", "--clusters", "6",
                    "--out", str(site / "data")], check=True)
    run("bulletin", "--format", "pdf", "-o", tmp_path, cwd=site)
    pages = pdf_pages(tmp_path / "bulletin-2024-12.pdf")
    assert 15 <= len(pages) <= 60
    names = [squeezed(row.split(",")[1]) for row in (site / "data" / "projects.csv").read_text(encoding="utf-8").splitlines()[1:]]
    for name in names:
        assert any(name in page for page in pages), name  # each name whole on one page: its row is not split
    listing = [page for page in pages[1:] if re.search(r"（P\d{5}）", page)]
    assert len(listing) > 10 and all("项目名称" in page for page in listing)  # every page of a list has its header


def test_without_cjk_fonts_the_word_copy_is_made_and_the_pdf_left_out_with_a_warning(tmp_path):
    site = copy_sample(tmp_path / "src")
    (tmp_path / "no-fonts").mkdir()
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - progress:\n", f"  - progress:\n      bulletin:\n        fonts: [{tmp_path / 'no-fonts'}]\n", 1), encoding="utf-8")
    result = run("bulletin", "-o", tmp_path / "out", cwd=site)
    assert "找不到中文字体，未生成通报 PDF（Word 版照常生成）" in result.stderr and "[bulletin-fonts]" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["bulletin-2022Q3.docx"]
    docx.Document(io.BytesIO((tmp_path / "out" / "bulletin-2022Q3.docx").read_bytes()))


def test_a_build_with_no_chinese_font_in_sight_stops_strictly_saying_what_to_do_and_its_code_lets_it_go(tmp_path):
    """A machine without CJK fonts (the folders searched hold none): a strict build stops, writes nothing and
    says how to get a font; with the warning's code in ``ignore`` it publishes the site with the Word copy only."""
    run("new", tmp_path / "src")  # a new site, as an office makes it on its first day
    site = tmp_path / "src"
    (tmp_path / "no-fonts").mkdir()
    set_plugin(site, f"bulletin: {{fonts: [{tmp_path / 'no-fonts'}]}}")
    failed = run("build", "--strict", "-d", tmp_path / "out", cwd=site, check=False)
    assert failed.returncode == 1
    assert ("找不到中文字体，未生成通报 PDF（Word 版照常生成）：请安装中文字体（Debian、Ubuntu：apt-get install "
            "fonts-noto-cjk；Windows 自带的宋体、黑体可直接使用），或在 bulletin.fonts 中写明字体文件夹") in failed.stderr
    assert "[bulletin-fonts]" in failed.stderr and "Aborted with 1 warnings in strict mode!" in failed.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["no-fonts", "src"]  # no site, nothing half-written
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("ignore: [withheld-value]", "ignore: [withheld-value, bulletin-fonts]"),
                      encoding="utf-8")
    built = run("build", "--strict", "-d", tmp_path / "out", cwd=site)
    assert "找不到中文字体" not in built.stderr
    assert sorted(p.name for p in (tmp_path / "out" / "downloads").glob("bulletin-*")) == ["bulletin-2024Q2.docx"]
    home = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "bulletin-2024Q2.docx" in home and "bulletin-2024Q2.pdf" not in home


def test_a_picture_of_the_cover_and_the_first_page_for_the_readme(report):
    """The README's picture of the bulletin: its cover and headline page, side by side, as Typst sets them
    (``make screenshots`` writes it to screenshots/bulletin.png)."""
    from PIL import Image, ImageStat

    from generator.bulletin import typeset
    from generator.bulletin.make import document, plan

    chosen = plan(report, load_site(ROOT / "mkdocs.yml"), formats=("pdf",))
    pages = [Image.open(io.BytesIO(b)).convert("L") for b in typeset.pngs(document(report, chosen), chosen.fonts,
                                                                          ppi=80, pages=2)]
    assert len(pages) == 2
    assert all(abs(p.height / p.width - 297 / 210) < 0.01 for p in pages)  # A4
    ink = [1 - ImageStat.Stat(p).mean[0] / 255 for p in pages]
    assert 0.005 < ink[0] < ink[1] < 0.5, ink  # a cover with its title, then a page of figures and charts
    gap = 24
    sheet = Image.new("RGB", (sum(p.width for p in pages) + gap * 3, pages[0].height + gap * 2), "#d0d4d9")
    for i, p in enumerate(pages):
        sheet.paste(p.convert("RGB"), (gap + i * (p.width + gap), gap))
    if os.environ.get("UPDATE_README_SCREENSHOT"):
        sheet.save(ROOT / "screenshots" / "bulletin.png", optimize=True)


def test_above_list_up_to_each_cluster_keeps_its_sentence_and_the_site_holds_its_list(tmp_path, made, report):
    site = copy_sample(tmp_path / "src")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - progress:\n", "  - progress:\n      bulletin:\n        list_up_to: 25\n", 1), encoding="utf-8")
    run("bulletin", "--format", "docx", "-o", tmp_path / "out", cwd=site)
    short, full = (docx.Document(folder / "bulletin-2022Q3.docx") for folder in (tmp_path / "out", made[0]))
    text = "\n".join(p.text for p in short.paragraphs)
    assert f"本通报涉及{len(report.projects)}个项目，各产业集群只写概况，项目明细见网站“项目一览”和数据下载。" in text
    clusters = [c.name for c in report.clusters.values() if report.projects_in(cluster_id=c.id)]
    headings = [p.text for p in short.paragraphs if p.style.name.startswith("Heading")]
    assert all(name in headings for name in clusters)  # each cluster still has its heading and sentence
    groups = len(clusters) + any(p.cluster_id is None for p in report.projects.values())  # 其他 for the rest
    assert len(full.tables) - len(short.tables) == groups  # and no table of its projects


def test_the_red_and_yellow_list_is_cut_at_list_up_to_rows_saying_how_many_more_and_where(tmp_path, report):
    """A province's thousands of red projects would be a bulletin of hundreds of pages (and gigabytes to set)."""
    site = copy_sample(tmp_path / "src")
    set_plugin(site, "bulletin:\n        list_up_to: 2\n")
    run("bulletin", "--format", "docx", "-o", tmp_path / "out", cwd=site)
    (path,) = (tmp_path / "out").glob("*.docx")
    document = docx.Document(path)
    behind = watch_names(report)
    assert len(behind) > 2
    text = "\n".join(p.text for p in document.paragraphs)
    assert f"以下{len(behind)}个项目亮红灯、黄灯" in text
    assert f"下表列出最落后的2个；其余{len(behind) - 2}个见网站“项目一览”页和数据下载。" in text
    watch = next(t for t in document.tables if t.rows[0].cells[0].text == "序号" and "存在问题" in t.rows[0].cells[4].text)
    assert [row.cells[1].text for row in watch.rows[1:]] == behind[:2]


@pytest.mark.parametrize("counts", [[1, 2], [1, 1], [3, 30]])
def test_a_chart_of_counts_ticks_at_whole_numbers_only(counts):
    """Two projects on a chart as wide as a page once read 0 1 1 2 2 (ticks at halves, printed as integers)."""
    from generator.bulletin.pictures import drawn
    from generator.rendering.charts import _bar

    records = [{"name": f"状态{i}", "value": n} for i, n in enumerate(counts)]
    chart = _bar("status", "项目建设状态", "", records, "项目数", in_order=True, counts=True)
    svg, _ = drawn(chart.spec)
    ticks = [t for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg) if t.isdigit()]
    assert ticks == sorted(set(ticks), key=int) and ticks[0] == "0" and int(ticks[-1]) >= max(counts)
    assert len(ticks) <= 9


def test_a_cell_longer_than_a_page_is_cut_saying_where_the_whole_is_and_no_row_is_clipped(tmp_path):
    """A name (or a 存在问题) of thousands of characters made a row taller than a page: it was cut off after about
    3,100 characters with no word, and every such row cost megabytes to set."""
    from generator.bulletin.compose import CELL_CHARS

    run("new", tmp_path / "site")
    site = tmp_path / "site"
    projects = site / "data" / "projects.csv"
    long_name = "示例新材料生产线项目" + "".join(f"第{i}期扩建工程，" for i in range(1, 600))  # about 5,000 characters
    projects.write_text(projects.read_text(encoding="utf-8").replace("示例新材料生产线项目", long_name), encoding="utf-8")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_name:", "site_url: https://xm.example.gov.cn/\nsite_name:", 1),
                      encoding="utf-8")
    run("build", "-d", tmp_path / "out", cwd=site)
    marker = "……（全文见网站 https://xm.example.gov.cn/projects/P001/）"  # the project's own page
    pdf = squeezed("".join(pdf_pages(next((tmp_path / "out" / "downloads").glob("bulletin-*.pdf")))))
    kept = long_name[:CELL_CHARS - len(marker)]
    assert squeezed(kept + marker) in pdf  # the whole of what is kept, and the marker after it: nothing clipped
    assert squeezed(long_name[:CELL_CHARS + 50]) not in pdf
    document = docx.Document(next((tmp_path / "out" / "downloads").glob("bulletin-*.docx")))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert kept + marker in cells and not any(len(c) > CELL_CHARS for c in cells)
    page = (tmp_path / "out" / "projects" / "P001" / "index.html").read_text(encoding="utf-8")
    assert long_name[-40:] in page  # the website has it whole
