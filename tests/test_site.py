"""Real MkDocs builds of the sample site: pages, figures from data, charts, no outside requests, search."""

import json
import os
import re
import subprocess
from pathlib import Path

import altair
import jsonschema
import pytest
import vl_convert

from generator import load_report, load_site
from generator.rendering.bundle import vl_version
from generator.rendering.pages import PageMaker
from generator.rendering.vega import RUNTIME, SERVED

from .conftest import ROOT
from .sites import Resources, copy_sample, outside, run, text_of

SCHEMA_FILE = Path(altair.__file__).parent / "vegalite" / "v6" / "schema" / "vega-lite-schema.json"
VALIDATOR = jsonschema.Draft7Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def report():
    return load_report(load_site(ROOT / "mkdocs.yml")).report


@pytest.fixture(scope="module")
def site(sample_site):
    assert "WARNING" not in (sample_site.parent / "build.log").read_text(encoding="utf-8")
    return sample_site


def pages(site):
    return sorted(site.rglob("*.html"))


def test_a_page_for_every_project_cluster_and_year(site, report):
    for pid in report.projects:
        assert (site / "projects" / pid / "index.html").is_file()
    for cid in report.clusters:
        assert (site / "clusters" / cid / "index.html").is_file()
    for year in report.years:
        assert (site / "years" / str(year) / "index.html").is_file()
    for page in ("index.html", "projects/index.html", "methodology/index.html"):
        assert (site / page).is_file()


def test_home_and_2022_page_show_12_projects_and_72_25_from_data(site, tmp_path):
    for page in ("report/index.html", "years/2022/index.html"):
        text = text_of((site / page).read_text(encoding="utf-8"))
        assert "共有12个省市重点项目，计划总投资72.25亿元" in text
    changed = copy_sample(tmp_path)
    for name in ("projects.csv", "progress.csv"):  # one 2022 key project fewer
        rows = (changed / "data" / name).read_text(encoding="utf-8-sig").splitlines()
        (changed / "data" / name).write_text("\n".join(r for r in rows if not r.startswith("ZD14")) + "\n", encoding="utf-8")
    run("build", "--strict", "-d", tmp_path / "out", cwd=changed)
    text = text_of((tmp_path / "out" / "report" / "index.html").read_text(encoding="utf-8"))
    assert "共有11个省市重点项目，计划总投资70.15亿元" in text


def test_every_chart_is_vega_that_draws_with_its_pages_rows_only(site, report):
    """Pages carry each chart compiled to Vega (the browser loads only Vega's runtime), with the page's rows in
    it; each draws, here in vl-convert's Vega, with as many marks as its table has rows or more."""
    checked = 0
    for page in pages(site):
        parser = Resources()
        parser.feed(page.read_text(encoding="utf-8"))
        for spec_id, raw in zip(parser.spec_ids, parser.specs):
            spec = json.loads(raw)
            assert "$schema" not in spec and "description" not in spec, (page, spec_id)
            given = [d for d in spec["data"] if "values" in d]
            assert given and all("url" not in d for d in spec["data"]), (page, spec_id)
            rows = given[0]["values"]
            rel = page.relative_to(site).parts
            if rel[0] == "projects" and rel[1] != "index.html":
                periods = {e.period.label("zh") for e in report.projects[rel[1]].progress}
                assert {r["period"] for r in rows if "period" in r} <= periods
            if rel[0] == "clusters" and spec_id == "chart-projects-spec":
                names = {p.name for p in report.projects_in(cluster_id=rel[1])}
                assert {r["name"] for r in rows} <= names and len(rows) <= len(names)
            if checked < 12 or spec_id == "chart-map-spec":  # drawing takes a moment: a sample, and every map
                svg = vl_convert.vega_to_svg(spec)
                assert svg.count("<path") + svg.count("<rect") + svg.count("<line") >= len(rows), (page, spec_id)
            checked += 1
    assert checked >= len(report.clusters) * 2 + len(report.years) + 4


def test_every_chart_is_valid_vega_lite_before_it_is_compiled(report):
    """What the bulletin draws and the pages compile: every page's charts, checked against Altair's schema."""
    maker = PageMaker(report)
    charts = [c for job in maker.jobs().values() for c in job().charts]
    assert len(charts) >= len(report.clusters) * 2 + len(report.years) + 4
    for chart in charts:
        errors = list(VALIDATOR.iter_errors(chart.spec))
        assert errors == [], (chart.id, errors[0].message if errors else "")


def test_the_runtime_served_is_the_vega_the_charts_are_compiled_for():
    compiled = vl_convert.vegalite_to_vega({"mark": "point", "data": {"values": [{"a": 1}]}}, vl_version=vl_version())
    major = re.search(r"/vega/v(\d+)", compiled["$schema"])[1]
    vega = (ROOT / "generator" / "rendering" / "assets" / RUNTIME[0]).read_text(encoding="utf-8")
    assert re.search(r'version="(\d+)\.', vega)[1] == major


def test_no_page_loads_anything_from_outside(site):
    for page in pages(site):
        parser = Resources()
        parser.feed(page.read_text(encoding="utf-8"))
        assert [u for u in parser.urls if outside(u)] == [], page
        assert "fonts.googleapis" not in page.read_text(encoding="utf-8")
    for css in site.rglob("*.css"):
        urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8"))
        assert [u for u in urls if outside(u)] == [], css
        assert "@import" not in re.sub(r"data:[^)]*", "", css.read_text(encoding="utf-8"))
    assert (site / "assets" / "progress" / SERVED).stat().st_size > 100_000


def test_search_index_is_segmented(site, report):
    """jieba splits Chinese into words (marked by U+200B), at full-width brackets and Latin letters too."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    assert separator.split("xx能加注站网络项目（一期）") == ["xx", "能加注站网络项目", "一期", ""]
    titles = {d["location"]: d["title"] for d in index["docs"]}
    assert titles["projects/ZD08/"] == "xx\u200b能\u200b加注\u200b站\u200b网络\u200b项目"
    assert titles["clusters/metal/"] == "金属\u200b智造\u200b产业\u200b集群"
    # the stamp line and the charts' number tables are left out of the index (they are on every page)
    texts = " ".join(d["text"] for d in index["docs"])
    assert "SHA-256" not in texts and "图表\u200b数据" not in texts and "图表数据" not in texts
    assert "加注" in texts  # descriptions are in


def test_chinese_headings_have_chinese_anchors(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert 'id="总体情况"' in html and 'id="重点关注红灯黄灯项目"' in html
    assert 'id="2021年工作情况"' in (site / "report" / "index.html").read_text(encoding="utf-8")


def test_navigation_does_not_list_projects(site, report):
    html = (site / "projects" / "ZD08" / "index.html").read_text(encoding="utf-8")
    start = html.find("md-nav--primary")
    nav = html[start:html.find('<div class="md-content"', start)]
    assert start > 0 and len(nav) > 1000 and "clusters/metal/" in nav  # the navigation is there …
    others = [pid for pid in report.projects if f"projects/{pid}/" in nav or f"../{pid}/" in nav]
    assert others == []  # … and lists no project
    assert len(html) < 60_000


def test_generated_pages_say_the_as_of_date_and_their_source_in_words_and_the_package_keeps_the_checksums(site, report):
    html = (site / "projects" / "ZS08" / "index.html").read_text(encoding="utf-8")
    assert "数据截至 2022年9月30日" in html
    assert "数据来源：xx 区发展和改革局报送的项目台账，数据截至 2022年9月30日。所据文件的名称和校验值见“数据与方法”页的数据包说明。" in html
    package = json.loads((site / "downloads" / "datapackage.json").read_text(encoding="utf-8"))
    for source in report.sources:  # no file name or checksum on a page; each in the data package
        assert source.sha256[:12] not in html and source.name not in html
        assert {"title": source.name, "sha256": source.sha256} in package["sources"]


def test_downloads_and_data_package(site):
    package = json.loads((site / "downloads" / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in package["resources"]] == ["projects", "clusters", "progress", "indicators"]
    raw = (site / "downloads" / "projects.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel on Chinese Windows reads UTF-8 only with a BOM
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    zd01 = next(r for r in rows if r["项目编号"] == "ZD01")
    assert (zd01["计划总投资（亿元）"], zd01["计划总投资说明"], zd01["建设状态"]) == ("", "未公开", "建成")
    zs10 = next(r for r in rows if r["项目编号"] == "ZS10")
    assert (zs10["年营业收入（亿元）"], zs10["年营业收入说明"]) == ("6", "以上")
    fields = [f["name"] for f in package["resources"][0]["schema"]["fields"]]
    assert fields == list(rows[0].keys()) and package["resources"][0]["schema"]["primaryKey"] == "项目编号"
    progress = json.loads((site / "downloads" / "progress.json").read_text(encoding="utf-8"))
    assert {"project": "ZD08", "period": "2022Q3", "completed_investment": "0.4", "status": "under_construction"}.items() \
        <= next(r for r in progress if r["project"] == "ZD08" and r["period"] == "2022Q3").items()


def test_the_home_page_is_titled_by_the_site_name_once_and_other_pages_after_their_own(site):
    title = lambda path: re.search(r"<title>(.*?)</title>", (site / path).read_text(encoding="utf-8")).group(1)
    assert title("index.html") == "xx 重点项目建设及招商引资进展"
    assert title("projects/index.html") == "项目一览 - xx 重点项目建设及招商引资进展"


def test_footer_carries_office_and_filing_number(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "xx 区发展和改革局" in html and "xxICP备00000000号" in html


def test_generate_out_and_plain_mkdocs_give_the_same_pages(site, tmp_path):
    from .sites import MKDOCS

    run("generate", "--out", tmp_path / "project")
    import yaml

    exported = yaml.safe_load((tmp_path / "project" / "mkdocs.yml").read_text(encoding="utf-8"))
    names = [p if isinstance(p, str) else next(iter(p)) for p in exported["plugins"]]
    assert "progress" not in names and "search" in names
    result = subprocess.run([MKDOCS, "build", "--strict", "-d", str(tmp_path / "plain")], cwd=tmp_path / "project",
                            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    ours = {p.relative_to(site) for p in pages(site)}
    plain = {p.relative_to(tmp_path / "plain") for p in pages(tmp_path / "plain")}
    assert ours == plain
    for rel in sorted(ours):
        assert _settled(site / rel) == _settled(tmp_path / "plain" / rel), rel


#: Where the export's theme template prints what the page hook inserts into the plugin's pages: before the
#: reading aids' bar, between it and the header, and after the footer (the head, all of it); and the blank lines
#: at the article's end, which the theme prints for a page with front matter (the export gives every page its
#: meta tags there; the plugin's home page has none left once its title, the site's name, is taken away).
_AROUND_MARKS = re.compile(r'\s+(?=<div class="ps-reading")|(?<=</div>)\s+(?=<header class="md-header)|(?<=</footer>)\s+'
                           r'|\s+(?=</article>)')


def _settled(path: Path) -> str:
    """A page without the whitespace between tags where the marks and reading aids are printed."""
    head, body = path.read_text(encoding="utf-8").split("</head>", 1)
    return re.sub(r">\s+<", "><", head.rstrip()) + "</head>" + _AROUND_MARKS.sub("", body)
